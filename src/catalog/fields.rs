//! Reading a JSON object field by field so that one request reports **every** problem,
//! each with its JSON pointer, instead of stopping at the first like a derived
//! `Deserialize` does.
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// One problem in a request body, located by an RFC 6901 JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct FieldError {
    pub pointer: String,
    pub message: String,
}

impl FieldError {
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

pub fn escape(seg: &str) -> String {
    seg.replace('~', "~0").replace('/', "~1")
}

pub struct Fields<'a> {
    obj: Option<&'a Map<String, Value>>,
    base: String,
    pub errors: Vec<FieldError>,
}

impl<'a> Fields<'a> {
    /// `base` is the pointer of the object itself ("" for the document root).
    pub fn new(v: &'a Value, base: &str) -> Self {
        let mut f = Self {
            obj: v.as_object(),
            base: base.to_string(),
            errors: Vec::new(),
        };
        if f.obj.is_none() {
            f.errors
                .push(FieldError::new(base, "must be a JSON object"));
        }
        f
    }

    pub fn is_object(&self) -> bool {
        self.obj.is_some()
    }

    pub fn pointer(&self, name: &str) -> String {
        format!("{}/{}", self.base, escape(name))
    }

    pub fn raw(&self, name: &str) -> Option<&'a Value> {
        self.obj?.get(name).filter(|v| !v.is_null())
    }

    pub fn err(&mut self, name: &str, msg: impl Into<String>) {
        let p = self.pointer(name);
        self.errors.push(FieldError::new(p, msg));
    }

    pub fn err_at(&mut self, pointer: String, msg: impl Into<String>) {
        self.errors.push(FieldError::new(pointer, msg));
    }

    /// A field that may be absent or null.
    pub fn opt<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let v = self.raw(name)?;
        match serde_path_to_error::deserialize::<_, T>(v) {
            Ok(t) => Some(t),
            Err(e) => {
                let inner = inner_pointer(e.path());
                let p = format!("{}{}", self.pointer(name), inner);
                let msg = e.into_inner().to_string();
                self.errors.push(FieldError::new(p, msg));
                None
            }
        }
    }

    /// A field with a default when absent.
    pub fn or_default<T: DeserializeOwned + Default>(&mut self, name: &str) -> T {
        self.opt(name).unwrap_or_default()
    }

    /// A field that must be present.
    pub fn req<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        if self.obj.is_some() && self.raw(name).is_none() {
            self.err(name, "is required");
            return None;
        }
        self.opt(name)
    }

    pub fn finish(self) -> Vec<FieldError> {
        self.errors
    }
}

/// Converts serde_path_to_error's path into a JSON pointer suffix.
pub fn inner_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => s.push_str(&format!("/{index}")),
            Segment::Map { key } => s.push_str(&format!("/{}", escape(key))),
            Segment::Enum { variant } => s.push_str(&format!("/{}", escape(variant))),
            Segment::Unknown => {}
        }
    }
    s
}
