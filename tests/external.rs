//! The tests that drive the real server from outside with tools of their own: Schemathesis
//! (PyPI) against the served OpenAPI document, and the web pages in Debian's Chromium with
//! axe-core (npm). They are part of `cargo test` so that the one test command runs
//! everything; the scripts install what they need (a venv, `apt-get install chromium`,
//! `npm ci` from the committed lock file) and use the binary this build made.
use std::process::Command;
use std::sync::Mutex;

/// One at a time: each starts a server and keeps both cores busy.
static SERIAL: Mutex<()> = Mutex::new(());

fn run_script(script: &str, args: &[&str]) {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let out = Command::new("bash")
        .arg(script)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TALENTSCAN_BIN", env!("CARGO_BIN_EXE_talentscan"))
        .env("ST_PORT", port.to_string())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tail = |s: &str| {
        s.lines()
            .rev()
            .take(60)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n")
    };
    println!("{}", tail(&stdout));
    assert!(
        out.status.success(),
        "{script} failed ({}):\n{}\n--- stderr ---\n{}",
        out.status,
        tail(&stdout),
        tail(&stderr)
    );
}

/// Every operation of the served OpenAPI document, 20 examples each, four conformance
/// checks (not_a_server_error, status codes, content types, response schemas): zero failures.
#[test]
fn schemathesis_finds_no_failure_in_any_operation() {
    run_script("tools/schemathesis.sh", &["20"]);
}

/// A resident's scan, the desk view, keyboard use, the language switch and axe-core on
/// every page, in a real Chromium (tests/browser/e2e.mjs); screenshots in target/screenshots.
#[test]
fn the_web_pages_work_in_a_real_browser() {
    run_script("tools/browser-tests.sh", &[]);
}

/// The Dockerfile and the Kubernetes manifests under `deploy/`: yamllint and checkov
/// (PyPI), zero failed checks (skips are named in the files with their reasons).
#[test]
fn the_container_image_and_the_manifests_pass_yamllint_and_checkov() {
    run_script("tools/deploy-check.sh", &[]);
}
