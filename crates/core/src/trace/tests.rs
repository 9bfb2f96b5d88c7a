//! Trace tests on the rules' documentation examples and on the registry of rule slugs.

use super::*;
use crate::rules;

fn run(text: &str, line: &str, headers: &[&str]) -> Trace {
    let doc = crate::parse::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut request = Request::parse(line).unwrap();
    for h in headers {
        request.add_header(h).unwrap();
    }
    trace(&doc, text, &request, &Options::default()).unwrap()
}

#[test]
fn every_rule_a_hop_names_exists() {
    // Hops only name registered rules: trace the documentation examples of every rule with a
    // few requests and check every slug that comes back.
    for rule in rules::all() {
        for line in [
            "GET https://d111111abcdef8.cloudfront.net/orders",
            "POST http://d111111abcdef8.cloudfront.net/orders",
        ] {
            for text in [rule.docs.example.text, rule.docs.use_instead.text] {
                let Ok(doc) = crate::parse::parse(text) else {
                    continue;
                };
                let request = Request::parse(line).unwrap();
                let Ok(t) = trace(&doc, text, &request, &Options::default()) else {
                    continue;
                };
                for hop in &t.hops {
                    if let Some(slug) = hop.rule {
                        assert!(rules::by_slug(slug).is_some(), "unknown rule {slug}");
                    }
                }
            }
        }
    }
}

#[test]
fn trace_examples_show_their_rule_failing() {
    let mut problems = Vec::new();
    for example in examples::all() {
        let Some(rule) = rules::by_slug(example.rule) else {
            problems.push(format!("no rule {}", example.rule));
            continue;
        };
        let t = run(rule.docs.example.text, example.request, example.headers);
        match t.hops.iter().find(|h| h.rule == Some(example.rule)) {
            None => problems.push(format!(
                "{}: no hop names the rule: {:#?}",
                example.rule, t.hops
            )),
            Some(hop) if hop.verdict == Verdict::Ok => {
                problems.push(format!("{}: the hop is ok: {hop:?}", example.rule))
            }
            Some(_) => {}
        }
        // The rule's "use instead" example does not show it.
        let fixed = run(rule.docs.use_instead.text, example.request, example.headers);
        if let Some(h) = fixed
            .hops
            .iter()
            .find(|h| h.rule == Some(example.rule) && h.verdict != Verdict::Ok)
        {
            problems.push(format!(
                "{}: the fixed example still fails: {h:?}",
                example.rule
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
