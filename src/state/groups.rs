//! Training groups (`crate::insight::groups`) on whichever store holds the truth: the
//! wishes kept with stored scans, the venues of the catalog, the announcements, and the
//! notice a resident sees when an announced group fits their wish.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AppState, StateError};
use crate::catalog::model::{Kind, Organisation};
use crate::geo::{distance_km, LatLon, Wijk};
use crate::insight::groups::{self, Proposal, Venue, Wish};
use crate::persona::Persona;
use crate::ranking::notices::Notice;
use crate::taxonomy::{Lang, Slot};

/// How long an announcement is shown before it lapses.
const ANNOUNCED_DAYS: i64 = 90;

/// A wish as kept: the wish and when its scan expires.
#[derive(Debug, Serialize, Deserialize)]
struct StoredWish {
    #[serde(flatten)]
    wish: Wish,
    expires_at: String,
}

/// A proposal the academy announced: shown to every resident whose wish it fits.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Announcement {
    /// Short and stable for a topic, slot and venue (a hash of them), fit for a URL.
    pub id: String,
    pub topic: String,
    pub slot: String,
    pub venue_id: String,
    pub venue_name: String,
    #[schema(value_type = Object)]
    pub venue_at: LatLon,
    pub announced_at: String,
    pub expires_at: String,
}

/// The academy's view: the proposals now and what has been announced.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupsReport {
    /// Stored scans that keep a learning wish (the people behind the proposals), or
    /// `null` below the smallest number of residents a figure may be about.
    pub residents: Option<usize>,
    pub min_group: usize,
    pub max_group: usize,
    pub proposals: Vec<Proposal>,
    pub announcements: Vec<Announcement>,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

impl AppState {
    /// The wish a stored scan may keep for this persona: only with learning goals and a
    /// known wijk (a group is planned in a neighbourhood).
    pub fn wish_of(&self, p: &Persona) -> Option<Wish> {
        if p.learning_goals.is_empty() {
            return None;
        }
        let wijk = crate::insight::wijk_of(p, &self.places)?;
        Some(Wish {
            topics: p.learning_goals.clone(),
            slots: p.availability.slots.iter().map(|s| s.id()).collect(),
            wijk,
            reach_km: groups::reach_band(p.travel.radius_km.map(|r| r.get())),
        })
    }

    /// The JSON kept for a wish beside its scan.
    pub fn wish_record(wish: &Wish, expires_at: &str) -> String {
        serde_json::to_string(&StoredWish {
            wish: wish.clone(),
            expires_at: expires_at.to_string(),
        })
        .expect("json serialises")
    }

    /// Every wish kept with a stored scan that has not expired.
    async fn live_wishes(&self) -> Result<Vec<Wish>, StateError> {
        let now = self.now();
        Ok(self
            .kept_wishes()
            .await?
            .into_iter()
            .filter_map(|(_, s)| serde_json::from_str::<StoredWish>(&s).ok())
            .filter(|w| !crate::sealed::expired(&w.expires_at, now))
            .map(|w| w.wish)
            .collect())
    }

    /// Where a course can be given: the organisations' locations and the trainings'
    /// places, one venue per place (about 50 m apart).
    pub fn venues(&self) -> Result<Vec<Venue>, StateError> {
        let mut out: Vec<Venue> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |id: String, name: String, at: LatLon| {
            let cell = (
                (at.lat * 2000.0).round() as i64,
                (at.lon * 2000.0).round() as i64,
            );
            if seen.insert(cell) {
                out.push(Venue { id, name, at });
            }
        };
        for r in self.store.iter_raw(Kind::Organisations)? {
            let (id, bytes) = r?;
            if let Ok(o) = serde_json::from_slice::<Organisation>(&bytes) {
                add(format!("organisation:{id}"), o.name, o.location);
            }
        }
        let snap = self.snapshot();
        for t in snap.trainings.list() {
            if let Some(l) = &t.location {
                add(format!("training:{}", t.id), t.provider.clone(), l.point());
            }
        }
        Ok(out)
    }

    fn wijk_centres(&self) -> BTreeMap<String, LatLon> {
        self.places
            .wijken
            .iter()
            .map(|w| (w.code.clone(), w.centre()))
            .collect()
    }

    /// Proposals from the wishes kept now: how many wishes, the proposals.
    pub async fn proposals(&self) -> Result<(usize, Vec<Proposal>), StateError> {
        let (n, ps, _) = self.planned().await?;
        Ok((n, ps))
    }

    /// The plan with the venues it was made from (an announcement names one's place).
    async fn planned(&self) -> Result<(usize, Vec<Proposal>, Vec<Venue>), StateError> {
        let wishes = self.live_wishes().await?;
        let venues = self.venues()?;
        let centres = self.wijk_centres();
        let n = wishes.len();
        // Off the connection's worker: planning a whole city takes a while.
        let (ps, venues) = tokio::task::spawn_blocking(move || {
            (groups::propose(&wishes, &venues, &centres), venues)
        })
        .await
        .map_err(|e| StateError::Task(e.to_string()))?;
        Ok((n, ps, venues))
    }

    pub async fn groups_report(&self) -> Result<GroupsReport, StateError> {
        let (n, proposals) = self.proposals().await?;
        Ok(GroupsReport {
            residents: (n as u64 >= self.settings.insight_k).then_some(n),
            min_group: groups::MIN_GROUP,
            max_group: groups::MAX_GROUP,
            proposals,
            announcements: self.announcements().await?,
        })
    }

    /// Announces the proposal with this id (as proposed now); `None` when there is none.
    pub async fn announce(&self, proposal_id: &str) -> Result<Option<Announcement>, StateError> {
        let (_, proposals, venues) = self.planned().await?;
        let Some(p) = proposals.iter().find(|p| p.id == proposal_id) else {
            return Ok(None);
        };
        let Some(v) = venues.iter().find(|v| v.id == p.venue_id) else {
            return Ok(None);
        };
        let now = self.now();
        let a = Announcement {
            id: {
                use sha2::{Digest, Sha256};
                let base = format!("{}|{}|{}", p.topic, p.slot, p.venue_id);
                hex::encode(&Sha256::digest(base.as_bytes())[..8])
            },
            topic: p.topic.clone(),
            slot: p.slot.clone(),
            venue_id: v.id.clone(),
            venue_name: v.name.clone(),
            venue_at: v.at,
            announced_at: rfc3339(now),
            expires_at: rfc3339(now + time::Duration::days(ANNOUNCED_DAYS)),
        };
        let doc = serde_json::to_string(&a).expect("json serialises");
        match &self.pg {
            Some(pg) => pg.put_announcement(&a.id, &doc, &a.expires_at).await?,
            None => self.store.put_announcement(&a.id, &doc).await?,
        }
        Ok(Some(a))
    }

    /// Withdraws an announcement; whether there was one.
    pub async fn withdraw_announcement(&self, id: &str) -> Result<bool, StateError> {
        Ok(match &self.pg {
            Some(pg) => pg.delete_announcement(id).await?,
            None => self.store.delete_announcement(id).await?,
        })
    }

    /// Announcements that have not lapsed.
    pub async fn announcements(&self) -> Result<Vec<Announcement>, StateError> {
        let raw = match &self.pg {
            Some(pg) => pg.announcements().await?,
            None => self.store.announcements()?,
        };
        let now = self.now();
        Ok(raw
            .iter()
            .filter_map(|s| serde_json::from_str::<Announcement>(s).ok())
            .filter(|a| !crate::sealed::expired(&a.expires_at, now))
            .collect())
    }

    /// Every wish kept with a stored scan, as stored, with its scan's lookup hash.
    pub(super) async fn kept_wishes(&self) -> Result<Vec<(String, String)>, StateError> {
        Ok(match &self.pg {
            Some(pg) => pg.wishes(self.now()).await?,
            None => self.store.wishes()?,
        })
    }

    /// The wish a stored scan keeps, as stored (none without the consent).
    pub async fn kept_wish(&self, lookup: &str) -> Result<Option<String>, StateError> {
        Ok(match &self.pg {
            Some(pg) => pg.get_wish(lookup).await?,
            None => self.store.get_wish(lookup)?,
        })
    }

    /// The notices for the resident of a stored scan: every announced group that fits
    /// the wish the scan keeps (none without that consent).
    pub async fn group_notices(&self, lookup: &str, lang: Lang) -> Result<Vec<Notice>, StateError> {
        let raw = self.kept_wish(lookup).await?;
        let Some(w) = raw.and_then(|s| serde_json::from_str::<StoredWish>(&s).ok()) else {
            return Ok(Vec::new());
        };
        let Some(centre) = self.places.wijk_by_code(&w.wish.wijk).map(Wijk::centre) else {
            return Ok(Vec::new());
        };
        let texts = &self.matcher().texts;
        let template = texts.message("course_nearby", lang);
        Ok(self
            .announcements()
            .await?
            .into_iter()
            .filter(|a| {
                w.wish.topics.contains(&a.topic)
                    && (w.wish.slots.is_empty() || w.wish.slots.contains(&a.slot))
                    && distance_km(centre, a.venue_at) <= w.wish.reach_km
            })
            .map(|a| Notice {
                code: "course_nearby".into(),
                text: crate::ranking::config::fill(
                    &template,
                    &[
                        ("topic", self.taxonomies.skills.label(&a.topic, lang)),
                        ("venue", &a.venue_name),
                        (
                            "slot",
                            &Slot::parse(&a.slot).map_or(a.slot.clone(), |s| s.label(lang)),
                        ),
                    ],
                ),
            })
            .collect())
    }
}
