# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clnode_global_optspecs
    string join \n ?/help V/version
end

function __fish_clnode_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clnode_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clnode_using_subcommand
    set -l cmd (__fish_clnode_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clnode -n "__fish_clnode_needs_command" -s ? -l help -d 'Print help'
complete -c clnode -n "__fish_clnode_needs_command" -s V -l version -d 'Print the version'
complete -c clnode -n "__fish_clnode_needs_command" -f -a "list" -d 'List node names'
complete -c clnode -n "__fish_clnode_needs_command" -f -a "show" -d 'Show the configuration of nodes'
complete -c clnode -n "__fish_clnode_needs_command" -f -a "status" -d 'Show whether nodes are cluster members (-m: and their IPMP groups)'
complete -c clnode -n "__fish_clnode_needs_command" -f -a "evacuate" -d 'Move every resource group and device group off a node'
complete -c clnode -n "__fish_clnode_using_subcommand list" -s v -l verbose
complete -c clnode -n "__fish_clnode_using_subcommand list" -s ? -l help -d 'Print help'
complete -c clnode -n "__fish_clnode_using_subcommand show" -s v -l verbose
complete -c clnode -n "__fish_clnode_using_subcommand show" -s ? -l help -d 'Print help'
complete -c clnode -n "__fish_clnode_using_subcommand status" -s m -d 'IPMP group status too'
complete -c clnode -n "__fish_clnode_using_subcommand status" -s v -l verbose
complete -c clnode -n "__fish_clnode_using_subcommand status" -s ? -l help -d 'Print help'
complete -c clnode -n "__fish_clnode_using_subcommand evacuate" -s T -l time -d 'Seconds the node is not chosen again (default 60)' -r
complete -c clnode -n "__fish_clnode_using_subcommand evacuate" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c clnode -n "__fish_clnode_using_subcommand evacuate" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c clnode -n "__fish_clnode_using_subcommand evacuate" -s ? -l help -d 'Print help'
