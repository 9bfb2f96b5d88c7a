//! AWS CLI outputs that go with a distribution but hold none: a Lambda function's policy and URL
//! settings, an API Gateway custom domain, its routing rules and its API mappings. The function
//! URL's settings and the policy are read as API definitions beside a distribution's AWS CLI JSON
//! (see `lambda_cli`); the others are not read yet. Given anywhere else a configuration or an API
//! definition is expected, each gets one message that names the command it came from and what
//! to give instead (the template or module that defines the same thing, which apifront reads),
//! not "not a configuration".
//!
//! Each is told by the top-level keys of the command's JSON output (the same keys with
//! `--output yaml`), as the API references give them: Lambda `GetPolicy` (`Policy`, a string,
//! and `RevisionId`), `GetFunctionUrlConfig` (`FunctionUrl`, `FunctionArn`, `AuthType`),
//! `ListFunctionUrlConfigs` (`FunctionUrlConfigs`); API Gateway V2 `ListRoutingRules`
//! (`RoutingRules` of `Priority`, `Conditions`, `Actions`), `GetRoutingRule` (those with
//! `RoutingRuleId` / `RoutingRuleArn`), `GetDomainName` (`DomainName`,
//! `DomainNameConfigurations` with what only the service returns), `GetApiMappings` (`Items` of
//! `ApiMappingId`, `ApiMappingKey`); API Gateway `GetDomainName` (`domainName` with
//! `regionalDomainName`, `distributionDomainName`, `domainNameStatus`, …) and
//! `GetBasePathMappings` (`items` of `basePath`, `restApiId`). A CloudFormation resource's
//! properties with similar names (`DomainName` + `DomainNameConfigurations` without what the
//! service adds, a routing rule without its id) are not taken for an output.

use super::{json, yaml, ParseError, MAX_INPUT_BYTES};
use crate::model::Format;
use crate::span::{LineIndex, Span};
use crate::tree::Node;

/// An AWS CLI output apifront recognises: it holds no distribution and no API definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsOutput {
    /// `aws lambda get-policy`.
    LambdaPolicy,
    /// `aws lambda get-function-url-config`.
    FunctionUrlConfig,
    /// `aws lambda list-function-url-configs`.
    FunctionUrlConfigs,
    /// `aws apigatewayv2 list-routing-rules`.
    RoutingRules,
    /// `aws apigatewayv2 get-routing-rule`.
    RoutingRule,
    /// `aws apigatewayv2 get-domain-name`.
    DomainNameV2,
    /// `aws apigateway get-domain-name`.
    DomainNameV1,
    /// `aws apigatewayv2 get-api-mappings`.
    ApiMappings,
    /// `aws apigateway get-base-path-mappings`.
    BasePathMappings,
}

/// Keys only API Gateway's answer has in a V2 domain name configuration (a template's
/// `DomainNameConfigurations` has none of them).
const V2_RETURNED: &[&str] = &["ApiGatewayDomainName", "DomainNameStatus", "HostedZoneId"];

/// Keys of `aws apigateway get-domain-name` output besides `domainName`.
const V1_RETURNED: &[&str] = &[
    "regionalDomainName",
    "distributionDomainName",
    "domainNameStatus",
    "regionalHostedZoneId",
    "distributionHostedZoneId",
    "endpointConfiguration",
];

impl AwsOutput {
    /// The command whose output this is.
    pub fn command(self) -> &'static str {
        match self {
            Self::LambdaPolicy => "aws lambda get-policy",
            Self::FunctionUrlConfig => "aws lambda get-function-url-config",
            Self::FunctionUrlConfigs => "aws lambda list-function-url-configs",
            Self::RoutingRules => "aws apigatewayv2 list-routing-rules",
            Self::RoutingRule => "aws apigatewayv2 get-routing-rule",
            Self::DomainNameV2 => "aws apigatewayv2 get-domain-name",
            Self::DomainNameV1 => "aws apigateway get-domain-name",
            Self::ApiMappings => "aws apigatewayv2 get-api-mappings",
            Self::BasePathMappings => "aws apigateway get-base-path-mappings",
        }
    }

    /// What the output holds.
    fn holds(self) -> &'static str {
        match self {
            Self::LambdaPolicy => "a Lambda function's resource-based policy",
            Self::FunctionUrlConfig => "a Lambda function URL's settings",
            Self::FunctionUrlConfigs => "a Lambda function's URLs",
            Self::RoutingRules => "the routing rules of an API Gateway custom domain",
            Self::RoutingRule => "a routing rule of an API Gateway custom domain",
            Self::DomainNameV2 | Self::DomainNameV1 => "an API Gateway custom domain",
            Self::ApiMappings => "the API mappings of an API Gateway custom domain",
            Self::BasePathMappings => "the base path mappings of an API Gateway custom domain",
        }
    }

    /// True for the outputs apifront reads as API definitions beside a distribution's AWS CLI
    /// JSON (the function URL's settings and the function's policy, see `lambda_cli`).
    pub fn read_beside_cli_json(self) -> bool {
        matches!(self, Self::LambdaPolicy | Self::FunctionUrlConfig)
    }

    /// What apifront does with it, and what to give instead, with the resource types it reads
    /// the same from.
    fn instead(self) -> &'static str {
        match self {
            Self::LambdaPolicy => {
                "apifront reads it only beside the distribution's AWS CLI JSON, as an API \
                 definition (`apifront lint --api FILE`, or the app's API definition tab) with the \
                 `aws lambda get-function-url-config` output; for a template or module, give the \
                 one that defines the function's permissions (`AWS::Lambda::Permission`, \
                 `aws_lambda_permission`)"
            }
            Self::FunctionUrlConfig => {
                "apifront reads it only beside the distribution's AWS CLI JSON, as an API \
                 definition (`apifront lint --api FILE`, or the app's API definition tab) with the \
                 `aws lambda get-policy` output; for a template or module, give the one that \
                 defines the function URL (`AWS::Lambda::Url`, `aws_lambda_function_url`)"
            }
            Self::FunctionUrlConfigs => {
                "apifront does not read it yet; to check the function URL, give its \
                 `aws lambda get-function-url-config` output, or the CloudFormation template or \
                 Terraform module that defines it (`AWS::Lambda::Url`, `aws_lambda_function_url`)"
            }
            Self::RoutingRules | Self::RoutingRule => {
                "apifront does not read it yet; to follow the routing rules, give the \
                 CloudFormation template or Terraform module that defines them \
                 (`AWS::ApiGatewayV2::RoutingRule`, `aws_apigatewayv2_routing_rule`)"
            }
            Self::DomainNameV2 => {
                "apifront does not read it yet; to check the custom domain, give the \
                 CloudFormation template or Terraform module that defines it \
                 (`AWS::ApiGatewayV2::DomainName`, `aws_apigatewayv2_domain_name`)"
            }
            Self::DomainNameV1 => {
                "apifront does not read it yet; to check the custom domain, give the \
                 CloudFormation template or Terraform module that defines it \
                 (`AWS::ApiGateway::DomainName`, `aws_api_gateway_domain_name`)"
            }
            Self::ApiMappings => {
                "apifront does not read it yet; to follow the mappings, give the CloudFormation \
                 template or Terraform module that defines them (`AWS::ApiGatewayV2::ApiMapping`, \
                 `aws_apigatewayv2_api_mapping`)"
            }
            Self::BasePathMappings => {
                "apifront does not read it yet; to follow the mappings, give the CloudFormation \
                 template or Terraform module that defines them \
                 (`AWS::ApiGateway::BasePathMapping`, `aws_api_gateway_base_path_mapping`)"
            }
        }
    }

    /// The message for a text that is this output: what it is and what to give instead.
    pub fn message(self) -> String {
        self.said_of("this")
    }

    /// [`Self::message`] for the file named `file`.
    pub fn message_for(self, file: &str) -> String {
        self.said_of(&format!("`{file}`"))
    }

    /// "`subject` is the output of …: what to give instead".
    fn said_of(self, subject: &str) -> String {
        format!(
            "{subject} is the output of `{}` ({}): {}",
            self.command(),
            self.holds(),
            self.instead()
        )
    }
}

/// The output `text` is, when it is one of [`AwsOutput`] (JSON, or YAML from
/// `--output yaml`); `None` for anything else, including text that does not parse.
pub fn aws_output_of(text: &str) -> Option<AwsOutput> {
    aws_output_error(text).map(|(output, _)| output)
}

/// [`aws_output_of`] with the error to report for it.
pub(super) fn aws_output_error(text: &str) -> Option<(AwsOutput, ParseError)> {
    if text.len() > MAX_INPUT_BYTES {
        return None;
    }
    let idx = LineIndex::new(text);
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let (tree, format) = if body.starts_with(['{', '[']) {
        (json::parse_tree(text, &idx).ok()?, Format::CliJson)
    } else if body.is_empty() {
        return None;
    } else {
        (yaml::parse_tree(text, &idx).ok()?, Format::CfnYaml)
    };
    let (output, at) = of_tree(&tree.root)?;
    Some((output, error(output, at, &idx, format)))
}

/// The error for `output` in a text of `format`, at `at` (the key that tells it).
pub(super) fn error(output: AwsOutput, at: Span, idx: &LineIndex, format: Format) -> ParseError {
    ParseError::at(idx, at.start, output.message()).with_format(format)
}

/// Which output a parsed document is, with the span of the key that tells it.
pub(super) fn of_tree(root: &Node) -> Option<(AwsOutput, Span)> {
    let key = |k: &str| root.entry(k).map(|e| e.key_span);
    let has = |k: &str| root.get(k).is_some();
    let string = |k: &str| root.get(k).and_then(Node::as_str).is_some();
    let list = |k: &str| root.get(k).and_then(Node::as_seq);
    let first_has = |k: &str, keys: &[&str]| {
        list(k)
            .and_then(<[Node]>::first)
            .is_some_and(|first| keys.iter().any(|key| first.get(key).is_some()))
    };
    root.as_map()?;
    if string("Policy") && has("RevisionId") {
        return Some((AwsOutput::LambdaPolicy, key("Policy")?));
    }
    if has("FunctionUrl") && has("FunctionArn") && has("AuthType") {
        return Some((AwsOutput::FunctionUrlConfig, key("FunctionUrl")?));
    }
    if first_has("FunctionUrlConfigs", &["FunctionUrl"]) {
        return Some((AwsOutput::FunctionUrlConfigs, key("FunctionUrlConfigs")?));
    }
    if list("RoutingRules").is_some_and(|rules| {
        rules.iter().all(|r| {
            ["Priority", "Conditions", "Actions"]
                .iter()
                .any(|k| r.get(k).is_some())
        })
    }) {
        return Some((AwsOutput::RoutingRules, key("RoutingRules")?));
    }
    if (has("RoutingRuleId") || has("RoutingRuleArn")) && has("Priority") {
        return Some((AwsOutput::RoutingRule, key("Priority")?));
    }
    if string("DomainName")
        && (has("ApiMappingSelectionExpression")
            || has("DomainNameArn")
            || first_has("DomainNameConfigurations", V2_RETURNED))
        && list("DomainNameConfigurations").is_some()
    {
        return Some((AwsOutput::DomainNameV2, key("DomainName")?));
    }
    if string("domainName") && V1_RETURNED.iter().any(|k| has(k)) {
        return Some((AwsOutput::DomainNameV1, key("domainName")?));
    }
    if first_has("Items", &["ApiMappingId", "ApiMappingKey"]) {
        return Some((AwsOutput::ApiMappings, key("Items")?));
    }
    if first_has("items", &["basePath", "restApiId"]) {
        return Some((AwsOutput::BasePathMappings, key("items")?));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::AwsOutput::*;
    use super::*;

    fn output(text: &str) -> Option<AwsOutput> {
        aws_output_of(text)
    }

    // Shapes from the API references' response syntax (Lambda API_GetPolicy,
    // API_GetFunctionUrlConfig; API Gateway V2 ListRoutingRules, GetDomainName, GetApiMappings;
    // API Gateway GetDomainName, GetBasePathMappings), as the AWS CLI prints them.
    const POLICY: &str = r#"{
    "Policy": "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"cf\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudfront.amazonaws.com\"},\"Action\":\"lambda:InvokeFunctionUrl\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:api\"}]}",
    "RevisionId": "4843f2f6-7c59-4fda-b484-afd0bc0e22b8"
}"#;

    const URL_CONFIG: &str = r#"{
    "FunctionUrl": "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/",
    "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:api",
    "AuthType": "AWS_IAM",
    "CreationTime": "2025-11-03T10:00:00.000000Z",
    "LastModifiedTime": "2025-11-03T10:00:00.000000Z",
    "InvokeMode": "BUFFERED"
}"#;

    const ROUTING_RULES: &str = r#"{
    "RoutingRules": [
        {
            "Actions": [{"InvokeApi": {"ApiId": "a1b2c3", "Stage": "prod", "StripBasePath": true}}],
            "Conditions": [{"MatchBasePaths": {"AnyOf": ["orders"]}}],
            "Priority": 100,
            "RoutingRuleArn": "arn:aws:apigateway:us-east-1:123456789012:/domainnames/api.example.com/routingrules/abc123",
            "RoutingRuleId": "abc123"
        }
    ]
}"#;

    const DOMAIN_V2: &str = r#"{
    "ApiMappingSelectionExpression": "$request.basepath",
    "DomainName": "api.example.com",
    "DomainNameConfigurations": [
        {
            "ApiGatewayDomainName": "d-abc123.execute-api.us-east-1.amazonaws.com",
            "CertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/abc",
            "DomainNameStatus": "AVAILABLE",
            "EndpointType": "REGIONAL",
            "HostedZoneId": "Z1UJRXOUMOOFQ8",
            "SecurityPolicy": "TLS_1_2"
        }
    ],
    "RoutingMode": "ROUTING_RULE_THEN_API_MAPPING"
}"#;

    const DOMAIN_V1: &str = r#"{
    "domainName": "api.example.com",
    "certificateUploadDate": "2025-11-03T10:00:00+00:00",
    "regionalDomainName": "d-abc123.execute-api.us-east-1.amazonaws.com",
    "regionalHostedZoneId": "Z1UJRXOUMOOFQ8",
    "regionalCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/abc",
    "endpointConfiguration": {"types": ["REGIONAL"]},
    "domainNameStatus": "AVAILABLE",
    "securityPolicy": "TLS_1_2"
}"#;

    const API_MAPPINGS: &str = r#"{
    "Items": [
        {"ApiId": "a1b2c3", "ApiMappingId": "m1n2o3", "ApiMappingKey": "orders", "Stage": "prod"}
    ]
}"#;

    const BASE_PATHS: &str = r#"{
    "items": [
        {"basePath": "(none)", "restApiId": "a1b2c3", "stage": "prod"}
    ]
}"#;

    #[test]
    fn each_output_is_recognised() {
        assert_eq!(output(POLICY), Some(LambdaPolicy));
        assert_eq!(output(URL_CONFIG), Some(FunctionUrlConfig));
        assert_eq!(
            output(&format!("{{\"FunctionUrlConfigs\": [{URL_CONFIG}]}}")),
            Some(FunctionUrlConfigs)
        );
        assert_eq!(output(ROUTING_RULES), Some(RoutingRules));
        assert_eq!(output("{\"RoutingRules\": []}"), Some(RoutingRules));
        assert_eq!(
            output(
                "{\"Actions\": [], \"Conditions\": [], \"Priority\": 5, \"RoutingRuleId\": \"x\"}"
            ),
            Some(RoutingRule)
        );
        assert_eq!(output(DOMAIN_V2), Some(DomainNameV2));
        assert_eq!(output(DOMAIN_V1), Some(DomainNameV1));
        assert_eq!(output(API_MAPPINGS), Some(ApiMappings));
        assert_eq!(output(BASE_PATHS), Some(BasePathMappings));
    }

    #[test]
    fn yaml_output_is_recognised_too() {
        let yaml =
            "Policy: '{\"Version\":\"2012-10-17\",\"Statement\":[]}'\nRevisionId: 4843f2f6\n";
        assert_eq!(output(yaml), Some(LambdaPolicy));
        let yaml = "items:\n- basePath: orders\n  restApiId: a1b2c3\n  stage: prod\n";
        assert_eq!(output(yaml), Some(BasePathMappings));
    }

    #[test]
    fn near_misses_are_not_taken_for_outputs() {
        // A template defining the same things: a template, not an output.
        let template = r#"{"Resources": {"Domain": {"Type": "AWS::ApiGatewayV2::DomainName",
            "Properties": {"DomainName": "api.example.com", "DomainNameConfigurations": []}}}}"#;
        assert_eq!(output(template), None);
        // A domain's CloudFormation properties: nothing only the service returns.
        let properties = r#"{"DomainName": "api.example.com", "DomainNameConfigurations":
            [{"CertificateArn": "arn:aws:acm:us-east-1:1:certificate/a", "EndpointType": "REGIONAL"}],
            "RoutingMode": "ROUTING_RULE_ONLY"}"#;
        assert_eq!(output(properties), None);
        // A routing rule's properties (no id) and an IAM policy document (no `Policy` string).
        let rule = r#"{"DomainNameArn": "arn", "Priority": 1, "Conditions": [], "Actions": []}"#;
        assert_eq!(output(rule), None);
        let iam = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}"#;
        assert_eq!(output(iam), None);
        let policy_object = r#"{"Policy": {"Statement": []}, "RevisionId": "x"}"#;
        assert_eq!(output(policy_object), None);
        // A function URL's CloudFormation properties.
        let url = r#"{"AuthType": "AWS_IAM", "TargetFunctionArn": "arn:aws:lambda:us-east-1:1:function:f"}"#;
        assert_eq!(output(url), None);
        // An OpenAPI definition with similarly named keys, API Gateway V2 routes and
        // `get-resources` output: definitions, not these outputs.
        let openapi = r#"{"openapi": "3.0.1", "info": {"title": "x"}, "paths": {},
            "x-amazon-apigateway-policy": {"Statement": []}, "servers": [{"url": "https://api.example.com/{basePath}"}]}"#;
        assert_eq!(output(openapi), None);
        let routes = r#"{"Items": [{"RouteId": "r1", "RouteKey": "GET /orders"}]}"#;
        assert_eq!(output(routes), None);
        let resources = r#"{"items": [{"id": "r1", "path": "/", "pathPart": "orders"}]}"#;
        assert_eq!(output(resources), None);
        // A distribution's origins list (`Items` of `DomainName`) and a distribution config.
        let origins =
            r#"{"Quantity": 1, "Items": [{"Id": "api", "DomainName": "api.example.com"}]}"#;
        assert_eq!(output(origins), None);
        let config = r#"{"DistributionConfig": {"Origins": {}, "DefaultCacheBehavior": {}}}"#;
        assert_eq!(output(config), None);
        // Lists of other things, empty lists that tell nothing, text that does not parse.
        assert_eq!(output("{\"Items\": []}"), None);
        assert_eq!(output("{\"RoutingRules\": [{\"Name\": \"x\"}]}"), None);
        assert_eq!(output("[1, 2]"), None);
        assert_eq!(output("{ \"Policy\": "), None);
        assert_eq!(output(""), None);
        assert_eq!(output("resource \"aws_lambda_permission\" \"p\" {}"), None);
    }

    #[test]
    fn the_error_names_the_command_at_the_telling_key() {
        let (kind, e) = aws_output_error(POLICY).expect("a policy");
        assert_eq!(kind, LambdaPolicy);
        assert_eq!((e.line, e.column), (2, 5));
        assert_eq!(
            e.message,
            "this is the output of `aws lambda get-policy` (a Lambda function's resource-based \
             policy): apifront reads it only beside the distribution's AWS CLI JSON, as an API \
             definition (`apifront lint --api FILE`, or the app's API definition tab) with the \
             `aws lambda get-function-url-config` output; for a template or module, give the one \
             that defines the function's permissions (`AWS::Lambda::Permission`, \
             `aws_lambda_permission`)"
        );
        assert_eq!(e.format, Some(Format::CliJson));
        assert!(DomainNameV1
            .message_for("domain.json")
            .starts_with("`domain.json` is the output of `aws apigateway get-domain-name`"));
    }
}
