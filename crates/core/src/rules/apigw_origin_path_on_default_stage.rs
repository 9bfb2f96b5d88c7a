//! `apigw-origin-path-on-default-stage`: an origin path names the HTTP API `$default` stage.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::ApiKind;

pub static RULE: Rule = Rule {
    slug: "apigw-origin-path-on-default-stage",
    summary: "The origin path targets the `$default` stage, which is served from `/`",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an `OriginPath` of `/$default` (error), and an origin path on an \
            HTTP API whose only stage in the input is `$default` (warning).",
        why_bad: "The `$default` stage is served from the root of the API URL; adding it (or \
            another prefix) to the origin path misses every route.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /$default
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            "",
            "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
            api_behavior!()
        )),
        exceptions: "None for `$default`. Named HTTP API stages do need `/{stage}`.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in ctx
        .dist
        .origins
        .iter()
        .filter(|o| o.kind.0.is_api_gateway())
    {
        let field = &origin.origin_path;
        let key = Key::ORIGIN_PATH.name(ctx.format());
        let Some(path) = field.get() else { continue };
        if path.is_empty() {
            continue;
        }
        let fix = || {
            Fix::safe(
                "remove the origin path",
                vec![ctx.editor().replace_string(field.span, "")],
            )
        };
        if path.trim_end_matches('/') == "/$default" {
            let message = format!(
                "{} has {key} `{path}`, but the `$default` stage is served from the API root; \
                 every request misses its route",
                origin_name(origin)
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_fix(fix()),
            );
            continue;
        }
        let Some(api_ref) = &origin.api_ref else {
            continue;
        };
        let is_http =
            super::helpers::sibling_api(ctx, origin).is_some_and(|a| a.kind == ApiKind::Http);
        let stages: Vec<_> = ctx
            .doc
            .stages
            .iter()
            .filter(|s| s.api_ref.as_ref() == Some(api_ref))
            .collect();
        let only_default = !stages.is_empty()
            && stages
                .iter()
                .all(|s| s.stage_name.get().is_some_and(|n| n == "$default"));
        if is_http && only_default {
            let message = format!(
                "{} has {key} `{path}`, but HTTP API `{api_ref}` only has the `$default` stage, \
                 which is served from the API root",
                origin_name(origin)
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_severity(Severity::Warning),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{beside, case, tf, CaseText, Tester, API};

    const PATH: &str = "OriginPath: /prod";

    /// An HTTP API with these stages beside a distribution whose origin is its endpoint with
    /// OriginPath `path`.
    fn http_api(path: &str, stages: &[&str]) -> String {
        let text = API
            .with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com",
            )
            .with(PATH, &format!("OriginPath: {path}"));
        let mut resources =
            "Api:\n  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: orders\n    ProtocolType: HTTP"
                .to_string();
        for (i, stage) in stages.iter().enumerate() {
            resources.push_str(&format!(
                "\nStage{i}:\n  Type: AWS::ApiGatewayV2::Stage\n  Properties:\n    ApiId: !Ref Api\n    StageName: '{stage}'"
            ));
        }
        beside(&text, &resources)
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let sibling = "an HTTP API and its stages beside the distribution";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(PATH, "OriginPath: ''"),
                API.with(PATH, "OriginPath: !Ref StagePath"),
                // Not an API Gateway origin.
                API.with(PATH, "OriginPath: /$default").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "example.com",
                ),
            ])
            .pass(
                [
                    http_api("/prod", &["$default", "prod"]),
                    http_api("/prod", &["prod"]),
                    http_api("/prod", &[]),
                    http_api("/prod", &["$default", "!Ref Stage"]),
                ]
                .map(|text| case(text).not_rendered(sibling)),
            )
            .fail([case(http_api("‸/prod", &["$default"]))
                .severity(Severity::Warning)
                .message(
                    "origin `orders-api` has OriginPath `/prod`, but HTTP API `Api` only has the \
                     `$default` stage",
                )
                .not_rendered(sibling)])
            .fix([
                (
                    case(example.mark("/$default")).message(
                        "origin `orders-api` has OriginPath `/$default`, but the `$default` stage \
                         is served from the API root",
                    ),
                    example.with("/$default", "\"\""),
                ),
                (
                    case(tf("", "    origin_path = ‸\"/$default\"\n", "")).message(
                        "origin `api` has origin_path `/$default`, but the `$default` stage is \
                         served from the API root",
                    ),
                    tf("", "    origin_path = \"\"\n", ""),
                ),
                (
                    case(API.with(PATH, "OriginPath: ‸/$default/")),
                    API.with(PATH, "OriginPath: \"\""),
                ),
            ])
            .test();
    }
}
