# fish completion for scha_control (names from the scsim state)
complete -c scha_control -f -a '(scsim __complete scha_control (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
