//! Typed ids. Every entity id is a lowercase, readable slug that is unique across the whole file,
//! so a bare id in `about` or a URL names exactly one entity of any kind.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(
            #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")))]
            pub String,
        );

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    )*};
}

typed_id! {
    /// Names a company, person or group.
    PartyId;
    /// Names an agreement between parties.
    ContractId;
    /// Names a term of a contract.
    ClauseId;
    /// Names one attributed statement in one source.
    StatementId;
    /// Names a report, or an outlet a report cites.
    SourceId;
    /// Names a point on the timeline.
    EventId;
    /// Names a disagreement between sources.
    ConflictId;
    /// Names the dispute itself.
    DisputeId;
}

/// Any id, when the kind is not known yet (an `about` list, a URL).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct AnyId(
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))
    )]
    pub String,
);

impl AnyId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The kinds of entity a file holds; `as_str` is the `data-kind` attribute and the first segment
/// of a `#/<kind>/<id>` route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Party,
    Contract,
    Clause,
    Statement,
    Source,
    Event,
    Conflict,
    Dispute,
}

impl EntityKind {
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Party,
        EntityKind::Contract,
        EntityKind::Clause,
        EntityKind::Statement,
        EntityKind::Source,
        EntityKind::Event,
        EntityKind::Conflict,
        EntityKind::Dispute,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Party => "party",
            EntityKind::Contract => "contract",
            EntityKind::Clause => "clause",
            EntityKind::Statement => "statement",
            EntityKind::Source => "source",
            EntityKind::Event => "event",
            EntityKind::Conflict => "conflict",
            EntityKind::Dispute => "dispute",
        }
    }

    /// The name of the file's collection of this kind (`"dispute"` for the single dispute).
    pub fn collection(self) -> &'static str {
        match self {
            EntityKind::Party => "parties",
            EntityKind::Contract => "contracts",
            EntityKind::Clause => "clauses",
            EntityKind::Statement => "statements",
            EntityKind::Source => "sources",
            EntityKind::Event => "events",
            EntityKind::Conflict => "conflicts",
            EntityKind::Dispute => "dispute",
        }
    }

    /// The heading used for a group of this kind in lists and the legend.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Party => "Parties",
            EntityKind::Contract => "Contracts",
            EntityKind::Clause => "Clauses",
            EntityKind::Statement => "Statements",
            EntityKind::Source => "Sources",
            EntityKind::Event => "Events",
            EntityKind::Conflict => "Conflicts",
            EntityKind::Dispute => "Dispute",
        }
    }

    /// Whether the map draws entities of this kind (the others are in the details and views).
    pub fn is_drawn_on_map(self) -> bool {
        matches!(
            self,
            EntityKind::Party | EntityKind::Contract | EntityKind::Clause | EntityKind::Dispute
        )
    }

    pub fn parse(text: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// A reference to one entity: its kind and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub id: String,
}

impl EntityRef {
    pub fn new(kind: EntityKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }
}

/// Whether `text` is a valid id: lowercase ASCII letters and digits in words joined by single
/// hyphens, starting with a letter, at most 80 characters.
pub fn is_valid_id(text: &str) -> bool {
    let starts_with_letter = text
        .bytes()
        .next()
        .is_some_and(|byte| byte.is_ascii_lowercase());
    starts_with_letter
        && text.len() <= 80
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_syntax() {
        let cases = [
            ("azure-stateless-exclusivity", true),
            ("microsoft", true),
            ("report-2025", true),
            ("", false),
            ("Microsoft", false),
            ("2025-report", false),
            ("double--hyphen", false),
            ("trailing-", false),
            ("with space", false),
            ("under_score", false),
            ("ünicode", false),
        ];
        for (text, expected) in cases {
            assert_eq!(is_valid_id(text), expected, "{text:?}");
        }
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EntityKind::parse("parties"), None);
    }
}
