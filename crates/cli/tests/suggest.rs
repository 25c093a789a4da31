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
