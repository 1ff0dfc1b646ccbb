#!/usr/bin/env bash
# Run the README's Quick start verbatim: every ```sh block after a <!-- quickstart --> marker,
# in order, in one bash with a fresh HOME, from the repository root. The cargo registry and
# build directory of the caller are reused (CARGO_HOME, CARGO_TARGET_DIR), so the install step
# does not download or rebuild what is already there; `cargo install` installs into the fresh
# HOME's ~/.cargo as the README says.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

script=$(awk '
  /<!-- quickstart -->/ { want = 1; next }
  want && /^```sh$/     { inblock = 1; next }
  inblock && /^```$/    { inblock = 0; want = 0; next }
  inblock               { print }
' README.md)
if [ -z "$script" ]; then
  echo "quickstart.sh: no <!-- quickstart --> block in README.md" >&2
  exit 1
fi

fresh=$(mktemp -d "${TMPDIR:-/tmp}/scsim-quickstart.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
export CARGO_INSTALL_ROOT="$fresh/.cargo"
# rustup's proxies stay reachable; nothing of the caller's HOME is used otherwise.
toolchain_path=$(dirname "$(command -v cargo)")

printf '%s\n' "$script" > "$fresh/quickstart.sh"
env -i HOME="$fresh" PATH="$toolchain_path:/usr/local/bin:/usr/bin:/bin" \
  CARGO_HOME="$CARGO_HOME" CARGO_TARGET_DIR="$CARGO_TARGET_DIR" CARGO_INSTALL_ROOT="$CARGO_INSTALL_ROOT" \
  RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" SCSIM_NOW=2026-11-24T09:00:00Z \
  bash -euo pipefail -x "$fresh/quickstart.sh" > "$fresh/out" 2>&1 || {
    echo "quickstart.sh: the README's Quick start failed:" >&2
    tail -n 40 "$fresh/out" >&2
    exit 1
  }
grep -q 'MAIL-RG *mail-1 *Online' "$fresh/out" || {
  echo "quickstart.sh: scstat -g did not show MAIL-RG online on mail-1:" >&2
  tail -n 40 "$fresh/out" >&2
  exit 1
}
grep -q '^clrg create -n vincent,theo nfs-rg$' "$fresh/nfs-cluster.sh" || {
  echo "quickstart.sh: scsim export of the 3.2 cluster has no clrg create line:" >&2
  cat "$fresh/nfs-cluster.sh" >&2
  exit 1
}
for c in scsim scrgadm scswitch scstat scinstall scconf; do
  [ -s "$fresh/.local/share/bash-completion/completions/$c" ] || { echo "quickstart.sh: no completion for $c" >&2; exit 1; }
  [ -e "$fresh/bin/$c" ] || [ "$c" = scsim ] || { echo "quickstart.sh: no link $c in ~/bin" >&2; exit 1; }
done
echo "README Quick start: ok"
