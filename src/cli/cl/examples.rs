//! Examples of the object CLI for `--help` and the man pages: for each command (under its
//! short name) the command's own examples and those of every subcommand, in the forms runbooks
//! and the Oracle procedures use. [`of`] looks them up by the name the command was invoked as.

/// (command line, what it does).
pub type Examples = &'static [(&'static str, &'static str)];

/// The short name of an object command invoked as `name` (`clresourcegroup` → `clrg`).
pub fn short_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "clresourcetype" | "clrt" => "clrt",
        "clresourcegroup" | "clrg" => "clrg",
        "clresource" | "clrs" => "clrs",
        "clreslogicalhostname" | "clrslh" => "clrslh",
        "clressharedaddress" | "clrssa" => "clrssa",
        "clnode" => "clnode",
        "clquorum" | "clq" => "clq",
        "clinterconnect" | "clintr" => "clintr",
        "cldevicegroup" | "cldg" => "cldg",
        "cluster" => "cluster",
        _ => return None,
    })
}

/// The examples of command `name` (as invoked), of its subcommand `verb` when given.
pub fn of(name: &str, verb: Option<&str>) -> Examples {
    let Some(short) = short_name(name) else {
        return &[];
    };
    let verb = verb.unwrap_or("");
    TABLE
        .iter()
        .find(|(c, v, _)| *c == short && *v == verb)
        .map_or(&[], |(_, _, e)| e)
}

/// Every (command, subcommand) with examples; the subcommand `""` is the command itself.
pub fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLE.iter().map(|(c, v, _)| (*c, *v))
}

type Row = (&'static str, &'static str, Examples);

static TABLE: &[Row] = &[
    (
        "clrt",
        "",
        &[
            (
                "clrt register SUNW.HAStoragePlus SUNW.gds",
                "register two built-in types",
            ),
            ("clrt list -v", "the registered types and their nodes"),
            (
                "clrt show -v SUNW.gds",
                "a type with its methods and properties",
            ),
        ],
    ),
    (
        "clrt",
        "register",
        &[
            (
                "clrt register SUNW.HAStoragePlus",
                "register a built-in type",
            ),
            (
                "clrt register -f /opt/ACME/etc/ACME.app ACME.app",
                "register a type from its RTR file",
            ),
            (
                "clrt register -n node1,node2 SUNW.gds",
                "installed on two nodes only",
            ),
        ],
    ),
    (
        "clrt",
        "unregister",
        &[(
            "clrt unregister SUNW.gds",
            "unregister a type no resource uses",
        )],
    ),
    (
        "clrt",
        "list",
        &[
            ("clrt list", "the registered types"),
            (
                "clrt list -v -n node2",
                "the types installed on node2, with their nodes",
            ),
        ],
    ),
    (
        "clrt",
        "list-props",
        &[
            (
                "clrt list-props -v SUNW.HAStoragePlus",
                "the properties of a type, with class and description",
            ),
            (
                "clrt list-props -l extension SUNW.gds",
                "its extension properties only",
            ),
        ],
    ),
    (
        "clrt",
        "show",
        &[
            ("clrt show SUNW.HAStoragePlus", "a type's header"),
            ("clrt show -v +", "every type with methods and properties"),
            ("clrt show -p RT_version +", "the version of every type"),
        ],
    ),
    (
        "clrt",
        "set",
        &[(
            "clrt set -p RT_system=TRUE SUNW.LogicalHostname",
            "protect a type",
        )],
    ),
    (
        "clrt",
        "add-node",
        &[(
            "clrt add-node -n node3 ACME.app",
            "install a type on one more node",
        )],
    ),
    (
        "clrt",
        "remove-node",
        &[("clrt remove-node -n node3 ACME.app", "no longer on node3")],
    ),
    (
        "clrg",
        "",
        &[
            (
                "clrg create -n node1,node2 -p Pathprefix=/global/rg rg1",
                "create a failover group",
            ),
            (
                "clrg online -eM rg1",
                "manage it, enable its resources, bring it online",
            ),
            ("clrg switch -n node2 rg1", "switch it to node2"),
            ("clrg status", "where every group is online"),
            ("clrg delete -F rg1", "delete it with its resources"),
        ],
    ),
    (
        "clrg",
        "create",
        &[
            (
                "clrg create -n node1,node2 rg1",
                "a failover group on two nodes",
            ),
            (
                "clrg create -S -n node1,node2 web-rg",
                "a scalable group online on both",
            ),
            (
                "clrg create -p RG_description=\"mail server\" -p Failback=TRUE rg1",
                "with properties",
            ),
        ],
    ),
    (
        "clrg",
        "delete",
        &[
            ("clrg delete rg1", "delete an empty group"),
            ("clrg delete -F +", "delete every group and its resources"),
        ],
    ),
    (
        "clrg",
        "add-node",
        &[("clrg add-node -n node3 rg1", "add node3 to the Nodelist")],
    ),
    (
        "clrg",
        "remove-node",
        &[(
            "clrg remove-node -n node3 rg1",
            "remove node3 from the Nodelist",
        )],
    ),
    (
        "clrg",
        "set",
        &[
            ("clrg set -p Failback=TRUE rg1", "change a property"),
            (
                "clrg set -p RG_dependencies+=db-rg rg1",
                "add an entry to a list property",
            ),
        ],
    ),
    (
        "clrg",
        "show",
        &[
            ("clrg show rg1", "the group and its resources"),
            (
                "clrg show -v -t SUNW.HAStoragePlus",
                "every property of the groups holding a storage resource",
            ),
            (
                "clrg show -p Nodelist,Failback +",
                "two properties of every group",
            ),
        ],
    ),
    (
        "clrg",
        "list",
        &[
            ("clrg list", "every group"),
            (
                "clrg list -s Online -n node1",
                "the groups online on some node, among those node1 can host",
            ),
            ("clrg list -r nfs-stor", "the group holding a resource"),
        ],
    ),
    (
        "clrg",
        "status",
        &[
            ("clrg status", "the state of every group on every node"),
            (
                "clrg status -n node1 -s Online",
                "the groups online on node1",
            ),
            (
                "clrg status -t SUNW.nfs",
                "the groups holding an NFS resource",
            ),
        ],
    ),
    (
        "clrg",
        "online",
        &[
            (
                "clrg online -eM rg1",
                "manage it, enable its resources and monitors, bring it online",
            ),
            (
                "clrg online -n node2 rg1",
                "bring a managed group online on node2",
            ),
            (
                "clrg online +",
                "every managed group on its preferred nodes",
            ),
        ],
    ),
    (
        "clrg",
        "offline",
        &[
            ("clrg offline rg1", "take a group offline"),
            ("clrg offline -n node1 rg1", "only on node1"),
        ],
    ),
    (
        "clrg",
        "switch",
        &[("clrg switch -n node2 rg1", "switch a group to node2")],
    ),
    (
        "clrg",
        "manage",
        &[(
            "clrg manage rg1",
            "bring an unmanaged group under RGM control (offline)",
        )],
    ),
    (
        "clrg",
        "unmanage",
        &[(
            "clrg unmanage rg1",
            "an offline group with disabled resources",
        )],
    ),
    (
        "clrg",
        "suspend",
        &[
            ("clrg suspend rg1", "stop automatic recovery"),
            ("clrg suspend -k rg1", "and kill running methods"),
        ],
    ),
    (
        "clrg",
        "resume",
        &[("clrg resume rg1", "resume automatic recovery")],
    ),
    (
        "clrg",
        "quiesce",
        &[(
            "clrg quiesce -k rg1",
            "stop methods and leave the group where it is",
        )],
    ),
    (
        "clrg",
        "restart",
        &[
            ("clrg restart rg1", "restart a group on its primaries"),
            ("clrg restart -n node1 rg1", "only on node1"),
        ],
    ),
    (
        "clrg",
        "evacuate",
        &[("clrg evacuate -n node1 +", "move every group off node1")],
    ),
    (
        "clrg",
        "remaster",
        &[(
            "clrg remaster +",
            "bring every group to its most preferred nodes",
        )],
    ),
    (
        "clrs",
        "",
        &[
            (
                "clrs create -g rg1 -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/data disk-rs",
                "create a storage resource (enabled)",
            ),
            ("clrs disable disk-rs", "disable it"),
            ("clrs set -p Retry_count=4 disk-rs", "change a property"),
            (
                "clrs show -g rg1 | egrep '^Resource:|Enabled'",
                "which resources are enabled where",
            ),
            ("clrs status -g rg1", "their state on every node"),
        ],
    ),
    (
        "clrs",
        "create",
        &[
            (
                "clrs create -g rg1 -t SUNW.HAStoragePlus -p FilesystemMountPoints=/global/data disk-rs",
                "a storage resource, enabled",
            ),
            (
                "clrs create -d -g rg1 -t SUNW.gds -p Start_command=/opt/app/start -p Resource_dependencies=disk-rs app-rs",
                "a disabled resource that depends on another",
            ),
            (
                "clrs create -g rg1 -t ACME.lsnr -p \"Listener_name{node2}=LSNR_B\" lsnr-rs",
                "a per-node value (3.2)",
            ),
        ],
    ),
    (
        "clrs",
        "delete",
        &[
            ("clrs delete app-rs", "delete a disabled resource"),
            (
                "clrs delete -F -g rg1 +",
                "disable and delete every resource of rg1",
            ),
        ],
    ),
    (
        "clrs",
        "set",
        &[
            ("clrs set -p Retry_count=4 app-rs", "change a property"),
            (
                "clrs set -p Resource_dependencies+=db-rs app-rs",
                "add a dependency",
            ),
            (
                "clrs set -p \"Debug_level{node1}=2\" lsnr-rs",
                "a per-node value of a PER_NODE property (3.2)",
            ),
        ],
    ),
    (
        "clrs",
        "show",
        &[
            (
                "clrs show -g rg1 | egrep '^Resource:|Enabled'",
                "which resources are enabled where",
            ),
            (
                "clrs show -v app-rs",
                "every property, per-node values as Name{node}",
            ),
            (
                "clrs show -p Resource_dependencies +",
                "what every resource depends on",
            ),
        ],
    ),
    (
        "clrs",
        "list",
        &[
            (
                "clrs list -g rg1 | xargs -n1 clrs disable",
                "disable every resource of a group, one at a time",
            ),
            (
                "clrs list -v -t SUNW.HAStoragePlus",
                "the storage resources with group and type",
            ),
            (
                "clrs list -s Stop_failed",
                "the resources that failed to stop somewhere",
            ),
        ],
    ),
    (
        "clrs",
        "list-props",
        &[
            (
                "clrs list-props -v app-rs",
                "the properties of a resource, with class and description",
            ),
            (
                "clrs list-props -l standard -p Retry_count app-rs",
                "one standard property",
            ),
        ],
    ),
    (
        "clrs",
        "status",
        &[
            ("clrs status", "every resource on every node"),
            (
                "clrs status -g rg1 -s Online",
                "the resources of rg1 online somewhere",
            ),
            ("clrs status -n node1 app-rs", "one resource on node1"),
        ],
    ),
    (
        "clrs",
        "enable",
        &[
            ("clrs enable app-rs", "enable a resource on every node"),
            ("clrs enable -r app-rs", "with the resources it depends on"),
            ("clrs enable -n node2 app-rs", "on node2 only (3.2)"),
        ],
    ),
    (
        "clrs",
        "disable",
        &[
            ("clrs disable app-rs", "disable a resource"),
            (
                "clrs disable -r disk-rs",
                "with the resources that depend on it",
            ),
            (
                "clrs disable -n node2 app-rs",
                "on node2 only; it keeps running elsewhere (3.2)",
            ),
        ],
    ),
    (
        "clrs",
        "monitor",
        &[("clrs monitor app-rs", "turn the fault monitor on")],
    ),
    (
        "clrs",
        "unmonitor",
        &[(
            "clrs unmonitor -n node1 app-rs",
            "turn it off on node1 (3.2)",
        )],
    ),
    (
        "clrs",
        "clear",
        &[(
            "clrs clear -n node1 -f STOP_FAILED app-rs",
            "clear a Stop_failed flag",
        )],
    ),
    (
        "clrslh",
        "",
        &[
            (
                "clrslh create -g rg1 -h budgie budgie",
                "a logical hostname resource",
            ),
            ("clrslh status", "the logical hostname resources"),
        ],
    ),
    (
        "clrslh",
        "create",
        &[
            (
                "clrslh create -g rg1 -h budgie budgie",
                "host name and resource name alike",
            ),
            (
                "clrslh create -g rg1 -h budgie,budgie-v6 -N sc_ipmp0@node1,sc_ipmp0@node2 budgie-rs",
                "two host names on given IPMP groups",
            ),
        ],
    ),
    (
        "clrslh",
        "delete",
        &[("clrslh delete -F budgie", "disable and delete")],
    ),
    (
        "clrslh",
        "set",
        &[("clrslh set -p Retry_count=3 budgie", "change a property")],
    ),
    (
        "clrslh",
        "show",
        &[("clrslh show -v budgie", "every property")],
    ),
    (
        "clrslh",
        "list",
        &[(
            "clrslh list -g rg1",
            "the logical hostname resources of rg1",
        )],
    ),
    (
        "clrslh",
        "list-props",
        &[("clrslh list-props budgie", "the property names")],
    ),
    (
        "clrslh",
        "status",
        &[("clrslh status", "their state on every node")],
    ),
    (
        "clrslh",
        "enable",
        &[("clrslh enable budgie", "enable one")],
    ),
    (
        "clrslh",
        "disable",
        &[("clrslh disable budgie", "disable one")],
    ),
    (
        "clrslh",
        "monitor",
        &[("clrslh monitor budgie", "turn its monitor on")],
    ),
    (
        "clrslh",
        "unmonitor",
        &[("clrslh unmonitor budgie", "turn its monitor off")],
    ),
    (
        "clrslh",
        "clear",
        &[(
            "clrslh reset -f STOP_FAILED -n node1 budgie",
            "clear a Stop_failed flag",
        )],
    ),
    (
        "clrssa",
        "",
        &[
            (
                "clrssa create -g web-rg -h www -X node3 www-sa",
                "a shared address, not on node3",
            ),
            ("clrssa status", "the shared address resources"),
        ],
    ),
    (
        "clrssa",
        "create",
        &[(
            "clrssa create -g web-rg -h www www-sa",
            "a shared address for a scalable service",
        )],
    ),
    (
        "clrssa",
        "delete",
        &[("clrssa delete -F www-sa", "disable and delete")],
    ),
    (
        "clrssa",
        "set",
        &[("clrssa set -p Retry_count=3 www-sa", "change a property")],
    ),
    (
        "clrssa",
        "show",
        &[("clrssa show -v www-sa", "every property")],
    ),
    (
        "clrssa",
        "list",
        &[(
            "clrssa list -g web-rg",
            "the shared address resources of web-rg",
        )],
    ),
    (
        "clrssa",
        "list-props",
        &[("clrssa list-props www-sa", "the property names")],
    ),
    (
        "clrssa",
        "status",
        &[("clrssa status", "their state on every node")],
    ),
    (
        "clrssa",
        "enable",
        &[("clrssa enable www-sa", "enable one")],
    ),
    (
        "clrssa",
        "disable",
        &[("clrssa disable www-sa", "disable one")],
    ),
    (
        "clrssa",
        "monitor",
        &[("clrssa monitor www-sa", "turn its monitor on")],
    ),
    (
        "clrssa",
        "unmonitor",
        &[("clrssa unmonitor www-sa", "turn its monitor off")],
    ),
    (
        "clrssa",
        "clear",
        &[(
            "clrssa reset -f STOP_FAILED -n node1 www-sa",
            "clear a Stop_failed flag",
        )],
    ),
    (
        "clnode",
        "",
        &[
            ("clnode status", "which nodes are cluster members"),
            ("clnode status -m", "and their IPMP groups"),
            ("clnode evacuate node1", "move every group off node1"),
        ],
    ),
    ("clnode", "list", &[("clnode list", "the node names")]),
    (
        "clnode",
        "show",
        &[("clnode show node1", "a node's configuration")],
    ),
    (
        "clnode",
        "status",
        &[
            ("clnode status", "member or not"),
            ("clnode status -m", "with IPMP group status"),
        ],
    ),
    (
        "clnode",
        "evacuate",
        &[(
            "clnode evacuate -T 120 node1",
            "and keep groups off it for 120 s",
        )],
    ),
    (
        "clq",
        "",
        &[
            ("clq status", "votes needed, present and possible"),
            ("clq list", "quorum devices and nodes"),
        ],
    ),
    (
        "clq",
        "list",
        &[
            ("clq list", "quorum devices and nodes"),
            ("clq list -t shared_disk", "the quorum disks only"),
        ],
    ),
    (
        "clq",
        "show",
        &[
            ("clq show", "the quorum configuration"),
            (
                "clq show -n node1",
                "node1's vote and the devices it reaches",
            ),
        ],
    ),
    (
        "clq",
        "status",
        &[
            ("clq status", "the quorum votes"),
            ("clq status -t shared_disk", "the votes of the quorum disks"),
        ],
    ),
    (
        "clintr",
        "",
        &[
            ("clintr status", "whether the transport paths are online"),
            ("clintr show", "cables and adapters"),
        ],
    ),
    (
        "clintr",
        "show",
        &[("clintr show", "the transport cables and adapters")],
    ),
    (
        "clintr",
        "status",
        &[
            ("clintr status", "every transport path"),
            ("clintr status -n node2", "the paths to and from node2"),
        ],
    ),
    (
        "cldg",
        "",
        &[
            ("cldg status", "primary and secondary of every device group"),
            ("cldg switch -n node2 mailset", "make node2 the primary"),
            ("cldg offline mailset", "take a device group offline"),
        ],
    ),
    (
        "cldg",
        "list",
        &[
            ("cldg list -n node1", "the device groups node1 can master"),
            ("cldg list -t svm", "the Solaris Volume Manager disk sets"),
        ],
    ),
    (
        "cldg",
        "show",
        &[("cldg show mailset", "a device group's configuration")],
    ),
    (
        "cldg",
        "status",
        &[("cldg status", "primary, secondary and status")],
    ),
    (
        "cldg",
        "switch",
        &[("cldg switch -n node2 mailset", "make node2 the primary")],
    ),
    (
        "cldg",
        "online",
        &[("cldg online -n node1 mailset", "bring it online on node1")],
    ),
    (
        "cldg",
        "offline",
        &[("cldg offline mailset", "take it offline")],
    ),
    (
        "cldg",
        "enable",
        &[("cldg enable mailset", "leave maintenance")],
    ),
    (
        "cldg",
        "disable",
        &[("cldg disable mailset", "put it in maintenance")],
    ),
    (
        "cluster",
        "",
        &[
            (
                "cluster status",
                "everything: nodes, paths, quorum, device groups, groups, resources, IPMP",
            ),
            ("cluster show", "the configuration of every object"),
            ("cluster list-cmds", "the object commands"),
        ],
    ),
    (
        "cluster",
        "status",
        &[
            ("cluster status | grep -i offline", "what is offline"),
            (
                "cluster status -t resourcegroup,resource",
                "groups and resources only",
            ),
        ],
    ),
    (
        "cluster",
        "show",
        &[
            ("cluster show", "every object's configuration"),
            ("cluster show -t resourcetype", "the registered types only"),
        ],
    ),
    ("cluster", "list", &[("cluster list", "the cluster's name")]),
    (
        "cluster",
        "list-cmds",
        &[("cluster list-cmds", "the commands of the object CLI")],
    ),
];
