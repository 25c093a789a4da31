//! The workbook's shape: which sheet holds which part of the file, and what each column is.
//! Column names are the schema's field names, nested objects dotted (`speaker.party`); one table
//! here drives writing, reading and the README sheet, so the three cannot drift apart.

/// What a column holds, and how an empty cell reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text the format requires: an empty cell is the empty text.
    Text,
    /// Text the format may leave out: an empty cell leaves it out.
    Optional,
    /// A list, its items separated by `|` (a `|` inside an item is written `\|`, a `\` as `\\`):
    /// an empty cell is the empty list.
    List,
    /// Yes or no: TRUE/FALSE cells, or the words true, false, yes or no.
    Flag,
}

/// One column of a sheet.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The field's name as in the schema, nested objects dotted.
    pub name: &'static str,
    pub kind: Kind,
    /// What goes in it, for the README sheet.
    pub help: &'static str,
}

/// Where a sheet's rows go in the file.
#[derive(Debug, PartialEq, Eq)]
pub enum Place {
    /// Field and value rows for the file's top-level fields.
    About,
    /// The one dispute object, in the sheet's single row.
    Object(&'static str),
    /// A top-level list, one entry per row.
    List(&'static str),
    /// A list inside each entry of a top-level list: the first column names the parent's id.
    Nested {
        parent: &'static str,
        field: &'static str,
    },
}

/// One sheet of the workbook.
#[derive(Debug)]
pub struct Sheet {
    pub name: &'static str,
    pub place: Place,
    pub columns: &'static [Column],
    /// Whether a workbook may leave the sheet out (an empty list).
    pub optional: bool,
    /// What the sheet is for, for the README sheet.
    pub help: &'static str,
}

const fn column(name: &'static str, kind: Kind, help: &'static str) -> Column {
    Column { name, kind, help }
}

use Kind::{Flag, List, Optional, Text};

/// The top-level fields on the About sheet, with what they hold.
pub const ABOUT_FIELDS: &[Column] = &[
    column(
        "$schema",
        Optional,
        "where editors find the JSON Schema (dispute-map.schema.json); may stay empty",
    ),
    column("schema", Text, "the format's version: dispute-map/1"),
    column(
        "as_of",
        Text,
        "the day the file was last checked against its sources, YYYY-MM-DD",
    ),
    column(
        "title",
        Text,
        "the dispute's title as the map's header shows it",
    ),
    column(
        "summary",
        Text,
        "two or three sentences: who, what, where it stands",
    ),
];

/// A reported date's four columns under `prefix`.
macro_rules! date_columns {
    ($prefix:literal) => {
        [
            column(concat!($prefix, ".text"), Text, "the source's own words for the date (\"In September 2025\", \"last month\")"),
            column(concat!($prefix, ".precision"), Text, "day, month, year, approximate, relative or unknown"),
            column(concat!($prefix, ".value"), Optional, "YYYY-MM-DD, YYYY-MM or YYYY, no more precise than the precision; empty for relative and unknown"),
            column(concat!($prefix, ".relative_to"), Optional, "for a relative date: the id of the source it counts from"),
        ]
    };
}

const PUBLISHED: [Column; 4] = date_columns!("published");
const DATE: [Column; 4] = date_columns!("date");

/// Every sheet, in the workbook's order (README comes first and is written apart).
pub const SHEETS: &[Sheet] = &[
    Sheet {
        name: "About",
        place: Place::About,
        columns: &[
            column("field", Text, "a top-level field's name"),
            column("value", Text, "its value"),
        ],
        optional: false,
        help: "the file's top-level fields, one per row: $schema, schema, as_of, title, summary",
    },
    Sheet {
        name: "Dispute",
        place: Place::Object("dispute"),
        columns: &[
            column("id", Text, "the dispute's id (lower-case letters, digits and hyphens)"),
            column("title", Text, "the dispute's title"),
            column("claim", Text, "what is claimed, in the sources' terms (\"breach of contract\")"),
            column("status", Text, "threatened, filed, settled, decided or dropped"),
            column("claimants", List, "the ids of the parties who claim, separated by |"),
            column("respondents", List, "the ids of the parties claimed against, separated by |"),
            column("contracts", List, "the ids of the contracts in dispute, separated by |"),
            column("clauses", List, "the ids of the clauses in dispute, separated by |"),
            column("summary", Text, "where the dispute stands"),
            column("sources", List, "the ids of the sources it is reported in, separated by |"),
        ],
        optional: false,
        help: "the dispute itself, in one row",
    },
    Sheet {
        name: "Sources",
        place: Place::List("sources"),
        columns: &[
            column("id", Text, "the source's id"),
            column("title", Text, "its headline or title"),
            column("short_title", Optional, "a shorter title for tight places"),
            column("kind", Text, "news-report, cited-outlet, press-release or filing"),
            column("url", Optional, "where it was published"),
            column("publisher", Optional, "who published it"),
            PUBLISHED[0],
            PUBLISHED[1],
            PUBLISHED[2],
            PUBLISHED[3],
            column("cites", List, "the ids of the outlets it says it relies on, separated by |"),
            column("file", Optional, "where its copy is kept"),
            column("text", Optional, "its full text: every quote must be found in it word for word"),
            column("note", Optional, "anything a reader should know about it"),
        ],
        optional: false,
        help: "the articles and documents, with their full text",
    },
    Sheet {
        name: "Parties",
        place: Place::List("parties"),
        columns: &[
            column("id", Text, "the party's id"),
            column("name", Text, "its name"),
            column("kind", Text, "company, person, group or government"),
            column("aliases", List, "other names it goes by, separated by |"),
            column("role", Text, "its role in the dispute, in a few words"),
            column("summary", Text, "who it is"),
            column("sources", List, "the ids of the sources that name it, separated by |"),
        ],
        optional: false,
        help: "who is involved",
    },
    Sheet {
        name: "Contracts",
        place: Place::List("contracts"),
        columns: &[
            column("id", Text, "the contract's id"),
            column("title", Text, "its name"),
            column("kind", Text, "investment, partnership, commercial or framework"),
            column("parties", List, "the ids of the parties bound by it, separated by |"),
            DATE[0],
            DATE[1],
            DATE[2],
            DATE[3],
            column("value", Optional, "its reported value, in the sources' words (\"$50 billion\")"),
            column("status", Text, "signed, non-binding, announced, in-force, completed or terminated"),
            column("summary", Text, "what it does"),
            column("sources", List, "the ids of the sources that report it, separated by |"),
        ],
        optional: false,
        help: "who is bound to whom; a contract's date columns may all stay empty",
    },
    Sheet {
        name: "Clauses",
        place: Place::List("clauses"),
        columns: &[
            column("id", Text, "the clause's id"),
            column("contract", Text, "the id of its contract"),
            column("title", Text, "its name"),
            column("question", Text, "the open question about it"),
            column("disputed", Flag, "TRUE when it is in dispute"),
        ],
        optional: false,
        help: "the terms that matter; their reported wording and each side's reading are on Wording and Readings",
    },
    Sheet {
        name: "Wording",
        place: Place::Nested {
            parent: "clauses",
            field: "wording",
        },
        columns: &[
            column("clause", Text, "the id of the clause (on Clauses)"),
            column("source", Text, "the id of the source that reports the wording"),
            column("quote", Text, "the wording, exactly as the source has it"),
        ],
        optional: true,
        help: "each clause's wording as reported, one quote per row",
    },
    Sheet {
        name: "Readings",
        place: Place::Nested {
            parent: "clauses",
            field: "readings",
        },
        columns: &[
            column("clause", Text, "the id of the clause (on Clauses)"),
            column("party", Text, "the id of the party whose reading it is"),
            column("position", Text, "the reading, in the editors' words"),
            column("modality", Text, "asserted or speculative"),
            column("statements", List, "the ids of the statements it rests on, separated by |"),
        ],
        optional: true,
        help: "how each side reads a clause",
    },
    Sheet {
        name: "Statements",
        place: Place::List("statements"),
        columns: &[
            column("id", Text, "the statement's id"),
            column("speaker.party", Optional, "the id of the party the speaker speaks for, if any"),
            column("speaker.description", Text, "who, as the source puts it (\"A Microsoft spokesperson\")"),
            column("attribution", Text, "on-record, spokesperson, anonymous, outlet-paraphrase or outlet-analysis"),
            column("modality", Text, "how firmly it is said: asserted or speculative"),
            column("source", Text, "the id of the source it is reported in"),
            column("cites", Optional, "the id of the outlet the source says it comes from, if any"),
            column("about", List, "the ids of what it is about, separated by |"),
            column("quote", Text, "the sentence, exactly as the source has it"),
            column("summary", Text, "what it says, in the editors' words"),
        ],
        optional: false,
        help: "who said what, where: every quote must be in its source's text word for word",
    },
    Sheet {
        name: "Events",
        place: Place::List("events"),
        columns: &[
            column("id", Text, "the event's id"),
            column("title", Text, "what happened"),
            DATE[0],
            DATE[1],
            DATE[2],
            DATE[3],
            column("status", Text, "happened, ongoing or expected"),
            column("parties", List, "the ids of the parties involved, separated by |"),
            column("contracts", List, "the ids of the contracts involved, separated by |"),
            column("summary", Text, "what it was"),
            column("sources", List, "the ids of the sources that report it, separated by |"),
        ],
        optional: false,
        help: "what happened when, as precisely as the sources date it",
    },
    Sheet {
        name: "Conflicts",
        place: Place::List("conflicts"),
        columns: &[
            column("id", Text, "the conflict's id"),
            column("title", Text, "what the reports disagree about"),
            column("kind", Text, "figure, timing, scope, attribution or framing"),
            column("difference", Text, "the difference, in the editors' words"),
            column("about", List, "the ids of what it concerns, separated by |"),
        ],
        optional: false,
        help: "where the reports disagree; each side is on Sides",
    },
    Sheet {
        name: "Sides",
        place: Place::Nested {
            parent: "conflicts",
            field: "sides",
        },
        columns: &[
            column("conflict", Text, "the id of the conflict (on Conflicts)"),
            column("source", Text, "the id of the source on this side"),
            column("position", Text, "what it says, in the editors' words"),
            column("modality", Optional, "how firmly it says it: asserted or speculative"),
            column("statements", List, "the ids of its statements, separated by |"),
            column("highlight", List, "the words of those statements that disagree, separated by |"),
        ],
        optional: true,
        help: "each side of each conflict",
    },
    Sheet {
        name: "Tour",
        place: Place::List("tour"),
        columns: &[
            column("title", Text, "the step's title"),
            column("text", Text, "what to look at, in the editors' words"),
            column("view", Text, "map, timeline, conflicts or list"),
            column("entity", Text, "the id of what the step selects"),
            column("statements", List, "the ids of the statements it rests on, separated by |"),
        ],
        optional: true,
        help: "an optional guided walkthrough, one step per row",
    },
];

/// The sheet named `name`.
pub fn sheet(name: &str) -> Option<&'static Sheet> {
    SHEETS.iter().find(|sheet| sheet.name == name)
}

/// A spreadsheet column's letters: 0 is A, 25 is Z, 26 is AA.
pub fn letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }

    #[test]
    fn sheet_and_column_names_are_unique() {
        for (index, sheet) in SHEETS.iter().enumerate() {
            assert!(
                SHEETS[..index].iter().all(|other| other.name != sheet.name),
                "{}",
                sheet.name
            );
            for (at, column) in sheet.columns.iter().enumerate() {
                assert!(
                    sheet.columns[..at]
                        .iter()
                        .all(|other| other.name != column.name),
                    "{}!{}",
                    sheet.name,
                    column.name
                );
            }
        }
    }
}
