complete -c ha_ip_config -s ? -l help -d 'Print help'
