# fish completion for scconf (names from the scsim state)
complete -c scconf -f -a '(scsim __complete scconf (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
