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
#![forbid(unsafe_code)]

pub mod api;
pub mod classify;
pub mod forwarding;
pub mod lint;
pub mod managed;
pub mod model;
pub mod parse;
pub mod render;
pub mod rules;
pub mod share;
pub mod span;
pub mod state;
pub mod tree;
pub mod value;

/// The version of apifront, shown by the app and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
