# fish completion for clinterconnect (names from the scsim state)
complete -c clinterconnect -f -a '(scsim __complete clinterconnect (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
