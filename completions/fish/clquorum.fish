# fish completion for clquorum (names from the scsim state)
complete -c clquorum -f -a '(scsim __complete clquorum (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
