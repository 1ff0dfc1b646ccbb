# fish completion for clrs (names from the scsim state)
complete -c clrs -f -a '(scsim __complete clrs (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
