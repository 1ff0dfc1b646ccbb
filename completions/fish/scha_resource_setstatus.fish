# fish completion for scha_resource_setstatus (names from the scsim state)
complete -c scha_resource_setstatus -f -a '(scsim __complete scha_resource_setstatus (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
