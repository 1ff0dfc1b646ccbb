//! The one integration-test binary: runs the real executable through its command names.
//! Every `*.rs` file in this directory must be a module here (checked by `all_modules_wired`).

// Tests may read their own switches from the environment and report on stderr.
#![allow(clippy::disallowed_methods, clippy::print_stderr, clippy::print_stdout)]

mod harness;

mod campaign;
mod completion;
mod discovery;
mod eco;
mod export;
mod faults;
mod fuzz;
mod generated;
mod import;
mod init_state;
mod invariants;
mod json_docs;
mod local_node;
mod messages;
mod nodefiles;
mod objcli;
mod objcli_pernode;
mod pacemaker;
mod pacemaker_live;
mod probes;
mod scenarios;
mod scha;
mod scha32;
mod scrgadm;
mod scrgadm_errors;
mod scstat;
mod scswitch;
mod seed;

#[test]
fn all_modules_wired() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".rs")
            && stem != "main"
        {
            assert!(
                main.contains(&format!("mod {stem};")),
                "tests/cli/{name} is not a module of main.rs"
            );
        }
    }
}
