# fish completion for cluster (names from the scsim state)
complete -c cluster -f -a '(scsim __complete cluster (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
