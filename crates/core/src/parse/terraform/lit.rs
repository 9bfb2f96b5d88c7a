//! Statically known HCL values.

use hcl_edit::Number;

/// A statically known HCL value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Lit {
    Str(String),
    Num(Number),
    Bool(bool),
    Null,
    List(Vec<Lit>),
    /// An object or map, keys in the order written.
    Map(Vec<(String, Lit)>),
}

impl Lit {
    /// The value as Terraform would convert it to a string.
    pub fn into_string(self) -> Option<String> {
        match self {
            Lit::Str(s) => Some(s),
            Lit::Num(n) => Some(n.to_string()),
            Lit::Bool(b) => Some(b.to_string()),
            Lit::Null | Lit::List(_) | Lit::Map(_) => None,
        }
    }

    /// The value as a string, without consuming it.
    pub fn as_string(&self) -> Option<String> {
        self.clone().into_string()
    }

    /// The value as a whole number (Terraform converts numeric strings).
    pub fn into_int(self) -> Option<i64> {
        match self {
            Lit::Num(n) => n.as_i64(),
            Lit::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as a bool (Terraform converts `"true"` / `"false"`).
    pub fn into_bool(self) -> Option<bool> {
        match self {
            Lit::Bool(b) => Some(b),
            Lit::Str(s) => s.parse().ok(),
            _ => None,
        }
    }

    /// Attribute or key `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Lit> {
        match self {
            Lit::Map(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// `self[index]`: a list element by number, an object attribute by string.
    pub fn index(&self, index: &Lit) -> Option<&Lit> {
        match (self, index) {
            (Lit::List(items), _) => {
                let i = usize::try_from(index.clone().into_int()?).ok()?;
                items.get(i)
            }
            (Lit::Map(_), _) => self.get(&index.as_string()?),
            _ => None,
        }
    }

    /// A JSON value (a `.tfvars.json` file) as a literal.
    pub fn from_json(value: &serde_json::Value) -> Option<Lit> {
        use serde_json::Value;
        Some(match value {
            Value::Null => Lit::Null,
            Value::Bool(b) => Lit::Bool(*b),
            Value::Number(n) => Lit::Num(if let Some(i) = n.as_i64() {
                Number::from(i)
            } else if let Some(u) = n.as_u64() {
                Number::from(u)
            } else {
                Number::from_f64(n.as_f64()?)?
            }),
            Value::String(s) => Lit::Str(s.clone()),
            Value::Array(items) => {
                Lit::List(items.iter().map(Lit::from_json).collect::<Option<_>>()?)
            }
            Value::Object(map) => Lit::Map(
                map.iter()
                    .map(|(k, v)| Some((k.clone(), Lit::from_json(v)?)))
                    .collect::<Option<_>>()?,
            ),
        })
    }
}
