//! apifront's core for JavaScript: `lint`, `fix`, `generate`, `presets`, `rules` and `version`,
//! exported with wasm-bindgen for Node and for bundlers (`packages/apifront`).
//!
//! Values cross as plain JavaScript objects through serde-wasm-bindgen, in the shapes of
//! `schema/apifront.schema.json` (the package's TypeScript types are generated from it).
//! Failures are thrown as `Error`s; a text that cannot be parsed throws one carrying `line` and
//! `column` (1-based, columns in UTF-16 code units) and `hint`.
#![forbid(unsafe_code)]

use apifront_core::lint::{self, LintConfig, LintReport, Severity};
use apifront_core::parse::ParseError;
use apifront_core::render::{self, OutputFormat};
use apifront_core::state::{self, FieldError, FormState};
use apifront_core::{rules, VERSION};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type { LintReport, LintOptions, FixOptions, FixResult, FormState, OutputFormat, Generated, Preset, Rule, FieldError } from "../types.js";
export type * from "../types.js";

/** Lints with the default options. */
export function lint(text: string): LintReport;
/** Applies the safe fixes with the default options. */
export function fix(text: string): FixResult;

/** A form state with any field left out: the defaults fill what is missing. */
export type PartialFormState = { [K in keyof FormState]?: FormState[K] extends readonly unknown[] ? FormState[K] : FormState[K] extends object ? Partial<FormState[K]> : FormState[K] };

/** What `lint` and `fix` throw when the text cannot be parsed. */
export interface ParseError extends Error {
  name: "ParseError";
  /** 1-based line of the problem. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** The likely cause, when known. */
  hint?: string;
  /** The format the text was taken for, when detection got that far. */
  format?: string;
}

/** What `generate` throws when the form state has errors. */
export interface GenerateError extends Error {
  name: "GenerateError";
  fields: FieldError[];
}

/** apifront's version and its rule set. */
export interface Version {
  version: string;
  /** Eight hex digits naming the rules that run, their default severities and fixes. */
  rule_set: string;
  rules: number;
}
"#;

/// Options of [`lint`] (`LintOptions` in the schema).
#[derive(Deserialize, Default)]
#[serde(default)]
struct LintOptions {
    /// `Option`s, so that a key set to `undefined` counts as left out.
    disable: Option<Vec<String>>,
    severity: Option<BTreeMap<String, Severity>>,
}

/// Options of [`fix`] (`FixOptions` in the schema).
#[derive(Deserialize, Default)]
#[serde(default)]
struct FixOptions {
    disable: Option<Vec<String>>,
    #[serde(rename = "unsafe")]
    include_unsafe: Option<bool>,
}

/// The answer of [`fix`] (`FixResult` in the schema).
#[derive(Serialize)]
struct FixResult {
    text: String,
    changed: bool,
    report: LintReport,
}

/// The answer of [`version`].
#[derive(Serialize)]
struct Version {
    version: &'static str,
    rule_set: String,
    rules: usize,
}

/// Lints `text` (AWS CLI JSON, CloudFormation JSON or YAML, Terraform): its format and its
/// findings, sorted by position.
#[wasm_bindgen(unchecked_return_type = "LintReport")]
pub fn lint(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "LintOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let options: LintOptions = read_options(options, &["disable", "severity"])?;
    let config = config(
        options.disable.unwrap_or_default(),
        options.severity.unwrap_or_default(),
    )?;
    let report = lint::lint_text(text, &config).map_err(|e| parse_error(&e))?;
    to_js(&report)
}

/// Applies every safe fix (and with `unsafe: true` the others) until none is left; answers the
/// fixed text and what is still found in it.
#[wasm_bindgen(unchecked_return_type = "FixResult")]
pub fn fix(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "FixOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let options: FixOptions = read_options(options, &["disable", "unsafe"])?;
    let config = config(options.disable.unwrap_or_default(), BTreeMap::new())?;
    let include_unsafe = options.include_unsafe.unwrap_or(false);
    let fixed = lint::fix_text(text, &config, include_unsafe).map_err(|e| parse_error(&e))?;
    let report = lint::lint_text(&fixed, &config).map_err(|e| parse_error(&e))?;
    to_js(&FixResult {
        changed: fixed != text,
        text: fixed,
        report,
    })
}

/// Renders a form state (a preset's, or any part of one: defaults fill the rest) as `format`.
#[wasm_bindgen(unchecked_return_type = "Generated")]
pub fn generate(
    #[wasm_bindgen(unchecked_param_type = "PartialFormState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OutputFormat")] format: &str,
) -> Result<JsValue, JsValue> {
    let state: FormState = serde_wasm_bindgen::from_value(state)
        .map_err(|e| error("TypeError", &format!("not a form state: {e}")))?;
    let Some(output) = OutputFormat::parse(format) else {
        let names: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.as_str()).collect();
        return Err(error(
            "TypeError",
            &format!("unknown format `{format}`: use one of {}", names.join(", ")),
        ));
    };
    let rendered = render::render(&state, output).map_err(|errors| generate_error(&errors))?;
    to_js(&rendered)
}

/// The presets: named, complete form states.
#[wasm_bindgen(unchecked_return_type = "Preset[]")]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(state::presets())
}

/// Every rule with its documentation.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(rules::all())
}

/// apifront's version and rule set.
#[wasm_bindgen(unchecked_return_type = "Version")]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&Version {
        version: VERSION,
        rule_set: lint::rule_set_id(),
        rules: rules::all().len(),
    })
}

/// `value` as plain JavaScript objects and arrays (`null` for a missing value, as in JSON).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error("Error", &format!("cannot hand over the result: {e}")))
}

/// The options object, or the defaults when it is left out. A key outside `known` is refused
/// (serde-wasm-bindgen reads only the fields it knows, so a misspelt option would go unnoticed).
fn read_options<T: for<'de> Deserialize<'de> + Default>(
    options: Option<js_sys::Object>,
    known: &[&str],
) -> Result<T, JsValue> {
    let Some(object) = options else {
        return Ok(T::default());
    };
    for key in js_sys::Object::keys(&object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(error(
                "TypeError",
                &format!(
                    "invalid options: unknown option `{key}`, expected one of {}",
                    known.join(", ")
                ),
            ));
        }
    }
    serde_wasm_bindgen::from_value(object.into())
        .map_err(|e| error("TypeError", &format!("invalid options: {e}")))
}

/// The lint configuration; an unknown rule slug is an error.
fn config(
    disabled: Vec<String>,
    severity_overrides: BTreeMap<String, Severity>,
) -> Result<LintConfig, JsValue> {
    for slug in disabled.iter().chain(severity_overrides.keys()) {
        if rules::by_slug(slug).is_none() {
            return Err(error("TypeError", &format!("unknown rule `{slug}`")));
        }
    }
    Ok(LintConfig {
        disabled,
        severity_overrides,
    })
}

/// A JavaScript `Error` named `name`.
fn error(name: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    error.into()
}

/// Sets `key` on a JavaScript object.
fn set(target: &JsValue, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
}

/// A `ParseError`: the message, with `line`, `column`, `hint` and `format`.
fn parse_error(e: &ParseError) -> JsValue {
    let error = error(
        "ParseError",
        &format!("{} (line {}, column {})", e.message, e.line, e.column),
    );
    set(&error, "line", e.line.into());
    set(&error, "column", e.column.into());
    if let Some(hint) = &e.hint {
        set(&error, "hint", hint.as_str().into());
    }
    if let Some(format) = e.format {
        set(&error, "format", format.as_str().into());
    }
    error
}

/// A `GenerateError`: every blocking field error, also as `fields`.
fn generate_error(errors: &[FieldError]) -> JsValue {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    let error = error(
        "GenerateError",
        &format!("the form state cannot be rendered: {}", lines.join("; ")),
    );
    set(&error, "fields", to_js(errors).unwrap_or(JsValue::NULL));
    error
}
