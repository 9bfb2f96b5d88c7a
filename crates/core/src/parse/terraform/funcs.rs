//! Terraform's string and collection functions over known values: `format`, `join`, `split`,
//! `element`, `replace` (plain, not regex), `trimprefix`, `trimsuffix`, `trimspace`, `trim`,
//! `lower`, `upper`, `tostring`, `concat`, `coalesce`, `lookup`, `merge`, `one`, `try`,
//! `tolist`, `tomap`. Any other function is unknown.

use super::lit::Lit;
use super::module::Module;
use hcl_edit::expr::{Expression, FuncCall};

/// The value of a call whose arguments are all known.
pub(super) fn call(m: &Module, call: &FuncCall, depth: usize) -> Option<Lit> {
    if call.name.is_namespaced() {
        return None;
    }
    let args: Vec<&Expression> = call.args.iter().collect();
    if call.args.expand_final() {
        return None;
    }
    let arg = |i: usize| args.get(i).and_then(|e| m.literal(e, depth));
    let text = |i: usize| arg(i).and_then(Lit::into_string);
    let all = || {
        args.iter()
            .map(|e| m.literal(e, depth))
            .collect::<Option<Vec<_>>>()
    };
    Some(match (call.name.name.as_str(), args.len()) {
        ("tostring", 1) => match arg(0)? {
            Lit::Null => Lit::Null,
            v => Lit::Str(v.into_string()?),
        },
        ("lower", 1) => Lit::Str(text(0)?.to_lowercase()),
        ("upper", 1) => Lit::Str(text(0)?.to_uppercase()),
        ("trimspace", 1) => Lit::Str(text(0)?.trim().to_string()),
        ("trimprefix", 2) => {
            let (s, p) = (text(0)?, text(1)?);
            Lit::Str(s.strip_prefix(p.as_str()).unwrap_or(&s).to_string())
        }
        ("trimsuffix", 2) => {
            let (s, p) = (text(0)?, text(1)?);
            Lit::Str(s.strip_suffix(p.as_str()).unwrap_or(&s).to_string())
        }
        ("trim", 2) => {
            let (s, cut) = (text(0)?, text(1)?);
            Lit::Str(s.trim_matches(|c| cut.contains(c)).to_string())
        }
        ("replace", 3) => {
            let (s, from, to) = (text(0)?, text(1)?, text(2)?);
            if is_regex(&from) || from.is_empty() {
                return None;
            }
            Lit::Str(s.replace(&from, &to))
        }
        ("format", n) if n >= 1 => {
            let values = all()?;
            let (spec, rest) = values.split_first()?;
            Lit::Str(format(&spec.as_string()?, rest)?)
        }
        ("join", n) if n >= 2 => {
            let values = all()?;
            let (sep, lists) = values.split_first()?;
            let sep = sep.as_string()?;
            let mut parts = Vec::new();
            for list in lists {
                let Lit::List(items) = list else { return None };
                for item in items {
                    parts.push(item.as_string()?);
                }
            }
            Lit::Str(parts.join(&sep))
        }
        ("split", 2) => {
            let (sep, s) = (text(0)?, text(1)?);
            if sep.is_empty() {
                return None;
            }
            Lit::List(
                s.split(sep.as_str())
                    .map(|p| Lit::Str(p.to_string()))
                    .collect(),
            )
        }
        ("element", 2) => {
            let Lit::List(items) = arg(0)? else {
                return None;
            };
            let i = usize::try_from(arg(1)?.into_int()?).ok()?;
            items.get(i.checked_rem(items.len())?)?.clone()
        }
        ("concat", _) => {
            let mut out = Vec::new();
            for list in all()? {
                let Lit::List(items) = list else { return None };
                out.extend(items);
            }
            Lit::List(out)
        }
        ("coalesce", n) if n >= 1 => {
            // The first argument that is neither null nor an empty string; every argument
            // before it must be known.
            for i in 0..n {
                match arg(i)? {
                    Lit::Null => {}
                    Lit::Str(s) if s.is_empty() => {}
                    v => return Some(v),
                }
            }
            return None;
        }
        ("lookup", 2 | 3) => {
            let map = arg(0)?;
            let key = text(1)?;
            match map.get(&key) {
                Some(v) => v.clone(),
                None if args.len() == 3 => arg(2)?,
                None => return None,
            }
        }
        ("merge", _) => {
            let mut out: Vec<(String, Lit)> = Vec::new();
            for map in all()? {
                match map {
                    Lit::Map(entries) => {
                        for (k, v) in entries {
                            out.retain(|(old, _)| *old != k);
                            out.push((k, v));
                        }
                    }
                    Lit::Null => {}
                    _ => return None,
                }
            }
            Lit::Map(out)
        }
        ("one", 1) => match arg(0)? {
            Lit::List(items) if items.is_empty() => Lit::Null,
            Lit::List(mut items) if items.len() == 1 => items.pop()?,
            _ => return None,
        },
        // The first argument evaluates without error when it is known.
        ("try", n) if n >= 1 => arg(0)?,
        ("tolist", 1) => match arg(0)? {
            v @ Lit::List(_) => v,
            _ => return None,
        },
        ("tomap", 1) => match arg(0)? {
            v @ Lit::Map(_) => v,
            _ => return None,
        },
        _ => return None,
    })
}

/// True when a `replace` pattern is a regular expression (`/…/`).
pub(super) fn is_regex(pattern: &str) -> bool {
    pattern.len() >= 2 && pattern.starts_with('/') && pattern.ends_with('/')
}

/// `format(spec, values…)` with the verbs `%s`, `%d`, `%v` and `%%`; flags, widths and other
/// verbs are not evaluated.
fn format(spec: &str, values: &[Lit]) -> Option<String> {
    let mut out = String::new();
    let mut values = values.iter();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'v' => out.push_str(&values.next()?.as_string()?),
            'd' => match values.next()? {
                Lit::Num(n) => out.push_str(&n.as_i64()?.to_string()),
                _ => return None,
            },
            _ => return None,
        }
    }
    values.next().is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_plain_verbs_only() {
        let s = |v: &str| Lit::Str(v.into());
        assert_eq!(
            format("%s-%s-api", &[s("shop"), s("prod")]).as_deref(),
            Some("shop-prod-api")
        );
        assert_eq!(format("100%%", &[]).as_deref(), Some("100%"));
        assert_eq!(format("%5s", &[s("x")]), None);
        assert_eq!(format("%s", &[]), None);
        assert_eq!(format("%s", &[s("a"), s("b")]), None, "extra arguments");
    }

    #[test]
    fn regex_patterns_are_recognised() {
        assert!(is_regex("/^https?:\\/\\//"));
        assert!(!is_regex("https://"));
        assert!(!is_regex("/"));
    }
}
