# fish completion for clnode (names from the scsim state)
complete -c clnode -f -a '(scsim __complete clnode (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
