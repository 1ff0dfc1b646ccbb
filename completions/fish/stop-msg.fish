complete -c stop-msg -s ? -l help -d 'Print help'
