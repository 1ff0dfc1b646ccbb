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
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scinstall" -d 'Run scinstall -p (print the Sun Cluster release)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scconf" -d 'Run scconf -p (print the cluster configuration)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scha_resource_get" -d 'Run scha_resource_get (print a resource\'s property, state or status)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scha_resourcegroup_get" -d 'Run scha_resourcegroup_get (print a resource group\'s property or state)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scha_resourcetype_get" -d 'Run scha_resourcetype_get (print a resource type\'s property)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scha_cluster_get" -d 'Run scha_cluster_get (print a property of the cluster or a node)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scha_resource_setstatus" -d 'Run scha_resource_setstatus (set a resource\'s status and message on this node)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "scha_control" -d 'Run scha_control (ask the RGM to restart or give over a resource or group)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clresourcetype" -d 'Run clresourcetype (register and show resource types; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clrt" -d 'Run clrt (alias of clresourcetype)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clresourcegroup" -d 'Run clresourcegroup (create, show, switch resource groups; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clrg" -d 'Run clrg (alias of clresourcegroup)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clresource" -d 'Run clresource (create, show, enable, disable resources; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clrs" -d 'Run clrs (alias of clresource)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clreslogicalhostname" -d 'Run clreslogicalhostname (logical hostname resources; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clrslh" -d 'Run clrslh (alias of clreslogicalhostname)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clressharedaddress" -d 'Run clressharedaddress (shared address resources; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clrssa" -d 'Run clrssa (alias of clressharedaddress)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clnode" -d 'Run clnode (show and evacuate cluster nodes; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clquorum" -d 'Run clquorum (show quorum votes; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clq" -d 'Run clq (alias of clquorum)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clinterconnect" -d 'Run clinterconnect (show the private interconnect; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "clintr" -d 'Run clintr (alias of clinterconnect)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "cldevicegroup" -d 'Run cldevicegroup (show and switch device groups; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "cldg" -d 'Run cldg (alias of cldevicegroup)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "cluster" -d 'Run cluster (status and configuration of the whole cluster; 3.2 and later)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "on" -d 'Run an SC command on NODE, as if logged in there (sets the local node)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "install" -d 'Install software on nodes (stands in for the Java ES installer)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "install-links" -d 'Create scrgadm, scswitch, scstat, scinstall, scconf, scha_resource_get, scha_resourcegroup_get, scha_resourcetype_get, scha_cluster_get, scha_resource_setstatus, scha_control, clresourcetype, clrt, clresourcegroup, clrg, clresource, clrs, clreslogicalhostname, clrslh, clressharedaddress, clrssa, clnode, clquorum, clq, clinterconnect, clintr, cldevicegroup, cldg and cluster links to this executable in DIR'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "log" -d 'Print the event log (method launches, state changes, commands)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "show" -d 'Show the simulator\'s detail: settings, relationships, dependencies (not scstat\'s sections)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "node" -d 'Crash, shut down or boot a simulated node'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "fault" -d 'Inject, list or clear simulated faults'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "time" -d 'Let simulated time pass'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "simulate" -d 'What-if: apply faults to a copy of the state and report what would happen'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "man" -d 'Print a man page (roff)'
complete -c scsim -n "__fish_scsim_needs_command" -f -a "state" -d 'Show where the state file is, or dump it'
complete -c scsim -n "__fish_scsim_using_subcommand init" -l nodes -d 'Cluster nodes in id order, comma-separated (ids 1..n)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l cluster-name -d 'Cluster name' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l quorum-devices -d 'Number of dual-ported quorum disks, device k between the nodes of pair k (1-2, 3-4, …) with 1 vote (default: 1 on a 2-node cluster, 0 otherwise)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l quorum-device -d 'A quorum device and the nodes connected to it (all when omitted); it has one vote less than its connected nodes (repeatable; d4 = /dev/did/rdsk/d4s2)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l adapters -d 'Private interconnect adapters of a node (repeatable; default qfe1,hme1); a node pair gets one transport path per adapter position both have' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l ipmp -d 'An IPMP group of a node over public adapters (repeatable; a node given here has only the groups given; default ipmp0 over qfe0,qfe4)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l device-group -d 'A device group, optionally with its node list (repeatable)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l log-size -d 'Size from which the messages file beside the state (the event log) is rotated to FILE.1, FILE.2, …: bytes, or with a suffix K, M, G [default: 1M]' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l log-files -d 'Messages files kept in all, the current one included; the oldest is removed at rotation [default: 8]' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l log-capacity -d 'Event-log entries to keep at least (sizes the messages files; older form of --log-size)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l release -d 'The release the cluster runs: 3.1 (scrgadm, scswitch, scstat), 3.2 (those and the object commands clrg, clrs, …), 4.4 (Oracle Solaris Cluster: the object commands only)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l host -d 'A host name and address for every node\'s /etc/hosts (repeatable)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l filesystem -d 'A failover file system\'s mount point for every node\'s /etc/vfstab (repeatable)' -r
complete -c scsim -n "__fish_scsim_using_subcommand init" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand init" -l force -d 'Replace an existing state file'
complete -c scsim -n "__fish_scsim_using_subcommand init" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand scrgadm" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scswitch" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scstat" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scinstall" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scconf" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scha_resource_get" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scha_resourcegroup_get" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scha_resourcetype_get" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scha_cluster_get" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scha_resource_setstatus" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand scha_control" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clresourcetype" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clrt" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clresourcegroup" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clrg" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clresource" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clrs" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clreslogicalhostname" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clrslh" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clressharedaddress" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clrssa" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clnode" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clquorum" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clq" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clinterconnect" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand clintr" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand cldevicegroup" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand cldg" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand cluster" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand on" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand on" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand install; and not __fish_seen_subcommand_from messaging-server" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand install; and not __fish_seen_subcommand_from messaging-server" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand install; and not __fish_seen_subcommand_from messaging-server" -f -a "messaging-server" -d 'Sun Java System Messaging Server 6 2005Q4: its programs under msg_svr_base/sbin on each node\'s local disk'
complete -c scsim -n "__fish_scsim_using_subcommand install; and __fish_seen_subcommand_from messaging-server" -l nodes -d 'The nodes to install on, comma-separated' -r
complete -c scsim -n "__fish_scsim_using_subcommand install; and __fish_seen_subcommand_from messaging-server" -l base -d 'msg_svr_base, the installation directory' -r
complete -c scsim -n "__fish_scsim_using_subcommand install; and __fish_seen_subcommand_from messaging-server" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand install; and __fish_seen_subcommand_from messaging-server" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -l force -d 'Replace existing files of those names'
complete -c scsim -n "__fish_scsim_using_subcommand install-links" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand log" -l group -d 'Only events about this resource group' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l resource -d 'Only events about this resource' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l node -d 'Only events logged on this node' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l since -d 'From this time (YYYY-MM-DDTHH:MM:SS[Z], "Nov 24 09:00:27" as the log prints it, seconds since the epoch, or a duration ago: 10m)' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l until -d 'Up to this time (same forms as --since)' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l last -d 'Only the last N matching events' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l follow-timeout -d 'With --follow: stop after this many seconds (for tests and scripts)' -r
complete -c scsim -n "__fish_scsim_using_subcommand log" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand log" -l json -d 'JSON output (with --follow: one JSON object per line)'
complete -c scsim -n "__fish_scsim_using_subcommand log" -s f -l follow -d 'Print the matching entries, then new ones as commands log them, until interrupted'
complete -c scsim -n "__fish_scsim_using_subcommand log" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand show" -s g -l group -d 'Only this resource group (its settings, relationships and resource dependencies)' -r
complete -c scsim -n "__fish_scsim_using_subcommand show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand show" -l json -d 'The whole status view as JSON (the object `scstat --json` prints)'
complete -c scsim -n "__fish_scsim_using_subcommand show" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up root" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up root" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up root" -f -a "down" -d 'The node crashes (or, with --clean, shuts down in order); its groups fail over'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up root" -f -a "up" -d 'The nodes boot and join (Boot methods, Failback, stranded groups come back)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and not __fish_seen_subcommand_from down up root" -f -a "root" -d 'Print the path of the node\'s root directory (its etc/hosts, etc/vfstab, opt/…)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l clean -d 'Orderly shutdown: switch the groups off first, then leave the cluster'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -l dry-run -d 'Print what would happen; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -l dry-run -d 'Print what would happen; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from root" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand node; and __fish_seen_subcommand_from root" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -f -a "inject" -d 'Make a method fail (or hang), or make a fault monitor report a failure now'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -f -a "list" -d 'List armed faults'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and not __fish_seen_subcommand_from inject list clear" -f -a "clear" -d 'Remove armed faults (all, or those of one resource)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l resource -d 'The resource' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l method -d 'The method that fails (Start, Stop, Prenet_start, Monitor_start, Validate, …)' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l server -d 'SUNW.ims: a Messaging Server server dies (now; the watcher restarts it, logs it or gives up, per local.autorestart): store, imap, pop, http, job_controller, dispatcher, ens, sched, mmp' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l node -d 'Only on this node' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l times -d 'Fail the next K calls (default: every call) / report K monitor failures (default 1)' -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l monitor -d 'The fault monitor reports the resource failed (now)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l watcher -d 'SUNW.ims: the Messaging Server watcher process dies (now)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l timeout -d 'The method hangs until its timeout instead of exiting non-zero'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -l dry-run -d 'Print what would happen; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from inject" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from list" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from list" -l json
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l resource -r
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -l dry-run -d 'Print what would be removed; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand fault; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and not __fish_seen_subcommand_from advance" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand time; and not __fish_seen_subcommand_from advance" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and not __fish_seen_subcommand_from advance" -f -a "advance" -d 'Let simulated time pass (90s, 10m, 1h30m, 2d)'
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -l dry-run -d 'Print what would expire; change nothing'
complete -c scsim -n "__fish_scsim_using_subcommand time; and __fish_seen_subcommand_from advance" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l node-down -d 'A node crashes (repeatable, applied in order)' -r
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l node-up -d 'A node boots (repeatable, applied after the node-downs)' -r
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l fail -d 'A method fails: R:METHOD[@NODE] (METHOD `monitor` = the fault monitor reports a failure)' -r
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand simulate" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand completions" -l command -d 'Command to complete: scsim, scrgadm, scswitch, scstat, scinstall, scconf, scha_resource_get, scha_resourcegroup_get, scha_resourcetype_get, scha_cluster_get, scha_resource_setstatus, scha_control, configure, configutil, ha_ip_config, useconfig, start-msg, stop-msg, clresourcetype, clrt, clresourcegroup, clrg, clresource, clrs, clreslogicalhostname, clrslh, clressharedaddress, clrssa, clnode, clquorum, clq, clinterconnect, clintr, cldevicegroup, cldg or cluster' -r
complete -c scsim -n "__fish_scsim_using_subcommand completions" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand completions" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand man" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand man" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -f -a "path" -d 'Print the path of the state file in use'
complete -c scsim -n "__fish_scsim_using_subcommand state; and not __fish_seen_subcommand_from path show" -f -a "show" -d 'Print the state file as pretty JSON'
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from path" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (also -?)'
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from show" -l state -d 'Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)' -r -F
complete -c scsim -n "__fish_scsim_using_subcommand state; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (also -?)'
