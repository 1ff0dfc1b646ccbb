#!/usr/bin/env bash
# bench/run.sh - time scsim's commands as whole processes on clusters of growing size, with
# Pacemaker's offline tools side by side when they are installed. See docs/performance.md.
#
# Usage: bench/run.sh [--quick] [--sizes "10 100 1000 5000 10000"] [--nodes "2 8"]
#                     [--runs N] [--setup "100 1000 5000"] [--peer auto|install|none]
#                     [--out FILE] [--keep] [--strict]
#
#   --quick        sizes 10 100, 2 nodes, 3 runs, setup script of 100 commands, no peer unless
#                  --peer is given (CI: seconds)
#   --sizes        resources per generated cluster (groups of 5, each online on its preferred node)
#   --nodes        cluster sizes (node counts) to generate
#   --runs         timed runs per command (median reported; 1 warm-up run first); the ratio
#                  pairs against `scsim --version` take three times as many (each run is a few
#                  milliseconds, and one burst of the machine's noise moves a median of ten)
#   --setup        lengths of the setup script (N scrgadm/scswitch commands from an empty cluster)
#   --peer         auto (default): time Pacemaker's tools if installed; install: apt-get them
#                  first; none: scsim only
#   --out FILE     also write the report (markdown) to FILE
#   --keep         keep the scratch directory (its path is printed)
#   --strict       exit 1 when a scsim command could not be timed (for CI once every command exists)
#   --history N    switchovers logged before the "change with a long history" pair (default 85,
#                  about 5,000 log entries; --quick: 6)
#   --switches N   switchovers for the "state file after N switchovers" figure (default 1000;
#                  --quick: 20)
# Env: SCSIM_BIN (use this scsim instead of building one), SCSIM_GEN (and this state generator,
#      e.g. the one built with an older scsim whose state format it must write), PEER_NODES (node counts the peer runs
#      on, default "2"), PEER_EXEC_MAX (largest size for an executed crm_simulate node failure,
#      default 100), PEER_SETUP_MAX (longest peer setup script, default 1000), PCS_MAX (largest
#      size for pcs, default 1000).
#
# Every command is tried once first; one that fails (e.g. not implemented in this build) is
# reported as "n/a" with its error in the notes, and the run goes on.
set -uo pipefail

SIZES="10 100 1000 5000 10000"
NODES="2 8"
RUNS=10
SETUP="100 1000 5000"
PEER=""
OUT=""
KEEP=0
QUICK=0
STRICT=0
HISTORY=85
SWITCHES=1000
SETUP9=1200
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; SIZES="10 100"; NODES="2"; RUNS=3; SETUP="100"; HISTORY=6; SWITCHES=20; SETUP9=60 ;;
    --history) HISTORY=$2; shift ;;
    --switches) SWITCHES=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --nodes) NODES=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --setup) SETUP=$2; shift ;;
    --peer) PEER=$2; shift ;;
    --out) OUT=$2; shift ;;
    --keep) KEEP=1 ;;
    --strict) STRICT=1 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
# Quick mode leaves the (slow) peer out unless --peer is given.
[ -z "$PEER" ] && { [ "$QUICK" = 1 ] && PEER=none || PEER=auto; }
PEER_NODES=${PEER_NODES:-2}
PEER_EXEC_MAX=${PEER_EXEC_MAX:-100}
PEER_SETUP_MAX=${PEER_SETUP_MAX:-1000}
PCS_MAX=${PCS_MAX:-1000}
export LC_ALL=C

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/scsim-bench.XXXXXX")
if [ "$KEEP" = 1 ]; then echo "scratch directory: $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi
log() { echo "run.sh: $*" >&2; }

# ---- tools ------------------------------------------------------------------------------------
have() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || { have sudo && sudo -n true 2>/dev/null && sudo="sudo -n"; } || return 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@" >/dev/null 2>&1
}
if ! have hyperfine; then
  log "hyperfine not found; trying apt-get install -y hyperfine"
  apt_install hyperfine || log "could not install hyperfine; using the built-in timer (less precise)"
fi
if [ "$PEER" = install ] && ! have cibadmin; then
  log "installing pacemaker-cli-utils and pcs"
  apt_install pacemaker-cli-utils pcs || log "could not install the Pacemaker tools"
fi
PEER_ON=0
if [ "$PEER" != none ] && have cibadmin && have crm_mon && have crm_simulate && have crm_resource && have python3; then
  PEER_ON=1
fi
PCS_ON=0
[ "$PEER_ON" = 1 ] && have pcs && PCS_ON=1
GNU_TIME=0
/usr/bin/time -f %M true >/dev/null 2>&1 && GNU_TIME=1

# ---- build ------------------------------------------------------------------------------------
if [ -n "${SCSIM_BIN:-}" ]; then
  BIN=$SCSIM_BIN
else
  log "building scsim (release)"
  (cd "$REPO" && cargo build --release --quiet --bin scsim) || { log "cargo build failed"; exit 1; }
  BIN=$REPO/target/release/scsim
fi
if [ -n "${SCSIM_GEN:-}" ]; then
  GEN=$SCSIM_GEN
else
  (cd "$REPO" && cargo build --release --quiet --example bench-gen-state) || { log "cannot build the state generator"; exit 1; }
  GEN=$REPO/target/release/examples/bench-gen-state
fi
mkdir -p "$WORK/bin"
for c in scsim scrgadm scswitch scstat; do ln -sf "$BIN" "$WORK/bin/$c"; done
B=$WORK/bin
export SCSIM_NOW=2026-11-24T09:00:00Z SCSIM_LOCK_TIMEOUT=30

# ---- timing -----------------------------------------------------------------------------------
NOTES=()
note() { NOTES+=("$*"); }
# Failures are grouped by command: the first message, and where it failed (nodes-resources).
FAIL_KINDS=()
declare -A FAIL_MSG FAIL_IDS
fail() { # fail KEY MESSAGE
  local key=$1 kind id
  if [[ $key =~ ^(.*)-([0-9]+-[0-9]+)$ ]] || [[ $key =~ ^(.*)-([0-9]+)$ ]]; then
    kind=${BASH_REMATCH[1]}; id=${BASH_REMATCH[2]}
  else kind=$key; id=""; fi
  if [ -z "${FAIL_MSG[$kind]:-}" ]; then FAIL_KINDS+=("$kind"); FAIL_MSG[$kind]=${2//$WORK\//}; fi
  [[ " ${FAIL_IDS[$kind]:-} " == *" $id "* ]] || FAIL_IDS[$kind]="${FAIL_IDS[$kind]:-} $id"
}

# median_of FILE: median of the numbers (seconds) in FILE, one per line
median_of() { sort -g "$1" | awk '{a[NR]=$1} END {if (NR==0) exit 1; if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# fmt_s SECONDS -> "3.21 ms" / "1.234 s"
fmt_s() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.2f ms", s*1000; else printf "%.3f s", s }'; }

# tm KEY RUNS PREPARE CMD... : time CMD (after PREPARE each run). Sets T[KEY] (seconds) or
# leaves it unset and notes why. CMD is run without a shell; PREPARE with sh -c.
declare -A T MEM
tm() {
  local key=$1 runs=$2 prep=$3; shift 3
  local err=$WORK/err.txt
  [ -n "$prep" ] && sh -c "$prep"
  "$@" >/dev/null 2>"$err"
  local rc=$?
  if [ "$rc" != 0 ]; then
    fail "$key" "not timed: \`${1##*/} ${*:2}\` exited $rc: $(head -n1 "$err" | cut -c1-160)"
    return 1
  fi
  if [ "$GNU_TIME" = 1 ]; then
    [ -n "$prep" ] && sh -c "$prep"
    /usr/bin/time -f %M -o "$WORK/mem.txt" "$@" >/dev/null 2>&1 && MEM[$key]=$(tail -n1 "$WORK/mem.txt")
  fi
  if have hyperfine; then
    local args=(--runs "$runs" --warmup 1 -N --style none --export-json "$WORK/h.json")
    # hyperfine -N runs the prepare command without a shell: give it a script.
    [ -n "$prep" ] && { printf '%s\n' "$prep" > "$WORK/prep-$key.sh"; args+=(--prepare "sh $WORK/prep-$key.sh"); }
    local q=() w
    for w in "$@"; do q+=("$(printf '%q' "$w")"); done
    if ! hyperfine "${args[@]}" "${q[*]}" >/dev/null 2>"$err"; then
      fail "$key" "not timed: hyperfine failed: $(head -n1 "$err")"
      return 1
    fi
    T[$key]=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/h.json" 2>/dev/null \
      || jq -r '.results[0].median' "$WORK/h.json")
  else
    : > "$WORK/times"
    local i a b
    for ((i = 0; i < runs; i++)); do
      [ -n "$prep" ] && sh -c "$prep"
      a=$(date +%s%N); "$@" >/dev/null 2>&1; b=$(date +%s%N)
      echo "($b - $a) / 1000000000" | bc -l >> "$WORK/times"
    done
    T[$key]=$(median_of "$WORK/times")
  fi
}

show() { # show KEY -> formatted median or n/a
  if [ -n "${T[$1]:-}" ]; then fmt_s "${T[$1]}"; else printf 'n/a'; fi
}
ratio() { # ratio PEERKEY SCSIMKEY -> "12.3x" (peer time / scsim time)
  if [ -n "${T[$1]:-}" ] && [ -n "${T[$2]:-}" ]; then
    awk -v p="${T[$1]}" -v s="${T[$2]}" 'BEGIN { if (s > 0) printf "%.1fx", p/s; else print "-" }'
  else printf -- '-'; fi
}
kib() { [ -n "${MEM[$1]:-}" ] && printf '%s' "${MEM[$1]}" || printf -- '-'; }

REPORT=$WORK/report.md
emit() { printf '%s\n' "$*" >> "$REPORT"; }
: > "$REPORT"

# ---- base states ------------------------------------------------------------------------------
# base-K.json: `scsim init` of K nodes plus the SCSIM.bench type registered through scrgadm when
# this build can (else the generator adds the type itself).
make_base() {
  local k=$1 f=$WORK/base-$k.json nodes
  nodes=$(seq -s, -f 'node-%g' 1 "$k")
  SCSIM_STATE=$f "$B/scsim" init --nodes "$nodes" --cluster-name bench >/dev/null || { log "scsim init failed"; exit 1; }
  if ! SCSIM_STATE=$f "$B/scrgadm" -a -t SCSIM.bench -f "$REPO/bench/SCSIM.bench.rtr" >/dev/null 2>"$WORK/err.txt"; then
    [ "$k" = "${NODES%% *}" ] && note "registering SCSIM.bench with \`scrgadm -a -t SCSIM.bench -f bench/SCSIM.bench.rtr\` failed ($(head -n1 "$WORK/err.txt" | cut -c1-120)); the generator registered the type in the state directly"
    SCSIM_STATE=$f "$B/scsim" init --force --nodes "$nodes" --cluster-name bench >/dev/null
  fi
}

# A generated state is sealed by the generator's model; the measured binary reads a state whose
# seal names another model through its unknown-field pass (docs/decisions.md, "Tenth round"),
# which costs time and memory a user's own state does not. Note it once when the two differ
# (a binary given by SCSIM_BIN built from other sources than the generator).
SEAL_NOTED=0
seal_of() { tail -c 96 "$1" 2>/dev/null | grep -o '"sealed":"[0-9a-f]*' | cut -d'"' -f4; }
seal_check() {
  [ "$SEAL_NOTED" = 1 ] && return 0
  local generated written
  generated=$(seal_of "$1"); written=$(seal_of "$2")
  if [ -n "$written" ] && [ "$generated" != "$written" ]; then
    SEAL_NOTED=1
    note "the measured binary and the state generator were built from different sources (seal ${written:-none} vs ${generated:-none}): every command read its state through the unknown-field pass, which is slower and peaks higher than on a state the binary wrote itself"
  fi
}

# ---- per-size tables --------------------------------------------------------------------------
# Rows: key | scsim command | peer key | peer command (for the table)
run_size() {
  local n=$1 k=$2
  local S=$WORK/s-$k-$n.json W=$WORK/w.json
  "$GEN" --resources "$n" --nodes "$k" --out "$S" --base "$WORK/base-$k.json" || { log "generator failed"; exit 1; }
  local groups=$(( (n + 4) / 5 ))
  local g=$(( groups / 2 + 1 ))
  local last=$(( g * 5 < n ? g * 5 : n ))       # last resource of group g: nothing depends on it
  local pref=$(( (g - 1) % k + 1 ))
  local other=$(( pref % k + 1 ))
  local size_kib=$(( $(stat -c %s "$S") / 1024 ))
  # The state and its messages file (scsim >= schema 2 logs beside the state): each run starts
  # from the generated state with an empty log.
  local p="cp $S $W; rm -f $WORK/w.messages*"
  export SCSIM_STATE=$W
  local id="$k-$n"
  tm "create-$id"   "$RUNS" "$p" "$B/scrgadm" -a -j rs-new -g "rg-$g" -t SCSIM.bench
  seal_check "$S" "$W"
  tm "change-$id"   "$RUNS" "$p" "$B/scrgadm" -c -j "rs-$last" -y Retry_count=5
  tm "list-$id"     "$RUNS" "$p" "$B/scrgadm" -pvv
  tm "stat-$id"     "$RUNS" "$p" "$B/scstat"
  tm "statg-$id"    "$RUNS" "$p" "$B/scstat" -g
  tm "switch-$id"   "$RUNS" "$p" "$B/scswitch" -z -g "rg-$g" -h "node-$other"
  tm "disable-$id"  "$RUNS" "$p" "$B/scswitch" -n -j "rs-$last"
  if [ -n "${T[disable-$id]:-}" ]; then
    cp "$S" "$WORK/sd.json"
    SCSIM_STATE=$WORK/sd.json "$B/scswitch" -n -j "rs-$last" >/dev/null 2>&1
    tm "enable-$id" "$RUNS" "cp $WORK/sd.json $W; rm -f $WORK/w.messages*" "$B/scswitch" -e -j "rs-$last"
  else
    fail "enable-$id" "not timed: it needs a resource disabled by \`scswitch -n\`, which failed"
  fi
  tm "down-$id"     "$RUNS" "$p" "$B/scsim" node down node-2
  tm "sim-$id"      "$RUNS" "$p" "$B/scsim" simulate --node-down node-2

  local peer=0
  if [ "$PEER_ON" = 1 ] && [[ " $PEER_NODES " == *" $k "* ]]; then
    peer=1
    local C=$WORK/c-$k-$n.xml CW=$WORK/w.xml
    python3 "$REPO/bench/gen_cib.py" "$n" "$k" "$C" --settled || { note "gen_cib.py failed at $n"; peer=0; }
  fi
  if [ "$peer" = 1 ]; then
    local q="cp $C $CW" e="CIB_file=$CW" RUNS=$RUNS
    [ "$n" -ge 5000 ] && [ "$RUNS" -gt 3 ] && RUNS=3   # the peer takes seconds per call here
    local prim="<primitive id=\"rs-new\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
    tm "p-create-$id"  "$RUNS" "$q" env "$e" cibadmin --create -o resources -X "$prim"
    if [ "$PCS_ON" = 1 ] && [ "$n" -le "$PCS_MAX" ]; then
      tm "p-pcs-$id" 3 "$q" pcs -f "$CW" resource create rs-new ocf:heartbeat:Dummy --group "rg-$g"
    fi
    tm "p-change-$id"  "$RUNS" "$q" env "$e" crm_resource -r "rs-$last" --set-parameter fake --parameter-value 5
    tm "p-list-$id"    "$RUNS" "$q" env "$e" cibadmin -Q -o resources
    tm "p-stat-$id"    "$RUNS" "$q" env "$e" crm_mon -1
    tm "p-statg-$id"   "$RUNS" "$q" env "$e" crm_resource --list
    tm "p-switch-$id"  "$RUNS" "$q" env "$e" crm_resource --move -r "rg-$g" -N "node-$other"
    tm "p-disable-$id" "$RUNS" "$q" env "$e" crm_resource -r "rs-$last" --meta -p target-role -v Stopped
    tm "p-enable-$id"  "$RUNS" "$q" env "$e" crm_resource -r "rs-$last" --meta -p target-role -v Started
    if [ "$n" -le "$PEER_EXEC_MAX" ]; then
      tm "p-down-$id" "$RUNS" "$q" crm_simulate -S -x "$CW" --node-fail node-2 -O "$WORK/o.xml"
    else
      fail "p-down-$id" "not timed: executed crm_simulate node failure skipped above $PEER_EXEC_MAX resources (PEER_EXEC_MAX; it takes ~108 s at 1000)"
    fi
    tm "p-sim-$id"     "$RUNS" "$q" crm_simulate -R -x "$CW" --node-fail node-2
  fi

  emit ""
  emit "### $n resources, $k nodes ($groups groups; state file $size_kib KiB)"
  emit ""
  if [ "$peer" = 1 ]; then
    emit "| command | scsim median | scsim peak RSS KiB | Pacemaker equivalent | peer median | peer / scsim |"
    emit "|---|---:|---:|---|---:|---:|"
  else
    emit "| command | scsim median | scsim peak RSS KiB |"
    emit "|---|---:|---:|"
  fi
  local row key label pcmd
  while IFS='|' read -r key label pcmd; do
    if [ "$peer" = 1 ]; then
      emit "| $label | $(show "$key-$id") | $(kib "$key-$id") | $pcmd | $(show "p-$key-$id") | $(ratio "p-$key-$id" "$key-$id") |"
    else
      emit "| $label | $(show "$key-$id") | $(kib "$key-$id") |"
    fi
  done <<EOF
create|\`scrgadm -a -j\` (create)|\`cibadmin --create\`
change|\`scrgadm -c -j -y\` (change)|\`crm_resource --set-parameter\`
list|\`scrgadm -pvv\`|\`cibadmin -Q -o resources\`
stat|\`scstat\`|\`crm_mon -1\`
statg|\`scstat -g\`|\`crm_resource --list\`
switch|\`scswitch -z -g\` (one group)|\`crm_resource --move\`
disable|\`scswitch -n -j\`|\`crm_resource --meta target-role=Stopped\`
enable|\`scswitch -e -j\`|\`crm_resource --meta target-role=Started\`
down|\`scsim node down node-2\`|\`crm_simulate -S --node-fail\`
sim|\`scsim simulate --node-down node-2\`|\`crm_simulate -R --node-fail\`
EOF
  if [ "$peer" = 1 ] && [ -n "${T[p-pcs-$id]:-}" ]; then
    emit "| (create, pcs) | $(show "create-$id") | | \`pcs -f resource create --group\` | $(show "p-pcs-$id") | $(ratio "p-pcs-$id" "create-$id") |"
  fi
  SIZE_KIB[$id]=$size_kib
}

# ---- setup scripts ----------------------------------------------------------------------------
# N commands from an empty 2-node cluster (the SCSIM.bench type registered): per group
# `scrgadm -a -g`, five `scrgadm -a -j` (each after the first depending on the one before), then
# `scswitch -Z -g`.
setup_script() {
  local N=$1 f=$2 mode=${3:-} c=0 g=0 r=0 i pref other
  {
    echo "set -e"
    while [ "$c" -lt "$N" ]; do
      g=$((g + 1)); pref=$(( (g - 1) % 2 + 1 )); other=$(( pref % 2 + 1 ))
      echo "$B/scrgadm -a -g rg-$g -h node-$pref,node-$other"; c=$((c + 1))
      for ((i = 1; i <= 5 && c < N; i++)); do
        r=$((r + 1))
        if [ "$i" = 1 ]; then
          echo "$B/scrgadm -a -j rs-$r -g rg-$g -t SCSIM.bench"
        else
          echo "$B/scrgadm -a -j rs-$r -g rg-$g -t SCSIM.bench -y Resource_dependencies=rs-$((r - 1))"
        fi
        c=$((c + 1))
      done
      if [ "$c" -lt "$N" ] && [ "$mode" != noswitch ]; then echo "$B/scswitch -Z -g rg-$g"; c=$((c + 1)); fi
    done
  } > "$f"
}
peer_setup_script() {
  local N=$1 f=$2 r
  {
    echo "set -e"
    for ((r = 1; r <= N; r++)); do
      echo "CIB_file=$WORK/pw.xml cibadmin --create -o resources -X '<primitive id=\"rs-$r\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>' >/dev/null"
    done
  } > "$f"
}

declare -A SIZE_KIB
emit "# scsim benchmark"
emit ""
emit "$(date -u +%Y-%m-%dT%H:%MZ) · $(uname -sm) · $(nproc) cores · scsim $("$B/scsim" --version 2>/dev/null | awk '{print $2}')"
if have hyperfine; then emit "hyperfine $(hyperfine --version | awk '{print $2}'), median of $RUNS runs after 1 warm-up; whole processes."; else emit "built-in timer, median of $RUNS runs; whole processes."; fi
if [ "$PEER_ON" = 1 ]; then
  emit "Peer: Pacemaker $(cibadmin --version 2>/dev/null | head -n1 | awk '{print $2}')$([ "$PCS_ON" = 1 ] && echo ", pcs $(pcs --version 2>/dev/null)") against CIB files (\`CIB_file=\`, \`crm_simulate -x\`), on ${PEER_NODES}-node clusters; ratio = peer time / scsim time."
elif [ "$PEER" = none ]; then
  emit "Peer: not run (\`--peer none\`, the default of \`--quick\`): scsim figures only."
else
  emit "Peer: Pacemaker's tools are not installed (\`apt-get install pacemaker-cli-utils pcs\`, or run with \`--peer install\`): scsim figures only."
fi

for k in $NODES; do make_base "$k"; done
for k in $NODES; do
  for n in $SIZES; do
    log "size $n, $k nodes"
    run_size "$n" "$k"
  done
done

# Growth: cost against state size.
for k in $NODES; do
  emit ""
  emit "### Growth, $k nodes (median per command against state size)"
  emit ""
  line="| command |"; sep="|---|"
  for n in $SIZES; do line="$line $n rsc |"; sep="$sep---:|"; done
  emit "$line"; emit "$sep"
  line="| state file KiB |"; for n in $SIZES; do line="$line ${SIZE_KIB[$k-$n]:-} |"; done; emit "$line"
  for key in create change list stat statg switch disable enable down sim; do
    line="| $key |"
    for n in $SIZES; do line="$line $(show "$key-$k-$n") |"; done
    emit "$line"
  done
done

# Setup scripts.
emit ""
emit "### Setup script: N commands in a row from an empty 2-node cluster"
emit ""
emit "| N | scsim total | scsim per command | peer (N \`cibadmin --create\`) total | peer / scsim |"
emit "|---:|---:|---:|---:|---:|"
for N in $SETUP; do
  log "setup script of $N commands"
  setup_script "$N" "$WORK/setup-$N.sh"
  runs=3; [ "$N" -ge 1000 ] && runs=1
  export SCSIM_STATE=$WORK/w.json
  label=""
  if ! tm "setup-$N" "$runs" "cp $WORK/base-2.json $WORK/w.json" bash "$WORK/setup-$N.sh"; then
    # Configuration only (scrgadm), for builds where scswitch is not there yet.
    setup_script "$N" "$WORK/setup-$N.sh" noswitch
    if tm "setup-$N" "$runs" "cp $WORK/base-2.json $WORK/w.json" bash "$WORK/setup-$N.sh"; then
      label=" (scrgadm only)"
      FAIL_MSG[setup]="the full script failed, so the table shows a scrgadm-only script of the same length (${FAIL_MSG[setup]#not timed: })"
    fi
  fi
  if [ "$PEER_ON" = 1 ] && [ "$N" -le "$PEER_SETUP_MAX" ]; then
    python3 "$REPO/bench/gen_cib.py" 0 2 "$WORK/pe.xml"
    peer_setup_script "$N" "$WORK/psetup-$N.sh"
    tm "p-setup-$N" 1 "cp $WORK/pe.xml $WORK/pw.xml" bash "$WORK/psetup-$N.sh"
  fi
  per="-"; [ -n "${T[setup-$N]:-}" ] && per=$(fmt_s "$(echo "${T[setup-$N]} / $N" | bc -l)")
  emit "| $N$label | $(show "setup-$N") | $per | $(show "p-setup-$N") | $(ratio "p-setup-$N" "setup-$N") |"
done

# Issue 9: ratios to `scsim --version` (the same binary doing no work), each timed right before
# the command it is paired with.
ratio_v() { # ratio_v KEY -> "2.1x" (KEY / its --version pair)
  if [ -n "${T[$1]:-}" ] && [ -n "${T[v-$1]:-}" ]; then
    awk -v a="${T[$1]}" -v b="${T[v-$1]}" 'BEGIN { if (b > 0) printf "%.2fx", a/b; else print "-" }'
  else printf -- '-'; fi
}
ratio_v_num() { awk -v a="${T[$1]:-0}" -v b="${T[v-$1]:-0}" 'BEGIN { if (b > 0) print a/b; else print 999 }'; }
tm_v() { # tm_v KEY RUNS PREPARE CMD...: time `scsim --version`, then CMD, each run of both
  # after PREPARE: the preparation (a shell, cp, rm) leaves caches as cold for the one as for
  # the other, so the ratio is the command's own work.
  local key=$1 runs=$2 prep=$3; shift 3
  tm "v-$key" "$runs" "$prep" "$B/scsim" --version
  tm "$key" "$runs" "$prep" "$@"
}
emit ""
emit "### Against \`scsim --version\` (issue 9)"
emit ""
emit "Each command is timed right after \`scsim --version\` (the same binary doing no work), every run"
emit "of both after the same preparation; the ratio is the command's median over that one's."
emit ""
emit "| measurement | median | \`--version\` median | ratio | target |"
emit "|---|---:|---:|---:|---|"
# A change at 100 resources after a long history of switchovers.
H100=$WORK/s-2-100.json
if [ -f "$H100" ]; then
  export SCSIM_STATE=$WORK/hist.json
  cp "$H100" "$WORK/hist.json"; rm -f "$WORK"/hist.messages*
  for ((i = 0; i < HISTORY; i++)); do
    "$B/scswitch" -z -g rg-1 -h node-$(( i % 2 == 0 ? 2 : 1 )) >/dev/null 2>&1 || break
  done
  HEV=$("$B/scsim" log 2>/dev/null | wc -l)
  export SCSIM_STATE=$WORK/w.json
  # The copied log is synced before the run: the command's own fsync must not flush the copy.
  hp="cp $WORK/hist.json $WORK/w.json; rm -f $WORK/w.messages*; [ -f $WORK/hist.messages ] && cp $WORK/hist.messages $WORK/w.messages && sync $WORK/w.messages; true"
  tm_v "hist-change" "$((RUNS * 3))" "$hp" "$B/scrgadm" -c -j rs-50 -y Retry_count=5
  emit "| change at 100 resources after $HISTORY switchovers ($HEV log entries kept) | $(show hist-change) | $(show v-hist-change) | $(ratio_v hist-change) | ≤ 1.5x |"
fi
S1K=$WORK/s-2-1000.json
if [ -f "$S1K" ]; then
  export SCSIM_STATE=$WORK/w.json
  p1="cp $S1K $WORK/w.json; rm -f $WORK/w.messages*"
  # Changes one after another, as a script makes them: the state is restored once, and each
  # run changes the state the run before it left. Under the default group commit
  # (docs/decisions.md, "Group commit") most of them do not wait for the disk.
  sh -c "$p1; rm -rf $WORK/w.json.history"
  tm_v "k-change" "$((RUNS * 3))" "" "$B/scrgadm" -c -j rs-500 -y Retry_count=5
  # A change to a state file just replaced by a copy: the copy replaced the generation the
  # last sync made durable, so this commit syncs (as the first command after a pause does).
  tm_v "k-change-copy" "$((RUNS * 3))" "$p1" "$B/scrgadm" -c -j rs-500 -y Retry_count=5
  tm_v "k-statg" "$((RUNS * 3))" "$p1" "$B/scstat" -g
  emit "| change at 1,000 resources, one after another | $(show k-change) | $(show v-k-change) | $(ratio_v k-change) | ≤ 2.5x |"
  emit "| change at 1,000 resources to a state file just copied in (synced) | $(show k-change-copy) | $(show v-k-change-copy) | $(ratio_v k-change-copy) | (shown) |"
  emit "| \`scstat -g\` at 1,000 resources | $(show k-statg) | $(show v-k-statg) | $(ratio_v k-statg) | ≤ 2.5x |"
fi
# A setup script of SETUP9 commands (groups of one `scrgadm -a -g` and five `scrgadm -a -j`:
# 1,200 commands build 1,000 resources) against as many `scsim --version` calls.
setup_script "$SETUP9" "$WORK/setup9.sh" noswitch
{ echo "set -e"; for ((i = 0; i < SETUP9; i++)); do echo "$B/scsim --version >/dev/null"; done; } > "$WORK/version9.sh"
export SCSIM_STATE=$WORK/w.json
tm "v-setup9" 1 "" bash "$WORK/version9.sh"
tm "setup9" 1 "cp $WORK/base-2.json $WORK/w.json; rm -f $WORK/w.messages*" bash "$WORK/setup9.sh"
emit "| setup script of $SETUP9 commands ($(( SETUP9 / 6 * 5 )) resources) vs $SETUP9 \`--version\` | $(show setup9) | $(show v-setup9) | $(ratio_v setup9) | ≤ 1.8x |"
# The state file after N switchovers, against its size after configuration.
SWS=""
if [ -f "$H100" ]; then
  export SCSIM_STATE=$WORK/sw.json
  cp "$H100" "$WORK/sw.json"; rm -f "$WORK"/sw.messages*
  "$B/scswitch" -z -g rg-1 -h node-2 >/dev/null 2>&1; "$B/scswitch" -z -g rg-1 -h node-1 >/dev/null 2>&1
  SW0=$(stat -c %s "$WORK/sw.json")
  for ((i = 0; i < SWITCHES; i++)); do
    "$B/scswitch" -z -g rg-1 -h node-$(( i % 2 == 0 ? 2 : 1 )) >/dev/null 2>&1 || break
  done
  SW1=$(stat -c %s "$WORK/sw.json")
  SWM=$(cat "$WORK"/sw.messages* 2>/dev/null | wc -c)
  SWS=1; [ "$(( SW1 - SW0 ))" -le 4 ] || SWS=0
  emit "| state file after $SWITCHES switchovers (100 resources) | $SW1 B | after configuration: $SW0 B | $(awk -v a="$SW1" -v b="$SW0" 'BEGIN { printf "%.2fx", a/b }') | does not grow (messages files: $SWM B) |"
  export SCSIM_STATE=$WORK/w.json
fi
if [ -n "${T[down-2-5000]:-}" ]; then
  emit "| \`scsim node down\` moving 500 groups (5,000 resources) | $(show down-2-5000) | | | ≤ 100 ms |"
fi

# Targets (issue 6).
emit ""
emit "### Targets"
emit ""
check() { # check LABEL OK(0/1/"") DETAIL
  local mark="not measured"
  [ "$2" = 1 ] && mark="met"; [ "$2" = 0 ] && mark="**missed**"
  emit "- $1: $mark${3:+ ($3)}"
}
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? 1 : 0 }'; }
keys="create change list stat statg switch disable enable down sim"
if [[ " $SIZES " == *" 100 "* ]]; then
  worst=""; ok=1; any=0
  for key in $keys; do
    v=${T[$key-2-100]:-}; [ -z "$v" ] && continue; any=$((any + 1))
    [ "$(lt "$v" 0.005)" = 1 ] || { ok=0; worst="$worst $key=$(fmt_s "$v")"; }
  done
  [ "$any" -gt 0 ] || ok=""
  check "every command under 5 ms median at 100 resources (2 nodes)" "$ok" "$any of 10 commands measured${worst:+; over:$worst}"
  if [ "$PEER_ON" = 1 ]; then
    ok=1; any=0; low=""
    for key in $keys; do
      v=${T[$key-2-100]:-}; pv=${T[p-$key-2-100]:-}; [ -z "$v" ] || [ -z "$pv" ] && continue; any=$((any + 1))
      [ "$(lt "$(echo "$pv / $v" | bc -l)" 10)" = 1 ] && { ok=0; low="$low $key=$(ratio "p-$key-2-100" "$key-2-100")"; }
    done
    [ "$any" -gt 0 ] || ok=""
    check "at least 10x faster than the Pacemaker equivalent at 100 resources" "$ok" "$any of 10 pairs measured${low:+; below:$low}"
  fi
fi
if [[ " $SIZES " == *" 5000 "* ]]; then
  ok=1; any=0; slow=""
  for k in $NODES; do for key in $keys; do
    v=${T[$key-$k-5000]:-}; [ -z "$v" ] && continue; any=$((any + 1))
    [ "$(lt "$v" 0.1)" = 1 ] || { ok=0; slow="$slow $key/$k=$(fmt_s "$v")"; }
  done; done
  [ "$any" -gt 0 ] || ok=""
  check "any single command under 100 ms at 5000 resources" "$ok" "$any measured${slow:+; over:$slow}"
  v=${T[down-2-5000]:-}
  if [ -n "$v" ]; then check "\`scsim node down\` moving 500 groups (2500 resources) under 1 s" "$(lt "$v" 1)" "$(fmt_s "$v")"
  else check "\`scsim node down\` moving 500 groups (2500 resources) under 1 s" "" "node down not available"; fi
fi
if [[ " $SETUP " == *" 1000 "* ]]; then
  v=${T[setup-1000]:-}
  if [ -n "$v" ]; then check "1000-command setup script under 5 s" "$(lt "$v" 5)" "$(fmt_s "$v")"
  else check "1000-command setup script under 5 s" "" "setup script did not run"; fi
fi
# Issue 9 targets.
[ -n "${T[hist-change]:-}" ] && check "change at 100 resources with a long history ≤ 1.5x \`--version\`" "$(lt "$(ratio_v_num hist-change)" 1.5)" "$(ratio_v hist-change)"
if [ -n "${T[k-change]:-}" ]; then
  check "change at 1,000 resources (one after another) ≤ 2.5x \`--version\`" "$(lt "$(ratio_v_num k-change)" 2.5)" "$(ratio_v k-change); a change to a file just copied in, which syncs: $(ratio_v k-change-copy)"
  check "\`scstat -g\` at 1,000 resources ≤ 2.5x \`--version\`" "$(lt "$(ratio_v_num k-statg)" 2.5)" "$(ratio_v k-statg)"
fi
[ -n "${T[setup9]:-}" ] && check "setup script of $SETUP9 commands ≤ 1.8x as many \`--version\`" "$(lt "$(ratio_v_num setup9)" 1.8)" "$(ratio_v setup9)"
[ -n "$SWS" ] && check "the state file does not grow with events ($SWITCHES switchovers)" "$SWS" "$SW0 → $SW1 bytes"
v=${T[down-2-5000]:-}
[ -n "$v" ] && check "\`scsim node down\` moving 500 groups ≤ 100 ms" "$(lt "$v" 0.1)" "$(fmt_s "$v")"
# Memory: a process has a fixed footprint of a few MiB, so judge states of 1 MiB and more.
worst=0; worst_key=""; small=0; over=""
for key in $(printf '%s\n' "${!MEM[@]}" | sort); do
  id=${key#*-}; kb=${SIZE_KIB[$id]:-}; [ -z "$kb" ] && continue
  if [ "$kb" -lt 1024 ]; then [ "${MEM[$key]}" -gt "$small" ] && small=${MEM[$key]}; continue; fi
  r=$(echo "${MEM[$key]} / $kb" | bc -l)
  [ "$(lt "$r" 5.0001)" = 1 ] || over="$over $key=$(printf '%.1f' "$r")x"
  if [ "$(lt "$worst" "$r")" = 1 ]; then worst=$r; worst_key=$key; fi
done
if [ -n "$worst_key" ]; then
  check "peak memory ≤ 5x the state file (states of 1 MiB and more)" "$(lt "$worst" 5.0001)" "worst $(printf '%.1f' "$worst")x, \`$worst_key\`${over:+; over:$over}; below 1 MiB of state the peak is at most $small KiB"
elif [ "$small" -gt 0 ]; then
  check "peak memory under 10x the state file" "" "no state of 1 MiB or more measured; peak $small KiB"
fi

# The release build lays out its functions by bench/symbol-order.txt (build.rs); a name the
# build no longer has is skipped, so say how much of the file still applies.
order=$REPO/bench/symbol-order.txt
if [ -f "$order" ] && command -v nm >/dev/null 2>&1; then
  found=$(nm --defined-only "$(readlink -f "$B/scsim")" 2>/dev/null | awk 'NR == FNR { want[$1] = 1; next } NF == 3 && ($3 in want) && !($3 in seen) { seen[$3] = 1; n++ } END { print n + 0 }' "$order" -)
  note "function layout: $found of $(wc -l < "$order") names of bench/symbol-order.txt are in this binary (regenerate with bench/symbol-order.sh when few are)"
fi
# A static executable (build.rs, .cargo/rustc-wrapper.sh) maps no shared C library: about
# 1 MiB less resident per command than a dynamic one.
if command -v readelf >/dev/null 2>&1; then
  if readelf -lW "$(readlink -f "$B/scsim")" 2>/dev/null | grep -q INTERP; then
    note "linking: dynamic (the C library is shared; a static build maps about 1 MiB less per command, see build.rs)"
  else
    note "linking: static"
  fi
fi

if [ ${#NOTES[@]} -gt 0 ] || [ ${#FAIL_KINDS[@]} -gt 0 ]; then
  emit ""
  emit "### Notes"
  emit ""
  for n in "${NOTES[@]}"; do emit "- $n"; done
  for kind in "${FAIL_KINDS[@]}"; do
    emit "- \`$kind\` at${FAIL_IDS[$kind]:-} (nodes-resources, or script length): ${FAIL_MSG[$kind]}"
  done
fi
[ "$QUICK" = 1 ] && emit "" && emit "(quick mode: small sizes only)"

cat "$REPORT"
[ -n "$OUT" ] && cp "$REPORT" "$OUT"
if [ "$STRICT" = 1 ]; then
  for kind in "${FAIL_KINDS[@]}"; do
    if [[ $kind != p-* ]]; then log "--strict: some scsim commands could not be timed (see Notes)"; exit 1; fi
  done
fi
exit 0
