//! Reporting chains, counted: who a statement comes from, through which outlets, and how many
//! independent origins stand behind an entity. A claim three reports repeat from one anonymous
//! person is one origin, not three; counsel weighs it as one.
//!
//! A statement's chain runs from the report that holds it, through the outlet that report says
//! it relies on (`cites`), to its speaker. Its origin is folded as far as the file lets us tell
//! two statements apart:
//!
//! - a speaker on the record or a spokesperson is one origin per party (or per speaker, when no
//!   party is named), whatever outlet carries them;
//! - unnamed people are one origin per outlet at the end of the chain: report A citing the FT
//!   citing "a person familiar with Microsoft's position" and the FT's unnamed "sources" are one
//!   origin, since nothing in the reports says they are two people;
//! - an outlet's own words (paraphrase or analysis) are one origin per outlet at the end of the
//!   chain.

use super::Dataset;
use crate::model::{Attribution, EntityKind, Source, Statement};
use std::collections::HashSet;

/// How an origin speaks, which counsel weighs differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OriginKind {
    /// Named, on the record or through a spokesperson.
    OnRecord,
    /// People the report does not name.
    Anonymous,
    /// An outlet's own words: its paraphrase or its analysis.
    Outlet,
}

/// How much stands behind something: its statements, the reports that carry them, and the
/// independent origins they come from, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    pub statements: usize,
    pub reports: usize,
    pub on_record: usize,
    pub anonymous: usize,
    pub outlets: usize,
}

impl Reach {
    /// Independent origins in all.
    pub fn origins(&self) -> usize {
        self.on_record + self.anonymous + self.outlets
    }

    /// "6 statements · 2 reports · 3 independent origins (1 on record, 1 anonymous, 1 the
    /// outlets' own)".
    pub fn describe(&self) -> String {
        let plural = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        let mut kinds = Vec::new();
        if self.on_record > 0 {
            kinds.push(format!("{} on record", self.on_record));
        }
        if self.anonymous > 0 {
            kinds.push(format!("{} anonymous", self.anonymous));
        }
        if self.outlets > 0 {
            kinds.push(format!("{} the outlets' own", self.outlets));
        }
        format!(
            "{} · {} · {}{}",
            plural(self.statements, "statement", "statements"),
            plural(self.reports, "report", "reports"),
            plural(self.origins(), "independent origin", "independent origins"),
            if kinds.is_empty() {
                String::new()
            } else {
                format!(" ({})", kinds.join(", "))
            }
        )
    }
}

/// One statement's chain: the report that holds it, the outlet that report cites for it, and
/// who speaks.
#[derive(Clone, Copy, Debug)]
pub struct Chain<'a> {
    pub report: &'a Source,
    pub cited: Option<&'a Source>,
    pub speaker: &'a str,
}

impl Dataset {
    /// A statement's chain, from the report to the speaker.
    pub fn chain<'a>(&'a self, statement: &'a Statement) -> Option<Chain<'a>> {
        Some(Chain {
            report: self.source(statement.source.as_str())?,
            cited: statement
                .cites
                .as_ref()
                .and_then(|cited| self.source(cited.as_str())),
            speaker: &statement.speaker.description,
        })
    }

    /// A statement's origin: its kind, and a key two statements share when nothing in the file
    /// tells them apart as sources.
    pub fn origin_of(&self, statement: &Statement) -> (OriginKind, String) {
        let outlet = statement
            .cites
            .as_ref()
            .unwrap_or(&statement.source)
            .as_str();
        let side = statement
            .speaker
            .party
            .as_ref()
            .map(|party| party.as_str().to_owned());
        match statement.attribution {
            Attribution::OnRecord | Attribution::Spokesperson => (
                OriginKind::OnRecord,
                side.unwrap_or_else(|| statement.speaker.description.to_ascii_lowercase()),
            ),
            Attribution::Anonymous => (OriginKind::Anonymous, outlet.to_owned()),
            Attribution::OutletParaphrase | Attribution::OutletAnalysis => {
                (OriginKind::Outlet, outlet.to_owned())
            }
        }
    }

    /// How much stands behind a set of statements.
    pub fn reach<'a>(&self, statements: impl IntoIterator<Item = &'a Statement>) -> Reach {
        let mut seen = HashSet::new();
        let mut reports = HashSet::new();
        let mut origins = HashSet::new();
        let mut reach = Reach::default();
        for statement in statements {
            if !seen.insert(statement.id.as_str()) {
                continue;
            }
            reach.statements += 1;
            reports.insert(statement.source.as_str());
            let origin = self.origin_of(statement);
            if origins.insert(origin.clone()) {
                match origin.0 {
                    OriginKind::OnRecord => reach.on_record += 1,
                    OriginKind::Anonymous => reach.anonymous += 1,
                    OriginKind::Outlet => reach.outlets += 1,
                }
            }
        }
        reach.reports = reports.len();
        reach
    }

    /// The statements that stand behind an entity: a statement itself; a clause's readings and
    /// the statements about it; a conflict's sides; anything else, the statements by or about it.
    pub fn statements_behind(&self, id: &str) -> Vec<&Statement> {
        let mut behind: Vec<&Statement> = match self.kind_of(id) {
            Some(EntityKind::Statement) => self.statement(id).into_iter().collect(),
            Some(EntityKind::Clause) => {
                let readings = self.clause(id).into_iter().flat_map(|clause| {
                    clause
                        .readings
                        .iter()
                        .flat_map(|reading| &reading.statements)
                        .filter_map(|id| self.statement(id.as_str()))
                });
                readings.chain(self.statements_about(id)).collect()
            }
            Some(EntityKind::Conflict) => self
                .conflict(id)
                .into_iter()
                .flat_map(|conflict| conflict.sides.iter().flat_map(|side| &side.statements))
                .filter_map(|id| self.statement(id.as_str()))
                .collect(),
            Some(_) => self.statements_concerning(id),
            None => Vec::new(),
        };
        let mut seen = HashSet::new();
        behind.retain(|statement| seen.insert(statement.id.as_str()));
        behind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse;

    fn bundled() -> Dataset {
        parse(crate::BUNDLED_DISPUTE).unwrap()
    }

    /// Report A citing the FT citing a person familiar with Microsoft's position, and the FT's
    /// unnamed sources, are one origin; report B's unnamed people are another.
    #[test]
    fn chains_through_a_cited_outlet_fold_into_one_origin() {
        let dataset = bundled();
        let person = dataset.statement("a-person-familiar-will-sue").unwrap();
        let chain = dataset.chain(person).unwrap();
        assert_eq!(chain.report.id.as_str(), "cloud-pact-faces-new-tension");
        assert_eq!(
            chain.cited.map(|cited| cited.id.as_str()),
            Some("financial-times")
        );
        let anonymous_via_ft: Vec<&Statement> = dataset
            .file
            .statements
            .iter()
            .filter(|statement| {
                statement.attribution == Attribution::Anonymous
                    && statement
                        .cites
                        .as_ref()
                        .is_some_and(|cited| cited.as_str() == "financial-times")
            })
            .collect();
        assert!(anonymous_via_ft.len() >= 2, "{}", anonymous_via_ft.len());
        let reach = dataset.reach(anonymous_via_ft.iter().copied());
        assert_eq!(
            (
                reach.statements,
                reach.reports,
                reach.anonymous,
                reach.origins()
            ),
            (anonymous_via_ft.len(), 1, 1, 1)
        );
        let across = dataset.reach(
            dataset
                .file
                .statements
                .iter()
                .filter(|statement| statement.attribution == Attribution::Anonymous),
        );
        assert_eq!(
            across.anonymous, 2,
            "one origin by way of the FT, one in report B"
        );
    }

    #[test]
    fn counts_read_as_a_line() {
        let reach = Reach {
            statements: 6,
            reports: 2,
            on_record: 1,
            anonymous: 1,
            outlets: 1,
        };
        assert_eq!(
            reach.describe(),
            "6 statements · 2 reports · 3 independent origins (1 on record, 1 anonymous, 1 the outlets' own)"
        );
        let one = Reach {
            statements: 1,
            reports: 1,
            anonymous: 1,
            ..Reach::default()
        };
        assert_eq!(
            one.describe(),
            "1 statement · 1 report · 1 independent origin (1 anonymous)"
        );
    }

    #[test]
    fn what_stands_behind_a_clause_counts_each_statement_once() {
        let dataset = bundled();
        let behind = dataset.statements_behind("azure-stateless-exclusivity");
        let ids: HashSet<&str> = behind
            .iter()
            .map(|statement| statement.id.as_str())
            .collect();
        assert_eq!(ids.len(), behind.len());
        let reach = dataset.reach(behind.iter().copied());
        assert_eq!(reach.statements, behind.len());
        assert!(reach.origins() < reach.statements, "{reach:?}");
        assert_eq!(reach.reports, 2);
    }
}
