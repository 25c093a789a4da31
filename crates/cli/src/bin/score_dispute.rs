//! `score-dispute FILE...`: drafts a dispute from the articles of each hand-made dispute file
//! (its sources' texts, nothing else of the file) and scores the draft against it: the parties in
//! the fight found under a name or alias (recall), the proposed parties in the fight
//! (precision), and those that are none of the file's parties, the events
//! proposed with the same date value and precision, the conflicts about figures and dates (all
//! required) and the others (half required). Exits 1 when the total misses a budget, 2 when a
//! file cannot be read or drafted from.

use dispute_core::draft::draft;
use dispute_core::draft::score::{articles_of, score, DraftScore, PARTY_PRECISION, PARTY_RECALL};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match dispute_cli::Args::parse(std::env::args().skip(1), &[]) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    if args.files.is_empty() || args.flag("--help") || args.flag("-h") {
        eprintln!("usage: score-dispute FILE...\nDrafts a dispute from each file's articles and scores it against the file.");
        return ExitCode::from(2);
    }
    let mut total = DraftScore::default();
    for path in &args.files {
        let hand = match std::fs::read(path)
            .map_err(|problem| problem.to_string())
            .and_then(dispute_core::dataset::text_of)
            .and_then(|text| {
                dispute_core::dataset::parse(&text).map_err(|errors| {
                    format!("{} problems, the first: {}", errors.len(), errors[0])
                })
            }) {
            Ok(dataset) => dataset.file,
            Err(problem) => {
                eprintln!("{path}: cannot be scored: {problem}");
                return ExitCode::from(2);
            }
        };
        let drafted = match draft(&articles_of(&hand), &[], &hand.as_of) {
            Ok(drafted) => drafted,
            Err(problem) => {
                eprintln!("{path}: no draft: {problem}");
                return ExitCode::from(2);
            }
        };
        let result = score(&hand, &drafted.file);
        println!("{path}:");
        print_score(&result, 1);
        total.add(result);
    }
    println!();
    println!("all files:");
    print_score(&total, args.files.len());
    if total.passes(args.files.len()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_score(score: &DraftScore, files: usize) {
    let verdict = |pass: bool| if pass { "PASS" } else { "FAIL" };
    let found = |list: &[(String, bool)]| list.iter().filter(|(_, found)| *found).count();
    let missed = |list: &[(String, bool)]| {
        list.iter()
            .filter(|(_, found)| !*found)
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "  parties in the fight     {:>3}/{:<3} recall {:.2}, budget ≥ {:.2}  {}{}",
        score.parties_found.len(),
        score.parties,
        score.recall(),
        PARTY_RECALL,
        verdict(score.recall() >= PARTY_RECALL),
        listed("missed", &score.parties_missed.join(", "))
    );
    println!(
        "  proposed in the fight    {:>3}/{:<3} precision {:.2}, budget ≥ {:.2}  {}",
        score.proposed_in_fight,
        score.proposed,
        score.precision(),
        PARTY_PRECISION,
        verdict(score.precision() >= PARTY_PRECISION),
    );
    println!(
        "  proposed non-parties     {:>3}     budget ≤ {:<8} {}{}",
        score.extra_parties.len(),
        2 * files,
        verdict(score.extra_parties.len() <= 2 * files),
        listed("", &score.extra_parties.join(", "))
    );
    println!(
        "  events, same date        {:>3}/{:<3} budget ≥ 80%     {}{}",
        score.events_found.len(),
        score.events,
        verdict(score.events_found.len() * 5 >= score.events * 4),
        listed("missed", &score.events_missed.join(", "))
    );
    println!(
        "  figure/timing conflicts  {:>3}/{:<3} budget all        {}{}",
        found(&score.required),
        score.required.len(),
        verdict(found(&score.required) == score.required.len()),
        listed("missed", &missed(&score.required))
    );
    println!(
        "  other conflicts          {:>3}/{:<3} budget ≥ half     {}{}",
        found(&score.others),
        score.others.len(),
        verdict(found(&score.others) * 2 >= score.others.len()),
        listed("missed", &missed(&score.others))
    );
}

fn listed(label: &str, items: &str) -> String {
    match (items.is_empty(), label.is_empty()) {
        (true, _) => String::new(),
        (false, true) => format!("  ({items})"),
        (false, false) => format!("  ({label}: {items})"),
    }
}
