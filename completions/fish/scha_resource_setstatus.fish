complete -c scha_resource_setstatus -s G -d 'The resource group' -r
complete -c scha_resource_setstatus -s R -d 'The resource' -r
complete -c scha_resource_setstatus -s s -d 'OK, DEGRADED, FAULTED, UNKNOWN or OFFLINE (any case)' -r
complete -c scha_resource_setstatus -s m -d 'The status message (scstat\'s Status Message column)' -r
complete -c scha_resource_setstatus -s ? -l help -d 'Print help'
