# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clresourcetype_global_optspecs
    string join \n ?/help V/version
end

function __fish_clresourcetype_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clresourcetype_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clresourcetype_using_subcommand
    set -l cmd (__fish_clresourcetype_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -s V -l version -d 'Print the version'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "register" -d 'Register resource types'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "unregister" -d 'Unregister resource types (no resource may use them)'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "list" -d 'List registered types'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "list-props" -d 'List the properties of types'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "show" -d 'Show the configuration of types'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "set" -d 'Change the installed nodes or RT_system'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "add-node" -d 'Add nodes to the nodes the types are installed on'
complete -c clresourcetype -n "__fish_clresourcetype_needs_command" -f -a "remove-node" -d 'Remove nodes from the nodes the types are installed on'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand register" -s f -l rtrfile -d 'The type\'s RTR file' -r
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand register" -s n -l node -d 'The nodes the type is installed on (default: every node)' -r
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand register" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand register" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand register" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand unregister" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand unregister" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand unregister" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand list" -s v -l verbose -d 'With the nodes they are installed on'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand list" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand list-props" -s v -l verbose -d 'With class and description'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand list-props" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand show" -s v -l verbose -d 'Methods and properties too'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand show" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand set" -s n -l node -r
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand set" -s p -l property -r
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand set" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand set" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand set" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand add-node" -s n -l node -r
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand add-node" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand add-node" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand add-node" -s ? -l help -d 'Print help'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand remove-node" -s n -l node -r
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand remove-node" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand remove-node" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clresourcetype -n "__fish_clresourcetype_using_subcommand remove-node" -s ? -l help -d 'Print help'
