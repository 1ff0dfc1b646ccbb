# fish completion for cldg (names from the scsim state)
complete -c cldg -f -a '(scsim __complete cldg (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
