# fish completion for cldevicegroup (names from the scsim state)
complete -c cldevicegroup -f -a '(scsim __complete cldevicegroup (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
