#!/usr/bin/env bash
# bench/symbol-order.sh - regenerate bench/symbol-order.txt, the order in which the release
# build links its functions (see build.rs and docs/performance.md, "Ninth round").
#
# Usage: bench/symbol-order.sh        (after `cargo build --release`; needs valgrind)
#
# It runs the seed procedure and the benchmark's commands on a 1,000-resource cluster under
# callgrind, collects the functions of the scsim binary each command executed, and writes them
# ordered by the number of commands that ran them (the code every command runs first), then by
# the commands that ran them (code run by the same commands sits together), then by their
# address in the current build. Rebuild with `cargo build --release` afterwards; the linker
# skips names a later build no longer has.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${SCSIM_BIN:-$repo/target/release/scsim}")
out=$repo/bench/symbol-order.txt
command -v valgrind >/dev/null || { echo "symbol-order.sh: valgrind is needed" >&2; exit 1; }
[ -x "$bin" ] || { echo "symbol-order.sh: $bin not found; run 'cargo build --release' first" >&2; exit 1; }
(cd "$repo" && cargo build --release --quiet --example bench-gen-state)

work=$(mktemp -d "${TMPDIR:-/tmp}/scsim-order.XXXXXX")
trap 'rm -rf "$work"' EXIT
cg=(valgrind --tool=callgrind --demangle=no --dump-line=no --compress-strings=no --compress-pos=no)

# 1. The seed procedure, every scsim process traced (the tools it calls are not).
SCSIM_BIN=$bin "${cg[@]}" --trace-children=yes --trace-children-skip='/usr/*,/bin/*' \
  --callgrind-out-file="$work/seed.%p.out" bash "$repo/examples/seed.sh" >/dev/null 2>"$work/seed.err" \
  || { tail -n 20 "$work/seed.err" >&2; exit 1; }

# 2. The benchmark's commands on a generated cluster of 1,000 resources.
mkdir -p "$work/bin"
"$bin" install-links "$work/bin" >/dev/null
ln -sf "$bin" "$work/bin/scsim"
export SCSIM_STATE=$work/base.json
"$bin" init --nodes node-1,node-2 --cluster-name bench >/dev/null
"$work/bin/scrgadm" -a -t SCSIM.bench -f "$repo/bench/SCSIM.bench.rtr" >/dev/null
"$repo/target/release/examples/bench-gen-state" --resources 1000 --nodes 2 --out "$work/s.json" --base "$work/base.json"
export SCSIM_STATE=$work/w.json
i=0
run() {
  i=$((i + 1))
  cp "$work/s.json" "$work/w.json"; rm -f "$work"/w.messages*
  "${cg[@]}" --callgrind-out-file="$work/bench.$i.out" "$work/bin/$1" "${@:2}" >/dev/null 2>&1 || true
}
run scsim --version
run scsim --help
run scrgadm -a -j rs-new -g rg-101 -t SCSIM.bench
run scrgadm -c -j rs-505 -y Retry_count=5
run scrgadm -pvv
run scstat
run scstat -g
run scswitch -z -g rg-101 -h node-1
run scswitch -n -j rs-505
run scsim node down node-2
run scsim simulate --node-down node-2
run scha_resource_get -O Type -R rs-5
run clrg status
run clrs list -v
run scsim log

python3 - "$bin" "$out" "$work"/*.out <<'EOF'
import os, re, subprocess, sys
binary, out, files = sys.argv[1], sys.argv[2], sys.argv[3:]
real = os.path.realpath(binary)
# Function symbols of the binary: name -> address.
addr = {}
for line in subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "tTwW":
        addr.setdefault(parts[2], int(parts[0], 16))
uses, users = {}, {}
for i, f in enumerate(files):
    objs, names, cur, seen = {}, {}, None, set()
    for line in open(f, errors="replace"):
        m = re.match(r"^(c?ob)=(?:\((\d+)\))?\s*(.*)$", line.rstrip("\n"))
        if m and m.group(1) == "ob":
            cur = os.path.realpath(m.group(3)) == real if m.group(3) else False
            continue
        m = re.match(r"^fn=(?:\((\d+)\))?\s*(.*)$", line.rstrip("\n"))
        if m and cur and m.group(2) in addr:
            seen.add(m.group(2))
    for name in seen:
        uses[name] = uses.get(name, 0) + 1
        users.setdefault(name, []).append(i)
# Most used first; among functions used as often, those run by the same commands together.
order = sorted(uses, key=lambda n: (-uses[n], users[n], addr[n]))
with open(out, "w") as fh:
    fh.write("".join(n + "\n" for n in order))
print(f"symbol-order.sh: {len(order)} functions from {len(files)} commands written to {out}")
EOF
