//! Moving every position of an API model by a fixed amount.
//!
//! A definition is read from its own text, so its spans are local to it. When several files
//! are read as one buffer (each file starting on a line of its own), [`Shift::shift`] by the
//! byte offset and the number of lines before the file makes them point into that buffer.

use super::model::{
    Api, ApiModel, Authorizer, Cors, DomainName, FunctionUrl, Gap, Mapping, Route, Stage,
};
use crate::span::Span;
use crate::value::Field;

/// How far a text starts into a larger buffer: its first byte and the lines before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Offset {
    pub bytes: usize,
    pub lines: u32,
}

/// Something whose spans can be moved by an [`Offset`].
pub trait Shift {
    /// Adds `by` to every span. Spans without a position (line 0) stay as they are.
    fn shift(&mut self, by: Offset);
}

impl Shift for Span {
    fn shift(&mut self, by: Offset) {
        if self.line == 0 {
            return;
        }
        self.start += by.bytes;
        self.end += by.bytes;
        self.line += by.lines;
        self.end_line += by.lines;
    }
}

impl<T: Shift> Shift for Field<T> {
    fn shift(&mut self, by: Offset) {
        self.span.shift(by);
        if let crate::value::Val::Known(v) = &mut self.val {
            v.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: Offset) {
        for item in self {
            item.shift(by);
        }
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: Offset) {
        if let Some(v) = self {
            v.shift(by);
        }
    }
}

/// Values without spans of their own.
macro_rules! no_spans {
    ($($t:ty),*) => {
        $(impl Shift for $t {
            fn shift(&mut self, _by: Offset) {}
        })*
    };
}

no_spans!(
    String,
    bool,
    i64,
    super::model::RouteKey,
    super::model::Authorization,
    super::model::AuthorizerKind,
    super::model::IdentitySource
);

/// Shifts the listed fields of a struct.
macro_rules! shift_fields {
    ($t:ty: $($field:ident),*) => {
        impl Shift for $t {
            fn shift(&mut self, by: Offset) {
                $(self.$field.shift(by);)*
            }
        }
    };
}

shift_fields!(ApiModel: apis, domains, mappings, function_urls);
shift_fields!(Api: span, api_id, title, endpoint_types, disable_execute_api_endpoint,
    api_key_source, route_selection_expression, stages, resources, routes, authorizers, cors,
    gaps);
shift_fields!(Gap: span);
shift_fields!(Stage: span, stage_name, auto_deploy);
shift_fields!(Route: span, key, authorization, authorizer, authorization_scopes,
    api_key_required, integration);
shift_fields!(Authorizer: span, display_name, kind, identity_sources, result_ttl);
shift_fields!(Cors: span, allow_origins, allow_methods, allow_headers, expose_headers,
    allow_credentials, max_age);
shift_fields!(DomainName: span, domain_name, endpoint_types);
shift_fields!(Mapping: span, domain_name, stage, base_path);
shift_fields!(FunctionUrl: span, auth_type, invoke_mode, cors);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{List, Unknown};

    const BY: Offset = Offset {
        bytes: 100,
        lines: 7,
    };

    /// A span of two lines: bytes 5..40, line 3 column 4 to line 4 column 2.
    fn span() -> Span {
        Span {
            start: 5,
            end: 40,
            line: 3,
            column: 4,
            end_line: 4,
            end_column: 2,
        }
    }

    /// `span()` moved by `BY`: bytes and lines move, columns stay.
    fn moved() -> Span {
        Span {
            start: 105,
            end: 140,
            line: 10,
            column: 4,
            end_line: 11,
            end_column: 2,
        }
    }

    #[test]
    fn a_span_moves_by_bytes_and_lines() {
        let mut s = span();
        s.shift(BY);
        assert_eq!(s, moved());
    }

    #[test]
    fn a_span_without_a_position_stays() {
        let mut s = Span::default();
        s.shift(BY);
        assert_eq!(s, Span::default());
    }

    #[test]
    fn a_list_moves_with_its_items() {
        let mut list: List = Field::known(
            vec![Field::known("GET".to_string(), span(), "m[0]")],
            span(),
            "m",
        );
        list.shift(BY);
        assert_eq!(list.span, moved());
        assert_eq!(list.get().expect("known")[0].span, moved());
    }

    #[test]
    fn unknown_and_optional_fields_move_too() {
        let mut unknown: Field<String> =
            Field::unknown(Unknown::Expression("var.x".into()), span(), "x");
        unknown.shift(BY);
        assert_eq!(unknown.span, moved());
        let mut some = Some(Field::known(true, span(), "b"));
        some.shift(BY);
        assert_eq!(some.expect("some").span, moved());
    }
}
