# fish completion for scswitch (names from the scsim state)
complete -c scswitch -f -a '(scsim __complete scswitch (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
