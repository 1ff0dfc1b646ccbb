# fish completion for scha_resourcetype_get (names from the scsim state)
complete -c scha_resourcetype_get -f -a '(scsim __complete scha_resourcetype_get (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
