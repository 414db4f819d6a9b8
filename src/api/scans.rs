//! The Talent Scan over HTTP: questionnaire definitions and scans.
use crate::sealed::{ScanId, SealedRecord};
use std::sync::Arc;

use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use utoipa::{IntoParams, ToSchema};

use super::errors::{ApiError, Problem};
use super::{body, envelope};
use crate::catalog::fields::FieldError;
use crate::persona::Persona;
use crate::questionnaire::definition::{Answer, Definition, Text};
use crate::questionnaire::scoring::Warning;
use crate::questionnaire::{score, Scored};
use crate::state::AppState;
use crate::taxonomy::{Lang, Slot, DAYS, PARTS};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuestionnaireParams {
    /// Language of the texts: `nl` (default) or `en`.
    pub lang: Option<String>,
    /// A specific version; default the newest.
    pub version: Option<u32>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParams {
    /// Language of the answer's message: `nl` (default) or `en`.
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionnaireSummary {
    pub id: String,
    pub version: u32,
    pub languages: Vec<String>,
    pub title: String,
    pub estimated_minutes: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionnaireList {
    pub questionnaires: Vec<QuestionnaireSummary>,
}

pub fn lang_param(s: Option<&str>, pointer: &str) -> Result<Lang, ApiError> {
    match s {
        None => Ok(Lang::Nl),
        Some(l) => Lang::parse(l).ok_or_else(|| {
            ApiError::BadRequest(
                "unsupported language".into(),
                vec![FieldError::new(pointer, "use nl or en")],
            )
        }),
    }
}

fn tr(t: &Text, lang: Lang) -> String {
    t.get(lang.code())
        .or_else(|| t.get("nl"))
        .cloned()
        .unwrap_or_default()
}

/// The definition in one language, complete enough for a front-end to render it.
pub fn localized(d: &Definition, lang: Lang) -> Value {
    let sections: Vec<Value> = d
        .sections
        .iter()
        .map(|s| {
            let items: Vec<Value> = s
                .items
                .iter()
                .map(|it| {
                    let mut o = Map::new();
                    o.insert("id".into(), json!(it.id));
                    o.insert("type".into(), serde_json::to_value(it.kind()).unwrap_or_default());
                    o.insert("required".into(), json!(it.required));
                    if d.group_consent.as_ref().is_some_and(|c| c.item == it.id) {
                        // Means something only for a scan that is stored: a page that
                        // does not store scans leaves it out.
                        o.insert("only_when_stored".into(), json!(true));
                    }
                    o.insert("text".into(), json!(tr(&it.text, lang)));
                    if let Some(h) = &it.help {
                        o.insert("help".into(), json!(tr(h, lang)));
                    }
                    if !it.options().is_empty() {
                        o.insert(
                            "options".into(),
                            json!(it.options().iter().map(|op| json!({"value": op.value, "label": tr(&op.label, lang), "exclusive": op.exclusive})).collect::<Vec<_>>()),
                        );
                    }
                    let mut put = |k: &str, v: Option<f64>| {
                        if let Some(v) = v {
                            o.insert(k.into(), json!(v));
                        }
                    };
                    match &it.answer {
                        Answer::Likert { scale: sc, .. } => {
                            o.insert("scale".into(), json!({"min": sc.min, "max": sc.max, "labels": sc.labels.get(lang.code()).or_else(|| sc.labels.get("nl")).cloned().unwrap_or_default()}));
                        }
                        Answer::Multi { min, max, .. } => {
                            put("min", *min);
                            put("max", *max);
                        }
                        Answer::Number { min, max, step, unit, .. } => {
                            put("min", Some(*min));
                            put("max", Some(*max));
                            put("step", *step);
                            if let Some(u) = unit {
                                o.insert("unit".into(), json!(tr(u, lang)));
                            }
                        }
                        Answer::Text { max_length, .. } => {
                            o.insert("max_length".into(), json!(max_length.unwrap_or(500)));
                        }
                        Answer::Slots { .. } => {
                            o.insert(
                                "grid".into(),
                                json!({
                                    "days": DAYS.iter().enumerate().map(|(i, d)| json!({"id": d, "label": Slot::parse(&format!("{d}-morning")).map(|s| day_label(s, lang)).unwrap_or_default(), "index": i})).collect::<Vec<_>>(),
                                    "parts": PARTS.iter().map(|p| json!({"id": p, "label": part_label(p, lang)})).collect::<Vec<_>>(),
                                    "slots": Slot::all().map(|s| json!({"id": s.id(), "label": s.label(lang)})).collect::<Vec<_>>(),
                                }),
                            );
                        }
                        Answer::Place { .. } => {
                            o.insert("pattern".into(), json!("^[0-9]{4}( ?[A-Za-z]{2})?$|^[A-Za-z][A-Za-z .'-]+$"));
                        }
                        Answer::Single { .. } => {}
                    }
                    Value::Object(o)
                })
                .collect();
            json!({"id": s.id, "title": tr(&s.title, lang), "intro": s.intro.as_ref().map(|t| tr(t, lang)), "items": items})
        })
        .collect();
    json!({
        "id": d.id,
        "version": d.version,
        "lang": lang.code(),
        "languages": d.languages,
        "title": tr(&d.title, lang),
        "intro": tr(&d.intro, lang),
        "estimated_minutes": d.estimated_minutes,
        "instrument_note": d.instrument_note.as_ref().map(|t| tr(t, lang)),
        "item_count": d.items().count(),
        "sections": sections,
    })
}

fn day_label(s: Slot, lang: Lang) -> String {
    let l = s.label(lang);
    match lang {
        Lang::Nl => l.trim_end_matches("ochtend").to_string(),
        Lang::En => l.split(' ').next().unwrap_or("").to_string(),
    }
}

fn part_label(p: &str, lang: Lang) -> &'static str {
    match (p, lang) {
        ("morning", Lang::Nl) => "ochtend",
        ("afternoon", Lang::Nl) => "middag",
        ("evening", Lang::Nl) => "avond",
        ("morning", Lang::En) => "morning",
        ("afternoon", Lang::En) => "afternoon",
        _ => {
            if lang == Lang::Nl {
                "avond"
            } else {
                "evening"
            }
        }
    }
}

/// List the questionnaire definitions.
#[utoipa::path(get, path = "/v1/questionnaires", tag = "Talent Scan",
    responses((status = 200, description = "Definitions", body = QuestionnaireList)))]
pub async fn list_questionnaires(state: web::Data<Arc<AppState>>) -> HttpResponse {
    let list: Vec<QuestionnaireSummary> = state
        .questionnaires
        .all()
        .iter()
        .map(|d| QuestionnaireSummary {
            id: d.id.clone(),
            version: d.version,
            languages: d.languages.clone(),
            title: tr(&d.title, Lang::Nl),
            estimated_minutes: d.estimated_minutes,
        })
        .collect();
    HttpResponse::Ok().json(QuestionnaireList {
        questionnaires: list,
    })
}

/// One questionnaire, localised, with everything needed to render it.
#[utoipa::path(get, path = "/v1/questionnaires/{id}", tag = "Talent Scan",
    params(("id" = String, Path, description = "Questionnaire id, e.g. talentscan"), QuestionnaireParams),
    responses((status = 200, description = "The localised definition", body = Object),
              (status = 400, description = "Bad parameter", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown questionnaire or version", body = Problem, content_type = "application/problem+json")))]
pub async fn get_questionnaire(
    state: web::Data<Arc<AppState>>,
    path: web::Path<String>,
    q: web::Query<QuestionnaireParams>,
) -> Result<HttpResponse, ApiError> {
    let lang = lang_param(q.lang.as_deref(), "/lang")?;
    let d = state.questionnaires.get(&path, q.version).ok_or_else(|| {
        ApiError::NotFound(format!(
            "no questionnaire {:?}{}",
            path.as_str(),
            q.version
                .map(|v| format!(" version {v}"))
                .unwrap_or_default()
        ))
    })?;
    if !d.has_lang(lang) {
        return Err(ApiError::BadRequest(
            "language not available".into(),
            vec![FieldError::new(
                "/lang",
                format!("available: {}", d.languages.join(", ")),
            )],
        ));
    }
    Ok(HttpResponse::Ok().json(localized(d, lang)))
}

/// Body of `POST /v1/scans`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanRequest {
    #[schema(example = "talentscan")]
    pub questionnaire: String,
    /// Default: the newest version.
    pub version: Option<u32>,
    /// `nl` (default) or `en`.
    pub lang: Option<Lang>,
    /// Item id → answer.
    #[schema(value_type = Object)]
    pub answers: Map<String, Value>,
    /// Store the scan (only with the resident's consent). Default false.
    #[serde(default)]
    pub store: bool,
}

/// A scored scan: the persona's fields, plus the scan's own metadata.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ScanResponse {
    /// Present only when the scan was stored (`store: true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_id: Option<String>,
    pub stored: bool,
    pub questionnaire: String,
    pub version: u32,
    pub lang: Lang,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub expires_at: Option<String>,
    #[schema(value_type = Vec<Object>)]
    pub warnings: Vec<WarningOut>,
    #[serde(flatten)]
    pub persona: Persona,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WarningOut {
    pub code: String,
    pub message: String,
}

impl From<Warning> for WarningOut {
    fn from(w: Warning) -> Self {
        WarningOut {
            code: w.code,
            message: w.message,
        }
    }
}

/// Scores answers to a questionnaire (a scan, or a match or carving with answers).
pub fn score_answers(
    state: &AppState,
    qid: &str,
    version: Option<u32>,
    answers: &Map<String, Value>,
    lang: Lang,
    base: &str,
) -> Result<(Scored, u32), ApiError> {
    let def = state.questionnaires.get(qid, version).ok_or_else(|| {
        ApiError::NotFound(format!(
            "no questionnaire {qid:?}{}",
            version.map(|v| format!(" version {v}")).unwrap_or_default()
        ))
    })?;
    if answers.len() > 200 {
        return Err(envelope::problems(vec![FieldError::new(
            format!("{base}/answers"),
            "at most 200 answers",
        )]));
    }
    let scored = score(def, &state.taxonomies, &state.places, answers, lang).map_err(|errs| {
        ApiError::Unprocessable(
            format!("{} answer(s) are not valid", errs.len()),
            errs.into_iter()
                .map(|e| FieldError::new(format!("{base}{}", e.pointer), e.message))
                .collect(),
        )
    })?;
    Ok((scored, def.version))
}

/// Score a questionnaire into a persona; store it only with `store: true`.
#[utoipa::path(post, path = "/v1/scans", tag = "Talent Scan", request_body = ScanRequest,
    responses((status = 201, description = "Scored and stored (store: true)", body = ScanResponse),
              (status = 200, description = "Scored, nothing stored", body = ScanResponse),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown questionnaire or version", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid answers, each with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
pub async fn create_scan(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let v = body::json(&req, &bytes)?;
    let (r, errors) = envelope::parse::<ScanRequest>(&v, "");
    let r = match r {
        Some(r) if errors.is_empty() => r,
        _ => return Err(envelope::problems(errors)),
    };
    let lang = r.lang.unwrap_or_default();
    let (scored, version) =
        score_answers(&state, &r.questionnaire, r.version, &r.answers, lang, "")?;
    let (counts, wants_notice) = state
        .questionnaires
        .get(&r.questionnaire, Some(version))
        .map_or((false, false), |d| {
            (
                d.counts_anonymously(&r.answers),
                d.wants_group_notice(&r.answers),
            )
        });
    let qid = r.questionnaire;
    let store_flag = r.store;
    let now = state.now();
    let fmt = &time::format_description::well_known::Rfc3339;
    let mut resp = ScanResponse {
        scan_id: None,
        stored: false,
        questionnaire: qid,
        version,
        lang,
        created_at: now.format(fmt).unwrap_or_default(),
        expires_at: None,
        warnings: scored.warnings.into_iter().map(Into::into).collect(),
        persona: scored.persona,
    };
    if counts {
        // Counted beside the answer: a scan never waits for it, and a count that cannot
        // be written (the store of record away) is lost, not a reason to refuse the scan.
        let (st, persona) = (state.get_ref().clone(), resp.persona.clone());
        tokio::spawn(async move {
            if let Err(e) = st.count_for_insight(&persona).await {
                tracing::warn!("an anonymous count was not written: {e}");
            }
        });
    }
    if store_flag {
        // 128 random bits: the only key to the sealed record (`crate::sealed`).
        let sid = ScanId::generate();
        let id = sid.as_str().to_string();
        let expires = (now + time::Duration::days(state.settings.retention_days as i64))
            .format(fmt)
            .unwrap_or_default();
        resp.scan_id = Some(id.clone());
        resp.stored = true;
        resp.expires_at = Some(expires.clone());
        let plain = serde_json::to_vec(&resp).map_err(ApiError::from)?;
        let sealed = serde_json::to_value(sid.seal(&plain, &expires)).map_err(ApiError::from)?;
        // Kept beside the sealed scan only with its own consent, and erased with it.
        let wish = wants_notice
            .then(|| state.wish_of(&resp.persona))
            .flatten()
            .map(|w| AppState::wish_record(&w, &expires));
        state
            .put_scan(&sid.lookup(), &sealed, wish.as_deref())
            .await?;
        return Ok(HttpResponse::Created()
            .insert_header(("Location", format!("/v1/scans/{id}")))
            .json(resp));
    }
    Ok(HttpResponse::Ok().json(resp))
}

/// Looks up a stored scan that has not expired.
pub async fn load_scan(state: &AppState, id: &str) -> Result<ScanResponse, ApiError> {
    let nf = || {
        ApiError::NotFound(
            "no stored scan with this id (it may have expired or been erased)".into(),
        )
    };
    let id = ScanId::parse(id).ok_or_else(nf)?;
    let doc = state.get_scan(&id.lookup()).await?.ok_or_else(nf)?;
    let rec: SealedRecord = serde_json::from_value(doc).map_err(|_| nf())?;
    if rec.expired(state.now()) {
        return Err(nf());
    }
    let plain = id.open(&rec).ok_or_else(nf)?;
    serde_json::from_slice(&plain).map_err(ApiError::from)
}

/// A stored scan.
#[utoipa::path(get, path = "/v1/scans/{id}", tag = "Talent Scan",
    params(("id" = String, Path, description = "The scan id returned when it was stored")),
    responses((status = 200, description = "The stored scan", body = ScanResponse),
              (status = 400, description = "Bad request", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown, expired or erased", body = Problem, content_type = "application/problem+json")))]
pub async fn get_scan(
    state: web::Data<Arc<AppState>>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(load_scan(&state, &path).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Erased {
    pub scan_id: String,
    pub erased: bool,
    pub message: String,
}

/// Erase a stored scan at once.
#[utoipa::path(delete, path = "/v1/scans/{id}", tag = "Talent Scan",
    params(("id" = String, Path, description = "The scan id"), LangParams),
    responses((status = 200, description = "Erased", body = Erased),
              (status = 400, description = "Bad request", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such scan", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_scan(
    state: web::Data<Arc<AppState>>,
    path: web::Path<String>,
    q: web::Query<LangParams>,
) -> Result<HttpResponse, ApiError> {
    let lang = lang_param(q.lang.as_deref(), "/lang")?;
    let nf = || ApiError::NotFound("no stored scan with this id".into());
    let id = ScanId::parse(&path).ok_or_else(nf)?;
    if !state.delete_scan(&id.lookup()).await? {
        return Err(nf());
    }
    Ok(HttpResponse::Ok().json(Erased {
        scan_id: id.as_str().to_string(),
        erased: true,
        message: state.matcher().texts.message("scan_erased", lang),
    }))
}
