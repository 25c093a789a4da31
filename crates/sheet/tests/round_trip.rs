//! The workbook round trip: a dispute file written as a workbook and read back is the same
//! dispute, and a workbook edited by hand reopens with exactly its edits, or with each problem
//! named by its cell.

use dispute_core::dataset;
use dispute_core::generate::{generate, Size};
use dispute_core::model::DisputeFile;
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

fn file_of(text: &str) -> DisputeFile {
    dataset::parse(text).expect("the file is valid").file
}

fn round_trip(file: &DisputeFile) -> DisputeFile {
    let workbook = dispute_sheet::to_workbook(file).expect("the file fits a workbook");
    let checked =
        dispute_sheet::check(&workbook).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert!(
        checked
            .warnings
            .iter()
            .all(|warning| !warning.contains("not part of the format")),
        "{:?}",
        checked.warnings
    );
    let again: DisputeFile =
        serde_json::from_str(&checked.json).expect("the JSON written is a dispute file");
    assert_eq!(again, checked.dataset.file);
    again
}

#[test]
fn the_bundled_dispute_survives_the_round_trip() {
    let file = file_of(dispute_core::BUNDLED_DISPUTE);
    assert_eq!(round_trip(&file), file);
}

#[test]
fn the_example_survives_the_round_trip() {
    let file = file_of(dispute_core::EXAMPLE_DISPUTE);
    assert_eq!(round_trip(&file), file);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Any generated dispute: written as a workbook and read back, it is the same dispute.
    #[test]
    fn generated_disputes_survive_the_round_trip(parties in 3..20usize, contracts in 1..30usize, clauses in 0..40usize, statements in 1..60usize, seed in any::<u64>()) {
        let file = generate(Size { parties, contracts, clauses, statements }, seed);
        prop_assert_eq!(round_trip(&file), file);
    }
}

/// The bundled dispute's workbook, with `edit` applied to its cells: each edit names a sheet, a
/// cell and the text to put there.
fn edited(edits: &[(&str, &str, &str)]) -> Vec<u8> {
    let file = file_of(dispute_core::BUNDLED_DISPUTE);
    let original = dispute_sheet::to_workbook(&file).unwrap();
    // Read every sheet of the original and write it out again with the edits, as a person
    // saving from a spreadsheet program would.
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let mut reader = open_workbook_auto_from_rs(std::io::Cursor::new(original)).unwrap();
    let mut workbook = Workbook::new();
    for name in reader.sheet_names() {
        let range = reader.worksheet_range(&name).unwrap();
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).unwrap();
        for (row, cells) in range.rows().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                let (row, column) = (row as u32, column as u16);
                match cell {
                    Data::String(text) => sheet.write_string(row, column, text).map(|_| ()),
                    Data::Bool(flag) => sheet.write_boolean(row, column, *flag).map(|_| ()),
                    Data::Empty => Ok(()),
                    other => panic!("unexpected cell {other:?}"),
                }
                .unwrap();
            }
        }
        for (sheet_name, cell, text) in edits.iter().filter(|(sheet, _, _)| *sheet == name) {
            let (row, column) = cell_position(cell);
            let _ = sheet_name;
            sheet.write_string(row, column, *text).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn cell_position(cell: &str) -> (u32, u16) {
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = cell[letters.len()..].parse().unwrap();
    let column = letters
        .bytes()
        .fold(0u32, |sum, letter| sum * 26 + u32::from(letter - b'A' + 1))
        - 1;
    (row - 1, column as u16)
}

#[test]
fn an_edited_workbook_reopens_with_exactly_its_edits() {
    let file = file_of(dispute_core::BUNDLED_DISPUTE);
    // Parties!B2 is the first party's name; a new statement goes under the last one, its quote
    // taken word for word from the first source's text.
    let statements_row = file.statements.len() + 2;
    let source = &file.sources[0];
    let quote = source
        .text
        .as_deref()
        .unwrap()
        .split(". ")
        .next()
        .unwrap()
        .to_owned();
    let new_statement = [
        (
            "Statements",
            format!("A{statements_row}"),
            "added-by-hand".to_owned(),
        ),
        (
            "Statements",
            format!("C{statements_row}"),
            "The report".to_owned(),
        ),
        (
            "Statements",
            format!("D{statements_row}"),
            "outlet-analysis".to_owned(),
        ),
        (
            "Statements",
            format!("E{statements_row}"),
            "asserted".to_owned(),
        ),
        (
            "Statements",
            format!("F{statements_row}"),
            source.id.as_str().to_owned(),
        ),
        (
            "Statements",
            format!("H{statements_row}"),
            file.parties[0].id.as_str().to_owned(),
        ),
        ("Statements", format!("I{statements_row}"), quote.clone()),
        (
            "Statements",
            format!("J{statements_row}"),
            "The report's opening.".to_owned(),
        ),
    ];
    let mut edits: Vec<(&str, &str, &str)> = vec![("Parties", "B2", "Renamed Party")];
    edits.extend(
        new_statement
            .iter()
            .map(|(sheet, cell, text)| (*sheet, cell.as_str(), text.as_str())),
    );
    let checked =
        dispute_sheet::check(&edited(&edits)).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let mut expected = file.clone();
    expected.parties[0].name = "Renamed Party".to_owned();
    let added = checked.dataset.file.statements.last().unwrap();
    assert_eq!(added.id.as_str(), "added-by-hand");
    assert_eq!(added.quote, quote);
    expected.statements.push(added.clone());
    assert_eq!(checked.dataset.file, expected);

    // One broken reference: the error names its cell.
    edits.push(("Statements", "F3", "no-such-source"));
    let problems = dispute_sheet::check(&edited(&edits)).unwrap_err();
    assert_eq!(
        problems.len(),
        1,
        "one broken reference, one problem: {problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|problem| problem.starts_with("Statements!F3 (source): ")
                && problem.contains("no-such-source")),
        "{problems:#?}"
    );
}

#[test]
fn a_quote_that_is_not_in_its_source_is_named_by_its_cell() {
    let problems =
        dispute_sheet::check(&edited(&[("Statements", "I2", "words no article has")])).unwrap_err();
    assert!(
        problems.iter().any(|problem| problem.starts_with(
            "Statements!I2 (quote): \"words no article has\" is not found verbatim in source"
        )),
        "{problems:#?}"
    );
}

#[test]
fn extra_columns_and_sheets_are_ignored_with_a_warning_and_empty_rows_are_skipped() {
    let file = file_of(dispute_core::BUNDLED_DISPUTE);
    let gap = file.parties.len() + 5;
    let bytes = edited(&[
        ("Parties", "H1", "notes"),
        ("Parties", "H2", "call back on Monday"),
        ("Parties", &format!("B{gap}"), " "),
    ]);
    let checked = dispute_sheet::check(&bytes).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert!(
        checked
            .warnings
            .iter()
            .any(|warning| warning
                == "Parties!H1: column \"notes\" is not part of the format; ignored"),
        "{:?}",
        checked.warnings
    );
    assert_eq!(checked.dataset.file, file);
}

#[test]
fn the_template_holds_every_sheet_and_reads_as_an_empty_file_with_named_problems() {
    let problems = dispute_sheet::check(&dispute_sheet::template()).unwrap_err();
    // Empty, the file is invalid; what is missing is named, never a panic or a silent pass.
    assert!(!problems.is_empty());
    use calamine::{open_workbook_auto_from_rs, Reader};
    let reader =
        open_workbook_auto_from_rs(std::io::Cursor::new(dispute_sheet::template())).unwrap();
    let names = reader.sheet_names();
    assert_eq!(names[0], "README");
    // The README explains each column with the example's value for it.
    let mut reader = reader;
    let readme = reader.worksheet_range("README").unwrap();
    let row_of = |column: &str| {
        readme
            .rows()
            .find(|cells| cells.get(1).is_some_and(|cell| cell.to_string() == column))
            .map(|cells| cells.to_vec())
    };
    let claimants = row_of("claimants").expect("the README lists the claimants column");
    let example = file_of(dispute_core::EXAMPLE_DISPUTE);
    assert_eq!(
        claimants[3].to_string(),
        dispute_sheet::join(example.dispute.claimants.iter().map(|id| id.as_str()))
    );
    for sheet in dispute_sheet::columns::SHEETS {
        assert!(
            names.iter().any(|name| name == sheet.name),
            "{}",
            sheet.name
        );
    }
}

#[test]
fn a_file_that_is_not_a_workbook_is_named_as_such() {
    let problems = dispute_sheet::check(b"{\"not\": \"a workbook\"}").unwrap_err();
    assert!(
        problems[0].starts_with("the file is not a workbook this app can read"),
        "{problems:?}"
    );
}

#[test]
fn cells_typed_as_a_person_types_them_read_as_the_format_expects() {
    // The example, rewritten with numbers, dates and yes/no where a spreadsheet program would
    // store them so: a year typed as a number, the as-of day as a date cell, TRUE as "yes".
    let file = file_of(dispute_core::EXAMPLE_DISPUTE);
    let original = dispute_sheet::to_workbook(&file).unwrap();
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let mut reader = open_workbook_auto_from_rs(std::io::Cursor::new(original)).unwrap();
    let mut workbook = Workbook::new();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let mut typed = 0;
    for name in reader.sheet_names() {
        let range = reader.worksheet_range(&name).unwrap();
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).unwrap();
        let header: Vec<String> = range
            .rows()
            .next()
            .map(|cells| cells.iter().map(|cell| cell.to_string()).collect())
            .unwrap_or_default();
        for (row, cells) in range.rows().enumerate() {
            let field = cells
                .first()
                .map(|cell| cell.to_string())
                .unwrap_or_default();
            for (column, cell) in cells.iter().enumerate() {
                let (at_row, at_column) = (row as u32, column as u16);
                let heading = header.get(column).map(String::as_str).unwrap_or("");
                match cell {
                    Data::String(text)
                        if heading.ends_with(".value") && text.len() == 4 && row > 0 =>
                    {
                        typed += 1;
                        sheet
                            .write_number(at_row, at_column, text.parse::<f64>().unwrap())
                            .map(|_| ())
                    }
                    Data::String(text) if name == "About" && field == "as_of" && column == 1 => {
                        typed += 1;
                        let date = rust_xlsxwriter::ExcelDateTime::parse_from_str(text).unwrap();
                        sheet
                            .write_datetime_with_format(at_row, at_column, &date, &date_format)
                            .map(|_| ())
                    }
                    Data::String(text) => sheet.write_string(at_row, at_column, text).map(|_| ()),
                    Data::Bool(true) => {
                        typed += 1;
                        sheet.write_string(at_row, at_column, "yes").map(|_| ())
                    }
                    Data::Bool(false) => sheet.write_boolean(at_row, at_column, false).map(|_| ()),
                    Data::Empty => Ok(()),
                    other => panic!("unexpected cell {other:?}"),
                }
                .unwrap();
            }
        }
    }
    assert!(
        typed >= 3,
        "the example has a year, a day and a flag to type"
    );
    let checked = dispute_sheet::check(&workbook.save_to_buffer().unwrap())
        .unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(checked.dataset.file, file);
}
