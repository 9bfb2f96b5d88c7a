//! `default-root-object-on-api`: a default root object rewrites `/` for an API.

use super::behind::{api_name, Target, PASTE};
use crate::api::resolve;
use crate::api::resolve::Outcome;
use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::render::plan::strip;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "        DefaultRootObject: index.html\n",
        sibling_api_origin!(),
        api_behavior!()
    ),
    rest_api!(),
    "  Home:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
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
    slug: "default-root-object-on-api",
    summary: "DefaultRootObject is set while the default behavior goes to an API",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a non-empty `DefaultRootObject` when the default behavior reaches \
            an API Gateway origin whose API does not serve that object: it resolves `GET \
            /{object}` against the API's stages and routes. \n\n\
            **What it needs to know**: the API's routes. **When it does not know** (the API is \
            not in the input) it reports information: give the API's definition. A Lambda \
            function URL does no routing (the function gets `/index.html` and decides what to \
            answer): not reported.",
        why_bad: "CloudFront rewrites a request for `/` to `/index.html` (or whatever the \
            object is) before it reaches the API, which then answers 403 or 404 for a route \
            it does not have. A default root object is meant for S3 origins (Security Hub \
            CloudFront.1 expects one only there).",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "        DefaultRootObject: index.html\n" => "")),
        exceptions: "An API that really serves that object at that path is not reported.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.default_root_object;
    let Some(object) = field.get().filter(|o| !o.trim().is_empty()) else {
        return Vec::new();
    };
    let Some(default) = &ctx.dist.default_behavior else {
        return Vec::new();
    };
    let Some(target) = ctx.behind(default).first() else {
        return Vec::new();
    };
    let object_path = format!("/{}", object.trim().trim_start_matches('/'));
    let (severity, answer) = match &target.target {
        Target::FunctionUrl(_) => return Vec::new(),
        Target::Unknown if !target.origin.kind.0.is_api_gateway() => return Vec::new(),
        Target::Unknown => (
            Severity::Info,
            format!(
                "whether the API serves `{object_path}` is not in the input; if it does not, \
                 it answers 403 or 404. To check, {PASTE}"
            ),
        ),
        Target::Api(reach) => {
            let (Some(origin_path), true) = (&reach.origin_path, reach.rewrite.unknown.is_empty())
            else {
                return Vec::new();
            };
            let api_path = format!("{origin_path}{}", strip(&reach.rewrite.strip, &object_path));
            let names: Vec<String> = reach.apis.iter().map(|a| api_name(a).to_string()).collect();
            match resolve(&reach.entry, "GET", &api_path).outcome {
                Outcome::Rejected(r) => (
                    Severity::Warning,
                    format!(
                        "{} has no route for it (`{api_path}`) and answers {} {}",
                        names.join(", "),
                        r.status,
                        r.body
                    ),
                ),
                Outcome::Depends { unknown } => (
                    Severity::Info,
                    format!(
                        "whether {} serves `{api_path}` depends on what the input does not \
                         show: {}",
                        names.join(", "),
                        unknown
                            .iter()
                            .map(|u| u.reason.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                ),
                _ => return Vec::new(),
            }
        }
    };
    let message = format!(
        "{} `{object}` rewrites `GET /` to `{object_path}` and the default behavior sends it to \
         an API: {answer}",
        Key::DEFAULT_ROOT_OBJECT.name(ctx.format())
    );
    let edit = ctx.editor().unset(field.span);
    let fix = Fix::unsafe_("remove the default root object", edit.into_iter().collect());
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_severity(severity)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::model::Format;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{
        beside, case, cfn, tf, with_config, CaseText, Tester, API, API_BEHAVIOR,
    };

    const SIBLINGS: &str = "the API beside the distribution";

    fn root(object: &str) -> String {
        with_config(&format!("        DefaultRootObject: {object}\n"))
    }

    #[test]
    fn cases() {
        let cli = r#"{"DistributionConfig": {"DefaultRootObject": ‸"index.html",
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "a"}}}"#;
        let terraform = tf("  default_root_object = ‸\"index.html\"\n", "", "");
        // The API writes "no default root object" as an empty string; the other formats drop
        // the key.
        let empty_in_cli = "the CLI JSON fix writes an empty string";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                root("''"),
                root("!Ref RootObject"),
                // The default behavior serves a site, or a function URL the input does not show.
                root("index.html").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "site.s3.amazonaws.com",
                ),
                root("index.html").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws",
                ),
            ])
            .pass([
                // The API serves the object, and a function URL does no routing.
                case(with_rest_api(
                    &SIBLING.with("        Origins:", "        DefaultRootObject: index.html\n        Origins:"),
                    &["GET /index.html"],
                    "",
                ))
                .not_rendered(SIBLINGS),
                case(beside(
                    &cfn(
                        "        DefaultRootObject: index.html\n",
                        "            DomainName: !Select [2, !Split ['/', !GetAtt Url.FunctionUrl]]\n            \
                         CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n",
                        API_BEHAVIOR,
                    ),
                    "Url:\n  Type: AWS::Lambda::Url\n  Properties:\n    TargetFunctionArn: arn:aws:lambda:eu-west-1:123456789012:function:f\n    AuthType: NONE",
                ))
                .not_rendered("a function URL beside the distribution"),
            ])
            .unsafe_fix([
                // Whether the API's default endpoint is on is not known.
                (
                    case(RULE.docs.example.text.mark("index.html\n").with("      Name: orders\n", "      Name: orders\n      DisableExecuteApiEndpoint: !Ref Disable\n"))
                        .not_rendered(SIBLINGS)
                        .severity(Severity::Info)
                        .message("depends on what the input does not show"),
                    RULE.docs.use_instead.text.with("      Name: orders\n", "      Name: orders\n      DisableExecuteApiEndpoint: !Ref Disable\n"),
                ),
                (
                    case(RULE.docs.example.text.mark("index.html\n"))
                        .not_rendered(SIBLINGS)
                        .message("REST API `Api` has no route for it (`/prod/index.html`) and answers 403"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(root("‸index.html"))
                        .severity(Severity::Info)
                        .message(
                            "DefaultRootObject `index.html` rewrites `GET /` to `/index.html` and \
                             the default behavior sends it to an API: whether the API serves \
                             `/index.html` is not in the input",
                        )
                        .except(&[Format::CliJson], empty_in_cli),
                    API.to_string(),
                ),
                (
                    case(root("‸/app/index.html"))
                        .severity(Severity::Info)
                        .message("rewrites `GET /` to `/app/index.html`")
                        .except(&[Format::CliJson], empty_in_cli),
                    API.to_string(),
                ),
                (
                    case(cli).severity(Severity::Info).except(
                        &[Format::CfnYaml, Format::CfnJson, Format::Terraform],
                        empty_in_cli,
                    ),
                    cli.unmarked().with("\"index.html\"", "\"\""),
                ),
                (
                    case(&terraform)
                        .severity(Severity::Info)
                        .message("default_root_object `index.html` rewrites `GET /` to `/index.html`")
                        .except(&[Format::CliJson], empty_in_cli),
                    terraform.unmarked()
                        .with("  default_root_object = \"index.html\"\n", ""),
                ),
            ])
            .test();
    }
}
