//! The engine on sentences written for these tests in the manner of news writing (never copied
//! from an article), one named row per case, so one failure names one rule; and on the bundled
//! dispute, scored against its hand-made statements.

use super::*;

fn party(id: &str, name: &str, aliases: &[&str]) -> KnownParty {
    KnownParty {
        id: id.to_owned(),
        name: name.to_owned(),
        aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
        person: false,
    }
}

fn known() -> Known {
    Known {
        parties: vec![
            party("halvard", "Halvard Shipping", &["the carrier", "HSL"]),
            party("port", "Port of Brenna", &["the port authority", "Brenna"]),
            party("osei", "Osei Cranes", &[]),
        ],
        contracts: vec![KnownContract {
            id: "berth-lease".to_owned(),
            title: "Berth Lease".to_owned(),
            value: Some("$40 million".to_owned()),
        }],
    }
}

/// The suggestions for a text as (quote, party, attribution, modality).
fn read(text: &str) -> Vec<(String, Option<String>, Attribution, Modality)> {
    suggest(&crate::text::read(text), &known())
        .suggestions
        .into_iter()
        .map(|suggestion| {
            (
                suggestion.quote(text).to_owned(),
                suggestion.party.clone(),
                suggestion.attribution,
                suggestion.modality,
            )
        })
        .collect()
}

/// One body sentence, after a headline: its single suggestion's party, attribution, modality.
fn one(sentence: &str) -> (Option<String>, Attribution, Modality) {
    let text = format!("Port and carrier at odds\n{sentence}");
    let suggestions = read(&text);
    let body: Vec<_> = suggestions.into_iter().skip(1).collect();
    assert_eq!(body.len(), 1, "{sentence}: {body:?}");
    let (_, party, attribution, modality) = body.into_iter().next().unwrap();
    (party, attribution, modality)
}

use Attribution::{Anonymous, OnRecord, OutletAnalysis, OutletParaphrase, Spokesperson};
use Modality::{Asserted, Speculative};

/// Checks each row's sentence: its party, attribution and modality, named by the row.
fn check_rows(cases: &[(&str, &str, Option<&str>, Attribution, Modality)]) {
    for &(name, sentence, expected_party, attribution, modality) in cases {
        let (party, found_attribution, found_modality) = one(sentence);
        assert_eq!(
            (party.as_deref(), found_attribution, found_modality),
            (expected_party, attribution, modality),
            "{name}: {sentence}"
        );
    }
}

#[test]
fn speakers_and_attributions_by_cue() {
    let cases: [(&str, &str, Option<&str>, Attribution, Modality); 14] = [
        (
            "cue after a quote",
            "“We delivered every crane on time,” said Ingrid Dahl, chief executive of Osei Cranes.",
            Some("osei"),
            OnRecord,
            Asserted,
        ),
        (
            "name then cue after a quote",
            "“The lease is clear,” Ingrid Dahl said.",
            None,
            OnRecord,
            Asserted,
        ),
        (
            "cue before a quote",
            "A spokeswoman for Halvard Shipping said: “We will defend our position.”",
            Some("halvard"),
            Spokesperson,
            Asserted,
        ),
        (
            "party spokesperson",
            "A Halvard spokesperson said the carrier had met every obligation.",
            Some("halvard"),
            Spokesperson,
            Asserted,
        ),
        (
            "company statement",
            "In a statement, the port authority said it had terminated the lease.",
            Some("port"),
            Spokesperson,
            Asserted,
        ),
        (
            "according to people familiar",
            "The port is preparing a claim, according to two people familiar with the matter.",
            None,
            Anonymous,
            Asserted,
        ),
        (
            "anonymous source of a party",
            "A person close to Halvard said the carrier would not pay.",
            Some("halvard"),
            Anonymous,
            Asserted,
        ),
        (
            "unnamed executives speaking",
            "Senior Halvard executives have told staff that the lease was broken.",
            Some("halvard"),
            Anonymous,
            Asserted,
        ),
        (
            "outlet cited",
            "The Nordic Ledger reported that Brenna had hired outside counsel.",
            None,
            OutletParaphrase,
            Asserted,
        ),
        (
            "outlet cited for a position",
            "The FT reports that Halvard believes the lease may have lapsed.",
            Some("halvard"),
            OutletParaphrase,
            Speculative,
        ),
        (
            "according to an outlet",
            "According to Reuters, the port has rejected the offer.",
            None,
            OutletParaphrase,
            Asserted,
        ),
        (
            "position verb",
            "Halvard argues that the berth was never delivered.",
            Some("halvard"),
            OutletParaphrase,
            Asserted,
        ),
        (
            "a cue closing the sentence after a comma",
            "The cranes failed their first load test, the carrier confirmed.",
            Some("halvard"),
            OutletParaphrase,
            Asserted,
        ),
        (
            "a closing cue over a verb of saying inside what it reports",
            "Osei Cranes had told the port in writing that the cranes were late, the carrier alleged.",
            Some("halvard"),
            OutletParaphrase,
            Asserted,
        ),
    ];
    check_rows(&cases);
}

#[test]
fn speakers_and_attributions_by_source() {
    let cases: [(&str, &str, Option<&str>, Attribution, Modality); 12] = [
        (
            "belief hedges",
            "Brenna officials believe the carrier owes $40 million.",
            Some("port"),
            OutletParaphrase,
            Speculative,
        ),
        (
            "stance",
            "Halvard’s lawyers are not persuaded.",
            Some("halvard"),
            OutletParaphrase,
            Asserted,
        ),
        (
            "deliberation",
            "The port authority is considering legal action against the carrier.",
            None,
            OutletParaphrase,
            Asserted,
        ),
        (
            "reportedly",
            "The two sides are reportedly close to a settlement.",
            None,
            OutletParaphrase,
            Speculative,
        ),
        (
            "hypothetical position",
            "The carrier may argue that the berth was unusable.",
            None,
            OutletAnalysis,
            Speculative,
        ),
        (
            "no comment",
            "Osei Cranes has not commented on the dispute.",
            None,
            OutletAnalysis,
            Asserted,
        ),
        (
            "declined",
            "Halvard declined to comment.",
            None,
            OutletAnalysis,
            Asserted,
        ),
        (
            "could not be reached",
            "The port could not be reached for comment.",
            None,
            OutletAnalysis,
            Asserted,
        ),
        (
            "a fact",
            "The carrier signed the Berth Lease in 2019.",
            None,
            OutletAnalysis,
            Asserted,
        ),
        (
            "a relative clause is no cue",
            "The ruling shows the weight with which Brenna views the lease.",
            None,
            OutletAnalysis,
            Asserted,
        ),
        (
            "inverted cue, analyst",
            "The lease is unusually strict, said Mara Lind, an analyst at Fjord Securities.",
            None,
            OnRecord,
            Asserted,
        ),
        (
            "conditional",
            "If the court agrees, the carrier will owe the port millions.",
            None,
            OutletAnalysis,
            Speculative,
        ),
    ];
    check_rows(&cases);
}

#[test]
fn speakers_carry_over_between_sentences() {
    let text = "Carrier and port trade blows\n“We kept every promise,” said Ingrid Dahl, chief executive of Osei Cranes. “The cranes work.”\nDahl said the port had changed the plans. She added that talks were over.\nHalvard executives say the lease was void. They argue that the berth was too shallow.";
    let found = read(text);
    let rows: Vec<(&str, Option<&str>, Attribution)> = found
        .iter()
        .map(|(quote, party, attribution, _)| (quote.as_str(), party.as_deref(), *attribution))
        .collect();
    assert_eq!(
        rows,
        [
            ("Carrier and port trade blows", None, OutletAnalysis),
            (
                "“We kept every promise,” said Ingrid Dahl, chief executive of Osei Cranes.",
                Some("osei"),
                OnRecord
            ),
            ("“The cranes work.”", Some("osei"), OnRecord),
            (
                "Dahl said the port had changed the plans.",
                Some("osei"),
                OnRecord
            ),
            ("She added that talks were over.", Some("osei"), OnRecord),
            (
                "Halvard executives say the lease was void.",
                Some("halvard"),
                Anonymous
            ),
            (
                "They argue that the berth was too shallow.",
                Some("halvard"),
                OutletParaphrase
            ),
        ]
    );
}

#[test]
fn a_quote_and_what_is_added_are_two_statements_of_one_speaker() {
    let text = "Port digs in\nA Brenna spokesperson said that “the lease stands,” adding that the port is confident of its case.";
    let found = read(text);
    assert_eq!(found.len(), 3);
    assert_eq!(
        found[1].0,
        "A Brenna spokesperson said that “the lease stands,”"
    );
    assert_eq!(found[2].0, "adding that the port is confident of its case");
    assert_eq!(found[2].1.as_deref(), Some("port"));
    assert_eq!(found[2].2, Spokesperson);
}

#[test]
fn the_lead_in_line_gives_the_quotation_its_speaker() {
    let text = "Port digs in\nThe port authority said:\n“We will see them in court.”";
    let found = read(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1.as_deref(), Some("port"));
    assert_eq!(found[1].2, Spokesperson);
}

#[test]
fn every_quote_is_a_span_of_the_text() {
    let texts = [
        include_str!("../../../../data/dispute.json"),
        "“Unclosed quotation. It goes on\nAnd on",
        "",
        "\u{202E}reversed\u{202C} text. Another one.",
        "<script>alert(1)</script> Not markup here.",
        "no capitals at all. none. just words",
        "…",
    ];
    for text in texts {
        for suggestion in suggest(&crate::text::read(text), &known()).suggestions {
            assert!(text.get(suggestion.range.clone()).is_some());
            assert!(!suggestion.quote(text).trim().is_empty());
            assert_eq!(suggestion.quote(text), suggestion.quote(text).trim());
        }
    }
}

#[test]
fn headings_datelines_and_bylines_carry_no_claim() {
    let text = "Carrier sues port\nBy Ana Ruiz\nOSLO, March 4 (Nordwire) - Halvard sued the port on Monday.\nWhat comes next\nA hearing is set for May.\n(Reporting by Ana Ruiz; Editing by Tom Berg)";
    let quotes: Vec<String> = read(text).into_iter().map(|row| row.0).collect();
    assert_eq!(
        quotes,
        [
            "Carrier sues port",
            "Halvard sued the port on Monday.",
            "A hearing is set for May."
        ]
    );
}

#[test]
fn about_names_parties_and_contracts() {
    let text =
        "Port and carrier\nThe carrier paid $40 million under the lease, the port authority said.";
    let suggestion = suggest(&crate::text::read(text), &known())
        .suggestions
        .pop()
        .unwrap();
    assert_eq!(suggestion.about, ["port", "halvard", "berth-lease"]);
}

#[test]
fn summaries_keep_the_hedge() {
    let text = "Port and carrier\nThe long-running argument between the carrier and the port over the berth, the cranes and the fees that were never paid could end in court.";
    let suggestion = suggest(&crate::text::read(text), &known())
        .suggestions
        .pop()
        .unwrap();
    assert_eq!(suggestion.modality, Speculative);
    assert!(
        suggestion.summary(text).contains("could"),
        "{}",
        suggestion.summary(text)
    );
}

#[test]
fn the_bundled_dispute_scores_within_its_budgets() {
    let file: crate::model::DisputeFile =
        serde_json::from_str(crate::BUNDLED_DISPUTE).expect("the bundled file reads");
    let mut total = score::Score::default();
    for (_, score, _) in score::score_file(&file) {
        total.add(score);
    }
    assert!(total.statements >= 79);
    assert!(total.passes(), "{:?}", total.figures());
}
