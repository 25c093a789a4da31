//! What the command-line tools share: reading their arguments, and the known parties a
//! suggestion command is given (`--dispute FILE` or `--parties FILE`).

use dispute_core::suggest::{Known, KnownParty};
use serde_json::Value;

/// Options with a value (`--parties FILE`), flags (`--json`) and the files after them.
#[derive(Debug, Default)]
pub struct Args {
    pub options: Vec<(String, String)>,
    pub flags: Vec<String>,
    pub files: Vec<String>,
}

impl Args {
    /// Reads `args`; `valued` lists the options that take a value. Any other `--word` is a
    /// flag.
    pub fn parse(args: impl Iterator<Item = String>, valued: &[&str]) -> Result<Args, String> {
        let mut parsed = Args::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            if valued.contains(&arg.as_str()) {
                let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                parsed.options.push((arg, value));
            } else if arg.starts_with("--") || arg == "-h" {
                parsed.flags.push(arg);
            } else {
                parsed.files.push(arg);
            }
        }
        Ok(parsed)
    }

    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(option, _)| option == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|flag| flag == name)
    }
}

/// The known parties (and contracts) from `--dispute FILE` or `--parties FILE`, or none.
pub fn known_from_args(args: &Args) -> Result<Known, String> {
    match (args.option("--dispute"), args.option("--parties")) {
        (Some(_), Some(_)) => Err("give --dispute or --parties, not both".to_owned()),
        (Some(path), None) => known_of_dispute(path),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path)
                .map_err(|problem| format!("{path}: cannot be read: {problem}"))?;
            parties_of_json(&text).map_err(|problem| format!("{path}: {problem}"))
        }
        (None, None) => Ok(Known::default()),
    }
}

/// The parties and contracts of a dispute file (JSON or a workbook), checked as any file is.
pub fn known_of_dispute(path: &str) -> Result<Known, String> {
    let bytes =
        std::fs::read(path).map_err(|problem| format!("{path}: cannot be read: {problem}"))?;
    let dataset = if dispute_sheet::is_workbook(path) {
        dispute_sheet::check(&bytes)
            .map(|checked| checked.dataset)
            .map_err(|problems| problems.join("\n  "))
    } else {
        dispute_core::dataset::text_of(bytes).and_then(|text| {
            dispute_core::dataset::parse(&text).map_err(|errors| {
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n  ")
            })
        })
    }
    .map_err(|problem| format!("{path}: not a valid dispute file:\n  {problem}"))?;
    Ok(Known::of_file(&dataset.file))
}

/// Known parties from a JSON array of `{"id", "name", "aliases"?, "kind"?}`.
pub fn parties_of_json(text: &str) -> Result<Known, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|problem| format!("not JSON: {problem}"))?;
    let entries = value
        .as_array()
        .ok_or("must be a JSON array of {\"id\", \"name\", \"aliases\"}")?;
    let mut parties = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let field = |name: &str| {
            entry
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("entry {index}: \"{name}\" is missing or not text"))
        };
        let id = field("id")?;
        if !dispute_core::model::is_valid_id(&id) {
            return Err(format!(
                "entry {index}: \"{id}\" is not an id (lowercase letters, digits and single hyphens, starting with a letter)"
            ));
        }
        let name = field("name")?;
        let aliases = match entry.get("aliases") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(aliases)) => aliases
                .iter()
                .map(|alias| {
                    alias
                        .as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| format!("entry {index}: every alias must be text"))
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(format!("entry {index}: \"aliases\" must be an array")),
        };
        let person = entry.get("kind").and_then(Value::as_str) == Some("person");
        parties.push(KnownParty {
            id,
            name,
            aliases,
            person,
        });
    }
    Ok(Known {
        parties,
        contracts: Vec::new(),
    })
}

/// Today's date (UTC) as `YYYY-MM-DD`, for a draft's `as_of`.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let (year, month, day) = civil_date(seconds / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's days-to-civil algorithm).
fn civil_date(days: u64) -> (i64, u32, u32) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(super::civil_date(0), (1970, 1, 1));
        assert_eq!(super::civil_date(19_782), (2024, 2, 29));
        assert_eq!(super::civil_date(20_791), (2026, 12, 4));
    }
}
