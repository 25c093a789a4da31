//! diff-dispute, run as a user would run it, on a pair made by editing the bundled file: a
//! statement added, a reading reworded, a conflict removed, a party's role changed.

use serde_json::Value;
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const DIFF: &str = env!("CARGO_BIN_EXE_diff-dispute");

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(DIFF)
        .args(args)
        .output()
        .expect("the command runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn scratch(name: &str, contents: impl AsRef<[u8]>) -> String {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-tests");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

fn bundled() -> String {
    format!("{ROOT}/data/dispute.json")
}

/// The bundled file with the four edits, and what each must come out as.
fn edited() -> (
    String,
    Vec<(&'static str, String, &'static str, Vec<&'static str>)>,
) {
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(bundled()).unwrap()).unwrap();
    let mut added = file["statements"][0].clone();
    added["id"] = "added-later".into();
    added["summary"] = "A statement added after the briefing".into();
    file["statements"].as_array_mut().unwrap().push(added);
    let conflict = file["conflicts"][0]["id"].as_str().unwrap().to_owned();
    let reworded = file["conflicts"][1]["id"].as_str().unwrap().to_owned();
    let position = file["conflicts"][1]["sides"][0]["position"]
        .as_str()
        .unwrap()
        .to_owned();
    file["conflicts"][1]["sides"][0]["position"] =
        format!("{position}, on a second reading").into();
    file["conflicts"].as_array_mut().unwrap().remove(0);
    file["parties"][3]["role"] = "Respondent: joined the Frontier deal".into();
    let party = file["parties"][3]["id"].as_str().unwrap().to_owned();
    file["as_of"] = "2026-11-30".into();
    let expected = vec![
        ("statement", "added-later".to_owned(), "added", vec![]),
        ("conflict", reworded, "changed", vec!["sides.0.position"]),
        ("conflict", conflict, "removed", vec![]),
        ("party", party, "changed", vec!["role"]),
    ];
    (serde_json::to_string_pretty(&file).unwrap(), expected)
}

#[test]
fn the_same_file_twice_is_no_change_and_exit_0() {
    let (code, out, _) = run(&[&bundled(), &bundled()]);
    assert_eq!(code, 0);
    assert!(out.contains("same dispute"), "{out}");
}

#[test]
fn each_edit_is_one_change_in_json_and_in_lines_and_exit_1() {
    let (text, expected) = edited();
    let newer = scratch("newer.json", text);
    let (code, out, err) = run(&[&bundled(), &newer, "--json"]);
    assert_eq!(code, 1, "{err}");
    let found: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(found.len(), expected.len(), "{out}");
    for (kind, id, change, fields) in &expected {
        let one = found
            .iter()
            .find(|item| item["kind"] == *kind && item["id"] == id.as_str())
            .unwrap_or_else(|| panic!("no {kind} {id} in {out}"));
        assert_eq!(one["change"], *change);
        let names: Vec<&str> = one["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|field| field["field"].as_str().unwrap())
            .collect();
        assert_eq!(&names, fields);
    }
    let (code, lines, _) = run(&[&bundled(), &newer]);
    assert_eq!(code, 1);
    assert!(
        lines.contains("2026-11-23 → 2026-11-30: 4 changes"),
        "{lines}"
    );
    assert!(lines.contains("+ statement added-later added"), "{lines}");
    assert!(
        lines.contains(
            "role: \"Named as a permitted partner\" → \"Respondent: joined the Frontier deal\""
        ),
        "{lines}"
    );
}

#[test]
fn a_file_that_is_not_valid_is_named_with_its_problems_and_exit_2() {
    let broken = scratch("broken.json", "{\"schema\": \"1\"}");
    let (code, _, err) = run(&[&broken, &bundled()]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.json: not a dispute file"), "{err}");
    let (code, _, err) = run(&["/no/such/file.json", &bundled()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be read"), "{err}");
    let (code, _, err) = run(&[&bundled()]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");
}
