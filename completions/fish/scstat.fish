# fish completion for scstat (names from the scsim state)
complete -c scstat -f -a '(scsim __complete scstat (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
