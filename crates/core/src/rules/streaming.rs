//! What the streaming rules share: the APIs and function URLs an origin reaches, and whether
//! they stream their responses.

use crate::api::{Api, Entry, FunctionUrl, Integration};
use crate::lint::LintContext;
use crate::model::Origin;

/// The APIs and function URL an origin reaches, as far as the input shows.
pub(super) struct Reached<'a> {
    pub apis: Vec<&'a Api>,
    pub function_url: Option<&'a FunctionUrl>,
}

pub(super) fn reached<'a>(ctx: &LintContext<'a>, origin: &Origin) -> Reached<'a> {
    let mut out = Reached {
        apis: Vec::new(),
        function_url: None,
    };
    match ctx.doc.api_model.entry_for(origin) {
        Some(Entry::DefaultEndpoint(api)) => out.apis.push(api),
        Some(Entry::FunctionUrl(url)) => out.function_url = Some(url),
        Some(Entry::CustomDomain(domain)) => {
            let apis = domain
                .mappings
                .iter()
                .filter_map(|m| m.api)
                .chain(domain.rules.iter().filter_map(|r| r.api));
            for api in apis {
                if !out.apis.iter().any(|a| std::ptr::eq(*a, api)) {
                    out.apis.push(api);
                }
            }
        }
        None => {}
    }
    out
}

/// The streaming integrations of an API.
pub(super) fn streaming<'a>(ctx: &LintContext<'a>, api: &Api) -> Vec<&'a Integration> {
    ctx.doc
        .api_model
        .integrations
        .iter()
        .filter(|i| i.api.as_deref() == Some(api.name.as_str()) && i.streams())
        .collect()
}

/// True when the input has an API integration or a function URL that streams: the streaming
/// rules have nothing to say otherwise.
pub(super) fn anything_streams(ctx: &LintContext) -> bool {
    let model = &ctx.doc.api_model;
    model.integrations.iter().any(Integration::streams)
        || model.function_urls.iter().any(url_streams)
}

/// True when a function URL streams its responses (`InvokeMode: RESPONSE_STREAM`).
pub(super) fn url_streams(url: &FunctionUrl) -> bool {
    url.invoke_mode
        .get()
        .is_some_and(|m| m.eq_ignore_ascii_case("RESPONSE_STREAM"))
}
