# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cluster_global_optspecs
    string join \n ?/help V/version
end

function __fish_cluster_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cluster_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cluster_using_subcommand
    set -l cmd (__fish_cluster_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cluster -n "__fish_cluster_needs_command" -s ? -l help -d 'Print help'
complete -c cluster -n "__fish_cluster_needs_command" -s V -l version -d 'Print the version'
complete -c cluster -n "__fish_cluster_needs_command" -f -a "status" -d 'Status of nodes, transport paths, quorum, device groups, resource groups, resources, IPMP'
complete -c cluster -n "__fish_cluster_needs_command" -f -a "show" -d 'Configuration of every object'
complete -c cluster -n "__fish_cluster_needs_command" -f -a "list" -d 'The cluster\'s name'
complete -c cluster -n "__fish_cluster_needs_command" -f -a "list-cmds" -d 'The object commands of this release'
complete -c cluster -n "__fish_cluster_using_subcommand status" -s v -l verbose
complete -c cluster -n "__fish_cluster_using_subcommand status" -l json -d 'Print the status as JSON (the scstat --json format; scsim extension)'
complete -c cluster -n "__fish_cluster_using_subcommand status" -s ? -l help -d 'Print help'
complete -c cluster -n "__fish_cluster_using_subcommand show" -s v -l verbose
complete -c cluster -n "__fish_cluster_using_subcommand show" -s ? -l help -d 'Print help'
complete -c cluster -n "__fish_cluster_using_subcommand list" -s ? -l help -d 'Print help'
complete -c cluster -n "__fish_cluster_using_subcommand list-cmds" -s ? -l help -d 'Print help'
