# fish completion for clreslogicalhostname (names from the scsim state)
complete -c clreslogicalhostname -f -a '(scsim __complete clreslogicalhostname (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
