//! The rule set's identity: which rules run, at which default severity, with which kind of fix.
//!
//! Two builds with the same [`rule_set_id`] run the same rules by default, so CI can pin it and
//! notice when an upgrade changes what is checked. It is derived from the registry (FNV-1a over
//! each rule's slug, default severity and fix availability, in registry order), so it cannot be
//! forgotten when a rule is added.

use crate::rules;

/// Eight hex digits naming the rule set.
pub fn rule_set_id() -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for rule in rules::all() {
        let fields = [
            rule.slug,
            rule.default_severity.as_str(),
            match rule.fix {
                super::FixAvailability::None => "none",
                super::FixAvailability::Safe => "safe",
                super::FixAvailability::Unsafe => "unsafe",
            },
        ];
        for field in fields {
            for byte in field.bytes().chain([0]) {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
    }
    format!("{hash:08x}")
}

/// `rule set 1a2b3c4d (83 rules)`.
pub fn describe_rule_set() -> String {
    format!("rule set {} ({} rules)", rule_set_id(), rules::all().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_stable_and_names_the_count() {
        let id = rule_set_id();
        assert_eq!(id.len(), 8);
        assert_eq!(id, rule_set_id());
        assert!(describe_rule_set().ends_with(&format!("({} rules)", rules::all().len())));
    }
}
