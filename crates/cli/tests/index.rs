//! The index of disputes, written by `index-disputes` as a user would run it.

use dispute_core::index::{self, DisputeIndex, Role};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const REPOSITORY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const SHIPPED: [&str; 3] = [
    "data/dispute.json",
    "data/examples/harbor-city.json",
    "data/examples/redwater-cloud-credits.json",
];

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn index_disputes(arguments: &[&str], folder: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_index-disputes"))
        .args(arguments)
        .current_dir(folder)
        .output()
        .expect("index-disputes runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A folder of its own for one test, empty.
fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("index-disputes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("the scratch folder is made");
    folder
}

fn shipped_paths() -> Vec<String> {
    SHIPPED
        .iter()
        .map(|path| format!("{REPOSITORY}/{path}"))
        .collect()
}

/// The index as `index::parse` reads it, after the JSON Schema has accepted it.
fn read_index(text: &str) -> DisputeIndex {
    let value: Value = serde_json::from_str(text).expect("the index is JSON");
    let schema = index::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let problems: Vec<String> = validator
        .iter_errors(&value)
        .map(|error| error.to_string())
        .collect();
    assert!(problems.is_empty(), "the schema refuses it: {problems:#?}");
    index::parse(text).unwrap_or_else(|problems| panic!("parse refuses it: {problems:#?}"))
}

#[test]
fn indexes_the_shipped_disputes_with_the_party_they_share() {
    let folder = scratch("shipped");
    let output = folder.join("disputes.json");
    let mut arguments = shipped_paths();
    arguments.extend(["--output".to_owned(), output.to_str().unwrap().to_owned()]);
    let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
    let run = index_disputes(&arguments, &folder);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout.contains("written (3 disputes, 0 with problems"),
        "{}",
        run.stdout
    );
    let index = read_index(&std::fs::read_to_string(&output).unwrap());

    let ids: Vec<&str> = index
        .disputes
        .iter()
        .map(|entry| entry.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "microsoft-breach-claim",
            "harbor-city-claim",
            "aws-resale-claim"
        ],
        "newest first"
    );
    for (entry, shipped) in index.disputes.iter().zip(SHIPPED) {
        assert!(
            entry.problems.is_empty(),
            "{}: {:?}",
            entry.id,
            entry.problems
        );
        // Relative to the index's folder: from the scratch folder back into the repository.
        let found = std::fs::canonicalize(folder.join(&entry.file)).unwrap();
        let expected = std::fs::canonicalize(format!("{REPOSITORY}/{shipped}")).unwrap();
        assert_eq!(found, expected, "{}", entry.file);
    }
    let _ = std::fs::remove_dir_all(&folder);

    // Amazon is a respondent in the bundled dispute and, as Amazon Web Services, the claimant
    // in the third.
    assert_eq!(index.parties.len(), 1, "{:#?}", index.parties);
    let amazon = &index.parties[0];
    let appearances: Vec<(&str, &str, Role)> = amazon
        .appears_in
        .iter()
        .map(|at| (at.dispute.as_str(), at.party.as_str(), at.role))
        .collect();
    assert_eq!(
        appearances,
        [
            ("microsoft-breach-claim", "amazon", Role::Respondent),
            ("aws-resale-claim", "aws", Role::Claimant),
        ]
    );
    let elsewhere = index.also_in("aws-resale-claim", "aws");
    assert_eq!(elsewhere.len(), 1);
    assert_eq!(elsewhere[0].dispute, "microsoft-breach-claim");
}

#[test]
fn writes_to_standard_output_with_paths_from_the_current_folder() {
    let run = index_disputes(&SHIPPED, Path::new(REPOSITORY));
    assert_eq!(run.status, 0, "{}", run.stderr);
    let index = read_index(&run.stdout);
    let files: Vec<&str> = index
        .disputes
        .iter()
        .map(|entry| entry.file.as_str())
        .collect();
    assert_eq!(files, SHIPPED);
}

#[test]
fn lists_a_broken_file_with_its_problems() {
    let folder = scratch("broken");
    let broken = include_str!("../../../data/examples/harbor-city.json").replacen(
        "\"status\": \"filed\"",
        "\"status\": \"won\"",
        1,
    );
    std::fs::write(folder.join("broken.json"), broken).unwrap();
    std::fs::write(folder.join("not-json.json"), "{ \"schema\": ").unwrap();
    let redwater = format!("{REPOSITORY}/{}", SHIPPED[2]);
    let run = index_disputes(
        &[
            "broken.json",
            &redwater,
            "not-json.json",
            "missing.json",
            "--output",
            "disputes.json",
        ],
        &folder,
    );
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    let index = read_index(&std::fs::read_to_string(folder.join("disputes.json")).unwrap());
    let _ = std::fs::remove_dir_all(&folder);

    let cases = [
        (
            "broken.json",
            "broken",
            "dispute.status: unknown variant `won`",
        ),
        ("not-json.json", "not-json", "(file): not valid JSON"),
        ("missing.json", "missing", "(file): cannot be read"),
    ];
    assert_eq!(index.disputes.len(), 4, "no file is dropped");
    assert_eq!(index.disputes[0].id, "aws-resale-claim");
    for ((file, id, problem), entry) in cases.iter().zip(&index.disputes[1..]) {
        assert_eq!((entry.file.as_str(), entry.id.as_str()), (*file, *id));
        assert!(entry.is_broken(), "{file}");
        assert!(
            entry
                .problems
                .iter()
                .any(|found| found.starts_with(problem)),
            "{file}: {:?}",
            entry.problems
        );
        assert!(
            run.stderr.contains(&format!("{file}: 1 problem")),
            "stderr names {file}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(problem), "{}", run.stderr);
    }
}

#[test]
fn reads_workbooks_as_check_dispute_does() {
    let folder = scratch("workbook");
    let converted = Command::new(env!("CARGO_BIN_EXE_convert-dispute"))
        .arg(format!("{REPOSITORY}/{}", SHIPPED[1]))
        .arg(folder.join("harbor-city.xlsx"))
        .output()
        .expect("convert-dispute runs");
    assert!(converted.status.success(), "{converted:?}");
    let run = index_disputes(&["harbor-city.xlsx"], &folder);
    let _ = std::fs::remove_dir_all(&folder);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let index = read_index(&run.stdout);
    assert_eq!(index.disputes.len(), 1);
    assert_eq!(index.disputes[0].id, "harbor-city-claim");
    assert_eq!(index.disputes[0].file, "harbor-city.xlsx");
}

#[test]
fn refuses_bad_usage_and_an_unwritable_index() {
    let repository = Path::new(REPOSITORY);
    let cases: [(&str, &[&str], &str); 6] = [
        ("no file", &[], "no dispute file given"),
        (
            "only an output",
            &["--output", "x.json"],
            "no dispute file given",
        ),
        (
            "an output without its path",
            &[SHIPPED[0], "--output"],
            "--output needs",
        ),
        (
            "an unknown option",
            &["--verbose", SHIPPED[0]],
            "unknown option --verbose",
        ),
        (
            "an output in no folder",
            &[SHIPPED[0], "--output", "/nonexistent/folder/disputes.json"],
            "/nonexistent/folder/disputes.json: cannot be written",
        ),
        (
            "an output that is an input",
            &[SHIPPED[0], "--output", SHIPPED[0]],
            "the index would overwrite it",
        ),
    ];
    for (name, arguments, expected) in cases {
        let run = index_disputes(arguments, repository);
        assert_eq!(run.status, 2, "{name}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{name}: {}", run.stdout);
        assert!(run.stderr.contains(expected), "{name}: {}", run.stderr);
    }
    let help = index_disputes(&["--help"], repository);
    assert_eq!(help.status, 2);
    assert!(
        help.stderr
            .starts_with("usage: index-disputes FILE... [--output FILE]"),
        "{}",
        help.stderr
    );
}

/// The index the app ships beside its examples (`dist/examples/disputes.json`, opened with
/// `?index=examples/disputes.json`) is what `index-disputes` writes for the three shipped
/// files: regenerate it with `./dev index --output data/examples/disputes.json data/dispute.json
/// data/examples/harbor-city.json data/examples/redwater-cloud-credits.json`.
#[test]
fn the_shipped_index_is_in_step_with_its_files() {
    let folder = scratch("shipped");
    let output = folder.join("examples").join("disputes.json");
    std::fs::create_dir_all(output.parent().expect("a folder")).expect("made");
    // The same layout as the repository's: the bundled file one folder up.
    std::fs::copy(
        format!("{REPOSITORY}/{}", SHIPPED[0]),
        folder.join("dispute.json"),
    )
    .expect("copied");
    for path in &SHIPPED[1..] {
        let name = Path::new(path).file_name().expect("a file name");
        std::fs::copy(
            format!("{REPOSITORY}/{path}"),
            folder.join("examples").join(name),
        )
        .expect("copied");
    }
    let run = index_disputes(
        &[
            "dispute.json",
            "examples/harbor-city.json",
            "examples/redwater-cloud-credits.json",
            "--output",
            "examples/disputes.json",
        ],
        &folder,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&output).expect("written");
    let shipped = std::fs::read_to_string(format!("{REPOSITORY}/data/examples/disputes.json"))
        .expect("data/examples/disputes.json is in the repository");
    assert!(
        written == shipped,
        "data/examples/disputes.json is out of date: regenerate it as this test's comment says"
    );
    read_index(&shipped);
}
