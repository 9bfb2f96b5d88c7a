//! Writes the distributions of a parsed [`Document`] in another input format, for
//! [`super::Tester`].
//!
//! The model is the common ground: rules only ever read it, and every parser builds it, so a
//! distribution written back from its model in another format is "the same configuration" as far
//! as any rule can tell. Custom cache, origin request and response headers policies and origin
//! access controls of the same input are written too (not in CLI JSON, which has none).
//! [`render`] refuses what it cannot write faithfully (other sibling resources, suppressions,
//! Terraform `dynamic` blocks, CLI JSON quantity mismatches, unknown values and sibling resources
//! in CLI JSON, hosts whose classification came from an expression's shape), saying why.

use crate::lint::edit::Editor;
use crate::model::{
    Behavior, CachePolicy, CustomErrorResponse, Distribution, Document, Format, ForwardedValues,
    FunctionAssociation, KeyConfig, Logging, Origin, OriginAccessControl, OriginGroup, OriginKind,
    OriginRequestPolicy, PolicyRef, ResponseHeadersPolicy, ViewerCertificate,
};
use crate::value::{Field, List, Val};
use std::collections::HashMap;

/// A value in the target format's shape and key names.
#[derive(Debug, Clone)]
enum Out {
    Str(String),
    Int(i64),
    Bool(bool),
    /// An expression that cannot be evaluated (`!Ref Unknown`, `var.unknown`).
    Unknown,
    /// A reference to a sibling policy: its logical id or Terraform address.
    Ref(String),
    List(Vec<Out>),
    Map(Vec<(String, Out)>),
}

type Rendered<T> = Result<T, String>;

/// The distributions of `doc` (and the policies beside them) written in `format`.
pub fn render(doc: &Document, format: Format) -> Rendered<String> {
    refuse_siblings(doc)?;
    let writer = Writer {
        format,
        names: sibling_names(doc, format)?,
        multi_tenant: std::cell::Cell::new(false),
    };
    let configs = doc
        .distributions
        .iter()
        .map(|d| writer.distribution(d))
        .collect::<Rendered<Vec<_>>>()?;
    let siblings = writer.siblings(doc);
    match format {
        Format::CliJson => {
            let root = match <[Out; 1]>::try_from(configs) {
                Ok([config]) => Out::Map(vec![("DistributionConfig".into(), config)]),
                Err(configs) => Out::List(configs),
            };
            json(&root, format)
        }
        Format::CfnJson | Format::CfnYaml => {
            let mut resources: Vec<(String, Out)> = configs
                .into_iter()
                .enumerate()
                .map(|(i, config)| {
                    let name = if i == 0 {
                        "Cdn".into()
                    } else {
                        format!("Cdn{i}")
                    };
                    let properties = Out::Map(vec![("DistributionConfig".into(), config)]);
                    (name, resource("AWS::CloudFront::Distribution", properties))
                })
                .collect();
            resources.extend(siblings);
            let root = Out::Map(vec![("Resources".into(), Out::Map(resources))]);
            if format == Format::CfnJson {
                json(&root, format)
            } else {
                let mut out = String::new();
                yaml_entries(&mut out, map_entries(&root), 0, None);
                Ok(out)
            }
        }
        Format::Terraform => {
            let mut out = String::new();
            let distributions = configs.iter().enumerate().map(|(i, config)| {
                let name = if i == 0 {
                    "cdn".into()
                } else {
                    format!("cdn{i}")
                };
                let kind = match doc.distributions[i].is_multi_tenant() {
                    true => "aws_cloudfront_multitenant_distribution",
                    false => "aws_cloudfront_distribution",
                };
                (format!("{kind}.{name}"), config)
            });
            for (address, body) in distributions.chain(siblings.iter().map(|(a, b)| (a.clone(), b)))
            {
                let (kind, name) = address.split_once('.').unwrap_or_default();
                out.push_str(&format!("resource \"{kind}\" \"{name}\" {{\n"));
                hcl_body(&mut out, map_entries(body), 1)?;
                out.push_str("}\n");
            }
            Ok(out)
        }
    }
}

/// A CloudFormation resource of `kind` with `properties`.
fn resource(kind: &str, properties: Out) -> Out {
    Out::Map(vec![
        ("Type".into(), Out::Str(kind.into())),
        ("Properties".into(), properties),
    ])
}

/// The Terraform resource type and CloudFormation type of each sibling kind apifront writes.
const SIBLING_TYPES: [(&str, &str); 4] = [
    (
        "aws_cloudfront_cache_policy",
        "AWS::CloudFront::CachePolicy",
    ),
    (
        "aws_cloudfront_origin_request_policy",
        "AWS::CloudFront::OriginRequestPolicy",
    ),
    (
        "aws_cloudfront_response_headers_policy",
        "AWS::CloudFront::ResponseHeadersPolicy",
    ),
    (
        "aws_cloudfront_origin_access_control",
        "AWS::CloudFront::OriginAccessControl",
    ),
];

/// The name each sibling policy gets in `format` (logical id or Terraform address), by its
/// name in `doc`.
fn sibling_names(doc: &Document, format: Format) -> Rendered<HashMap<String, String>> {
    let kinds = [
        doc.cache_policies
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        doc.origin_request_policies
            .iter()
            .map(|p| p.name.as_str())
            .collect(),
        doc.response_headers_policies
            .iter()
            .map(|p| p.name.as_str())
            .collect(),
        doc.origin_access_controls
            .iter()
            .map(|p| p.name.as_str())
            .collect(),
    ];
    let mut names = HashMap::new();
    for ((tf_type, _), sources) in SIBLING_TYPES.iter().zip(kinds) {
        for (i, source) in sources.into_iter().enumerate() {
            if format == Format::CliJson {
                return Err("CLI JSON has no sibling resources".into());
            }
            let label = source.rsplit('.').next().unwrap_or(source);
            let target = if format == Format::Terraform {
                let snake: String = label
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            '_'
                        }
                    })
                    .collect();
                format!("{tf_type}.{snake}_{i}")
            } else {
                let camel: String = label
                    .split('_')
                    .flat_map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_ascii_uppercase())
                            .into_iter()
                            .chain(c)
                    })
                    .filter(char::is_ascii_alphanumeric)
                    .collect();
                format!("{camel}{i}")
            };
            names.insert(source.to_string(), target);
        }
    }
    Ok(names)
}

/// Refuses documents with resources besides distributions, or with format-specific facts.
fn refuse_siblings(doc: &Document) -> Rendered<()> {
    let siblings = [
        ("APIs", doc.apis.len()),
        ("stages", doc.stages.len()),
        (
            "API routes",
            doc.api_model.apis.iter().map(|a| a.routes.len()).sum(),
        ),
        ("API integrations", doc.api_model.integrations.len()),
        ("Lambda function URLs", doc.lambda_urls.len()),
        ("API custom domains", doc.api_domain_names.len()),
        ("certificates", doc.certificates.len()),
        ("API mappings", doc.api_mappings.len()),
        ("VPC origins", doc.vpc_origins.len()),
        (
            "continuous deployment policies",
            doc.continuous_deployment_policies.len(),
        ),
        ("distribution tenants", doc.distribution_tenants.len()),
        ("CloudFront Functions", doc.cloudfront_functions.len()),
        ("Lambda permissions", doc.lambda_permissions.len()),
    ];
    if let Some((what, _)) = siblings.iter().find(|(_, n)| *n > 0) {
        return Err(format!("the input defines {what} besides the distribution"));
    }
    for d in &doc.distributions {
        if !d.ignore.is_empty() {
            return Err("the distribution suppresses rules".into());
        }
        if !d.dynamic_blocks.is_empty() {
            return Err("the distribution has Terraform `dynamic` blocks".into());
        }
        if !d.quantity_mismatches.is_empty() {
            return Err("the distribution has CLI JSON quantity mismatches".into());
        }
    }
    Ok(())
}

/// Builds [`Out`] values with the key names and list shapes of one format.
struct Writer {
    format: Format,
    /// The names of sibling policies in this format, by their names in the input.
    names: HashMap<String, String>,
    /// True while a multi-tenant distribution is written.
    multi_tenant: std::cell::Cell<bool>,
}

/// The entries of a map being built.
#[derive(Default)]
struct Entries(Vec<(String, Out)>);

impl Entries {
    fn put(&mut self, key: &str, value: Option<Out>) {
        if let Some(value) = value {
            self.0.push((key.to_string(), value));
        }
    }

    fn done(self) -> Out {
        Out::Map(self.0)
    }
}

impl Writer {
    /// The key in this format: CLI JSON, CloudFormation, Terraform.
    fn key<'k>(&self, cli: &'k str, cfn: &'k str, terraform: &'k str) -> &'k str {
        match self.format {
            Format::CliJson => cli,
            Format::CfnJson | Format::CfnYaml => cfn,
            Format::Terraform => terraform,
        }
    }

    fn tf(&self) -> bool {
        self.format == Format::Terraform
    }

    /// A Terraform multi-tenant distribution, whose blocks name a few keys differently.
    fn tf_mt(&self) -> bool {
        self.tf() && self.multi_tenant.get()
    }

    fn scalar<T>(field: &Field<T>, known: impl Fn(&T) -> Out) -> Option<Out> {
        match &field.val {
            Val::Known(v) => Some(known(v)),
            Val::Unknown(_) => Some(Out::Unknown),
            Val::Absent => None,
        }
    }

    fn str(field: &Field<String>) -> Option<Out> {
        Self::scalar(field, |s| Out::Str(s.clone()))
    }

    fn int(field: &Field<i64>) -> Option<Out> {
        Self::scalar(field, |n| Out::Int(*n))
    }

    fn bool(field: &Field<bool>) -> Option<Out> {
        Self::scalar(field, |b| Out::Bool(*b))
    }

    fn policy(&self, field: &Field<PolicyRef>) -> Rendered<Option<Out>> {
        match &field.val {
            Val::Known(PolicyRef::Local(name)) => match self.names.get(name) {
                Some(target) => Ok(Some(Out::Ref(target.clone()))),
                None => Err(format!(
                    "a policy refers to `{name}`, which is not in the input"
                )),
            },
            _ => Ok(Self::scalar(field, |p| match p {
                PolicyRef::Id(id) | PolicyRef::Local(id) => Out::Str(id.clone()),
            })),
        }
    }

    /// A plain list of strings (`[a, b]`).
    fn plain_list(list: &List) -> Option<Out> {
        Self::scalar(list, |items| {
            Out::List(
                items
                    .iter()
                    .map(|item| Self::str(item).unwrap_or(Out::Unknown))
                    .collect(),
            )
        })
    }

    /// A list of strings: a `{Quantity, Items}` wrapper in CLI JSON.
    fn list(&self, list: &List) -> Option<Out> {
        let plain = Self::plain_list(list)?;
        Some(self.wrap(plain))
    }

    /// Wraps a list in `{Quantity, Items}` for CLI JSON.
    fn wrap(&self, list: Out) -> Out {
        match self.format {
            Format::CliJson => wrap(list),
            _ => list,
        }
    }

    /// Objects repeated under one key: a wrapped list, a plain list or repeated HCL blocks.
    fn objects(&self, items: Vec<Out>, wrapped_in_cfn: bool) -> Option<Out> {
        if items.is_empty() {
            return None;
        }
        let list = Out::List(items);
        Some(match self.format {
            Format::CliJson => self.wrap(list),
            Format::CfnJson | Format::CfnYaml if wrapped_in_cfn => wrap(list),
            _ => list,
        })
    }

    fn distribution(&self, d: &Distribution) -> Rendered<Out> {
        self.multi_tenant.set(d.is_multi_tenant());
        if d.continuous_deployment_policy_ref.is_some() {
            return Err("the distribution refers to a sibling continuous deployment policy".into());
        }
        let mut e = Entries::default();
        e.put(
            self.key("Enabled", "Enabled", "enabled"),
            Self::bool(&d.enabled),
        );
        e.put(
            self.key("Comment", "Comment", "comment"),
            Self::str(&d.comment),
        );
        e.put(
            self.key("Aliases", "Aliases", "aliases"),
            self.list(&d.aliases),
        );
        let origins = d
            .origins
            .iter()
            .map(|o| self.origin(o))
            .collect::<Rendered<Vec<_>>>()?;
        e.put(
            self.key("Origins", "Origins", "origin"),
            self.objects(origins, false),
        );
        let groups = d
            .origin_groups
            .iter()
            .map(|g| self.origin_group(g))
            .collect::<Rendered<Vec<_>>>()?;
        e.put(
            self.key("OriginGroups", "OriginGroups", "origin_group"),
            self.objects(groups, true),
        );
        if let Some(b) = &d.default_behavior {
            e.put(
                self.key(
                    "DefaultCacheBehavior",
                    "DefaultCacheBehavior",
                    "default_cache_behavior",
                ),
                Some(self.behavior(b)?),
            );
        }
        let behaviors = d
            .behaviors
            .iter()
            .map(|b| self.behavior(b))
            .collect::<Rendered<Vec<_>>>()?;
        let ordered = if self.tf_mt() {
            "cache_behavior"
        } else {
            "ordered_cache_behavior"
        };
        e.put(
            self.key("CacheBehaviors", "CacheBehaviors", ordered),
            self.objects(behaviors, false),
        );
        let errors = d
            .custom_error_responses
            .iter()
            .map(|r| self.error_response(r))
            .collect();
        e.put(
            self.key(
                "CustomErrorResponses",
                "CustomErrorResponses",
                "custom_error_response",
            ),
            self.objects(errors, false),
        );
        if d.viewer_certificate.present {
            e.put(
                self.key(
                    "ViewerCertificate",
                    "ViewerCertificate",
                    "viewer_certificate",
                ),
                Some(self.viewer_certificate(&d.viewer_certificate)),
            );
        }
        if d.logging.present {
            e.put(
                self.key("Logging", "Logging", "logging_config"),
                Some(self.logging(&d.logging)?),
            );
        }
        e.put(
            self.key("WebACLId", "WebACLId", "web_acl_id"),
            Self::str(&d.web_acl_id),
        );
        e.put(
            self.key("HttpVersion", "HttpVersion", "http_version"),
            Self::str(&d.http_version),
        );
        e.put(
            self.key("PriceClass", "PriceClass", "price_class"),
            Self::str(&d.price_class),
        );
        e.put(
            self.key("IsIPV6Enabled", "IPV6Enabled", "is_ipv6_enabled"),
            Self::bool(&d.ipv6_enabled),
        );
        e.put(
            self.key(
                "DefaultRootObject",
                "DefaultRootObject",
                "default_root_object",
            ),
            Self::str(&d.default_root_object),
        );
        e.put(
            self.key("Staging", "Staging", "staging"),
            Self::bool(&d.staging),
        );
        e.put(
            self.key(
                "ContinuousDeploymentPolicyId",
                "ContinuousDeploymentPolicyId",
                "continuous_deployment_policy_id",
            ),
            Self::str(&d.continuous_deployment_policy_id),
        );
        if self.tf()
            && (d.connection_mode.get().is_some_and(|m| m == "direct")
                || d.connection_mode.is_unknown())
        {
            return Err("Terraform has no `connection_mode`".into());
        }
        if !self.tf() {
            e.put("ConnectionMode", Self::str(&d.connection_mode));
        }
        e.put(
            self.key("AnycastIpListId", "AnycastIpListId", "anycast_ip_list_id"),
            Self::str(&d.anycast_ip_list_id),
        );
        if let Some(t) = &d.tenant_config {
            let definitions = t
                .parameter_definitions
                .iter()
                .map(|p| {
                    let mut schema = Entries::default();
                    schema.put(
                        self.key("Required", "Required", "required"),
                        Self::bool(&p.required),
                    );
                    schema.put(
                        self.key("DefaultValue", "DefaultValue", "default_value"),
                        Self::str(&p.default_value),
                    );
                    let definition = Out::Map(vec![(
                        self.key("StringSchema", "StringSchema", "string_schema")
                            .into(),
                        schema.done(),
                    )]);
                    let mut e = Entries::default();
                    e.put(self.key("Name", "Name", "name"), Self::str(&p.name));
                    e.put(
                        self.key("Definition", "Definition", "definition"),
                        Some(definition),
                    );
                    e.done()
                })
                .collect::<Vec<_>>();
            let mut c = Entries::default();
            if !definitions.is_empty() {
                c.put(
                    self.key(
                        "ParameterDefinitions",
                        "ParameterDefinitions",
                        "parameter_definition",
                    ),
                    Some(Out::List(definitions)),
                );
            }
            e.put(
                self.key("TenantConfig", "TenantConfig", "tenant_config"),
                Some(c.done()),
            );
        }
        if let Some(kind) = Self::str(&d.geo_restriction_type) {
            let mut geo = Entries::default();
            geo.put(
                self.key("RestrictionType", "RestrictionType", "restriction_type"),
                Some(kind),
            );
            if self.format == Format::CliJson {
                geo.put("Quantity", Some(Out::Int(0)));
            }
            let restrictions = Out::Map(vec![(
                self.key("GeoRestriction", "GeoRestriction", "geo_restriction")
                    .into(),
                geo.done(),
            )]);
            e.put(
                self.key("Restrictions", "Restrictions", "restrictions"),
                Some(restrictions),
            );
        }
        Ok(e.done())
    }

    /// The sibling policies and origin access controls, by target name.
    fn siblings(&self, doc: &Document) -> Vec<(String, Out)> {
        let named = |name: &str, kind: usize, properties: Out| {
            let target = self.names.get(name).cloned().unwrap_or_default();
            match self.format {
                Format::Terraform => (target, properties),
                _ => (target, resource(SIBLING_TYPES[kind].1, properties)),
            }
        };
        let mut out = Vec::new();
        for p in &doc.cache_policies {
            out.push(named(&p.name, 0, self.cache_policy(p)));
        }
        for p in &doc.origin_request_policies {
            out.push(named(&p.name, 1, self.origin_request_policy(p)));
        }
        for p in &doc.response_headers_policies {
            out.push(named(&p.name, 2, self.response_headers_policy(p)));
        }
        for p in &doc.origin_access_controls {
            out.push(named(&p.name, 3, self.origin_access_control(p)));
        }
        out
    }

    /// `HeadersConfig` / `CookiesConfig` / `QueryStringsConfig` (`what`: `Headers`, …).
    fn key_config(&self, e: &mut Entries, what: &str, config: &KeyConfig) {
        let (cfn_config, cfn_behavior, tf) = match what {
            "Headers" => ("HeadersConfig", "HeaderBehavior", "header"),
            "Cookies" => ("CookiesConfig", "CookieBehavior", "cookie"),
            _ => ("QueryStringsConfig", "QueryStringBehavior", "query_string"),
        };
        let mut c = Entries::default();
        if self.tf() {
            c.put(&format!("{tf}_behavior"), Self::str(&config.behavior));
            if let Some(items) = Self::plain_list(&config.items) {
                c.put(
                    &format!("{tf}s"),
                    Some(Out::Map(vec![("items".into(), items)])),
                );
            }
            e.put(&format!("{tf}s_config"), Some(c.done()));
        } else {
            c.put(cfn_behavior, Self::str(&config.behavior));
            c.put(what, Self::plain_list(&config.items));
            e.put(cfn_config, Some(c.done()));
        }
    }

    fn cache_policy(&self, p: &CachePolicy) -> Out {
        let mut e = Entries::default();
        e.put(self.key("", "Name", "name"), Self::str(&p.display_name));
        e.put(self.key("", "MinTTL", "min_ttl"), Self::int(&p.min_ttl));
        e.put(
            self.key("", "DefaultTTL", "default_ttl"),
            Self::int(&p.default_ttl),
        );
        e.put(self.key("", "MaxTTL", "max_ttl"), Self::int(&p.max_ttl));
        let mut k = Entries::default();
        k.put(
            self.key(
                "",
                "EnableAcceptEncodingGzip",
                "enable_accept_encoding_gzip",
            ),
            Self::bool(&p.enable_accept_encoding_gzip),
        );
        k.put(
            self.key(
                "",
                "EnableAcceptEncodingBrotli",
                "enable_accept_encoding_brotli",
            ),
            Self::bool(&p.enable_accept_encoding_brotli),
        );
        self.key_config(&mut k, "Headers", &p.headers);
        self.key_config(&mut k, "Cookies", &p.cookies);
        self.key_config(&mut k, "QueryStrings", &p.query_strings);
        e.put(
            self.key(
                "",
                "ParametersInCacheKeyAndForwardedToOrigin",
                "parameters_in_cache_key_and_forwarded_to_origin",
            ),
            Some(k.done()),
        );
        self.config("CachePolicyConfig", e)
    }

    fn origin_request_policy(&self, p: &OriginRequestPolicy) -> Out {
        let mut e = Entries::default();
        e.put(self.key("", "Name", "name"), Self::str(&p.display_name));
        self.key_config(&mut e, "Headers", &p.headers);
        self.key_config(&mut e, "Cookies", &p.cookies);
        self.key_config(&mut e, "QueryStrings", &p.query_strings);
        self.config("OriginRequestPolicyConfig", e)
    }

    fn response_headers_policy(&self, p: &ResponseHeadersPolicy) -> Out {
        let mut e = Entries::default();
        e.put(self.key("", "Name", "name"), Self::str(&p.display_name));
        if p.has_cors {
            let mut cors = Entries::default();
            cors.put(
                self.key("", "OriginOverride", "origin_override"),
                Self::bool(&p.cors_origin_override),
            );
            e.put(self.key("", "CorsConfig", "cors_config"), Some(cors.done()));
        }
        self.config("ResponseHeadersPolicyConfig", e)
    }

    fn origin_access_control(&self, p: &OriginAccessControl) -> Out {
        let mut e = Entries::default();
        e.put(
            self.key(
                "",
                "OriginAccessControlOriginType",
                "origin_access_control_origin_type",
            ),
            Self::str(&p.origin_type),
        );
        e.put(
            self.key("", "SigningBehavior", "signing_behavior"),
            Self::str(&p.signing_behavior),
        );
        self.config("OriginAccessControlConfig", e)
    }

    /// A sibling's properties: the entries themselves in Terraform, under `config` in
    /// CloudFormation.
    fn config(&self, config: &str, entries: Entries) -> Out {
        match self.format {
            Format::Terraform => entries.done(),
            _ => Out::Map(vec![(config.into(), entries.done())]),
        }
    }

    fn origin(&self, o: &Origin) -> Rendered<Out> {
        if let Some(api) = o.api_ref.as_ref().or(o.lambda_url_ref.as_ref()) {
            return Err(format!("an origin refers to the sibling resource `{api}`"));
        }
        if o.kind.0 == OriginKind::ApiGatewayCustomDomain {
            return Err("an origin is an API custom domain of the same input".into());
        }
        if o.domain_name.is_unknown() && (o.kind.0 != OriginKind::Unknown || o.domain_is_url) {
            return Err("an origin host is an expression whose shape was classified".into());
        }
        if o.vpc_origin_config
            .as_ref()
            .is_some_and(|v| v.vpc_origin_ref.is_some())
        {
            return Err("an origin refers to a sibling VPC origin".into());
        }
        if o.misplaced_mtls.is_some() && self.tf() {
            return Err(
                "an OriginMtlsConfig outside CustomOriginConfig has no Terraform form".into(),
            );
        }
        let mut e = Entries::default();
        let id_key = if self.tf_mt() { "id" } else { "origin_id" };
        e.put(self.key("Id", "Id", id_key), Self::str(&o.id));
        e.put(
            self.key("DomainName", "DomainName", "domain_name"),
            Self::str(&o.domain_name),
        );
        e.put(
            self.key("OriginPath", "OriginPath", "origin_path"),
            Self::str(&o.origin_path),
        );
        if let Some(c) = &o.custom_origin_config {
            let mut coc = Entries::default();
            coc.put(
                self.key("HTTPPort", "HTTPPort", "http_port"),
                Self::int(&c.http_port),
            );
            coc.put(
                self.key("HTTPSPort", "HTTPSPort", "https_port"),
                Self::int(&c.https_port),
            );
            coc.put(
                self.key(
                    "OriginProtocolPolicy",
                    "OriginProtocolPolicy",
                    "origin_protocol_policy",
                ),
                Self::str(&c.origin_protocol_policy),
            );
            coc.put(
                self.key(
                    "OriginSslProtocols",
                    "OriginSSLProtocols",
                    "origin_ssl_protocols",
                ),
                self.list(&c.origin_ssl_protocols),
            );
            coc.put(
                self.key(
                    "OriginReadTimeout",
                    "OriginReadTimeout",
                    "origin_read_timeout",
                ),
                Self::int(&c.origin_read_timeout),
            );
            coc.put(
                self.key(
                    "OriginKeepaliveTimeout",
                    "OriginKeepaliveTimeout",
                    "origin_keepalive_timeout",
                ),
                Self::int(&c.origin_keepalive_timeout),
            );
            if let Some(m) = &c.origin_mtls {
                let mut mtls = Entries::default();
                mtls.put(
                    self.key(
                        "ClientCertificateArn",
                        "ClientCertificateArn",
                        "client_certificate_arn",
                    ),
                    Self::str(&m.client_certificate_arn),
                );
                coc.put(
                    self.key("OriginMtlsConfig", "OriginMtlsConfig", "origin_mtls_config"),
                    Some(mtls.done()),
                );
            }
            e.put(
                self.key(
                    "CustomOriginConfig",
                    "CustomOriginConfig",
                    "custom_origin_config",
                ),
                Some(coc.done()),
            );
        }
        if o.s3_origin_config.is_some() {
            let mut s3 = Entries::default();
            s3.put(
                self.key(
                    "OriginAccessIdentity",
                    "OriginAccessIdentity",
                    "origin_access_identity",
                ),
                Self::str(&o.origin_access_identity),
            );
            e.put(
                self.key("S3OriginConfig", "S3OriginConfig", "s3_origin_config"),
                Some(s3.done()),
            );
        }
        if let Some(v) = &o.vpc_origin_config {
            let mut vpc = Entries::default();
            vpc.put(
                self.key("VpcOriginId", "VpcOriginId", "vpc_origin_id"),
                Self::str(&v.vpc_origin_id),
            );
            vpc.put(
                self.key("OwnerAccountId", "OwnerAccountId", "owner_account_id"),
                Self::str(&v.owner_account_id),
            );
            vpc.put(
                self.key(
                    "OriginReadTimeout",
                    "OriginReadTimeout",
                    "origin_read_timeout",
                ),
                Self::int(&v.origin_read_timeout),
            );
            vpc.put(
                self.key(
                    "OriginKeepaliveTimeout",
                    "OriginKeepaliveTimeout",
                    "origin_keepalive_timeout",
                ),
                Self::int(&v.origin_keepalive_timeout),
            );
            e.put(
                self.key("VpcOriginConfig", "VpcOriginConfig", "vpc_origin_config"),
                Some(vpc.done()),
            );
        }
        if o.misplaced_mtls.is_some() {
            e.put("OriginMtlsConfig", Some(Out::Map(Vec::new())));
        }
        e.put(
            self.key(
                "OriginAccessControlId",
                "OriginAccessControlId",
                "origin_access_control_id",
            ),
            self.policy(&o.origin_access_control_id)?,
        );
        let headers = o
            .custom_headers
            .iter()
            .map(|h| {
                let mut e = Entries::default();
                let (name, value) = match self.tf_mt() {
                    true => ("header_name", "header_value"),
                    false => ("name", "value"),
                };
                e.put(
                    self.key("HeaderName", "HeaderName", name),
                    Self::str(&h.name),
                );
                e.put(
                    self.key("HeaderValue", "HeaderValue", value),
                    Self::str(&h.value),
                );
                e.done()
            })
            .collect();
        e.put(
            self.key("CustomHeaders", "OriginCustomHeaders", "custom_header"),
            self.objects(headers, false),
        );
        e.put(
            self.key(
                "ConnectionAttempts",
                "ConnectionAttempts",
                "connection_attempts",
            ),
            Self::int(&o.connection_attempts),
        );
        e.put(
            self.key(
                "ConnectionTimeout",
                "ConnectionTimeout",
                "connection_timeout",
            ),
            Self::int(&o.connection_timeout),
        );
        e.put(
            self.key(
                "ResponseCompletionTimeout",
                "ResponseCompletionTimeout",
                "response_completion_timeout",
            ),
            Self::int(&o.response_completion_timeout),
        );
        Ok(e.done())
    }

    fn origin_group(&self, g: &OriginGroup) -> Rendered<Out> {
        let mut e = Entries::default();
        let id_key = if self.tf_mt() { "id" } else { "origin_id" };
        e.put(self.key("Id", "Id", id_key), Self::str(&g.id));
        let codes = Out::List(vec![Out::Int(500), Out::Int(502)]);
        let criteria = if self.tf() {
            Out::Map(vec![("status_codes".into(), codes)])
        } else {
            Out::Map(vec![("StatusCodes".into(), wrap(codes))])
        };
        e.put(
            self.key("FailoverCriteria", "FailoverCriteria", "failover_criteria"),
            Some(criteria),
        );
        let member = |id: Out| {
            Out::Map(vec![(
                self.key("OriginId", "OriginId", "origin_id").to_string(),
                id,
            )])
        };
        let members = match &g.members.val {
            Val::Known(ids) => ids
                .iter()
                .map(|id| member(Self::str(id).unwrap_or(Out::Unknown)))
                .collect(),
            Val::Unknown(_) if self.tf() => {
                return Err("an origin group's members are an expression".into());
            }
            Val::Unknown(_) => {
                e.put("Members", Some(Out::Unknown));
                return Ok(e.done());
            }
            Val::Absent => Vec::new(),
        };
        if self.tf() {
            e.0.extend(members.into_iter().map(|m| ("member".to_string(), m)));
        } else if !members.is_empty() || g.members.is_present() {
            e.put("Members", Some(wrap(Out::List(members))));
        }
        Ok(e.done())
    }

    fn behavior(&self, b: &Behavior) -> Rendered<Out> {
        let mut e = Entries::default();
        if let Some(pattern) = &b.path_pattern {
            e.put(
                self.key("PathPattern", "PathPattern", "path_pattern"),
                Self::str(pattern),
            );
        }
        e.put(
            self.key("TargetOriginId", "TargetOriginId", "target_origin_id"),
            Self::str(&b.target_origin_id),
        );
        e.put(
            self.key(
                "ViewerProtocolPolicy",
                "ViewerProtocolPolicy",
                "viewer_protocol_policy",
            ),
            Self::str(&b.viewer_protocol_policy),
        );
        if self.format == Format::CliJson {
            // CachedMethods is part of the AllowedMethods wrapper.
            match (self.list(&b.allowed_methods), self.list(&b.cached_methods)) {
                (Some(Out::Map(mut allowed)), cached) => {
                    if let Some(cached) = cached {
                        allowed.push(("CachedMethods".into(), cached));
                    }
                    e.put("AllowedMethods", Some(Out::Map(allowed)));
                }
                (Some(Out::Unknown), _) => e.put("AllowedMethods", Some(Out::Unknown)),
                (None, None) => {}
                _ => return Err("CachedMethods without AllowedMethods".into()),
            }
        } else if self.tf_mt() {
            let mut m = Entries::default();
            m.put("items", Self::plain_list(&b.allowed_methods));
            m.put("cached_methods", Self::plain_list(&b.cached_methods));
            if !m.0.is_empty() {
                e.put("allowed_methods", Some(m.done()));
            }
        } else {
            e.put(
                self.key("AllowedMethods", "AllowedMethods", "allowed_methods"),
                Self::plain_list(&b.allowed_methods),
            );
            e.put(
                self.key("CachedMethods", "CachedMethods", "cached_methods"),
                Self::plain_list(&b.cached_methods),
            );
        }
        e.put(
            self.key("CachePolicyId", "CachePolicyId", "cache_policy_id"),
            self.policy(&b.cache_policy_id)?,
        );
        e.put(
            self.key(
                "OriginRequestPolicyId",
                "OriginRequestPolicyId",
                "origin_request_policy_id",
            ),
            self.policy(&b.origin_request_policy_id)?,
        );
        e.put(
            self.key(
                "ResponseHeadersPolicyId",
                "ResponseHeadersPolicyId",
                "response_headers_policy_id",
            ),
            self.policy(&b.response_headers_policy_id)?,
        );
        if let Some(fv) = &b.forwarded_values {
            e.put(
                self.key("ForwardedValues", "ForwardedValues", "forwarded_values"),
                Some(self.forwarded_values(fv)),
            );
        }
        e.put(
            self.key("MinTTL", "MinTTL", "min_ttl"),
            Self::int(&b.min_ttl),
        );
        e.put(
            self.key("DefaultTTL", "DefaultTTL", "default_ttl"),
            Self::int(&b.default_ttl),
        );
        e.put(
            self.key("MaxTTL", "MaxTTL", "max_ttl"),
            Self::int(&b.max_ttl),
        );
        e.put(
            self.key("Compress", "Compress", "compress"),
            Self::bool(&b.compress),
        );
        let lambda_arn = if self.tf_mt() {
            "lambda_function_arn"
        } else {
            "lambda_arn"
        };
        let lambdas = self.associations(
            &b.lambda_function_associations,
            self.key("LambdaFunctionARN", "LambdaFunctionARN", lambda_arn),
        );
        e.put(
            self.key(
                "LambdaFunctionAssociations",
                "LambdaFunctionAssociations",
                "lambda_function_association",
            ),
            self.objects(lambdas, false),
        );
        let functions = self.associations(
            &b.function_associations,
            self.key("FunctionARN", "FunctionARN", "function_arn"),
        );
        e.put(
            self.key(
                "FunctionAssociations",
                "FunctionAssociations",
                "function_association",
            ),
            self.objects(functions, false),
        );
        if let Some(enabled) = Self::bool(&b.grpc_enabled) {
            e.put(
                self.key("GrpcConfig", "GrpcConfig", "grpc_config"),
                Some(Out::Map(vec![(
                    self.key("Enabled", "Enabled", "enabled").into(),
                    enabled,
                )])),
            );
        }
        Ok(e.done())
    }

    fn associations(&self, list: &[FunctionAssociation], arn: &str) -> Vec<Out> {
        list.iter()
            .map(|a| {
                let mut e = Entries::default();
                e.put(
                    self.key("EventType", "EventType", "event_type"),
                    Self::str(&a.event_type),
                );
                e.put(arn, Self::str(&a.arn));
                e.done()
            })
            .collect()
    }

    fn forwarded_values(&self, fv: &ForwardedValues) -> Out {
        let mut e = Entries::default();
        e.put(
            self.key("QueryString", "QueryString", "query_string"),
            Self::bool(&fv.query_string),
        );
        e.put(
            self.key(
                "QueryStringCacheKeys",
                "QueryStringCacheKeys",
                "query_string_cache_keys",
            ),
            self.list(&fv.query_string_cache_keys),
        );
        e.put(
            self.key("Headers", "Headers", "headers"),
            self.list(&fv.headers),
        );
        let mut cookies = Entries::default();
        cookies.put(
            self.key("Forward", "Forward", "forward"),
            Self::str(&fv.cookies_forward),
        );
        cookies.put(
            self.key("WhitelistedNames", "WhitelistedNames", "whitelisted_names"),
            self.list(&fv.cookies_whitelisted_names),
        );
        if !cookies.0.is_empty() {
            e.put(
                self.key("Cookies", "Cookies", "cookies"),
                Some(cookies.done()),
            );
        }
        e.done()
    }

    fn error_response(&self, r: &CustomErrorResponse) -> Out {
        let mut e = Entries::default();
        e.put(
            self.key("ErrorCode", "ErrorCode", "error_code"),
            Self::int(&r.error_code),
        );
        // The API writes the response code as a string.
        let code = match self.format {
            Format::CliJson => Self::scalar(&r.response_code, |n| Out::Str(n.to_string())),
            _ => Self::int(&r.response_code),
        };
        e.put(
            self.key("ResponseCode", "ResponseCode", "response_code"),
            code,
        );
        e.put(
            self.key("ResponsePagePath", "ResponsePagePath", "response_page_path"),
            Self::str(&r.response_page_path),
        );
        e.put(
            self.key(
                "ErrorCachingMinTTL",
                "ErrorCachingMinTTL",
                "error_caching_min_ttl",
            ),
            Self::int(&r.error_caching_min_ttl),
        );
        e.done()
    }

    fn viewer_certificate(&self, v: &ViewerCertificate) -> Out {
        let mut e = Entries::default();
        e.put(
            self.key(
                "CloudFrontDefaultCertificate",
                "CloudFrontDefaultCertificate",
                "cloudfront_default_certificate",
            ),
            Self::bool(&v.cloudfront_default_certificate),
        );
        e.put(
            self.key(
                "ACMCertificateArn",
                "AcmCertificateArn",
                "acm_certificate_arn",
            ),
            Self::str(&v.acm_certificate_arn),
        );
        e.put(
            self.key("IAMCertificateId", "IamCertificateId", "iam_certificate_id"),
            Self::str(&v.iam_certificate_id),
        );
        e.put(
            self.key("SSLSupportMethod", "SslSupportMethod", "ssl_support_method"),
            Self::str(&v.ssl_support_method),
        );
        e.put(
            self.key(
                "MinimumProtocolVersion",
                "MinimumProtocolVersion",
                "minimum_protocol_version",
            ),
            Self::str(&v.minimum_protocol_version),
        );
        e.done()
    }

    /// CloudFormation and Terraform turn logging on by the block being there; the API has an
    /// `Enabled` flag.
    fn logging(&self, l: &Logging) -> Rendered<Out> {
        let mut e = Entries::default();
        if self.format == Format::CliJson {
            let enabled = match &l.enabled.val {
                Val::Absent => Some(Out::Bool(true)),
                _ => Self::bool(&l.enabled),
            };
            e.put("Enabled", enabled);
        } else if l.enabled.get() == Some(&false) || l.enabled.is_unknown() {
            return Err(
                "logging that is not plainly on has no CloudFormation or Terraform form".into(),
            );
        }
        e.put(self.key("Bucket", "Bucket", "bucket"), Self::str(&l.bucket));
        e.put(self.key("Prefix", "Prefix", "prefix"), Self::str(&l.prefix));
        Ok(e.done())
    }
}

/// A list as a `{Quantity, Items}` wrapper.
fn wrap(list: Out) -> Out {
    match list {
        Out::List(items) => {
            let quantity = i64::try_from(items.len()).unwrap_or(i64::MAX);
            Out::Map(vec![
                ("Quantity".into(), Out::Int(quantity)),
                ("Items".into(), Out::List(items)),
            ])
        }
        other => other,
    }
}

fn map_entries(out: &Out) -> &[(String, Out)] {
    match out {
        Out::Map(entries) => entries,
        _ => &[],
    }
}

/// JSON with two-space indentation; an unknown value is `{"Ref": "Unknown"}` (CloudFormation).
fn json(out: &Out, format: Format) -> Rendered<String> {
    fn write(out: &Out, format: Format, indent: usize, s: &mut String) -> Rendered<()> {
        let pad = "  ".repeat(indent + 1);
        match out {
            Out::Str(v) => s.push_str(&quote(v)),
            Out::Int(n) => s.push_str(&n.to_string()),
            Out::Bool(b) => s.push_str(&b.to_string()),
            Out::Unknown if format == Format::CliJson => {
                return Err("CLI JSON has no expressions".into());
            }
            Out::Unknown => s.push_str("{\"Ref\": \"Unknown\"}"),
            Out::Ref(_) if format == Format::CliJson => {
                return Err("CLI JSON has no sibling resources".into());
            }
            Out::Ref(name) => s.push_str(&format!("{{\"Ref\": {}}}", quote(name))),
            Out::List(items) if items.is_empty() => s.push_str("[]"),
            Out::Map(entries) if entries.is_empty() => s.push_str("{}"),
            Out::List(items) => {
                s.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    s.push_str(&pad);
                    write(item, format, indent + 1, s)?;
                    s.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                s.push_str(&"  ".repeat(indent));
                s.push(']');
            }
            Out::Map(entries) => {
                s.push_str("{\n");
                for (i, (key, value)) in entries.iter().enumerate() {
                    s.push_str(&format!("{pad}{}: ", quote(key)));
                    write(value, format, indent + 1, s)?;
                    s.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
                }
                s.push_str(&"  ".repeat(indent));
                s.push('}');
            }
        }
        Ok(())
    }
    let mut s = String::new();
    write(out, format, 0, &mut s)?;
    s.push('\n');
    Ok(s)
}

fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// YAML block mappings (flow style for lists of scalars); an unknown value is `!Ref Unknown`.
/// `first` replaces the indentation of the first entry (`- ` of a list item).
fn yaml_entries(out: &mut String, entries: &[(String, Out)], indent: usize, first: Option<&str>) {
    let pad = " ".repeat(indent);
    for (i, (key, value)) in entries.iter().enumerate() {
        match (i, first) {
            (0, Some(prefix)) => out.push_str(prefix),
            _ => out.push_str(&pad),
        }
        out.push_str(key);
        out.push(':');
        match value {
            Out::Map(inner) if !inner.is_empty() => {
                out.push('\n');
                yaml_entries(out, inner, indent + 2, None);
            }
            Out::List(items)
                if !items.is_empty() && items.iter().all(|i| matches!(i, Out::Map(_))) =>
            {
                out.push('\n');
                let item_pad = " ".repeat(indent + 2);
                for item in items {
                    let prefix = format!("{item_pad}- ");
                    match map_entries(item) {
                        [] => out.push_str(&format!("{prefix}{{}}\n")),
                        inner => yaml_entries(out, inner, indent + 4, Some(&prefix)),
                    }
                }
            }
            other => {
                out.push(' ');
                out.push_str(&yaml_flow(other));
                out.push('\n');
            }
        }
    }
}

fn yaml_flow(out: &Out) -> String {
    match out {
        Out::Str(s) => Editor::new("", Format::CfnYaml).string_literal(s),
        Out::Int(n) => n.to_string(),
        Out::Bool(b) => b.to_string(),
        Out::Unknown => "!Ref Unknown".into(),
        Out::Ref(name) => format!("!Ref {name}"),
        Out::List(items) => format!(
            "[{}]",
            items.iter().map(yaml_flow).collect::<Vec<_>>().join(", ")
        ),
        Out::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{k}: {}", yaml_flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The body of an HCL block: maps are nested blocks, lists of maps repeated blocks.
fn hcl_body(out: &mut String, entries: &[(String, Out)], indent: usize) -> Rendered<()> {
    let pad = "  ".repeat(indent);
    for (key, value) in entries {
        match value {
            Out::Map(inner) => {
                out.push_str(&format!("{pad}{key} {{\n"));
                hcl_body(out, inner, indent + 1)?;
                out.push_str(&format!("{pad}}}\n"));
            }
            Out::List(items)
                if !items.is_empty() && items.iter().all(|i| matches!(i, Out::Map(_))) =>
            {
                for item in items {
                    out.push_str(&format!("{pad}{key} {{\n"));
                    hcl_body(out, map_entries(item), indent + 1)?;
                    out.push_str(&format!("{pad}}}\n"));
                }
            }
            other => out.push_str(&format!("{pad}{key} = {}\n", hcl_expr(other)?)),
        }
    }
    Ok(())
}

fn hcl_expr(out: &Out) -> Rendered<String> {
    Ok(match out {
        Out::Str(s) => quote(s).replace("${", "$${").replace("%{", "%%{"),
        Out::Int(n) => n.to_string(),
        Out::Bool(b) => b.to_string(),
        Out::Unknown => "var.unknown".into(),
        Out::Ref(address) => format!("{address}.id"),
        Out::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(hcl_expr)
                .collect::<Rendered<Vec<_>>>()?
                .join(", ")
        ),
        Out::Map(_) => return Err("an object-valued attribute".into()),
    })
}
