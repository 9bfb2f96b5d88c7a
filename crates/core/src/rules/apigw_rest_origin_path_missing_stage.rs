//! `apigw-rest-origin-path-missing-stage`: a REST API origin without the stage in its path.

use super::helpers::sibling_api;
use crate::lint::Key;
use crate::lint::{
    edit::NewValue, origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::model::{ApiKind, OriginKind};
use crate::value::Val;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        "            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
        api_behavior!()
    ),
    rest_api!(),
    "  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      DeploymentId: abc123
"
);

pub static RULE: Rule = Rule {
    slug: "apigw-rest-origin-path-missing-stage",
    summary: "A REST API origin has no stage in its origin path",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins on a default `execute-api` host with an empty `OriginPath` \
            and no behavior path pattern that starts with a stage. It is a warning when the \
            input defines the API as a REST API, and information when the API type is not known \
            (HTTP APIs serve their `$default` stage from `/`).",
        why_bad: "REST API URLs are `/{stage}/{resource}`: without the stage every request \
            misses a route and API Gateway answers 403 `{\"message\":\"Missing Authentication \
            Token\"}`.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "            CustomOriginConfig:" => "            OriginPath: /prod\n            CustomOriginConfig:"
        )),
        exceptions: "HTTP APIs with a `$default` stage are served from `/` and need no origin \
            path; path patterns that already include the stage (`/prod/*`) work too.",
        references: &[
            "https://repost.aws/knowledge-center/api-gateway-403-custom-domain",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        if !matches!(origin.kind.0, OriginKind::ApiGatewayDefault { .. }) {
            continue;
        }
        let empty = match &origin.origin_path.val {
            Val::Absent => true,
            Val::Known(p) => p.is_empty() || p == "/",
            Val::Unknown(_) => false,
        };
        if !empty {
            continue;
        }
        let api = sibling_api(ctx, origin);
        let kind = api.map_or(ApiKind::Unknown, |a| a.kind);
        if matches!(kind, ApiKind::Http | ApiKind::WebSocket) {
            continue;
        }
        let stages: Vec<&str> = ctx
            .doc
            .stages
            .iter()
            .filter(|s| s.api_ref.is_some() && s.api_ref == origin.api_ref)
            .filter_map(|s| s.stage_name.get().map(String::as_str))
            .collect();
        let patterns: Vec<String> = ctx
            .behaviors_of(origin)
            .iter()
            .filter_map(|b| b.path_pattern.as_ref())
            .map(|p| {
                p.get()
                    .map_or_else(String::new, |p| p.trim_start_matches('/').to_string())
            })
            .collect();
        let stage_in_pattern = patterns.iter().any(|p| {
            p.is_empty()
                || stages.iter().any(|s| p.starts_with(&format!("{s}/")))
                || stages.is_empty()
        });
        if stage_in_pattern {
            continue;
        }
        let certain = kind == ApiKind::Rest;
        let message = if certain {
            format!(
                "{} is a REST API without a stage in its origin path; requests miss every route \
                 and API Gateway answers 403 \"Missing Authentication Token\"{}",
                origin_name(origin),
                match stages.as_slice() {
                    [s] => format!(". Set {} to `/{s}`", Key::ORIGIN_PATH.name(ctx.format())),
                    _ => String::new(),
                }
            )
        } else {
            format!(
                "{} has no origin path: if this is a REST API, add the stage (`/prod`), or \
                 requests miss every route (HTTP APIs with a `$default` stage need none)",
                origin_name(origin)
            )
        };
        let field = &origin.origin_path;
        let fix = match stages.as_slice() {
            [stage] if certain => {
                let path = format!("/{stage}");
                let editor = ctx.editor();
                let edit = match &field.val {
                    Val::Absent => {
                        editor.insert_key(origin.span, Key::ORIGIN_PATH, NewValue::Str(&path))
                    }
                    _ => Some(editor.replace_string(field.span, &path)),
                };
                Fix::unsafe_(
                    format!("set {} to `{path}`", Key::ORIGIN_PATH.name(ctx.format())),
                    edit.into_iter().collect(),
                )
            }
            _ => None,
        };
        let mut finding = ctx
            .finding(&RULE, field.span, &field.path, message)
            .with_fix(fix);
        if !certain {
            finding = finding.with_severity(Severity::Info);
        }
        out.push(finding);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{beside, case, Case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const PATH: &str = "            OriginPath: /prod\n";
    const ORIGIN: &str = "          - Id: orders-api\n";
    const V2_API_UNKNOWN_PROTOCOL: &str =
        "  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      \
        Name: orders\n      ProtocolType: !Ref Protocol\n";
    const REST_API: &str = "  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      \
        Name: orders\n      EndpointConfiguration:\n        Types: [REGIONAL]\n";

    /// A stage of the example's API (for [`beside`]).
    fn stage(name: &str) -> String {
        format!(
            "{name}Stage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    RestApiId: !Ref \
             Api\n    StageName: {name}"
        )
    }

    fn sibling(text: impl Into<Case>) -> Case {
        text.into()
            .not_rendered("an API and its stages beside the distribution")
    }

    #[test]
    fn cases() {
        let prod = EXAMPLE.to_string();
        let no_stage = EXAMPLE.with(
            "  ProdStage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: \
             !Ref Api\n      StageName: prod\n      DeploymentId: abc123\n",
            "",
        );
        let ordered = "        CacheBehaviors:\n          - PathPattern: /prod/*\n            \
                       TargetOriginId: orders-api\n            ViewerProtocolPolicy: https-only\n";
        let http = no_stage
            .with("AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api")
            .with(
                "      Name: orders\n",
                "      Name: orders\n      ProtocolType: HTTP\n",
            );
        let unknown_api = API.with(PATH, "");
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(PATH, "            OriginPath: !Ref StagePath\n"),
                // Behaviors with path patterns and no stage known: the stage may be in them.
                format!("{unknown_api}{}", ordered.replace("/prod/*", "/api/*")),
            ])
            // The same beside another API's stage, which says nothing of this origin's.
            .pass([sibling(beside(
                &format!("{unknown_api}{}", ordered.replace("/prod/*", "/api/*")),
                &stage("prod"),
            ))])
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    http,
                    // The stage is the first segment of the path pattern.
                    prod.with(
                        "        DefaultCacheBehavior",
                        &format!("{ordered}        DefaultCacheBehavior"),
                    ),
                ]
                .map(sibling),
            )
            .fail([
                case(unknown_api.with("- Id:", "- ‸Id:"))
                    .severity(Severity::Info)
                    .message(
                        "origin `orders-api` has no origin path: if this is a REST API, add the \
                         stage (`/prod`)",
                    ),
                case(API.with(PATH, "            OriginPath: ‸/\n")).severity(Severity::Info),
                sibling(no_stage.with("- Id:", "- ‸Id:")).message(
                    "origin `orders-api` is a REST API without a stage in its origin path; \
                     requests miss every route and API Gateway answers 403 \"Missing \
                     Authentication Token\"",
                ),
                sibling(beside(EXAMPLE, &stage("test")).with("- Id:", "- ‸Id:")),
                // An API whose protocol the input does not give, with one stage: whether it is a
                // REST API is not known, so no fix.
                sibling(
                    prod.with(REST_API, V2_API_UNKNOWN_PROTOCOL)
                        .with(
                            "    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId",
                            "    Type: AWS::ApiGatewayV2::Stage\n    Properties:\n      ApiId",
                        )
                        .with("- Id:", "- ‸Id:"),
                )
                .severity(Severity::Info)
                .message("origin `orders-api` has no origin path: if this is a REST API"),
            ])
            .unsafe_fix([
                (
                    sibling(prod.with("- Id:", "- ‸Id:")).message(". Set OriginPath to `/prod`"),
                    prod.with(
                        ORIGIN,
                        "          - OriginPath: /prod\n            Id: orders-api\n",
                    ),
                ),
                (
                    sibling(prod.with(ORIGIN, &format!("{ORIGIN}            OriginPath: ‸''\n"))),
                    // The quotes are kept.
                    prod.with(
                        ORIGIN,
                        &format!("{ORIGIN}            OriginPath: '/prod'\n"),
                    ),
                ),
            ])
            .test();
    }
}
