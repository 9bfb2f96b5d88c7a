//! `apigw-route-unreachable`: no viewer path a behavior admits lands on a route of its API.

use super::behind::language::Pattern;
use super::behind::{api_name, route_name, Reach, Target, PASTE};
use crate::api::resolve::{Outcome, RejectReason, Resolution};
use crate::api::{resolve, Api, RouteKey};
use crate::lint::Key;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{ApiKind, Behavior, Origin};
use crate::render::plan::strip;
use std::fmt::Write as _;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        sibling_api_origin!(),
        concat!(
            api_behavior!(),
            "        CacheBehaviors:\n",
            "          - PathPattern: /api/*\n",
            "            TargetOriginId: orders-api\n",
            "            ViewerProtocolPolicy: https-only\n",
            "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
            "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
            "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
        )
    ),
    rest_api!(),
    "  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  ListOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: MOCK
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
"
);

pub static RULE: Rule = Rule {
    slug: "apigw-route-unreachable",
    summary: "No viewer path of a behavior reaches a route of its API",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For each behavior in front of an API the input defines (in the same \
            template or module, or given with `apifront lint --api FILE`), works out the paths \
            the API receives — the origin path followed by every viewer path the path pattern \
            matches, after the prefix-stripping CloudFront Function apifront generates when the \
            behavior has it — and checks them against the API's stages (or custom domain base \
            paths) and routes. When none of them lands on a route it reports an error with the \
            first viewer path that fails and what API Gateway answers, pointing at the API's \
            routes. \n\n\
            **What it needs to know**: the API's stages and routes, the origin path and the \
            path pattern. **When it does not know** (routes or stages kept elsewhere, an origin \
            path or pattern given by a parameter, a CloudFront Function or Lambda@Edge function \
            whose code apifront does not recognise, an API definition that leaves the answer \
            open) it reports information saying what is missing and what to give. It says \
            nothing when the API is not in the input at all (`path-pattern-prefix-not-stripped` \
            then says what to check). \n\n\
            **Severity**: an error; information when the input does not show enough; a warning \
            for an HTTP API without a `$default` stage behind an origin without origin path, \
            whose routes are reached only by viewer paths that start with a stage name.",
        why_bad: "Every request the behavior takes gets API Gateway's own answer instead of \
            reaching an integration: REST APIs answer 403 `{\"message\":\"Missing \
            Authentication Token\"}` for a path without a resource or method and 403 \
            `{\"message\":\"Forbidden\"}` for a path without a stage; HTTP APIs answer 404 \
            `{\"message\":\"Not Found\"}`. The usual cause is a path pattern taken for an alias: \
            CloudFront forwards the whole viewer path (`/api/orders` reaches the API as \
            `/prod/api/orders`).",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "PathPart: orders" => "PathPart: api\n  ApiOrders:\n    Type: AWS::ApiGateway::Resource\n    Properties:\n      RestApiId: !Ref Api\n      ParentId: !Ref Orders\n      PathPart: orders",
            "      ResourceId: !Ref Orders" => "      ResourceId: !Ref ApiOrders"
        )),
        exceptions: "None when the input shows the whole API. To send `/api/*` to an API \
            whose routes do not start with `/api`, strip the prefix (a CloudFront Function on \
            viewer-request: apifront's generator writes one and this rule reads it) or use a \
            custom domain with base path `api`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for behavior in ctx.dist.all_behaviors() {
        for b in ctx.behind(behavior) {
            let Target::Api(reach) = &b.target else {
                continue;
            };
            if reach.routes.is_empty() {
                out.extend(unreached(ctx, behavior, b.origin, reach));
            } else {
                out.extend(stage_in_viewer_path(ctx, behavior, b.origin, reach));
            }
        }
    }
    out
}

/// The pattern of a behavior (`*` for the default behavior), when known.
fn pattern(behavior: &Behavior) -> Option<&str> {
    match &behavior.path_pattern {
        None => Some("*"),
        Some(f) => f.get().map(String::as_str),
    }
}

/// The finding for a behavior that reaches no route.
fn unreached(
    ctx: &LintContext,
    behavior: &Behavior,
    origin: &Origin,
    reach: &Reach,
) -> Option<Finding> {
    let api = reach.apis.first()?;
    let field = behavior
        .path_pattern
        .as_ref()
        .map_or((behavior.span, &behavior.path), |f| (f.span, &f.path));
    let who = format!("{} (to {})", behavior_name(behavior), origin_name(origin));
    let mut names = String::new();
    for (i, api) in reach.apis.iter().enumerate() {
        let separator = if i == 0 { "" } else { ", " };
        let _ = write!(names, "{separator}{}", api_name(api));
    }
    if !reach.complete() {
        let message = format!(
            "whether {who} reaches a route of {names} is not known: {}. To check, {PASTE}",
            reach.unknowns()
        );
        return Some(
            ctx.finding(&RULE, field.0, field.1, message)
                .with_severity(Severity::Info),
        );
    }
    if reach.apis.iter().all(|a| a.routes.is_empty()) {
        return None;
    }
    let (pattern, origin_path) = (pattern(behavior)?, reach.origin_path.as_deref()?);
    let viewer = sample(pattern, reach.apis.as_slice());
    let api_path = format!("{origin_path}{}", strip(&reach.rewrite.strip, &viewer));
    let resolution = resolve(&reach.entry, "GET", &api_path);
    if let Some(answers) = either_protocol(reach, &api_path) {
        let message = format!(
            "{who} reaches no route of {names}: the API receives the origin path and the whole \
             viewer path, so `GET {viewer}` arrives as `{api_path}` and API Gateway answers \
             {answers}{}",
            hint(pattern, origin_path, &reach.rewrite.strip)
        );
        let mut f = ctx.finding(&RULE, field.0, field.1, message);
        for (span, note) in related(api, &resolution) {
            f = f.with_related(span, note);
        }
        return Some(f);
    }
    let finding = match &resolution.outcome {
        Outcome::Rejected(r) if r.reason == RejectReason::DefaultEndpointDisabled => return None,
        Outcome::Rejected(r) => {
            let hint = match r.reason {
                RejectReason::NoStage => no_stage_hint(api, pattern, &reach.rewrite.strip),
                _ => hint(pattern, origin_path, &reach.rewrite.strip),
            };
            let message = format!(
                "{who} reaches no route of {names}: the API receives the origin path and the \
                 whole viewer path, so `GET {viewer}` arrives as `{api_path}` and API Gateway \
                 answers {} {}{hint}",
                r.status, r.body,
            );
            let mut f = ctx.finding(&RULE, field.0, field.1, message);
            for (span, note) in related(api, &resolution) {
                f = f.with_related(span, note);
            }
            f
        }
        Outcome::Depends { unknown } => {
            let why: Vec<&str> = unknown.iter().map(|u| u.reason.as_str()).collect();
            let message = format!(
                "{who} reaches no route of {names}, and what API Gateway answers to `GET \
                 {viewer}` (it arrives as `{api_path}`) depends on what the input does not \
                 show: {}",
                why.join("; ")
            );
            ctx.finding(&RULE, field.0, field.1, message)
                .with_severity(Severity::Info)
        }
        _ => return None,
    };
    Some(finding)
}

/// What API Gateway answers to `api_path` on an API whose protocol the input does not say
/// (an OpenAPI export without the marks of either), when it rejects the path as a REST API and
/// as an HTTP API alike: "403 … (REST API) or 404 … (HTTP API)".
fn either_protocol(reach: &Reach, api_path: &str) -> Option<String> {
    let crate::api::resolve::Entry::DefaultEndpoint(api) = &reach.entry else {
        return None;
    };
    if api.kind != ApiKind::Unknown {
        return None;
    }
    let answer = |kind: ApiKind| {
        let mut as_kind = (*api).clone();
        as_kind.kind = kind;
        let entry = crate::api::resolve::Entry::DefaultEndpoint(&as_kind);
        match resolve(&entry, "GET", api_path).outcome {
            Outcome::Rejected(r) => Some(format!("{} {}", r.status, r.body)),
            _ => None,
        }
    };
    Some(format!(
        "{} (as a REST API) or {} (as an HTTP API)",
        answer(ApiKind::Rest)?,
        answer(ApiKind::Http)?
    ))
}

/// What to do about an unstripped prefix, when the pattern has one.
fn hint(pattern: &str, origin_path: &str, strip: &[String]) -> String {
    let dir = literal_dir(pattern);
    if dir.is_empty() || !strip.is_empty() {
        return String::new();
    }
    format!(
        ". A path pattern only selects the behavior: strip `{dir}` with a CloudFront Function, \
         or give the API routes under `{dir}`{}",
        if origin_path.is_empty() {
            String::new()
        } else {
            format!(" (in stage `{}`)", origin_path.trim_start_matches('/'))
        }
    )
}

/// The advice when the request names no stage of the API: the origin path must name one
/// first, and only then does the pattern's directory matter.
fn no_stage_hint(api: &Api, pattern: &str, strip: &[String]) -> String {
    let stage = api
        .stages
        .iter()
        .filter_map(|s| s.stage_name.get())
        .find(|name| *name != "$default");
    let set = match stage {
        Some(name) => format!("set the origin path to a stage (`/{name}`)"),
        None => "set the origin path to a stage".to_string(),
    };
    let dir = literal_dir(pattern);
    if dir.is_empty() || !strip.is_empty() {
        return format!(". The request names no stage: {set}");
    }
    format!(
        ". The request names no stage: {set}, then strip `{dir}` with a CloudFront Function or \
         give the API routes under `{dir}`"
    )
}

/// The literal directory a pattern starts with: `/api` for `/api/*`, `""` for `*`.
fn literal_dir(pattern: &str) -> String {
    let literal = pattern
        .trim_start_matches('/')
        .split(['*', '?'])
        .next()
        .unwrap_or_default();
    // The leading slashes are gone, so a directory before the last `/` is never empty.
    literal
        .rsplit_once('/')
        .map_or_else(String::new, |(dir, _)| format!("/{dir}"))
}

/// A viewer path the pattern matches, as a user would try it: a route of the API under the
/// pattern's literal directory (`/api/orders` for `/api/*` and the route `/orders`), else the
/// pattern with its wildcards filled in.
fn sample(pattern: &str, apis: &[&Api]) -> String {
    let matcher = Pattern::default().then_path_pattern(pattern);
    let dir = literal_dir(pattern);
    let routes = apis.iter().flat_map(|a| a.routes.iter()).take(8);
    for route in routes {
        let Some(RouteKey::Http { path, .. }) = route.key.get() else {
            continue;
        };
        // A root route gives `/api/`: a trailing `/` API Gateway's guide leaves open.
        if path.trim_matches('/').is_empty() {
            continue;
        }
        let instance: Vec<&str> = path
            .split('/')
            .map(|s| if s.starts_with('{') { "1" } else { s })
            .collect();
        let candidate = format!("{dir}{}", instance.join("/"));
        if matcher.matches(&candidate) {
            return candidate;
        }
    }
    let filled: String = pattern
        .trim_start_matches('/')
        .chars()
        .map(|c| if matches!(c, '*' | '?') { 'x' } else { c })
        .collect();
    format!("/{filled}")
}

/// The places that explain an unreached API: the stage or mapping the request went to, and the
/// routes the API has.
fn related(api: &Api, resolution: &Resolution) -> Vec<(crate::span::Span, String)> {
    let mut out = Vec::new();
    if let Some(m) = resolution.mapping {
        out.push((m.span, "the API mapping that took the request".to_string()));
    }
    match resolution.stage.as_ref().and_then(|s| s.stage) {
        Some(stage) => out.push((
            stage.span,
            format!(
                "stage `{}` took the request",
                stage.stage_name.get().map_or("?", |n| n.as_str())
            ),
        )),
        None => {
            for stage in api.stages.iter().take(3) {
                let name = stage.stage_name.get().map_or("?", |n| n.as_str());
                out.push((stage.span, format!("stage `{name}` of {}", api_name(api))));
            }
        }
    }
    let api = resolution.api.unwrap_or(api);
    for route in api.routes.iter().take(3) {
        out.push((
            route.span,
            format!("{} is a route of {}", route_name(route), api_name(api)),
        ));
    }
    out
}

/// An HTTP API without a `$default` stage behind an origin without origin path: the stage must
/// be the first segment of every viewer path.
fn stage_in_viewer_path(
    ctx: &LintContext,
    behavior: &Behavior,
    origin: &Origin,
    reach: &Reach,
) -> Option<Finding> {
    let crate::api::resolve::Entry::DefaultEndpoint(api) = &reach.entry else {
        return None;
    };
    let named: Vec<&str> = api
        .stages
        .iter()
        .filter_map(|s| s.stage_name.get().map(String::as_str))
        .collect();
    // With a `$default` stage a path that names no stage goes there: no `NoStage` below.
    let first_stage = named.first()?;
    if api.kind != ApiKind::Http
        || reach.origin_path.as_deref() != Some("")
        || !reach.rewrite.strip.is_empty()
    {
        return None;
    }
    let pattern = pattern(behavior)?;
    let viewer = sample(pattern, std::slice::from_ref(api));
    let resolution = resolve(&reach.entry, "GET", &viewer);
    let Outcome::Rejected(r) = resolution.outcome else {
        return None;
    };
    if r.reason != RejectReason::NoStage {
        return None;
    }
    let example = reach.routes.first().map(|r| r.viewer_path.as_str())?;
    let field = &origin.origin_path;
    let message = format!(
        "{} has no `$default` stage and {} has no origin path: {} reaches a route only when \
         the viewer path starts with a stage name (`{example}`); `GET {viewer}` gets {} {}. \
         Set {} to the stage (`/{}`)",
        api_name(api),
        origin_name(origin),
        behavior_name(behavior),
        r.status,
        r.body,
        Key::ORIGIN_PATH.name(ctx.format()),
        first_stage
    );
    let mut f = ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_severity(Severity::Warning);
    for stage in api.stages.iter().take(3) {
        let name = stage.stage_name.get().map_or("?", |n| n.as_str());
        f = f.with_related(stage.span, format!("stage `{name}`"));
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{beside, case, finding_of, lint_all, CaseText, Tester, API};

    const SIBLINGS: &str = "the API beside the distribution";
    const EXAMPLE: &str = RULE.docs.example.text;

    /// An HTTP API `Api` with a `GET /orders` route and a stage named `stage`.
    fn http_api(stage: &str) -> String {
        format!(
            "Api:\n  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: orders\n    ProtocolType: HTTP\n\
             Orders:\n  Type: AWS::ApiGatewayV2::Route\n  Properties:\n    ApiId: !Ref Api\n    RouteKey: GET /orders\n\
             Stage:\n  Type: AWS::ApiGatewayV2::Stage\n  Properties:\n    ApiId: !Ref Api\n    StageName: '{stage}'\n    AutoDeploy: true"
        )
    }

    /// A WebSocket API `Api` with a `$connect` route and a stage `prod`.
    const WEBSOCKET_API: &str = "Api:\n  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: chat\n    \
        ProtocolType: WEBSOCKET\n    RouteSelectionExpression: $request.body.action\n\
        Connect:\n  Type: AWS::ApiGatewayV2::Route\n  Properties:\n    ApiId: !Ref Api\n    RouteKey: $connect\n\
        Stage:\n  Type: AWS::ApiGatewayV2::Stage\n  Properties:\n    ApiId: !Ref Api\n    StageName: prod\n";

    /// [`SIBLING`] with a behavior for `pattern` to the API.
    fn api_pattern(pattern: &str) -> String {
        SIBLING.with(
            "        DefaultCacheBehavior:",
            &format!(
                "        CacheBehaviors:\n          - PathPattern: {pattern}\n            \
                 TargetOriginId: orders-api\n            ViewerProtocolPolicy: https-only\n            \
                 CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n            \
                 OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n        DefaultCacheBehavior:"
            ),
        )
    }

    /// The stage advice names a directory to strip only when the pattern has one.
    #[test]
    fn no_stage_advice() {
        let ends = |pattern: &str, end: &str| {
            let text = with_rest_api(
                &api_pattern(pattern).with("            OriginPath: /prod\n", ""),
                &["GET /orders"],
                "",
            );
            let findings = lint_all(&text);
            let f = finding_of(&findings, RULE.slug);
            assert!(f.message.ends_with(end), "{}", f.message);
        };
        ends(
            "'*.json'",
            "403 {\"message\":\"Forbidden\"}. The request names no stage: set the origin path to \
             a stage (`/prod`)",
        );
        ends(
            "/api/*",
            "(`/prod`), then strip `/api` with a CloudFront Function or give the API routes under \
             `/api`",
        );
    }

    #[test]
    fn cases() {
        let strip = crate::render::plan::StripFunction {
            prefixes: vec!["/api".into()],
        }
        .code();
        let function = |code: &str| {
            format!(
                "Strip:\n  Type: AWS::CloudFront::Function\n  Properties:\n    Name: strip\n    FunctionCode: |\n{}",
                code.lines().map(|l| format!("      {l}")).collect::<Vec<_>>().join("\n")
            )
        };
        let stripped = |code: &str| {
            beside(
                &with_rest_api(
                    &api_pattern("‸/api/*").with(
                        "            CachePolicyId",
                        "            FunctionAssociations:\n              - EventType: viewer-request\n                \
                         FunctionARN: !GetAtt Strip.FunctionARN\n            CachePolicyId",
                    ),
                    &["GET /orders"],
                    "",
                ),
                &function(code),
            )
        };
        let mapped = beside(
            &with_rest_api(
                &api_pattern("/api/*")
                    .with("!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com", "!GetAtt Domain.RegionalDomainName")
                    .with("            OriginPath: /prod\n", ""),
                &["GET /orders"],
                "",
            ),
            "Domain:\n  Type: AWS::ApiGateway::DomainName\n  Properties:\n    DomainName: api.example.com\n    \
             RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\n    \
             EndpointConfiguration:\n      Types: [REGIONAL]\n\
             Mapping:\n  Type: AWS::ApiGateway::BasePathMapping\n  Properties:\n    DomainName: !Ref Domain\n    \
             RestApiId: !Ref Api\n    Stage: prod\n    BasePath: api",
        );
        Tester::new(&RULE)
            .pass([
                case(API),
                case(api_pattern("/api/*").with("/api/*", "!Ref Pattern")).not_rendered(SIBLINGS),
            ])
            .pass(
                [
                    with_rest_api(SIBLING, &["GET /orders"], ""),
                    RULE.docs.use_instead.text.to_string(),
                    // A route under the prefix, a greedy route, a recognised strip function,
                    // a custom domain mapping the prefix, an HTTP API's `$default` stage.
                    with_rest_api(&api_pattern("/api/*"), &["GET /api/orders/{id}"], ""),
                    with_rest_api(&api_pattern("/api/*"), &["ANY /{proxy+}"], ""),
                    stripped(&strip).unmarked(),
                    mapped,
                    beside(&SIBLING.with("            OriginPath: /prod\n", ""), &http_api("$default")),
                    // The named stage in the origin path.
                    beside(&SIBLING.with("OriginPath: /prod", "OriginPath: /v1"), &http_api("v1")),
                    // A REST API without origin path: the stage must start the viewer path
                    // (`apigw-rest-origin-path-missing-stage` reports it).
                    with_rest_api(&SIBLING.with("            OriginPath: /prod\n", ""), &["GET /orders"], ""),
                    // The API's default endpoint is disabled: `apigw-default-endpoint-disabled`
                    // reports that.
                    with_rest_api(&api_pattern("/api/*"), &["GET /orders"], "")
                        .with("      Name: orders\n", "      Name: orders\n      DisableExecuteApiEndpoint: true\n"),
                ]
                .map(|text| case(text).not_rendered(SIBLINGS)),
            )
            .fail([
                // An API whose protocol the input does not give: both answers.
                case(beside(&api_pattern("‸/api/*"), &http_api("prod").with("ProtocolType: HTTP", "ProtocolType: !Ref Protocol")))
                    .not_rendered(SIBLINGS)
                    .message("API Gateway answers 403 {\"message\":\"Missing Authentication Token\"} (as a REST API) or 404 {\"message\":\"Not Found\"} (as an HTTP API)")
                    .related("stage `prod` of API `Api`")
                    .related("is a route of API `Api`"),
                case(EXAMPLE.mark("/api/*"))
                    .not_rendered(SIBLINGS)
                    .message(
                        "behavior `/api/*` (to origin `orders-api`) reaches no route of REST API \
                         `Api`: the API receives the origin path and the whole viewer path, so \
                         `GET /api/orders` arrives as `/prod/api/orders` and API Gateway answers \
                         403 {\"message\":\"Missing Authentication Token\"}",
                    )
                    .related("stage `prod` took the request")
                    .related("`GET /orders` is a route of REST API `Api`"),
                // The `$default` stage of an HTTP API does not take `/prod` away.
                case(beside(SIBLING, &http_api("$default")).mark("TargetOriginId: orders-api\n          ViewerProtocolPolicy"))
                    .not_rendered(SIBLINGS)
                    .message("`GET /orders` arrives as `/prod/orders` and API Gateway answers 404 {\"message\":\"Not Found\"}")
                    .related("stage `$default` took the request")
                    .related("`GET /orders` is a route of HTTP API `Api`"),
                // No origin path: `/api` is read as a stage; the stage comes first.
                case(with_rest_api(&api_pattern("‸/api/*").with("            OriginPath: /prod\n", ""), &["GET /orders"], ""))
                    .not_rendered(SIBLINGS)
                    .message("arrives as `/api/orders` and API Gateway answers 403 {\"message\":\"Forbidden\"}. The request names no stage: set the origin path to a stage (`/prod`), then strip `/api` with a CloudFront Function or give the API routes under `/api`")
                    .related("is a route of REST API `Api`"),
                // An origin path that names no stage of a WebSocket API: what API Gateway
                // answers is not documented.
                case(beside(&SIBLING.with("OriginPath: /prod", "OriginPath: /dev"), WEBSOCKET_API).mark("TargetOriginId: orders-api\n          ViewerProtocolPolicy"))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("reaches no route of WebSocket API `Api`, and what API Gateway answers to `GET /x` (it arrives as `/dev/x`) depends on what the input does not show: the request names no stage of the WebSocket API"),
                // Only named stages and no origin path: the viewer path must name the stage.
                case(beside(&SIBLING.with("            OriginPath: /prod\n", ""), &http_api("v1")).mark("Id: orders-api\n            DomainName"))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Warning)
                    .message("HTTP API `Api` has no `$default` stage and origin `orders-api` has no origin path: default behavior reaches a route only when the viewer path starts with a stage name (`/v1/orders`); `GET /orders` gets 404")
                    .related("stage `v1`"),
                // What the input does not show: a function it does not recognise, no methods.
                case(stripped("function handler(event) { return event.request; }"))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("CloudFront Function `!GetAtt Strip.FunctionARN` (its code is not one apifront recognises) may rewrite the path"),
                case(with_rest_api(&api_pattern("‸!Ref Pattern"), &["GET /orders"], ""))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("the path pattern is not known"),
                case(
                    beside(&api_pattern("‸/api/*"), crate::rules::tester::REST_API_PROD)
                        .mark("TargetOriginId: orders-api\n          ViewerProtocolPolicy"),
                )
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("the template defines no method of API `Api`"),
            ])
            .test();
    }

    #[test]
    fn the_hint_names_the_prefix_unless_a_function_strips_it() {
        let strip = super::hint("/api/*", "/prod", &[]);
        assert!(
            strip.contains("strip `/api` with a CloudFront Function"),
            "{strip}"
        );
        assert!(
            strip.ends_with("routes under `/api` (in stage `prod`)"),
            "{strip}"
        );
        assert!(super::hint("/api/*", "", &[]).ends_with("routes under `/api`"));
        assert_eq!(super::hint("/api/*", "/prod", &["/api".into()]), "");
        assert_eq!(super::hint("/*", "/prod", &[]), "");
    }
}
