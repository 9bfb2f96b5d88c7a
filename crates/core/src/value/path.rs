//! Where a value sits in its document (`Origins.Items[0].Id`, `Resources/Dist/Properties/…`),
//! built without allocating for most fields.
//!
//! A document has a field for every key a rule may ask about, set or not, so paths are made far
//! more often than read (only findings, fixes and the trace read them). The fields of one object
//! share the object's path: an unset field holds the object's path itself and a set one the
//! object's path plus its key or index, written out as text only the first time it is read.

use serde::{Serialize, Serializer};
use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A path in a document. Reads as a `&str` (it derefs to one) and compares by its text.
#[derive(Default)]
pub struct FieldPath {
    repr: Repr,
    /// The text of a [`Repr::Key`] or [`Repr::Index`] path, once read.
    text: OnceCell<Box<str>>,
}

#[derive(Clone)]
enum Repr {
    /// A path written out when it was made.
    Owned(Box<str>),
    /// An object's path, shared by its fields.
    Shared(Arc<str>),
    /// `base`, `separator`, `key`.
    Key {
        base: Arc<str>,
        separator: char,
        key: &'static str,
    },
    /// `base` and a list index, as `base[i]` or (`slash`) `base/i`.
    Index {
        base: Arc<str>,
        index: u32,
        slash: bool,
    },
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Owned(Box::default())
    }
}

thread_local! {
    /// Where a path is written out before it is copied into its shared allocation.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

impl FieldPath {
    /// `base` followed by `separator` and `key`; `key` alone when `base` is empty.
    pub fn key(base: &FieldPath, separator: char, key: &'static str) -> Self {
        if base.is_empty() {
            return Self::from_repr(Repr::Owned(key.into()));
        }
        Self::from_repr(Repr::Key {
            base: base.shared(),
            separator,
            key,
        })
    }

    /// `base` followed by `separator` and a key read from the input (a logical id, a name):
    /// written out at once, in an allocation its own fields can share.
    pub fn named(base: &FieldPath, separator: char, name: &str) -> Self {
        let text = SCRATCH.with_borrow_mut(|scratch| {
            scratch.clear();
            scratch.push_str(base);
            if !base.is_empty() {
                scratch.push(separator);
            }
            scratch.push_str(name);
            Arc::from(scratch.as_str())
        });
        Self::from_repr(Repr::Shared(text))
    }

    /// `base` followed by list index `index`: `base[index]`, or `base/index` when `slash` (just
    /// `index` when `base` is empty).
    pub fn index(base: &FieldPath, index: usize, slash: bool) -> Self {
        match u32::try_from(index) {
            Ok(index) if !(slash && base.is_empty()) => Self::from_repr(Repr::Index {
                base: base.shared(),
                index,
                slash,
            }),
            _ => {
                let mut digits = itoa::Buffer::new();
                let digits = digits.format(index);
                let mut text = String::with_capacity(base.len() + digits.len() + 2);
                write_index(&mut text, base, digits, slash);
                text.into()
            }
        }
    }

    /// The same path, as one that fields can share without copying it.
    pub fn into_shared(self) -> Self {
        match self.repr {
            Repr::Shared(_) => self,
            _ => Self::from_repr(Repr::Shared(self.shared())),
        }
    }

    fn from_repr(repr: Repr) -> Self {
        Self {
            repr,
            text: OnceCell::new(),
        }
    }

    /// The path's text in a shared allocation (a new one unless the path is already shared).
    fn shared(&self) -> Arc<str> {
        match &self.repr {
            Repr::Shared(text) => Arc::clone(text),
            _ => SCRATCH.with_borrow_mut(|scratch| {
                scratch.clear();
                self.write_to(scratch);
                Arc::from(scratch.as_str())
            }),
        }
    }

    fn write_to(&self, out: &mut String) {
        match &self.repr {
            Repr::Owned(text) => out.push_str(text),
            Repr::Shared(text) => out.push_str(text),
            Repr::Key {
                base,
                separator,
                key,
            } => {
                out.push_str(base);
                out.push(*separator);
                out.push_str(key);
            }
            Repr::Index { base, index, slash } => {
                let mut digits = itoa::Buffer::new();
                write_index(out, base, digits.format(*index), *slash);
            }
        }
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        match &self.repr {
            Repr::Owned(text) => text,
            Repr::Shared(text) => text,
            _ => self.text.get_or_init(|| {
                let mut text = String::new();
                self.write_to(&mut text);
                text.into_boxed_str()
            }),
        }
    }
}

fn write_index(out: &mut String, base: &str, digits: &str, slash: bool) {
    out.push_str(base);
    if !slash {
        out.push('[');
        out.push_str(digits);
        out.push(']');
    } else {
        if !base.is_empty() {
            out.push('/');
        }
        out.push_str(digits);
    }
}

impl Clone for FieldPath {
    /// Clones the parts, not the text written out from them.
    fn clone(&self) -> Self {
        Self::from_repr(self.repr.clone())
    }
}

impl Deref for FieldPath {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for FieldPath {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for FieldPath {
    fn from(text: String) -> Self {
        Self::from_repr(Repr::Owned(text.into_boxed_str()))
    }
}

impl From<&str> for FieldPath {
    fn from(text: &str) -> Self {
        Self::from_repr(Repr::Owned(text.into()))
    }
}

impl From<&String> for FieldPath {
    fn from(text: &String) -> Self {
        text.as_str().into()
    }
}

impl From<&FieldPath> for FieldPath {
    fn from(path: &FieldPath) -> Self {
        path.clone()
    }
}

impl From<FieldPath> for String {
    fn from(path: FieldPath) -> Self {
        match path.repr {
            Repr::Owned(text) => text.into(),
            _ => path.as_str().to_string(),
        }
    }
}

impl PartialEq for FieldPath {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FieldPath {}

impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for FieldPath {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Hash for FieldPath {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for FieldPath {
    /// Writes the path out without keeping the text (`to_string` allocates once).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Owned(text) => f.write_str(text),
            Repr::Shared(text) => f.write_str(text),
            Repr::Key {
                base,
                separator,
                key,
            } => write!(f, "{base}{separator}{key}"),
            Repr::Index { base, index, slash } => match (slash, base.is_empty()) {
                (false, _) => write!(f, "{base}[{index}]"),
                (true, true) => write!(f, "{index}"),
                (true, false) => write!(f, "{base}/{index}"),
            },
        }
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_indexes_read_as_their_dialects_write_them() {
        let origins = FieldPath::from("Origins");
        let items = FieldPath::key(&origins, '.', "Items").into_shared();
        let first = FieldPath::index(&items, 0, false).into_shared();
        assert_eq!(FieldPath::key(&first, '.', "Id"), "Origins.Items[0].Id");
        let resources = FieldPath::from("Resources/Dist");
        assert_eq!(FieldPath::index(&resources, 12, true), "Resources/Dist/12");
        assert_eq!(FieldPath::index(&FieldPath::default(), 3, true), "3");
        assert_eq!(FieldPath::index(&FieldPath::default(), 3, false), "[3]");
        assert_eq!(
            FieldPath::key(&FieldPath::default(), '/', "Resources"),
            "Resources"
        );
        // Written out without keeping the text, a path reads the same.
        for path in [
            FieldPath::key(&first, '.', "Id"),
            FieldPath::index(&resources, 12, true),
            FieldPath::index(&items, 7, false),
            FieldPath::index(&FieldPath::from("").into_shared(), 3, false),
            FieldPath::named(&resources, '/', "Api"),
            first,
        ] {
            assert_eq!(path.to_string(), path.as_str());
        }
    }

    #[test]
    fn clones_share_the_base_and_compare_by_text() {
        let base = FieldPath::from("A/B").into_shared();
        let a = FieldPath::key(&base, '/', "C");
        let b = FieldPath::from("A/B/C".to_string());
        assert_eq!(a, b);
        assert_eq!(a.clone().as_str(), "A/B/C");
        assert_eq!(String::from(a.clone()), "A/B/C");
        assert_eq!(format!("{a} {a:?}"), "A/B/C \"A/B/C\"");
        assert_ne!(a, FieldPath::key(&base, '/', "D"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"A/B/C\"");
    }
}
