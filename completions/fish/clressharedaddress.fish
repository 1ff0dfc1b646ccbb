# fish completion for clressharedaddress (names from the scsim state)
complete -c clressharedaddress -f -a '(scsim __complete clressharedaddress (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
