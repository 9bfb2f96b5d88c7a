//! Parsing pasted text into the [`Document`] model.
//!
//! [`parse`] detects the format, parses it with a span-keeping parser and builds the model;
//! [`parse_sources`] reads several files as one input (the files of a Terraform module).

use crate::api::{attach, AttachNote, Offset, Shift};
use crate::model::{Document, Format, Note, NoteKind};
use crate::source::{Role, SourceError, Sources};
use crate::span::{LineIndex, Span};
use crate::tree::{Node, NodeKind};
use serde::{Deserialize, Serialize};

mod api_cfn;
mod api_def;
mod api_tree;
mod aws_output;
mod cfn;
mod cfn_resources;
mod cli;
mod conditions;
mod detect;
mod distribution;
mod intrinsics;
mod json;
mod json_tokens;
mod lambda_cli;
mod openapi;
mod placeholder;
mod reader;
mod resolve;
mod terraform;
mod yaml;

pub use api_def::parse_api_definition;
pub use aws_output::{aws_output_of, AwsOutput};
pub use cfn::{MAX_VARIANTS, MAX_VARIANT_BYTES};
pub use detect::detect;

/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of maps and sequences accepted.
pub const MAX_DEPTH: usize = 128;

/// Why a text could not be turned into a model. Lines and columns are 1-based, columns in
/// UTF-16 code units (see [`crate::span`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseError {
    pub message: String,
    pub line: u32,
    pub column: u32,
    /// A one-line hint at the likely cause ("this looks like YAML with a tab indent at 14:3").
    pub hint: Option<String>,
    /// The format the text was taken for, when detection got that far.
    pub format: Option<Format>,
}

impl ParseError {
    /// An error at a byte offset of `idx`'s text.
    pub fn at(idx: &LineIndex, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = idx.line_col(offset);
        Self {
            message: message.into(),
            line,
            column,
            hint: None,
            format: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Records the detected format.
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// A parsed text: its tree, and what the parser noted on the way (repeated keys).
pub(crate) struct Tree<'s> {
    pub root: Node<'s>,
    pub notes: Vec<Note>,
}

/// The note for a key repeated in one map, placed at the second occurrence.
fn duplicate_note(key: &str, first: Span, second: Span) -> Note {
    Note {
        kind: NoteKind::DuplicateKey,
        span: second,
        detail: key.to_string(),
        related: Some(first),
    }
}

/// The message for text that is none of the supported formats.
pub const NOT_A_CONFIG: &str = "not a CloudFront distribution config; expected AWS CLI JSON, \
a CloudFormation template (JSON or YAML) or Terraform";

/// Refuses a document whose root is not a map (a lone string, a number, a list).
fn require_map(root: &Node, idx: &LineIndex) -> Result<(), ParseError> {
    let what = match &root.kind {
        NodeKind::Map(_) => return Ok(()),
        NodeKind::Seq(_) => "a list",
        NodeKind::Str(s) if s.trim_start().starts_with('<') => "HTML or XML",
        NodeKind::Str(_) => "plain text",
        NodeKind::Null | NodeKind::Bool(_) | NodeKind::Number(_) => "a single value",
    };
    Err(ParseError::at(idx, root.span.start, NOT_A_CONFIG)
        .with_hint(format!("the text is {what}, not a map of settings")))
}

/// Replaces a YAML error by [`NOT_A_CONFIG`] when the text has no YAML-like line at all.
fn not_yaml(text: &str, idx: &LineIndex, error: ParseError) -> ParseError {
    if detect::looks_like_yaml(text) {
        return error;
    }
    ParseError::at(idx, 0, NOT_A_CONFIG).with_hint(format!(
        "it is not YAML either: {} at {}:{}",
        error.message, error.line, error.column
    ))
}

/// Detects the format of `text` and parses it into a [`Document`].
///
/// A CloudFormation template whose model depends on conditions the template leaves open gives
/// the document of the first combination of their values (each open condition true when the
/// others allow it), holding the other combinations in [`Document::variants`]; callers that
/// need one configuration (loading into the form, importing) use it as it is, and
/// [`crate::lint::lint`] lints them all.
pub fn parse(text: &str) -> Result<Document, ParseError> {
    parse_with(text, &ParameterValues::new())
}

/// Where Terraform takes the values parameter values give a template.
const TFVARS: &str = "give variable values in a .tfvars file beside it";

/// Values of a CloudFormation template's parameters, by name, as a stack gives them (each a
/// string; a list parameter's items separated by commas).
pub type ParameterValues = std::collections::BTreeMap<String, String>;

/// [`parse`] with the values a stack gives the template's parameters, in place of their
/// defaults: conditions over them pick their branches, and a distribution created only under
/// them is read. A value for a parameter the template does not declare, or values given for an
/// input that is not a CloudFormation template, is an error.
pub fn parse_with(text: &str, parameters: &ParameterValues) -> Result<Document, ParseError> {
    let idx = LineIndex::new(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::at(
            &idx,
            0,
            format!(
                "input is {} bytes; the limit is {} bytes",
                text.len(),
                MAX_INPUT_BYTES
            ),
        ));
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ParseError::at(&idx, 0, "the input is empty"));
    }
    let format = detect(text);
    let not_a_template = |kind: &str| {
        Err(ParseError::at(
            &idx,
            0,
            format!("parameter values apply to CloudFormation templates; this input is {kind}"),
        ))
    };
    if !parameters.is_empty() && format == Format::Terraform {
        return not_a_template(&format!("Terraform ({TFVARS})"));
    }
    match format {
        Format::Terraform => terraform::parse(text, &idx),
        Format::CfnYaml => {
            let tree = yaml::parse_tree(text, &idx)
                .map_err(|e| not_yaml(text, &idx, e).with_format(Format::CfnYaml))?;
            require_map(&tree.root, &idx)?;
            unread(&tree.root, &idx, Format::CfnYaml)?;
            let mut doc = cfn::build(&tree.root, Format::CfnYaml, &idx, parameters)?;
            doc.notes.extend(tree.notes);
            Ok(doc)
        }
        format @ (Format::CfnJson | Format::CliJson) => {
            let tree = match json::parse_tree(text, &idx) {
                Ok(tree) => tree,
                Err(e) if format == Format::CfnJson => {
                    return template_as_yaml(text, &idx, e, parameters)
                }
                Err(e) => return Err(e.with_format(format)),
            };
            let root = &tree.root;
            unread(root, &idx, format)?;
            let template = !cli::is_config_list(root) && {
                require_map(root, &idx)?;
                cfn::is_template(root)
            };
            let mut doc = if template {
                cfn::build(root, Format::CfnJson, &idx, parameters)?
            } else if parameters.is_empty() {
                cli::build(root, &idx)?
            } else {
                return not_a_template("an AWS CLI distribution configuration");
            };
            doc.notes.extend(tree.notes);
            Ok(doc)
        }
    }
}

/// True when `text` starts (after a byte order mark and blanks) with `{`: JSON, not YAML or HCL.
fn opens_an_object(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Refuses an AWS CLI output apifront recognises but does not read ([`AwsOutput`]), saying
/// what it is; a template or a distribution is never one.
fn unread(root: &Node, idx: &LineIndex, format: Format) -> Result<(), ParseError> {
    if cfn::is_template(root) || cli::is_config_list(root) {
        return Ok(());
    }
    match aws_output::of_tree(root) {
        Some((output, at)) => Err(aws_output::error(output, at, idx, format)),
        None => Ok(()),
    }
}

/// Parses several files as one input (see [`crate::source`]); every span of the model is a span
/// of [`Sources::text`]. The configuration files come first: one file is parsed as [`parse`]
/// parses it; several are the files of one Terraform module (`*.tf` files are configuration,
/// `*.tfvars` / `*.tfvars.json` files variable values, applied in Terraform's order:
/// `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` by name, then any other in
/// the order given; a file whose name has none of these endings is configuration if its text
/// reads as Terraform). API definitions ([`Sources::push_api_definition`]) follow and are
/// attached to the origins of their API ([`crate::api::attach`]); beside AWS CLI JSON, the
/// output of `aws lambda get-function-url-config` and `get-policy` given there is read into
/// the model (`lambda_cli`). An error names the file it is
/// in, at that file's line and column.
pub fn parse_sources(sources: &Sources) -> Result<Document, SourceError> {
    parse_sources_noted(sources).map(|(doc, _)| doc)
}

/// [`parse_sources`], with what became of each API definition.
pub fn parse_sources_noted(sources: &Sources) -> Result<(Document, Vec<AttachNote>), SourceError> {
    let configs = sources
        .files()
        .iter()
        .take_while(|f| f.role == Role::Config)
        .count();
    if let Some(late) = sources.files()[configs..]
        .iter()
        .position(|f| f.role == Role::Config)
    {
        return Err(SourceError::new(
            configs + late,
            ParseError::at(
                &LineIndex::new(""),
                0,
                "configuration files come before API definitions",
            ),
        ));
    }
    let mut doc = parse_configs(sources, configs)?;
    let mut definitions = Vec::new();
    let mut read = Vec::new();
    for (i, file) in sources.files().iter().enumerate().skip(configs) {
        if doc.format == Format::CliJson {
            if let Some(note) = lambda_cli::read(&mut doc, sources, i) {
                read.push(note);
                continue;
            }
            if let Some(error) = lambda_cli::yaml_error(sources.file_text(i)) {
                return Err(SourceError::new(i, error));
            }
        }
        let mut definition = parse_api_definition(&file.name, sources.file_text(i))
            .map_err(|e| SourceError::new(i, e))?;
        definition.api.shift(Offset {
            bytes: file.start,
            lines: file.first_line - 1,
        });
        definitions.push(definition);
    }
    if definitions.is_empty() {
        return Ok((doc, read));
    }
    // Every combination of a template's conditions gets the definitions too.
    for variant in &mut doc.variants {
        attach(variant, definitions.clone());
    }
    read.extend(attach(&mut doc, definitions));
    Ok((doc, read))
}

/// The model of the first `count` files of `sources`, the configuration.
fn parse_configs(sources: &Sources, count: usize) -> Result<Document, SourceError> {
    match count {
        0 => Err(SourceError::new(
            0,
            ParseError::at(
                &LineIndex::new(""),
                0,
                "the input has no configuration file",
            ),
        )),
        1 => parse_with(sources.file_text(0), sources.parameters())
            .map_err(|e| SourceError::new(0, e)),
        _ if !sources.parameters().is_empty() => Err(SourceError::new(
            0,
            ParseError::at(
                &LineIndex::new(""),
                0,
                format!(
                    "parameter values apply to CloudFormation templates; these files are read as \
                     one Terraform module ({TFVARS})"
                ),
            ),
        )),
        _ => {
            let text = sources.text();
            if text.len() > MAX_INPUT_BYTES {
                return Err(SourceError::new(
                    0,
                    ParseError::at(
                        &LineIndex::new(""),
                        0,
                        format!(
                            "the files are {} bytes together; the limit is {} bytes",
                            text.len(),
                            MAX_INPUT_BYTES
                        ),
                    ),
                ));
            }
            // A JSON file that is an AWS CLI output beside the configuration is said to be
            // one, not read as a file of a Terraform module.
            for i in 0..count {
                let text = sources.file_text(i);
                if opens_an_object(text) {
                    if let Some((_, error)) = aws_output::aws_output_error(text) {
                        return Err(SourceError::new(i, error));
                    }
                }
            }
            let files: Vec<terraform::File> = sources
                .files()
                .iter()
                .take(count)
                .enumerate()
                .map(|(i, f)| terraform::File {
                    name: &f.name,
                    text: sources.file_text(i),
                    base: f.start,
                })
                .collect();
            terraform::parse_files(&files, &LineIndex::new(text))
        }
    }
}

/// A template that is not valid JSON: CloudFormation reads templates as YAML too (cfn-lint
/// reads every template as YAML first), so one that YAML reads is read that way, with a note;
/// otherwise the JSON error stands.
fn template_as_yaml(
    text: &str,
    idx: &LineIndex,
    json_error: ParseError,
    parameters: &ParameterValues,
) -> Result<Document, ParseError> {
    let tree = match yaml::parse_tree(text, idx) {
        Ok(tree) if cfn::is_template(&tree.root) => tree,
        _ => return Err(json_error.with_format(Format::CfnJson)),
    };
    let mut doc = cfn::build(&tree.root, Format::CfnJson, idx, parameters)?;
    let at = idx.offset(json_error.line, json_error.column);
    let width = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .map_or(0, char::len_utf8);
    doc.notes.push(Note {
        kind: NoteKind::ReadAsYaml,
        span: idx.span(at, at + width),
        detail: json_error.message.clone(),
        related: None,
    });
    doc.notes.extend(tree.notes);
    Ok(doc)
}
