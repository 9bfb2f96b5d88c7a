//! CloudFormation templates (JSON, YAML, `cdk synth` output, SAM, and the `resources:` section
//! of a Serverless Framework file) to the model.
//!
//! Every `AWS::CloudFront::Distribution` becomes a [`crate::model::Distribution`] named by its
//! logical id; the resources around it (policies, APIs, stages, domains, …) go into the same
//! [`Document`]. Values are resolved statically by [`super::intrinsics`].

use super::cfn_resources::{self, Resource};
use super::distribution;
use super::intrinsics::Template;
use super::reader::{Dialect, Obj, Reader};
use super::{ParameterValues, ParseError};
use crate::model::{Document, Format, Note, NoteKind};
use crate::span::{LineIndex, Span};
use crate::tree::{Entry, Node};
use crate::value::FieldPath;

/// The distribution resource type.
const DISTRIBUTION: &str = "AWS::CloudFront::Distribution";

/// True when the tree looks like a CloudFormation template (has `Resources` or
/// `AWSTemplateFormatVersion`, or a Serverless Framework `resources.Resources`).
pub fn is_template(root: &Node) -> bool {
    root.get("Resources").is_some()
        || root.get("AWSTemplateFormatVersion").is_some()
        || serverless_resources(root).is_some()
}

fn serverless_resources<'n>(root: &'n Node<'n>) -> Option<&'n Node<'n>> {
    root.get("resources")?.get("Resources")
}

/// Most combinations of condition values [`build`] reads a template in; past it, the conditions
/// it leaves open are read as unknown (one document) and a note says so.
pub const MAX_VARIANTS: usize = 64;

/// Most text, in bytes, read across all combinations: a large template gets fewer of them
/// (4 for the largest input accepted), so that memory and time stay bounded.
pub const MAX_VARIANT_BYTES: usize = 64 * 1024 * 1024;

/// Prefixes of the resource types the model reads (the distribution and its siblings): only
/// their `Condition` attributes and conditional properties make the model branch, and only
/// they are read. A reader of a new type needs its prefix here.
const MODELLED: [&str; 6] = [
    "AWS::CloudFront::",
    "AWS::ApiGateway::",
    "AWS::ApiGatewayV2::",
    "AWS::Serverless::",
    "AWS::Lambda::",
    "AWS::CertificateManager::",
];

/// An error for a given parameter value the template does not declare (CloudFormation refuses
/// such a stack: "Parameters: [name] do not exist in the template"), at the template's
/// `Parameters` key, or its start when it has none.
fn undeclared(root: &Node, given: &ParameterValues, idx: &LineIndex) -> Result<(), ParseError> {
    let declared = root.get("Parameters");
    let Some(name) = given
        .keys()
        .find(|name| declared.and_then(|p| p.get(name)).is_none())
    else {
        return Ok(());
    };
    let at = root
        .entry("Parameters")
        .map_or(root.span.start, |e| e.key_span.start);
    Err(ParseError::at(
        idx,
        at,
        format!("a value is given for parameter `{name}`, which the template does not declare"),
    ))
}

/// Builds the model of a CloudFormation template: the document of the first combination of
/// condition values, holding the others in [`Document::variants`].
pub fn build(
    root: &Node,
    format: Format,
    idx: &LineIndex,
    given: &ParameterValues,
) -> Result<Document, ParseError> {
    let (resources, base) = match (root.get("Resources"), serverless_resources(root)) {
        (Some(r), _) => (Some(r), "Resources"),
        (None, Some(r)) => (Some(r), "resources/Resources"),
        (None, None) => (None, "Resources"),
    };
    let entries = resources.and_then(Node::as_map).unwrap_or_default();
    if !entries
        .iter()
        .any(|e| type_of(&e.value) == Some(DISTRIBUTION))
    {
        return Err(no_distribution(root, resources, idx).with_format(format));
    }
    undeclared(root, given, idx)?;
    let template = Template::new(root, resources, given);
    let not_created = not_created(&template, entries);
    let not_created_notes = || {
        not_created.iter().map(|(name, span)| Note {
            kind: NoteKind::DistributionNotCreated,
            span: *span,
            detail: name.to_string(),
            related: None,
        })
    };
    let most = (MAX_VARIANT_BYTES / idx.text().len().max(1)).clamp(1, MAX_VARIANTS);
    let mut docs: Vec<Document> = Vec::new();
    let mut plan = Vec::new();
    loop {
        template.conditions.start(plan, false);
        let mut doc = build_once(&template, root, entries, base, format);
        doc.notes.extend(not_created_notes());
        doc.conditions = template.conditions.decided();
        let next = template.conditions.next_plan();
        docs.push(doc);
        match next {
            None => break,
            Some(_) if docs.len() >= most => {
                template.conditions.start(Vec::new(), true);
                let mut doc = build_once(&template, root, entries, base, format);
                doc.notes.extend(not_created_notes());
                let at = root.entry("Conditions").map_or(root.span, |e| e.key_span);
                doc.notes.push(Note {
                    kind: NoteKind::ConditionsNotEvaluated,
                    span: at,
                    detail: most.to_string(),
                    related: None,
                });
                return Ok(doc);
            }
            Some(next) => plan = next,
        }
    }
    let mut first = docs.remove(0);
    first.variants = docs;
    Ok(first)
}

/// The model of one combination of condition values (the one `template` is deciding).
fn build_once<'n>(
    template: &Template,
    root: &'n Node<'n>,
    entries: &'n [Entry<'n>],
    base: &str,
    format: Format,
) -> Document {
    let mut r = Reader::new(Dialect::Cfn, template);
    let base = FieldPath::from(base);
    let mut doc = Document::new(format);
    let (listed, listed_entries): (Vec<Resource>, Vec<&Entry>) = entries
        .iter()
        .filter_map(|e| {
            let kind = type_of(&e.value).unwrap_or_default();
            if !MODELLED.iter().any(|m| kind.starts_with(m)) || !exists(template, &e.value) {
                return None;
            }
            let path = r.join_named(&base, &e.key);
            let holder = Obj::map(&e.value, path.clone());
            let res = Resource {
                id: &e.key,
                kind,
                span: e.value.span,
                props: r.obj(&holder, "Properties"),
                path,
            };
            Some((res, e))
        })
        .collect();
    for res in &listed {
        cfn_resources::read(&mut r, res, &mut doc);
    }
    super::api_cfn::read(&mut r, template, root, &listed, &mut doc);
    let domains: Vec<String> = doc
        .api_domain_names
        .iter()
        .filter_map(|d| d.domain_name.get().cloned())
        .collect();
    let domains: Vec<&str> = domains.iter().map(String::as_str).collect();
    for (res, entry) in listed.iter().zip(listed_entries) {
        if res.kind != DISTRIBUTION {
            continue;
        }
        r.mismatches.clear();
        let cfg = r.obj(&res.props, "DistributionConfig");
        let mut d = distribution::read(&mut r, &cfg, res.id.to_string(), &domains);
        d.ignore = ignore_list(&entry.value);
        doc.distributions.push(d);
    }
    doc.notes = template.take_placeholders();
    doc.set_expressions(template.take_expressions());
    doc
}

/// The resource conditions of distributions that the parameters' defaults make false (such a
/// distribution is not in the model), with where each is written.
fn not_created<'n>(template: &Template, entries: &'n [Entry<'n>]) -> Vec<(&'n str, Span)> {
    entries
        .iter()
        .filter(|e| type_of(&e.value) == Some(DISTRIBUTION))
        .filter_map(|e| {
            let node = e.value.get("Condition")?;
            let name = node.as_str()?;
            (template.fixed_condition(name) == Some(false)).then_some((name, node.span))
        })
        .collect()
}

/// False when the resource's `Condition` is false in the combination being built.
fn exists(template: &Template, resource: &Node) -> bool {
    match resource.get("Condition").and_then(Node::as_str) {
        Some(name) => template.condition(name) != Some(false),
        None => true,
    }
}

fn type_of<'n>(resource: &'n Node<'n>) -> Option<&'n str> {
    resource.get("Type").and_then(Node::as_str)
}

/// `Metadata: {apifront: {ignore: [slug, …]}}` (a comma-separated string works too).
fn ignore_list(resource: &Node) -> Vec<String> {
    let Some(ignore) = resource
        .get("Metadata")
        .and_then(|m| m.get("apifront"))
        .and_then(|a| a.get("ignore"))
    else {
        return Vec::new();
    };
    let items: Vec<&str> = match ignore.as_seq() {
        Some(items) => items.iter().filter_map(Node::as_str).collect(),
        None => ignore
            .as_str()
            .map(|s| s.split(',').collect())
            .unwrap_or_default(),
    };
    items
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn no_distribution(root: &Node, resources: Option<&Node>, idx: &LineIndex) -> ParseError {
    let Some(entries) = resources.and_then(Node::as_map) else {
        let hint = if root.get("DistributionConfig").is_some() || root.get("Distribution").is_some()
        {
            "this looks like AWS CLI output in YAML; run the command with `--output json`"
        } else {
            "a template lists its resources under `Resources:`"
        };
        return ParseError::at(
            idx,
            root.span.start,
            "not a CloudFront distribution config; expected AWS CLI JSON, a CloudFormation \
             template (JSON or YAML) or Terraform",
        )
        .with_hint(hint);
    };
    let mut types: Vec<&str> = entries.iter().filter_map(|e| type_of(&e.value)).collect();
    types.sort_unstable();
    types.dedup();
    let shown: Vec<&str> = types.iter().copied().take(5).collect();
    let more = if types.len() > shown.len() {
        ", …"
    } else {
        ""
    };
    let hint = match entries.len() {
        0 => "the template has no resources".to_string(),
        n => format!(
            "the template has {n} resource{} ({}{more}); paste the template that defines the distribution",
            if n == 1 { "" } else { "s" },
            shown.join(", ")
        ),
    };
    ParseError::at(
        idx,
        0,
        "the template defines no AWS::CloudFront::Distribution",
    )
    .with_hint(hint)
}
