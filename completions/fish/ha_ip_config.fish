# fish completion for ha_ip_config (names from the scsim state)
complete -c ha_ip_config -f -a '(scsim __complete ha_ip_config (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'
