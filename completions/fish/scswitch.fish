complete -c scswitch -s g -d 'Resource groups (comma-separated)' -r
complete -c scswitch -s j -d 'Resources (comma-separated)' -r
complete -c scswitch -s h -d 'Nodes (comma-separated)' -r
complete -c scswitch -s D -d 'Device groups (comma-separated)' -r
complete -c scswitch -s f -d 'Error flag to clear with -c (STOP_FAILED)' -r
complete -c scswitch -s K -d 'With -S: seconds the evacuated node is not chosen (default 60)' -r
complete -c scswitch -s ? -l help -d 'Print help'
complete -c scswitch -s c -d 'Clear an error flag (-f STOP_FAILED) of resources on nodes'
complete -c scswitch -s e -d 'Enable resources (or, with -M, their fault monitors)'
complete -c scswitch -s n -d 'Disable resources (or, with -M, their fault monitors)'
complete -c scswitch -s F -d 'Take resource groups or device groups offline'
complete -c scswitch -s m -d 'Put device groups in maintenance'
complete -c scswitch -s Q -d 'Quiesce resource groups'
complete -c scswitch -s R -d 'Restart resource groups on nodes'
complete -c scswitch -s r -d 'Resume automatic recovery'
complete -c scswitch -s S -d 'Evacuate a node'
complete -c scswitch -s s -d 'Suspend automatic recovery'
complete -c scswitch -s u -d 'Make resource groups unmanaged'
complete -c scswitch -s o -d 'Make resource groups managed'
complete -c scswitch -s Z -d 'Manage, enable and bring resource groups online'
complete -c scswitch -s z -d 'Switch resource groups or device groups to nodes'
complete -c scswitch -s M -d 'With -e/-n: the fault monitor only'
complete -c scswitch -s k -d 'With -Q/-s: kill running methods'
complete -c scswitch -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c scswitch -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c scswitch -l json -d 'Print the outcome (what ran or would run, the resulting placement) as JSON (scsim extension; docs/json.md)'
