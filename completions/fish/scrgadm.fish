complete -c scrgadm -s ? -l help
