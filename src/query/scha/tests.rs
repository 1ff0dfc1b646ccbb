use super::*;
use crate::engine::testkit;

const NOW: u64 = 1_700_000_000_000;

fn ask(s: &ClusterState, r: &str, tag: &str, args: &[&str], local: &str) -> Result<Answer> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    resource(s, &s.resources[r], tag, &args, local)
}

#[test]
fn per_node_answers_follow_the_local_node() {
    let s = testkit::seed(NOW);
    let g = &s.resource_groups["MAIL-RG"];
    let on = |n: &str| group(&s, g, "rg_state", &[], n).unwrap();
    assert_eq!(on("mail-1"), Answer::Enum("ONLINE".into()));
    assert_eq!(on("mail-2"), Answer::Enum("OFFLINE".into()));
    assert_eq!(
        ask(&s, "mail-rs", "Resource_State", &[], "mail-2").unwrap(),
        Answer::Enum("OFFLINE".into())
    );
    assert_eq!(
        ask(&s, "mail-rs", "RESOURCE_STATE_NODE", &["1"], "mail-2").unwrap(),
        Answer::Enum("ONLINE".into())
    );
    match ask(&s, "mail-rs", "STATUS", &[], "mail-1").unwrap() {
        Answer::Status { status, .. } => assert_eq!(status, "OK"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        cluster(&s, "nodename_local", &[], "mail-2").unwrap(),
        Answer::Str("mail-2".into())
    );
}

#[test]
fn errors_carry_scha_codes() {
    let s = testkit::seed(NOW);
    let code = |r: Result<Answer>| r.unwrap_err().code;
    assert_eq!(
        code(ask(&s, "mail-rs", "NOPE", &[], "mail-1")),
        ErrorCode::Tag
    );
    assert_eq!(
        code(ask(&s, "mail-rs", "STATUS_NODE", &["mail-9"], "mail-1")),
        ErrorCode::Node
    );
    assert_eq!(
        code(ask(&s, "mail-rs", "STATUS_NODE", &[], "mail-1")),
        ErrorCode::Inval
    );
    assert_eq!(
        code(ask(&s, "mail-rs", "EXTENSION", &["Nope"], "mail-1")),
        ErrorCode::Prop
    );
    assert_eq!(
        code(cluster(&s, "NODENAME_NODEID", &["9".into()], "mail-1")),
        ErrorCode::Node
    );
    assert_eq!(
        resource_in(&s, "mail-rs", Some("OTHER")).unwrap_err().code,
        ErrorCode::Rg
    );
}

#[test]
fn restart_counts_stay_within_retry_interval() {
    let mut s = testkit::seed(NOW);
    let r = s.resources.get_mut("mail-rs").unwrap();
    r.extras.restart_history = vec![NOW - 10_000_000, NOW - 1_000];
    let r = &s.resources["mail-rs"];
    assert_eq!(num_resource_restarts(&s, r, NOW), 1);
}

#[test]
fn zone_and_release_checks() {
    let mut s = testkit::seed(NOW);
    // 3.1: no -Z, no 3.2 optags.
    assert_eq!(zone(&s, Some("global")).unwrap_err().code, ErrorCode::Inval);
    assert!(zone(&s, None).is_ok());
    assert_eq!(
        cluster(&s, "all_zones", &[], "mail-1").unwrap_err().code,
        ErrorCode::Tag
    );
    assert_eq!(
        check_release(&s, "ALL_PSTRINGS", "scha_cluster_get")
            .unwrap_err()
            .code,
        ErrorCode::Tag
    );
    s.cluster.release = crate::model::Release::V32;
    assert!(zone(&s, Some("global")).is_ok());
    let name = s.cluster.name.clone();
    assert!(zone(&s, Some(&name)).is_ok());
    let e = zone(&s, Some("zc1")).unwrap_err();
    assert_eq!(e.code, ErrorCode::Inval);
    assert!(e.message.contains("zone cluster zc1 does not exist"));
    assert_eq!(zone(&s, Some(" ")).unwrap_err().code, ErrorCode::Inval);
    assert_eq!(
        cluster(&s, "ALL_ZONES", &[], "mail-1").unwrap(),
        Answer::List(vec!["mail-1".into(), "mail-2".into()])
    );
    assert!(check_release(&s, "ALL_PSTRINGS", "scha_cluster_get").is_err());
    s.cluster.release = crate::model::Release::V44;
    assert_eq!(
        cluster(&s, "all_pstrings", &[], "mail-1").unwrap(),
        Answer::List(Vec::new())
    );
    let g = &s.resource_groups["MAIL-RG"];
    assert_eq!(
        group(&s, g, "rg_slm_type", &[], "mail-1").unwrap(),
        Answer::Enum("MANUAL".into())
    );
    assert_eq!(
        group(&s, g, "PRIORITY", &[], "mail-1").unwrap(),
        Answer::Int(500)
    );
}
