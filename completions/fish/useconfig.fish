# fish completion for useconfig (names from the scsim state)
complete -c useconfig -f -a '(scsim __complete useconfig (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
