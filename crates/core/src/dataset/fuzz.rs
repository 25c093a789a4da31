//! The loader against hostile input: whatever the text, `parse` returns a value, never panics,
//! and every rejection carries at least one error. The real file is the seed of the corpus:
//! most cases are edits of it, so they reach deep into validation rather than failing at the
//! first brace. `./dev fuzz` runs these with many more cases than the default.

use super::parse;
use proptest::prelude::*;
use serde_json::Value;

fn bundled() -> Value {
    serde_json::from_str(crate::BUNDLED_DISPUTE).unwrap()
}

fn rejects_cleanly(text: &str) -> Result<(), TestCaseError> {
    if let Err(errors) = parse(text) {
        prop_assert!(!errors.is_empty(), "a rejection without an error");
        for error in &errors {
            prop_assert!(
                !error.path.is_empty() && !error.message.is_empty(),
                "an error without a path or message: {error:?}"
            );
        }
    }
    Ok(())
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|number| Value::from(number)),
        any::<f64>()
            .prop_filter("finite", |number| number.is_finite())
            .prop_map(|number| Value::from(number)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("microsoft"),
            Just("azure-stateless-exclusivity"),
            Just("day"),
            Just("2025-13"),
            Just("")
        ]
        .prop_map(|text| Value::String(text.to_owned())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Replaces the value found by following `steps` (each picks a child by index) with `new`.
fn replace_at(value: &mut Value, steps: &[usize], new: Value) {
    let child = match (value, steps.first()) {
        (Value::Array(items), Some(step)) if !items.is_empty() => {
            let index = step % items.len();
            &mut items[index]
        }
        (Value::Object(fields), Some(step)) if !fields.is_empty() => {
            let index = step % fields.len();
            fields.values_mut().nth(index).unwrap()
        }
        (value, _) => {
            *value = new;
            return;
        }
    };
    replace_at(child, &steps[1..], new);
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        rejects_cleanly(&text)?;
    }

    #[test]
    fn edits_of_the_real_file_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, any::<char>()), 1..12)) {
        let mut characters: Vec<char> = crate::BUNDLED_DISPUTE.chars().collect();
        for (at, operation, character) in edits {
            let position = at.index(characters.len().max(1));
            match operation {
                0 if !characters.is_empty() => { characters.remove(position); }
                1 => characters.insert(position, character),
                _ if !characters.is_empty() => characters[position] = character,
                _ => {}
            }
        }
        rejects_cleanly(&characters.into_iter().collect::<String>())?;
    }

    #[test]
    fn structural_changes_of_the_real_file_never_panic(changes in prop::collection::vec((prop::collection::vec(any::<usize>(), 0..6), json_value()), 1..5)) {
        let mut value = bundled();
        for (steps, new) in changes {
            replace_at(&mut value, &steps, new);
        }
        rejects_cleanly(&value.to_string())?;
    }
}
