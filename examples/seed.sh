#!/usr/bin/env bash
# The seed procedure, end to end: Sun Java System Messaging Server 6 2005Q4 made highly
# available on a two-node Sun Cluster 3.1 (mail-1, mail-2), run against a fresh simulated
# cluster in a temporary directory. The commands are the ones the procedure gives, invoked
# through links named scrgadm / scswitch / scstat, exactly as on a real cluster.
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

step "0. A two-node cluster (stands in for scinstall)"
run "$bin" init --nodes mail-1,mail-2 --cluster-name mail-cluster

step "2. Register the resource types"
run scrgadm -a -t SUNW.HAStoragePlus
run scrgadm -a -t SUNW.ims

step "3. Create the failover resource group"
run scrgadm -a -g MAIL-RG -h mail-1,mail-2

step "4. Add the logical host and bring the group online"
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

step "10. The Messaging Server resource"
run scrgadm -a -j mail-rs -t SUNW.ims -g MAIL-RG -x IMS_serverroot=/opt/SUNWmsgsr -y Resource_dependencies=disk-rs,budgie

step "12. Enable it"
run scswitch -e -j mail-rs

step "13. Check"
run scstat

step "14. Switch over to mail-2 by hand"
run scswitch -z -g MAIL-RG -h mail-2
run scstat -g

step "15. mail-2 fails: MAIL-RG fails over to mail-1 by itself"
run "$bin" node down mail-2
run scstat -g

step "Method calls of the switchover and the failover (event log)"
run "$bin" log --group MAIL-RG --last 40
