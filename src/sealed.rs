//! Stored scans sealed under a key the service does not keep.
//!
//! A resident who keeps their answers gets a scan id that carries a secret: 128 random
//! bits, written as 32 hexadecimal characters. The store never sees the id. It keeps the
//! record under a one-way lookup hash of the id, and the answers sealed with
//! ChaCha20-Poly1305 under a key derived from the id with HKDF-SHA256. Whoever holds the id
//! can find and open the record; without it the bytes on disk — and every old copy a
//! log-structured store, a write-ahead log or a backup keeps of them — cannot be read.
//! Erasing or expiring a record deletes its ciphertext, and with it the last way to read
//! the answers anywhere, because the key was never stored.
//!
//! What this does not protect against: a running server that is handed the id can read
//! the record (that is how the resident and the desk use it), and someone who can watch a
//! running server's memory or its requests sees what passes through. The expiry time is
//! kept in clear so the retention purge can run without any key.
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Random bytes in a scan id: 128 bits, so ids can be neither guessed nor enumerated.
pub const ID_BYTES: usize = 16;

const LOOKUP_DOMAIN: &[u8] = b"talentscan/scan/lookup/v1";
const KEY_SALT: &[u8] = b"talentscan/scan/key/v1";

/// A scan id as the resident holds it. Parsing accepts what people write down: capitals,
/// spaces and dashes (ids handed out before sealing were UUIDs, which are 32 hex digits
/// with dashes, and keep working).
#[derive(Clone, PartialEq, Eq)]
pub struct ScanId(String);

impl std::fmt::Debug for ScanId {
    /// Never prints the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ScanId(…)")
    }
}

/// A sealed record as it is stored: the expiry in clear for the purge, the rest sealed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SealedRecord {
    /// Format version of the sealing.
    pub sealed: u32,
    /// RFC 3339; the retention purge reads it without a key.
    pub expires_at: String,
    /// Hex of the 12-byte nonce.
    pub nonce: String,
    /// Hex of the ciphertext with its 16-byte tag.
    pub data: String,
}

impl SealedRecord {
    /// Whether the record has expired at `now`. The expiry is compared as a point in
    /// time, never as text; one that cannot be read counts as expired.
    pub fn expired(&self, now: time::OffsetDateTime) -> bool {
        expired(&self.expires_at, now)
    }
}

/// Whether an RFC 3339 expiry lies before `now`; an unreadable one has expired.
pub fn expired(expires_at: &str, now: time::OffsetDateTime) -> bool {
    time::OffsetDateTime::parse(expires_at, &time::format_description::well_known::Rfc3339)
        .map_or(true, |e| e < now)
}

/// Whether a stored JSON document's `expires_at` lies before `now`; a document that cannot
/// be read, or has no expiry, has expired (the purge errs on the side of erasing).
pub fn doc_expired(doc: &[u8], now: time::OffsetDateTime) -> bool {
    serde_json::from_slice::<serde_json::Value>(doc)
        .ok()
        .and_then(|d| d.get("expires_at")?.as_str().map(|e| expired(e, now)))
        .unwrap_or(true)
}

/// A fresh random id (128 bits, hex), for match ids, response ids and erase tokens:
/// nothing about the resident can be derived from it.
pub fn random_id() -> String {
    let mut b = [0u8; ID_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// Whether `s` could be an id `random_id` handed out.
pub fn valid_random_id(s: &str) -> bool {
    s.len() == 2 * ID_BYTES && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl ScanId {
    /// A fresh id from the operating system's random source.
    pub fn generate() -> Self {
        let mut b = [0u8; ID_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut b);
        ScanId(hex::encode(b))
    }

    /// `None` for anything that is not 32 hexadecimal digits once spaces and dashes are
    /// left out: such an id can never have been handed out.
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() > 64 {
            return None;
        }
        let c: String = s
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        (c.len() == 2 * ID_BYTES && c.bytes().all(|b| b.is_ascii_hexdigit())).then_some(ScanId(c))
    }

    /// The id as handed to the resident.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the record is stored: a one-way hash of the id, so the store's keys do not
    /// reveal the ids.
    pub fn lookup(&self) -> String {
        let mut h = Sha256::new();
        h.update(LOOKUP_DOMAIN);
        h.update(self.0.as_bytes());
        hex::encode(h.finalize())
    }

    fn cipher(&self) -> ChaCha20Poly1305 {
        let hk = Hkdf::<Sha256>::new(Some(KEY_SALT), self.0.as_bytes());
        let mut key = [0u8; 32];
        hk.expand(b"answers", &mut key)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        ChaCha20Poly1305::new(Key::from_slice(&key))
    }

    /// Seals `plain` for this id. The lookup hash is bound in as associated data, so a
    /// record moved under another id does not open.
    pub fn seal(&self, plain: &[u8], expires_at: &str) -> SealedRecord {
        let mut nonce = [0u8; 12];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let lookup = self.lookup();
        let data = self
            .cipher()
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: lookup.as_bytes(),
                },
            )
            .expect("ChaCha20-Poly1305 encryption of a bounded message cannot fail");
        SealedRecord {
            sealed: 1,
            expires_at: expires_at.to_string(),
            nonce: hex::encode(nonce),
            data: hex::encode(data),
        }
    }

    /// The plain bytes, or `None` when the record was not sealed for this id or was
    /// altered.
    pub fn open(&self, r: &SealedRecord) -> Option<Vec<u8>> {
        let nonce = hex::decode(&r.nonce).ok().filter(|n| n.len() == 12)?;
        let data = hex::decode(&r.data).ok()?;
        let lookup = self.lookup();
        self.cipher()
            .decrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &data,
                    aad: lookup.as_bytes(),
                },
            )
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_record_opens_only_with_its_id() {
        let id = ScanId::generate();
        assert_eq!(id.as_str().len(), 32);
        let r = id.seal(b"Ik kook graag MARKER", "2027-01-01T00:00:00Z");
        assert!(!r.data.contains(&hex::encode(b"MARKER")));
        assert_eq!(id.open(&r).as_deref(), Some(&b"Ik kook graag MARKER"[..]));
        let other = ScanId::generate();
        assert_eq!(other.open(&r), None);
        let mut altered = r.clone();
        altered
            .data
            .replace_range(0..2, if &r.data[0..2] == "00" { "01" } else { "00" });
        assert_eq!(id.open(&altered), None);
    }

    #[test]
    fn expiry_is_a_point_in_time() {
        let now = time::macros::datetime!(2026-12-01 12:00 UTC);
        // 12:30 in Amsterdam is 11:30 UTC: expired, though "12:30" sorts after "12:00".
        assert!(expired("2026-12-01T12:30:00+01:00", now));
        assert!(!expired(
            "2026-12-01T12:30:00+01:00",
            now - time::Duration::hours(1)
        ));
        assert!(!expired("2026-12-01T12:00:00.5Z", now));
        assert!(expired("not a date", now));
    }

    #[test]
    fn ids_parse_as_people_write_them() {
        let id = ScanId::generate();
        let spaced: String = id
            .as_str()
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap().to_uppercase())
            .collect::<Vec<_>>()
            .join(" - ");
        assert_eq!(ScanId::parse(&spaced), Some(id.clone()));
        assert_eq!(
            ScanId::parse("3f2b8c1e-0d4a-4e5f-9a6b-7c8d9e0f1a2b").map(|i| i.lookup()),
            ScanId::parse("3f2b8c1e0d4a4e5f9a6b7c8d9e0f1a2b").map(|i| i.lookup())
        );
        for bad in [
            "",
            "abc",
            "zz2b8c1e0d4a4e5f9a6b7c8d9e0f1a2b",
            &"a".repeat(33),
        ] {
            assert_eq!(ScanId::parse(bad), None, "{bad}");
        }
        assert_ne!(id.lookup(), id.as_str());
    }
}
