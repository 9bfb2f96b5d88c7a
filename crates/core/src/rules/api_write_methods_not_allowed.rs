//! `api-write-methods-not-allowed`: an API behavior only allows GET/HEAD(/OPTIONS) while the
//! API behind it takes writes.

use super::behind::{
    api_name, route_method, route_name, takes_any_method, targets_group, Target, PASTE,
};
use crate::lint::Key;
use crate::lint::{
    behavior_name, edit::NewValue, origin_name, Category, Finding, Fix, FixAvailability,
    LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{ApiKind, Behavior};
use crate::value::Val;

/// The only allowed-methods set that includes write methods.
pub const ALL_METHODS: &[&str] = &["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"];

const WRITES: [&str; 4] = ["POST", "PUT", "PATCH", "DELETE"];

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        sibling_api_origin!(),
        "          ViewerProtocolPolicy: https-only
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
    ),
    rest_api!(),
    "  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  CreateOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: POST
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
    slug: "api-write-methods-not-allowed",
    summary: "An API behavior does not allow POST, PUT, PATCH or DELETE that its API takes",
    default_severity: Severity::Error,
    category: Category::Methods,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose `AllowedMethods` is `[GET, HEAD]` or \
            `[GET, HEAD, OPTIONS]` (also when omitted: the default is GET and HEAD) while the \
            API behind them takes writes on the routes the behavior reaches: an error for a \
            reached `POST`, `PUT`, `PATCH` or `DELETE` route, information for a reached route \
            that takes every method (`ANY`, the HTTP API `$default` route, which a greedy \
            `{proxy+}` usually is): whether the code behind it serves writes is not in the \
            input, and a read-only front in front of such an API is a choice some setups \
            make on purpose. \n\n\
            **What it needs to know**: the API's routes and which of them the behavior reaches \
            (see `apigw-route-unreachable`). **When it does not know** (the API is not in the \
            input, its routes are kept elsewhere, or the origin is a Lambda function URL, which \
            passes every method to the function) it reports information: give the API's \
            definition, or check that the function only serves reads. It never reports a \
            behavior whose API is a WebSocket API (the handshake is a GET) or a behavior that \
            targets an origin group: CloudFront rejects POST, PUT, PATCH and DELETE there \
            (`origin-group-write-methods`).",
        why_bad: "POST, PUT, PATCH and DELETE get CloudFront's own 403: \"This distribution is \
            not configured to allow the HTTP request method that was used for this request\". \
            The API's write routes are then unreachable through the distribution.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          ViewerProtocolPolicy: https-only\n          CachePolicyId" => "          ViewerProtocolPolicy: https-only\n          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n          CachePolicyId"
        )),
        exceptions: "Read-only fronts of an API whose writes are meant to go elsewhere. Write \
            methods are all or nothing: CloudFront allows only the full seven-method set. \
            A behavior that targets an origin group must stay read-only: origin failover only \
            works for GET, HEAD and OPTIONS, and CloudFront refuses write methods on such a \
            behavior.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorOriginGroups.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-working-with.websockets.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        if targets_group(ctx, behavior) {
            continue;
        }
        let list = &behavior.allowed_methods;
        let current = match &list.val {
            Val::Absent => "GET, HEAD (the default)".to_string(),
            Val::Unknown(_) => continue,
            Val::Known(_) => {
                if !list.fully_known() {
                    continue;
                }
                let items = list.known_items().unwrap_or_default();
                if items.iter().any(|m| m.eq_ignore_ascii_case("POST")) {
                    continue;
                }
                items.join(", ")
            }
        };
        let Some(target) = ctx.behind(behavior).first() else {
            continue;
        };
        let who = || format!("{} to {}", behavior_name(behavior), origin_name(origin));
        let (severity, why) = match &target.target {
            Target::Unknown => (
                Severity::Info,
                format!(
                    "whether the API takes POST, PUT, PATCH or DELETE there is not in the \
                     input; if it does, CloudFront answers them 403. To check, {PASTE}"
                ),
            ),
            Target::FunctionUrl(url) => (
                Severity::Info,
                format!(
                    "function URL `{}` passes every method to the function; if the function \
                     takes writes, CloudFront answers them 403",
                    url.name
                ),
            ),
            Target::Api(reach) => {
                if reach.apis.iter().all(|a| a.kind == ApiKind::WebSocket) {
                    continue;
                }
                let write = reach
                    .own_routes()
                    .find(|r| route_method(r.route).is_some_and(|m| WRITES.contains(&m)));
                let any = reach.own_routes().find(|r| takes_any_method(r.route));
                match (write, any) {
                    (Some(r), _) => {
                        let method = route_method(r.route).unwrap_or("POST");
                        let who = who();
                        let message = format!(
                            "{who} allows only {current}, but it reaches {} of {}: `{method} \
                             {}` gets CloudFront's 403",
                            route_name(r.route),
                            api_name(r.api),
                            r.viewer_path
                        );
                        out.push(
                            finding(ctx, behavior, message)
                                .with_severity(Severity::Error)
                                .with_related(
                                    r.route.span,
                                    format!("{} is defined here", route_name(r.route)),
                                ),
                        );
                        continue;
                    }
                    (None, Some(r)) => {
                        let who = who();
                        let message = format!(
                            "{who} allows only {current}, but it reaches {} of {}, which \
                             takes every method: if the code behind it serves POST, PUT, PATCH \
                             or DELETE, CloudFront answers them 403",
                            route_name(r.route),
                            api_name(r.api),
                        );
                        out.push(
                            finding(ctx, behavior, message)
                                .with_severity(Severity::Info)
                                .with_related(
                                    r.route.span,
                                    format!("{} is defined here", route_name(r.route)),
                                ),
                        );
                        continue;
                    }
                    (None, None) if reach.complete() => continue,
                    (None, None) => (
                        Severity::Info,
                        format!(
                            "no route it reaches takes writes as far as the input shows ({}); \
                             if one does, CloudFront answers it 403. To check, {PASTE}",
                            reach.unknowns()
                        ),
                    ),
                }
            }
        };
        let list = &behavior.allowed_methods;
        let who = who();
        let message = format!("{who} allows only {current}: {why}");
        out.push(
            ctx.finding(&RULE, list.span, &list.path, message)
                .with_severity(severity),
        );
    }
    out
}

/// A finding on the behavior's allowed methods with the fix that allows all seven.
fn finding(ctx: &LintContext, behavior: &Behavior, message: String) -> Finding {
    let list = &behavior.allowed_methods;
    let editor = ctx.editor();
    let edits = match &list.val {
        Val::Absent => editor
            .insert_key(
                behavior.span,
                Key::ALLOWED_METHODS,
                NewValue::StrList(ALL_METHODS),
            )
            .into_iter()
            .collect(),
        _ => editor.set_string_list(list, ALL_METHODS),
    };
    ctx.finding(&RULE, list.span, &list.path, message)
        .with_fix(Fix::unsafe_("allow all seven methods", edits))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{beside, case, cfn, CaseText, Tester, API, API_BEHAVIOR};

    const ALL: &str = "AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]";
    const SIBLINGS: &str = "the API beside the distribution";

    /// [`SIBLING`] allowing `methods`, in front of these REST methods.
    fn rest(methods: &str, routes: &[&str]) -> String {
        with_rest_api(
            &SIBLING.with(ALL, &format!("AllowedMethods: {methods}")),
            routes,
            "",
        )
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let read_only = "‸[GET, HEAD, OPTIONS]";
        let websocket = beside(
            &SIBLING.with(ALL, "AllowedMethods: [GET, HEAD]"),
            "Api:\n  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: chat\n    \
             ProtocolType: WEBSOCKET\n    RouteSelectionExpression: $request.body.action\n\
             Connect:\n  Type: AWS::ApiGatewayV2::Route\n  Properties:\n    ApiId: !Ref Api\n    \
             RouteKey: $connect\n\
             Prod:\n  Type: AWS::ApiGatewayV2::Stage\n  Properties:\n    ApiId: !Ref Api\n    \
             StageName: prod",
        );
        let function_url = beside(
            &cfn(
                "",
                "            DomainName: !Select [2, !Split ['/', !GetAtt Url.FunctionUrl]]\n            \
                 CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n",
                &API_BEHAVIOR.with(ALL, "AllowedMethods: ‸[GET, HEAD]"),
            ),
            "Url:\n  Type: AWS::Lambda::Url\n  Properties:\n    TargetFunctionArn: arn:aws:lambda:eu-west-1:123456789012:function:f\n    AuthType: NONE",
        );
        let group = API
            .with("        DefaultCacheBehavior:\n          TargetOriginId: orders-api", "        OriginGroups:\n          Quantity: 1\n          Items:\n            - Id: failover\n              FailoverCriteria:\n                StatusCodes: {Quantity: 1, Items: [503]}\n              Members:\n                Quantity: 1\n                Items:\n                  - OriginId: orders-api\n        DefaultCacheBehavior:\n          TargetOriginId: failover")
            .with(ALL, "AllowedMethods: [GET, HEAD, OPTIONS]");
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ALL, "AllowedMethods: !Ref Methods"),
                API.with(ALL, "AllowedMethods: [GET, HEAD, !Ref Write]"),
                API.with(ALL, "AllowedMethods: [GET, HEAD, post]"),
            ])
            .pass([
                // Read routes only, WebSocket APIs (the handshake is a GET), origin groups
                // (CloudFront refuses write methods there).
                case(rest("[GET, HEAD]", &["GET /orders", "GET /orders/{id}"])).not_rendered(SIBLINGS),
                case(websocket).not_rendered(SIBLINGS),
                case(group),
                // Writes go through an earlier behavior, which takes their paths.
                case(with_rest_api(
                    &SIBLING
                        .with(ALL, "AllowedMethods: [GET, HEAD]")
                        .with("        DefaultCacheBehavior:", "        CacheBehaviors:\n          - PathPattern: /orders*\n            TargetOriginId: orders-api\n            ViewerProtocolPolicy: https-only\n            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n        DefaultCacheBehavior:"),
                    &["GET /items", "POST /orders"],
                    "",
                ))
                .not_rendered(SIBLINGS),
                // The write route is reached through another behavior only.
                case(with_rest_api(&SIBLING.with("        DefaultCacheBehavior:", "        CacheBehaviors:\n          - PathPattern: /reports/*\n            TargetOriginId: orders-api\n            ViewerProtocolPolicy: https-only\n            AllowedMethods: [GET, HEAD]\n        DefaultCacheBehavior:"), &["GET /reports/{id}", "POST /orders"], ""))
                    .not_rendered(SIBLINGS),
            ])
            .fail([
                case(API.with(ALL, &format!("AllowedMethods: {read_only}")))
                    .severity(Severity::Info)
                    .message("whether the API takes POST, PUT, PATCH or DELETE there is not in the input"),
                case(&function_url)
                    .not_rendered("a function URL beside the distribution")
                    .severity(Severity::Info)
                    .message("function URL `Url` passes every method to the function"),
                // A read route, and a method whose HTTP method the input does not give.
                case(rest(read_only, &["GET /orders", "PUT /items"]).with("HttpMethod: PUT", "HttpMethod: !Ref Verb"))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("no route it reaches takes writes as far as the input shows"),
            ])
            .unsafe_fix([
                (
                    case(example.mark("TargetOriginId"))
                        .not_rendered(SIBLINGS)
                        .severity(Severity::Error)
                        .message(
                            "default behavior to origin `orders-api` allows only GET, HEAD (the \
                             default), but it reaches `POST /orders` of REST API `Api`: `POST \
                             /orders` gets CloudFront's 403",
                        )
                        .related("`POST /orders` is defined here"),
                    // Inserted as the behavior's first key.
                    example.with(
                        "          TargetOriginId",
                        &format!("          {ALL}\n          TargetOriginId"),
                    ),
                ),
                (
                    case(rest(read_only, &["GET /orders", "ANY /{proxy+}"]))
                        .not_rendered(SIBLINGS)
                        .severity(Severity::Info)
                        .message("it reaches `ANY /{proxy+}` of REST API `Api`, which takes every method: if the code behind it serves POST, PUT, PATCH or DELETE, CloudFront answers them 403")
                        .related("`ANY /{proxy+}` is defined here"),
                    rest(read_only, &["GET /orders", "ANY /{proxy+}"]).unmarked().with("[GET, HEAD, OPTIONS]", "[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]"),
                ),
            ])
            .test();
    }
}
