complete -c scha_resourcegroup_get -s O -d 'What to ask or request (any case; see the list below)' -r
complete -c scha_resourcegroup_get -s G -d 'The resource group' -r
complete -c scha_resourcegroup_get -s ? -l help -d 'Print help'
