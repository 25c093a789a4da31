//! The semantic pass: everything that needs the whole file to check, one function per kind of
//! entry. Every error names its JSON path and the offending value.

use super::decode::Decoded;
use super::{error, verbatim, ValidationError};
use crate::model::{
    is_valid_id, parse_calendar_value, Attribution, DisputeFile, EntityKind, Modality,
    ReportedDate, Source, Statement, SCHEMA_VERSION,
};
use std::collections::{HashMap, HashSet};

/// What every kind's check looks things up in.
struct Context<'a> {
    file: &'a DisputeFile,
    origin: &'a HashMap<&'static str, Vec<usize>>,
    references: References<'a>,
    sources: HashMap<&'a str, &'a Source>,
    statements: HashMap<&'a str, &'a Statement>,
    source_indexes: HashMap<&'a str, verbatim::TextIndex<'a>>,
}

impl Context<'_> {
    /// An entry's path in the file as written, counting entries that failed to decode.
    fn path(&self, collection: &str, position: usize) -> String {
        let original = self
            .origin
            .get(collection)
            .and_then(|positions| positions.get(position))
            .copied()
            .unwrap_or(position);
        format!("{collection}[{original}]")
    }

    fn quote(&self, errors: &mut Vec<ValidationError>, at: &str, quote: &str, source: &str) {
        check_quote(
            errors,
            at,
            quote,
            self.sources.get(source).copied(),
            self.source_indexes.get(source),
        );
    }
}

pub(super) fn check(decoded: &Decoded, errors: &mut Vec<ValidationError>) {
    let file = &decoded.file;
    top_level(file, &decoded.unreadable, errors);
    let ids = ids(file, &decoded.origin, errors);
    let context = Context {
        file,
        origin: &decoded.origin,
        references: References {
            ids: &ids,
            broken: &decoded.broken_ids,
        },
        sources: file
            .sources
            .iter()
            .map(|source| (source.id.as_str(), source))
            .collect(),
        statements: file
            .statements
            .iter()
            .map(|statement| (statement.id.as_str(), statement))
            .collect(),
        source_indexes: verbatim::index_sources(file),
    };
    dispute(&context, errors);
    sources(&context, errors);
    parties(&context, errors);
    contracts(&context, errors);
    clauses(&context, errors);
    statements(&context, errors);
    events(&context, errors);
    conflicts(&context, errors);
    tour(&context, errors);
}

fn top_level(
    file: &DisputeFile,
    unreadable: &HashSet<&'static str>,
    errors: &mut Vec<ValidationError>,
) {
    if file.schema != SCHEMA_VERSION && !file.schema.is_empty() {
        errors.push(error(
            "schema",
            format!(
                "\"{}\" is not supported; this build reads \"{SCHEMA_VERSION}\"",
                file.schema
            ),
        ));
    }
    match parse_calendar_value(&file.as_of) {
        Ok((_, 3)) => {}
        _ if file.as_of.is_empty() => {}
        _ => errors.push(error(
            "as_of",
            format!("\"{}\" is not a date in the form YYYY-MM-DD", file.as_of),
        )),
    }
    for (key, text) in [("title", &file.title), ("summary", &file.summary)] {
        if !unreadable.contains(key) {
            require_text(errors, key, text);
        }
    }
}

/// Every id: its syntax, and that it is unique across the whole file, broken entries included.
/// Returns each id's kind and where it is.
fn ids(
    file: &DisputeFile,
    origin: &HashMap<&'static str, Vec<usize>>,
    errors: &mut Vec<ValidationError>,
) -> HashMap<String, (EntityKind, String)> {
    let mut ids: HashMap<String, (EntityKind, String)> = HashMap::new();
    for (kind, position, id) in file.entity_ids() {
        let at = match kind {
            EntityKind::Dispute => "dispute".to_owned(),
            _ => {
                let original = origin
                    .get(kind.collection())
                    .and_then(|positions| positions.get(position))
                    .copied()
                    .unwrap_or(position);
                format!("{}[{original}]", kind.collection())
            }
        };
        if !is_valid_id(id) {
            errors.push(error(
                format!("{at}.id"),
                format!("\"{id}\" is not a valid id: use lowercase letters, digits and single hyphens, starting with a letter"),
            ));
        }
        if let Some((_, first)) = ids.get(id) {
            errors.push(error(
                format!("{at}.id"),
                format!("\"{id}\" is already the id of {first}"),
            ));
        } else {
            ids.insert(id.to_owned(), (kind, at));
        }
    }
    ids
}

fn dispute(context: &Context, errors: &mut Vec<ValidationError>) {
    let references = &context.references;
    let dispute = &context.file.dispute;
    require_text(errors, "dispute.title", &dispute.title);
    require_text(errors, "dispute.claim", &dispute.claim);
    require_text(errors, "dispute.summary", &dispute.summary);
    require_nonempty(
        errors,
        "dispute.claimants",
        dispute.claimants.len(),
        "claimant",
    );
    require_nonempty(
        errors,
        "dispute.respondents",
        dispute.respondents.len(),
        "respondent",
    );
    require_nonempty(errors, "dispute.sources", dispute.sources.len(), "source");
    let lists = [
        (
            "dispute.claimants",
            ids_of(&dispute.claimants),
            EntityKind::Party,
        ),
        (
            "dispute.respondents",
            ids_of(&dispute.respondents),
            EntityKind::Party,
        ),
        (
            "dispute.contracts",
            ids_of(&dispute.contracts),
            EntityKind::Contract,
        ),
        (
            "dispute.clauses",
            ids_of(&dispute.clauses),
            EntityKind::Clause,
        ),
        (
            "dispute.sources",
            ids_of(&dispute.sources),
            EntityKind::Source,
        ),
    ];
    for (at, ids, kind) in lists {
        references.each(errors, at, ids.into_iter(), kind);
    }
}

/// A list of typed ids as plain strings.
fn ids_of<T: AsRef<str>>(ids: &[T]) -> Vec<&str> {
    ids.iter().map(AsRef::as_ref).collect()
}

fn sources(context: &Context, errors: &mut Vec<ValidationError>) {
    for (position, source) in context.file.sources.iter().enumerate() {
        let at = context.path("sources", position);
        require_text(errors, &format!("{at}.title"), &source.title);
        if let Some(short) = &source.short_title {
            require_text(errors, &format!("{at}.short_title"), short);
        }
        if let Some(url) = &source.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                errors.push(error(
                    format!("{at}.url"),
                    format!(
                        "\"{url}\" is not a web address: it must start with https:// or http://"
                    ),
                ));
            }
        }
        context.references.each(
            errors,
            &format!("{at}.cites"),
            source.cites.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
        if source.cites.iter().any(|cited| cited == &source.id) {
            errors.push(error(
                format!("{at}.cites"),
                format!("\"{}\" cites itself", source.id),
            ));
        }
        if let Some(date) = &source.published {
            check_date(
                errors,
                &context.references,
                &format!("{at}.published"),
                date,
            );
        }
        if source
            .text
            .as_deref()
            .is_some_and(|text| text.trim().is_empty())
        {
            errors.push(error(
                format!("{at}.text"),
                "is empty; leave it out if the file does not hold the text",
            ));
        }
    }
}

fn parties(context: &Context, errors: &mut Vec<ValidationError>) {
    for (position, party) in context.file.parties.iter().enumerate() {
        let at = context.path("parties", position);
        require_text(errors, &format!("{at}.name"), &party.name);
        require_text(errors, &format!("{at}.role"), &party.role);
        require_text(errors, &format!("{at}.summary"), &party.summary);
        require_nonempty(
            errors,
            &format!("{at}.sources"),
            party.sources.len(),
            "source",
        );
        context.references.each(
            errors,
            &format!("{at}.sources"),
            party.sources.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
    }
}

fn contracts(context: &Context, errors: &mut Vec<ValidationError>) {
    for (position, contract) in context.file.contracts.iter().enumerate() {
        let at = context.path("contracts", position);
        require_text(errors, &format!("{at}.title"), &contract.title);
        require_text(errors, &format!("{at}.summary"), &contract.summary);
        if contract.parties.len() < 2 {
            errors.push(error(
                format!("{at}.parties"),
                format!(
                    "an agreement needs at least two parties, found {}",
                    contract.parties.len()
                ),
            ));
        }
        require_distinct(
            errors,
            &format!("{at}.parties"),
            contract.parties.iter().map(|id| id.as_str()),
        );
        context.references.each(
            errors,
            &format!("{at}.parties"),
            contract.parties.iter().map(|id| id.as_str()),
            EntityKind::Party,
        );
        require_nonempty(
            errors,
            &format!("{at}.sources"),
            contract.sources.len(),
            "source",
        );
        context.references.each(
            errors,
            &format!("{at}.sources"),
            contract.sources.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
        if let Some(date) = &contract.date {
            check_date(errors, &context.references, &format!("{at}.date"), date);
        }
    }
}

fn clauses(context: &Context, errors: &mut Vec<ValidationError>) {
    let references = &context.references;
    for (position, clause) in context.file.clauses.iter().enumerate() {
        let at = context.path("clauses", position);
        require_text(errors, &format!("{at}.title"), &clause.title);
        require_text(errors, &format!("{at}.question"), &clause.question);
        references.one(
            errors,
            &format!("{at}.contract"),
            clause.contract.as_str(),
            EntityKind::Contract,
        );
        require_nonempty(
            errors,
            &format!("{at}.wording"),
            clause.wording.len(),
            "reported wording",
        );
        for (index, wording) in clause.wording.iter().enumerate() {
            let wording_at = format!("{at}.wording[{index}]");
            if references.one(
                errors,
                &format!("{wording_at}.source"),
                wording.source.as_str(),
                EntityKind::Source,
            ) {
                context.quote(
                    errors,
                    &format!("{wording_at}.quote"),
                    &wording.quote,
                    wording.source.as_str(),
                );
            }
        }
        for (index, reading) in clause.readings.iter().enumerate() {
            let reading_at = format!("{at}.readings[{index}]");
            references.one(
                errors,
                &format!("{reading_at}.party"),
                reading.party.as_str(),
                EntityKind::Party,
            );
            require_text(errors, &format!("{reading_at}.position"), &reading.position);
            require_nonempty(
                errors,
                &format!("{reading_at}.statements"),
                reading.statements.len(),
                "supporting statement",
            );
            references.each(
                errors,
                &format!("{reading_at}.statements"),
                reading.statements.iter().map(|id| id.as_str()),
                EntityKind::Statement,
            );
            // A reading stated as fact must rest on the party saying so itself, on the record.
            let own_word = |statement: &&Statement| {
                statement.modality == Modality::Asserted
                    && statement.speaker.party.as_ref() == Some(&reading.party)
                    && matches!(
                        statement.attribution,
                        Attribution::OnRecord | Attribution::Spokesperson
                    )
            };
            let backing: Vec<&Statement> = reading
                .statements
                .iter()
                .filter_map(|id| context.statements.get(id.as_str()).copied())
                .collect();
            if reading.modality == Modality::Asserted
                && backing.len() == reading.statements.len()
                && !backing.iter().any(own_word)
            {
                errors.push(error(
                    format!("{reading_at}.modality"),
                    format!(
                        "\"asserted\" needs at least one asserted statement by \"{}\" itself, on record or through a spokesperson; none of its {} statement{} is one. Mark the reading speculative, or add such a statement",
                        reading.party,
                        backing.len(),
                        if backing.len() == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
    }
}

fn statements(context: &Context, errors: &mut Vec<ValidationError>) {
    let references = &context.references;
    for (position, statement) in context.file.statements.iter().enumerate() {
        let at = context.path("statements", position);
        require_text(
            errors,
            &format!("{at}.speaker.description"),
            &statement.speaker.description,
        );
        require_text(errors, &format!("{at}.summary"), &statement.summary);
        if let Some(party) = &statement.speaker.party {
            references.one(
                errors,
                &format!("{at}.speaker.party"),
                party.as_str(),
                EntityKind::Party,
            );
        }
        let source_known = references.one(
            errors,
            &format!("{at}.source"),
            statement.source.as_str(),
            EntityKind::Source,
        );
        if let Some(cited) = &statement.cites {
            if references.one(
                errors,
                &format!("{at}.cites"),
                cited.as_str(),
                EntityKind::Source,
            ) {
                if let Some(source) = context.sources.get(statement.source.as_str()) {
                    if !source.cites.contains(cited) {
                        errors.push(error(
                            format!("{at}.cites"),
                            format!("\"{cited}\" is not among the sources that \"{}\" cites; add it to that source's cites", source.id),
                        ));
                    }
                }
            }
        }
        require_nonempty(
            errors,
            &format!("{at}.about"),
            statement.about.len(),
            "entity it is about",
        );
        references.each_any(
            errors,
            &format!("{at}.about"),
            statement.about.iter().map(|id| id.as_str()),
        );
        if source_known {
            context.quote(
                errors,
                &format!("{at}.quote"),
                &statement.quote,
                statement.source.as_str(),
            );
        }
    }
}

fn events(context: &Context, errors: &mut Vec<ValidationError>) {
    let references = &context.references;
    let mut previous_dated: Option<((u16, u8, u8), String)> = None;
    for (position, event) in context.file.events.iter().enumerate() {
        let at = context.path("events", position);
        require_text(errors, &format!("{at}.title"), &event.title);
        require_text(errors, &format!("{at}.summary"), &event.summary);
        check_date(errors, references, &format!("{at}.date"), &event.date);
        references.each(
            errors,
            &format!("{at}.parties"),
            event.parties.iter().map(|id| id.as_str()),
            EntityKind::Party,
        );
        references.each(
            errors,
            &format!("{at}.contracts"),
            event.contracts.iter().map(|id| id.as_str()),
            EntityKind::Contract,
        );
        require_nonempty(
            errors,
            &format!("{at}.sources"),
            event.sources.len(),
            "source",
        );
        references.each(
            errors,
            &format!("{at}.sources"),
            event.sources.iter().map(|id| id.as_str()),
            EntityKind::Source,
        );
        // The timeline shows events in file order, so dated events must already be in date order.
        if let Some(key) = event.date.sort_key() {
            if let Some((previous_key, previous_id)) = &previous_dated {
                if key < *previous_key {
                    errors.push(error(
                        format!("{at}.date.value"),
                        format!(
                            "\"{}\" comes before the date of the earlier event \"{previous_id}\"; list events in date order",
                            event.date.value.as_deref().unwrap_or_default()
                        ),
                    ));
                }
            }
            previous_dated = Some((key, event.id.0.clone()));
        }
    }
}

fn conflicts(context: &Context, errors: &mut Vec<ValidationError>) {
    let references = &context.references;
    for (position, conflict) in context.file.conflicts.iter().enumerate() {
        let at = context.path("conflicts", position);
        require_text(errors, &format!("{at}.title"), &conflict.title);
        require_text(errors, &format!("{at}.difference"), &conflict.difference);
        if conflict.sides.len() < 2 {
            errors.push(error(
                format!("{at}.sides"),
                format!(
                    "a conflict needs at least two sides, found {}",
                    conflict.sides.len()
                ),
            ));
        }
        references.each_any(
            errors,
            &format!("{at}.about"),
            conflict.about.iter().map(|id| id.as_str()),
        );
        for (index, side) in conflict.sides.iter().enumerate() {
            let side_at = format!("{at}.sides[{index}]");
            require_text(errors, &format!("{side_at}.position"), &side.position);
            references.one(
                errors,
                &format!("{side_at}.source"),
                side.source.as_str(),
                EntityKind::Source,
            );
            require_nonempty(
                errors,
                &format!("{side_at}.statements"),
                side.statements.len(),
                "statement",
            );
            references.each(
                errors,
                &format!("{side_at}.statements"),
                side.statements.iter().map(|id| id.as_str()),
                EntityKind::Statement,
            );
            let backing: Vec<&Statement> = side
                .statements
                .iter()
                .filter_map(|id| context.statements.get(id.as_str()).copied())
                .collect();
            for (statement_index, id) in side.statements.iter().enumerate() {
                let Some(statement) = context.statements.get(id.as_str()) else {
                    continue;
                };
                // A statement whose own source is unknown has its error already; comparing
                // that unknown source with the side's would only repeat it.
                let known = context.sources.contains_key(statement.source.as_str());
                if known && statement.source != side.source {
                    errors.push(error(
                        format!("{side_at}.statements[{statement_index}]"),
                        format!(
                            "\"{id}\" is reported in \"{}\", not in this side's source \"{}\"",
                            statement.source, side.source
                        ),
                    ));
                }
            }
            // A side stated as fact must rest on at least one statement its source states as fact.
            if side.modality == Some(Modality::Asserted)
                && backing.len() == side.statements.len()
                && !backing.is_empty()
                && backing
                    .iter()
                    .all(|statement| statement.modality != Modality::Asserted)
            {
                errors.push(error(
                    format!("{side_at}.modality"),
                    format!(
                        "\"asserted\" needs at least one asserted statement among the side's statements; all {} hedge. Mark the side speculative",
                        backing.len()
                    ),
                ));
            }
            for (highlight_index, phrase) in side.highlight.iter().enumerate() {
                let found = backing
                    .iter()
                    .any(|statement| statement.quote.contains(phrase.as_str()));
                if phrase.trim().is_empty() {
                    errors.push(error(
                        format!("{side_at}.highlight[{highlight_index}]"),
                        "must not be empty",
                    ));
                } else if !found {
                    errors.push(error(
                        format!("{side_at}.highlight[{highlight_index}]"),
                        format!("\"{phrase}\" is not found verbatim in the quote of any of the side's statements"),
                    ));
                }
            }
        }
    }
}

fn tour(context: &Context, errors: &mut Vec<ValidationError>) {
    let references = &context.references;
    for (position, step) in context.file.tour.iter().enumerate() {
        let at = context.path("tour", position);
        require_text(errors, &format!("{at}.title"), &step.title);
        require_text(errors, &format!("{at}.text"), &step.text);
        references.one_any(errors, &format!("{at}.entity"), step.entity.as_str());
        require_nonempty(
            errors,
            &format!("{at}.statements"),
            step.statements.len(),
            "statement backing its text",
        );
        references.each(
            errors,
            &format!("{at}.statements"),
            step.statements.iter().map(|id| id.as_str()),
            EntityKind::Statement,
        );
    }
}

/// Looks ids up for reference checks, staying quiet about ids of entries that failed to decode
/// (their own error is already reported).
pub(super) struct References<'a> {
    pub ids: &'a HashMap<String, (EntityKind, String)>,
    pub broken: &'a HashSet<String>,
}

impl References<'_> {
    /// Checks one reference; returns whether it resolved to an entity of the wanted kind.
    fn one(
        &self,
        errors: &mut Vec<ValidationError>,
        at: &str,
        id: &str,
        wanted: EntityKind,
    ) -> bool {
        match self.ids.get(id) {
            Some((kind, _)) if *kind == wanted => true,
            Some((kind, where_it_is)) => {
                errors.push(error(
                    at,
                    format!(
                        "\"{id}\" is a {} ({where_it_is}), not a {}",
                        kind.as_str(),
                        wanted.as_str()
                    ),
                ));
                false
            }
            None if self.broken.contains(id) => false,
            None => {
                errors.push(error(
                    at,
                    format!("no {} with id \"{id}\"", wanted.as_str()),
                ));
                false
            }
        }
    }

    fn each<'b>(
        &self,
        errors: &mut Vec<ValidationError>,
        at: &str,
        ids: impl Iterator<Item = &'b str>,
        wanted: EntityKind,
    ) {
        for (index, id) in ids.enumerate() {
            self.one(errors, &format!("{at}[{index}]"), id, wanted);
        }
    }

    /// Checks a reference to an entity of any kind.
    fn one_any(&self, errors: &mut Vec<ValidationError>, at: &str, id: &str) {
        if !self.ids.contains_key(id) && !self.broken.contains(id) {
            errors.push(error(at, format!("no entity with id \"{id}\"")));
        }
    }

    fn each_any<'b>(
        &self,
        errors: &mut Vec<ValidationError>,
        at: &str,
        ids: impl Iterator<Item = &'b str>,
    ) {
        for (index, id) in ids.enumerate() {
            self.one_any(errors, &format!("{at}[{index}]"), id);
        }
    }
}

fn require_text(errors: &mut Vec<ValidationError>, at: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(error(at, "must not be empty"));
    }
}

fn require_nonempty(errors: &mut Vec<ValidationError>, at: &str, count: usize, what: &str) {
    if count == 0 {
        errors.push(error(at, format!("needs at least one {what}")));
    }
}

fn require_distinct<'a>(
    errors: &mut Vec<ValidationError>,
    at: &str,
    ids: impl Iterator<Item = &'a str>,
) {
    let mut seen = Vec::new();
    for (index, id) in ids.enumerate() {
        if seen.contains(&id) {
            errors.push(error(
                format!("{at}[{index}]"),
                format!("\"{id}\" is listed twice"),
            ));
        }
        seen.push(id);
    }
}

fn check_date(
    errors: &mut Vec<ValidationError>,
    references: &References<'_>,
    at: &str,
    date: &ReportedDate,
) {
    for (field, message) in date.problems() {
        errors.push(error(format!("{at}.{field}"), message));
    }
    if let Some(source) = &date.relative_to {
        references.one(
            errors,
            &format!("{at}.relative_to"),
            source.as_str(),
            EntityKind::Source,
        );
    }
}

/// A quote must stand in its source's text character for character. `index` is the text's
/// index, when it is quoted often enough to have one.
fn check_quote(
    errors: &mut Vec<ValidationError>,
    at: &str,
    quote: &str,
    source: Option<&Source>,
    index: Option<&verbatim::TextIndex>,
) {
    let Some(source) = source else { return };
    if quote.trim().is_empty() {
        errors.push(error(at, "must not be empty"));
        return;
    }
    let Some(text) = source.text.as_deref() else {
        errors.push(error(
            at,
            format!("source \"{}\" holds no text to quote from", source.id),
        ));
        return;
    };
    let found = match index {
        Some(index) => index.contains(quote),
        None => text.contains(quote),
    };
    if found {
        return;
    }
    let shown = if quote.chars().count() > 60 {
        format!("{}…", quote.chars().take(60).collect::<String>())
    } else {
        quote.to_owned()
    };
    let hint = if fold_typography(text).contains(&fold_typography(quote)) {
        " (it differs only in quotes, dashes, hyphens or spaces: copy those characters from the source exactly)"
    } else {
        ""
    };
    errors.push(error(
        at,
        format!(
            "\"{shown}\" is not found verbatim in source \"{}\"{hint}",
            source.id
        ),
    ));
}

/// Maps typographic variants to plain ASCII, only to explain a near miss.
fn fold_typography(text: &str) -> String {
    text.chars()
        .map(|character| match character {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
            other => other,
        })
        .collect()
}
