//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Lint, fix and generate configurations that put Amazon CloudFront in front of Amazon API
/// Gateway and Lambda function URLs.
///
/// Reads AWS CLI JSON (`aws cloudfront get-distribution-config`), CloudFormation templates (JSON
/// or YAML, also `cdk synth` and SAM output) and Terraform.
#[derive(Debug, Parser)]
#[command(name = "apifront", version, propagate_version = true)]
#[command(
    after_help = "Exit status: 0 no problem, 1 findings at or above the threshold, \
    2 bad usage or unreadable input."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint configuration files, directories or standard input.
    Lint(LintArgs),
    /// Apply automatic fixes: in place, as a diff, or to standard output.
    Fix(FixArgs),
    /// Generate a configuration from a preset or a saved form state.
    Generate(GenerateArgs),
    /// List the presets `generate` and `share-link` accept.
    Presets(ListArgs),
    /// Print the form state (JSON) closest to an existing configuration.
    ///
    /// What could not be carried over is listed on standard error, one `warning:` line each.
    Import(ImportArgs),
    /// List the lint rules.
    Rules(ListArgs),
    /// Print the full documentation of a rule.
    Explain(ExplainArgs),
    /// Make a link to the web app carrying a form state, or decode one.
    ShareLink(ShareLinkArgs),
    /// Walk a request through a distribution hop by hop and predict the answer.
    ///
    /// Exit status: 0 when the predicted status is 2xx or 3xx, 1 when it is an error or cannot
    /// be predicted from the input, 2 for bad input.
    Trace(TraceArgs),
    /// Draw a distribution: domain names, behaviors in order, origins and the APIs behind them.
    Map(MapArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// Output formats of `lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Code frames for people.
    Text,
    /// One JSON document (see the README for its shape).
    Json,
    /// SARIF 2.1.0, for code scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the changed lines).
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
    /// One `file:line:col: severity rule message` line per finding.
    Parseable,
}

/// Output formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Severities, from the most to the least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Error,
    Warning,
    Info,
}

impl SeverityArg {
    pub fn to_core(self) -> apifront_core::lint::Severity {
        use apifront_core::lint::Severity;
        match self {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files, directories (searched for *.json, *.yaml, *.yml, *.template and *.tf), CDK cloud
    /// assemblies (`cdk.out`: each stack's template) or `-` for standard input. Default:
    /// standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
    /// Exit with status 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = SeverityArg::Error)]
    pub severity: SeverityArg,
    /// Do not run this rule (repeatable).
    #[arg(long, value_name = "SLUG")]
    pub disable: Vec<String>,
    /// Skip named files that hold no CloudFront distribution, as files found in directories are
    /// (for pre-commit hooks, which pass every staged file).
    #[arg(long)]
    pub skip_unrelated: bool,
    /// The definition of an API behind an origin (repeatable): an OpenAPI 3 or Swagger 2 export
    /// (`aws apigateway get-export`, `aws apigatewayv2 export-api`) or the JSON of
    /// `aws apigateway get-resources` / `get-stages` / `get-authorizers` / `get-rest-api` or
    /// `aws apigatewayv2 get-routes` / `get-stages` / `get-authorizers` / `get-api`. It is matched
    /// to the origin whose host holds its API id, or to the only API Gateway origin. Beside AWS
    /// CLI JSON, also `aws lambda get-function-url-config` (the origin whose host is its URL's)
    /// and `aws lambda get-policy` output (the function's permissions).
    #[arg(long = "api", value_name = "FILE")]
    pub api: Vec<PathBuf>,
    #[command(flatten)]
    pub parameters: ParameterArgs,
}

/// Values for a CloudFormation template's parameters.
#[derive(Debug, Clone, Default, Args)]
pub struct ParameterArgs {
    /// A value for the template's parameter NAME, as a stack gives it, in place of its default
    /// (repeatable; a list parameter's items separated by commas): conditions over it pick
    /// their branch, and a distribution created only under it is checked. For one
    /// CloudFormation template.
    #[arg(long = "parameter", value_name = "NAME=VALUE", value_parser = parameter)]
    pub values: Vec<(String, String)>,
}

impl ParameterArgs {
    /// Gives the values to `sources`.
    pub fn apply(&self, sources: &mut apifront_core::source::Sources) {
        for (name, value) in &self.values {
            sources.set_parameter(name.clone(), value.clone());
        }
    }
}

/// `NAME=VALUE` as (name, value).
fn parameter(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("`{s}` is not NAME=VALUE")),
    }
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// A file, a directory, or `-` for standard input (then the fixed text goes to stdout).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Also apply fixes that change behaviour beyond the finding.
    #[arg(long = "unsafe")]
    pub include_unsafe: bool,
    /// Print a unified diff instead of writing; exit 1 when there is something to fix.
    #[arg(long, conflicts_with = "stdout")]
    pub diff: bool,
    /// Print the fixed text instead of writing (one file only).
    #[arg(long)]
    pub stdout: bool,
    /// Do not run this rule (repeatable).
    #[arg(long, value_name = "SLUG")]
    pub disable: Vec<String>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true))]
pub struct GenerateArgs {
    /// Start from this preset (see `apifront presets`).
    #[arg(long, group = "source", value_name = "NAME")]
    pub preset: Option<String>,
    /// Read the form state from this JSON file (`-` for standard input).
    #[arg(long, group = "source", value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", value_parser = output_format_parser())]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Accepts exactly the formats the core can render.
fn output_format_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        apifront_core::render::OutputFormat::ALL
            .iter()
            .map(|f| f.as_str()),
    )
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A configuration file, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's slug (see `apifront rules`).
    pub slug: String,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true))]
pub struct ShareLinkArgs {
    /// Share this preset.
    #[arg(long, group = "source", value_name = "NAME")]
    pub preset: Option<String>,
    /// Share the form state in this JSON file (`-` for standard input).
    #[arg(long, group = "source", value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Decode a link (or its fragment) and print the form state.
    #[arg(long, group = "source", value_name = "URL")]
    pub decode: Option<String>,
    /// Also carry this configuration text (it opens in the app's linter).
    #[arg(long, value_name = "FILE", conflicts_with = "decode")]
    pub text: Option<PathBuf>,
    /// Keep values that look secret (origin header values, `{{resolve:…}}`) instead of
    /// redacting them.
    #[arg(long, conflicts_with = "decode")]
    pub include_secrets: bool,
    /// The app's address.
    #[arg(long, value_name = "URL", env = "APIFRONT_APP_URL", default_value = DEFAULT_APP_URL)]
    pub base: String,
    /// With --decode: write the configuration text the link carries to this file.
    #[arg(long, value_name = "FILE", requires = "decode")]
    pub text_out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The configuration file, a directory holding one configuration (a Terraform module's
    /// `.tf` files), or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// The request: method and URL, like `POST https://www.example.com/api/orders`.
    #[arg(long, value_name = "METHOD URL")]
    pub request: String,
    /// A request header, `Name: value` (repeatable).
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// A cookie, `name=value` (repeatable).
    #[arg(long = "cookie", value_name = "NAME=VALUE")]
    pub cookies: Vec<String>,
    /// The distribution to trace (its logical id or Terraform address) when the input has
    /// several and no alternate domain name picks one.
    #[arg(long, value_name = "NAME")]
    pub distribution: Option<String>,
    /// The definition of the API behind an origin (repeatable), as for `lint --api`: its routes,
    /// authorizers and stages decide the API hop.
    #[arg(long = "api", value_name = "FILE")]
    pub api: Vec<PathBuf>,
    #[command(flatten)]
    pub parameters: ParameterArgs,
    /// Also print what each hop looked at (patterns tried, headers sent, TTLs, …).
    #[arg(long, short)]
    pub verbose: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Output formats of `map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    /// A standalone SVG image.
    Svg,
    /// Mermaid flowchart text (GitHub renders it in Markdown).
    Mermaid,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// The configuration file, a directory holding one configuration (a Terraform module's
    /// `.tf` files), or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: MapFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The distribution to draw (its logical id or Terraform address); by default the only one.
    #[arg(long, value_name = "NAME")]
    pub distribution: Option<String>,
    /// The definition of the API behind an origin (repeatable), as for `lint --api`: its stages
    /// and routes are drawn.
    #[arg(long = "api", value_name = "FILE")]
    pub api: Vec<PathBuf>,
    #[command(flatten)]
    pub parameters: ParameterArgs,
}

/// Where the web app is published.
pub const DEFAULT_APP_URL: &str = "https://apifront.github.io/apifront/";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}
