//! The method-runner seam: the executor hands each method call to a [`MethodRunner`] and
//! reads back its outcome. [`SimMethods`] is the simulated cluster; it owns the injected faults
//! it fires while it runs.

use crate::engine::settings;
use crate::model::{Fault, FaultKind, Method};

/// One method invocation as the runner sees it.
#[derive(Debug, Clone)]
pub struct MethodCall<'a> {
    pub resource: &'a str,
    pub group: &'a str,
    pub node: &'a str,
    pub method: Method,
    /// The method's program (`hafoip_start`), the name the log prints.
    pub program: &'a str,
    pub timeout_s: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallResult {
    Ok,
    /// Exited non-zero.
    Failed {
        exit: i32,
    },
    /// Did not return within its timeout.
    TimedOut,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallOutcome {
    pub result: CallResult,
    /// Simulated time the call took.
    pub duration_ms: u64,
}

/// Runs methods and reports how each call went.
pub trait MethodRunner {
    fn call(&mut self, call: &MethodCall) -> CallOutcome;
}

/// The simulated cluster: every method succeeds after a fixed fraction of its timeout, unless
/// an injected fault says otherwise (a timeout fault consumes the whole timeout). It owns the
/// faults while it runs: a fault with a count is used up as it fires; [`SimMethods::into_faults`]
/// hands back the ones still armed.
#[derive(Debug, Default, Clone)]
pub struct SimMethods {
    faults: Vec<Fault>,
}

impl SimMethods {
    pub fn new(faults: Vec<Fault>) -> SimMethods {
        SimMethods { faults }
    }

    /// The faults still armed after the calls made so far.
    pub fn into_faults(self) -> Vec<Fault> {
        self.faults
    }

    /// The first fault that matches the call, if any.
    fn matching(&self, call: &MethodCall) -> Option<usize> {
        self.faults.iter().position(|f| {
            f.resource == call.resource
                && f.node.as_deref().is_none_or(|n| n == call.node)
                && match &f.kind {
                    FaultKind::MethodFails { method } | FaultKind::MethodTimeout { method } => {
                        *method == call.method
                    }
                    FaultKind::Monitor => false,
                }
        })
    }

    /// Fire fault `i`: count it down (and disarm it at zero); true if it is a timeout.
    fn fire(&mut self, i: usize) -> bool {
        let timeout = matches!(self.faults[i].kind, FaultKind::MethodTimeout { .. });
        if let Some(rem) = self.faults[i].remaining.as_mut() {
            *rem = rem.saturating_sub(1);
            if *rem == 0 {
                self.faults.remove(i);
            }
        }
        timeout
    }
}

impl MethodRunner for SimMethods {
    fn call(&mut self, call: &MethodCall) -> CallOutcome {
        let Some(i) = self.matching(call) else {
            return CallOutcome {
                result: CallResult::Ok,
                duration_ms: settings::method_duration_ms(call.timeout_s),
            };
        };
        if self.fire(i) {
            CallOutcome {
                result: CallResult::TimedOut,
                duration_ms: call.timeout_s * 1000,
            }
        } else {
            CallOutcome {
                result: CallResult::Failed { exit: 1 },
                duration_ms: settings::method_duration_ms(call.timeout_s),
            }
        }
    }
}
