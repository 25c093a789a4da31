//! A workbook looked over before it is read: what could make reading it exhaust memory or do
//! what a workbook never needs is refused first, with a word that names what and where. A zip
//! bomb (a small file whose sheet inflates to gigabytes) is stopped by its declared sizes and,
//! since declared sizes can lie, by counting the bytes as they inflate; XML with a document
//! type (the way to entity expansion), links to other workbooks, encryption and zip files of
//! something else are refused too.

use std::io::{Cursor, Read};
use zip::ZipArchive;

/// No sheet of a real workbook comes near this once inflated.
pub const ENTRY_LIMIT: u64 = 64 * 1024 * 1024;
/// Nor does a whole workbook.
pub const TOTAL_LIMIT: u64 = 256 * 1024 * 1024;
/// Real sheets shrink perhaps twenty times in a zip; a part that shrinks more than this (and is
/// large) is built to explode.
pub const RATIO_LIMIT: u64 = 200;
/// Below this inflated size a part's ratio does not matter: it cannot do harm.
const RATIO_FLOOR: u64 = 1024 * 1024;
/// How much of an XML part is looked at for a document type declaration (the prolog).
const PROLOG: usize = 64 * 1024;

fn megabytes(bytes: u64) -> u64 {
    bytes / (1024 * 1024)
}

/// A part of the workbook as a reader knows it: "the Statements sheet", "the shared strings".
struct Labels {
    sheets: Vec<(String, String)>,
}

impl Labels {
    fn of(&self, part: &str) -> String {
        if let Some((name, _)) = self
            .sheets
            .iter()
            .find(|(_, target)| part.ends_with(target.trim_start_matches('/')))
        {
            return format!("the {name} sheet");
        }
        match part {
            "xl/sharedStrings.xml" => "the workbook's shared text".to_owned(),
            "content.xml" => "the spreadsheet's content".to_owned(),
            _ => format!("the part {part}"),
        }
    }
}

/// Refuses what should not be read; `Ok` for a workbook that may be. `bytes` are the file's.
pub fn look_over(bytes: &[u8]) -> Result<(), String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An old .xls, or the container Excel wraps an encrypted .xlsx in (whose stream is
        // named "EncryptedPackage").
        return if contains_utf16(bytes, "EncryptedPackage") {
            Err("the workbook is encrypted (protected by a password); save a copy without a password and open that".to_owned())
        } else {
            Ok(())
        };
    }
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|problem| {
        format!("the file is a damaged zip archive, not a workbook this app can open ({problem})")
    })?;
    let names: Vec<String> = (0..archive.len())
        .filter_map(|index| {
            archive
                .name_for_index(index)?
                .ok()
                .map(|name| name.into_owned())
        })
        .collect();
    let is_xlsx = names.iter().any(|name| name == "[Content_Types].xml");
    let is_ods = names
        .iter()
        .any(|name| name == "mimetype" || name == "content.xml");
    if !is_xlsx && !is_ods {
        let sample: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
        return Err(format!(
            "the file is a zip archive of something else (it holds {}), not a workbook; open a .xlsx, .xls or .ods file",
            if sample.is_empty() { "nothing".to_owned() } else { sample.join(", ") }
        ));
    }
    if let Some(link) = names
        .iter()
        .find(|name| name.starts_with("xl/externalLinks/"))
    {
        return Err(format!(
            "the workbook links to other workbooks ({link}); the app opens only self-contained workbooks, so remove the links (Data → Edit Links → Break Link) and save again"
        ));
    }
    // The declared sizes first: most bombs are refused before a byte is inflated.
    let mut declared_total: u64 = 0;
    let mut parts = Vec::new();
    for index in 0..archive.len() {
        let file = archive
            .by_index_raw(index)
            .map_err(|problem| format!("the workbook's part {index} cannot be read ({problem})"))?;
        let name = file.name().map(|name| name.to_string()).unwrap_or_default();
        if file.encrypted() {
            return Err("the workbook is encrypted (protected by a password); save a copy without a password and open that".to_owned());
        }
        parts.push((index, name, file.size(), file.compressed_size()));
    }
    let labels = Labels {
        sheets: sheet_targets(&mut archive, &parts),
    };
    for (_, name, size, compressed) in &parts {
        declared_total += size;
        check_size(&labels.of(name), *size, *compressed)?;
        if declared_total > TOTAL_LIMIT {
            return Err(format!(
                "the workbook expands to more than {} MB in all; this is not a workbook the app can open",
                megabytes(TOTAL_LIMIT)
            ));
        }
    }
    // Then the actual bytes, counted as they inflate: a part that lies about its size is
    // stopped at the limit, never inflated whole.
    let mut total: u64 = 0;
    for (index, name, declared, compressed) in &parts {
        let label = labels.of(name);
        let mut file = archive
            .by_index(*index)
            .map_err(|problem| format!("{label} cannot be read ({problem})"))?;
        let limit = (*declared).min(ENTRY_LIMIT);
        let mut prolog = Vec::new();
        let mut inflated: u64 = 0;
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let read = file.read(&mut buffer).map_err(|problem| {
                format!(
                    "{} does not inflate as it declares ({problem}); the file is damaged or built to mislead, and is not opened",
                    capitalised(&label)
                )
            })?;
            if read == 0 {
                break;
            }
            if (name.ends_with(".xml") || name.ends_with(".rels")) && prolog.len() < PROLOG {
                let room = PROLOG - prolog.len();
                prolog.extend_from_slice(&buffer[..read.min(room)]);
            }
            inflated += read as u64;
            total += read as u64;
            if inflated > limit {
                return Err(if inflated > ENTRY_LIMIT {
                    format!(
                        "{} expands to more than {} MB; this is not a workbook the app can open",
                        capitalised(&label),
                        megabytes(ENTRY_LIMIT)
                    )
                } else {
                    format!("{} inflates to more than the {declared} bytes it declares; the file is damaged or built to mislead, and is not opened", capitalised(&label))
                });
            }
            if total > TOTAL_LIMIT {
                return Err(format!(
                    "the workbook expands to more than {} MB in all; this is not a workbook the app can open",
                    megabytes(TOTAL_LIMIT)
                ));
            }
            check_size(&label, inflated, *compressed)?;
        }
        if declares_a_document_type(&prolog) {
            return Err(format!(
                "{} holds a document type declaration (<!DOCTYPE> or <!ENTITY>), which workbooks never need; this is not a workbook the app can open",
                capitalised(&label)
            ));
        }
    }
    Ok(())
}

fn check_size(label: &str, size: u64, compressed: u64) -> Result<(), String> {
    if size > ENTRY_LIMIT {
        return Err(format!(
            "{} expands to more than {} MB; this is not a workbook the app can open",
            capitalised(label),
            megabytes(ENTRY_LIMIT)
        ));
    }
    if size > RATIO_FLOOR && size / compressed.max(1) > RATIO_LIMIT {
        return Err(format!(
            "{} expands {} times from its compressed size, more than any real workbook (at most {RATIO_LIMIT}); this is not a workbook the app can open",
            capitalised(label),
            size / compressed.max(1)
        ));
    }
    Ok(())
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
}

/// Whether an XML prolog declares a document type or entities.
fn declares_a_document_type(prolog: &[u8]) -> bool {
    let upper: Vec<u8> = prolog.iter().map(u8::to_ascii_uppercase).collect();
    upper.windows(9).any(|window| window == b"<!DOCTYPE")
        || upper.windows(8).any(|window| window == b"<!ENTITY")
}

/// Whether `bytes` hold `word` in UTF-16 (the names inside an OLE container).
fn contains_utf16(bytes: &[u8], word: &str) -> bool {
    let wanted: Vec<u8> = word.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes
        .windows(wanted.len())
        .any(|window| window == wanted.as_slice())
}

/// The sheets' names and the parts that hold them, from the workbook's own index, read only
/// when those small parts are themselves of a sane size.
fn sheet_targets(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    parts: &[(usize, String, u64, u64)],
) -> Vec<(String, String)> {
    let mut read_small = |wanted: &str| -> Option<String> {
        let (index, _, size, _) = parts.iter().find(|(_, name, ..)| name == wanted)?;
        if *size > 4 * 1024 * 1024 {
            return None;
        }
        let mut text = String::new();
        archive
            .by_index(*index)
            .ok()?
            .take(4 * 1024 * 1024)
            .read_to_string(&mut text)
            .ok()?;
        Some(text)
    };
    let (Some(workbook), Some(relations)) = (
        read_small("xl/workbook.xml"),
        read_small("xl/_rels/workbook.xml.rels"),
    ) else {
        return Vec::new();
    };
    let attribute = |element: &str, name: &str| -> Option<String> {
        let start = element.find(&format!("{name}=\""))? + name.len() + 2;
        let end = element[start..].find('"')? + start;
        Some(element[start..end].to_owned())
    };
    let targets: Vec<(String, String)> = relations
        .split("<Relationship ")
        .skip(1)
        .filter_map(|element| Some((attribute(element, "Id")?, attribute(element, "Target")?)))
        .collect();
    workbook
        .split("<sheet ")
        .skip(1)
        .filter_map(|element| {
            let name = attribute(element, "name")?;
            let id = attribute(element, "r:id")?;
            let target = targets
                .iter()
                .find(|(relation, _)| *relation == id)
                .map(|(_, target)| target.clone())?;
            Some((name, target))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// A zip of `parts` (name, bytes), deflated.
    fn zipped(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, bytes) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn workbook_parts(sheet: Vec<u8>) -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("[Content_Types].xml", b"<Types/>".to_vec()),
            ("xl/workbook.xml", b"<workbook><sheets><sheet name=\"Statements\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_vec()),
            ("xl/_rels/workbook.xml.rels", b"<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_vec()),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
    }

    #[test]
    fn a_sheet_that_inflates_too_far_is_refused_by_name() {
        let bomb = zipped(&workbook_parts(vec![b'0'; 80 * 1024 * 1024]));
        assert!(
            bomb.len() < 1024 * 1024,
            "the bomb is small: {} bytes",
            bomb.len()
        );
        let problem = look_over(&bomb).unwrap_err();
        assert!(
            problem.starts_with("The Statements sheet expands to more than 64 MB"),
            "{problem}"
        );
    }

    #[test]
    fn a_part_that_lies_about_its_size_is_stopped_while_it_inflates() {
        let mut bomb = zipped(&workbook_parts(vec![b'0'; 20 * 1024 * 1024]));
        // Declare the sheet 1,000 bytes, in its local header and in the central directory.
        let name = b"xl/worksheets/sheet1.xml";
        let mut at = 0;
        while let Some(found) = bomb[at..]
            .windows(name.len())
            .position(|window| window == name)
        {
            let start = at + found;
            let header = if bomb[start - 30..start - 26] == [0x50, 0x4b, 0x03, 0x04] {
                Some(start - 30 + 22)
            } else if start >= 46 && bomb[start - 46..start - 42] == [0x50, 0x4b, 0x01, 0x02] {
                Some(start - 46 + 24)
            } else {
                None
            };
            if let Some(size) = header {
                bomb[size..size + 4].copy_from_slice(&1000u32.to_le_bytes());
            }
            at = start + name.len();
        }
        let problem = look_over(&bomb).unwrap_err();
        assert!(
            problem.starts_with("The Statements sheet")
                && (problem.contains("does not inflate as it declares")
                    || problem.contains("more than the 1000 bytes it declares")),
            "{problem}"
        );
    }

    #[test]
    fn what_a_workbook_never_holds_is_refused() {
        let mut doctype = workbook_parts(
            b"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet/>".to_vec(),
        );
        doctype.truncate(4);
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("doctype", zipped(&doctype), "document type declaration"),
            (
                "external link",
                zipped(&[
                    ("[Content_Types].xml", b"<Types/>".to_vec()),
                    (
                        "xl/externalLinks/externalLink1.xml",
                        b"<externalLink/>".to_vec(),
                    ),
                ]),
                "links to other workbooks",
            ),
            (
                "a zip of something else",
                zipped(&[
                    ("photo.jpg", vec![1, 2, 3]),
                    ("notes.txt", b"hello".to_vec()),
                ]),
                "zip archive of something else (it holds photo.jpg, notes.txt)",
            ),
            (
                "encrypted",
                [
                    &[0xD0, 0xCF, 0x11, 0xE0][..],
                    &"EncryptedPackage"
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes)
                        .collect::<Vec<u8>>(),
                ]
                .concat(),
                "encrypted",
            ),
        ];
        for (name, bytes, expected) in cases {
            let problem = look_over(&bytes).unwrap_err();
            assert!(problem.contains(expected), "{name}: {problem}");
        }
    }

    #[test]
    fn an_honest_workbook_passes() {
        let template = crate::template();
        assert_eq!(look_over(&template), Ok(()));
    }
}
