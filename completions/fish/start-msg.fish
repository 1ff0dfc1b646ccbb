# fish completion for start-msg (names from the scsim state)
complete -c start-msg -f -a '(scsim __complete start-msg (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
