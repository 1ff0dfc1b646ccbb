# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cldg_global_optspecs
    string join \n ?/help V/version
end

function __fish_cldg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cldg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cldg_using_subcommand
    set -l cmd (__fish_cldg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cldg -n "__fish_cldg_needs_command" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_needs_command" -s V -l version -d 'Print the version'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "list" -d 'List device group names'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "show" -d 'Show the configuration of device groups'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "status" -d 'Show the primary, secondary and status of device groups'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "switch" -d 'Make a node the primary'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "online" -d 'Bring device groups online (on the node given, else on the first of their nodes)'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "offline" -d 'Take device groups offline'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "enable" -d 'Allow device groups to be brought online again (leave maintenance)'
complete -c cldg -n "__fish_cldg_needs_command" -f -a "disable" -d 'Take device groups offline and keep them offline (maintenance)'
complete -c cldg -n "__fish_cldg_using_subcommand list" -s v -l verbose
complete -c cldg -n "__fish_cldg_using_subcommand list" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand show" -s v -l verbose
complete -c cldg -n "__fish_cldg_using_subcommand show" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand status" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand switch" -s n -l node -r
complete -c cldg -n "__fish_cldg_using_subcommand switch" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand switch" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand switch" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand online" -s n -l node -r
complete -c cldg -n "__fish_cldg_using_subcommand online" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand online" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand online" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand offline" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand offline" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand offline" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand enable" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand enable" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand enable" -s ? -l help -d 'Print help'
complete -c cldg -n "__fish_cldg_using_subcommand disable" -s v -l verbose -d 'Print what ran and where the groups ended up (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand disable" -l dry-run -d 'Print the plan and the simulated result; change nothing (scsim extension)'
complete -c cldg -n "__fish_cldg_using_subcommand disable" -s ? -l help -d 'Print help'
