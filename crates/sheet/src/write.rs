//! A dispute file as a workbook: the README sheet, then one sheet per part of the file, in the
//! shape `columns::SHEETS` gives.

use crate::columns::{Kind, Place, Sheet, ABOUT_FIELDS, SHEETS};
use dispute_core::model::DisputeFile;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde_json::Value;

/// The most characters a spreadsheet cell holds (Excel's limit; LibreOffice's is the same).
pub const CELL_LIMIT: usize = 32_767;

/// The workbook of `file`, as the bytes of an `.xlsx` file.
pub fn to_workbook(file: &DisputeFile) -> Result<Vec<u8>, String> {
    let value = serde_json::to_value(file).map_err(|problem| problem.to_string())?;
    build(Some(&value))
}

/// A workbook with the README sheet and every sheet's headers, nothing else: the template to
/// fill in.
pub fn template() -> Vec<u8> {
    build(None).expect("an empty workbook always fits")
}

fn build(file: Option<&Value>) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let readme = workbook.add_worksheet();
    write_readme(readme, &header).map_err(xlsx)?;
    for sheet in SHEETS {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name).map_err(xlsx)?;
        for (index, column) in sheet.columns.iter().enumerate() {
            worksheet
                .write_string_with_format(0, col(index), column.name, &header)
                .map_err(xlsx)?;
            worksheet
                .set_column_width(col(index), width(column.name, column.kind))
                .map_err(xlsx)?;
        }
        worksheet.set_freeze_panes(1, 0).map_err(xlsx)?;
        let rows = match file {
            Some(file) => rows(sheet, file),
            None if sheet.place == Place::About => ABOUT_FIELDS
                .iter()
                .map(|field| {
                    let value = if field.name == "schema" {
                        dispute_core::model::SCHEMA_VERSION
                    } else {
                        ""
                    };
                    vec![Value::from(field.name), Value::from(value)]
                })
                .collect(),
            None => Vec::new(),
        };
        for (at, row) in rows.iter().enumerate() {
            for (index, value) in row.iter().enumerate() {
                write_cell(worksheet, sheet, at + 1, index, value)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(xlsx)
}

/// Each row of `sheet`, its cells' values in column order.
fn rows(sheet: &Sheet, file: &Value) -> Vec<Vec<Value>> {
    let cells = |entry: &Value| -> Vec<Value> {
        sheet
            .columns
            .iter()
            .map(|column| at_path(entry, column.name).cloned().unwrap_or(Value::Null))
            .collect()
    };
    match &sheet.place {
        Place::About => ABOUT_FIELDS
            .iter()
            .filter_map(|field| {
                let value = file.get(field.name)?;
                Some(vec![Value::from(field.name), value.clone()])
            })
            .collect(),
        Place::Object(key) => file.get(*key).map(cells).into_iter().collect(),
        Place::List(key) => entries(file, key).map(cells).collect(),
        Place::Nested { parent, field } => entries(file, parent)
            .flat_map(|owner| {
                let id = owner.get("id").cloned().unwrap_or(Value::Null);
                entries(owner, field)
                    .map(|child| {
                        let mut row = cells(child);
                        row[0] = id.clone();
                        row
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
    }
}

fn entries<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// The value at a dotted path (`speaker.party`).
fn at_path<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |value, key| value.get(key))
}

fn write_cell(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    row: usize,
    index: usize,
    value: &Value,
) -> Result<(), String> {
    let text = match value {
        Value::Null => return Ok(()),
        Value::Bool(flag) => {
            return worksheet
                .write_boolean(row as u32, col(index), *flag)
                .map(|_| ())
                .map_err(xlsx);
        }
        Value::String(text) => text.clone(),
        Value::Array(items) => join(items.iter().filter_map(Value::as_str)),
        other => other.to_string(),
    };
    if text.is_empty() {
        return Ok(());
    }
    let characters = text.chars().count();
    if characters > CELL_LIMIT {
        return Err(format!(
            "{}!{}{} ({}): {characters} characters are more than a spreadsheet cell holds ({CELL_LIMIT}); keep this dispute as JSON, or shorten the text",
            sheet.name,
            crate::columns::letters(index),
            row + 1,
            sheet.columns[index].name
        ));
    }
    worksheet
        .write_string(row as u32, col(index), &text)
        .map(|_| ())
        .map_err(xlsx)
}

/// A list's items joined by `|`, with `\` and `|` inside an item escaped.
pub fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|item| item.replace('\\', "\\\\").replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn write_readme(readme: &mut Worksheet, header: &Format) -> Result<(), XlsxError> {
    readme.set_name("README")?;
    readme.set_column_width(0, 14)?;
    readme.set_column_width(1, 22)?;
    readme.set_column_width(2, 90)?;
    let intro = [
        "A dispute for dispute-map, as a workbook. Fill in one sheet per part of the dispute, one row per entry; then open the workbook in dispute-map (Open a dispute file…) or check it with check-dispute.",
        "Column headers are the field names of the file format (docs/schema.md), with nested fields dotted (speaker.party, date.precision). Lists of ids go in one cell, separated by | (write \\| for a | inside a name).",
        "Ids are lower-case letters, digits and hyphens (microsoft, azure-exclusivity). Every quote must appear word for word in its source's text on Sources: copy it from there, never retype it.",
        "Wording, Readings and Sides hold lists that belong to a clause or a conflict: their first column names that clause's or conflict's id. Row order is kept.",
        "Empty rows are skipped. Columns and sheets that are not listed below are ignored, with a warning. Every problem is reported with its sheet, row and column, such as Statements!I12 (quote).",
    ];
    for (row, line) in intro.iter().enumerate() {
        readme.write_string(row as u32, 0, *line)?;
    }
    let mut row = intro.len() as u32 + 1;
    let titles = [
        "sheet",
        "column",
        "what goes in it",
        "example (the first row of examples/harbor-city.json, a fictional dispute)",
    ];
    for (index, title) in titles.iter().enumerate() {
        readme.write_string_with_format(row, index as u16, *title, header)?;
    }
    readme.set_column_width(3, 60)?;
    let example: Value = serde_json::from_str(dispute_core::EXAMPLE_DISPUTE).unwrap_or(Value::Null);
    for sheet in SHEETS {
        row += 1;
        readme.write_string_with_format(row, 0, sheet.name, header)?;
        readme.write_string(row, 2, sheet.help)?;
        let first = rows(sheet, &example);
        let (columns, examples): (&[crate::columns::Column], Vec<String>) =
            if sheet.place == Place::About {
                let examples = ABOUT_FIELDS
                    .iter()
                    .map(|field| {
                        let value = first
                            .iter()
                            .find(|row| row[0] == Value::from(field.name))
                            .map(|row| &row[1]);
                        value.map(shown).unwrap_or_default()
                    })
                    .collect();
                (ABOUT_FIELDS, examples)
            } else {
                let examples = first
                    .first()
                    .map(|cells| cells.iter().map(shown).collect())
                    .unwrap_or_default();
                (sheet.columns, examples)
            };
        for (index, column) in columns.iter().enumerate() {
            row += 1;
            readme.write_string(row, 1, column.name)?;
            readme.write_string(row, 2, column.help)?;
            if let Some(example) = examples.get(index).filter(|example| !example.is_empty()) {
                readme.write_string(row, 3, example)?;
            }
        }
    }
    Ok(())
}

/// A value as the README's example shows it: as its cell would hold it, long texts cut short.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::Bool(flag) => if *flag { "TRUE" } else { "FALSE" }.to_owned(),
        Value::String(text) => text.clone(),
        Value::Array(items) => join(items.iter().filter_map(Value::as_str)),
        other => other.to_string(),
    };
    match text.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn width(name: &str, kind: Kind) -> u16 {
    match (name, kind) {
        ("quote" | "text" | "summary" | "position" | "difference" | "question" | "value", _) => 60,
        (_, Kind::List) => 28,
        _ => 20,
    }
}

fn col(index: usize) -> u16 {
    index as u16
}

fn xlsx(problem: XlsxError) -> String {
    format!("the workbook could not be written: {problem}")
}
