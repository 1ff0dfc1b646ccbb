complete -c scha_resource_get -s O -d 'What to ask or request (any case; see the list below)' -r
complete -c scha_resource_get -s G -d 'The resource group' -r
complete -c scha_resource_get -s R -d 'The resource' -r
complete -c scha_resource_get -s ? -l help -d 'Print help'
complete -c scha_resource_get -s Q -d 'Include dependency qualifiers ({LOCAL_NODE}, …); scsim stores none'
