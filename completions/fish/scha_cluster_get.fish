complete -c scha_cluster_get -s O -d 'What to ask or request (any case; see the list below)' -r
complete -c scha_cluster_get -s ? -l help -d 'Print help'
