complete -c scha_control -s O -d 'What to ask or request (any case; see the list below)' -r
complete -c scha_control -s G -d 'The resource group' -r
complete -c scha_control -s R -d 'The resource' -r
complete -c scha_control -s ? -l help -d 'Print help'
