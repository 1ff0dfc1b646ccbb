//! The state file form of [`ResourceNodeState`]: most resources on most nodes are Online with
//! status Online, or Offline with status Offline, and no message; those are written as the bare
//! name (`"Online"`), a quarter of a resource's bytes at 1,000 resources. Any other combination
//! is an object `{"state", "status", "message"}` (message left out when empty), the form every
//! state was written in before schema 6 and that is still read.

use super::{RState, RStatus, ResourceNodeState, SparseText};
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

impl ResourceNodeState {
    /// The bare name this state is written as, if it has one.
    fn bare(&self) -> Option<&'static str> {
        if !self.message.is_empty() {
            return None;
        }
        match (self.state, self.status) {
            (RState::Online, RStatus::Online) => Some("Online"),
            (RState::Offline, RStatus::Offline) => Some("Offline"),
            _ => None,
        }
    }
}

impl Serialize for ResourceNodeState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(name) = self.bare() {
            return s.serialize_str(name);
        }
        let fields = if self.message.is_empty() { 2 } else { 3 };
        let mut st = s.serialize_struct("ResourceNodeState", fields)?;
        st.serialize_field("state", &self.state)?;
        st.serialize_field("status", &self.status)?;
        if !self.message.is_empty() {
            st.serialize_field("message", self.message.as_str())?;
        }
        st.end()
    }
}

impl<'de> Deserialize<'de> for ResourceNodeState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeStateVisitor)
    }
}

struct NodeStateVisitor;

impl<'de> Visitor<'de> for NodeStateVisitor {
    type Value = ResourceNodeState;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"Online\", \"Offline\" or an object with state and status")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let (state, status) = match v {
            "Online" => (RState::Online, RStatus::Online),
            "Offline" => (RState::Offline, RStatus::Offline),
            other => return Err(E::unknown_variant(other, &["Online", "Offline"])),
        };
        Ok(ResourceNodeState {
            state,
            status,
            message: SparseText::default(),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut state = None;
        let mut status = None;
        let mut message = SparseText::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "state" => state = Some(map.next_value::<RState>()?),
                "status" => status = Some(map.next_value::<RStatus>()?),
                "message" => message = SparseText::from(map.next_value::<String>()?),
                // Unknown fields are skipped (and noticed by the store's unknown-field pass).
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(ResourceNodeState {
            state: state.ok_or_else(|| de::Error::missing_field("state"))?,
            status: status.ok_or_else(|| de::Error::missing_field("status"))?,
            message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rns(state: RState, status: RStatus, message: &str) -> ResourceNodeState {
        ResourceNodeState {
            state,
            status,
            message: SparseText::from(message),
        }
    }

    #[test]
    fn matching_state_and_status_without_message_are_a_bare_name() {
        for (s, text) in [
            (rns(RState::Online, RStatus::Online, ""), r#""Online""#),
            (rns(RState::Offline, RStatus::Offline, ""), r#""Offline""#),
            (
                rns(RState::Online, RStatus::Degraded, ""),
                r#"{"state":"Online","status":"Degraded"}"#,
            ),
            (
                rns(RState::Online, RStatus::Online, "up"),
                r#"{"state":"Online","status":"Online","message":"up"}"#,
            ),
            (
                rns(RState::StartFailed, RStatus::Faulted, "no"),
                r#"{"state":"StartFailed","status":"Faulted","message":"no"}"#,
            ),
        ] {
            let written = serde_json::to_string(&s).unwrap();
            assert_eq!(written, text);
            let read: ResourceNodeState = serde_json::from_str(&written).unwrap();
            assert_eq!(read, s);
        }
    }

    #[test]
    fn the_object_form_of_older_files_still_reads() {
        let read: ResourceNodeState =
            serde_json::from_str(r#"{"state":"Online","status":"Online"}"#).unwrap();
        assert_eq!(read, rns(RState::Online, RStatus::Online, ""));
        assert!(serde_json::from_str::<ResourceNodeState>(r#""Starting""#).is_err());
        assert!(serde_json::from_str::<ResourceNodeState>(r#"{"state":"Online"}"#).is_err());
    }
}
