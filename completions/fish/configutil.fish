complete -c configutil -s o -d 'The parameter to show, or to set with -v' -r
complete -c configutil -s v -d 'Set the parameter to this value (-v "" clears it)' -r
complete -c configutil -s p -d 'List the parameters whose names start with prefix' -r
complete -c configutil -s ? -l help -d 'Print help'
