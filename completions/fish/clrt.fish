# fish completion for clrt (names from the scsim state)
complete -c clrt -f -a '(scsim __complete clrt (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
