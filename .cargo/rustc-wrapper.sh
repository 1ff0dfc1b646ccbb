#!/bin/sh
# Cargo runs every compiler invocation through this (build.rustc-wrapper in .cargo/config.toml)
# as: rustc-wrapper.sh RUSTC ARGS... (RUSTC may itself be a wrapper, such as clippy-driver).
#
# It adds `-C target-feature=+crt-static` to one of them: the link of the `scsim` executable,
# when build.rs found that a static executable links and runs on this machine (it then leaves
# `static-link` in OUT_DIR). A static executable maps no shared C library: each command keeps
# about 1 MiB less resident (docs/performance.md, "Thirteenth round"). The flag cannot go in
# RUSTFLAGS, which Cargo also applies to the proc-macro crates a static target cannot build.
# Every other invocation runs unchanged.
rustc=$1
shift
bin=0
name=""
prev=""
for a in "$@"; do
    case "$prev" in
    --crate-name) name=$a ;;
    --crate-type) [ "$a" = bin ] && bin=1 ;;
    esac
    prev=$a
done
if [ "$name" = scsim ] && [ "$bin" = 1 ] && [ -n "${OUT_DIR:-}" ] && [ -f "$OUT_DIR/static-link" ]; then
    exec "$rustc" "$@" -C target-feature=+crt-static
fi
exec "$rustc" "$@"
