//! Terraform HCL to the model: one file, or the files of one module read together.
//!
//! Each file is parsed on its own with `hcl-edit`, which keeps byte spans of every expression,
//! so a syntax error is reported in its own file at its own line and column. The files'
//! bodies then form one module: variables (with their values from `.tfvars` files), locals,
//! data sources and resources are shared across files, and every span is placed in the
//! buffer of all files (see [`crate::source`]). Input nested deeper than
//! [`depth::MAX_HCL_DEPTH`] levels is refused before parsing, so neither the recursive parser
//! nor the walk below can overflow even a small (WebAssembly) stack.

mod api;
mod behavior;
mod depth;
mod distribution;
mod eval;
mod funcs;
mod host;
mod ignore;
mod lit;
mod module;
mod normalize;
mod shape;
mod siblings;
mod tfvars;

use super::ParseError;
use crate::model::{Document, Format, ModuleCall};
use crate::source::SourceError;
use crate::span::LineIndex;
use eval::{Ctx, Loc};
use hcl_edit::structure::{Block, Body};
use module::Module;
use std::borrow::Cow;
use std::cell::RefCell;

/// One file of a module: its name (which says what the file holds), its text and where that
/// text starts in the buffer of all files.
pub(crate) struct File<'s> {
    pub name: &'s str,
    pub text: &'s str,
    pub base: usize,
}

/// What a file of a module holds, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Configuration: `*.tf`.
    Config,
    /// Variable values: `*.tfvars` (HCL) or `*.tfvars.json`.
    Values { json: bool },
}

/// Parses Terraform HCL and builds the model: every `aws_cloudfront_distribution` and the
/// sibling resources the rules look at.
pub fn parse(text: &str, idx: &LineIndex) -> Result<Document, ParseError> {
    let file = File {
        name: "",
        text,
        base: 0,
    };
    parse_files(&[file], idx).map_err(|e| e.error)
}

/// Parses the files of one module (`idx` indexes the buffer they sit in). `*.tf` files are
/// configuration; `*.tfvars` and `*.tfvars.json` files give variable values, applied in
/// Terraform's order (see [`tfvars`]). A single file is always configuration.
pub(crate) fn parse_files(files: &[File], idx: &LineIndex) -> Result<Document, SourceError> {
    let mut configs: Vec<(usize, Body)> = Vec::new();
    let mut value_files = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let role = if files.len() == 1 {
            Role::Config
        } else {
            role(file).map_err(|e| SourceError::new(i, e))?
        };
        match role {
            Role::Config => {
                let body = parse_body(file.text).map_err(|e| SourceError::new(i, e))?;
                configs.push((i, body));
            }
            Role::Values { json } => {
                let values = if json {
                    tfvars::read_json(file.text)
                } else {
                    parse_body(file.text).map(|body| tfvars::read_hcl(&body))
                }
                .map_err(|e| SourceError::new(i, e))?;
                value_files.push((file.name, values));
            }
        }
    }
    let module = Module::new(configs.iter().map(|(_, b)| b), tfvars::merge(value_files));
    let expressions = RefCell::new(Vec::new());
    let ctx_of = |i: usize| {
        let (text, base) = files.get(i).map_or(("", 0), |f| (f.text, f.base));
        Ctx {
            module: &module,
            idx,
            text,
            base,
            expressions: &expressions,
        }
    };
    let mut doc = Document::new(Format::Terraform);
    let mut distributions: Vec<(usize, &Block, String)> = Vec::new();
    for (i, body) in &configs {
        let ctx = ctx_of(*i);
        for b in body.blocks() {
            let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
            match (b.ident.as_str(), labels.as_slice()) {
                (
                    "resource",
                    [rtype @ ("aws_cloudfront_distribution" | distribution::MULTITENANT), name],
                ) => {
                    distributions.push((*i, b, format!("{rtype}.{name}")));
                }
                ("resource", [rtype, name]) => {
                    siblings::add(&mut doc, &ctx, b, rtype, format!("{rtype}.{name}"));
                }
                ("module", [name]) => doc.modules.push(module_call(&ctx, b, name)),
                _ => {}
            }
        }
    }
    if distributions.is_empty() {
        let what = match configs.len() {
            1 => "the Terraform file defines no aws_cloudfront_distribution".to_string(),
            n => format!("the Terraform module ({n} files) defines no aws_cloudfront_distribution"),
        };
        let err = ParseError::at(&LineIndex::new(""), 0, what).with_format(Format::Terraform);
        let file = configs.first().map_or(0, |(i, _)| *i);
        return Err(SourceError::new(
            file,
            if doc.modules.is_empty() {
                err.with_hint(
                    "paste the file with the `resource \"aws_cloudfront_distribution\"` block",
                )
            } else {
                err.with_hint("a `module` block is opaque here: paste the module's aws_cloudfront_distribution resource instead")
            },
        ));
    }
    let bodies: Vec<(Ctx, &Body)> = configs.iter().map(|(i, b)| (ctx_of(*i), b)).collect();
    doc.api_model = api::read(&bodies);
    doc.distributions = distributions
        .into_iter()
        .map(|(i, b, address)| distribution::build(&ctx_of(i), b, &address))
        .collect();
    drop(bodies);
    doc.set_expressions(expressions.into_inner());
    Ok(doc)
}

/// A `module "name" { source = … }` block.
fn module_call(ctx: &Ctx, b: &Block, name: &str) -> ModuleCall {
    let at = Loc {
        span: ctx.span_of(b),
        path: format!("module.{name}"),
    };
    ModuleCall {
        name: name.to_string(),
        source: ctx.string(&b.body, "source", &at),
        span: at.span,
        path: at.path.into(),
    }
}

/// What a file of several holds, by its name; a name without a known ending is configuration
/// when its text reads as Terraform.
fn role(file: &File) -> Result<Role, ParseError> {
    let name = file.name.rsplit(['/', '\\']).next().unwrap_or(file.name);
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tfvars.json") {
        return Ok(Role::Values { json: true });
    }
    if lower.ends_with(".tfvars") {
        return Ok(Role::Values { json: false });
    }
    if lower.ends_with(".tf") {
        return Ok(Role::Config);
    }
    let idx = LineIndex::new(file.text);
    if lower.ends_with(".tf.json") {
        return Err(ParseError::at(
            &idx,
            0,
            format!("`{name}` is Terraform JSON configuration, which is not read"),
        )
        .with_hint("write the configuration in HCL (`.tf`), or lint the other files without it")
        .with_format(Format::Terraform));
    }
    if super::detect(file.text) == Format::Terraform {
        return Ok(Role::Config);
    }
    Err(ParseError::at(
        &idx,
        0,
        format!("`{name}` is not Terraform: only the `.tf` and `.tfvars` files of one module are read together"),
    )
    .with_hint("lint this file on its own"))
}

/// Parses one HCL file: a byte order mark becomes blanks (offsets stay those of `text`), and
/// nesting deeper than [`depth::MAX_HCL_DEPTH`] is refused before parsing. Positions of errors
/// are those of the file.
fn parse_body(text: &str) -> Result<Body, ParseError> {
    let source = match text.strip_prefix('\u{feff}') {
        Some(rest) => Cow::Owned(format!("   {rest}")),
        None => Cow::Borrowed(text),
    };
    if let Some(offset) = depth::too_deep(&source) {
        return Err(ParseError::at(
            &LineIndex::new(text),
            offset,
            format!("the HCL nests deeper than {} levels", depth::MAX_HCL_DEPTH),
        )
        .with_hint("flatten the nested blocks, brackets or templates")
        .with_format(Format::Terraform));
    }
    hcl_edit::parser::parse_body(&source).map_err(|e| syntax_error(&e, text, &LineIndex::new(text)))
}

/// A syntax error with its position and a hint at the usual causes.
fn syntax_error(e: &hcl_edit::parser::Error, text: &str, idx: &LineIndex) -> ParseError {
    let offset = e.location().offset();
    let hint = if e.message().contains("nesting depth") {
        "the input nests expressions or blocks more than 64 levels deep".to_string()
    } else if e.message().contains("redefined attribute") {
        redefined(text, offset, idx)
    } else {
        "check for an unclosed `{`, `[`, `(` or string, or a missing `=` before this point"
            .to_string()
    };
    ParseError::at(idx, offset, format!("invalid HCL: {}", e.message()))
        .with_hint(hint)
        .with_format(Format::Terraform)
}

/// The hint for an argument set twice in one block (`offset` is the second), naming the line of
/// the first when it is found.
fn redefined(text: &str, offset: usize, idx: &LineIndex) -> String {
    let rest = text.get(offset..).unwrap_or_default();
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    if name.is_empty() {
        return "an argument is set twice in this block; Terraform takes each one once".into();
    }
    match first_definition(&text[..offset], &name) {
        Some(first) => format!(
            "`{name}` is already set on line {} of this block; Terraform takes each argument once",
            idx.line_col(first).0
        ),
        None => format!("`{name}` is set twice in this block; Terraform takes each argument once"),
    }
}

/// Where `name = …` starts a line of the block that `before` ends inside, looking back to the
/// block's `{`.
fn first_definition(before: &str, name: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line_end = before.len();
    for (i, c) in before.char_indices().rev() {
        match c {
            '}' => depth += 1,
            '{' if depth == 0 => return None,
            '{' => depth -= 1,
            '\n' => {
                let line = &before[i + 1..line_end];
                let trimmed = line.trim_start();
                let sets = trimmed
                    .strip_prefix(name)
                    .is_some_and(|r| r.trim_start().starts_with('='));
                if depth == 0 && sets {
                    return Some(i + 1 + (line.len() - trimmed.len()));
                }
                line_end = i;
            }
            _ => {}
        }
    }
    None
}
