//! The dispute file as a spreadsheet workbook and back, for people who work in Excel or
//! LibreOffice rather than JSON: an About sheet for the top-level fields, one sheet per
//! collection named as in the schema, sheets for the lists inside clauses and conflicts
//! (Wording, Readings, Sides), and a README sheet that explains every column.
//!
//! Writing uses `rust_xlsxwriter`, reading `calamine` (`.xlsx`, `.xls`, `.ods`). A workbook is
//! checked by the same loader as a JSON file (`dataset::parse`), and each problem is named by
//! its cell. The round trip is lossless: file → workbook → file gives the same dispute.

pub mod columns;
pub mod guard;
mod read;
mod write;

pub use read::{check, read, split, Checked, Read};
pub use write::{join, template, to_workbook, CELL_LIMIT};

/// Whether a file name is a workbook's, by its extension.
pub fn is_workbook(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|extension| name.ends_with(extension))
}
