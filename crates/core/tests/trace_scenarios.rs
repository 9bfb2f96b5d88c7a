//! Request scenarios traced through configurations in all four input formats. Every expected
//! outcome comes from AWS documentation, cited above its row.
//!
//! Page keys used in the comments:
//! - [VPP] `ViewerProtocolPolicy`, CloudFront API reference:
//!   https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html
//!   (redirect-to-https → 301, https-only → 403)
//! - [403-METHOD] "HTTP 403 status code (Invalid method)":
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-403-invalid-method.html
//! - [403-CNAME] "HTTP 403 status code (Permission Denied)" → Alternate CNAME:
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-403-permission-denied.html
//! - [PATH] "Cache behavior settings" → Path pattern (order, wildcards, case-sensitive):
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
//! - [ORIGIN-PATH] "Origin settings" → Origin path:
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath
//! - [HOST-403] re:Post Knowledge Center, "configure CloudFront to forward headers" ("If you
//!   create a custom policy for API Gateway origins without a custom domain, then don't forward
//!   the host header. Otherwise, you get a 403 error"):
//!   https://repost.aws/knowledge-center/configure-cloudfront-to-forward-headers
//! - [MORP] "Use managed origin request policies" (AllViewer forwards Host;
//!   AllViewerExceptHostHeader is for API Gateway and Lambda URL origins):
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
//! - [FV] legacy `ForwardedValues.Headers` `*` forwards all headers:
//!   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-forwardedvalues.html
//! - [502] "HTTP 502 status code (Bad Gateway)" (cannot connect; origin not responding on the
//!   port; no supported protocol): https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html
//! - [HTTP-TLS] "Security policy for HTTP APIs in API Gateway" (TLS 1.2 and 1.3 only):
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-ciphers.html
//! - [ERR-PAGES] "Custom error pages and error caching":
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesErrorPages.html
//! - [MAT] re:Post, "403 Missing Authentication Token" (resource or stage that does not exist;
//!   unsigned request to an IAM method): https://repost.aws/knowledge-center/api-gateway-authentication-token-errors
//! - [GW-RESP] "Gateway response types" (MISSING_AUTHENTICATION_TOKEN 403, INVALID_SIGNATURE 403):
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
//! - [IAM] "Control access to HTTP APIs with IAM authorization" (SigV4 required):
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html
//! - [CD-403] re:Post, "403 Missing Authentication Token on a custom domain" (API mappings):
//!   https://repost.aws/knowledge-center/api-gateway-403-custom-domain
//! - [HTTP-STAGES] "Working with stages for HTTP APIs" ($default served from the root):
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html
//! - [HTTP-ROUTES] "Create routes for HTTP APIs" → Routing API requests: a stage the path names,
//!   else `$default`, else `{"message":"Not Found"}`; then the most specific route (full match,
//!   greedy variable, `$default` route), else `{"message":"Not Found"}`:
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
//! - [LAMBDA-OAC] "Restrict access to an AWS Lambda function URL origin" (POST/PUT need
//!   x-amz-content-sha256): https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html
//! - [LAMBDA-AUTH] "Control access to Lambda function URLs" (AWS_IAM takes signed requests only):
//!   https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
//! - [ENABLED] `DistributionConfig.Enabled` ("whether the distribution is enabled to accept
//!   end user requests"): https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html
//! - [CERT] alternate domain names need a certificate that covers them:
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
//! - [MCP] "Use managed cache policies" (CachingDisabled TTL 0; CachingOptimized min 1 s):
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
//! - [CACHED-METHODS] `CachedMethods`, CloudFront API reference:
//!   https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html
//! - [LAMBDA-EDGE] Lambda@Edge can change requests and generate responses:
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-generating-http-responses.html
//! - [ORP] "Control origin requests with a policy": without an origin request policy the origin
//!   request holds what the cache policy specifies "but nothing more":
//!   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
//! - [CF-HEADERS] "HTTP request headers and CloudFront behavior (custom and Amazon S3 origins)",
//!   which legacy `ForwardedValues.Headers` follow (API_Headers): other-defined headers are
//!   forwarded; `Authorization` is removed from GET and HEAD requests and kept on DELETE, PATCH,
//!   POST and PUT: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html#request-custom-headers-behavior
//! - [REST-401] re:Post, "401 Unauthorized from API Gateway after creating a Lambda authorizer":
//!   a missing token (TOKEN) or identity source (REQUEST) gets 401 without calling the function:
//!   https://repost.aws/knowledge-center/api-gateway-401-error-lambda-authorizer
//! - [REST-AUTHORIZER] `Authorizer.identitySource` (REST API reference): required for TOKEN and
//!   COGNITO_USER_POOLS, and for REQUEST when caching is on; a missing one is a 401:
//!   https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html
//! - [HTTP-LAMBDA-401] "Working with AWS Lambda authorizers for HTTP APIs" ("If the client's request
//!   doesn't include the identity sources, API Gateway doesn't invoke your Lambda authorizer, and
//!   the client receives a 401 error"):
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
//! - [JWT-401] "Troubleshooting issues with HTTP API JWT authorizers" (`401 {"message":"Unauthorized"}`):
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html
//! - [WS-IDENTITY] `IdentitySource` in the API Gateway V2 reference (WebSocket Lambda authorizers:
//!   missing identity sources → 401 Unauthorized without calling the function):
//!   https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers-authorizerid.html
//! - [WS-CONNECT] WebSocket authorization runs on `$connect`:
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html
//! - [KEY] "Choose an API key source": a method that requires an API key and a request without a
//!   valid one in `X-API-Key` → "the caller receives a 403 Forbidden response":
//!   https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html
//! - [REST-403] re:Post, "troubleshoot HTTP 403 errors" (a stage that does not exist: `Forbidden`):
//!   https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden

use apifront_core::model::Format;
use apifront_core::source::Sources;
use apifront_core::trace::{self, Options, Request, Trace, Verdict};
use std::collections::BTreeSet;
use std::path::Path;

struct Case {
    name: &'static str,
    file: &'static str,
    /// API definitions given beside the configuration (`--api`), in order.
    api: &'static [&'static str],
    request: &'static str,
    headers: &'static [&'static str],
    /// The predicted status; `None` when it depends.
    status: Option<u16>,
    /// Who answers; `None` when it depends.
    answered_by: Option<&'static str>,
    /// Hops that must be there: stage, verdict, rule.
    hops: [Option<(&'static str, &'static str, Option<&'static str>)>; 2],
    /// Statuses that must be among the possibilities (`None` = an unknown status).
    possible: &'static [Option<u16>],
    /// Text some hop's message or details must contain.
    shows: &'static [&'static str],
    /// The file and line of the API hop's deciding setting.
    at: Option<(&'static str, u32)>,
}

const fn case(name: &'static str, file: &'static str, request: &'static str) -> Case {
    Case {
        name,
        file,
        api: &[],
        request,
        headers: &[],
        status: None,
        answered_by: None,
        hops: [None, None],
        possible: &[],
        shows: &[],
        at: None,
    }
}

impl Case {
    const fn headers(mut self, h: &'static [&'static str]) -> Self {
        self.headers = h;
        self
    }
    const fn outcome(mut self, status: Option<u16>, by: Option<&'static str>) -> Self {
        self.status = status;
        self.answered_by = by;
        self
    }
    const fn hop(
        mut self,
        stage: &'static str,
        verdict: &'static str,
        rule: Option<&'static str>,
    ) -> Self {
        let hop = Some((stage, verdict, rule));
        if self.hops[0].is_none() {
            self.hops[0] = hop;
        } else {
            self.hops[1] = hop;
        }
        self
    }
    const fn possible(mut self, p: &'static [Option<u16>]) -> Self {
        self.possible = p;
        self
    }
    const fn shows(mut self, s: &'static [&'static str]) -> Self {
        self.shows = s;
        self
    }
    const fn api(mut self, definitions: &'static [&'static str]) -> Self {
        self.api = definitions;
        self
    }
    const fn at(mut self, file: &'static str, line: u32) -> Self {
        self.at = Some((file, line));
        self
    }
}

const DEPENDS: Option<u16> = None;

static CASES: &[Case] = &[
    // ---- CloudFormation YAML: the seed configuration, legacy `Headers: ['*']` ----
    // [FV] `*` forwards every header, Host included; [HOST-403] API Gateway answers 403.
    case("legacy * sends the viewer Host to API Gateway", "seed-legacy.yaml", "GET https://www.example.com/api/orders")
        .outcome(Some(403), Some("api-gateway"))
        .hop("origin-request", "fail", Some("apigw-host-header-forwarded"))
        .shows(&["Host: `www.example.com` (the viewer's, forwarded)"]),
    // [FV] [HOST-403] the method makes no difference to the Host problem.
    case("legacy * with POST", "seed-legacy.yaml", "POST https://www.example.com/api/orders")
        .outcome(Some(403), Some("api-gateway"))
        .hop("origin-request", "fail", Some("apigw-host-header-forwarded")),
    // [403-CNAME] a host that is not an alternate domain name gets CloudFront's 403.
    case("host that is no alias", "seed-legacy.yaml", "GET https://shop.example.com/api/orders")
        .outcome(Some(403), Some("cloudfront"))
        .hop("viewer", "fail", None),
    // [VPP] the default behavior redirects HTTP to HTTPS with 301.
    case("HTTP to a redirect-to-https behavior", "seed-legacy.yaml", "GET http://www.example.com/index.html")
        .outcome(Some(301), Some("cloudfront"))
        .shows(&["Location: https://www.example.com/index.html"]),
    // [VPP] the API behavior is https-only: 403 to HTTP.
    case("HTTP to an https-only behavior", "seed-legacy.yaml", "GET http://www.example.com/api/orders")
        .outcome(Some(403), Some("cloudfront"))
        .hop("protocol", "fail", None),
    // [403-METHOD] the default (site) behavior allows GET and HEAD only (no AllowedMethods).
    case("POST on a GET/HEAD site behavior", "seed-legacy.yaml", "POST https://www.example.com/contact")
        .outcome(Some(403), Some("cloudfront"))
        .hop("method", "fail", None)
        .shows(&["the default: no AllowedMethods set"]),
    // [PATH] patterns are case-sensitive: `/API/orders` misses `/api/*` and goes to S3.
    case("path patterns are case-sensitive", "seed-legacy.yaml", "GET https://www.example.com/API/orders")
        .outcome(DEPENDS, Some("s3"))
        .hop("behavior", "ok", None)
        .shows(&["it would if case were ignored"]),
    // ---- CloudFormation YAML: the same with AllViewerExceptHostHeader ----
    // [MORP] Host is not forwarded; [ORIGIN-PATH] the API receives /prod/api/orders; the stage
    // `prod` exists, the route and integration are not in the input: depends, never a guess
    // (the lint says the same at information, in `apigw-route-unreachable`).
    case("AllViewerExceptHostHeader reaches the stage", "seed-fixed.yaml", "GET https://www.example.com/api/orders")
        .outcome(DEPENDS, None)
        .hop("api", "depends", Some("apigw-route-unreachable"))
        .possible(&[DEPENDS, Some(403)])
        .shows(&["/prod/api/orders", "reaches stage `prod`", "Host: the origin's own name"]),
    // [MORP] Authorization is forwarded by AllViewerExceptHostHeader.
    case("Authorization reaches the API", "seed-fixed.yaml", "DELETE https://www.example.com/api/orders/7")
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(DEPENDS, None)
        .shows(&["Authorization: reaches the origin"]),
    // [403-METHOD] the behavior allows all seven methods, so a preflight goes through.
    case("CORS preflight on an all-methods behavior", "seed-fixed.yaml", "OPTIONS https://www.example.com/api/orders")
        .headers(&["Origin: https://app.example.com", "Access-Control-Request-Method: POST"])
        .hop("method", "ok", None)
        .outcome(DEPENDS, None),
    // [MCP] [CACHED-METHODS] CachingOptimized keeps GET responses at least 1 s on the site.
    case("site responses are cached", "seed-fixed.yaml", "GET https://www.example.com/app.js")
        .outcome(DEPENDS, Some("s3"))
        .hop("cache", "ok", None)
        .shows(&["cached for at least 1 s"]),
    // ---- CloudFormation JSON: a read-only REST API ----
    // [403-METHOD] POST on a GET/HEAD behavior: CloudFront's 403.
    case("POST on GET/HEAD in front of API Gateway", "rest-api.json", "POST https://d111111abcdef8.cloudfront.net/orders")
        .outcome(Some(403), Some("cloudfront"))
        .hop("method", "fail", Some("api-write-methods-not-allowed")),
    // [403-METHOD] a preflight OPTIONS is a method the behavior does not allow either.
    case("preflight OPTIONS on a GET/HEAD behavior", "rest-api.json", "OPTIONS https://d111111abcdef8.cloudfront.net/orders")
        .headers(&["Origin: https://app.example.com", "Access-Control-Request-Method: GET"])
        .outcome(Some(403), Some("cloudfront"))
        .hop("method", "fail", None),
    // [ORIGIN-PATH] [MAT] GET reaches stage prod (created by the deployment); the route decides.
    case("GET reaches the deployment's stage", "rest-api.json", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, None)
        .possible(&[DEPENDS, Some(403)])
        .shows(&["/prod/orders", "reaches stage `prod`"]),
    // [VPP] redirect-to-https on an API behavior: 301, the API is not reached.
    case("HTTP redirected in front of an API", "rest-api.json", "GET http://d111111abcdef8.cloudfront.net/orders")
        .outcome(Some(301), Some("cloudfront"))
        .hop("protocol", "fail", Some("api-redirect-to-https")),
    // ---- CloudFormation JSON: REST API without an origin path ----
    // [ORIGIN-PATH] the API receives /orders; [MAT] `orders` is not a stage → 403.
    case("REST API without the stage in the origin path", "rest-api-no-origin-path.json", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-rest-origin-path-missing-stage")),
    // [ORIGIN-PATH] the viewer path names the stage itself: it reaches `prod`.
    case("stage in the viewer path", "rest-api-no-origin-path.json", "GET https://d111111abcdef8.cloudfront.net/prod/orders")
        .outcome(DEPENDS, None)
        .shows(&["reaches stage `prod`"]),
    // ---- CloudFormation YAML: IAM authorization ----
    // [MAT] [GW-RESP] an unsigned request to an AWS_IAM method → 403.
    case("IAM-authorized API behind CloudFront", "iam.yaml", "GET https://d111111abcdef8.cloudfront.net/reports")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-iam-auth-behind-cloudfront")),
    // [IAM] [GW-RESP] a SigV4 signature made for the CloudFront host does not match (INVALID_SIGNATURE 403).
    case("SigV4 signed for the CloudFront host", "iam.yaml", "GET https://d111111abcdef8.cloudfront.net/reports")
        .headers(&["Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"])
        .outcome(Some(403), Some("api-gateway"))
        .shows(&["covers the viewer's host"]),
    // ---- Terraform: origin protocol and TLS ----
    // [502] port 80 has no listener on API Gateway (HTTPS only) → CloudFront 502.
    case("http-only origin protocol to API Gateway", "http-only.tf", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(Some(502), Some("cloudfront"))
        .hop("origin-request", "fail", Some("apigw-origin-protocol-not-https-only")),
    // [502] the method does not matter.
    case("http-only origin with POST", "http-only.tf", "POST https://d111111abcdef8.cloudfront.net/orders")
        .outcome(Some(502), Some("cloudfront")),
    // [502] match-viewer with an HTTP viewer (allow-all) goes to the origin over HTTP.
    case("match-viewer with an HTTP viewer", "http-only.tf", "GET http://d111111abcdef8.cloudfront.net/match/orders")
        .outcome(Some(502), Some("cloudfront"))
        .hop("origin-request", "fail", Some("apigw-origin-protocol-not-https-only")),
    // [HTTP-STAGES] match-viewer with an HTTPS viewer reaches the $default stage.
    case("match-viewer with an HTTPS viewer", "http-only.tf", "GET https://d111111abcdef8.cloudfront.net/match/orders")
        .outcome(DEPENDS, None)
        .shows(&["`$default` stage"]),
    // [HTTP-TLS] [502] an HTTP API accepts TLS 1.2+; TLSv1/TLSv1.1 only → handshake fails → 502.
    case("TLS protocols an HTTP API refuses", "http-only.tf", "GET https://d111111abcdef8.cloudfront.net/legacy/orders")
        .outcome(Some(502), Some("cloudfront"))
        .hop("origin-request", "fail", Some("origin-ssl-protocols-outdated")),
    // ---- Terraform: a host cut from the endpoint URL by a regex ----
    // [HTTP-STAGES] no `$default` stage: `/products` names no stage, 404; the host (an
    // expression) is shown as written, not as one of its strings.
    case("regex host to an HTTP API without $default", "http-api-regex-host.tf", "GET https://d111111abcdef8.cloudfront.net/products")
        .outcome(Some(404), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["https://(host from `replace(aws_apigatewayv2_api.catalog.api_endpoint"]),
    // ---- Terraform: SPA error rewrite ----
    // [MORP] AllViewer forwards Host → [HOST-403] 403 → [ERR-PAGES] 403 becomes 200 /index.html
    // from the behavior that serves /index.html (S3).
    case("SPA rewrite turns the API's 403 into 200 from S3", "spa.tf", "GET https://app.example.com/api/orders")
        .outcome(Some(200), Some("s3"))
        .hop("response", "fail", Some("spa-error-rewrite-hits-api"))
        .shows(&["403 becomes 200 with the page `/index.html`"]),
    // [ERR-PAGES] same for a POST: custom error responses apply to every method.
    case("SPA rewrite on a POST", "spa.tf", "POST https://app.example.com/api/orders")
        .outcome(Some(200), Some("s3")),
    // [PATH] the site path goes to S3; its status depends on the object.
    case("SPA page itself", "spa.tf", "GET https://app.example.com/index.html")
        .outcome(DEPENDS, Some("s3"))
        .possible(&[DEPENDS, Some(200)]),
    // ---- CLI JSON: legacy * ----
    // [FV] [HOST-403] legacy `*` from get-distribution-config → 403 from API Gateway.
    case("CLI JSON legacy * forwards Host", "cli-legacy.json", "GET https://api.example.com/orders")
        .outcome(Some(403), Some("api-gateway"))
        .hop("origin-request", "fail", Some("apigw-host-header-forwarded")),
    // [VPP] allow-all lets HTTP in; the Host problem stays.
    case("CLI JSON legacy * over HTTP", "cli-legacy.json", "GET http://api.example.com/orders")
        .outcome(Some(403), Some("api-gateway"))
        .hop("protocol", "ok", None),
    // ---- CLI JSON: recommended policies, API not in the input ----
    // [MORP] nothing is wrong on the CloudFront side; the API is not in the input → depends.
    case("CLI JSON recommended policies", "cli-recommended.json", "GET https://api.example.com/orders?page=2")
        .outcome(DEPENDS, None)
        .hop("api", "depends", None)
        .shows(&["query string `page=2`: reaches the origin", "/prod/orders?page=2"]),
    // [403-METHOD] DELETE is one of the seven allowed methods.
    case("CLI JSON DELETE allowed", "cli-recommended.json", "DELETE https://api.example.com/orders/1")
        .hop("method", "ok", None)
        .outcome(DEPENDS, None),
    // [VPP] https-only → 403 to HTTP.
    case("CLI JSON HTTP to https-only", "cli-recommended.json", "GET http://api.example.com/orders")
        .outcome(Some(403), Some("cloudfront")),
    // [ENABLED] a disabled distribution does not accept requests.
    case("disabled distribution", "cli-disabled.json", "GET https://api.example.com/orders")
        .outcome(DEPENDS, Some("cloudfront"))
        .hop("viewer", "fail", Some("distribution-disabled")),
    // [CERT] the default certificate covers only *.cloudfront.net: HTTPS to the alias fails in TLS.
    case("alias with the default certificate", "cli-default-certificate.json", "GET https://api.example.com/orders")
        .outcome(DEPENDS, Some("cloudfront"))
        .hop("viewer", "fail", Some("aliases-need-custom-certificate")),
    // [HTTP-STAGES] HTTP API on `$default` (the generator's preset), no origin path.
    case("CLI JSON HTTP API on $default", "cli-http-api.json", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, None)
        .shows(&["/orders"]),
    // ---- CloudFormation YAML and Terraform: the generator's strip-prefix function ----
    // [PATH] `/api/*` selects the behavior; the generated viewer-request function strips `/api`;
    // [ORIGIN-PATH] the API receives /prod/orders.
    case("generated strip-prefix function (CFN YAML)", "generated-site-api.yaml", "GET https://www.example.com/api/orders")
        .outcome(DEPENDS, None)
        .hop("functions", "ok", None)
        .shows(&["`/api/orders` becomes `/orders`", "/prod/orders"]),
    case("generated strip-prefix function (Terraform)", "generated-site-api.tf", "POST https://www.example.com/api/orders/7")
        .outcome(DEPENDS, None)
        .hop("functions", "ok", None)
        .shows(&["`/api/orders/7` becomes `/orders/7`"]),
    // [PATH] `/apiary` does not match `/api/*`: the site takes it.
    case("prefix lookalike goes to the site", "generated-site-api.yaml", "GET https://www.example.com/apiary")
        .outcome(DEPENDS, Some("s3")),
    // [403-METHOD] the site behavior is GET/HEAD.
    case("PUT on the generated site behavior", "generated-site-api.tf", "PUT https://www.example.com/index.html")
        .outcome(Some(403), Some("cloudfront")),
    // ---- CloudFormation YAML: HTTP API with a named stage only ----
    // [HTTP-ROUTES] without a `$default` stage, a path whose first segment names no stage gets
    // `{"message":"Not Found"}`.
    case("HTTP API with a named stage and no origin path", "http-api-named-stage.yaml", "GET https://d111111abcdef8.cloudfront.net/products")
        .outcome(Some(404), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&[r#"404 {"message":"Not Found"}"#]),
    case("HTTP API path naming the stage", "http-api-named-stage.yaml", "GET https://d111111abcdef8.cloudfront.net/v1/products")
        .outcome(DEPENDS, None)
        .shows(&["reaches stage `v1`"]),
    // [PATH] `/Reports/*` is case-sensitive: `/reports/x` falls to the default behavior, which
    // caches with CachingOptimized [MCP].
    case("case-sensitive pattern on an API", "http-api-named-stage.yaml", "GET https://d111111abcdef8.cloudfront.net/v1/reports/x")
        .hop("cache", "depends", Some("api-behavior-caching-enabled")),
    // ---- CloudFormation JSON: custom domain mappings ----
    // [CD-403] the base path `orders` is mapped; /orders/list reaches it.
    case("custom domain base path mapping", "custom-domain.json", "GET https://shop.example.com/orders/list")
        .outcome(DEPENDS, None)
        .shows(&["through the base path `orders`"]),
    // [CD-403] origin path /prod + /v0/list = /prod/v0/list: no mapping → 403 Missing Authentication Token.
    case("stage name as custom domain origin path", "custom-domain.json", "GET https://shop.example.com/v0/list")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-custom-domain-origin-path-stage")),
    // ---- CloudFormation YAML: a Regional custom domain's d-… target as the origin ----
    // [502] with the Host forwarded, CloudFront sends the viewer's Host (the custom domain's
    // name) as Host and as TLS server name ("One of the domain names in the certificate must
    // match … the value of the Host header if you configured CloudFront to forward the Host
    // header to your origin"), so API Gateway finds the custom domain and its mapping [CD-403].
    case("d-… target with the custom domain's name as forwarded Host", "regional-target.yaml", "GET https://api.example.com/orders/list")
        .outcome(DEPENDS, None)
        .shows(&["through the base path `orders`"]),
    // [HOST-403] another name forwarded to the d-… host: no custom domain has that name.
    case("d-… target with another forwarded Host", "regional-target.yaml", "GET https://www.example.com/orders/list")
        .outcome(Some(403), Some("api-gateway"))
        .hop("origin-request", "fail", Some("apigw-host-header-forwarded")),
    // ---- Terraform: Lambda function URLs ----
    // [LAMBDA-OAC] OAC signs GET requests; the function answers.
    case("Lambda URL with OAC, GET", "lambda-url.tf", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, Some("lambda-url"))
        .shows(&["CloudFront signs the request"]),
    // [LAMBDA-OAC] POST without x-amz-content-sha256 is refused.
    case("Lambda URL with OAC, POST without payload hash", "lambda-url.tf", "POST https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, Some("lambda-url"))
        .hop("api", "fail", Some("lambda-url-oac-payload-hash")),
    // [LAMBDA-OAC] with the payload hash it goes through.
    case("Lambda URL with OAC, POST with payload hash", "lambda-url.tf", "POST https://d111111abcdef8.cloudfront.net/orders")
        .headers(&["x-amz-content-sha256: 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"])
        .hop("api", "depends", None)
        .outcome(DEPENDS, Some("lambda-url")),
    // [LAMBDA-AUTH] AWS_IAM without OAC: nothing signs the request.
    case("Lambda URL AWS_IAM without OAC", "lambda-url.tf", "GET https://d111111abcdef8.cloudfront.net/reports/today")
        .outcome(DEPENDS, Some("lambda-url"))
        .hop("api", "fail", Some("lambda-url-without-oac")),
    // [LAMBDA-OAC] the generated Lambda URL configuration (OAC, AWS_IAM): GET goes through.
    case("generated Lambda URL with OAC", "generated-lambda-url-oac.tf", "GET https://d111111abcdef8.cloudfront.net/")
        .outcome(DEPENDS, Some("lambda-url")),
    // ---- Terraform: dynamic blocks ----
    // [PATH] behaviors generated by a `dynamic` block are not in the input and could match
    // first; [ORIGIN-PATH] the target origin is generated too: nothing is decided.
    case("dynamic behaviors and origins", "dynamic.tf", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, Some("origin"))
        .hop("behavior", "depends", None)
        .hop("origin-request", "depends", None),
    // [403-METHOD] the default behavior's methods are literal: POST gets CloudFront's 403
    // unless a generated behavior takes the path first.
    case("POST with dynamic behaviors", "dynamic.tf", "POST https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, None)
        .hop("behavior", "depends", None)
        .hop("method", "fail", None)
        .possible(&[Some(403), DEPENDS]),
    // ---- CloudFormation YAML: values the input does not give ----
    // [MORP] an origin request policy from a parameter may be AllViewer → [HOST-403] 403.
    case("unknown origin request policy", "unknowns.yaml", "GET https://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, None)
        .hop("origin-request", "depends", None)
        .possible(&[DEPENDS, Some(403)]),
    // [VPP] an unknown viewer protocol policy: 301, 403 or through.
    case("unknown viewer protocol policy", "unknowns.yaml", "GET http://d111111abcdef8.cloudfront.net/orders")
        .outcome(DEPENDS, None)
        .hop("protocol", "depends", None)
        .possible(&[Some(301), Some(403)]),
    // [PATH] an earlier pattern from a parameter could match first.
    case("unknown earlier path pattern", "unknowns.yaml", "GET https://d111111abcdef8.cloudfront.net/other/x")
        .hop("behavior", "depends", None)
        .outcome(DEPENDS, Some("origin")),
    // [LAMBDA-EDGE] a Lambda@Edge function may change the request or answer it.
    case("Lambda@Edge on the way", "unknowns.yaml", "GET https://d111111abcdef8.cloudfront.net/edge/x")
        .hop("functions", "depends", None)
        .outcome(DEPENDS, None)
        .shows(&["Lambda@Edge function"]),
    // [ORIGIN-PATH] an origin host from a parameter: nothing to say about what answers.
    case("unknown origin host", "unknowns.yaml", "GET https://d111111abcdef8.cloudfront.net/other/x")
        .outcome(DEPENDS, Some("origin"))
        .shows(&["https://(host from `!Ref ApiHost`)/other/x", "the origin's host is not known here"]),
    // ---- CloudFormation YAML: a REST API with authorizers, an IAM route and an API-key route ----
    // [ORIGIN-PATH] `/api/users` reaches the API as `/prod/api/users`; [GW-RESP] [MAT] there is
    // no `/api` resource: 403 Missing Authentication Token; [PATH] CloudFront never strips `/api`.
    case("/api/users to a REST API without an /api resource", "api-auth.yaml", "GET https://all.example.com/api/users")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-route-unreachable"))
        .shows(&[r#"403 {"message":"Missing Authentication Token"}"#])
        .at("api-auth.yaml", 184),
    // [MORP] AllViewerExceptHostHeader forwards Authorization; the TOKEN authorizer runs and
    // decides: the integration or the authorizer's refusal.
    case("TOKEN authorizer with Authorization forwarded", "api-auth.yaml", "GET https://all.example.com/users")
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(DEPENDS, None)
        .hop("api", "ok", None)
        .shows(&["with header `Authorization`, which reaches it"]),
    // [REST-AUTHORIZER] [REST-401] the request has no Authorization at all: 401 without calling
    // the authorizer.
    case("TOKEN authorizer and no Authorization in the request", "api-auth.yaml", "GET https://all.example.com/users")
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["the request does not carry it"]),
    // [ORP] the cache policy lists x-api-key only, so Authorization stays behind on this GET;
    // [REST-AUTHORIZER] [REST-401] 401 Unauthorized; the deciding line is the identity source.
    case("TOKEN authorizer behind a cache policy without Authorization", "api-auth.yaml", "GET https://key.example.com/users")
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", Some("authorization-not-forwarded"))
        .shows(&[r#"401 {"message":"Unauthorized"}"#, "CloudFront does not forward it"])
        .at("api-auth.yaml", 51),
    // [ORP] the cache policy lists Authorization only; [REST-AUTHORIZER] the REQUEST authorizer
    // caches (300 s), so X-Session-Token is required; [REST-401] 401.
    case("REQUEST authorizer header other than Authorization not forwarded", "api-auth.yaml", "GET https://auth.example.com/profile")
        .headers(&["X-Session-Token: s3ss10n", "Authorization: Bearer x"])
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["header `X-Session-Token`"])
        .at("api-auth.yaml", 59),
    // [ORP] x-api-key is not in the cache policy; [KEY] 403 Forbidden.
    case("API key required and x-api-key not forwarded", "api-auth.yaml", "GET https://auth.example.com/orders")
        .headers(&["x-api-key: k3y"])
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&[r#"403 {"message":"Forbidden"}"#])
        .at("api-auth.yaml", 104),
    // [ORP] the cache policy forwards x-api-key; [KEY] a key that is not valid would still be 403.
    case("API key required and x-api-key forwarded", "api-auth.yaml", "GET https://key.example.com/orders")
        .headers(&["x-api-key: k3y"])
        .outcome(DEPENDS, None)
        .hop("api", "ok", None)
        .possible(&[DEPENDS, Some(403)]),
    // [MAT] [GW-RESP] [IAM] IAM on `GET /users/{id}` only: that route refuses the request…
    case("IAM on some routes: the IAM route", "api-auth.yaml", "GET https://all.example.com/users/7")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-iam-auth-behind-cloudfront"))
        .at("api-auth.yaml", 87),
    // … while the open route of the same API goes to its integration.
    case("IAM on some routes: an open route", "api-auth.yaml", "GET https://all.example.com/public")
        .outcome(DEPENDS, Some("integration"))
        .hop("api", "ok", None)
        .shows(&["it is open (no authorization)"]),
    // [GW-RESP] (`MISSING_AUTHENTICATION_TOKEN` for an unsupported method): `/users` defines GET
    // and POST only.
    case("method not defined on an existing REST resource", "api-auth.yaml", "DELETE https://all.example.com/users")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["defines `GET`, `POST` but not DELETE"]),
    // ---- Terraform: legacy ForwardedValues listing Origin only ----
    // [CF-HEADERS] GET: Authorization is removed; [REST-AUTHORIZER] [REST-401] 401.
    case("TOKEN authorizer behind a legacy whitelist without Authorization", "legacy-auth.tf", "GET https://d111111abcdef8.cloudfront.net/users")
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", Some("authorization-not-forwarded"))
        .shows(&["Authorization: dropped by CloudFront (legacy forwarded_values do not list it)"]),
    // [CF-HEADERS] POST: Authorization is kept, the authorizer runs.
    case("legacy whitelist keeps Authorization on a POST", "legacy-auth.tf", "POST https://d111111abcdef8.cloudfront.net/users")
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(DEPENDS, None)
        .hop("api", "ok", None)
        .shows(&["legacy forwarded_values keep Authorization on DELETE, PATCH, POST and PUT requests"]),
    // [CF-HEADERS] x-api-key is an other-defined header: legacy forwarding passes it on; [KEY].
    case("legacy forwarding passes x-api-key on", "legacy-auth.tf", "GET https://d111111abcdef8.cloudfront.net/orders")
        .headers(&["x-api-key: k3y"])
        .outcome(DEPENDS, None)
        .hop("api", "ok", None)
        .shows(&["legacy forwarded_values forward the headers CloudFront does not handle itself"]),
    // [GW-RESP] [MAT] no `/nothing` resource.
    case("REST path with no resource (Terraform)", "legacy-auth.tf", "GET https://d111111abcdef8.cloudfront.net/nothing")
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", None),
    // ---- Terraform: HTTP API routes and authorizers on `$default` ----
    // [HTTP-ROUTES] no route matches: `{"message":"Not Found"}`.
    case("HTTP API path with no route", "http-api-routes.tf", "GET https://d111111abcdef8.cloudfront.net/nothing")
        .outcome(Some(404), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&[r#"404 {"message":"Not Found"}"#]),
    // [HTTP-ROUTES] `/items` has only a GET route (and no `ANY`): DELETE matches nothing.
    case("HTTP API method with no route", "http-api-routes.tf", "DELETE https://d111111abcdef8.cloudfront.net/items")
        .outcome(Some(404), Some("api-gateway")),
    // [HTTP-ROUTES] `GET /items/{id}` takes `/items/3`.
    case("HTTP API route with a path variable", "http-api-routes.tf", "GET https://d111111abcdef8.cloudfront.net/items/3")
        .outcome(DEPENDS, Some("integration"))
        .shows(&["its route `GET /items/{id}`"]),
    // [JWT-401] no Authorization: 401.
    case("JWT authorizer and no Authorization", "http-api-routes.tf", "GET https://d111111abcdef8.cloudfront.net/me")
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", None),
    // [ORP] the cache policy lists Authorization: it reaches the JWT authorizer.
    case("JWT authorizer with Authorization forwarded", "http-api-routes.tf", "GET https://d111111abcdef8.cloudfront.net/me")
        .headers(&["Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig"])
        .outcome(DEPENDS, None)
        .hop("api", "ok", None),
    // [ORP] X-Admin-Token is not in the cache policy; [HTTP-LAMBDA-401] 401.
    case("HTTP API Lambda authorizer header not forwarded", "http-api-routes.tf", "POST https://d111111abcdef8.cloudfront.net/admin/users")
        .headers(&["X-Admin-Token: adm1n"])
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["its route `ANY /admin/{proxy+}`"]),
    // [IAM] an IAM route of an HTTP API refuses the unsigned request; the status an HTTP API
    // answers is not documented.
    case("HTTP API IAM route", "http-api-routes.tf", "GET https://d111111abcdef8.cloudfront.net/reports")
        .outcome(DEPENDS, Some("api-gateway"))
        .hop("api", "fail", Some("apigw-iam-auth-behind-cloudfront")),
    // ---- CloudFormation JSON: WebSocket `$connect` and an HTTP API with named stages ----
    // [WS-CONNECT] the upgrade runs `$connect`; [WS-IDENTITY] no `token` query string: 401.
    case("WebSocket $connect without its token", "ws-and-stages.json", "GET https://chat.example.com/")
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["query string `token`"]),
    // [MORP] AllViewerExceptHostHeader forwards every query string: the authorizer runs.
    case("WebSocket $connect with its token", "ws-and-stages.json", "GET https://chat.example.com/?token=abc")
        .outcome(DEPENDS, None)
        .hop("api", "ok", None),
    // [MCP] CachingDisabled forwards no query string; [WS-IDENTITY] 401.
    case("WebSocket token not forwarded", "ws-and-stages.json", "GET https://chat-bare.example.com/?token=abc")
        .outcome(Some(401), Some("api-gateway"))
        .shows(&["CloudFront does not forward it"]),
    // [HTTP-ROUTES] stages `v1` and `v2`, no `$default`, no origin path: 404.
    case("HTTP API with only named stages and no origin path", "ws-and-stages.json", "GET https://catalog.example.com/products")
        .outcome(Some(404), Some("api-gateway"))
        .hop("api", "fail", None)
        .shows(&["none of its stages (`v1`, `v2`)"]),
    // [HTTP-ROUTES] the path names stage `v1`; `GET /products` matches.
    case("HTTP API named stage in the path", "ws-and-stages.json", "GET https://catalog.example.com/v1/products")
        .outcome(DEPENDS, Some("integration")),
    // ---- CLI JSON with the API as an OpenAPI export ----
    // [ORIGIN-PATH] [GW-RESP] [MAT] as above, decided by the definition; the hop points at the
    // path pattern, where `apigw-route-unreachable` reports the behavior that reaches no route.
    case("/api/users without an /api resource (OpenAPI)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/api/users")
        .api(&["users-api.oas30.json"])
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-route-unreachable"))
        .at("cli-users-api.json", 51),
    // [MCP] CachingDisabled has no header in its key and there is no origin request policy
    // [ORP]: Authorization stays behind on a GET; [REST-AUTHORIZER] [REST-401] 401.
    case("TOKEN authorizer and CachingDisabled alone (OpenAPI)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/users")
        .api(&["users-api.oas30.json"])
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(Some(401), Some("api-gateway"))
        .hop("api", "fail", Some("authorization-not-forwarded"))
        .at("users-api.oas30.json", 110),
    // [ORP] [REST-AUTHORIZER] [REST-401] X-Session-Token stays behind: 401.
    case("REQUEST authorizer header not forwarded (OpenAPI)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/profile")
        .api(&["users-api.oas30.json"])
        .headers(&["X-Session-Token: s3ss10n"])
        .outcome(Some(401), Some("api-gateway"))
        .at("users-api.oas30.json", 122),
    // [ORP] [KEY] x-api-key stays behind: 403.
    case("API key required and x-api-key not forwarded (OpenAPI)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/orders")
        .api(&["users-api.oas30.json"])
        .headers(&["x-api-key: k3y"])
        .outcome(Some(403), Some("api-gateway"))
        .shows(&[r#"403 {"message":"Forbidden"}"#]),
    // [MAT] [GW-RESP] the `awsSigv4` route: 403…
    case("IAM on some routes: the IAM route (OpenAPI)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/users/7")
        .api(&["users-api.oas30.json"])
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-iam-auth-behind-cloudfront"))
        .at("users-api.oas30.json", 49),
    // … and the open route goes to its integration.
    case("IAM on some routes: an open route (OpenAPI)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/public")
        .api(&["users-api.oas30.json"])
        .outcome(DEPENDS, Some("integration")),
    // Without the definition the API's routes are unknown: the prefix rule that needs no API.
    case("/api/users, the API not in the input", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/api/users")
        .outcome(DEPENDS, None)
        .hop("api", "depends", Some("path-pattern-prefix-not-stripped")),
    // ---- CLI JSON with the API as `aws apigateway get-resources` + `get-authorizers` + `get-stages` ----
    case("/api/users without an /api resource (get-resources)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/api/users")
        .api(&["users-api.get-resources.json", "users-api.get-authorizers.json", "users-api.get-stages.json"])
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-route-unreachable"))
        .at("cli-users-api.json", 51),
    case("TOKEN authorizer and CachingDisabled alone (get-resources)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/users")
        .api(&["users-api.get-resources.json", "users-api.get-authorizers.json", "users-api.get-stages.json"])
        .headers(&["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
        .outcome(Some(401), Some("api-gateway"))
        .shows(&["authorizer `token` (TOKEN)"])
        .at("users-api.get-authorizers.json", 9),
    case("API key required and x-api-key not forwarded (get-resources)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/orders")
        .api(&["users-api.get-resources.json", "users-api.get-authorizers.json", "users-api.get-stages.json"])
        .headers(&["x-api-key: k3y"])
        .outcome(Some(403), Some("api-gateway"))
        .at("users-api.get-resources.json", 66),
    case("IAM on some routes: the IAM route (get-resources)", "cli-users-api.json", "GET https://d111111abcdef8.cloudfront.net/users/7")
        .api(&["users-api.get-resources.json", "users-api.get-authorizers.json", "users-api.get-stages.json"])
        .outcome(Some(403), Some("api-gateway"))
        .hop("api", "fail", Some("apigw-iam-auth-behind-cloudfront")),
    case("method not defined on an existing resource (get-resources)", "cli-users-api.json", "DELETE https://d111111abcdef8.cloudfront.net/users")
        .api(&["users-api.get-resources.json", "users-api.get-authorizers.json", "users-api.get-stages.json"])
        .outcome(Some(403), Some("api-gateway"))
        .at("users-api.get-resources.json", 13),
    // ---- CLI JSON with an HTTP API as `aws apigatewayv2 get-api` + `get-routes` + `get-stages` ----
    // [HTTP-ROUTES] `$default` stage, no route for `/nothing`: 404.
    case("HTTP API path with no route (get-routes)", "cli-shop.json", "GET https://d111111abcdef8.cloudfront.net/nothing")
        .api(&["shop.v2-get-api.json", "shop.v2-get-routes.json", "shop.v2-get-stages-default.json"])
        .outcome(Some(404), Some("api-gateway"))
        .at("shop.v2-get-api.json", 1),
    // [HTTP-ROUTES] only stage `v1` and no origin path: `items` names no stage, 404.
    case("HTTP API with only named stages and no origin path (get-stages)", "cli-shop.json", "GET https://d111111abcdef8.cloudfront.net/items")
        .api(&["shop.v2-get-api.json", "shop.v2-get-routes.json", "shop.v2-get-stages.json"])
        .outcome(Some(404), Some("api-gateway"))
        .at("cli-shop.json", 12),
    case("HTTP API named stage in the path (get-stages)", "cli-shop.json", "GET https://d111111abcdef8.cloudfront.net/v1/items")
        .api(&["shop.v2-get-api.json", "shop.v2-get-routes.json", "shop.v2-get-stages.json"])
        .outcome(DEPENDS, Some("integration")),
    // An HTTP API export does not say which stages exist: whether `/nothing` reaches a stage
    // is not known, so the answer lists the 404 among the possibilities instead of guessing.
    case("HTTP API export without its stages", "cli-shop.json", "GET https://d111111abcdef8.cloudfront.net/nothing")
        .api(&["shop-http.oas30.yaml"])
        .outcome(DEPENDS, None)
        .hop("api", "depends", None)
        .possible(&[DEPENDS, Some(404)])
        .shows(&["does not list the API's stages"]),
];

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/trace")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The configuration and the case's API definitions.
fn sources(c: &Case) -> Sources {
    let mut sources = Sources::single(c.file, &fixture(c.file));
    for d in c.api {
        sources.push_api_definition(*d, &fixture(d));
    }
    sources
}

fn run(c: &Case) -> Trace {
    let sources = sources(c);
    let doc =
        apifront_core::parse::parse_sources(&sources).unwrap_or_else(|e| panic!("{}: {e}", c.file));
    let mut request = Request::parse(c.request).unwrap();
    for h in c.headers {
        request.add_header(h).unwrap();
    }
    trace::trace_sources(&sources, &doc, &request, &Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", c.name))
}

fn check(c: &Case) -> Result<(), String> {
    let t = run(c);
    let o = &t.outcome;
    if o.status != c.status {
        return Err(format!("status {:?}, expected {:?}", o.status, c.status));
    }
    if o.answered_by.map(|a| a.as_str()) != c.answered_by {
        return Err(format!(
            "answered by {:?}, expected {:?}",
            o.answered_by, c.answered_by
        ));
    }
    for (stage, verdict, rule) in c.hops.iter().flatten() {
        let found = t.hops.iter().any(|h| {
            h.stage.as_str() == *stage
                && h.verdict.as_str() == *verdict
                && (rule.is_none() || h.rule == *rule)
        });
        if !found {
            return Err(format!("no {stage} hop {verdict} with rule {rule:?}"));
        }
    }
    for p in c.possible {
        if !o.possibilities.iter().any(|q| q.status == *p) {
            return Err(format!("{p:?} is not among the possibilities"));
        }
    }
    for s in c.shows {
        let shown = t
            .hops
            .iter()
            .any(|h| h.message.contains(s) || h.details.iter().any(|d| d.contains(s)));
        if !shown {
            return Err(format!("no hop shows {s:?}"));
        }
    }
    if let Some((file, line)) = c.at {
        let sources = sources(c);
        let api = t.hops.iter().find(|h| h.stage.as_str() == "api");
        let at = api.and_then(|h| h.location(&sources));
        let got = at.map(|a| (sources.name(a.file), a.span.line));
        if got != Some((file, line)) {
            return Err(format!("the API hop is at {got:?}, expected {file}:{line}"));
        }
    }
    // A decided outcome has exactly one possibility; a "depends" one has a reason.
    if o.status.is_some() && o.possibilities.len() != 1 {
        return Err(format!(
            "decided status with {} possibilities",
            o.possibilities.len()
        ));
    }
    if o.status.is_none()
        && !t.hops.iter().any(|h| h.verdict != Verdict::Ok)
        && o.possibilities.iter().all(|p| p.status.is_some())
    {
        return Err("undecided status without a hop that says why".into());
    }
    Ok(())
}

#[test]
fn scenarios() {
    let mut failures = Vec::new();
    for c in CASES {
        if let Err(why) = check(c) {
            failures.push(format!(
                "{} ({}, {}): {why}\n{:#?}",
                c.name,
                c.file,
                c.request,
                run(c)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n\n")
    );
}

#[test]
fn at_least_forty_scenarios_in_all_four_formats() {
    assert!(CASES.len() >= 40, "{} scenarios", CASES.len());
    let formats: BTreeSet<&str> = CASES
        .iter()
        .map(|c| apifront_core::parse::detect(&fixture(c.file)).as_str())
        .collect();
    let all: BTreeSet<&str> = [
        Format::CliJson,
        Format::CfnJson,
        Format::CfnYaml,
        Format::Terraform,
    ]
    .iter()
    .map(|f| f.as_str())
    .collect();
    assert_eq!(formats, all);
    let names: BTreeSet<&str> = CASES.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), CASES.len(), "scenario names are unique");
}
