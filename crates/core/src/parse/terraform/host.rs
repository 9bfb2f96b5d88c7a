//! Origin host names: literals, templates such as
//! `"${aws_api_gateway_rest_api.api.id}.execute-api.${var.region}.amazonaws.com"`, and the usual
//! ways of turning a URL attribute into a host (`replace(…api_endpoint, "https://", "")`,
//! `split("/", …function_url)[2]`).

use super::eval::{attr, ref_chain, Ctx, Lit, Loc};
use crate::model::OriginKind;
use crate::parse::distribution::classify_shape;
use crate::parse::MAX_DEPTH;
use crate::value::Field;
use hcl_edit::expr::{Expression, FuncCall, TraversalOperator};
use hcl_edit::structure::Body;
use hcl_edit::template::Element;

/// Stands for an unresolved part of a host template when classifying it.
const PLACEHOLDER: &str = "{…}";

/// What an origin's `domain_name` says about its host.
pub(super) struct Host {
    pub domain_name: Field<String>,
    pub kind: OriginKind,
    /// The value is a URL (a URL attribute, or a template with a scheme or path), not a host.
    pub is_url: bool,
    pub api_ref: Option<String>,
    pub lambda_url_ref: Option<String>,
}

/// A reference to a resource attribute that says what the host is.
struct AttrRef {
    kind: OriginKind,
    /// The attribute is a URL (`https://host/`), not a host.
    is_url: bool,
    api_ref: Option<String>,
    lambda_url_ref: Option<String>,
}

/// Resolves the `domain_name` attribute of an origin block.
pub(super) fn resolve(ctx: &Ctx, body: &Body, at: &Loc) -> Host {
    let domain_name = ctx.string(body, "domain_name", at);
    let mut host = Host {
        kind: OriginKind::Unknown,
        is_url: false,
        api_ref: None,
        lambda_url_ref: None,
        domain_name,
    };
    let custom: Vec<&str> = ctx.custom_domains.iter().map(String::as_str).collect();
    if let Some(name) = host.domain_name.get() {
        // A literal URL (`https://host/stage`) still says what its host is.
        (host.kind, _) = classify_shape(name, &custom);
        return host;
    }
    let Some(expr) = attr(body, "domain_name") else {
        return host;
    };
    if let Some(r) = attribute_ref(expr) {
        apply(&mut host, r);
    } else if let Some(t) = expr.as_string_template() {
        let mut pattern = String::new();
        for element in t.iter() {
            match element {
                Element::Literal(s) => pattern.push_str(s.value()),
                Element::Interpolation(i) => {
                    match ctx.literal(&i.expr, 0).and_then(Lit::into_string) {
                        Some(s) => pattern.push_str(&s),
                        None => pattern.push_str(PLACEHOLDER),
                    }
                    note_template_ref(&mut host, &i.expr);
                }
                Element::Directive(_) => pattern.push_str(PLACEHOLDER),
            }
        }
        // `https://${var.api_id}.execute-api.…/prod` is a URL whose host is still an API's.
        (host.kind, host.is_url) = classify_shape(&pattern, &custom);
    } else if let Some((r, scheme_removed, slash_removed)) = stripped_url(expr, 0) {
        let trailing_slash = r.lambda_url_ref.is_some() && !slash_removed;
        apply(&mut host, r);
        host.is_url = !scheme_removed || trailing_slash;
    }
    host
}

/// Copies what a recognised reference says into the host.
fn apply(host: &mut Host, r: AttrRef) {
    host.kind = r.kind;
    host.is_url = r.is_url;
    host.api_ref = r.api_ref;
    host.lambda_url_ref = r.lambda_url_ref;
}

/// Records API / function URL references inside a host template
/// (`${aws_api_gateway_rest_api.api.id}`, `${aws_lambda_function_url.fn.url_id}`).
fn note_template_ref(host: &mut Host, expr: &Expression) {
    let Some(chain) = expr.as_traversal().and_then(ref_chain) else {
        return;
    };
    match chain.as_slice() {
        [rtype @ ("aws_api_gateway_rest_api" | "aws_apigatewayv2_api"), name, "id"] => {
            host.api_ref = Some(format!("{rtype}.{name}"));
        }
        [rtype @ "aws_lambda_function_url", name, "url_id"] => {
            host.lambda_url_ref = Some(format!("{rtype}.{name}"));
        }
        _ => {}
    }
}

/// A reference to a resource attribute whose shape is known (`…api_endpoint`,
/// `…regional_domain_name`, `…bucket_regional_domain_name`, …).
fn attribute_ref(expr: &Expression) -> Option<AttrRef> {
    let chain = ref_chain(expr.as_traversal()?)?;
    let (rtype, name, attribute) = match chain.as_slice() {
        [rtype, name, attribute] => (*rtype, *name, *attribute),
        [rtype, name, "domain_name_configuration", attribute] => (*rtype, *name, *attribute),
        _ => return None,
    };
    let address = format!("{rtype}.{name}");
    let plain = |kind| AttrRef {
        kind,
        is_url: false,
        api_ref: None,
        lambda_url_ref: None,
    };
    Some(match (rtype, attribute) {
        ("aws_apigatewayv2_api", "api_endpoint") => AttrRef {
            kind: OriginKind::ApiGatewayDefault {
                api_id: None,
                region: None,
            },
            is_url: true,
            api_ref: Some(address),
            lambda_url_ref: None,
        },
        ("aws_lambda_function_url", "function_url") => AttrRef {
            kind: OriginKind::LambdaUrl { region: None },
            is_url: true,
            api_ref: None,
            lambda_url_ref: Some(address),
        },
        ("aws_api_gateway_domain_name", "regional_domain_name")
        | ("aws_apigatewayv2_domain_name", "target_domain_name") => {
            plain(OriginKind::ApiGatewayRegionalDomainTarget)
        }
        ("aws_api_gateway_domain_name", "cloudfront_domain_name")
        | ("aws_cloudfront_distribution", "domain_name") => plain(OriginKind::CloudFront),
        ("aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name", "domain_name") => {
            plain(OriginKind::ApiGatewayCustomDomain)
        }
        ("aws_s3_bucket", "bucket_regional_domain_name" | "bucket_domain_name") => {
            plain(OriginKind::S3)
        }
        ("aws_s3_bucket" | "aws_s3_bucket_website_configuration", "website_endpoint") => {
            plain(OriginKind::S3Website)
        }
        _ => return None,
    })
}

/// A URL attribute with its scheme and/or trailing slash cut off by `replace`, `trimprefix`,
/// `trimsuffix`, `split("/", …)[2]` or `element(split("/", …), 2)`; also says whether the
/// scheme and the trailing slash are gone.
fn stripped_url(expr: &Expression, depth: usize) -> Option<(AttrRef, bool, bool)> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Some(r) = attribute_ref(expr).filter(|r| r.is_url) {
        return Some((r, false, false));
    }
    match expr {
        Expression::Parenthesis(p) => stripped_url(p.inner(), depth + 1),
        Expression::FuncCall(call) => {
            let arg = |i: usize| call.args.get(i);
            let text = |i: usize| arg(i).and_then(Expression::as_str);
            match func_name(call) {
                "replace" | "trimprefix" | "trimsuffix" => {
                    let (r, scheme, slash) = stripped_url(arg(0)?, depth + 1)?;
                    let cut = text(1)?;
                    if func_name(call) == "replace" && text(2) != Some("") {
                        return None;
                    }
                    let scheme =
                        scheme || (cut.ends_with("://") && func_name(call) != "trimsuffix");
                    let slash = slash || (cut == "/" && func_name(call) != "trimprefix");
                    Some((r, scheme, slash))
                }
                "element" if is_host_index(arg(1)?) => split_by_slash(arg(0)?, depth),
                _ => None,
            }
        }
        Expression::Traversal(t) => match t.operators.as_slice() {
            [op] if matches!(op.value(), TraversalOperator::Index(i) if is_host_index(i)) => {
                split_by_slash(&t.expr, depth)
            }
            _ => None,
        },
        _ => None,
    }
}

/// `split("/", url)`: element 2 of it is the host.
fn split_by_slash(expr: &Expression, depth: usize) -> Option<(AttrRef, bool, bool)> {
    let call = expr.as_func_call()?;
    if func_name(call) != "split" || call.args.get(0)?.as_str() != Some("/") {
        return None;
    }
    let (r, _, _) = stripped_url(call.args.get(1)?, depth + 1)?;
    Some((r, true, true))
}

/// True for the literal index 2 (the host part of `split("/", "https://host/…")`).
fn is_host_index(expr: &Expression) -> bool {
    expr.as_number().and_then(|n| n.as_u64()) == Some(2)
}

/// The name of a function call (without namespace).
fn func_name(call: &FuncCall) -> &str {
    call.name.name.as_str()
}
