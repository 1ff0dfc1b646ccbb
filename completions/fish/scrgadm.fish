# fish completion for scrgadm (names from the scsim state)
complete -c scrgadm -f -a '(scsim __complete scrgadm (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
