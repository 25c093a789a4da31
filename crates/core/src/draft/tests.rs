//! The draft from the bundled dispute's two articles, checked as any file is, and scored
//! against the hand-made dispute.

use super::*;
use score::articles_of;

fn bundled() -> DisputeFile {
    serde_json::from_str(crate::BUNDLED_DISPUTE).unwrap()
}

#[test]
fn the_draft_of_the_bundled_articles_is_a_valid_dispute_file() {
    let hand = bundled();
    let draft = draft(&articles_of(&hand), &[], "2026-12-04").unwrap();
    let json = serde_json::to_string_pretty(&draft.file).unwrap();
    if let Err(errors) = crate::dataset::parse(&json) {
        panic!(
            "{:#?}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_draft_of_the_bundled_articles_meets_its_budgets() {
    let hand = bundled();
    let draft = draft(&articles_of(&hand), &[], "2026-12-04").unwrap();
    let result = score::score(&hand, &draft.file);
    let found = |id: &str| {
        result
            .required
            .iter()
            .chain(&result.others)
            .any(|(conflict, found)| conflict == id && *found)
    };
    for id in [
        "total-microsoft-investment",
        "deal-timing",
        "deal-value-scope",
    ] {
        assert!(found(id), "{id}: {result:#?}");
    }
    assert!(result.passes(1), "{result:#?}");
}

#[test]
fn bad_input_is_named() {
    let article = Article::new;
    let cases: Vec<(Vec<Article>, &str)> = vec![
        (vec![], "at least one article"),
        (
            (0..11)
                .map(|n| article(&format!("a{n}"), "Words here."))
                .collect(),
            "at most 10",
        ),
        (vec![article("Not An Id", "Words.")], "cannot name a source"),
        (
            vec![article("same", "Words."), article("same", "Other words.")],
            "both named",
        ),
        (vec![article("empty", "1234 5678")], "has no words"),
    ];
    for (articles, expected) in cases {
        let problem = draft(&articles, &[], "2026-12-04").unwrap_err();
        assert!(problem.contains(expected), "{problem}");
    }
}

#[test]
fn articles_that_share_nothing_still_make_a_valid_draft() {
    let one = Article { id: "port".to_owned(), text: "Port sues carrier\nThe Port of Brenna sued Halvard Shipping on Monday, the port said. Halvard Shipping declined to comment.".to_owned(), ..Article::default() };
    let other = Article {
        id: "bakery".to_owned(),
        text: "Bakery wins prize\nMarta Holm, owner of Holm Bakery, said the award was a surprise."
            .to_owned(),
        ..Article::default()
    };
    let twice = Article {
        id: "port-again".to_owned(),
        ..one.clone()
    };
    for articles in [vec![one.clone(), other], vec![one, twice]] {
        let draft = draft(&articles, &[], "2026-12-04").unwrap();
        let json = serde_json::to_string(&draft.file).unwrap();
        if let Err(errors) = crate::dataset::parse(&json) {
            panic!(
                "{:#?}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>()
            );
        }
    }
}

/// Two short reports of one dispute, written for these tests, that disagree in the ways
/// reports do: a figure, a count, a date, who is sued, who said a phrase.
fn two_reports() -> Vec<Article> {
    let first = "Brenna port sues carrier over berth\nBy Ola Nordby\nMarch 12, 2026\nThe Port of Brenna has sued Halvard Shipping and its parent, Norrvik Holdings, over a £120m berth agreement, the port said. The port filed the claim on March 9. Halvard Shipping said the deal covered 14 cranes. “It is a shakedown, plain and simple,” Halvard chief executive Lena Berg said.";
    let second = "Port dispute widens\nMarch 14, 2026\nThe Port of Brenna sued Halvard Shipping and Kestrel Lines on Tuesday over its £150m berth agreement. Halvard Shipping said the deal covered 12 cranes. A person close to the port called the carrier's words “a shakedown, plain and simple” and said the port would not back down.";
    vec![
        Article {
            id: "nordby".to_owned(),
            text: first.to_owned(),
            ..Article::default()
        },
        Article {
            id: "wire".to_owned(),
            text: second.to_owned(),
            ..Article::default()
        },
    ]
}

#[test]
fn reports_that_disagree_give_candidate_conflicts_of_each_kind() {
    let drafted = draft(&two_reports(), &[], "2026-03-20").unwrap();
    let json = serde_json::to_string(&drafted.file).unwrap();
    assert!(crate::dataset::parse(&json).is_ok(), "{json}");
    let conflict = |kind: ConflictKindName, words: &[&str]| {
        drafted.file.conflicts.iter().any(|conflict| {
            conflict.kind.as_str() == kind.0
                && words
                    .iter()
                    .all(|word| conflict.difference.contains(word) || conflict.title.contains(word))
        })
    };
    let listed: Vec<String> = drafted
        .file
        .conflicts
        .iter()
        .map(|conflict| {
            format!(
                "{}: {} / {}",
                conflict.kind.as_str(),
                conflict.title,
                conflict.difference
            )
        })
        .collect();
    assert!(
        conflict(ConflictKindName("figure"), &["£120m", "£150m"]),
        "{listed:#?}"
    );
    assert!(
        conflict(ConflictKindName("figure"), &["14 cranes", "12 cranes"]),
        "{listed:#?}"
    );
    // March 9 against "on Tuesday" read against the second report's day (Tuesday 10 March).
    assert!(
        conflict(ConflictKindName("timing"), &["March 9", "Tuesday"]),
        "{listed:#?}"
    );
    assert!(
        conflict(
            ConflictKindName("scope"),
            &["Who is sued", "Norrvik Holdings", "Kestrel Lines"]
        ),
        "{listed:#?}"
    );
    assert!(
        conflict(ConflictKindName("attribution"), &["shakedown"]),
        "{listed:#?}"
    );
    // Each report's own date comes from its byline, and dates without a year take it.
    let nordby = drafted
        .file
        .sources
        .iter()
        .find(|source| source.id.as_str() == "nordby")
        .unwrap();
    assert_eq!(
        nordby
            .published
            .as_ref()
            .and_then(|date| date.value.as_deref()),
        Some("2026-03-12")
    );
    let filed = drafted
        .file
        .events
        .iter()
        .find(|event| event.date.value.as_deref() == Some("2026-03-09"));
    assert!(
        filed.is_some_and(|event| event.date.precision == DatePrecision::Day),
        "{:#?}",
        drafted.file.events
    );
}

#[test]
fn figures_far_apart_or_agreeing_are_no_conflict() {
    let articles = vec![
        Article { id: "one".to_owned(), text: "Mill deal\nThe Arden Mill agreement with Corra Foods is worth $40 million, Arden said. Corra Foods has 300 trucks.".to_owned(), ..Article::default() },
        Article { id: "two".to_owned(), text: "Mill deal\nArden Mill signed a $40 million agreement with Corra Foods, Corra said. The agreement also covers a $900 million plant.".to_owned(), ..Article::default() },
    ];
    let drafted = draft(&articles, &[], "2026-03-20").unwrap();
    let figures: Vec<&str> = drafted
        .file
        .conflicts
        .iter()
        .filter(|conflict| conflict.kind.as_str() == "figure")
        .map(|conflict| conflict.title.as_str())
        .collect();
    assert!(figures.is_empty(), "{figures:?}");
}

struct ConflictKindName(&'static str);
