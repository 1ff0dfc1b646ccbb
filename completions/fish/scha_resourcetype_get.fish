complete -c scha_resourcetype_get -s O -d 'What to ask or request (any case; see the list below)' -r
complete -c scha_resourcetype_get -s T -d 'The resource type' -r
complete -c scha_resourcetype_get -s ? -l help -d 'Print help'
