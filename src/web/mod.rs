//! The resident's Talent Scan page, the Servicepunt XL desk view, the organisations' page and the accessibility
//! statement, served from the same binary. The files live in `src/web/static/` and are
//! embedded at build time (see `build.rs`): no CDN, no fonts, nothing fetched at run time.
//! The pages only call the public `/v1` API, like any other front-end.
use std::path::PathBuf;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};

mod assets {
    include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));
}

/// Pages may only load what this server serves; scripts and styles come from files, never
/// inline, so an injected string cannot run.
const PAGE_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Where the web files come from: embedded, or (for front-end development without a
/// rebuild) a directory given with `--web-dir` / `TALENTSCAN_WEB_DIR`.
#[derive(Clone, Debug, Default)]
pub struct WebFiles {
    pub dir: Option<PathBuf>,
    /// How long stored scans and responses are kept (`--retention-days`): the consent
    /// texts name it, so the pages take it from the server instead of a fixed number.
    pub retention_days: u32,
}

/// Where a page names the retention period (a `<meta>` its scripts read).
const RETENTION_PLACEHOLDER: &str = "{{retention_days}}";

impl WebFiles {
    fn get(&self, name: &str) -> Option<Vec<u8>> {
        if name
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
        {
            return None;
        }
        if let Some(d) = &self.dir {
            return std::fs::read(d.join(name)).ok();
        }
        assets::ASSETS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.to_vec())
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        _ => "text/plain; charset=utf-8",
    }
}

fn respond(files: &WebFiles, name: &str, page: bool) -> HttpResponse {
    match files.get(name) {
        Some(body) => {
            let mut r = HttpResponse::Ok();
            r.insert_header((header::CONTENT_TYPE, content_type(name)));
            if page {
                r.insert_header((
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(PAGE_CSP),
                ));
                r.insert_header((header::CACHE_CONTROL, "no-cache"));
                if let Ok(text) = std::str::from_utf8(&body) {
                    if text.contains(RETENTION_PLACEHOLDER) {
                        let days = files.retention_days.to_string();
                        return r.body(text.replace(RETENTION_PLACEHOLDER, &days));
                    }
                }
            } else {
                // No version in the file names: revalidate so a deploy never mixes old and new files.
                r.insert_header((header::CACHE_CONTROL, "no-cache"));
            }
            r.body(body)
        }
        None => HttpResponse::NotFound().finish(),
    }
}

async fn page(req: HttpRequest, files: web::Data<WebFiles>) -> HttpResponse {
    let name = match req.path() {
        "/" => "index.html",
        "/balie" => "balie.html",
        "/organisatie" => "organisatie.html",
        "/inzicht" => "inzicht.html",
        "/toegankelijkheid" => "toegankelijkheid.html",
        _ => return HttpResponse::NotFound().finish(),
    };
    respond(&files, name, true)
}

/// The generalised CBS wijk shapes for the map on `/inzicht` (`data/reference/`, with their
/// source inside).
async fn wijk_shapes() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/geo+json"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(include_str!("../../data/reference/denhaag-wijken.geojson"))
}

async fn asset(path: web::Path<String>, files: web::Data<WebFiles>) -> HttpResponse {
    let name = path.into_inner();
    if name.ends_with(".html") {
        return HttpResponse::NotFound().finish();
    }
    respond(&files, &name, false)
}

/// Registers `/`, `/balie`, `/organisatie`, `/inzicht`, `/toegankelijkheid` and `/assets/…`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    for p in [
        "/",
        "/balie",
        "/organisatie",
        "/inzicht",
        "/toegankelijkheid",
    ] {
        cfg.service(web::resource(p).route(web::get().to(page)));
    }
    cfg.service(
        web::resource("/assets/data/denhaag-wijken.geojson").route(web::get().to(wijk_shapes)),
    );
    cfg.service(web::resource("/assets/{name:.+}").route(web::get().to(asset)));
}
