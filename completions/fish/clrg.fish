# fish completion for clrg (names from the scsim state)
complete -c clrg -f -a '(scsim __complete clrg (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
