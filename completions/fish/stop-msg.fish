# fish completion for stop-msg (names from the scsim state)
complete -c stop-msg -f -a '(scsim __complete stop-msg (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
