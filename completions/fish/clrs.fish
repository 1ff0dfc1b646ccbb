# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clrs_global_optspecs
    string join \n ?/help V/version
end

function __fish_clrs_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clrs_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clrs_using_subcommand
    set -l cmd (__fish_clrs_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clrs -n "__fish_clrs_needs_command" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_needs_command" -s V -l version -d 'Print the version'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "create" -d 'Create resources (enabled unless -d)'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "delete" -d 'Delete resources (-F: disable them first)'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "set" -d 'Change properties (name=value, name+=value, name-=value)'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "show" -d 'Show the configuration of resources'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "list" -d 'List resource names'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "list-props" -d 'List the properties of resources'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "status" -d 'Show the state of resources on their nodes'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "enable" -d 'Enable resources'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "disable" -d 'Disable resources'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "monitor" -d 'Enable the fault monitors of resources'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "unmonitor" -d 'Disable the fault monitors of resources'
complete -c clrs -n "__fish_clrs_needs_command" -f -a "clear" -d 'Clear an error flag (STOP_FAILED) of resources (`reset` in clrslh and clrssa)'
complete -c clrs -n "__fish_clrs_using_subcommand create" -s g -l resourcegroup -d 'The resource group' -r
complete -c clrs -n "__fish_clrs_using_subcommand create" -s t -l type -d 'The resource type' -r
complete -c clrs -n "__fish_clrs_using_subcommand create" -s p -l property -d 'A property (standard or extension)' -r
complete -c clrs -n "__fish_clrs_using_subcommand create" -s y -l standard-property -d 'A standard property' -r
complete -c clrs -n "__fish_clrs_using_subcommand create" -s x -l extension-property -d 'An extension property' -r
complete -c clrs -n "__fish_clrs_using_subcommand create" -s d -l disable -d 'Leave the new resources disabled'
complete -c clrs -n "__fish_clrs_using_subcommand create" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand create" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand create" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand delete" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand delete" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand delete" -s F -l force -d 'Disable enabled resources before deleting them'
complete -c clrs -n "__fish_clrs_using_subcommand delete" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand delete" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand delete" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand set" -s p -l property -r
complete -c clrs -n "__fish_clrs_using_subcommand set" -s y -l standard-property -r
complete -c clrs -n "__fish_clrs_using_subcommand set" -s x -l extension-property -r
complete -c clrs -n "__fish_clrs_using_subcommand set" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand set" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand set" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand set" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand set" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand show" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand show" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand show" -s v -l verbose -d 'Every property'
complete -c clrs -n "__fish_clrs_using_subcommand show" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand list" -s n -l node -d 'Only resources whose group may run on these nodes' -r
complete -c clrs -n "__fish_clrs_using_subcommand list" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand list" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand list" -s v -l verbose -d 'With group and type'
complete -c clrs -n "__fish_clrs_using_subcommand list" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand list-props" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand list-props" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand list-props" -s v -l verbose -d 'With class and description'
complete -c clrs -n "__fish_clrs_using_subcommand list-props" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand status" -s n -l node -d 'Only these nodes' -r
complete -c clrs -n "__fish_clrs_using_subcommand status" -s s -l state -d 'Only resources in one of these states on some node' -r
complete -c clrs -n "__fish_clrs_using_subcommand status" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand status" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand status" -l json -d 'Print the status as JSON (the scstat --json format; scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand status" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand enable" -s n -l node -d 'Only on these nodes (3.2 per-node switches)' -r
complete -c clrs -n "__fish_clrs_using_subcommand enable" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand enable" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand enable" -s r -l recursive -d 'Also the resources they depend on (enable) or that depend on them (disable)'
complete -c clrs -n "__fish_clrs_using_subcommand enable" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand enable" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand enable" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand disable" -s n -l node -d 'Only on these nodes (3.2 per-node switches)' -r
complete -c clrs -n "__fish_clrs_using_subcommand disable" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand disable" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand disable" -s r -l recursive -d 'Also the resources they depend on (enable) or that depend on them (disable)'
complete -c clrs -n "__fish_clrs_using_subcommand disable" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand disable" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand disable" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -s n -l node -d 'Only on these nodes (3.2 per-node switches)' -r
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -s r -l recursive -d 'Also the resources they depend on (enable) or that depend on them (disable)'
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand monitor" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -s n -l node -d 'Only on these nodes (3.2 per-node switches)' -r
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -s r -l recursive -d 'Also the resources they depend on (enable) or that depend on them (disable)'
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand unmonitor" -s ? -l help -d 'Print help'
complete -c clrs -n "__fish_clrs_using_subcommand clear" -s f -l flag -d 'The error flag to clear' -r
complete -c clrs -n "__fish_clrs_using_subcommand clear" -s n -l node -d 'On these nodes (default: every node of the group)' -r
complete -c clrs -n "__fish_clrs_using_subcommand clear" -s g -l resourcegroup -d 'Only resources of these groups' -r
complete -c clrs -n "__fish_clrs_using_subcommand clear" -s t -l type -d 'Only resources of these types' -r
complete -c clrs -n "__fish_clrs_using_subcommand clear" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand clear" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clrs -n "__fish_clrs_using_subcommand clear" -s ? -l help -d 'Print help'
