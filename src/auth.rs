//! API keys with scopes. Only a SHA-256 hash of each key is kept: keys are long random
//! tokens (256 bits), so a fast hash is enough and a leaked store does not leak keys.
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::catalog::Store;

/// What a key may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Everything.
    Admin,
    /// Write only this organisation's records.
    Organisation(String),
    /// A machine client that only reads (the Den Haag Doet front-end's server, say): its
    /// key gives it a budget of its own instead of its address's.
    Client(String),
    /// Reads the anonymous neighbourhood figures (`/v1/insight/…`): city and academy staff.
    Insight,
}

impl Scope {
    pub fn parse(s: &str) -> Option<Scope> {
        if s == "admin" {
            return Some(Scope::Admin);
        }
        if s == "insight" {
            return Some(Scope::Insight);
        }
        if let Some(name) = s.strip_prefix("client:") {
            return crate::catalog::model::valid_id(name).then(|| Scope::Client(name.to_string()));
        }
        let id = s.strip_prefix("organisation:")?;
        crate::catalog::model::valid_id(id).then(|| Scope::Organisation(id.to_string()))
    }
    pub fn as_string(&self) -> String {
        match self {
            Scope::Admin => "admin".into(),
            Scope::Organisation(id) => format!("organisation:{id}"),
            Scope::Client(name) => format!("client:{name}"),
            Scope::Insight => "insight".into(),
        }
    }

    /// Requests a minute when the key sets none (0: no limit): an organisation's tools
    /// get the budget of one address, a machine client and the admin none.
    pub fn default_quota(&self) -> u32 {
        match self {
            Scope::Admin | Scope::Client(_) | Scope::Insight => 0,
            Scope::Organisation(_) => DEFAULT_ORGANISATION_QUOTA,
        }
    }
    /// May this key write a record that belongs to `organisation` (None = no owner)?
    pub fn may_write(&self, organisation: Option<&str>) -> bool {
        match self {
            Scope::Admin => true,
            Scope::Organisation(id) => organisation == Some(id.as_str()),
            Scope::Client(_) | Scope::Insight => false,
        }
    }
}

/// Requests a minute for an organisation's key that sets no quota of its own.
pub const DEFAULT_ORGANISATION_QUOTA: u32 = 600;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct KeyInfo {
    /// Public id of the key (first characters of its hash).
    pub id: String,
    pub scope: String,
    pub label: String,
    pub created_at: String,
    /// Requests a minute this key may make (0: no limit); absent: its scope's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
}

impl KeyInfo {
    /// The requests a minute that apply (0: no limit).
    pub fn quota(&self) -> u32 {
        self.quota.unwrap_or_else(|| {
            Scope::parse(&self.scope)
                .map(|s| s.default_quota())
                .unwrap_or(DEFAULT_ORGANISATION_QUOTA)
        })
    }
}

/// A valid key as a request presents it: what it may do, and the budget it has.
#[derive(Debug, Clone)]
pub struct Presented {
    pub id: String,
    pub scope: Scope,
    pub quota: u32,
}

pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn new_token() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    format!("ts_{}", hex::encode(b))
}

pub struct Keys {
    store: Store,
    admin_hash: Option<String>,
}

impl Keys {
    pub fn new(store: Store, admin_key: Option<&str>) -> Self {
        Self {
            store,
            admin_hash: admin_key.filter(|k| !k.is_empty()).map(hash),
        }
    }

    /// The scope of a presented key, if it is valid.
    pub fn verify(&self, token: &str) -> Option<Scope> {
        self.present(token).map(|p| p.scope)
    }

    /// A presented key with its id and quota, if it is valid.
    pub fn present(&self, token: &str) -> Option<Presented> {
        let h = hash(token);
        if self.admin_hash.as_deref() == Some(h.as_str()) {
            return Some(Presented {
                id: "admin".into(),
                scope: Scope::Admin,
                quota: 0,
            });
        }
        let v = self.store.keys().get(h.as_bytes()).ok()??;
        let info: KeyInfo = serde_json::from_slice(&v).ok()?;
        Some(Presented {
            quota: info.quota(),
            scope: Scope::parse(&info.scope)?,
            id: info.id,
        })
    }

    /// Creates a key and returns the token (shown once) and its info.
    pub async fn create(
        &self,
        scope: &Scope,
        label: &str,
        quota: Option<u32>,
    ) -> Result<(String, KeyInfo), sled::Error> {
        let (token, h, info) = mint(scope, label, quota);
        self.store
            .keys()
            .insert(h.as_bytes(), serde_json::to_vec(&info).expect("serialises"))?;
        self.store.keys().flush_async().await?;
        Ok((token, info))
    }

    pub fn list(&self) -> Vec<KeyInfo> {
        self.store
            .keys()
            .iter()
            .filter_map(|r| r.ok())
            .filter_map(|(_, v)| serde_json::from_slice(&v).ok())
            .collect()
    }

    pub async fn revoke(&self, id: &str) -> Result<bool, sled::Error> {
        let mut found = None;
        for r in self.store.keys().iter() {
            let (k, _) = r?;
            if k.starts_with(id.as_bytes()) && id.len() >= 8 {
                found = Some(k);
                break;
            }
        }
        match found {
            Some(k) => {
                self.store.keys().remove(k)?;
                self.store.keys().flush_async().await?;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// A new key: the token (shown once), the hash it is stored under, its info.
pub fn mint(scope: &Scope, label: &str, quota: Option<u32>) -> (String, String, KeyInfo) {
    let token = new_token();
    let h = hash(&token);
    let info = KeyInfo {
        id: h[..12].to_string(),
        scope: scope.as_string(),
        label: label.to_string(),
        created_at: now_rfc3339(),
        quota,
    };
    (token, h, info)
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
