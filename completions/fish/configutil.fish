# fish completion for configutil (names from the scsim state)
complete -c configutil -f -a '(scsim __complete configutil (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
