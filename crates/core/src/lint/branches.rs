//! Merging the findings of the combinations of a template's condition values.
//!
//! A template whose model depends on conditions it leaves open is parsed into one document per
//! combination ([`Document::variants`]). Each is linted; a finding is identified by its rule,
//! position and message. One found in every combination where its distribution exists is
//! reported as it is; one found in some names them in its message ("… (when condition
//! `UseCustomDomain` is true)") and its fix, which changes the text of every combination,
//! becomes unsafe. No finding is reported twice.

use super::finding::Finding;
use crate::model::{ConditionValue, Document};
use std::collections::HashMap;

/// Most terms a description lists before it only counts the combinations.
const MAX_TERMS: usize = 3;

/// The findings of every combination (`per_variant[i]` for `docs[i]`), merged.
pub(super) fn merge(docs: &[&Document], per_variant: Vec<Vec<Finding>>) -> Vec<Finding> {
    let mut order: Vec<(Finding, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(String, usize, usize, String), usize> = HashMap::new();
    for (variant, findings) in per_variant.into_iter().enumerate() {
        for finding in findings {
            let key = (
                finding.rule.to_string(),
                finding.span.start,
                finding.span.end,
                finding.message.clone(),
            );
            match index.get(&key) {
                Some(&i) => {
                    if let Some((_, seen)) = order.get_mut(i) {
                        if !seen.contains(&variant) {
                            seen.push(variant);
                        }
                    }
                }
                None => {
                    index.insert(key, order.len());
                    order.push((finding, vec![variant]));
                }
            }
        }
    }
    order
        .into_iter()
        .map(|(mut finding, inside)| {
            let outside: Vec<&[ConditionValue]> = docs
                .iter()
                .enumerate()
                .filter(|(i, d)| {
                    !inside.contains(i)
                        && d.distributions
                            .iter()
                            .any(|x| x.name == finding.distribution)
                })
                .map(|(_, d)| d.conditions.as_slice())
                .collect();
            if !outside.is_empty() {
                let inside: Vec<&[ConditionValue]> = inside
                    .iter()
                    .filter_map(|i| docs.get(*i).map(|d| d.conditions.as_slice()))
                    .collect();
                let when = describe(&inside, &outside, docs.len());
                finding.message.push_str(&format!(" ({when})"));
                if let Some(fix) = finding.fix.as_mut() {
                    fix.safe = false;
                    fix.description
                        .push_str(&format!(" (the finding holds only {when})"));
                }
            }
            finding
        })
        .collect()
}

/// A condition's value, as a literal of a description.
type Literal<'a> = (&'a str, bool);

/// Words for the combinations `inside` (of `total`) as opposed to `outside`: "when condition
/// `A` is true", "when condition `A` is true and `B` is false, or when `C` is true", or "in 3
/// of 8 combinations of the template's conditions".
fn describe(inside: &[&[ConditionValue]], outside: &[&[ConditionValue]], total: usize) -> String {
    // An outside combination that did not decide a condition may have it either way.
    let separates = |conj: &[Literal]| {
        let may_match = |v: &[ConditionValue]| {
            conj.iter()
                .all(|(n, b)| v.iter().all(|c| c.name != *n || c.value == *b))
        };
        !outside.iter().any(|v| may_match(v))
    };
    let covers = |conj: &[Literal]| {
        inside.iter().all(|v| {
            conj.iter()
                .all(|(n, b)| v.iter().any(|c| c.name == *n && c.value == *b))
        })
    };
    // Literals of the inside combinations, free ones first.
    let mut literals: Vec<(Literal, bool)> = Vec::new();
    for v in inside {
        for c in *v {
            let l = (c.name.as_str(), c.value);
            if !literals.iter().any(|(x, _)| *x == l) {
                literals.push((l, c.free));
            }
        }
    }
    literals.sort_by_key(|(_, free)| !free);
    let literals: Vec<Literal> = literals.into_iter().map(|(l, _)| l).collect();
    for a in &literals {
        if covers(&[*a]) && separates(&[*a]) {
            return phrase(&[vec![*a]]);
        }
    }
    for (i, a) in literals.iter().enumerate() {
        for b in literals.iter().skip(i + 1) {
            if a.0 != b.0 && covers(&[*a, *b]) && separates(&[*a, *b]) {
                return phrase(&[vec![*a, *b]]);
            }
        }
    }
    // One term per inside combination, each cut to what still excludes the outside ones.
    let mut terms: Vec<Vec<Literal>> = Vec::new();
    for v in inside {
        let mut keep = vec![true; v.len()];
        // Try dropping forced values first, then the latest decisions.
        let mut order: Vec<usize> = (0..v.len()).rev().collect();
        order.sort_by_key(|i| v.get(*i).is_some_and(|c| c.free));
        let term_of = |keep: &[bool]| -> Vec<Literal> {
            v.iter()
                .zip(keep)
                .filter(|(_, k)| **k)
                .map(|(c, _)| (c.name.as_str(), c.value))
                .collect()
        };
        for i in order {
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
            let term = term_of(&keep);
            if term.is_empty() || !separates(&term) {
                if let Some(k) = keep.get_mut(i) {
                    *k = true;
                }
            }
        }
        let term = term_of(&keep);
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    // A term that includes another is covered by it.
    let kept: Vec<Vec<Literal>> = terms
        .iter()
        .filter(|t| {
            !terms
                .iter()
                .any(|o| o.len() < t.len() && o.iter().all(|l| t.contains(l)))
        })
        .cloned()
        .collect();
    if kept.len() <= MAX_TERMS {
        phrase(&kept)
    } else {
        format!(
            "in {} of {total} combinations of the template's conditions",
            inside.len()
        )
    }
}

/// "when condition `A` is true and `B` is false, or when `C` is true".
fn phrase(terms: &[Vec<Literal>]) -> String {
    let mut out = String::from("when condition");
    for (t, term) in terms.iter().enumerate() {
        if t > 0 {
            out.push_str(", or when");
        }
        for (i, (name, value)) in term.iter().enumerate() {
            if i > 0 {
                out.push_str(" and");
            }
            out.push_str(&format!(" `{name}` is {value}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(list: &[(&str, bool, bool)]) -> Vec<ConditionValue> {
        list.iter()
            .map(|(n, v, free)| ConditionValue {
                name: n.to_string(),
                value: *v,
                free: *free,
            })
            .collect()
    }

    #[test]
    fn one_condition_names_itself() {
        let t = values(&[("UseDomain", true, true), ("NoDomain", false, false)]);
        let f = values(&[("UseDomain", false, true), ("NoDomain", true, false)]);
        assert_eq!(
            describe(&[&t], &[&f], 2),
            "when condition `UseDomain` is true"
        );
        assert_eq!(
            describe(&[&f], &[&t], 2),
            "when condition `UseDomain` is false"
        );
    }

    #[test]
    fn nested_and_scattered_combinations() {
        let tt = values(&[("A", true, true), ("B", true, true)]);
        let tf = values(&[("A", true, true), ("B", false, true)]);
        let f = values(&[("A", false, true)]);
        assert_eq!(
            describe(&[&tt], &[&tf, &f], 3),
            "when condition `A` is true and `B` is true"
        );
        // (B is true when A is false too: both are inside.)
        assert_eq!(
            describe(&[&tt, &f], &[&tf], 3),
            "when condition `B` is true, or when `A` is false"
        );
        assert_eq!(
            describe(&[&tt, &tf], &[&f], 3),
            "when condition `A` is true"
        );
    }

    #[test]
    fn many_terms_are_counted() {
        let all: Vec<Vec<ConditionValue>> = (0..16)
            .map(|n| {
                values(&[
                    ("A", n & 1 == 0, true),
                    ("B", n & 2 == 0, true),
                    ("C", n & 4 == 0, true),
                    ("D", n & 8 == 0, true),
                ])
            })
            .collect();
        // Odd parity: no short description.
        let (inside, outside): (Vec<&[ConditionValue]>, Vec<&[ConditionValue]>) = all
            .iter()
            .enumerate()
            .map(|(n, v)| (n.count_ones() % 2 == 1, v.as_slice()))
            .fold((Vec::new(), Vec::new()), |(mut i, mut o), (odd, v)| {
                if odd {
                    i.push(v)
                } else {
                    o.push(v)
                }
                (i, o)
            });
        assert_eq!(
            describe(&inside, &outside, 16),
            "in 8 of 16 combinations of the template's conditions"
        );
    }
}
