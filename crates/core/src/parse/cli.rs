//! AWS CLI / CloudFront API JSON to the model.
//!
//! Accepted shapes: `get-distribution-config` output (`{ETag, DistributionConfig}`),
//! `get-distribution` / `create-distribution` output (`{Distribution: {Id, …, DistributionConfig}}`),
//! `{DistributionConfigWithTags: {DistributionConfig}}`, a bare `DistributionConfig` (the input of
//! `create-distribution` / `update-distribution`), `list-distributions` output
//! (`{DistributionList: {Items: [summary…]}}`), and a list of summaries or configurations (what
//! `--query 'DistributionList.Items'` prints).

use super::distribution;
use super::reader::{Dialect, Obj, Reader};
use super::resolve::Literal;
use super::ParseError;
use crate::model::{Document, Format};
use crate::span::LineIndex;
use crate::tree::Node;

/// The message for JSON that is none of the shapes apifront reads.
const NOT_A_DISTRIBUTION: &str = "not a CloudFront distribution config; expected AWS CLI JSON, a \
     CloudFormation template (JSON or YAML) or Terraform";

/// Builds the model of AWS CLI / CloudFront API JSON.
pub fn build(root: &Node, idx: &LineIndex) -> Result<Document, ParseError> {
    let configs = find_configs(root).ok_or_else(|| {
        ParseError::at(idx, root.span.start, NOT_A_DISTRIBUTION)
            .with_hint(hint(root))
            .with_format(Format::CliJson)
    })?;
    let mut doc = Document::new(Format::CliJson);
    let literal = Literal::default();
    let mut reader = Reader::new(Dialect::Cli, &literal);
    for found in configs {
        let cfg = Obj::map(found.config, found.path);
        let name = found
            .id
            .and_then(Node::as_str)
            .filter(|id| !id.trim().is_empty())
            .unwrap_or("DistributionConfig")
            .to_string();
        doc.distributions
            .push(distribution::read(&mut reader, &cfg, name, &[]));
    }
    doc.notes.extend(literal.take_placeholders());
    Ok(doc)
}

/// True when `node` is a list holding at least one distribution configuration (or summary).
pub fn is_config_list(node: &Node) -> bool {
    node.as_seq()
        .is_some_and(|items| items.iter().any(is_config))
}

/// True when `node` looks like a distribution's configuration.
fn is_config(node: &Node) -> bool {
    node.get("Origins").is_some() && node.get("DefaultCacheBehavior").is_some()
}

/// One distribution configuration found in the input.
struct Found<'n> {
    config: &'n Node<'n>,
    path: String,
    /// The node holding the distribution's id, when the input has one.
    id: Option<&'n Node<'n>>,
}

/// The distribution configurations of the input, or `None` when it is none of the known shapes.
fn find_configs<'n>(root: &'n Node<'n>) -> Option<Vec<Found<'n>>> {
    fn found<'n>(
        config: &'n Node<'n>,
        path: &str,
        id: Option<&'n Node<'n>>,
    ) -> Option<Vec<Found<'n>>> {
        config.as_map()?;
        Some(vec![Found {
            config,
            path: path.to_string(),
            id,
        }])
    }
    if let Some(config) = root.get("DistributionConfig") {
        return found(config, "DistributionConfig", None);
    }
    if let Some(dist) = root.get("Distribution") {
        let config = dist.get("DistributionConfig")?;
        return found(config, "Distribution.DistributionConfig", dist.get("Id"));
    }
    if let Some(config) = root
        .get("DistributionConfigWithTags")
        .and_then(|w| w.get("DistributionConfig"))
    {
        return found(
            config,
            "DistributionConfigWithTags.DistributionConfig",
            None,
        );
    }
    if is_config(root) {
        return found(root, "", None);
    }
    if let Some(items) = root.as_seq() {
        let configs: Vec<Found> = items
            .iter()
            .enumerate()
            .filter(|(_, s)| is_config(s))
            .map(|(i, s)| Found {
                config: s,
                path: format!("[{i}]"),
                id: s.get("Id"),
            })
            .collect();
        return (!configs.is_empty()).then_some(configs);
    }
    let list = root.get("DistributionList")?;
    let items = list.get("Items").map_or(Some(&[][..]), Node::as_seq)?;
    Some(
        items
            .iter()
            .enumerate()
            .filter(|(_, s)| s.as_map().is_some())
            .map(|(i, s)| Found {
                config: s,
                path: format!("DistributionList.Items[{i}]"),
                id: s.get("Id"),
            })
            .collect(),
    )
}

/// What the unrecognised JSON has at its top level.
fn hint(root: &Node) -> String {
    match root.as_map() {
        Some(entries) if !entries.is_empty() => {
            let keys: Vec<&str> = entries.iter().take(5).map(|e| e.key.as_ref()).collect();
            format!(
                "the top-level keys are {}; paste the output of `aws cloudfront get-distribution-config`",
                keys.join(", ")
            )
        }
        _ => "paste the output of `aws cloudfront get-distribution-config`".to_string(),
    }
}
