# fish completion for clrslh (names from the scsim state)
complete -c clrslh -f -a '(scsim __complete clrslh (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
