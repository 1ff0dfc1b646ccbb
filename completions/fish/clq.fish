# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clq_global_optspecs
    string join \n ?/help V/version
end

function __fish_clq_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clq_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clq_using_subcommand
    set -l cmd (__fish_clq_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clq -n "__fish_clq_needs_command" -s ? -l help -d 'Print help'
complete -c clq -n "__fish_clq_needs_command" -s V -l version -d 'Print the version'
complete -c clq -n "__fish_clq_needs_command" -f -a "list" -d 'List quorum devices and nodes'
complete -c clq -n "__fish_clq_needs_command" -f -a "show" -d 'Show the configuration of quorum devices and node votes'
complete -c clq -n "__fish_clq_needs_command" -f -a "status" -d 'Show the votes needed, present and possible'
complete -c clq -n "__fish_clq_using_subcommand list" -s v -l verbose
complete -c clq -n "__fish_clq_using_subcommand list" -s ? -l help -d 'Print help'
complete -c clq -n "__fish_clq_using_subcommand show" -s v -l verbose
complete -c clq -n "__fish_clq_using_subcommand show" -s ? -l help -d 'Print help'
complete -c clq -n "__fish_clq_using_subcommand status" -s v -l verbose
complete -c clq -n "__fish_clq_using_subcommand status" -s ? -l help -d 'Print help'
