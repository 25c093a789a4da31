//! `cargo run -p dispute-cli --bin index-disputes -- FILE... [--output FILE]`: lists many dispute
//! files (JSON, or workbooks: `.xlsx`, `.xls`, `.ods`) in one index (`dispute-index/1`, see
//! docs/schema.md), checking each with the app's rules. Each file is named by its path relative
//! to the index's folder (the current folder when the index goes to standard output). A file that
//! cannot be read or does not check is listed with its problems, never left out. Exits 0 when the
//! index is written and every file checks, 1 when it is written but some files have problems
//! (each printed to standard error with its file), 2 for a usage mistake or an index that cannot
//! be written.

use dispute_core::dataset::Dataset;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: index-disputes FILE... [--output FILE]\nLists dispute-map files (.json, or workbooks: .xlsx, .xls, .ods) in one index of disputes (dispute-index/1), checking each with the app's rules; writes it to FILE, or to standard output.";

/// What the command line asks for.
struct Request {
    files: Vec<String>,
    output: Option<String>,
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let request = match request_of(&arguments) {
        Ok(request) => request,
        Err(problem) => {
            if let Some(problem) = problem {
                eprintln!("index-disputes: {problem}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&request) {
        Ok(code) => ExitCode::from(code),
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::from(2)
        }
    }
}

/// The request, or what is wrong with the arguments (nothing to say for `--help`).
fn request_of(arguments: &[String]) -> Result<Request, Option<String>> {
    let mut files = Vec::new();
    let mut output = None;
    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        let named_output = match argument.as_str() {
            "-h" | "--help" => return Err(None),
            "--output" | "-o" => Some(
                rest.next()
                    .ok_or_else(|| Some(format!("{argument} needs the index file's path")))?
                    .clone(),
            ),
            _ => argument.strip_prefix("--output=").map(str::to_owned),
        };
        match named_output {
            Some(_) if output.is_some() => {
                return Err(Some("--output is given twice".to_owned()));
            }
            Some(path) if path.is_empty() => {
                return Err(Some("--output needs the index file's path".to_owned()));
            }
            Some(path) => output = Some(path),
            None if argument.starts_with('-') && argument.len() > 1 => {
                return Err(Some(format!("unknown option {argument}")));
            }
            None => files.push(argument.clone()),
        }
    }
    if files.is_empty() {
        return Err(Some("no dispute file given".to_owned()));
    }
    Ok(Request { files, output })
}

/// Reads every file, writes the index and reports each file's problems: the exit code when the
/// index is written, or why it could not be.
fn run(request: &Request) -> Result<u8, String> {
    let base = match &request.output {
        Some(output) => folder_of(output)?,
        None => std::env::current_dir()
            .and_then(std::fs::canonicalize)
            .map_err(|problem| format!("the current folder cannot be read: {problem}"))?,
    };
    let mut read = Vec::new();
    // Each indexed path with the path it was given as, to name the file in messages as the user
    // wrote it.
    let mut given_as = Vec::new();
    let output_file = request
        .output
        .as_deref()
        .map(|output| absolute(Path::new(output)));
    for path in &request.files {
        let full = absolute(Path::new(path));
        if output_file.as_ref() == Some(&full) {
            return Err(format!(
                "{path}: is also the index's --output; the index would overwrite it"
            ));
        }
        let relative = relative_path(&base, &full);
        given_as.push((relative.clone(), path.as_str()));
        read.push((relative, read_dispute(path)));
    }
    let index = dispute_core::index::build(&read);
    let mut text = serde_json::to_string_pretty(&index).expect("an index is plain JSON");
    text.push('\n');
    match &request.output {
        Some(output) => std::fs::write(output, &text)
            .map_err(|problem| format!("{output}: cannot be written: {problem}"))?,
        None => print!("{text}"),
    }
    let mut with_problems = 0;
    for entry in &index.disputes {
        if entry.problems.is_empty() {
            continue;
        }
        with_problems += 1;
        let name = given_as
            .iter()
            .find(|(relative, _)| *relative == entry.file)
            .map_or(entry.file.as_str(), |(_, given)| given);
        let count = entry.problems.len();
        eprintln!(
            "{name}: {count} problem{} (listed in the index as \"{}\")",
            if count == 1 { "" } else { "s" },
            entry.id
        );
        for problem in &entry.problems {
            eprintln!("  {problem}");
        }
    }
    if let Some(output) = &request.output {
        let disputes = index.disputes.len();
        let shared = index.parties.len();
        println!(
            "{output}: written ({disputes} dispute{}, {with_problems} with problems, {shared} part{} in more than one)",
            if disputes == 1 { "" } else { "s" },
            if shared == 1 { "y" } else { "ies" }
        );
    }
    Ok(if with_problems == 0 { 0 } else { 1 })
}

/// A dispute file read and checked as `check-dispute` reads it, or its problems.
fn read_dispute(path: &str) -> Result<Dataset, Vec<String>> {
    let bytes = std::fs::read(path)
        .map_err(|problem| vec![format!("(file): cannot be read: {problem}")])?;
    if dispute_sheet::is_workbook(path) {
        return dispute_sheet::check(&bytes).map(|checked| checked.dataset);
    }
    let text = dispute_core::dataset::text_of(bytes).map_err(|problem| vec![problem])?;
    dispute_core::dataset::parse(&text)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// The folder the index file will be in, with its links resolved as the inputs' are.
fn folder_of(output: &str) -> Result<PathBuf, String> {
    let full = absolute(Path::new(output));
    let folder = full.parent().unwrap_or(&full);
    std::fs::canonicalize(folder).map_err(|problem| {
        format!(
            "{output}: cannot be written: its folder {} cannot be opened: {problem}",
            folder.display()
        )
    })
}

/// The path made absolute and its links resolved when it exists; otherwise made absolute with
/// its `.` and `..` folded, so two spellings of one path compare equal.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(resolved) = std::fs::canonicalize(path) {
        return resolved;
    }
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut folded = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                folded.pop();
            }
            other => folded.push(other),
        }
    }
    folded
}

/// `path` relative to the folder `base`, both absolute, with forward slashes: the file's name as
/// the index records it.
fn relative_path(base: &Path, path: &Path) -> String {
    let base_parts: Vec<Component> = base.components().collect();
    let path_parts: Vec<Component> = path.components().collect();
    let shared = base_parts
        .iter()
        .zip(&path_parts)
        .take_while(|(first, second)| first == second)
        .count();
    // Different roots (another drive on Windows) have no relative path: the absolute one stands.
    if shared == 0 {
        return path.to_string_lossy().replace('\\', "/");
    }
    let up = std::iter::repeat_n("..".to_owned(), base_parts.len() - shared);
    let down = path_parts[shared..]
        .iter()
        .map(|component| component.as_os_str().to_string_lossy().into_owned());
    up.chain(down).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_index_folder() {
        let cases = [
            (
                "a file in the folder",
                "/work/site",
                "/work/site/a.json",
                "a.json",
            ),
            (
                "below it",
                "/work/site",
                "/work/site/data/a.json",
                "data/a.json",
            ),
            (
                "beside it",
                "/work/site/index",
                "/work/site/data/a.json",
                "../data/a.json",
            ),
            (
                "far up",
                "/work/site/index/deep",
                "/work/a.json",
                "../../../a.json",
            ),
            ("at the root", "/", "/a.json", "a.json"),
        ];
        for (name, base, path, expected) in cases {
            assert_eq!(
                relative_path(Path::new(base), Path::new(path)),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn dots_fold_when_a_path_does_not_exist() {
        let folded = absolute(Path::new("/nonexistent/one/../two/./three.json"));
        assert_eq!(folded, Path::new("/nonexistent/two/three.json"));
    }

    #[test]
    fn arguments_are_read_or_refused_with_a_reason() {
        let arguments =
            |line: &str| -> Vec<String> { line.split_whitespace().map(str::to_owned).collect() };
        // The files and output read, or the reason given.
        type Expected<'a> = Result<(&'a [&'a str], Option<&'a str>), Option<&'a str>>;
        let cases: [(&str, Expected); 9] = [
            ("a.json b.json", Ok((&["a.json", "b.json"], None))),
            (
                "a.json --output out.json",
                Ok((&["a.json"], Some("out.json"))),
            ),
            (
                "--output out.json a.json",
                Ok((&["a.json"], Some("out.json"))),
            ),
            ("-o out.json a.json", Ok((&["a.json"], Some("out.json")))),
            (
                "a.json --output=out.json",
                Ok((&["a.json"], Some("out.json"))),
            ),
            ("", Err(Some("no dispute file given"))),
            (
                "a.json --output",
                Err(Some("--output needs the index file's path")),
            ),
            ("a.json -o x -o y", Err(Some("--output is given twice"))),
            ("a.json --verbose", Err(Some("unknown option --verbose"))),
        ];
        for (line, expected) in cases {
            let read = request_of(&arguments(line)).map(|request| (request.files, request.output));
            let expected = expected
                .map(|(files, output)| {
                    (
                        files.iter().map(|file| (*file).to_owned()).collect(),
                        output.map(str::to_owned),
                    )
                })
                .map_err(|problem| problem.map(str::to_owned));
            assert_eq!(read, expected, "{line:?}");
        }
        assert!(matches!(request_of(&arguments("a.json --help")), Err(None)));
    }
}
