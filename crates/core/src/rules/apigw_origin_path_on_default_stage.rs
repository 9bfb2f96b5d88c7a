//! `apigw-origin-path-on-default-stage`: an origin path names the HTTP API `$default` stage.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{ApiKind, Format};

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /$default
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            ),
        },
        exceptions: "None for `$default`. Named HTTP API stages do need `/{stage}`.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html",
        ],
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
                "{} has OriginPath `{path}`, but the `$default` stage is served from the API \
                 root; every request misses its route",
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
        let is_http = ctx
            .doc
            .apis
            .iter()
            .any(|a| &a.name == api_ref && a.kind == ApiKind::Http);
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
                "{} has OriginPath `{path}`, but HTTP API `{api_ref}` only has the `$default` \
                 stage, which is served from the API root",
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
    use crate::model::{Api, ApiKind, Stage};
    use crate::rules::test_support::*;

    #[test]
    fn default_stage_path_fails() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].origin_path = known("/$default".into());
        let f = check(&RULE, &doc);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].fix.as_ref().unwrap().safe);
    }

    #[test]
    fn path_on_http_api_with_only_default_stage_warns() {
        let mut doc = api_doc();
        dist(&mut doc).origins[0].api_ref = Some("Api".into());
        doc.apis.push(Api {
            name: "Api".into(),
            kind: ApiKind::Http,
            ..Api::default()
        });
        doc.stages.push(Stage {
            api_ref: Some("Api".into()),
            stage_name: known("$default".into()),
            ..Stage::default()
        });
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Warning);
        doc.stages[0].stage_name = known("prod".into());
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_path_is_silent() {
        let mut doc = api_doc();
        dist(&mut doc).origins[0].origin_path = crate::value::Field::unknown(
            crate::value::Unknown::Intrinsic("Ref".into()),
            Default::default(),
            "u",
        );
        assert!(check(&RULE, &doc).is_empty());
    }
}
