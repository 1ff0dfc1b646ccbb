# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clrg_global_optspecs
    string join \n ?/help V/version
end

function __fish_clrg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clrg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clrg_using_subcommand
    set -l cmd (__fish_clrg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clrg -n "__fish_clrg_needs_command" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_needs_command" -s V -l version -d 'Print the version'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "create" -d 'Create resource groups (unmanaged, offline)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "delete" -d 'Delete resource groups (-F: with their resources, taking them offline first)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "add-node" -d 'Add nodes to the Nodelist'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "remove-node" -d 'Remove nodes from the Nodelist'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "set" -d 'Change group properties (name=value, name+=value, name-=value)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "show" -d 'Show the configuration of groups and their resources'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "list" -d 'List group names'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "status" -d 'Show the state of groups on their nodes'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "online" -d 'Bring groups online (-M manage, -e enable resources, -m enable monitors)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "offline" -d 'Take groups offline (on every node, or on the nodes given)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "switch" -d 'Switch groups to the nodes given'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "manage" -d 'Make groups managed (offline)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "unmanage" -d 'Make offline groups unmanaged'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "suspend" -d 'Suspend automatic recovery'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "resume" -d 'Resume automatic recovery'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "quiesce" -d 'Quiesce groups (let running methods finish, stop automatic actions)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "restart" -d 'Restart groups on their primaries (or the nodes given)'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "evacuate" -d 'Move every group off the nodes given'
complete -c clrg -n "__fish_clrg_needs_command" -f -a "remaster" -d 'Bring groups to their most preferred nodes'
complete -c clrg -n "__fish_clrg_using_subcommand create" -s n -l node -d 'The Nodelist (default: every cluster node)' -r
complete -c clrg -n "__fish_clrg_using_subcommand create" -s p -l property -d 'A group property' -r
complete -c clrg -n "__fish_clrg_using_subcommand create" -s S -l scalable -d 'A scalable group (Maximum_primaries and Desired_primaries = the number of nodes)'
complete -c clrg -n "__fish_clrg_using_subcommand create" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand create" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand create" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand delete" -s F -l force -d 'Delete the resources too, disabling them and taking the group offline first'
complete -c clrg -n "__fish_clrg_using_subcommand delete" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand delete" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand delete" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand add-node" -s n -l node -r
complete -c clrg -n "__fish_clrg_using_subcommand add-node" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand add-node" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand add-node" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand remove-node" -s n -l node -r
complete -c clrg -n "__fish_clrg_using_subcommand remove-node" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand remove-node" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand remove-node" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand set" -s n -l node -d 'A new Nodelist' -r
complete -c clrg -n "__fish_clrg_using_subcommand set" -s p -l property -r
complete -c clrg -n "__fish_clrg_using_subcommand set" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand set" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand set" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand show" -s n -l node -d 'Only groups whose Nodelist has one of these nodes' -r
complete -c clrg -n "__fish_clrg_using_subcommand show" -s v -l verbose -d 'Every property'
complete -c clrg -n "__fish_clrg_using_subcommand show" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand list" -s r -l resource -d 'Only groups holding one of these resources' -r
complete -c clrg -n "__fish_clrg_using_subcommand list" -s n -l node -d 'Only groups whose Nodelist has one of these nodes' -r
complete -c clrg -n "__fish_clrg_using_subcommand list" -s s -l state -d 'Only groups in one of these states on some node' -r
complete -c clrg -n "__fish_clrg_using_subcommand list" -s t -l type -d 'Only groups holding a resource of one of these types' -r
complete -c clrg -n "__fish_clrg_using_subcommand list" -s v -l verbose -d 'With its mode'
complete -c clrg -n "__fish_clrg_using_subcommand list" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand status" -s n -l node -d 'Only these nodes' -r
complete -c clrg -n "__fish_clrg_using_subcommand status" -s s -l state -d 'Only groups in one of these states on some node' -r
complete -c clrg -n "__fish_clrg_using_subcommand status" -l json -d 'Print the status as JSON (the scstat --json format; scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand status" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand online" -s n -l node -d 'Bring them online on these nodes' -r
complete -c clrg -n "__fish_clrg_using_subcommand online" -s e -l enable -d 'Enable every resource of the groups'
complete -c clrg -n "__fish_clrg_using_subcommand online" -s m -l monitor -d 'Enable the fault monitors of the resources'
complete -c clrg -n "__fish_clrg_using_subcommand online" -s M -l manage -d 'Manage the groups first'
complete -c clrg -n "__fish_clrg_using_subcommand online" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand online" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand online" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand offline" -s n -l node -r
complete -c clrg -n "__fish_clrg_using_subcommand offline" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand offline" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand offline" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand switch" -s n -l node -r
complete -c clrg -n "__fish_clrg_using_subcommand switch" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand switch" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand switch" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand manage" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand manage" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand manage" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand unmanage" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand unmanage" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand unmanage" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand suspend" -s k -l kill -d 'Kill methods that are running'
complete -c clrg -n "__fish_clrg_using_subcommand suspend" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand suspend" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand suspend" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand resume" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand resume" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand resume" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand quiesce" -s k -l kill -d 'Kill methods that are running'
complete -c clrg -n "__fish_clrg_using_subcommand quiesce" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand quiesce" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand quiesce" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand restart" -s n -l node -r
complete -c clrg -n "__fish_clrg_using_subcommand restart" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand restart" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand restart" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand evacuate" -s n -l node -r
complete -c clrg -n "__fish_clrg_using_subcommand evacuate" -s T -l time -d 'Seconds the node is not chosen again (default 60)' -r
complete -c clrg -n "__fish_clrg_using_subcommand evacuate" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand evacuate" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand evacuate" -s ? -l help -d 'Print help'
complete -c clrg -n "__fish_clrg_using_subcommand remaster" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand remaster" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrg -n "__fish_clrg_using_subcommand remaster" -s ? -l help -d 'Print help'
