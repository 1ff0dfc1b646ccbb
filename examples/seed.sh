#!/usr/bin/env bash
# The seed procedure, end to end: Sun Java System Messaging Server 6 2005Q4 made highly
# available on a two-node Sun Cluster 3.1 (mail-1, mail-2), run against a fresh simulated
# cluster in a temporary directory. The cluster commands are the ones the procedure gives,
# invoked through links named scrgadm / scswitch / scstat; the Messaging Server tools run on
# a node with `scsim on NODE -- /opt/SUNWmsgsr/sbin/CMD`, their dialogues answered on stdin;
# the nodes' /etc files are ordinary files under `scsim node root NODE`.
#
# Usage: examples/seed.sh            (after `cargo build --release`)
#        SCSIM_BIN=/path/to/scsim examples/seed.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${SCSIM_BIN:-$repo/target/release/scsim}
if [ ! -x "$bin" ]; then
  echo "seed.sh: $bin not found; run 'cargo build --release' first (or set SCSIM_BIN)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/scsim-seed.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SCSIM_STATE="$work/cluster.json"
"$bin" install-links "$work/bin" >/dev/null
export PATH="$work/bin:$PATH"

step() { printf '\n=== %s\n' "$*"; }
run() { printf '# %s\n' "$*"; "$@"; }
# A command on a node, its dialogue's answers given one per line (an empty line is RETURN).
on() { local node=$1; shift; printf '# (on %s) %s\n' "$node" "$*"; "$bin" on "$node" -- "$@"; }
answers() { printf '%s\n' "$@"; }
root() { "$bin" node root "$1"; }
msg=/opt/SUNWmsgsr

step "0. A two-node cluster (stands in for scinstall): the logical host in /etc/hosts, the shared disks in /etc/vfstab"
run "$bin" init --nodes mail-1,mail-2 --cluster-name mail-cluster \
  --host budgie=192.0.2.10 --filesystem /global/mail1 --filesystem /global/mail2
# The seed starts from cluster file systems (mounted everywhere at boot); step 11 changes that.
for n in mail-1 mail-2; do
  sed -i -e 's/\tno\tlogging$/\tyes\tlogging,global/' "$(root $n)/etc/vfstab"
done
echo "mail-1:/etc/hosts:"; grep budgie "$(root mail-1)/etc/hosts"
echo "mail-1:/etc/vfstab:"; grep /global/ "$(root mail-1)/etc/vfstab"

step "2. Register the resource types"
run scrgadm -a -t SUNW.HAStoragePlus
run scrgadm -a -t SUNW.ims

step "3. Create the failover resource group"
run scrgadm -a -g MAIL-RG -h mail-1,mail-2

step "4. Add the logical host (Validate finds budgie in /etc/hosts on both nodes) and bring the group online"
run scrgadm -a -L -g MAIL-RG -l budgie
run scswitch -Z -g MAIL-RG

step "5. HAStoragePlus resource (the seed writes ServicePaths, SUNW.HAStorage's property, with a space after the comma)"
refused() { printf '# %s\n' "$*"; if "$@"; then echo "seed.sh: accepted, which it must not be" >&2; exit 1; fi; }
refused scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1, /global/mail2
echo "(refused as expected; without the space:)"
refused scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x ServicePaths=/global/mail1,/global/mail2
echo "(refused as expected: HAStoragePlus takes the mount points in FilesystemMountPoints:)"
run scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail1,/global/mail2

step "5b. Enable the storage resource (6.3 guide)"
run scswitch -e -j disk-rs

step "6-7. Install the Messaging Server on both nodes; configure it on mail-1 with its data on the shared disk"
run "$bin" install messaging-server --nodes mail-1,mail-2
# Answers: data directory on the shared disk, then RETURN for every default (the mail host
# defaults to the node's own name, mail-1: the physical name that step 9 replaces).
answers /global/mail1/SUNWmsgsr "" "" "" "" | on mail-1 $msg/sbin/configure
settings=$(ls "$(root mail-1)/global/mail1/SUNWmsgsr/setup/")
echo "settings file: /global/mail1/SUNWmsgsr/setup/$settings"

step "7.2 Enable automatic restart (configutil -o local.autorestart -v 1)"
on mail-1 $msg/sbin/configutil -o local.autorestart
on mail-1 $msg/sbin/configutil -o local.autorestart -v 1
on mail-1 $msg/sbin/configutil -o local.autorestart

step "8. ha_ip_config: bind to budgie's address (192.0.2.10)"
answers 192.0.2.10 "" no | on mail-1 $msg/sbin/ha_ip_config
echo "INTERFACE_ADDRESS lines:"
grep -H INTERFACE_ADDRESS= "$(root mail-1)$msg/config/dispatcher.cnf" "$(root mail-1)$msg/config/job_controller.cnf" | sed "s|$(root mail-1)||"
on mail-1 $msg/sbin/configutil -p service.
echo "(a second run changes nothing more:)"
answers 192.0.2.10 "" no | on mail-1 $msg/sbin/ha_ip_config | tail -1

step "9. imta.cnf: replace the physical host name with the logical one"
imta="$(root mail-1)$msg/config/imta.cnf"
grep -n mail-1 "$imta"
sed -i -e 's/mail-1/budgie/g' "$imta"
grep -n budgie "$imta"

step "10. The Messaging Server resource (Validate finds $msg installed on both nodes)"
run scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=$msg -y Resource_dependencies=disk-rs,budgie

step "11. /etc/vfstab: drop 'global', mount at boot 'no' (now only HAStoragePlus mounts the disks)"
for n in mail-1 mail-2; do
  sed -i -e 's/\tyes\tlogging,global$/\tno\tlogging/' "$(root $n)/etc/vfstab"
  echo "$n:/etc/vfstab:"; grep /global/ "$(root $n)/etc/vfstab"
done
scstat -g >/dev/null   # any command brings the mount view in line
echo "mail-1 sees: $(ls "$(root mail-1)/global/mail1")   mail-2 sees: $(ls "$(root mail-2)/global/mail1")"

step "12. Enable it (start-msg ha on mail-1)"
run scswitch -e -j mail-rs
echo "Messaging Server log on the shared disk (as mail-1 sees it):"
grep -E 'watcher|imap' "$(root mail-1)/global/mail1/SUNWmsgsr/log/default" | tail -2

step "13. Check"
run scstat -g

step "14. Switch over to mail-2 by hand"
printf '# %s\n' "scswitch -z -g MAIL-RG -h mail-2"
if scswitch -z -g MAIL-RG -h mail-2; then
  echo "seed.sh: mail-rs started on mail-2 without its configuration, which it must not" >&2
  exit 1
fi
echo "(mail-2 has no $msg/config yet: SUNW.ims's Start failed there and MAIL-RG went back to mail-1)"
"$bin" log --resource mail-rs | grep 'start-msg ha failed' | tail -1
echo "The seed's note on the second node: useconfig instead of configure, with the shared disk mounted there."
run scswitch -n -j mail-rs
run scswitch -z -g MAIL-RG -h mail-2
echo "mail-1 sees: $(ls "$(root mail-1)/global/mail1")   mail-2 sees: $(ls "$(root mail-2)/global/mail1")"
on mail-2 $msg/sbin/useconfig /global/mail1/SUNWmsgsr/setup/$settings
run scswitch -e -j mail-rs
on mail-2 $msg/sbin/configutil -o service.listenaddr
run scstat -g
echo "(and back and forth: the disk moves with the group)"
run scswitch -z -g MAIL-RG -h mail-1
run scswitch -z -g MAIL-RG -h mail-2
echo "mail-1 sees: $(ls "$(root mail-1)/global/mail1")   mail-2 sees: $(ls "$(root mail-2)/global/mail1")"

step "15. mail-2 fails: MAIL-RG fails over to mail-1 by itself"
run "$bin" node down mail-2
run scstat -g

step "Method calls of the switchover and the failover (event log)"
run "$bin" log --group MAIL-RG --last 40
echo
echo "Messaging Server log (shared disk):"
cat "$work/cluster.files/shared/global/mail1/SUNWmsgsr/log/default"
