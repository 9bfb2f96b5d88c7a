//! `conditions-not-evaluated`: a template with more combinations of conditions than apifront
//! evaluates one by one.

use super::helpers::note_findings;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::NoteKind;

const EXAMPLE: &str = "Parameters:
  Opt1: {Type: String, AllowedValues: [on, off]}
  Opt2: {Type: String, AllowedValues: [on, off]}
  Opt3: {Type: String, AllowedValues: [on, off]}
  Opt4: {Type: String, AllowedValues: [on, off]}
  Opt5: {Type: String, AllowedValues: [on, off]}
  Opt6: {Type: String, AllowedValues: [on, off]}
  Opt7: {Type: String, AllowedValues: [on, off]}
Conditions:
  Use1: !Equals [!Ref Opt1, on]
  Use2: !Equals [!Ref Opt2, on]
  Use3: !Equals [!Ref Opt3, on]
  Use4: !Equals [!Ref Opt4, on]
  Use5: !Equals [!Ref Opt5, on]
  Use6: !Equals [!Ref Opt6, on]
  Use7: !Equals [!Ref Opt7, on]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Comment: !If [Use1, orders API (staging), orders API]
        PriceClass: !If [Use2, PriceClass_All, PriceClass_100]
        HttpVersion: !If [Use3, http2and3, http2]
        IPV6Enabled: !If [Use4, true, false]
        Origins:
          - Id: orders-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            ConnectionAttempts: !If [Use5, 3, 2]
            ConnectionTimeout: !If [Use6, 10, 5]
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          Compress: !If [Use7, true, false]
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "conditions-not-evaluated",
    summary: "The template has too many combinations of conditions to check each one",
    default_severity: Severity::Info,
    category: Category::Input,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "apifront evaluates a template's conditions as branches: for every \
            combination of the conditions the distribution depends on (the ones that \
            parameter defaults do not decide), it builds the configuration CloudFormation \
            would deploy and lints it, and a finding that holds in only some combinations \
            names the conditions. Past 64 combinations it stops: this rule says so, and the \
            values that depend on an open condition are read as unknown, so the rules that \
            need them are skipped.",
        why_bad: "Nothing is wrong with the template; the check is less complete than usual. \
            Give the parameters behind the conditions the values a stack really uses (with \
            the CLI, `--parameter NAME=VALUE`; elsewhere, as their defaults) to have every \
            branch checked.",
        example: Snippet::cfn_yaml(EXAMPLE),
        // The example with a default for every parameter.
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "Opt1: {Type: String, AllowedValues: [on, off]}" => "Opt1: {Type: String, AllowedValues: [on, off], Default: off}",
            "Opt2: {Type: String, AllowedValues: [on, off]}" => "Opt2: {Type: String, AllowedValues: [on, off], Default: off}",
            "Opt3: {Type: String, AllowedValues: [on, off]}" => "Opt3: {Type: String, AllowedValues: [on, off], Default: off}",
            "Opt4: {Type: String, AllowedValues: [on, off]}" => "Opt4: {Type: String, AllowedValues: [on, off], Default: off}",
            "Opt5: {Type: String, AllowedValues: [on, off]}" => "Opt5: {Type: String, AllowedValues: [on, off], Default: off}",
            "Opt6: {Type: String, AllowedValues: [on, off]}" => "Opt6: {Type: String, AllowedValues: [on, off], Default: off}",
            "Opt7: {Type: String, AllowedValues: [on, off]}" => "Opt7: {Type: String, AllowedValues: [on, off], Default: off}"
        )),
        fix_safety: None,
        exceptions: "None; the finding is information.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    note_findings(ctx, &RULE, NoteKind::ConditionsNotEvaluated, |note| {
        format!(
            "the distribution depends on more than {} combinations of this template's \
             conditions: apifront did not check them one by one, read the values that \
             depend on an open condition as unknown and skipped the checks that need \
             them; to check every branch, give the parameters behind the conditions \
             values (with the CLI, `--parameter NAME=VALUE`; elsewhere, as their defaults)",
            note.detail
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
                // Six open conditions: 64 combinations, all built.
                example.with(
                    "Compress: !If [Use7, true, false]",
                    "Compress: !Ref Compress",
                ),
            ])
            .fail([case(example.mark("Conditions:"))
                .message("more than 64 combinations of this template's conditions")
                .not_rendered("conditions exist only in CloudFormation")])
            .test();
    }
}
