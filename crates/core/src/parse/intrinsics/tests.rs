//! The intrinsic functions evaluated over small templates: each value under `Values` is
//! evaluated as a resource property would be, against the template's parameters, mappings,
//! conditions and resources.

use super::*;
use crate::classify::classify_host;
use crate::model::OriginKind;
use crate::parse::yaml::parse_tree;
use crate::span::LineIndex;

/// Runs `f` with the template of the YAML text `yaml` (the parameter values `given` in place of
/// the defaults) and the map under its `Values` key.
fn with_template<R>(
    yaml: &str,
    given: &[(&str, &str)],
    f: impl FnOnce(&Template, &Node) -> R,
) -> R {
    let idx = LineIndex::new(yaml);
    let tree = parse_tree(yaml, &idx).expect("valid YAML");
    let root = &tree.root;
    let given: ParameterValues = given
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let template = Template::new(root, root.get("Resources"), &given);
    let values = root.get("Values").expect("the template has Values");
    f(&template, values)
}

/// The value `key` of `values`, evaluated.
fn eval(t: &Template, values: &Node, key: &str) -> Evaluated {
    t.eval(values.get(key).expect("value present"))
}

/// The value `key` of `values`, evaluated with its key.
fn eval_keyed(t: &Template, values: &Node, key: &str) -> Evaluated {
    t.eval_keyed(values.get(key).expect("value present"))
}

fn text(s: &str) -> Evaluated {
    Evaluated::text(s)
}

fn list(items: &[&str]) -> State {
    State::List(items.iter().map(|s| Evaluated::text(*s)).collect())
}

fn param(name: &str) -> Unknown {
    Unknown::Parameter {
        name: name.into(),
        no_echo: false,
    }
}

fn intrinsic_why(name: &str) -> Unknown {
    Unknown::Intrinsic(name.into())
}

fn reference(id: &str, target: Target) -> Ref {
    Ref {
        id: id.into(),
        target,
    }
}

/// The shape of an unknown value (`None` for a known or shapeless one).
fn unknown_shape(v: &Evaluated) -> Option<&str> {
    match &v.state {
        State::Unknown { shape, .. } => shape.as_deref(),
        _ => None,
    }
}

/// The reason of an unknown value.
fn why(v: &Evaluated) -> &Unknown {
    match &v.state {
        State::Unknown { why, .. } => why,
        other => panic!("expected an unknown value, got {other:?}"),
    }
}

/// `Fn::Join` puts its delimiter between the items only.
#[test]
fn join_puts_the_delimiter_between_items() {
    let yaml = "Values:\n  \
                Three: !Join [',', [a, b, c]]\n  \
                Two: !Join ['', [a, b]]\n  \
                One: !Join ['-', [a]]\n  \
                Long: !Join ['::', [a, b, c, d]]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Three"), text("a,b,c"));
        assert_eq!(eval(t, v, "Two"), text("ab"));
        assert_eq!(eval(t, v, "One"), text("a"));
        assert_eq!(eval(t, v, "Long"), text("a::b::c::d"));
    });
}

/// A join over an unknown list is unknown for the list's reason and keeps the list's refs,
/// with no shape; a join over something that is not a list is malformed.
#[test]
fn join_over_an_unknown_list_keeps_its_reason_and_refs() {
    let yaml = "Parameters:\n  \
                  Names: {Type: CommaDelimitedList}\n\
                Resources:\n  \
                  Topic: {Type: 'AWS::SNS::Topic'}\n\
                Values:\n  \
                  FromParam: !Join [',', !Ref Names]\n  \
                  FromAttr: !Join [',', !GetAtt Topic.Names]\n  \
                  NotAList: !Join [',', abc]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "FromParam"), Evaluated::unknown(param("Names")));
        assert_eq!(
            eval(t, v, "FromAttr"),
            Evaluated::unknown(intrinsic_why("Fn::GetAtt"))
                .with_ref(reference("Topic", Target::Other))
        );
        assert_eq!(
            eval(t, v, "NotAList"),
            Evaluated::unknown(Unknown::Invalid("malformed Fn::Join".into()))
        );
    });
}

/// `Fn::If` takes the branch its condition decides; undecided, equal branches still give
/// their value and different ones leave it unknown.
#[test]
fn if_takes_the_decided_branch() {
    let yaml = "Parameters:\n  \
                  Env: {Type: String}\n\
                Conditions:\n  \
                  Yes: !Equals [a, a]\n  \
                  No: !Equals [a, b]\n  \
                  IsProd: !Equals [!Ref Env, prod]\n\
                Values:\n  \
                  True: !If [Yes, first, second]\n  \
                  False: !If [No, first, second]\n  \
                  Same: !If [IsProd, same, same]\n  \
                  Differ: !If [IsProd, first, second]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "True"), text("first"));
        assert_eq!(eval(t, v, "False"), text("second"));
        // Opaque: conditions the template does not fix stay undecided.
        t.conditions.start(Vec::new(), true);
        assert_eq!(eval(t, v, "Same"), text("same"));
        assert_eq!(
            eval(t, v, "Differ"),
            Evaluated::unknown(intrinsic_why("Fn::If"))
        );
    });
}

/// `Fn::FindInMap` reads the mappings with literal (or known) keys, falls back to its
/// `DefaultValue`, and is unknown for a missing entry without one.
#[test]
fn find_in_map_reads_the_mappings() {
    let yaml = "Parameters:\n  \
                  Region: {Type: String, Default: eu}\n\
                Mappings:\n  \
                  Hosts:\n    \
                    eu: {api: eu.example.com}\n    \
                    us: {api: us.example.com}\n\
                Values:\n  \
                  Literal: !FindInMap [Hosts, us, api]\n  \
                  ByParam: !FindInMap [Hosts, !Ref Region, api]\n  \
                  Default: !FindInMap [Hosts, us, web, {DefaultValue: fallback}]\n  \
                  Found: !FindInMap [Hosts, eu, api, {DefaultValue: fallback}]\n  \
                  Missing: !FindInMap [Hosts, us, web]\n  \
                  Short: !FindInMap [Hosts, us]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Literal"), text("us.example.com"));
        assert_eq!(eval(t, v, "ByParam"), text("eu.example.com"));
        assert_eq!(eval(t, v, "Default"), text("fallback"));
        assert_eq!(eval(t, v, "Found"), text("eu.example.com"));
        assert_eq!(
            eval(t, v, "Missing"),
            Evaluated::unknown(intrinsic_why("Fn::FindInMap"))
        );
        assert_eq!(
            eval(t, v, "Short"),
            Evaluated::unknown(Unknown::Invalid("malformed Fn::FindInMap".into()))
        );
    });
}

/// An imported value is unknown, keyed by the export's name (literal or itself keyed), so two
/// identical imports match; without a known name it has no key.
#[test]
fn import_value_is_keyed_by_its_name() {
    let yaml = "Parameters:\n  \
                  Stack: {Type: String}\n\
                Resources:\n  \
                  Topic: {Type: 'AWS::SNS::Topic'}\n\
                Values:\n  \
                  Literal: !ImportValue shared-api-host\n  \
                  Built: !ImportValue {'Fn::Sub': '${Stack}-host'}\n  \
                  Attr: !ImportValue {'Fn::GetAtt': [Topic, Name]}\n  \
                  NoName: !ImportValue {'Fn::Select': [0, !Ref Stack]}\n";
    with_template(yaml, &[], |t, v| {
        let why = intrinsic_why("Fn::ImportValue");
        assert_eq!(
            eval_keyed(t, v, "Literal"),
            Evaluated::keyed(
                why.clone(),
                None,
                "${Fn::ImportValue:shared-api-host}".into()
            )
        );
        assert_eq!(
            eval_keyed(t, v, "Built"),
            Evaluated::keyed(why.clone(), None, "${Fn::ImportValue:${Stack}-host}".into())
        );
        assert_eq!(
            eval_keyed(t, v, "Attr"),
            Evaluated::keyed(why.clone(), None, "${Fn::ImportValue:${Topic.Name}}".into())
        );
        assert_eq!(eval_keyed(t, v, "NoName"), Evaluated::unknown(why.clone()));
        // Keys are built only when wanted.
        assert_eq!(eval(t, v, "Literal"), Evaluated::unknown(why));
    });
}

/// `CommaDelimitedList` and `List<…>` parameters are lists (items trimmed), from their
/// default or a given value; `Fn::Select` picks an item, or says the index is out of range.
#[test]
fn list_parameters_are_lists() {
    let yaml = "Parameters:\n  \
                  Names: {Type: CommaDelimitedList, Default: 'a, b ,c'}\n  \
                  Ids: {Type: 'List<String>', Default: 'x,y'}\n  \
                  Plain: {Type: String, Default: 'p,q'}\n\
                Values:\n  \
                  Second: !Select [1, !Ref Names]\n  \
                  SecondId: !Select ['1', !Ref Ids]\n  \
                  Names: !Ref Names\n  \
                  Plain: !Ref Plain\n  \
                  OutOfRange: !Select [3, !Ref Names]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Second"), text("b"));
        assert_eq!(eval(t, v, "SecondId"), text("y"));
        assert_eq!(eval(t, v, "Names").state, list(&["a", "b", "c"]));
        assert_eq!(eval(t, v, "Plain"), text("p,q"));
        assert_eq!(
            eval(t, v, "OutOfRange"),
            Evaluated::unknown(Unknown::Invalid(
                "Fn::Select index 3 is out of range".into()
            ))
        );
    });
    with_template(yaml, &[("Names", "g, h"), ("Plain", "r,s")], |t, v| {
        assert_eq!(eval(t, v, "Second"), text("h"));
        assert_eq!(eval(t, v, "Plain"), text("r,s"));
    });
}

/// `Fn::Select` over an unknown list keeps the list's reason and refs, without a shape.
#[test]
fn select_over_an_unknown_list_keeps_its_reason() {
    let yaml = "Parameters:\n  \
                  Names: {Type: CommaDelimitedList}\n\
                Resources:\n  \
                  Topic: {Type: 'AWS::SNS::Topic'}\n\
                Values:\n  \
                  FromParam: !Select [0, !Ref Names]\n  \
                  FromAttr: !Select [0, !GetAtt Topic.Names]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(
            eval_keyed(t, v, "FromParam"),
            Evaluated::unknown(param("Names"))
        );
        assert_eq!(
            eval(t, v, "FromAttr"),
            Evaluated::unknown(intrinsic_why("Fn::GetAtt"))
                .with_ref(reference("Topic", Target::Other))
        );
    });
}

/// A given value replaces a plain parameter's default; the given value of an SSM-typed
/// parameter names the SSM parameter, so the value stays unknown.
#[test]
fn given_values_replace_defaults_except_for_ssm_parameters() {
    let yaml = "Parameters:\n  \
                  Host: {Type: String, Default: default.example.com}\n  \
                  Ssm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/host}\n\
                Values:\n  \
                  Host: !Ref Host\n  \
                  Ssm: !Ref Ssm\n";
    let ssm = || Evaluated::keyed(param("Ssm"), Some("{Ssm}".into()), "${Ssm}".into());
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Host"), text("default.example.com"));
        assert_eq!(eval_keyed(t, v, "Ssm"), ssm());
    });
    let given = [("Host", "given.example.com"), ("Ssm", "/other/host")];
    with_template(yaml, &given, |t, v| {
        assert_eq!(eval(t, v, "Host"), text("given.example.com"));
        assert_eq!(eval_keyed(t, v, "Ssm"), ssm());
    });
}

/// `Fn::Sub` replaces each `${…}` exactly: parameters, variables, attributes (`${A.B}`) and
/// pseudo parameters (whose names are never split at a dot), and `${!…}` stays literal.
#[test]
fn sub_replaces_each_reference_exactly() {
    let yaml = "Parameters:\n  \
                  A: {Type: String, Default: a}\n\
                Resources:\n  \
                  Api: {Type: 'AWS::ApiGatewayV2::Api'}\n\
                Values:\n  \
                  Param: !Sub '${A}-x'\n  \
                  Twice: !Sub 'p${A}q${ A }r'\n  \
                  Var: !Sub ['${X}-y', {X: z}]\n  \
                  Literal: !Sub '${!A}-x'\n  \
                  Attr: !Sub '${Api.ApiEndpoint}/x'\n  \
                  Region: !Sub '${AWS::Region}'\n  \
                  Dotted: !Sub '${AWS::Some.Name}'\n  \
                  Unclosed: !Sub 'a-${A'\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Param"), text("a-x"));
        assert_eq!(eval(t, v, "Twice"), text("paqar"));
        assert_eq!(eval(t, v, "Var"), text("z-y"));
        assert_eq!(eval(t, v, "Literal"), text("${A}-x"));
        assert_eq!(eval(t, v, "Unclosed"), text("a-${A"));
        assert_eq!(
            eval_keyed(t, v, "Attr"),
            Evaluated::keyed(
                intrinsic_why("Fn::GetAtt"),
                Some("https://{Api}.execute-api.{AWS::Region}.amazonaws.com/x".into()),
                "${Api.ApiEndpoint}/x".into()
            )
            .with_ref(reference("Api", Target::Api))
        );
        assert_eq!(
            eval_keyed(t, v, "Region"),
            Evaluated::keyed(
                param("AWS::Region"),
                Some("{AWS::Region}".into()),
                "${AWS::Region}".into()
            )
        );
        assert_eq!(
            eval_keyed(t, v, "Dotted"),
            Evaluated::keyed(
                param("AWS::Some.Name"),
                Some("{AWS::Some.Name}".into()),
                "${AWS::Some.Name}".into()
            )
        );
    });
}

/// `${AWS::URLSuffix}` is `amazonaws.com` in the shape, so a default execute-api host built
/// with `Fn::Sub` classifies as API Gateway.
#[test]
fn url_suffix_keeps_execute_api_hosts_classifiable() {
    let yaml = "Resources:\n  \
                  Api: {Type: 'AWS::ApiGateway::RestApi'}\n\
                Values:\n  \
                  Host: !Sub '${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}'\n  \
                  Suffix: !Ref AWS::URLSuffix\n";
    with_template(yaml, &[], |t, v| {
        let host = eval(t, v, "Host");
        assert_eq!(
            unknown_shape(&host),
            Some("{Api}.execute-api.{AWS::Region}.amazonaws.com")
        );
        assert_eq!(host.refs, [reference("Api", Target::Api)]);
        assert!(matches!(
            classify_host(unknown_shape(&host).unwrap(), &[]),
            OriginKind::ApiGatewayDefault { .. }
        ));
        assert_eq!(
            eval(t, v, "Suffix"),
            Evaluated::shaped(param("AWS::URLSuffix"), "amazonaws.com")
        );
    });
}

/// `Ref` of a custom domain is its domain name and of a stage its stage name (both API
/// Gateway versions); a missing or unknown property leaves the `Ref` unknown.
#[test]
fn ref_of_domains_and_stages_is_their_name() {
    let yaml = "Parameters:\n  \
                  Name: {Type: String}\n\
                Resources:\n  \
                  Domain: {Type: 'AWS::ApiGateway::DomainName', Properties: {DomainName: api.example.com}}\n  \
                  DomainV2: {Type: 'AWS::ApiGatewayV2::DomainName', Properties: {DomainName: v2.example.com}}\n  \
                  Stage: {Type: 'AWS::ApiGateway::Stage', Properties: {StageName: prod}}\n  \
                  StageV2: {Type: 'AWS::ApiGatewayV2::Stage', Properties: {StageName: live}}\n  \
                  Nameless: {Type: 'AWS::ApiGateway::DomainName', Properties: {}}\n  \
                  Unnamed: {Type: 'AWS::ApiGatewayV2::Stage', Properties: {StageName: !Ref Name}}\n  \
                  Topic: {Type: 'AWS::SNS::Topic', Properties: {DomainName: t.example.com}}\n\
                Values:\n  \
                  Domain: !Ref Domain\n  \
                  DomainV2: !Ref DomainV2\n  \
                  Stage: !Ref Stage\n  \
                  StageV2: !Ref StageV2\n  \
                  Nameless: !Ref Nameless\n  \
                  Unnamed: !Ref Unnamed\n  \
                  Topic: !Ref Topic\n";
    with_template(yaml, &[], |t, v| {
        let known = |key: &str, value: &str| {
            assert_eq!(
                eval(t, v, key),
                text(value).with_ref(reference(key, Target::Other)),
                "{key}"
            );
        };
        known("Domain", "api.example.com");
        known("DomainV2", "v2.example.com");
        known("Stage", "prod");
        known("StageV2", "live");
        for key in ["Nameless", "Unnamed", "Topic"] {
            assert_eq!(
                eval_keyed(t, v, key),
                Evaluated::keyed(
                    intrinsic_why("Ref"),
                    Some(format!("{{{key}}}")),
                    format!("${{{key}}}")
                )
                .with_ref(reference(key, Target::Other)),
                "{key}"
            );
        }
    });
}

const SAM_RESOURCES: &str = "Resources:\n  \
      Fn:\n    \
        Type: 'AWS::Serverless::Function'\n    \
        Properties: {FunctionUrlConfig: {AuthType: NONE}}\n  \
      Plain:\n    \
        Type: 'AWS::Serverless::Function'\n    \
        Properties: {Handler: index.handler}\n  \
      Lambda:\n    \
        Type: 'AWS::Lambda::Function'\n    \
        Properties: {FunctionUrlConfig: {AuthType: NONE}}\n\
    Values:\n  \
      RestApi: !Ref ServerlessRestApi\n  \
      HttpApi: !GetAtt ServerlessHttpApi.ApiId\n  \
      Url: !GetAtt FnUrl.FunctionUrl\n  \
      UrlRef: !Ref FnUrl\n";

/// With the SAM transform the implicit APIs and a function's `<Function>Url` are SAM
/// resources: references to them name an API or a function URL.
#[test]
fn sam_implicit_resources_with_the_transform() {
    let yaml = format!("Transform: AWS::Serverless-2016-10-31\n{SAM_RESOURCES}");
    with_template(&yaml, &[], |t, v| {
        assert_eq!(
            t.resource_type("ServerlessRestApi"),
            Some("AWS::Serverless::Api")
        );
        assert_eq!(
            t.resource_type("ServerlessHttpApi"),
            Some("AWS::Serverless::HttpApi")
        );
        assert_eq!(t.resource_type("FnUrl"), Some("AWS::Lambda::Url"));
        // Only a SAM function with a `FunctionUrlConfig` has one, named `<Function>Url`.
        assert_eq!(t.resource_type("PlainUrl"), None);
        assert_eq!(t.resource_type("LambdaUrl"), None);
        assert_eq!(t.resource_type("Fn"), Some("AWS::Serverless::Function"));
        assert_eq!(t.resource_type("FnUrlX"), None);
        assert_eq!(t.resource_type("Url"), None);
        assert!(t.is_sam_function_url("FnUrl"));
        assert!(!t.is_sam_function_url("PlainUrl"));
        assert!(!t.is_sam_function_url("LambdaUrl"));
        assert!(!t.is_sam_function_url("Fn"));

        assert_eq!(
            eval(t, v, "RestApi").refs,
            [reference("ServerlessRestApi", Target::Api)]
        );
        assert_eq!(
            eval(t, v, "HttpApi"),
            Evaluated::shaped(intrinsic_why("Fn::GetAtt"), "{ServerlessHttpApi}")
                .with_ref(reference("ServerlessHttpApi", Target::Api))
        );
        assert_eq!(
            eval(t, v, "Url"),
            Evaluated::shaped(
                intrinsic_why("Fn::GetAtt"),
                "https://{FnUrl}.lambda-url.{AWS::Region}.on.aws/"
            )
            .with_ref(reference("FnUrl", Target::LambdaUrl))
        );
        assert_eq!(
            eval(t, v, "UrlRef").refs,
            [reference("FnUrl", Target::LambdaUrl)]
        );
    });
}

/// Without the SAM transform nothing is implicit: the same references name other resources.
#[test]
fn sam_implicit_resources_without_the_transform() {
    with_template(SAM_RESOURCES, &[], |t, v| {
        for id in ["ServerlessRestApi", "ServerlessHttpApi", "FnUrl"] {
            assert_eq!(t.resource_type(id), None, "{id}");
        }
        // An undeclared resource is referred to by nothing.
        assert_eq!(
            eval(t, v, "RestApi"),
            Evaluated::shaped(intrinsic_why("Ref"), "{ServerlessRestApi}")
        );
        // Not an API: its `ApiId` has no API shape.
        assert_eq!(
            eval(t, v, "HttpApi"),
            Evaluated::shaped(intrinsic_why("Fn::GetAtt"), "{ServerlessHttpApi_ApiId}")
                .with_ref(reference("ServerlessHttpApi", Target::Other))
        );
        assert_eq!(
            eval(t, v, "UrlRef"),
            Evaluated::shaped(intrinsic_why("Ref"), "{FnUrl}")
        );
    });
}

/// The shape of each attribute that names a host, by resource type; other resources' same
/// attributes get no such shape.
#[test]
fn get_att_shapes_by_resource_type() {
    let yaml = "Resources:\n  \
                  Rest: {Type: 'AWS::ApiGateway::RestApi'}\n  \
                  Http: {Type: 'AWS::ApiGatewayV2::Api'}\n  \
                  Domain: {Type: 'AWS::ApiGateway::DomainName'}\n  \
                  DomainV2: {Type: 'AWS::ApiGatewayV2::DomainName'}\n  \
                  Bucket: {Type: 'AWS::S3::Bucket'}\n  \
                  Dist: {Type: 'AWS::CloudFront::Distribution'}\n  \
                  Topic: {Type: 'AWS::SNS::Topic'}\n\
                Values: {}\n";
    let region = "{AWS::Region}";
    let cases: &[(&str, &str, String)] = &[
        (
            "Rest",
            "ApiEndpoint",
            format!("https://{{Rest}}.execute-api.{region}.amazonaws.com"),
        ),
        (
            "Http",
            "ApiEndpoint",
            format!("https://{{Http}}.execute-api.{region}.amazonaws.com"),
        ),
        ("Topic", "ApiEndpoint", "{Topic_ApiEndpoint}".into()),
        // An undeclared resource's `ApiEndpoint` is taken for an HTTP API's.
        (
            "Gone",
            "ApiEndpoint",
            format!("https://{{Gone}}.execute-api.{region}.amazonaws.com"),
        ),
        ("Http", "ApiId", "{Http}".into()),
        ("Rest", "RestApiId", "{Rest}".into()),
        ("Topic", "ApiId", "{Topic_ApiId}".into()),
        ("Topic", "RestApiId", "{Topic_RestApiId}".into()),
        (
            "Domain",
            "RegionalDomainName",
            format!("d-{{Domain}}.execute-api.{region}.amazonaws.com"),
        ),
        (
            "DomainV2",
            "RegionalDomainName",
            format!("d-{{DomainV2}}.execute-api.{region}.amazonaws.com"),
        ),
        (
            "Topic",
            "RegionalDomainName",
            "{Topic_RegionalDomainName}".into(),
        ),
        (
            "Domain",
            "DistributionDomainName",
            "{Domain}.cloudfront.net".into(),
        ),
        (
            "DomainV2",
            "DistributionDomainName",
            "{DomainV2}.cloudfront.net".into(),
        ),
        (
            "Topic",
            "DistributionDomainName",
            "{Topic_DistributionDomainName}".into(),
        ),
        ("Dist", "DomainName", "{Dist}.cloudfront.net".into()),
        ("Bucket", "DomainName", "{Bucket}.s3.amazonaws.com".into()),
        (
            "Bucket",
            "RegionalDomainName",
            format!("{{Bucket}}.s3.{region}.amazonaws.com"),
        ),
        (
            "Bucket",
            "DualStackDomainName",
            format!("{{Bucket}}.s3.dualstack.{region}.amazonaws.com"),
        ),
        (
            "Bucket",
            "WebsiteURL",
            format!("http://{{Bucket}}.s3-website-{region}.amazonaws.com"),
        ),
        ("Topic", "DomainName", "{Topic_DomainName}".into()),
        ("Gone", "Some.Attr", "{Gone_Some_Attr}".into()),
    ];
    with_template(yaml, &[], |t, _| {
        for (id, attr, shape) in cases {
            let value = t.get_att(id, attr);
            assert_eq!(unknown_shape(&value), Some(shape.as_str()), "{id}.{attr}");
            assert_eq!(why(&value), &intrinsic_why("Fn::GetAtt"), "{id}.{attr}");
        }
    });
}

/// S3 bucket attributes classify as S3 hosts (the website URL as an S3 website), and a
/// custom domain's regional name as a regional domain target.
#[test]
fn get_att_shapes_classify() {
    let yaml = "Resources:\n  \
                  Bucket: {Type: 'AWS::S3::Bucket'}\n  \
                  Domain: {Type: 'AWS::ApiGatewayV2::DomainName'}\n\
                Values: {}\n";
    with_template(yaml, &[], |t, _| {
        let kind = |id: &str, attr: &str| {
            let value = t.get_att(id, attr);
            let shape = unknown_shape(&value).expect("shaped").to_string();
            let host = shape.strip_prefix("http://").unwrap_or(&shape).to_string();
            classify_host(&host, &[])
        };
        for attr in ["DomainName", "RegionalDomainName", "DualStackDomainName"] {
            assert_eq!(kind("Bucket", attr), OriginKind::S3, "{attr}");
        }
        assert_eq!(kind("Bucket", "WebsiteURL"), OriginKind::S3Website);
        assert_eq!(
            kind("Domain", "RegionalDomainName"),
            OriginKind::ApiGatewayRegionalDomainTarget
        );
        assert_eq!(
            kind("Domain", "DistributionDomainName"),
            OriginKind::CloudFront
        );
    });
}

/// `Fn::Split` of a known string gives its parts; of a shapeless unknown (an import), the
/// unknown itself; of a shaped one, the shape's parts.
#[test]
fn split_known_and_unknown_strings() {
    let yaml = "Resources:\n  \
                  Api: {Type: 'AWS::ApiGatewayV2::Api'}\n\
                Values:\n  \
                  Known: !Split [',', 'a,b,,c']\n  \
                  Imported: !Split [',', !ImportValue hosts]\n  \
                  Shaped: !Split ['/', !GetAtt Api.ApiEndpoint]\n  \
                  Empty: !Split ['', abc]\n";
    with_template(yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Known").state, list(&["a", "b", "", "c"]));
        assert_eq!(
            eval(t, v, "Imported"),
            Evaluated::unknown(intrinsic_why("Fn::ImportValue"))
        );
        let shaped = eval(t, v, "Shaped");
        let api = reference("Api", Target::Api);
        let part = |e: Evaluated| e.with_ref(api.clone());
        assert_eq!(
            shaped.state,
            State::List(vec![
                part(text("https:")),
                part(text("")),
                part(Evaluated::shaped(
                    intrinsic_why("Fn::GetAtt"),
                    "{Api}.execute-api.{AWS::Region}.amazonaws.com"
                )),
            ])
        );
        assert_eq!(shaped.refs, [api]);
        assert_eq!(
            eval(t, v, "Empty"),
            Evaluated::unknown(Unknown::Invalid("malformed Fn::Split".into()))
        );
    });
}

/// Builds a template whose parameters `P0` … `P{n}` each default to `step` with `{next}`
/// replaced by the next one's name, the last defaulting to `end`, with `Values.Start` set to
/// `start` (`{next}` replaced by `P0`).
fn chain(n: usize, start: &str, step: &str) -> String {
    let mut yaml = String::from("Parameters:\n");
    for k in 0..n {
        let default = step.replace("{next}", &format!("P{}", k + 1));
        yaml.push_str(&format!(
            "  P{k}:\n    Type: String\n    Default: {default}\n"
        ));
    }
    yaml.push_str(&format!("  P{n}:\n    Type: String\n    Default: end\n"));
    yaml.push_str(&format!(
        "Values:\n  Start: {}\n",
        start.replace("{next}", "P0")
    ));
    yaml
}

fn too_deep() -> Evaluated {
    Evaluated::unknown(Unknown::Invalid(
        "references nest too deeply to evaluate".into(),
    ))
}

/// Each `Ref` of a parameter whose default is a `Ref` nests two levels: a chain reaching
/// exactly `MAX_DEPTH` is still evaluated, one step more is "nesting too deeply".
#[test]
fn references_nest_up_to_max_depth_through_parameters() {
    assert_eq!(MAX_DEPTH, 128);
    // The last default is evaluated at depth 2 × 63 + 2 = 128.
    let yaml = chain(63, "!Ref {next}", "!Ref {next}");
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), text("end"));
    });
    let yaml = chain(64, "!Ref {next}", "!Ref {next}");
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), too_deep());
    });
    // A list at depth 128 is evaluated, its items are one level deeper.
    let yaml = chain(63, "!Ref {next}", "!Ref {next}").replace("Default: end", "Default: [end]");
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start").state, State::List(vec![too_deep()]));
    });
}

/// `Fn::Sub` nests too: a reference in its text (three levels per step) or in its variables
/// (four levels per step) past `MAX_DEPTH` is "nesting too deeply".
#[test]
fn references_nest_up_to_max_depth_through_sub() {
    // Through the text: the last default is evaluated at depth 3 × (n + 1).
    let step = "!Sub '${{next}}'";
    let yaml = chain(41, step, step);
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), text("end"));
    });
    // The reason rises through each `Fn::Sub`, the shape of the deepest part unknown.
    let too_deep_sub = || {
        Evaluated::shaped(
            Unknown::Invalid("references nest too deeply to evaluate".into()),
            "{?}",
        )
    };
    let yaml = chain(42, step, step);
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), too_deep_sub());
    });
    // Through the variables: the last default is evaluated at depth 4 × (n + 1).
    let step = "!Sub ['${X}', {X: !Ref {next}}]";
    let yaml = chain(31, step, step);
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), text("end"));
    });
    let yaml = chain(32, step, step);
    with_template(&yaml, &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), too_deep_sub());
    });
}

/// Mapping values nest one level more than the `Fn::FindInMap` that reads them: four levels
/// per step through a mapping value that is a `Ref`.
#[test]
fn references_nest_up_to_max_depth_through_mappings() {
    let build = |n: usize| {
        let mut yaml = chain(n, "!FindInMap [M, k, {next}]", "!FindInMap [M, k, {next}]");
        yaml.push_str("Mappings:\n  M:\n    k:\n");
        for k in 0..=n {
            yaml.push_str(&format!("      P{k}: !Ref P{k}\n"));
        }
        yaml
    };
    // The last default is evaluated at depth 4 × (n + 1).
    with_template(&build(31), &[], |t, v| {
        assert_eq!(eval(t, v, "Start"), text("end"));
    });
    // One step more and the last lookup's keys are already too deep to read.
    with_template(&build(32), &[], |t, v| {
        assert_eq!(
            eval(t, v, "Start"),
            Evaluated::unknown(intrinsic_why("Fn::FindInMap"))
        );
    });
}

/// The attribute of `Fn::GetAtt [Resource, Attribute]` is evaluated one level below the
/// function's call, two below its node: near `MAX_DEPTH` it is the first to be too deep.
#[test]
fn get_att_attributes_are_one_level_below_the_call() {
    // The last default is a list at depth 2 × n + 2, so its `Fn::GetAtt` item is at an odd
    // depth, the call one deeper and the attribute one deeper still.
    let build = |n: usize| {
        let mut yaml = chain(n, "!Ref {next}", "!Ref {next}")
            .replace("Default: end", "Default: [!GetAtt [Api, end]]");
        yaml.push_str("  Direct: !GetAtt [Api, end]\n");
        yaml.push_str("Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n");
        yaml
    };
    // n = 61: the attribute at depth 127.
    with_template(&build(61), &[], |t, v| {
        let direct = eval(t, v, "Direct");
        assert_eq!(eval(t, v, "Start").state, State::List(vec![direct]));
    });
    // n = 62: the item at 127, the call at 128, the attribute at 129: too deep.
    with_template(&build(62), &[], |t, v| {
        let direct = eval(t, v, "Direct");
        assert_ne!(eval(t, v, "Start").state, State::List(vec![direct]));
    });
}

#[test]
fn local_policies_are_refs_and_id_attributes_of_policy_resources() {
    // A behavior's `CachePolicyId: !Ref Policy` or `!GetAtt Policy.Id` names the template's
    // policy; `!GetAtt Policy.LastModifiedTime` is no policy id.
    let yaml = r#"
Resources:
  Policy:
    Type: AWS::CloudFront::CachePolicy
  Bucket:
    Type: AWS::S3::Bucket
Values:
  ref: !Ref Policy
  id: !GetAtt Policy.Id
  modified: !GetAtt Policy.LastModifiedTime
  bucket: !Ref Bucket
  literal: 658327ea-f89d-4fab-a63d-7e88639e58f6
"#;
    with_template(yaml, &[], |t, values| {
        let local = |key: &str| t.local_policy(values.get(key).expect("value present"));
        assert_eq!(local("ref").as_deref(), Some("Policy"));
        assert_eq!(local("id").as_deref(), Some("Policy"));
        assert_eq!(local("modified"), None);
        assert_eq!(local("bucket"), None);
        assert_eq!(local("literal"), None);
    });
}

#[test]
fn a_parameters_allowed_values_are_its_domain() {
    let yaml = r#"
Parameters:
  Stage:
    Type: String
    AllowedValues: [prod, staging]
  Free:
    Type: String
Values:
  stage: !Ref Stage
"#;
    with_template(yaml, &[], |t, values| {
        let key = eval_keyed(t, values, "stage").key().map(str::to_string);
        assert_eq!(key.as_deref(), Some("${Stage}"));
        assert_eq!(
            t.allowed_values("${Stage}"),
            Some(vec!["prod".to_string(), "staging".to_string()])
        );
        assert_eq!(t.allowed_values("${Free}"), None);
        assert_eq!(t.allowed_values("Stage"), None);
    });
}

/// A value joined from several unknown parts reports one reason: a secret's first (a dynamic
/// reference, then a `NoEcho` parameter), else the first part's.
#[test]
fn joined_unknowns_report_the_secret_else_the_first_reason() {
    let yaml = r#"
Parameters:
  Stage:
    Type: String
  Region:
    Type: String
  Token:
    Type: String
    NoEcho: true
Values:
  plain: !Join ['-', [!Ref Stage, !Ref Region]]
  secret: !Join ['-', [!Ref Stage, !Ref Token, !Ref Region]]
  resolved: !Join ['-', [!Ref Stage, !Ref Token, '{{resolve:ssm:/app/key}}']]
"#;
    with_template(yaml, &[], |t, v| {
        assert_eq!(why(&eval(t, v, "plain")), &param("Stage"));
        assert_eq!(
            why(&eval(t, v, "secret")),
            &Unknown::Parameter {
                name: "Token".into(),
                no_echo: true,
            }
        );
        // A dynamic reference ranks above a NoEcho parameter.
        assert!(matches!(
            why(&eval(t, v, "resolved")),
            Unknown::DynamicReference(_)
        ));
    });
}

/// A dynamic reference put together by `Fn::Sub` or `Fn::Join` is resolved by CloudFormation
/// at deploy time: its value is not the text.
#[test]
fn dynamic_references_built_from_parts_stay_unknown() {
    let yaml = r#"
Parameters:
  SecretName:
    Type: String
    Default: prod/origin
Values:
  sub: !Sub '{{resolve:secretsmanager:${SecretName}:SecretString:token}}'
  join: !Join ['', ['{{', 'resolve:ssm:', !Ref SecretName, '}}']]
"#;
    with_template(yaml, &[], |t, v| {
        assert_eq!(
            why(&eval(t, v, "sub")),
            &Unknown::DynamicReference(
                "{{resolve:secretsmanager:prod/origin:SecretString:token}}".into()
            )
        );
        assert_eq!(
            why(&eval(t, v, "join")),
            &Unknown::DynamicReference("{{resolve:ssm:prod/origin}}".into())
        );
    });
}
