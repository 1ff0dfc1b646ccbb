complete -c scconf -s p -d 'Print the configuration'
complete -c scconf -s v -d 'Verbose (-pv); more v\'s are accepted'
complete -c scconf -s ? -l help -d 'Print help'
