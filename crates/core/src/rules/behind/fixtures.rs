//! Case builders for the tables of the rules that read the API behind an origin.

use crate::rules::tester::beside;

/// The recommended API distribution whose origin refers to the REST or HTTP API `Api` of the
/// same template (`!Sub ${Api}.execute-api…`, origin path `/prod`).
pub const SIBLING: &str = cfn_doc!("", sibling_api_origin!(), api_behavior!());

/// `text` (whose origin refers to `Api`) with a regional REST API `Api`, its stage `prod`, a
/// resource for each path and a method for each of `methods` (`GET /orders`, `POST
/// /orders/{id}`), each with the method properties `keys` (one per line, e.g.
/// `AuthorizationType: NONE`; an empty `keys` gives `NONE` and a Lambda proxy integration).
pub fn with_rest_api(text: &str, methods: &[&str], keys: &str) -> String {
    let keys = if keys.is_empty() {
        "AuthorizationType: NONE\nIntegration: {Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations}"
    } else {
        keys
    };
    let mut out = String::from(
        "Api:\n  Type: AWS::ApiGateway::RestApi\n  Properties:\n    Name: orders\n    \
         EndpointConfiguration:\n      Types: [REGIONAL]\n\
         Prod:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    RestApiId: !Ref Api\n    \
         StageName: prod\n",
    );
    let mut resources: Vec<String> = Vec::new();
    for spec in methods {
        let (method, path) = spec.split_once(' ').unwrap_or(("GET", spec));
        let mut parent = "!GetAtt Api.RootResourceId".to_string();
        let mut id = String::new();
        for part in path.split('/').filter(|p| !p.is_empty()) {
            id.push_str(&resource_id(part));
            if !resources.contains(&id) {
                resources.push(id.clone());
                out.push_str(&format!(
                    "{id}:\n  Type: AWS::ApiGateway::Resource\n  Properties:\n    RestApiId: !Ref Api\n    \
                     ParentId: {parent}\n    PathPart: '{part}'\n"
                ));
            }
            parent = format!("!Ref {id}");
        }
        let resource = if id.is_empty() {
            "!GetAtt Api.RootResourceId".to_string()
        } else {
            format!("!Ref {id}")
        };
        out.push_str(&format!(
            "{method}{id}Method:\n  Type: AWS::ApiGateway::Method\n  Properties:\n    RestApiId: !Ref Api\n    \
             ResourceId: {resource}\n    HttpMethod: {method}\n"
        ));
        for line in keys.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    beside(text, &out)
}

/// A logical id part for a path part: `orders` → `ResOrders`, `{id}` → `ResId`.
fn resource_id(part: &str) -> String {
    let clean: String = part.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let mut chars = clean.chars();
    match chars.next() {
        Some(first) => format!("Res{}{}", first.to_ascii_uppercase(), chars.as_str()),
        None => "Root".into(),
    }
}
