complete -c start-msg -s ? -l help -d 'Print help'
