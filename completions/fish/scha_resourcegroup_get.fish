# fish completion for scha_resourcegroup_get (names from the scsim state)
complete -c scha_resourcegroup_get -f -a '(scsim __complete scha_resourcegroup_get (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
