//! A workbook back into a dispute file: each sheet's rows into entries, checked by the same
//! loader as a JSON file, with every problem named by its cell (`Statements!I12 (quote): …`).

use crate::columns::{letters, sheet, Column, Kind, Place, Sheet, ABOUT_FIELDS, SHEETS};
use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};
use dispute_core::dataset::{self, Dataset};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::Cursor;

/// A workbook read and checked: the dataset, the file as JSON text (the format's own field
/// order), and what deserves a second look (ignored columns and sheets, the loader's warnings).
#[derive(Debug)]
pub struct Checked {
    pub dataset: Dataset,
    pub json: String,
    pub warnings: Vec<String>,
}

/// Reads a workbook (`.xlsx`, `.xls` or `.ods`) and checks it with the JSON loader's rules.
/// Every problem names its sheet, row and column.
pub fn check(bytes: &[u8]) -> Result<Checked, Vec<String>> {
    let read = read(bytes)?;
    match dataset::parse(&read.json) {
        Ok(dataset) => {
            let mut warnings = read.warnings;
            warnings.extend(
                dataset
                    .warnings
                    .iter()
                    .map(|warning| read.places.name(&warning.path, &warning.message)),
            );
            let json = serde_json::to_string_pretty(&dataset.file)
                .map_err(|problem| vec![problem.to_string()])?;
            Ok(Checked {
                dataset,
                json: json + "\n",
                warnings,
            })
        }
        Err(errors) => Err(errors
            .iter()
            .map(|error| read.places.name(&error.path, &error.message))
            .collect()),
    }
}

/// A workbook's rows as a dispute file's JSON text, not yet checked.
pub struct Read {
    pub json: String,
    pub warnings: Vec<String>,
    places: Places,
}

/// Where each entry of the JSON came from: its sheet and row, and each sheet's columns.
#[derive(Default)]
struct Places {
    /// An entry's JSON path (`statements[3]`, `clauses[0].wording[1]`, `title`) to its sheet
    /// and 1-based row.
    rows: HashMap<String, (&'static Sheet, usize)>,
    /// A sheet's column names to their letters, as the workbook has them.
    columns: HashMap<&'static str, HashMap<&'static str, String>>,
}

impl Places {
    /// A loader's problem at `path`, named by the cell it comes from.
    fn name(&self, path: &str, message: &str) -> String {
        let mut cut = path.len();
        loop {
            if let Some((sheet, row)) = self.rows.get(&path[..cut]) {
                let rest = path[cut..].trim_start_matches('.');
                return self.cell(sheet, *row, rest, message);
            }
            match path[..cut].rfind(['.', '[']) {
                Some(at) => cut = at,
                None => return format!("{path}: {message}"),
            }
        }
    }

    fn cell(&self, sheet: &Sheet, row: usize, rest: &str, message: &str) -> String {
        // The field, without list positions: `highlight[2]` is the highlight column.
        let field: String = rest.split('[').next().unwrap_or_default().to_owned();
        let columns = self.columns.get(sheet.name);
        let column = match sheet.place {
            Place::About => Some("value"),
            _ => sheet
                .columns
                .iter()
                .map(|column| column.name)
                .filter(|name| field == *name || field.starts_with(&format!("{name}.")))
                .max_by_key(|name| name.len()),
        };
        match column.and_then(|name| Some((name, columns?.get(name)?))) {
            Some((name, letter)) => format!("{}!{letter}{row} ({name}): {message}", sheet.name),
            None if field.is_empty() => format!("{} row {row}: {message}", sheet.name),
            None => format!("{} row {row} ({field}): {message}", sheet.name),
        }
    }
}

/// Reads a workbook's rows into the JSON text of a dispute file, without checking it.
pub fn read(bytes: &[u8]) -> Result<Read, Vec<String>> {
    // What could exhaust memory, or that a workbook never needs, is refused before reading.
    crate::guard::look_over(bytes).map_err(|problem| vec![problem])?;
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|problem| {
            vec![format!(
                "the file is not a workbook this app can read (.xlsx, .xls or .ods): {problem}"
            )]
        })?;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut places = Places::default();
    let mut file = Map::new();
    // The nested sheets' cells, read once, used once their parents are in.
    let mut nested: HashMap<&'static str, Range<Data>> = HashMap::new();
    let names = workbook.sheet_names();
    for name in &names {
        if name != "README" && sheet(name).is_none() {
            warnings.push(format!(
                "sheet \"{name}\" is not part of the format; ignored"
            ));
        }
    }
    for sheet in SHEETS {
        if !names.iter().any(|name| name == sheet.name) {
            if !sheet.optional {
                problems.push(format!(
                    "the workbook has no sheet named \"{}\"; the README sheet lists the sheets",
                    sheet.name
                ));
            }
            continue;
        }
        let range = match workbook.worksheet_range(sheet.name) {
            Ok(range) => range,
            Err(problem) => {
                problems.push(format!(
                    "{}: the sheet cannot be read: {problem}",
                    sheet.name
                ));
                continue;
            }
        };
        let table = Table::of(sheet, &range, &mut problems, &mut warnings);
        places.columns.insert(sheet.name, table.letters.clone());
        match &sheet.place {
            Place::About => about(
                sheet,
                &table,
                &mut file,
                &mut places,
                &mut problems,
                &mut warnings,
            ),
            Place::Object(key) => {
                let mut rows = table.rows();
                match rows.next() {
                    Some((row, cells)) => {
                        file.insert(
                            (*key).to_owned(),
                            entry(sheet, &table, row, &cells, &mut problems),
                        );
                        places.rows.insert((*key).to_owned(), (sheet, row));
                    }
                    None => problems.push(format!(
                        "{} row 2: the sheet holds no {key}; fill in its row under the headers",
                        sheet.name
                    )),
                }
                for (row, _) in rows {
                    problems.push(format!(
                        "{} row {row}: the sheet holds one {key}; this row would be a second one",
                        sheet.name
                    ));
                }
            }
            Place::List(key) => {
                let list: Vec<Value> = table
                    .rows()
                    .enumerate()
                    .map(|(index, (row, cells))| {
                        places.rows.insert(format!("{key}[{index}]"), (sheet, row));
                        entry(sheet, &table, row, &cells, &mut problems)
                    })
                    .collect();
                file.insert((*key).to_owned(), Value::Array(list));
            }
            Place::Nested { .. } => {}
        }
        if matches!(sheet.place, Place::Nested { .. }) {
            nested.insert(sheet.name, range);
        }
    }
    // Nested lists last, once their parents are in.
    for sheet in SHEETS {
        let Place::Nested { parent, field } = sheet.place else {
            continue;
        };
        let Some(letters) = places.columns.get(sheet.name).cloned() else {
            // The sheet is absent: every parent has an empty list.
            for owner in file
                .get_mut(parent)
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                if let Some(owner) = owner.as_object_mut() {
                    owner.entry(field).or_insert(Value::Array(Vec::new()));
                }
            }
            continue;
        };
        let range = nested.remove(sheet.name).unwrap_or_default();
        // Its header's problems and warnings were reported in the first pass.
        let table = Table::of(sheet, &range, &mut Vec::new(), &mut Vec::new());
        // Each id names its first entry (a repeated id is the loader's to report).
        let mut owners: HashMap<String, usize> = HashMap::new();
        for (index, owner) in file
            .get(parent)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(id) = owner.get("id").and_then(Value::as_str) {
                owners.entry(id.to_owned()).or_insert(index);
            }
        }
        let mut children: Vec<Vec<(usize, Value)>> =
            vec![Vec::new(); owners.values().max().map_or(0, |max| max + 1)];
        let link = sheet.columns[0].name;
        for (row, cells) in table.rows() {
            let owner_id = table.text(&cells, 0);
            let place = format!(
                "{}!{}{row} ({link})",
                sheet.name,
                letters.get(link).cloned().unwrap_or_else(|| "A".to_owned())
            );
            match owner_id.as_deref().map(str::trim) {
                None | Some("") => problems.push(format!(
                    "{place}: names no {}; each row here belongs to one, by its id",
                    singular(parent)
                )),
                Some(id) => match owners.get(id) {
                    Some(&index) => {
                        let child = entry(sheet, &table, row, &cells, &mut problems);
                        children[index].push((row, child));
                    }
                    None => problems.push(format!(
                        "{place}: there is no {} with the id \"{id}\" on {}",
                        singular(parent),
                        sheet_of(parent)
                    )),
                },
            }
        }
        if let Some(owners) = file.get_mut(parent).and_then(Value::as_array_mut) {
            for (index, owner) in owners.iter_mut().enumerate() {
                let list = children
                    .get_mut(index)
                    .map(std::mem::take)
                    .unwrap_or_default();
                for (position, (row, _)) in list.iter().enumerate() {
                    places.rows.insert(
                        format!("{parent}[{index}].{field}[{position}]"),
                        (sheet, *row),
                    );
                }
                if let Some(owner) = owner.as_object_mut() {
                    owner.insert(
                        field.to_owned(),
                        Value::Array(list.into_iter().map(|(_, child)| child).collect()),
                    );
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let json =
        serde_json::to_string(&Value::Object(file)).map_err(|problem| vec![problem.to_string()])?;
    Ok(Read {
        json,
        warnings,
        places,
    })
}

fn singular(key: &str) -> &str {
    key.strip_suffix('s').unwrap_or(key)
}

fn sheet_of(key: &'static str) -> &'static str {
    SHEETS
        .iter()
        .find(|sheet| sheet.place == Place::List(key))
        .map_or("its sheet", |sheet| sheet.name)
}

/// The About sheet: one top-level field per row.
fn about(
    sheet: &'static Sheet,
    table: &Table,
    file: &mut Map<String, Value>,
    places: &mut Places,
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) {
    for (row, cells) in table.rows() {
        let Some(field) = table.text(&cells, 0).map(|field| field.trim().to_owned()) else {
            continue;
        };
        let Some(known) = ABOUT_FIELDS.iter().find(|known| known.name == field) else {
            warnings.push(format!(
                "{}!A{row} (field): \"{field}\" is not a top-level field of the format; ignored",
                sheet.name
            ));
            continue;
        };
        if file.contains_key(known.name) {
            problems.push(format!(
                "{}!A{row} (field): \"{field}\" is given twice",
                sheet.name
            ));
            continue;
        }
        places.rows.insert(known.name.to_owned(), (sheet, row));
        match table.text(&cells, 1) {
            Some(value) if !value.trim().is_empty() => {
                file.insert(known.name.to_owned(), Value::String(value));
            }
            _ if known.kind == Kind::Text => {
                file.insert(known.name.to_owned(), Value::String(String::new()));
            }
            _ => {}
        }
    }
}

/// One row's entry: each known column's cell at its dotted path, and the empty text or list
/// for each required field its cell left out.
fn entry(
    sheet: &Sheet,
    table: &Table,
    row: usize,
    cells: &[Data],
    problems: &mut Vec<String>,
) -> Value {
    let mut object = Value::Object(Map::new());
    let skip = usize::from(matches!(sheet.place, Place::Nested { .. }));
    for (index, column) in sheet.columns.iter().enumerate().skip(skip) {
        let Some(at) = table.positions[index] else {
            continue;
        };
        let cell = cells.get(at).unwrap_or(&Data::Empty);
        let place = || format!("{}!{}{row} ({})", sheet.name, letters(at), column.name);
        if let Data::Error(error) = cell {
            problems.push(format!("{}: the cell holds a spreadsheet error ({error}); put a value in it or leave it empty", place()));
            continue;
        }
        let value = match column.kind {
            Kind::Flag => match cell {
                Data::Bool(flag) => Some(Value::Bool(*flag)),
                Data::Empty => None,
                other => match text_of(other).trim().to_lowercase().as_str() {
                    "" => None,
                    "true" | "yes" => Some(Value::Bool(true)),
                    "false" | "no" => Some(Value::Bool(false)),
                    word => {
                        problems.push(format!("{}: \"{word}\" is not TRUE or FALSE", place()));
                        None
                    }
                },
            },
            Kind::List => Some(Value::Array(
                split(&text_of(cell))
                    .into_iter()
                    .map(Value::String)
                    .collect(),
            )),
            Kind::Text | Kind::Optional => {
                let text = text_of(cell);
                (!text.trim().is_empty()).then_some(Value::String(text))
            }
        };
        if let Some(value) = value {
            insert(&mut object, column.name, value);
        }
    }
    // What the format requires is there, empty, when its object is.
    for column in &sheet.columns[skip..] {
        let empty = match column.kind {
            Kind::Text => Value::String(String::new()),
            Kind::List => Value::Array(Vec::new()),
            Kind::Optional | Kind::Flag => continue,
        };
        let (owner, _) = column.name.rsplit_once('.').unwrap_or(("", column.name));
        if owner.is_empty() || at_path(&object, owner).is_some() {
            if at_path(&object, column.name).is_none() {
                insert(&mut object, column.name, empty);
            }
        }
    }
    object
}

fn at_path<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |value, key| value.get(key))
}

/// Puts `value` at a dotted path, making the objects on the way.
fn insert(object: &mut Value, path: &str, value: Value) {
    let mut at = object;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        let Some(map) = at.as_object_mut() else {
            return;
        };
        if keys.peek().is_none() {
            map.insert(key.to_owned(), value);
            return;
        }
        at = map
            .entry(key.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// A list cell's items: split at each `|` that is not escaped, each trimmed, empty ones dropped.
pub fn split(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut characters = cell.chars();
    while let Some(character) = characters.next() {
        match character {
            '\\' => match characters.next() {
                Some(next @ ('\\' | '|')) => item.push(next),
                Some(next) => {
                    item.push('\\');
                    item.push(next);
                }
                None => item.push('\\'),
            },
            '|' => items.push(std::mem::take(&mut item)),
            other => item.push(other),
        }
    }
    items.push(item);
    items
        .into_iter()
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// A cell as text: numbers as written (2025, not 2025.0), dates as YYYY-MM-DD.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Bool(flag) => flag.to_string(),
        Data::DateTime(date) => civil_date(date.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
    }
}

/// A spreadsheet date serial (days since 1899-12-30, as Excel counts them) as YYYY-MM-DD.
fn civil_date(serial: f64) -> String {
    // Days since 1970-01-01, then the civil calendar (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A sheet's cells with its header read: where each known column is.
struct Table<'a> {
    range: &'a Range<Data>,
    /// The 0-based position in a row of each of the sheet's columns, if the sheet has it.
    positions: Vec<Option<usize>>,
    /// Column name to its letters.
    letters: HashMap<&'static str, String>,
    /// The 1-based row number of the range's first row, and the column offset of its first cell.
    first_row: usize,
    first_column: usize,
}

impl<'a> Table<'a> {
    fn of(
        sheet: &'static Sheet,
        range: &'a Range<Data>,
        problems: &mut Vec<String>,
        warnings: &mut Vec<String>,
    ) -> Table<'a> {
        let (first_row, first_column) = range
            .start()
            .map_or((0, 0), |(row, column)| (row as usize, column as usize));
        let mut positions = vec![None; sheet.columns.len()];
        let mut letters_of = HashMap::new();
        if let Some(header) = range.rows().next() {
            for (at, cell) in header.iter().enumerate() {
                let name = text_of(cell).trim().to_owned();
                let letter = letters(first_column + at);
                if name.is_empty() {
                    continue;
                }
                match sheet
                    .columns
                    .iter()
                    .position(|column: &Column| column.name == name)
                {
                    Some(index) if positions[index].is_some() => {
                        problems.push(format!(
                            "{}!{letter}{} ({name}): the column is there twice",
                            sheet.name,
                            first_row + 1
                        ));
                    }
                    Some(index) => {
                        positions[index] = Some(first_column + at);
                        letters_of.insert(sheet.columns[index].name, letter);
                    }
                    None => warnings.push(format!(
                        "{}!{letter}{}: column \"{name}\" is not part of the format; ignored",
                        sheet.name,
                        first_row + 1
                    )),
                }
            }
        }
        // Positions count from column A, whatever the range's first column is.
        Table {
            range,
            positions,
            letters: letters_of,
            first_row,
            first_column,
        }
    }

    /// Each row under the header that holds anything, with its 1-based row number and its cells
    /// counted from column A.
    fn rows(&self) -> impl Iterator<Item = (usize, Vec<Data>)> + '_ {
        self.range
            .rows()
            .enumerate()
            .skip(1)
            .filter_map(move |(index, cells)| {
                let blank = cells
                    .iter()
                    .all(|cell| text_of(cell).trim().is_empty() && !matches!(cell, Data::Error(_)));
                if blank {
                    return None;
                }
                let mut row = vec![Data::Empty; self.first_column];
                row.extend(cells.iter().cloned());
                Some((self.first_row + index + 1, row))
            })
    }

    /// The text in the sheet's `index`th column of a row.
    fn text(&self, cells: &[Data], index: usize) -> Option<String> {
        let at = self.positions[index]?;
        let text = text_of(cells.get(at)?);
        (!text.is_empty()).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_split_at_unescaped_bars() {
        assert_eq!(split("a | b|c"), ["a", "b", "c"]);
        assert_eq!(split(r"one \| two | three \\"), ["one | two", r"three \"]);
        assert_eq!(split(" | "), Vec::<String>::new());
        assert_eq!(
            split(&crate::write::join(["x|y", r"z\"].into_iter())),
            ["x|y", r"z\"]
        );
    }

    #[test]
    fn date_cells_read_as_calendar_days() {
        assert_eq!(civil_date(45_931.0), "2025-10-01");
        assert_eq!(civil_date(25_569.5), "1970-01-01");
        assert_eq!(civil_date(36_526.0), "2000-01-01");
    }
}
