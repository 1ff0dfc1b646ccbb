complete -c scrgadm -s t -d 'Resource type name' -r
complete -c scrgadm -s g -d 'Resource group name' -r
complete -c scrgadm -s j -d 'Resource name' -r
complete -c scrgadm -s h -d 'Node list: a group\'s Nodelist, or a type\'s Installed_nodes' -r
complete -c scrgadm -s f -d 'RTR file of the type to register' -r
complete -c scrgadm -s y -d 'Standard property (repeatable)' -r
complete -c scrgadm -s x -d 'Extension property (repeatable)' -r
complete -c scrgadm -s l -d 'Host names of a LogicalHostname/SharedAddress resource (HostnameList)' -r
complete -c scrgadm -s n -d 'IPMP groups per node, ipmpgroup@node (NetIfList)' -r
complete -c scrgadm -s X -d 'Auxiliary nodes of a SharedAddress resource (AuxNodeList)' -r
complete -c scrgadm -s ? -l help -d 'Print help'
complete -c scrgadm -s a -d 'Add: register a type, create a group or a resource'
complete -c scrgadm -s c -d 'Change properties of a type, group or resource'
complete -c scrgadm -s r -d 'Remove a type, group or resource'
complete -c scrgadm -s p -d 'Print the configuration (-pv, -pvv for more)'
complete -c scrgadm -s v -d 'More detail with -p (-pv, -pvv)'
complete -c scrgadm -s L -d 'With -a: create a SUNW.LogicalHostname resource'
complete -c scrgadm -s S -d 'With -a: create a SUNW.SharedAddress resource'
complete -c scrgadm -l dry-run -d 'Check the change and show what it would do; write nothing'
complete -c scrgadm -l json -d 'With -p: print the configuration as JSON'
