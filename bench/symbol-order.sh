#!/usr/bin/env bash
# bench/symbol-order.sh - regenerate bench/symbol-order.txt, the order in which the release
# build links its functions (see build.rs and docs/decisions.md, "Ninth round" and "Thirteenth
# round").
#
# Usage: bench/symbol-order.sh        (after `cargo build --release`; needs valgrind; ~3 min)
#
# It runs the seed procedure and the benchmark's commands on a 4,000-resource cluster under
# callgrind and collects the functions of the scsim binary each command executed (from the
# addresses of its instructions). It writes them ordered first by which of the commands whose
# peak memory the benchmark measures ran them, the one with the highest peak first, so each of
# those commands finds its code in as few 64 KiB stretches of the executable as the others
# allow; then by the number of commands that ran them; then by the commands that ran them (code
# run by the same commands sits together); then by their address in the current build. The
# C library's start-up code that valgrind does not run, and every variant of the string
# functions a static C library picks per processor, are added to the code every command runs.
#
# Build with the same linking as the build that will use the file: the names of a static and
# of a dynamic build differ. Rebuild with `cargo build --release` afterwards; the linker skips
# names a later build no longer has.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${SCSIM_BIN:-$repo/target/release/scsim}")
out=$repo/bench/symbol-order.txt
command -v valgrind >/dev/null || { echo "symbol-order.sh: valgrind is needed" >&2; exit 1; }
[ -x "$bin" ] || { echo "symbol-order.sh: $bin not found; run 'cargo build --release' first" >&2; exit 1; }
(cd "$repo" && cargo build --release --quiet --example bench-gen-state)

work=$(mktemp -d "${TMPDIR:-/tmp}/scsim-order.XXXXXX")
trap 'rm -rf "$work"' EXIT
cg=(valgrind --tool=callgrind --dump-instr=yes --dump-line=no --compress-strings=no --compress-pos=no)

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
# 4,000 resources: a state file of over 512 KiB, read the way the large ones are (store/text.rs).
"$repo/target/release/examples/bench-gen-state" --resources 4000 --nodes 2 --out "$work/s.json" --base "$work/base.json"
# The benchmark's environment (bench/run.sh).
export SCSIM_NOW=2026-11-24T09:00:00Z SCSIM_LOCK_TIMEOUT=30
# A copy with a resource disabled, for `scswitch -e`.
cp "$work/s.json" "$work/sd.json"
SCSIM_STATE=$work/sd.json "$work/bin/scswitch" -n -j rs-505 >/dev/null
export SCSIM_STATE=$work/w.json
# run LABEL COMMAND ARGS...: one command under callgrind on the generated state ($from, else
# s.json), its profile named by LABEL.
run() {
  cp "$work/${from:-s.json}" "$work/w.json"; rm -f "$work"/w.messages*
  "${cg[@]}" --callgrind-out-file="$work/bench.$1.out" "$work/bin/$2" "${@:3}" >/dev/null 2>&1 || true
}
run version scsim --version
run help scsim --help
run add scrgadm -a -j rs-new -g rg-101 -t SCSIM.bench
run change scrgadm -c -j rs-505 -y Retry_count=5
run pvv scrgadm -pvv
run scstat scstat
run scstat-g scstat -g
run switch scswitch -z -g rg-101 -h node-1
run disable scswitch -n -j rs-505
from=sd.json run enable scswitch -e -j rs-505
run node-down scsim node down node-2
run simulate scsim simulate --node-down node-2
run scha scha_resource_get -O Type -R rs-5
run clrg clrg status
run clrs clrs list -v
run log scsim log

python3 - "$bin" "$out" "$work"/*.out <<'EOF'
import bisect, os, subprocess, sys
binary, out, files = sys.argv[1], sys.argv[2], sys.argv[3:]
real = os.path.realpath(binary)
# Function symbols of the binary, by address (i: the resolvers of a static C library's IFUNCs,
# which a static executable runs as it starts). Each ends where it says, else at the next one.
syms = []
for line in subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[-2] in "tTwWi":
        start = int(parts[0], 16)
        size = int(parts[1], 16) if len(parts) == 4 else 0
        syms.append((start, size, parts[-1]))
syms.sort()
starts = [s[0] for s in syms]
addr = {}
for start, _, name in syms:
    addr.setdefault(name, start)
def symbol_at(a):
    """The function whose code holds address `a`, if any."""
    i = bisect.bisect_right(starts, a) - 1
    if i < 0:
        return None
    start, size, name = syms[i]
    end = start + size if size else (starts[i + 1] if i + 1 < len(starts) else start + 1)
    return name if a < end else None
# The functions each command ran, from the addresses of the instructions it executed (not from
# callgrind's function names, which leave out the C library's start-up code in a static
# executable, "(below main)").
uses, users = {}, {}
# A command's index by its label (bench.LABEL.out).
index = {os.path.basename(f)[len("bench."):-len(".out")]: i for i, f in enumerate(files) if os.path.basename(f).startswith("bench.")}
for i, f in enumerate(files):
    cur, pcs = False, set()
    for line in open(f, errors="replace"):
        if line.startswith("ob="):
            name = line[3:].strip()
            cur = bool(name) and os.path.realpath(name) == real
        elif cur and line.startswith("0x"):
            pcs.add(int(line.split(None, 1)[0], 16))
    seen = {n for n in map(symbol_at, pcs) if n is not None}
    for name in seen:
        uses[name] = uses.get(name, 0) + 1
        users.setdefault(name, []).append(i)
# What a static C library runs as it starts on a real machine but not under valgrind, which
# maps no vDSO: the setup of the vDSO's symbols (found by breaking on every function of the C
# library in a run of `scsim --version` outside valgrind), and the AMD branch of the processor
# detection (valgrind reports an Intel processor). Every command runs them.
startup = ["_dl_new_object", "_dl_setup_hash", "_dl_add_to_namespace_list", "_dl_lookup_symbol_x",
           "do_lookup_x", "check_match", "strcmp", "___pthread_mutex_lock", "___pthread_mutex_unlock",
           "__pthread_mutex_unlock_usercnt", "handle_amd"]
for name in startup:
    if name in addr and name not in uses:
        uses[name] = len(files)
        users[name] = list(range(len(files)))
# The commands whose peak memory the benchmark measures at 10,000 resources, the largest peak
# first: their code is laid out first, each command's functions as close together as possible,
# since every 64 KiB of the executable a command touches counts in its resident memory.
critical = [index[c] for c in ("node-down", "simulate", "change", "add", "switch", "disable", "enable", "pvv", "scstat-g", "scstat", "scha", "version")]
def membership(n):
    return tuple(0 if c in users[n] else 1 for c in critical)
# Then the most used first; among functions used as often, those run by the same commands
# together.
order = sorted(uses, key=lambda n: (membership(n), -uses[n], users[n], addr[n]))
# A static C library picks the variant of memcpy, strlen, … each machine's processor runs best
# as it starts (IFUNC). Valgrind reports a processor without AVX-512, so the profiles above name
# the AVX2 variants; a machine with AVX-512 runs the EVEX ones. Every variant of a function the
# profiles ran is laid out after the code every measured command runs, the variants of one
# instruction set together: a machine then finds the ones it picked in one stretch.
isa_rank = [("avx512", 0), ("evex", 0), ("avx2", 1), ("avx", 1), ("sse4", 2), ("sse42", 2), ("ssse3", 2), ("sse2", 3)]
def variant(name):
    """(family, rank of its instruction set) of a C library variant such as __strlen_evex."""
    if not name.startswith("__"):
        return None
    words = name[2:].split("_")
    for i, w in enumerate(words[1:], 1):
        for tag, rank in isa_rank:
            if w == tag:
                return "_".join(words[:i]), rank
    return None
families = {v[0] for v in map(variant, order) if v} | {"strcmp"}
extra = sorted((n for n in addr if n not in uses and (v := variant(n)) and v[0] in families),
               key=lambda n: (variant(n)[1], variant(n)[0], addr[n]))
common = max((i for i, n in enumerate(order) if not any(membership(n))), default=len(order) - 1)
order[common + 1:common + 1] = extra
with open(out, "w") as fh:
    fh.write("".join(n + "\n" for n in order))
print(f"symbol-order.sh: {len(order)} functions from {len(files)} commands written to {out}")
EOF
