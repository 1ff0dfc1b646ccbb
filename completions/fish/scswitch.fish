complete -c scswitch -s ? -l help
