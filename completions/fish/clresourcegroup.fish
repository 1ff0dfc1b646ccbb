# fish completion for clresourcegroup (names from the scsim state)
complete -c clresourcegroup -f -a '(scsim __complete clresourcegroup (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
