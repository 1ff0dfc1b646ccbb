# fish completion for scinstall (names from the scsim state)
complete -c scinstall -f -a '(scsim __complete scinstall (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
