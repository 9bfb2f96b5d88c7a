//! `placeholder-value`: a value left to fill in (`<your-bucket>`, `REPLACE_ME`, `xxxx`, a
//! `${Name}` in a plain string).

use super::helpers::note_findings;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, NoteKind};

pub static RULE: Rule = Rule {
    slug: "placeholder-value",
    summary: "A value is a placeholder left to fill in",
    default_severity: Severity::Info,
    category: Category::Input,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds values that are placeholders from an example or a generator: \
            `<your-bucket>`-style names in angle brackets, `REPLACE_ME` / `REPLACE_WITH_…`, \
            `CHANGE_ME`, `YOUR_…` / `your-…` words, runs of `xxx`, a whole value `TODO`, and a \
            `${Name}` written in a plain string (only `Fn::Sub` replaces it; the AWS CLI never \
            does). Values with spaces (comments, descriptions) are never taken for \
            placeholders. One finding per placeholder; the value is read as unknown, so the \
            other rules skip it instead of reporting the same placeholder many times (a \
            placeholder inside a host name keeps the rest of the host: \
            `<api-id>.execute-api.us-east-1.amazonaws.com` is still an API Gateway origin).",
        why_bad: "Deployed as it is, the value is wrong: CloudFront rejects the placeholder \
            or sends requests to a host that does not exist. It is reported at info level \
            because the right value is not in the input: fill it in.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    "            DomainName: <api-id>.execute-api.eu-west-1.amazonaws.com\n",
                    "            OriginPath: /prod\n",
                    "            CustomOriginConfig:\n",
                    "              OriginProtocolPolicy: https-only\n",
                    "              OriginSSLProtocols: [TLSv1.2]\n",
                ),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        fix_safety: None,
        exceptions: "A value that really is written this way (an origin id `xxx`): suppress \
            the rule with `apifront: {ignore: [placeholder-value]}` in the distribution's \
            Metadata. `example.com` names are not taken for placeholders.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html",
            "https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    note_findings(ctx, &RULE, NoteKind::Placeholder, |note| {
        let parts: Vec<&str> = note.detail.split(", ").collect();
        let listed = parts
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        let (is, are) = match parts.len() {
            1 => ("is", "is a placeholder"),
            _ => ("are", "are placeholders"),
        };
        match (note.detail.starts_with("${"), ctx.format()) {
            (true, Format::CliJson) => format!(
                "{listed} {are}: the AWS CLI sends `${{…}}` as it is written; put the real \
                 value here"
            ),
            (true, _) => format!(
                "{listed} {is} written in a plain string: CloudFormation replaces `${{…}}` \
                 only inside `Fn::Sub` and deploys this text as it is; use `!Sub` (or \
                 `{{\"Fn::Sub\": …}}`), or put the real value here"
            ),
            (false, _) => format!(
                "{listed} {are} left to fill in; apifront reads this value as unknown and \
                 skips the checks that need it: put the real value here"
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with("Enabled: true", "Enabled: !Ref Enabled"),
                // Real values that only look odd.
                API.with(
                    "Enabled: true",
                    "Enabled: true\n        Comment: TODO list API",
                ),
            ])
            .fail([
                case(example.mark("<api-id>"))
                    .message("`<api-id>` is a placeholder left to fill in")
                    .not_rendered("the host's shape comes from the placeholder"),
                case(API.with("TargetOriginId: orders-api", "TargetOriginId: ‸REPLACE_ME"))
                    .message("`REPLACE_ME` is a placeholder")
                    .not_rendered(
                        "a placeholder is read as unknown, and written back as an expression",
                    ),
            ])
            .test();
    }
}
