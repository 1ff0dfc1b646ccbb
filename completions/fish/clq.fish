# fish completion for clq (names from the scsim state)
complete -c clq -f -a '(scsim __complete clq (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
