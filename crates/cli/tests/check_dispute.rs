//! The command-line validator, run as a user would run it.

use std::process::Command;

fn check(path: &str) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-dispute"))
        .arg(path)
        .output()
        .expect("check-dispute runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn accepts_the_bundled_dispute() {
    let (status, output) = check(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/dispute.json"
    ));
    assert_eq!(status, 0, "{output}");
    assert!(output.contains("valid (3 sources, 6 parties"), "{output}");
}

#[test]
fn lists_every_problem_of_a_broken_file() {
    let (status, output) = check(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/browser/fixtures/broken.json"
    ));
    assert_eq!(status, 1, "{output}");
    // Three mistakes, four problems: the bad id also leaves the respondent "beta" undefined. The
    // statement's unknown source is one problem, not repeated where its conflict side names it.
    assert!(output.contains("4 problems"), "{output}");
    assert!(!output.contains("is reported in"), "{output}");
    assert!(
        output.contains("dispute.respondents[0]: no party with id \"beta\""),
        "{output}"
    );
    assert!(
        output.contains("statements[0].source: no source with id \"ft-report\""),
        "{output}"
    );
}

#[test]
fn says_when_a_file_cannot_be_read() {
    let (status, output) = check("/nonexistent/dispute.json");
    assert_eq!(status, 2, "{output}");
    assert!(
        output.contains("/nonexistent/dispute.json: cannot be read"),
        "{output}"
    );
}

#[test]
fn prints_the_warnings_of_a_valid_file() {
    let bundled = include_str!("../../../data/dispute.json");
    let at = bundled
        .find("\"summary\": \"")
        .expect("the file has a summary");
    let mut changed = bundled.to_owned();
    changed.insert_str(at + "\"summary\": \"".len(), "In 2031, ");
    let path =
        std::env::temp_dir().join(format!("check-dispute-warning-{}.json", std::process::id()));
    std::fs::write(&path, changed).expect("the copy is written");
    let (status, output) = check(path.to_str().unwrap());
    let _ = std::fs::remove_file(&path);
    assert_eq!(status, 0, "a warning does not fail the file: {output}");
    assert!(output.contains("1 warning"), "{output}");
    assert!(
        output.contains("warning: summary: the number 2031 stands in no quote"),
        "{output}"
    );
}
