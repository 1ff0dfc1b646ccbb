# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_scsim_global_optspecs
    string join \n state= h/help V/version
end

function __fish_scsim_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_scsim_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_scsim_using_subcommand
    set -l cmd (__fish_scsim_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c scsim -n "__fish_scsim_needs_command" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_needs_command" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_needs_command" -s V -l version -d 'Print version'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "init" -d 'Create a new simulated cluster (the only command that creates a state file)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scrgadm" -d 'Run scrgadm (configure resource types, groups and resources)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scswitch" -d 'Run scswitch (switch, enable, disable, evacuate)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scstat" -d 'Run scstat (show cluster status)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "install-links" -d 'Create scrgadm, scswitch and scstat links to this executable in DIR'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "log" -d 'Print the event log (method launches, state changes, commands)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "node" -d 'Crash, shut down or boot a simulated node'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "fault" -d 'Inject, list or clear simulated faults'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "time" -d 'Let simulated time pass'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "simulate" -d 'What-if: apply faults to a copy of the state and report what would happen'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "man" -d 'Print a man page (roff)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "state" -d 'Show where the state file is, or dump it'
complete -c scsim -n "__fish_scsim_using_subcommand init" -l nodes -d 'Cluster nodes in id order, comma-separated (ids 1..n)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l cluster-name -d 'Cluster name' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l quorum-devices -d 'Number of quorum devices (default: 1 on a 2-node cluster, 0 otherwise)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l device-group -d 'A device group, optionally with its node list (repeatable)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand init" -l force -d 'Replace an existing state file'
complete -c scsim -n "__fish_scsim_using_subcommand init" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand scrgadm" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scswitch" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scstat" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -l force -d 'Replace existing files of those names'
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand log" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand log" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand node" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand fault" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand time" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand time" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand completions" -l command -d 'Command to complete: scsim, scrgadm, scswitch or scstat' -r
complete -c scsim -n "__fish_scsim_using_subcommand completions" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand completions" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand man" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand man" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -f -a "path" -d 'Print the path of the state file in use'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -f -a "show" -d 'Print the state file as pretty JSON'
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from path" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
