# fish completion for clrssa (names from the scsim state)
complete -c clrssa -f -a '(scsim __complete clrssa (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
