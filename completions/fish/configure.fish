# fish completion for configure (names from the scsim state)
complete -c configure -f -a '(scsim __complete configure (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
