//! `distribution-not-created`: a distribution whose resource `Condition` is false with the
//! parameters' defaults, so there is nothing to check.

use super::helpers::note_findings;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, NoteKind};

const EXAMPLE: &str = "Parameters:
  ApiDomain:
    Type: String
    Default: ''
Conditions:
  PutCdnInFront: !Not [!Equals [!Ref ApiDomain, '']]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Condition: PutCdnInFront
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
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "distribution-not-created",
    summary: "The distribution is not created with the parameters' defaults, so nothing of it is checked",
    default_severity: Severity::Info,
    category: Category::Input,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "apifront reads a template as CloudFormation would deploy it with the \
            parameters' defaults: a condition those defaults decide picks its branch. A \
            distribution whose resource `Condition` is false with the defaults is not created, \
            so none of its settings are checked; this information says so instead of staying \
            silent.",
        why_bad: "Nothing is wrong: reusable templates often create CloudFront only when a \
            parameter is given. But a lint that checks nothing must not look like a clean \
            result. To check the distribution, give the parameters behind the condition the \
            values a stack uses: with the CLI, `--parameter NAME=VALUE`; elsewhere, as their \
            defaults (or paste the template with them filled in). apifront does not guess \
            them, since the other conditions over the same parameters would change with them.",
        example: Snippet {
            format: Format::CfnYaml,
            text: EXAMPLE,
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: changed!(EXAMPLE, "    Default: ''\n" => "    Default: api.example.com\n"),
        },
        fix_safety: None,
        exceptions: "None; the finding is information.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    note_findings(ctx, &RULE, NoteKind::DistributionNotCreated, |note| {
        format!(
            "this distribution is created only when condition `{}` is true, which it is \
             not with the parameters' defaults: none of its settings were checked; to check \
             it, give the parameters behind `{}` the values a stack uses (with the CLI, \
             `--parameter NAME=VALUE`; elsewhere, as their defaults)",
            note.detail, note.detail
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
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                // A condition the defaults leave open is a branch, not an assumption.
                example.with("    Default: ''\n", ""),
                // Unknown values inside the distribution change nothing.
                RULE.docs
                    .use_instead
                    .text
                    .with("OriginPath: /prod", "OriginPath: !Ref StagePath"),
            ])
            .fail([case(example.mark("PutCdnInFront\n    Properties"))
                .message("created only when condition `PutCdnInFront` is true")
                .message("none of its settings were checked")
                .not_rendered("conditions exist only in CloudFormation")])
            .test();
    }
}
