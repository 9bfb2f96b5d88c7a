//! Attaching exported API definitions (`apifront lint FILE --api DEFINITION`) to the API
//! origins of a configuration.
//!
//! A definition that states its API id (an export's `servers` URL or `host`, `get-rest-api`,
//! `get-api`) goes to every origin whose host is that API's default endpoint. Otherwise, or when
//! no origin shows that id, it goes to the only API Gateway origin when there is exactly one.
//! Anything else is left unattached, and the note says which origins it was not matched to:
//! a definition is never attached by guess.

use super::model::{Api, ApiSource, Attached, DefinitionKind};
use crate::model::{Document, OriginKind};

/// An exported definition, read by [`crate::parse::parse_api_definition`].
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// How the definition is named in messages (its file name).
    pub name: String,
    pub kind: DefinitionKind,
    pub api: Api,
}

/// What became of one definition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AttachNote {
    /// The definition's name (merged pieces: their names joined with ` + `).
    pub definition: String,
    pub attached: bool,
    /// For people: which origin it went to and why, or which origins it was not matched to.
    pub message: String,
}

/// Merges the pieces of one API: every `aws apigateway` piece (`get-rest-api`,
/// `get-resources`, `get-stages`, `get-authorizers`) into one REST API, every `aws apigatewayv2`
/// piece into one HTTP or WebSocket API. OpenAPI and Swagger exports stay as they are.
pub fn merge_definitions(definitions: Vec<Definition>) -> Vec<Definition> {
    let mut out: Vec<Definition> = Vec::new();
    let mut v1: Option<Definition> = None;
    let mut v2: Option<Definition> = None;
    for d in definitions {
        if !d.kind.is_piece() {
            out.push(d);
            continue;
        }
        let slot = if d.kind.is_v2() { &mut v2 } else { &mut v1 };
        match slot {
            None => *slot = Some(d),
            Some(merged) => {
                merged.name = format!("{} + {}", merged.name, d.name);
                merged.api.merge(d.api);
                merged.api.source = ApiSource::Pieces;
            }
        }
    }
    out.extend(v1);
    out.extend(v2);
    out
}

/// One API Gateway origin of the document.
struct Candidate {
    distribution: String,
    origin_id: String,
    origin_path: String,
    api_id: Option<String>,
    host: String,
}

impl Candidate {
    fn describe(&self) -> String {
        let id = match &self.api_id {
            Some(id) => format!("API `{id}`"),
            None => "API id not in its host".to_string(),
        };
        format!(
            "`{}` of `{}` ({id}, host `{}`)",
            self.origin_id, self.distribution, self.host
        )
    }
}

/// Adds the definitions to `doc`'s API model and attaches each to the origins it belongs to
/// (see the module documentation). Pieces are merged first ([`merge_definitions`]). Returns
/// one note per definition.
pub fn attach(doc: &mut Document, definitions: Vec<Definition>) -> Vec<AttachNote> {
    let candidates: Vec<Candidate> = doc
        .distributions
        .iter()
        .flat_map(|d| d.origins.iter().map(move |o| (d, o)))
        .filter(|(_, o)| o.kind.0.is_api_gateway())
        .map(|(d, o)| Candidate {
            distribution: d.name.clone(),
            origin_id: o.id.get().cloned().unwrap_or_else(|| o.path.to_string()),
            origin_path: o.path.to_string(),
            api_id: match &o.kind.0 {
                OriginKind::ApiGatewayDefault { api_id, .. } => api_id.clone(),
                _ => None,
            },
            host: o.domain_name.get().cloned().unwrap_or_else(|| "?".into()),
        })
        .collect();
    let mut notes = Vec::new();
    for def in merge_definitions(definitions) {
        let index = doc.api_model.apis.len();
        let id = def.api.api_id.get().cloned();
        let (chosen, why): (Vec<&Candidate>, String) = match &id {
            Some(id) if candidates.iter().any(|c| c.api_id.as_ref() == Some(id)) => (
                candidates.iter().filter(|c| c.api_id.as_ref() == Some(id)).collect(),
                format!("API id `{id}` in the origin's host"),
            ),
            Some(id) => match candidates.as_slice() {
                [only] if only.api_id.is_none() => (
                    vec![only],
                    format!("the only API Gateway origin; its host does not show an API id, the definition is API `{id}`"),
                ),
                _ => (Vec::new(), format!("the definition is API `{id}`")),
            },
            None => match candidates.as_slice() {
                [only] => (
                    vec![only],
                    "the only API Gateway origin; the definition does not state its API id"
                        .to_string(),
                ),
                _ => (Vec::new(), "the definition does not state its API id".to_string()),
            },
        };
        let note = if chosen.is_empty() {
            let origins = if candidates.is_empty() {
                "the configuration has no API Gateway origin".to_string()
            } else {
                let listed: Vec<String> = candidates.iter().map(Candidate::describe).collect();
                format!("not matched to origin {}", listed.join(", "))
            };
            AttachNote {
                definition: def.name.clone(),
                attached: false,
                message: format!("{} is not attached: {why}; {origins}", def.kind.describe()),
            }
        } else {
            let names: Vec<String> = chosen
                .iter()
                .map(|c| format!("`{}` of `{}`", c.origin_id, c.distribution))
                .collect();
            AttachNote {
                definition: def.name.clone(),
                attached: true,
                message: format!(
                    "{} is attached to origin {} ({why})",
                    def.kind.describe(),
                    names.join(", ")
                ),
            }
        };
        for c in chosen {
            doc.api_model.attachments.push(Attached {
                api: index,
                distribution: c.distribution.clone(),
                origin_id: c.origin_id.clone(),
                origin_path: c.origin_path.clone(),
            });
        }
        doc.api_model.apis.push(def.api);
        notes.push(note);
    }
    notes
}

#[cfg(test)]
mod tests;
