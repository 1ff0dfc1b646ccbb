# fish completion for scha_cluster_get (names from the scsim state)
complete -c scha_cluster_get -f -a '(scsim __complete scha_cluster_get (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
