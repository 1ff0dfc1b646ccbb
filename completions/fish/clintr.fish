# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clintr_global_optspecs
    string join \n ?/help V/version
end

function __fish_clintr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clintr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clintr_using_subcommand
    set -l cmd (__fish_clintr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clintr -n "__fish_clintr_needs_command" -s ? -l help -d 'Print help'
complete -c clintr -n "__fish_clintr_needs_command" -s V -l version -d 'Print the version'
complete -c clintr -n "__fish_clintr_needs_command" -f -a "show" -d 'Show the transport cables and adapters'
complete -c clintr -n "__fish_clintr_needs_command" -f -a "status" -d 'Show whether the transport paths are online'
complete -c clintr -n "__fish_clintr_using_subcommand show" -s v -l verbose
complete -c clintr -n "__fish_clintr_using_subcommand show" -s ? -l help -d 'Print help'
complete -c clintr -n "__fish_clintr_using_subcommand status" -s v -l verbose
complete -c clintr -n "__fish_clintr_using_subcommand status" -s ? -l help -d 'Print help'
