//! The object CLI's errors: CL_* exit codes (Intro(1CL) "Exit Status") and messages in the
//! 3.2 form `clrg:  (C361234) resource group web-rg does not exist`.
//!
//! The service reports errors with scha_err_t codes and, where it matters, a [`Kind`]
//! (no such object, exists already, busy); [`to_cl`] numbers them the way the object CLI does
//! and puts the message id in front. The id names the class of message and is stable: scripts
//! may match on it (table in docs/exit-codes.md).

use crate::error::{ErrorCode, Kind, ScError};

/// The CL_* code of an error the service reported.
pub fn cl_code(e: &ScError) -> ErrorCode {
    match e.kind {
        Some(Kind::NoEnt) => return ErrorCode::ClNoEnt,
        Some(Kind::Exists) => return ErrorCode::ClExist,
        Some(Kind::Busy) => return ErrorCode::ClBusy,
        None => {}
    }
    match e.code {
        // The codes the two tables share.
        c @ (ErrorCode::NoMem
        | ErrorCode::Inval
        | ErrorCode::Reconf
        | ErrorCode::Access
        | ErrorCode::State
        | ErrorCode::Method
        | ErrorCode::Prop
        | ErrorCode::Internal) => c,
        // A dependency forbids it: the operation is not allowed now.
        ErrorCode::Depend => ErrorCode::ClOp,
        // A node that exists but is down or not a primary; a group or resource in the wrong
        // state (online, enabled, Stop_failed).
        ErrorCode::Node | ErrorCode::Rg | ErrorCode::Rsrc => ErrorCode::State,
        // A type that cannot be used as asked (bad RTR file, single instance, failover type in
        // a scalable group).
        ErrorCode::Rt => ErrorCode::ClType,
        c => c,
    }
}

/// The message id of a CL_* code: `C` and six digits, one per class of message.
pub fn message_id(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::NoMem => "C102471",
        ErrorCode::Inval => "C361403",
        ErrorCode::Reconf => "C505829",
        ErrorCode::Access => "C616402",
        ErrorCode::State => "C969306",
        ErrorCode::Method => "C774170",
        ErrorCode::Prop => "C444178",
        ErrorCode::ClIo => "C215089",
        ErrorCode::ClNoEnt => "C328200",
        ErrorCode::ClOp => "C437306",
        ErrorCode::ClBusy => "C806513",
        ErrorCode::ClExist => "C240319",
        ErrorCode::ClType => "C153906",
        _ => "C105421",
    }
}

/// The error as the object CLI reports it: CL_* code, `(Cnnnnnn) ` before the message (the
/// printer's `prog: ` makes the two spaces of the real form). "command not found" is the
/// shell's, not the command's, and stays as it is.
pub fn to_cl(e: ScError) -> ScError {
    if e.code == ErrorCode::NotFound {
        return e;
    }
    let code = cl_code(&e);
    ScError {
        code,
        message: format!(" ({}) {}", message_id(code), e.message),
        ..e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_take_their_own_codes() {
        let e = ScError::new(ErrorCode::Rg, "resource group x does not exist").kind(Kind::NoEnt);
        let cl = to_cl(e);
        assert_eq!(cl.code.exit_code(), 36);
        assert_eq!(cl.message, " (C328200) resource group x does not exist");
        assert_eq!(
            to_cl(ScError::new(ErrorCode::Rsrc, "x").kind(Kind::Exists))
                .code
                .exit_code(),
            39
        );
        assert_eq!(
            to_cl(ScError::new(ErrorCode::Rg, "x").kind(Kind::Busy))
                .code
                .exit_code(),
            38
        );
        assert_eq!(
            to_cl(ScError::new(ErrorCode::Prop, "x")).code.exit_code(),
            15
        );
        assert_eq!(
            to_cl(ScError::new(ErrorCode::Depend, "x")).code.exit_code(),
            37
        );
        assert_eq!(to_cl(ScError::new(ErrorCode::Rt, "x")).code.exit_code(), 41);
        let nf = ScError::new(ErrorCode::NotFound, "command not found");
        assert_eq!(to_cl(nf.clone()), nf);
    }
}
