//! The readers' building blocks on real HCL: which references they follow, where values sit and
//! what their paths are. Terraform semantics as documented in the language reference:
//! references to named values (`<TYPE>.<NAME>.<ATTR>`, `var.`, `local.`, `data.`, …,
//! <https://developer.hashicorp.com/terraform/language/expressions/references>), a template
//! that is a single interpolation (`"${…}"`) being the value itself (HCL's "Template
//! Interpolation Unwrapping", <https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md>)
//! and local values (<https://developer.hashicorp.com/terraform/language/values/locals>).

use super::*;
use crate::value::Val;
use std::collections::HashMap;

/// `text` parsed as one HCL file.
fn parse(text: &str) -> Body {
    hcl_edit::parser::parse_body(text).expect("test HCL parses")
}

/// The expression of attribute `key` of `body`.
fn expr<'b>(body: &'b Body, key: &str) -> &'b Expression {
    attr(body, key).expect("attribute is set")
}

/// Runs `f` with a context over `text`, placed after `prefix` in the buffer of all files (as
/// the second file of a module would be), the module being `text` alone.
fn with_ctx<R>(prefix: &str, text: &str, f: impl FnOnce(&Ctx, &Body) -> R) -> R {
    let body = parse(text);
    let buffer = format!("{prefix}{text}");
    let idx = LineIndex::new(&buffer);
    let module = Module::new([&body], HashMap::new());
    let expressions = RefCell::new(Vec::new());
    let ctx = Ctx {
        module: &module,
        idx: &idx,
        text,
        base: prefix.len(),
        expressions: &expressions,
    };
    f(&ctx, &body)
}

#[test]
fn a_reference_may_be_bare_parenthesised_or_a_lone_interpolation() {
    let body = parse(concat!(
        "bare = aws_s3_bucket.site.id\n",
        "paren = (aws_s3_bucket.site.id)\n",
        "legacy = \"${aws_s3_bucket.site.id}\"\n",
        "built = \"${aws_s3_bucket.site.id}-logs\"\n",
        "literal = \"site\"\n",
        "number = 3\n",
    ));
    for key in ["bare", "paren", "legacy"] {
        let t = traversal(expr(&body, key)).expect(key);
        assert_eq!(
            ref_chain(t),
            Some(vec!["aws_s3_bucket", "site", "id"]),
            "{key}"
        );
    }
    // A template with more than the interpolation builds a new string: not a reference.
    for key in ["built", "literal", "number"] {
        assert!(traversal(expr(&body, key)).is_none(), "{key}");
    }
}

#[test]
fn a_reference_chain_skips_indexes_and_stops_at_splats() {
    let body = parse(concat!(
        "counted = aws_cloudfront_cache_policy.api[0].id\n",
        "keyed = data.aws_cloudfront_cache_policy.x[\"a\"].id\n",
        "splat = aws_cloudfront_cache_policy.api[*].id\n",
        "legacy_splat = aws_cloudfront_cache_policy.api.*.id\n",
    ));
    let chain = |key: &str| traversal(expr(&body, key)).and_then(ref_chain);
    assert_eq!(
        chain("counted"),
        Some(vec!["aws_cloudfront_cache_policy", "api", "id"])
    );
    assert_eq!(
        chain("keyed"),
        Some(vec!["data", "aws_cloudfront_cache_policy", "x", "id"])
    );
    // A splat stands for every instance's value, a list: not one resource's attribute.
    assert_eq!(chain("splat"), None);
    assert_eq!(chain("legacy_splat"), None);
}

#[test]
fn a_resource_address_needs_a_resource_type_a_name_and_an_attribute() {
    let body = parse(concat!(
        "res = aws_api_gateway_rest_api.api.root_resource_id\n",
        "counted = aws_api_gateway_rest_api.api[0].id\n",
        "whole = aws_api_gateway_rest_api.api\n",
        "variable = var.api.id\n",
        "data = data.aws_api_gateway_rest_api.api\n",
        "local = local.apis.main\n",
        "module = module.api.id\n",
        "literal = \"aws_api_gateway_rest_api.api.id\"\n",
    ));
    let address = |key: &str| resource_address(expr(&body, key));
    assert_eq!(
        address("res").as_deref(),
        Some("aws_api_gateway_rest_api.api")
    );
    assert_eq!(
        address("counted").as_deref(),
        Some("aws_api_gateway_rest_api.api")
    );
    // The roots Terraform reserves name no resource (the references page lists them).
    for key in ["whole", "variable", "data", "local", "module", "literal"] {
        assert_eq!(address(key), None, "{key}");
    }
}

#[test]
fn attributes_and_blocks_are_found_by_name() {
    let body = parse(concat!(
        "name = \"a\"\n",
        "origin { domain_name = \"first\" }\n",
        "default_cache_behavior { target_origin_id = \"x\" }\n",
        "origin { domain_name = \"second\" }\n",
    ));
    assert!(matches!(attr(&body, "name"), Some(Expression::String(s)) if s.as_str() == "a"));
    assert!(attr(&body, "missing").is_none());
    let behavior = block(&body, "default_cache_behavior").expect("block");
    assert_eq!(behavior.ident.as_str(), "default_cache_behavior");
    // The first of repeated blocks.
    let origin = block(&body, "origin").expect("block");
    assert!(matches!(
        attr(&origin.body, "domain_name"),
        Some(Expression::String(s)) if s.as_str() == "first"
    ));
    assert!(block(&body, "viewer_certificate").is_none());
}

#[test]
fn spans_are_placed_in_the_buffer_of_all_files() {
    let prefix = "# main.tf\nx = 1\n";
    let text = "a = 1\nname = var.name\n";
    with_ctx(prefix, text, |ctx, body| {
        let e = expr(body, "name");
        let span = ctx.span_of(e);
        let start = prefix.len() + text.find("var.name").expect("in text");
        assert_eq!((span.start, span.end), (start, start + "var.name".len()));
        assert_eq!((span.line, span.column), (4, 8));
        assert_eq!(ctx.text_of(e), "var.name");
    });
}

#[test]
fn only_values_written_as_expressions_are_noted() {
    let text = "lit = \"a\"\nneg = -1\nref = var.name\nsum = 1 + 1\n";
    with_ctx("", text, |ctx, body| {
        for key in ["lit", "neg"] {
            let span = ctx.value_span(expr(body, key));
            assert_eq!(ctx.text_of(expr(body, key)), &text[span.start..span.end]);
        }
        assert!(ctx.expressions.borrow().is_empty());
        let r = ctx.value_span(expr(body, "ref"));
        let s = ctx.value_span(expr(body, "sum"));
        assert_eq!(&text[r.start..r.end], "var.name");
        assert_eq!(*ctx.expressions.borrow(), vec![r.start, s.start]);
    });
}

#[test]
fn an_unknown_keeps_its_text_its_place_and_its_path() {
    let text = "origin_id = format(\"%s-api\",\n  var.name)\n";
    with_ctx("", text, |ctx, body| {
        let e = expr(body, "origin_id");
        let field: Field<String> = ctx.unknown(e, "origin.origin_id".to_string());
        assert_eq!(
            field.val,
            Val::Unknown(Unknown::Expression(normalize(ctx.text_of(e))))
        );
        assert!(
            matches!(&field.val, Val::Unknown(Unknown::Expression(t)) if t.starts_with("format("))
        );
        assert_eq!(field.span, ctx.span_of(e));
        assert_eq!(field.path, "origin.origin_id");
        assert_eq!(*ctx.expressions.borrow(), vec![field.span.start]);
    });
}

#[test]
fn locations_name_nested_and_repeated_blocks() {
    let text = "resource \"aws_cloudfront_distribution\" \"d\" {\n  origin {}\n  origin {}\n  restrictions {}\n}\n";
    with_ctx("", text, |ctx, body| {
        let dist = block(body, "resource").expect("block");
        let at = Loc {
            span: ctx.span_of(dist),
            path: "aws_cloudfront_distribution.d".to_string(),
        };
        let second = dist.body.blocks().nth(1).expect("second origin");
        let item = at.item(ctx, second, "origin", 1);
        assert_eq!(item.path, "aws_cloudfront_distribution.d.origin[1]");
        assert_eq!(item.span, ctx.span_of(second));
        assert_eq!(item.span.line, 3);
        let restrictions = block(&dist.body, "restrictions").expect("block");
        let child = at.child(ctx, restrictions, "restrictions");
        assert_eq!(child.path, "aws_cloudfront_distribution.d.restrictions");
        assert_eq!(child.span.line, 4);
        assert_eq!(
            child.key("geo"),
            "aws_cloudfront_distribution.d.restrictions.geo"
        );
        let absent: Field<String> = child.absent();
        assert_eq!(absent.val, Val::Absent);
        assert_eq!(
            (absent.span, absent.path.to_string()),
            (child.span, child.path)
        );
    });
}

#[test]
fn literals_are_evaluated_by_the_module() {
    let text = "locals { stage = \"prod\" }\nname = local.stage\nref = var.unset\n";
    with_ctx("", text, |ctx, body| {
        assert_eq!(
            ctx.literal(expr(body, "name"), 0),
            Some(Lit::Str("prod".to_string()))
        );
        assert_eq!(ctx.literal(expr(body, "ref"), 0), None);
    });
}

#[test]
fn chains_of_locals_are_followed_to_what_they_stand_for() {
    let text = concat!(
        "locals {\n",
        "  policy = aws_cloudfront_cache_policy.api.id\n",
        "  alias = local.policy\n",
        "  ids = [aws_cloudfront_cache_policy.api.id]\n",
        "}\n",
        "direct = local.alias\n",
        "indexed = local.ids[0]\n",
        "missing = local.nothing\n",
        "other = var.policy\n",
    );
    with_ctx("", text, |ctx, body| {
        let target = ctx.through_locals(expr(body, "direct"));
        assert_eq!(ctx.text_of(target), "aws_cloudfront_cache_policy.api.id");
        // `local.ids[0]` is an item of the local, not the local itself: it stays as written.
        for key in ["indexed", "missing", "other"] {
            let e = expr(body, key);
            assert!(std::ptr::eq(ctx.through_locals(e), e), "{key}");
        }
    });
}

#[test]
fn a_field_is_known_unknown_or_absent_with_its_path() {
    let text = "name = \"api\"\nport = var.port\nnothing = null\n";
    with_ctx("", text, |ctx, body| {
        let at = Loc {
            span: ctx.idx.span(3, 5),
            path: "x".to_string(),
        };
        let name = ctx.string(body, "name", &at);
        assert_eq!(name.val, Val::Known("api".to_string()));
        assert_eq!(name.path, "x.name");
        assert_eq!(name.span, ctx.span_of(expr(body, "name")));
        let port = ctx.int(body, "port", &at);
        assert_eq!(
            port.val,
            Val::Unknown(Unknown::Expression("var.port".to_string()))
        );
        assert_eq!(port.path, "x.port");
        for key in ["nothing", "missing"] {
            let f = ctx.boolean(body, key, &at);
            assert_eq!(
                (f.val, f.span, f.path.to_string()),
                (Val::Absent, at.span, "x".to_string()),
                "{key}"
            );
        }
    });
}

#[test]
fn a_list_keeps_its_written_items_or_reads_an_evaluated_one() {
    let text = concat!(
        "locals { methods = [\"GET\", \"HEAD\"] }\n",
        "written = [\"GET\", var.method]\n",
        "through = local.methods\n",
        "nothing = null\n",
        "other = var.methods\n",
    );
    with_ctx("", text, |ctx, body| {
        let at = Loc {
            span: ctx.idx.span(0, 6),
            path: "b".to_string(),
        };
        // A written list: each item has its own span and path; an item that is an expression
        // is unknown on its own.
        let written = ctx.list(body, "written", &at);
        assert_eq!(written.path, "b.written");
        let Val::Known(items) = &written.val else {
            panic!("written list is known: {:?}", written.val);
        };
        let get = text.find("\"GET\", var").expect("in text");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].val, Val::Known("GET".to_string()));
        assert_eq!((items[0].span.start, items[0].span.end), (get, get + 5));
        assert_eq!(items[0].path, "b.written[0]");
        assert_eq!(
            items[1].val,
            Val::Unknown(Unknown::Expression("var.method".to_string()))
        );
        assert_eq!(items[1].path, "b.written[1]");
        // A list the module evaluates (a local): its items sit where the reference is.
        let through = ctx.list(body, "through", &at);
        let span = ctx.span_of(expr(body, "through"));
        assert_eq!(through.span, span);
        let Val::Known(items) = through.val else {
            panic!("a local list is known: {:?}", through.val);
        };
        let read: Vec<_> = items
            .into_iter()
            .map(|f| (f.val, f.span, f.path.to_string()))
            .collect();
        assert_eq!(
            read,
            vec![
                (
                    Val::Known("GET".to_string()),
                    span,
                    "b.through[0]".to_string()
                ),
                (
                    Val::Known("HEAD".to_string()),
                    span,
                    "b.through[1]".to_string()
                ),
            ]
        );
        // `null` is the argument left unset; an unevaluable list is unknown as a whole.
        for key in ["nothing", "missing"] {
            let f = ctx.list(body, key, &at);
            assert_eq!(
                (f.val, f.span, f.path.to_string()),
                (Val::Absent, at.span, "b".to_string())
            );
        }
        let other = ctx.list(body, "other", &at);
        assert_eq!(
            (other.val, other.path.to_string()),
            (
                Val::Unknown(Unknown::Expression("var.methods".to_string())),
                "b.other".to_string()
            )
        );
    });
}

/// Policy ids as the AWS provider lets them be written: a literal id, a sibling resource's `id`,
/// or the `id` of a `data "aws_cloudfront_cache_policy"` (and origin request, response headers)
/// source looked up by `name` or `id`
/// (<https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/cloudfront_cache_policy>);
/// managed policies are named `Managed-…`
/// (<https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html>).
#[test]
fn a_policy_is_a_literal_id_a_sibling_resource_or_a_data_source() {
    let text = concat!(
        "data \"aws_cloudfront_cache_policy\" \"disabled\" { name = \"Managed-CachingDisabled\" }\n",
        "data \"aws_cloudfront_origin_request_policy\" \"api\" { name = \"Managed-AllViewerExceptHostHeader\" }\n",
        "data \"aws_cloudfront_response_headers_policy\" \"sec\" { name = \"Managed-SecurityHeadersPolicy\" }\n",
        "data \"aws_cloudfront_cache_policy\" \"own\" { id = \"0123abcd\" }\n",
        "data \"aws_cloudfront_cache_policy\" \"custom\" { name = \"my-api-policy\" }\n",
        "data \"aws_cloudfront_origin_access_control\" \"oac\" { name = \"Managed-CachingDisabled\" }\n",
        "locals { p = aws_cloudfront_cache_policy.api.id }\n",
        "literal = \"658327ea-f89d-4fab-a63d-7e88639e58f6\"\n",
        "resource = aws_cloudfront_cache_policy.api.id\n",
        "oac = aws_cloudfront_origin_access_control.site.id\n",
        "via_local = local.p\n",
        "cache = data.aws_cloudfront_cache_policy.disabled.id\n",
        "origin = data.aws_cloudfront_origin_request_policy.api.id\n",
        "headers = data.aws_cloudfront_response_headers_policy.sec.id\n",
        "own = data.aws_cloudfront_cache_policy.own.id\n",
        "custom = data.aws_cloudfront_cache_policy.custom.id\n",
        "not_a_policy_data = data.aws_cloudfront_origin_access_control.oac.id\n",
        "bucket = aws_s3_bucket.site.id\n",
        "number = 3\n",
        "nothing = null\n",
    );
    with_ctx("", text, |ctx, body| {
        let at = Loc {
            span: ctx.idx.span(0, 4),
            path: "b".to_string(),
        };
        let known = |key: &str, want: PolicyRef| {
            let f = ctx.policy(body, key, &at);
            assert_eq!(f.val, Val::Known(want), "{key}");
            assert_eq!(f.path, format!("b.{key}"));
            assert_eq!(f.span, ctx.span_of(expr(body, key)), "{key}");
        };
        known(
            "literal",
            PolicyRef::Id(managed::CACHING_OPTIMIZED.to_string()),
        );
        known(
            "resource",
            PolicyRef::Local("aws_cloudfront_cache_policy.api".to_string()),
        );
        known(
            "oac",
            PolicyRef::Local("aws_cloudfront_origin_access_control.site".to_string()),
        );
        known(
            "via_local",
            PolicyRef::Local("aws_cloudfront_cache_policy.api".to_string()),
        );
        known(
            "cache",
            PolicyRef::Id(managed::CACHING_DISABLED.to_string()),
        );
        known(
            "origin",
            PolicyRef::Id(managed::ALL_VIEWER_EXCEPT_HOST_HEADER.to_string()),
        );
        known(
            "headers",
            PolicyRef::Id(managed::SECURITY_HEADERS.to_string()),
        );
        known("own", PolicyRef::Id("0123abcd".to_string()));
        // A custom policy's id is known only to AWS; an S3 bucket is no policy; a number is no id.
        for key in ["custom", "not_a_policy_data", "bucket", "number"] {
            let f = ctx.policy(body, key, &at);
            assert!(matches!(f.val, Val::Unknown(_)), "{key}: {:?}", f.val);
            assert_eq!(f.path, format!("b.{key}"));
        }
        for key in ["nothing", "missing"] {
            let f = ctx.policy(body, key, &at);
            assert_eq!(
                (f.val, f.span, f.path.to_string()),
                (Val::Absent, at.span, "b".to_string())
            );
        }
    });
}

#[test]
fn a_negated_reference_is_an_expression() {
    // Only a negative number is a literal: `-var.n` is computed (HCL's arithmetic operators).
    // hcl-edit reads `-2` as the number -2, so a negation of a number is left only where the
    // operand is itself a negative number: `--2` is the negation of -2, a literal too.
    let text = "neg = -2\ndouble = --2\nnegref = -var.n\n";
    with_ctx("", text, |ctx, body| {
        assert!(matches!(expr(body, "neg"), Expression::Number(_)));
        assert!(matches!(expr(body, "double"), Expression::UnaryOp(_)));
        for key in ["neg", "double"] {
            ctx.value_span(expr(body, key));
        }
        assert!(ctx.expressions.borrow().is_empty());
        let s = ctx.value_span(expr(body, "negref"));
        assert_eq!(&text[s.start..s.end], "-var.n");
        assert_eq!(*ctx.expressions.borrow(), vec![s.start]);
    });
}
