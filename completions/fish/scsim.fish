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
complete -c scsim -n "__fish_scsim_needs_command" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_needs_command" -s V -l version -d 'Print version'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "init" -d 'Create a new simulated cluster (the only command that creates a state file)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scrgadm" -d 'Run scrgadm (configure resource types, groups and resources)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scswitch" -d 'Run scswitch (switch, enable, disable, evacuate)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scstat" -d 'Run scstat (show cluster status)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "on" -d 'Run an SC command on NODE, as if logged in there (sets the local node)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "install-links" -d 'Create scrgadm, scswitch and scstat links to this executable in DIR'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "log" -d 'Print the event log (method launches, state changes, commands)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "node" -d 'Crash, shut down or boot a simulated node'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "fault" -d 'Inject, list or clear simulated faults'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "time" -d 'Let simulated time pass'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "simulate" -d 'What-if: apply faults to a copy of the state and report what would happen'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "help" -d 'Print the help of scsim, of one of its commands, or of an SC command'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "man" -d 'Print a man page (roff)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "export" -d 'Write the configuration out: the commands that recreate the cluster'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "import" -d 'Create a state from a real cluster\'s captured scrgadm -pvv (and scstat) output'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "history" -d 'List the kept earlier generations and the commands that changed them'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "undo" -d 'Step back over the last N changes (the previous generation becomes current)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "diff" -d 'Configuration and placement differences between two state files (exit 0 same, 1 different)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "graph" -d 'Draw nodes, groups, resources, dependencies, affinities and placement (Graphviz)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "state" -d 'Show where the state file is, or dump it'
complete -c scsim -n "__fish_scsim_using_subcommand init" -l nodes -d 'Cluster nodes in id order, comma-separated (ids 1..n)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l cluster-name -d 'Cluster name' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l quorum-devices -d 'Number of quorum devices (default: 1 on a 2-node cluster, 0 otherwise)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l device-group -d 'A device group, optionally with its node list (repeatable)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l log-capacity -d 'Event-log entries kept before the oldest rotate out (every command reads and rewrites them, so a larger log makes every command a little slower)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand init" -l force -d 'Replace an existing state file'
complete -c scsim -n "__fish_scsim_using_subcommand init" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand scrgadm" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scswitch" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scstat" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand on" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand on" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -l force -d 'Replace existing files of those names'
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand log" -l group -d 'Only events about this resource group' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l resource -d 'Only events about this resource' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l node -d 'Only events logged on this node' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l since -d 'From this time (YYYY-MM-DDTHH:MM:SS[Z], "Nov 24 09:00:27" as the log prints it, seconds since the epoch, or a duration ago: 10m)' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l until -d 'Up to this time (same forms as --since)' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l last -d 'Only the last N matching events' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand log" -l json -d 'JSON output'
complete -c scsim -n "__fish_scsim_using_subcommand log" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up" -f -a "down" -d 'The node crashes (or, with --clean, shuts down in order); its groups fail over'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up" -f -a "up" -d 'The nodes boot and join (Boot methods, Failback, stranded groups come back)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l clean -d 'Orderly shutdown: switch the groups off first, then leave the cluster'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l dry-run -d 'Print what would happen; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l json -d 'Print the outcome as JSON (docs/json.md)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -l dry-run -d 'Print what would happen; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -l json -d 'Print the outcome as JSON (docs/json.md)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -f -a "inject" -d 'Make a method fail (or hang), or make a fault monitor report a failure now'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -f -a "list" -d 'List armed faults'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -f -a "clear" -d 'Remove armed faults (all, or those of one resource)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l resource -d 'The resource' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l method -d 'The method that fails (Start, Stop, Prenet_start, Monitor_start, Validate, …)' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l node -d 'Only on this node' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l times -d 'Fail the next K calls (default: every call) / report K monitor failures (default 1)' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l monitor -d 'The fault monitor reports the resource failed (now)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l watcher -d 'SUNW.ims: the Messaging Server watcher process dies (now)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l timeout -d 'The method hangs until its timeout instead of exiting non-zero'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l dry-run -d 'Print what would happen; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l json -d 'Print the outcome as JSON (docs/json.md)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from list" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (format_version, faults) instead of text'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l resource -d 'Only the faults of this resource' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l dry-run -d 'Print what would be removed; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l json -d 'Print the outcome as JSON (docs/json.md)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and not __fish_seen_subcommand_from advance" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand time; and not __fish_seen_subcommand_from advance" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and not __fish_seen_subcommand_from advance" -f -a "advance" -d 'Let simulated time pass (90, 90s, 10m, "10 minutes", 1h30m, 2d)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -l dry-run -d 'Print what would expire; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -l json -d 'Print the outcome as JSON (docs/json.md)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l node-down -d 'A node crashes (repeatable, applied in order)' -r
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l node-up -d 'A node boots (repeatable, applied after the node-downs)' -r
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l fail -d 'A method fails: R:METHOD[@NODE] (METHOD `monitor` = the fault monitor reports a failure)' -r
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l json -d 'Print the simulation as JSON (docs/json.md)'
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand completions" -l command -d 'Command to complete: scsim, scrgadm, scswitch or scstat' -r
complete -c scsim -n "__fish_scsim_using_subcommand completions" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand completions" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand help" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand help" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand man" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand man" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand export" -l format -d 'What to write' -r -f -a "commands\t'The commands that recreate the cluster (a shell script)'"
complete -c scsim -n "__fish_scsim_using_subcommand export" -l release -d 'The release whose commands to write (default: the cluster\'s)' -r -f -a "3.1\t'Sun Cluster 3.1: scrgadm and scswitch'"
complete -c scsim -n "__fish_scsim_using_subcommand export" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand export" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand import" -l pvv -d 'A captured `scrgadm -pvv` output' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand import" -l scstat -d 'A captured `scstat` or `scstat -g` output: where the groups are online' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand import" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand import" -l force -d 'Replace an existing state file'
complete -c scsim -n "__fish_scsim_using_subcommand import" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand history" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand history" -l json -d 'Print JSON (format_version, generations) instead of text'
complete -c scsim -n "__fish_scsim_using_subcommand history" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand undo" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand undo" -l dry-run -d 'Print what would be undone; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand undo" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand diff" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand diff" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand graph" -l format -d 'dot or svg' -r -f -a "dot\t'Graphviz dot text'
svg\t'SVG drawn by Graphviz `dot` (must be installed)'"
complete -c scsim -n "__fish_scsim_using_subcommand graph" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand graph" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -f -a "path" -d 'Print the path of the state file in use'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -f -a "show" -d 'Print the state file as pretty JSON'
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from path" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (also -?)'
