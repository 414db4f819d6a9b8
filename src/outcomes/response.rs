//! A response ("Ik wil dit proberen") and the organisation's account of what came of it.
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::catalog::fields::{FieldError, Fields};

const MAX_NAME: usize = 100;
const MAX_MESSAGE: usize = 1000;
const MAX_EMAIL: usize = 254;
/// A start counts as lasting when the organisation says so after this many days.
pub const STAY_DAYS: i64 = 90;

/// How to reach the resident. At least one of `email` and `phone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResidentContact {
    /// 1–100 characters.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Who entered the response: the resident, or the Servicepunt XL desk for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordedBy {
    #[default]
    Resident,
    Desk,
}

/// Body of `POST /v1/responses`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NewResponse {
    /// The `match_id` of the match answer that showed the task.
    pub match_id: String,
    pub task_id: String,
    pub contact: ResidentContact,
    /// A few words for the organisation (at most 1,000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Must be `true`: the resident agrees that the organisation of the task receives the
    /// contact details and that the service keeps them for the retention period.
    pub consent: bool,
    #[serde(default)]
    pub recorded_by: RecordedBy,
}

impl NewResponse {
    /// Reads the body, reporting every problem with its pointer.
    pub fn parse(v: &Value) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::new(v, "");
        if !f.is_object() {
            return Err(f.finish());
        }
        if let Some(o) = v.as_object() {
            for k in o.keys() {
                if ![
                    "match_id",
                    "task_id",
                    "contact",
                    "message",
                    "consent",
                    "recorded_by",
                ]
                .contains(&k.as_str())
                {
                    f.err(k, "unknown field");
                }
            }
        }
        let match_id: Option<String> = f.req("match_id");
        if match_id
            .as_deref()
            .is_some_and(|m| !super::valid_random_id(m))
        {
            f.err(
                "match_id",
                "not a match id: use the match_id of a match answer",
            );
        }
        let task_id: Option<String> = f.req("task_id");
        if task_id
            .as_deref()
            .is_some_and(|t| !crate::catalog::model::valid_id(t))
        {
            f.err("task_id", "not a task id");
        }
        let contact = parse_contact(&mut f);
        let message: Option<String> = f.opt("message");
        if message
            .as_deref()
            .is_some_and(|m| m.chars().count() > MAX_MESSAGE)
        {
            f.err("message", "at most 1000 characters");
        }
        let consent: Option<bool> = f.req("consent");
        if consent == Some(false) {
            f.err(
                "consent",
                "a response is sent and kept only with consent: true",
            );
        }
        let recorded_by: RecordedBy = f.or_default("recorded_by");
        let errs = f.finish();
        match (match_id, task_id, contact, consent) {
            (Some(match_id), Some(task_id), Some(contact), Some(true)) if errs.is_empty() => {
                Ok(Self {
                    match_id,
                    task_id,
                    contact,
                    message: message.filter(|m| !m.trim().is_empty()),
                    consent: true,
                    recorded_by,
                })
            }
            _ => Err(errs),
        }
    }
}

fn parse_contact(f: &mut Fields) -> Option<ResidentContact> {
    let c: ResidentContact = f.req("contact")?;
    let base = f.pointer("contact");
    let mut ok = true;
    let name = c.name.trim().to_string();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        f.err_at(format!("{base}/name"), "must be 1-100 characters");
        ok = false;
    }
    let email = c
        .email
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    if email.as_deref().is_some_and(|e| !plausible_email(e)) {
        f.err_at(
            format!("{base}/email"),
            "not an email address (name@example.nl)",
        );
        ok = false;
    }
    let phone = c
        .phone
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    if phone.as_deref().is_some_and(|p| !plausible_phone(p)) {
        f.err_at(
            format!("{base}/phone"),
            "not a phone number (digits, spaces, +, - and brackets; 6 to 15 digits)",
        );
        ok = false;
    }
    if email.is_none() && phone.is_none() {
        f.err_at(base, "give an email address or a phone number");
        ok = false;
    }
    ok.then_some(ResidentContact { name, email, phone })
}

fn plausible_email(e: &str) -> bool {
    let Some((local, domain)) = e.rsplit_once('@') else {
        return false;
    };
    e.len() <= MAX_EMAIL
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn plausible_phone(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

/// Where a response stands. The order an organisation reports in:
/// `new` → `contacted` → `started` | `not_a_fit` | `no_reply`; a start later becomes
/// `still_active` (at least three months after it) or `stopped`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Contacted,
    Started,
    NotAFit,
    NoReply,
    StillActive,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::New,
        Status::Contacted,
        Status::Started,
        Status::NotAFit,
        Status::NoReply,
        Status::StillActive,
        Status::Stopped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Contacted => "contacted",
            Status::Started => "started",
            Status::NotAFit => "not_a_fit",
            Status::NoReply => "no_reply",
            Status::StillActive => "still_active",
            Status::Stopped => "stopped",
        }
    }

    /// The statuses that may follow this one.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::New => &[Status::Contacted],
            Status::Contacted => &[Status::Started, Status::NotAFit, Status::NoReply],
            Status::Started => &[Status::StillActive, Status::Stopped],
            Status::StillActive => &[Status::Stopped],
            Status::NotAFit | Status::NoReply | Status::Stopped => &[],
        }
    }
}

/// Why a response did not lead to a start (with `not_a_fit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MismatchReason {
    /// The moments or hours did not suit.
    Time,
    /// Too far to travel.
    Distance,
    /// The task asks for skills or a permit the resident does not have.
    Skills,
    /// Language was a barrier.
    Language,
    /// The task was filled by someone else.
    TaskFilled,
    /// The resident chose not to go on.
    ResidentWithdrew,
    Other,
}

/// Body of `POST /v1/responses/{id}/outcomes`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRequest {
    pub status: Status,
    /// Required with `not_a_fit`, refused with any other status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<MismatchReason>,
}

/// One step in a response's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Transition {
    pub status: Status,
    /// RFC 3339.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<MismatchReason>,
}

/// A response as stored, apart from its sealed contact details and message.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResponseRecord {
    pub id: String,
    pub organisation_id: String,
    pub task_id: String,
    pub match_id: String,
    pub recorded_by: RecordedBy,
    pub created_at: String,
    /// RFC 3339; the retention purge erases the response after it.
    pub expires_at: String,
    /// SHA-256 of the erase token the resident holds.
    pub erase_hash: String,
    pub history: Vec<Transition>,
    /// ResidentContact details and message, sealed (`crate::sealed`) under a secret kept apart
    /// from the record, so erasing the secret erases them everywhere.
    pub sealed: crate::sealed::SealedRecord,
}

impl ResponseRecord {
    pub fn status(&self) -> Status {
        self.history.last().map_or(Status::New, |t| t.status)
    }

    /// Checks a reported outcome against the history; the problems, each with a pointer.
    pub fn check(&self, req: &OutcomeRequest, now: time::OffsetDateTime) -> Vec<FieldError> {
        let mut errs = Vec::new();
        let cur = self.status();
        if !cur.next().contains(&req.status) {
            let allowed: Vec<&str> = cur.next().iter().map(|s| s.as_str()).collect();
            errs.push(FieldError::new(
                "/status",
                if allowed.is_empty() {
                    format!("the response is {}: nothing follows", cur.as_str())
                } else {
                    format!(
                        "the response is {}: next can be {}",
                        cur.as_str(),
                        allowed.join(" or ")
                    )
                },
            ));
        }
        match (req.status, req.reason) {
            (Status::NotAFit, None) => errs.push(FieldError::new(
                "/reason",
                "say why with not_a_fit: time, distance, skills, language, task_filled, resident_withdrew or other",
            )),
            (s, Some(_)) if s != Status::NotAFit => errs.push(FieldError::new(
                "/reason",
                "a reason goes only with not_a_fit",
            )),
            _ => {}
        }
        if req.status == Status::StillActive && errs.is_empty() {
            let started = self
                .history
                .iter()
                .rev()
                .find(|t| t.status == Status::Started)
                .and_then(|t| {
                    time::OffsetDateTime::parse(
                        &t.at,
                        &time::format_description::well_known::Rfc3339,
                    )
                    .ok()
                });
            if let Some(s) = started {
                let due = s + time::Duration::days(STAY_DAYS);
                if now < due {
                    errs.push(FieldError::new(
                        "/status",
                        format!(
                            "still_active is reported three months after the start: from {}",
                            super::day(due)
                        ),
                    ));
                }
            }
        }
        errs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok() -> Value {
        json!({"match_id": "0123456789abcdef0123456789abcdef", "task_id": "t1",
               "contact": {"name": "Ellen", "email": "ellen@example.nl"}, "consent": true})
    }

    #[test]
    fn a_response_reports_every_problem() {
        assert!(NewResponse::parse(&ok()).is_ok());
        let bad = json!({"match_id": "x", "contact": {"name": " ", "email": "nope", "phone": "12"},
                         "consent": false, "message": "a".repeat(1001), "extra": 1});
        let errs = NewResponse::parse(&bad).unwrap_err();
        let ptrs: Vec<&str> = errs.iter().map(|e| e.pointer.as_str()).collect();
        for p in [
            "/match_id",
            "/task_id",
            "/contact/name",
            "/contact/email",
            "/contact/phone",
            "/consent",
            "/message",
            "/extra",
        ] {
            assert!(ptrs.contains(&p), "{p} in {ptrs:?}");
        }
        let mut no_way = ok();
        no_way["contact"] = json!({"name": "Ellen"});
        let errs = NewResponse::parse(&no_way).unwrap_err();
        assert_eq!(errs[0].pointer, "/contact");
    }

    #[test]
    fn only_the_documented_transitions_are_taken() {
        let now = time::macros::datetime!(2026-12-01 12:00 UTC);
        let mut r = ResponseRecord {
            id: "r".into(),
            organisation_id: "o".into(),
            task_id: "t".into(),
            match_id: "m".into(),
            recorded_by: RecordedBy::Resident,
            created_at: "2026-12-01T12:00:00Z".into(),
            expires_at: "2027-06-01T12:00:00Z".into(),
            erase_hash: String::new(),
            history: vec![],
            sealed: crate::sealed::ScanId::generate().seal(b"x", "2027-06-01T12:00:00Z"),
        };
        let req = |s, reason| OutcomeRequest { status: s, reason };
        assert!(!r.check(&req(Status::Started, None), now).is_empty());
        assert!(r.check(&req(Status::Contacted, None), now).is_empty());
        r.history.push(Transition {
            status: Status::Contacted,
            at: "2026-12-01T12:00:00Z".into(),
            reason: None,
        });
        assert!(!r.check(&req(Status::NotAFit, None), now).is_empty());
        assert!(!r
            .check(&req(Status::Started, Some(MismatchReason::Time)), now)
            .is_empty());
        assert!(r
            .check(&req(Status::NotAFit, Some(MismatchReason::Time)), now)
            .is_empty());
        r.history.push(Transition {
            status: Status::NotAFit,
            at: "2026-12-01T12:00:00Z".into(),
            reason: Some(MismatchReason::Time),
        });
        assert!(!r.check(&req(Status::Started, None), now).is_empty());
        r.history.pop();
        r.history.push(Transition {
            status: Status::Started,
            at: "2026-12-01T12:00:00Z".into(),
            reason: None,
        });
        assert!(!r.check(&req(Status::StillActive, None), now).is_empty());
        assert!(r
            .check(
                &req(Status::StillActive, None),
                now + time::Duration::days(STAY_DAYS)
            )
            .is_empty());
        assert!(r.check(&req(Status::Stopped, None), now).is_empty());
    }
}
