//! Files opened or dropped on the Check view: read them (several at once), and tell a
//! configuration from an API definition.

use super::state::{DocKind, Opened};
use apifront_core::parse::{aws_output_of, parse_api_definition, AwsOutput};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// Words only a configuration holds (a distribution, a template, a Terraform resource).
const CONFIG_MARKS: &[&str] = &[
    "DistributionConfig",
    "AWS::CloudFront::Distribution",
    "AWSTemplateFormatVersion",
    "aws_cloudfront_distribution",
    "\"Resources\"",
    "Resources:",
];

/// What an opened file holds: Terraform files are configuration; a text that reads as an API
/// definition (an OpenAPI or Swagger export, `aws apigateway` or `apigatewayv2` output, or the
/// `aws lambda get-function-url-config` / `get-policy` output read beside AWS CLI JSON) and holds
/// no distribution or template is a definition; anything else is configuration.
pub fn kind_of(name: &str, text: &str) -> DocKind {
    let lower = name.to_ascii_lowercase();
    let terraform = [".tf", ".tfvars", ".tf.json", ".tfvars.json"]
        .iter()
        .any(|end| lower.ends_with(end));
    if terraform || CONFIG_MARKS.iter().any(|m| text.contains(m)) {
        return DocKind::Configuration;
    }
    // A function URL's settings and its function's policy are read beside AWS CLI JSON, as
    // definitions are.
    if aws_output_of(text).is_some_and(AwsOutput::read_beside_cli_json) {
        return DocKind::ApiDefinition;
    }
    match parse_api_definition(name, text) {
        Ok(_) => DocKind::ApiDefinition,
        Err(_) => DocKind::Configuration,
    }
}

/// What to tell the user instead of opening a file that is an AWS CLI output apifront
/// recognises and does not read (`aws apigatewayv2 list-routing-rules`, `get-domain-name`, …):
/// opened beside a configuration, it would otherwise be read as one more configuration file (a
/// file of a Terraform module).
pub fn not_read(name: &str, text: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tf") || lower.ends_with(".tfvars") {
        return None;
    }
    aws_output_of(text)
        .filter(|output| !output.read_beside_cli_json())
        .map(|output| output.message_for(name))
}

/// Sets aside the files apifront does not read ([`not_read`]): the files to open, and what to
/// tell about each file set aside as (name, message).
pub fn set_aside(files: Vec<Opened>) -> (Vec<Opened>, Vec<(String, String)>) {
    let mut open = Vec::new();
    let mut aside = Vec::new();
    for file in files {
        match not_read(&file.name, &file.text) {
            Some(message) => aside.push((file.name, message)),
            None => open.push(file),
        }
    }
    (open, aside)
}

/// The files in the order they are shown: configurations by name (Terraform reads a module's
/// files in any order; by name is what a file list shows), then definitions by name.
pub fn ordered(mut files: Vec<Opened>) -> Vec<Opened> {
    files.sort_by(|a, b| {
        (a.kind == DocKind::ApiDefinition, &a.name)
            .cmp(&(b.kind == DocKind::ApiDefinition, &b.name))
    });
    files
}

/// Reads files; `done` gets them (in order, each with its kind) once all are read, or the first
/// error. The readers live in `readers` until then.
pub fn read_all(
    files: Vec<web_sys::File>,
    readers: Rc<RefCell<Vec<FileReader>>>,
    done: Callback<Result<Vec<Opened>, String>>,
) {
    let total = files.len();
    let read: Rc<RefCell<Vec<Opened>>> = Rc::default();
    let failed = Rc::new(RefCell::new(false));
    let mut started = Vec::new();
    for file in files {
        let name = file.name();
        let (read, failed, done) = (read.clone(), failed.clone(), done.clone());
        let task = gloo::file::callbacks::read_as_text(&file.into(), move |result| {
            if *failed.borrow() {
                return;
            }
            match result {
                Ok(text) => {
                    let kind = kind_of(&name, &text);
                    read.borrow_mut().push(Opened {
                        kind,
                        name,
                        text: Rc::from(text),
                    });
                    if read.borrow().len() == total {
                        done.emit(Ok(ordered(read.take())));
                    }
                }
                Err(err) => {
                    *failed.borrow_mut() = true;
                    done.emit(Err(format!("Could not read {name}: {err}")));
                }
            }
        });
        started.push(task);
    }
    *readers.borrow_mut() = started;
}

/// The files of a file list (a picker's or a drop's).
pub fn of_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_apart_by_name_and_content() {
        let users = include_str!("../../crates/core/tests/fixtures/trace/users-api.oas30.json");
        let routes = include_str!("../../crates/core/tests/fixtures/api/get-routes.json");
        let resources = include_str!("../../crates/core/tests/fixtures/api/get-resources.json");
        let cli = include_str!("../../static/examples/broken-cli.json");
        let cfn = include_str!("../../static/examples/broken-cfn.yaml");
        assert_eq!(kind_of("users.json", users), DocKind::ApiDefinition);
        assert_eq!(kind_of("routes.json", routes), DocKind::ApiDefinition);
        assert_eq!(kind_of("resources.json", resources), DocKind::ApiDefinition);
        assert_eq!(kind_of("dist.json", cli), DocKind::Configuration);
        assert_eq!(kind_of("template.yaml", cfn), DocKind::Configuration);
        assert_eq!(
            kind_of("variables.tf", "variable \"x\" {}"),
            DocKind::Configuration
        );
        assert_eq!(kind_of("notes.txt", "hello"), DocKind::Configuration);
    }

    #[test]
    fn aws_cli_outputs_apifront_does_not_read_are_set_aside() {
        let policy =
            include_str!("../../crates/core/tests/fixtures/aws-outputs/thumbs-get-policy.json");
        let url = include_str!(
            "../../crates/core/tests/fixtures/aws-outputs/thumbs-get-function-url-config.json"
        );
        let rules =
            include_str!("../../crates/core/tests/fixtures/aws-outputs/list-routing-rules.json");
        let domain = include_str!(
            "../../crates/core/tests/fixtures/aws-outputs/apigateway-get-domain-name.json"
        );
        let cli = include_str!("../../static/examples/broken-cli.json");
        let f = |name: &str, text: &str| Opened {
            kind: kind_of(name, text),
            name: name.into(),
            text: Rc::from(text),
        };
        let (open, aside) = set_aside(vec![
            f("cli.json", cli),
            f("policy.json", policy),
            f("url.json", url),
            f("rules.json", rules),
            f("domain.json", domain),
        ]);
        // The function URL's settings and its policy are read beside CLI JSON: definitions.
        let opened: Vec<(&str, DocKind)> = open.iter().map(|o| (o.name.as_str(), o.kind)).collect();
        assert_eq!(
            opened,
            [
                ("cli.json", DocKind::Configuration),
                ("policy.json", DocKind::ApiDefinition),
                ("url.json", DocKind::ApiDefinition),
            ]
        );
        let aside_names: Vec<&str> = aside.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(aside_names, ["rules.json", "domain.json"]);
        assert_eq!(
            aside[0].1,
            "`rules.json` is the output of `aws apigatewayv2 list-routing-rules` (the routing \
             rules of an API Gateway custom domain): apifront does not read it yet; to follow the \
             routing rules, give the CloudFormation template or Terraform module that defines \
             them (`AWS::ApiGatewayV2::RoutingRule`, `aws_apigatewayv2_routing_rule`)"
        );
        assert!(aside[1]
            .1
            .starts_with("`domain.json` is the output of `aws apigateway get-domain-name`"));
        // A Terraform file is never taken for one.
        assert_eq!(not_read("main.tf", rules), None);
    }

    #[test]
    fn configurations_come_first_by_name() {
        let f = |kind, name: &str| Opened {
            kind,
            name: name.into(),
            text: Rc::from(""),
        };
        let names: Vec<String> = ordered(vec![
            f(DocKind::ApiDefinition, "api.json"),
            f(DocKind::Configuration, "variables.tf"),
            f(DocKind::Configuration, "cdn.tf"),
        ])
        .into_iter()
        .map(|o| o.name)
        .collect();
        assert_eq!(names, ["cdn.tf", "variables.tf", "api.json"]);
    }
}
