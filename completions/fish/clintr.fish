# fish completion for clintr (names from the scsim state)
complete -c clintr -f -a '(scsim __complete clintr (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
