//! Deterministic synthetic disputes of any size, valid by construction, for benchmarks and
//! property tests. The same size and seed always give the same file.

use crate::model::{
    AnyId, Attribution, Clause, ClauseId, Conflict, ConflictId, ConflictKind, ConflictSide,
    Contract, ContractId, ContractKind, ContractStatus, DatePrecision, Dispute, DisputeFile,
    DisputeId, DisputeStatus, Event, EventId, EventStatus, Modality, Party, PartyId, PartyKind,
    Reading, ReportedDate, Source, SourceId, SourceKind, Speaker, Statement, StatementId, TourStep,
    View, Wording, SCHEMA_VERSION,
};

/// How many of each entity to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub parties: usize,
    pub contracts: usize,
    pub clauses: usize,
    pub statements: usize,
}

impl Size {
    /// The large dispute the benchmark budgets are set for.
    pub const LARGE: Size = Size {
        parties: 500,
        contracts: 2_000,
        clauses: 5_000,
        statements: 20_000,
    };
}

/// A small, fast pseudo-random generator (SplitMix64): deterministic on every platform.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut value = self.0;
        value = (value ^ (value >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        value ^ (value >> 31)
    }

    /// A number below `bound` (which must be above zero).
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

const SYLLABLES: [&str; 16] = [
    "ar", "bel", "cor", "dan", "el", "fen", "gor", "hal", "ix", "jun", "kel", "lor", "mar", "nov",
    "or", "pax",
];
const STATEMENTS_PER_SOURCE: usize = 100;

/// A dispute of the given size. Needs at least three parties, one contract and one statement.
pub fn generate(size: Size, seed: u64) -> DisputeFile {
    let size = Size {
        parties: size.parties.max(3),
        contracts: size.contracts.max(1),
        clauses: size.clauses,
        statements: size.statements.max(1),
    };
    let mut random = Random(seed);
    let source_count = size.statements.div_ceil(STATEMENTS_PER_SOURCE).max(1);
    let source_id = |index: usize| SourceId(format!("report-{index}"));
    let party_id = |index: usize| PartyId(format!("party-{index}"));
    let mut texts: Vec<String> = vec![String::new(); source_count];
    let quote_into = |texts: &mut Vec<String>, source: usize, sentence: String| -> String {
        if !texts[source].is_empty() {
            texts[source].push(' ');
        }
        texts[source].push_str(&sentence);
        sentence
    };

    let parties: Vec<Party> = (0..size.parties)
        .map(|index| {
            let name: String = (0..2 + index % 2)
                .map(|_| SYLLABLES[random.below(SYLLABLES.len())])
                .collect();
            let mut name: Vec<char> = name.chars().collect();
            name[0] = name[0].to_ascii_uppercase();
            Party {
                id: party_id(index),
                name: format!("{} {index}", name.into_iter().collect::<String>()),
                kind: PartyKind::Company,
                aliases: Vec::new(),
                role: if index == 0 {
                    "Claimant".to_owned()
                } else {
                    "Counterparty".to_owned()
                },
                summary: format!("Synthetic party number {index}."),
                sources: vec![source_id(index % source_count)],
            }
        })
        .collect();

    let contracts: Vec<Contract> = (0..size.contracts)
        .map(|index| {
            // Mostly neighbours, as real contract networks cluster; some three-party deals.
            let first = random.below(size.parties);
            // An offset of 1 to parties - 1 never wraps back onto the first party.
            let second = (first + 1 + random.below(3.min(size.parties - 1))) % size.parties;
            let mut members = vec![party_id(first), party_id(second)];
            if index % 10 == 0 {
                let third = (second + 1) % size.parties;
                if third != first {
                    members.push(party_id(third));
                }
            }
            Contract {
                id: ContractId(format!("contract-{index}")),
                title: format!("Agreement {index}"),
                kind: [
                    ContractKind::Commercial,
                    ContractKind::Partnership,
                    ContractKind::Investment,
                ][index % 3],
                parties: members,
                date: Some(ReportedDate {
                    text: format!("in {}", 2000 + index % 26),
                    precision: DatePrecision::Year,
                    value: Some(format!("{}", 2000 + index % 26)),
                    relative_to: None,
                }),
                value: (index % 4 == 0).then(|| format!("${} million", 1 + random.below(900))),
                status: ContractStatus::Signed,
                summary: format!("Synthetic agreement number {index}."),
                sources: vec![source_id(index % source_count)],
            }
        })
        .collect();

    let mut statements: Vec<Statement> = Vec::with_capacity(size.statements);
    let statement_source = |index: usize| index / STATEMENTS_PER_SOURCE;
    for index in 0..size.statements {
        let source = statement_source(index);
        let speaker = random.below(size.parties);
        let subject = random.below(size.parties);
        let mut about = vec![AnyId(format!("party-{subject}"))];
        if size.clauses > 0 {
            about.push(AnyId(format!("clause-{}", random.below(size.clauses))));
        }
        let speculative = index % 5 == 0;
        let sentence = format!(
            "Party {speaker} {} that party {subject} breached its obligations (statement {index}).",
            if speculative { "may argue" } else { "said" }
        );
        statements.push(Statement {
            id: StatementId(format!("statement-{index}")),
            speaker: Speaker {
                party: Some(party_id(speaker)),
                description: format!("A spokesperson for party {speaker}"),
            },
            attribution: Attribution::ALL[index % Attribution::ALL.len()],
            modality: if speculative {
                Modality::Speculative
            } else {
                Modality::Asserted
            },
            source: source_id(source),
            cites: None,
            about,
            quote: quote_into(&mut texts, source, sentence),
            summary: if speculative {
                format!("Statement {index}: party {subject} may have breached.")
            } else {
                format!("Statement {index} about party {subject}.")
            },
        });
    }

    let clauses: Vec<Clause> = (0..size.clauses)
        .map(|index| {
            let contract = index % size.contracts;
            let source = index % source_count;
            let wording = quote_into(
                &mut texts,
                source,
                format!("Clause {index} of agreement {contract} grants exclusive rights."),
            );
            let supporting = random.below(size.statements);
            Clause {
                id: ClauseId(format!("clause-{index}")),
                contract: ContractId(format!("contract-{contract}")),
                title: format!("Exclusivity term {index}"),
                wording: vec![Wording {
                    source: source_id(source),
                    quote: wording,
                }],
                readings: vec![Reading {
                    party: contracts[contract].parties[0].clone(),
                    position: "It may be breached.".to_owned(),
                    modality: Modality::Speculative,
                    statements: vec![StatementId(format!("statement-{supporting}"))],
                }],
                question: format!("Is clause {index} breached?"),
                disputed: index % 3 == 0,
            }
        })
        .collect();

    let events: Vec<Event> = (0..(size.contracts / 10).max(1))
        .map(|index| Event {
            id: EventId(format!("event-{index}")),
            title: format!("Event {index}"),
            date: ReportedDate {
                text: format!("in {}", 2000 + index * 26 / (size.contracts / 10).max(1)),
                precision: DatePrecision::Year,
                value: Some(format!(
                    "{}",
                    2000 + index * 26 / (size.contracts / 10).max(1)
                )),
                relative_to: None,
            },
            status: EventStatus::Happened,
            parties: vec![party_id(index % size.parties)],
            contracts: vec![ContractId(format!("contract-{}", index % size.contracts))],
            summary: format!("Synthetic event {index}."),
            sources: vec![source_id(index % source_count)],
        })
        .collect();

    // Conflicts pair statements from two different sources, when there are two.
    let conflicts: Vec<Conflict> = if source_count < 2 {
        Vec::new()
    } else {
        (0..(size.statements / 200).max(1))
            .map(|index| {
                let left = index % size.statements;
                let right = (left + STATEMENTS_PER_SOURCE) % size.statements;
                let sides = [left, right]
                    .into_iter()
                    .map(|statement| ConflictSide {
                        source: source_id(statement_source(statement)),
                        position: format!("Statement {statement}"),
                        modality: Some(statements[statement].modality),
                        statements: vec![StatementId(format!("statement-{statement}"))],
                        highlight: vec!["breached its obligations".to_owned()],
                    })
                    .collect();
                Conflict {
                    id: ConflictId(format!("conflict-{index}")),
                    title: format!("Disagreement {index}"),
                    kind: ConflictKind::Framing,
                    difference: "The reports differ.".to_owned(),
                    sides,
                    about: Vec::new(),
                }
            })
            .filter(|conflict| conflict.sides[0].source != conflict.sides[1].source)
            .collect()
    };

    let sources = texts
        .into_iter()
        .enumerate()
        .map(|(index, text)| Source {
            id: source_id(index),
            title: format!("Synthetic report {index}"),
            short_title: Some(format!("Report {index}")),
            kind: SourceKind::NewsReport,
            url: None,
            publisher: None,
            published: None,
            cites: Vec::new(),
            file: None,
            text: Some(if text.is_empty() {
                "Nothing reported.".to_owned()
            } else {
                text
            }),
            note: None,
        })
        .collect();

    let tour = vec![
        TourStep {
            title: "The parties".to_owned(),
            text: "Who is bound to whom.".to_owned(),
            view: View::Map,
            entity: AnyId(party_id(0).0),
            statements: vec![StatementId("statement-0".to_owned())],
        },
        TourStep {
            title: "The claim".to_owned(),
            text: "What is claimed, and by whom.".to_owned(),
            view: View::List,
            entity: AnyId("synthetic-claim".to_owned()),
            statements: vec![StatementId(format!(
                "statement-{}",
                size.statements.max(1) - 1
            ))],
        },
    ];

    DisputeFile {
        json_schema: None,
        schema: SCHEMA_VERSION.to_owned(),
        as_of: "2026-11-22".to_owned(),
        title: format!(
            "Synthetic dispute: {} parties, {} contracts",
            size.parties, size.contracts
        ),
        summary: "Generated for benchmarks and tests; every name and fact in it is invented."
            .to_owned(),
        dispute: Dispute {
            id: DisputeId("synthetic-claim".to_owned()),
            title: "Synthetic breach-of-contract claim".to_owned(),
            claim: "breach of contract".to_owned(),
            status: DisputeStatus::Threatened,
            claimants: vec![party_id(0)],
            respondents: vec![party_id(1), party_id(2)],
            contracts: vec![ContractId("contract-0".to_owned())],
            clauses: Vec::new(),
            summary: "Invented.".to_owned(),
            sources: vec![source_id(0)],
        },
        sources,
        parties,
        contracts,
        clauses,
        statements,
        events,
        conflicts,
        tour,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    #[test]
    fn generated_disputes_are_valid_and_repeatable() {
        for (size, seed) in [
            (
                Size {
                    parties: 3,
                    contracts: 1,
                    clauses: 0,
                    statements: 1,
                },
                1,
            ),
            (
                Size {
                    parties: 40,
                    contracts: 90,
                    clauses: 120,
                    statements: 700,
                },
                7,
            ),
        ] {
            let file = generate(size, seed);
            assert_eq!(file, generate(size, seed), "same size and seed, same file");
            let text = serde_json::to_string(&file).unwrap();
            if let Err(errors) = dataset::parse(&text) {
                panic!(
                    "{size:?}: {}",
                    errors
                        .iter()
                        .take(5)
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        }
        let size = Size {
            parties: 10,
            contracts: 10,
            clauses: 10,
            statements: 10,
        };
        assert_ne!(
            generate(size, 1),
            generate(size, 2),
            "another seed, another file"
        );
    }
}
