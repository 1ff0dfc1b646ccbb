# fish completion for clresourcetype (names from the scsim state)
complete -c clresourcetype -f -a '(scsim __complete clresourcetype (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
