# fish completion for scha_resource_get (names from the scsim state)
complete -c scha_resource_get -f -a '(scsim __complete scha_resource_get (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
