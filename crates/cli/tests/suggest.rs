//! The suggestion commands, run as a user would run them.

use std::process::Command;

fn run(binary: &str, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(binary)
        .args(args)
        .output()
        .expect("the command runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Writes a file under the target folder for a test to read.
fn scratch(name: &str, contents: impl AsRef<[u8]>) -> String {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("suggest-tests");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn suggest_statements_prints_every_statement_as_json_with_the_disputes_parties() {
    let article = scratch(
        "port.txt",
        "Port sues carrier over berth\nOSLO, March 4 (Nordwire) - The Port of Brenna sued Halvard Shipping on Monday, according to two people familiar with the case.\n“We will see them in court,” a Halvard spokeswoman said. The carrier may appeal.\n",
    );
    let parties = scratch(
        "parties.json",
        br#"[{"id": "port", "name": "Port of Brenna", "aliases": ["the port"]}, {"id": "halvard", "name": "Halvard Shipping", "aliases": ["the carrier"]}]"#,
    );
    let (status, output, errors) = run(
        env!("CARGO_BIN_EXE_suggest-statements"),
        &["--parties", &parties, &article],
    );
    assert_eq!(status, 0, "{errors}");
    let list: serde_json::Value = serde_json::from_str(&output).expect("JSON on standard output");
    let list = list.as_array().expect("an array");
    let quotes: Vec<&str> = list
        .iter()
        .map(|entry| entry["quote"].as_str().unwrap())
        .collect();
    assert_eq!(
        quotes,
        [
            "Port sues carrier over berth",
            "The Port of Brenna sued Halvard Shipping on Monday, according to two people familiar with the case.",
            "“We will see them in court,” a Halvard spokeswoman said.",
            "The carrier may appeal."
        ]
    );
    assert_eq!(list[1]["attribution"], "anonymous");
    assert_eq!(list[2]["attribution"], "spokesperson");
    assert_eq!(list[2]["speaker"]["party"], "halvard");
    assert_eq!(list[3]["modality"], "speculative");
    assert!(list[1]["about"]
        .as_array()
        .unwrap()
        .contains(&"port".into()));
}

#[test]
fn suggest_statements_reads_the_parties_of_a_dispute_file() {
    let article = scratch(
        "redmond.txt",
        "Headline\nA Microsoft spokesperson said the exclusivity stands.\n",
    );
    let dispute = format!("{ROOT}/data/dispute.json");
    let (status, output, errors) = run(
        env!("CARGO_BIN_EXE_suggest-statements"),
        &["--dispute", &dispute, &article],
    );
    assert_eq!(status, 0, "{errors}");
    assert!(output.contains("\"party\": \"microsoft\""), "{output}");
}

#[test]
fn suggest_statements_names_what_it_cannot_read() {
    let pdf = scratch("scan.pdf", b"%PDF-1.7 binary");
    let (status, _, errors) = run(env!("CARGO_BIN_EXE_suggest-statements"), &[&pdf]);
    assert_eq!(status, 2);
    assert!(errors.contains("is a PDF"), "{errors}");
    let parties = scratch("bad-parties.json", br#"[{"id": "Not An Id", "name": "X"}]"#);
    let article = scratch("short.txt", b"One sentence here.");
    let (status, _, errors) = run(
        env!("CARGO_BIN_EXE_suggest-statements"),
        &["--parties", &parties, &article],
    );
    assert_eq!(status, 2);
    assert!(
        errors.contains("entry 0") && errors.contains("is not an id"),
        "{errors}"
    );
}

#[test]
fn score_suggestions_meets_its_budgets_on_the_bundled_dispute() {
    let dispute = format!("{ROOT}/data/dispute.json");
    let (status, output, errors) = run(env!("CARGO_BIN_EXE_score-suggestions"), &[&dispute]);
    assert_eq!(status, 0, "{output}{errors}");
    assert!(output.contains("statements covered"), "{output}");
    assert_eq!(output.matches("PASS").count(), 5, "{output}");
}

/// Writes the bundled dispute's articles as files named as a user's would be.
fn bundled_articles() -> Vec<String> {
    let dispute: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/data/dispute.json")).unwrap(),
    )
    .unwrap();
    dispute["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|source| {
            let text = source["text"].as_str()?;
            Some(scratch(
                &format!("{}.txt", source["id"].as_str().unwrap()),
                text,
            ))
        })
        .collect()
}

#[test]
fn suggest_dispute_writes_a_draft_that_check_dispute_accepts() {
    let articles = bundled_articles();
    let output = scratch("draft.json", "");
    let mut args = vec!["--as-of", "2026-12-04", "--output", output.as_str()];
    args.extend(articles.iter().map(String::as_str));
    let (status, printed, errors) = run(env!("CARGO_BIN_EXE_suggest-dispute"), &args);
    assert_eq!(status, 0, "{errors}");
    assert!(
        printed.is_empty(),
        "--output writes the file, not standard output"
    );
    let (status, checked, errors) = run(env!("CARGO_BIN_EXE_check-dispute"), &[&output]);
    assert_eq!(status, 0, "{checked}{errors}");
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    let ids: Vec<&str> = draft["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|source| source["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"cloud-pact-faces-new-tension")
            && ids.contains(&"microsoft-threatens-legal-action"),
        "{ids:?}"
    );
    for list in ["parties", "contracts", "events", "statements", "conflicts"] {
        assert!(
            !draft[list].as_array().unwrap().is_empty(),
            "{list} is empty"
        );
    }
}

#[test]
fn suggest_dispute_seeds_parties_and_names_what_it_cannot_draft() {
    let article = scratch(
        "port-report.txt",
        "Port sues carrier\nThe Port of Brenna sued Halvard Shipping on Monday, the port said.\n",
    );
    let parties = scratch(
        "seed.json",
        br#"[{"id": "brenna", "name": "Port of Brenna", "aliases": ["the port"]}]"#,
    );
    let (status, printed, errors) = run(
        env!("CARGO_BIN_EXE_suggest-dispute"),
        &["--parties", &parties, &article],
    );
    assert_eq!(status, 0, "{errors}");
    let draft: serde_json::Value =
        serde_json::from_str(&printed).expect("a dispute file on standard output");
    assert_eq!(draft["sources"][0]["id"], "port-report");
    assert!(
        draft["parties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|party| party["id"] == "brenna"),
        "{printed}"
    );
    let (status, _, errors) = run(env!("CARGO_BIN_EXE_suggest-dispute"), &[]);
    assert_eq!(status, 2);
    assert!(errors.contains("usage"), "{errors}");
    let pdf = scratch("scan-2.pdf", b"%PDF-1.7 binary");
    let (status, _, errors) = run(env!("CARGO_BIN_EXE_suggest-dispute"), &[&pdf]);
    assert_eq!(status, 2);
    assert!(errors.contains("is a PDF"), "{errors}");
    let many: Vec<String> = (0..11)
        .map(|number| scratch(&format!("many-{number}.txt"), "Words here."))
        .collect();
    let (status, _, errors) = run(
        env!("CARGO_BIN_EXE_suggest-dispute"),
        &many.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(status, 2);
    assert!(errors.contains("at most 10"), "{errors}");
}

#[test]
fn score_dispute_meets_its_budgets_on_the_bundled_dispute() {
    let dispute = format!("{ROOT}/data/dispute.json");
    let (status, output, errors) = run(env!("CARGO_BIN_EXE_score-dispute"), &[&dispute]);
    assert_eq!(status, 0, "{output}{errors}");
    assert!(
        output.contains("figure/timing conflicts    3/3"),
        "{output}"
    );
    assert!(!output.contains("FAIL"), "{output}");
}
