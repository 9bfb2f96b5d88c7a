//! `target-origin-unlinked`: a behavior whose `TargetOriginId` cannot be matched to an origin
//! because the target or the origin ids are expressions whose values are not known.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Link;
use crate::value::Field;

const EXAMPLE: &str = "Parameters:
  Prefix:
    Type: String
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: !Sub \"${Prefix}-orders\"
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: !Sub \"${Prefix}-orders-api\"
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "target-origin-unlinked",
    summary: "A behavior's `TargetOriginId` cannot be matched to an origin, so the rules about \
        its origin were not run",
    default_severity: Severity::Info,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors whose `TargetOriginId` apifront cannot match to an \
            origin or origin group: the target or some origin ids are parameters, variables or \
            expressions whose values the input does not give, and no origin id is the same \
            expression. Ids are matched by value when they can be evaluated (parameter \
            defaults, mappings, variable defaults, locals) and by expression when both sides \
            are written the same way (`!Ref Prefix` and `!Sub \"${Prefix}\"` are the same; so \
            are `!Sub \"${Prefix}-api\"` and `{\"Fn::Sub\": \"${Prefix}-api\"}`).",
        why_bad: "Most rules check a behavior against the origin it sends requests to (API \
            Gateway host header, stage path, methods, cache key). When the link cannot be made \
            those checks are skipped for the behavior, and a typo in the id (which CloudFront \
            rejects) goes unnoticed.",
        example: Snippet::cfn_yaml(EXAMPLE),
        // The example with the origin id the behavior names.
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "- Id: !Sub \"${Prefix}-orders\"" => "- Id: !Sub \"${Prefix}-orders-api\"")),
        fix_safety: None,
        exceptions: "Ids built differently on each side can still be equal once deployed \
            (`!Sub \"${Prefix}-api\"` and `!Join [\"-\", [!Ref Prefix, api]]` are; apifront \
            matches both, but not every such pair). Write the target the way the origin id is \
            written, give the parameter or variable a default, or suppress the rule with \
            `apifront: {ignore: [target-origin-unlinked]}` in the distribution's Metadata \
            (`# apifront-ignore: target-origin-unlinked` in Terraform).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html",
        ],
    },
    check,
};

/// Longest source text shown for a value in a message.
const SHOWN: usize = 60;

fn check(ctx: &LintContext) -> Vec<Finding> {
    let dist = ctx.dist;
    let generated = dist
        .dynamic_blocks
        .iter()
        .any(|b| b == "origin" || b == "origin_group");
    let unknown_ids: Vec<String> = dist
        .origins
        .iter()
        .enumerate()
        .filter(|(_, o)| o.id.is_unknown())
        .map(|(i, o)| match o.opaque {
            // Its whole text is the expression: name the origin, not the text.
            true => format!("of origin {} (a condition left open picks it)", i + 1),
            false => shown(ctx, &o.id),
        })
        .chain(
            dist.origin_groups
                .iter()
                .filter(|g| g.id.is_unknown())
                .map(|g| shown(ctx, &g.id)),
        )
        .collect();
    let mut out = Vec::new();
    for b in dist.all_behaviors() {
        if dist.link(b) != Link::Unlinked {
            continue;
        }
        let target = &b.target_origin_id;
        let field = Key::TARGET_ORIGIN_ID.name(ctx.format());
        let why = if generated {
            "the origins come from a `dynamic` block, so apifront cannot tell which one it \
             reaches; check that an origin with this id exists and is set up for what the \
             behavior serves"
                .to_string()
        } else if target.is_unknown() {
            let ids = match unknown_ids.len() {
                0 => "every origin id is a literal".to_string(),
                _ => format!(
                    "no origin id is the same expression ({})",
                    unknown_ids.join(", ")
                ),
            };
            format!(
                "{ids}; check that it names the intended origin, and write both ids the same \
                 way or give the parameter or variable a default so they can be compared"
            )
        } else if let [only] = unknown_ids.as_slice() {
            format!(
                "the origin id {only} is not known here; check that it is this id, or give it \
                 a value apifront can read (a parameter or variable default)"
            )
        } else {
            format!(
                "the origin ids {} are not known here; check that one of them is this id, or \
                 give them values apifront can read (parameter or variable defaults)",
                unknown_ids.join(", ")
            )
        };
        let message = format!(
            "{} targets {} ({field}), which apifront cannot match to an origin: {why}. The \
             rules about its origin were not run for it",
            behavior_name(b),
            shown(ctx, target)
        );
        out.push(ctx.finding(&RULE, target.span, &target.path, message));
    }
    out
}

/// A value as the user wrote it: a known value, or the source text of an expression (cut to
/// [`SHOWN`] characters, on one line).
fn shown(ctx: &LintContext, field: &Field<String>) -> String {
    if let Some(v) = field.get() {
        return format!("`{v}`");
    }
    let written = ctx
        .text
        .get(field.span.start..field.span.end)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let cut: String = written.chars().take(SHOWN).collect();
    match (cut.is_empty(), cut.len() < written.len()) {
        (true, _) => "a value apifront cannot read".to_string(),
        (false, true) => format!("`{cut}…`"),
        (false, false) => format!("`{cut}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, TF_DYNAMIC_ORIGINS};

    const GENERATED: &str =
        "the origins come from a `dynamic` block, so apifront cannot tell which one it reaches";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let fixed = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass([
                fixed.to_string(),
                // The same expression written two ways still links.
                fixed.replacen(
                    "TargetOriginId: !Sub \"${Prefix}-orders-api\"",
                    "TargetOriginId: {\"Fn::Sub\": \"${Prefix}-orders-api\"}",
                    1,
                ),
            ])
            .fail([case(example.mark("!Sub \"${Prefix}-orders-api\""))
                .message("default behavior targets `!Sub \"${Prefix}-orders-api\"` (TargetOriginId), which apifront cannot match to an origin")
                .message("no origin id is the same expression (`!Sub \"${Prefix}-orders\"`)")
                .not_rendered("ids built from parameters exist only in CloudFormation and Terraform")])
            .fail(
                [
                    // A target the input does not give, beside literal origin ids.
                    case(example.with("- Id: !Sub \"${Prefix}-orders\"", "- Id: orders-api").mark("!Sub \"${Prefix}-orders-api\""))
                        .message("every origin id is a literal; check that it names the intended origin"),
                    // A long expression is cut.
                    case(example.with("${Prefix}-orders-api", "${Prefix}-orders-api-${AWS::Region}-${AWS::AccountId}-primary").mark("!Sub \"${Prefix}-orders-api-"))
                        .message("targets `!Sub \"${Prefix}-orders-api-${AWS::Region}-${AWS::AccountId}-…` (TargetOriginId)"),
                    // A literal target beside origin ids the input does not give.
                    case(example.mark("!Sub \"${Prefix}-orders-api\"").with("!Sub \"${Prefix}-orders-api\"", "orders-api"))
                        .message("the origin id `!Sub \"${Prefix}-orders\"` is not known here"),
                    case(
                        example
                            .mark("!Sub \"${Prefix}-orders-api\"")
                            .with("!Sub \"${Prefix}-orders-api\"", "orders-api")
                            .with("        DefaultCacheBehavior:", "          - Id: !Ref Prefix\n            DomainName: www.example.com\n            CustomOriginConfig: {OriginProtocolPolicy: https-only}\n        DefaultCacheBehavior:"),
                    )
                    .message("the origin ids `!Sub \"${Prefix}-orders\"`, `!Ref Prefix` are not known here"),
                    // Origins or origin groups written by a dynamic block.
                    case(TF_DYNAMIC_ORIGINS.mark("\"api\"")).message(GENERATED),
                    case(TF_DYNAMIC_ORIGINS.with("dynamic \"origin\"", "dynamic \"origin_group\"").mark("\"api\"")).message(GENERATED),
                ]
                .map(|c| c.not_rendered("ids built from parameters, and dynamic blocks, exist only in CloudFormation and Terraform")),
            )
            .test();
    }
}
