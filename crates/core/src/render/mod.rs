//! Generators: a [`FormState`] rendered as CloudFormation (YAML/JSON), CDK (TypeScript/Python),
//! Terraform and AWS CLI JSON.
//!
//! Each renderer walks the same plan (derived once from the state), so the outputs describe the
//! same distribution.

use crate::state::{validate, FieldError, FormState, Level, ReferenceMode};
use serde::{Deserialize, Serialize};

mod cdk;
mod cfn;
mod cli;
pub(crate) mod doc;
mod hcl;
pub(crate) mod plan;

pub use plan::{STREAM_COMPLETION_TIMEOUT, STREAM_READ_TIMEOUT};
mod terraform;
mod writer;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputFormat {
    CfnYaml,
    CfnJson,
    CdkTypeScript,
    CdkPython,
    Terraform,
    CliJson,
}

impl OutputFormat {
    /// Every format, in display order.
    pub const ALL: &'static [OutputFormat] = &[
        OutputFormat::CfnYaml,
        OutputFormat::CfnJson,
        OutputFormat::CdkTypeScript,
        OutputFormat::CdkPython,
        OutputFormat::Terraform,
        OutputFormat::CliJson,
    ];

    /// Stable name (`cfn-yaml`, …), as used by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::CfnYaml => "cfn-yaml",
            OutputFormat::CfnJson => "cfn-json",
            OutputFormat::CdkTypeScript => "cdk-ts",
            OutputFormat::CdkPython => "cdk-python",
            OutputFormat::Terraform => "terraform",
            OutputFormat::CliJson => "cli-json",
        }
    }

    /// The format named `name` (see [`OutputFormat::as_str`]).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|f| f.as_str() == name)
    }
}

pub use plan::TradeOff;

/// A generated file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub file_name: String,
    pub mime_type: String,
    pub text: String,
    /// Steps the user must take before deploying (e.g. ids the CLI JSON cannot create).
    pub notes: Vec<String>,
    /// Choices made on purpose that a rule would report, with their reasons. The text states and
    /// suppresses them where the format has a place for it (CloudFormation `Metadata.apifront`,
    /// Terraform `# apifront-ignore:`); CLI JSON lists them in `notes`, so lint it with these
    /// rules disabled.
    pub trade_offs: Vec<TradeOff>,
}

impl Rendered {
    fn new(file_name: &str, mime_type: &str, text: String, trade_offs: Vec<TradeOff>) -> Self {
        Self {
            file_name: file_name.into(),
            mime_type: mime_type.into(),
            text,
            notes: Vec::new(),
            trade_offs,
        }
    }
}

/// Renders `state` as `format`; fails with the validation errors (warnings do not block).
pub fn render(state: &FormState, format: OutputFormat) -> Result<Rendered, Vec<FieldError>> {
    let mut errors: Vec<FieldError> = validate(state)
        .into_iter()
        .filter(|e| e.level == Level::Error)
        .collect();
    if format == OutputFormat::CliJson && state.api.reference == ReferenceMode::DefinedInStack {
        errors.push(FieldError::error(
            "api.reference",
            "AWS CLI JSON cannot refer to stack resources: choose literal ids or a template format",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let plan = plan::Plan::new(state);
    let trade_offs = plan.trade_offs(format);
    Ok(match format {
        OutputFormat::CfnYaml => Rendered::new(
            "apifront-distribution.yaml",
            "application/yaml",
            doc::to_yaml(&cfn::template(&plan, &trade_offs)),
            trade_offs,
        ),
        OutputFormat::CfnJson => Rendered::new(
            "apifront-distribution.json",
            "application/json",
            doc::to_json(&cfn::template(&plan, &trade_offs)),
            trade_offs,
        ),
        OutputFormat::CdkTypeScript => Rendered::new(
            "apifront-stack.ts",
            "text/typescript",
            cdk::app(&plan, cdk::Lang::TypeScript, &trade_offs),
            trade_offs,
        ),
        OutputFormat::CdkPython => Rendered::new(
            "apifront_stack.py",
            "text/x-python",
            cdk::app(&plan, cdk::Lang::Python, &trade_offs),
            trade_offs,
        ),
        OutputFormat::Terraform => Rendered::new(
            "main.tf",
            "text/plain",
            terraform::main_tf(&plan, &trade_offs),
            trade_offs,
        ),
        OutputFormat::CliJson => {
            let (config, mut notes) = cli::distribution_config(&plan);
            notes.extend(trade_offs.iter().map(|t| {
                format!(
                    "Not warned about ({}): {} JSON has no comments: lint this file with \
                     `--disable {}`.",
                    t.rule, t.reason, t.rule
                )
            }));
            Rendered {
                notes,
                ..Rendered::new(
                    "distribution-config.json",
                    "application/json",
                    doc::to_json(&config),
                    trade_offs,
                )
            }
        }
    })
}
