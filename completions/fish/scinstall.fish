complete -c scinstall -s p -d 'Print the release (-pv: and the package versions)'
complete -c scinstall -s v -d 'Verbose: the package versions as well'
complete -c scinstall -s ? -l help -d 'Print help'
