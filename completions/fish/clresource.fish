# fish completion for clresource (names from the scsim state)
complete -c clresource -f -a '(scsim __complete clresource (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
