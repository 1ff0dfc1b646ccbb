complete -c useconfig -s ? -l help -d 'Print help'
