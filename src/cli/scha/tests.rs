use super::*;
use crate::error::ErrorCode;
use crate::printer::Printer;

fn words(spec: &Spec, args: &[&str]) -> Result<Words> {
    let mut out = Printer::new(spec.name);
    let args = args.iter().map(OsString::from).collect();
    super::super::parse_command::<Words>(spec.name, build(spec), args, &mut out)
        .map(|w| w.expect("not help"))
}

#[test]
fn options_in_any_order_and_attached_values() {
    let spec = get::resource_spec();
    let a = words(&spec, &["-O", "status", "-R", "r1", "-G", "g1"]).unwrap();
    let b = words(&spec, &["-Gg1", "-Rr1", "-Ostatus"]).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.optag, "status");
    let c = words(&spec, &["-O", "EXTENSION", "-R", "r1", "Prop", "-G", "g1"]).unwrap();
    assert_eq!(c.operands, ["Prop"]);
    assert_eq!(c.group.as_deref(), Some("g1"));
}

#[test]
fn missing_options_and_unknown_ones_are_usage_errors() {
    let spec = get::group_spec();
    assert_eq!(
        words(&spec, &["-G", "g"]).unwrap_err().code,
        ErrorCode::Inval
    );
    assert_eq!(
        words(&spec, &["-O", "RG_STATE", "-G", "g", "-R", "r"])
            .unwrap_err()
            .code,
        ErrorCode::Inval
    );
}

#[test]
fn control_optags_in_any_case() {
    use crate::engine::ControlOp;
    assert_eq!(
        control::parse_optag("check_giveover").unwrap(),
        (ControlOp::Giveover, true)
    );
    assert_eq!(
        control::parse_optag("Resource_Restart").unwrap(),
        (ControlOp::ResourceRestart, false)
    );
    assert_eq!(
        control::parse_optag("resource_disable").unwrap(),
        (ControlOp::ResourceDisable, false)
    );
    assert_eq!(
        control::parse_optag("Ignore_Failed_Start").unwrap(),
        (ControlOp::IgnoreFailedStart, false)
    );
    assert_eq!(
        control::parse_optag("CHANGE_STATE").unwrap_err().code,
        ErrorCode::Tag
    );
    assert_eq!(
        setstatus::parse_status("ok").unwrap(),
        crate::model::RStatus::Online
    );
    assert_eq!(
        setstatus::parse_status("busy").unwrap_err().code,
        ErrorCode::Rstatus
    );
}
