//! apifront-core: parse, lint and generate configurations that put Amazon CloudFront in front of
//! Amazon API Gateway and Lambda function URLs.
//!
//! Pure Rust with no web dependencies: the same code runs in the native CLI and, compiled to
//! WebAssembly, in the browser.
//!
//! - [`parse::parse`] turns pasted text (AWS CLI JSON, CloudFormation JSON/YAML, Terraform) into a
//!   [`model::Document`] whose every value keeps its [`span::Span`].
//! - [`lint::lint`] runs the rules of [`rules::all`] over a document; [`lint::apply_fixes`]
//!   applies their fixes to the text.
//! - [`trace::trace`] walks a request through a distribution hop by hop and predicts the answer
//!   ([`trace::trace_sources`] with the API definitions given beside the configuration);
//!   [`map::build`] draws a distribution ([`map::svg`], [`map::mermaid`]).
//! - [`source::Sources`] reads several files as one input (a Terraform module's directory):
//!   [`parse::parse_sources`], [`lint::lint_sources`] and [`lint::fix_sources`] place every
//!   finding, error and fix in its own file.
#![forbid(unsafe_code)]

pub mod api;
pub mod classify;
pub mod edge_function;
pub mod forwarding;
pub mod lint;
pub mod managed;
pub mod map;
pub mod model;
pub mod parse;
pub mod render;
pub mod rules;
pub mod share;
pub mod source;
pub mod span;
pub mod state;
pub mod trace;
pub mod tree;
pub mod value;

/// The version of apifront, shown by the app and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
