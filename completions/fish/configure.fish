complete -c configure -s ? -l help -d 'Print help'
