//! `duplicate-key`: a key repeated in one map; the last value is the one that counts.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, NoteKind};

pub static RULE: Rule = Rule {
    slug: "duplicate-key",
    summary: "A key appears twice in one map; only the last value counts",
    default_severity: Severity::Warning,
    category: Category::Input,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a key written twice in the same map of a CloudFormation template \
            (JSON or YAML) or of AWS CLI JSON. The rest of the file is read and linted with the \
            last value, the one that is deployed.",
        why_bad: "CloudFormation accepts a repeated key and keeps its last value (its \
            documentation warns that repeated sections give undefined behaviour); the AWS CLI \
            reads JSON with Python's `json` module, which also keeps the last value. The first \
            value is silently ignored: either it is dead text, or it is the value that was \
            meant and the deployment differs from what the file seems to say. Some tools \
            refuse the file outright (`cfn-lint` reports E0000, several YAML loaders fail).",
        example: Snippet {
            format: Format::CfnYaml,
            text: "Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: allow-all
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
          ViewerProtocolPolicy: https-only
",
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        fix_safety: None,
        exceptions: "None: remove the value that is not meant.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html",
            "https://docs.python.org/3/library/json.html#repeated-names-within-an-object",
            "https://github.com/aws-cloudformation/cfn-lint/issues/35",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let reader = match ctx.format() {
        Format::CliJson => "the AWS CLI keeps the last value",
        _ => "CloudFormation keeps the last value",
    };
    ctx.notes(NoteKind::DuplicateKey)
        .into_iter()
        .map(|note| {
            let first = note
                .related
                .map(|s| format!(" (first at {}:{})", s.line, s.column))
                .unwrap_or_default();
            let message = format!(
                "`{}` appears twice in this map{first}: {reader}, so the first one has no \
                 effect; remove the one that is not meant",
                note.detail
            );
            let finding = ctx.finding(&RULE, note.span, "", message);
            match note.related {
                Some(first) => finding.with_related(first, "first occurrence"),
                None => finding,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let json = r#"{"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution",
  "Properties": {"DistributionConfig": {"Enabled": true, ‸"Enabled": false}}}}}"#;
        let cli = r#"{"DistributionConfig": {"Enabled": true, ‸"Comment": "a", "Comment": "b",
  "Origins": {"Quantity": 0}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with("Enabled: true", "Enabled: !Ref Enabled"),
                // The same key in two different maps is no repetition.
                API.with("Enabled: true", "Enabled: true\n        Comment: Enabled"),
            ])
            .fail([
                case(example.mark("ViewerProtocolPolicy: https-only"))
                    .message("`ViewerProtocolPolicy` appears twice in this map (first at 16:11)")
                    .related("first occurrence")
                    .not_rendered("a repeated key exists only in the text"),
                case(json)
                    .message("`Enabled` appears twice")
                    .related("first occurrence")
                    .not_rendered("a repeated key exists only in the text"),
                case(cli.replacen("‸\"Comment\": \"a\", ", "\"Comment\": \"a\", ‸", 1))
                    .message("`Comment` appears twice")
                    .message("the AWS CLI keeps the last value")
                    .related("first occurrence")
                    .not_rendered("a repeated key exists only in the text"),
            ])
            .test();
    }
}
