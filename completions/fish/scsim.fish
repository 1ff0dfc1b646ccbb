# fish completion for scsim (names from the scsim state)
complete -c scsim -f -a '(scsim __complete scsim (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
