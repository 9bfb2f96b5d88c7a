//! `template-read-as-yaml`: a CloudFormation template that is not valid JSON was read as YAML.

use super::helpers::note_findings;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, NoteKind};

const EXAMPLE: &str = "{
  \"Resources\": {
    \"Cdn\": {
      \"Type\": \"AWS::CloudFront::Distribution\",
      \"Properties\": {
        \"DistributionConfig\": {
          \"Enabled\": true,
          \"Origins\": [
            {
              \"Id\": \"orders-api\",
              \"DomainName\": \"abc123defg.execute-api.eu-west-1.amazonaws.com\",
              \"OriginPath\": \"/prod\",
              \"CustomOriginConfig\": {
                \"OriginProtocolPolicy\": \"https-only\",
                \"OriginSSLProtocols\": [\"TLSv1.2\"],
              }
            }
          ],
          \"DefaultCacheBehavior\": {
            \"TargetOriginId\": \"orders-api\",
            \"ViewerProtocolPolicy\": \"https-only\",
            \"AllowedMethods\": [\"GET\", \"HEAD\", \"OPTIONS\", \"PUT\", \"PATCH\", \"POST\", \"DELETE\"],
            \"CachePolicyId\": \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\",
            \"OriginRequestPolicyId\": \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"
          }
        }
      }
    }
  }
}
";

pub static RULE: Rule = Rule {
    slug: "template-read-as-yaml",
    summary: "A JSON-looking template is not valid JSON; it was read as YAML",
    default_severity: Severity::Info,
    category: Category::Input,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Says when a CloudFormation template written as JSON is not valid JSON \
            (a raw tab inside a string, a trailing comma, single quotes) but is valid YAML, and \
            was therefore read as YAML. The rest of the template is linted as usual.",
        why_bad: "CloudFormation accepts templates in YAML, of which JSON is nearly a subset, \
            and `cfn-lint` reads every template as YAML first; so such a template deploys. JSON \
            tools (`jq`, editors, the AWS CLI's own JSON parameters) refuse it, and the \
            difference is easy to miss. Nothing is wrong with the distribution because of it.",
        example: Snippet {
            format: Format::CfnJson,
            text: EXAMPLE,
        },
        // The example without its trailing comma.
        use_instead: Snippet {
            format: Format::CfnJson,
            text: changed!(EXAMPLE, "[\"TLSv1.2\"]," => "[\"TLSv1.2\"]"),
        },
        fix_safety: None,
        exceptions: "A template kept in YAML-flavoured JSON on purpose: suppress the rule \
            with `\"Metadata\": {\"apifront\": {\"ignore\": [\"template-read-as-yaml\"]}}` on the \
            distribution.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html",
            "https://github.com/aws-cloudformation/cfn-lint/blob/main/src/cfnlint/decode/decode.py",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    note_findings(ctx, &RULE, NoteKind::ReadAsYaml, |note| {
        format!(
            "this template is not valid JSON ({} at {}:{}) but is valid YAML, which \
             CloudFormation also reads: apifront read it as YAML. JSON tools will refuse \
             the file; make it valid JSON to use them",
            note.detail, note.span.line, note.span.column
        )
    })
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let fixed = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass([
                fixed.to_string(),
                fixed.with("\"Enabled\": true", "\"Enabled\": {\"Ref\": \"Enabled\"}"),
            ])
            .fail([case(example.with("[\"TLSv1.2\"],\n", "[\"TLSv1.2\"]‸,\n"))
                .message(
                    "this template is not valid JSON (trailing comma at 15:50) but is valid YAML",
                )
                .not_rendered("how the text is written exists only in the text")])
            .test();
    }
}
