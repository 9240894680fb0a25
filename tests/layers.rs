//! The engine's modules depend on each other one way only: each may use
//! the modules listed before it in [`ORDER`] and none after it, so no module
//! imports one that imports it back. The test reads the sources, so a new
//! module has to be given its place here, and an import against the order
//! fails with the file and the module it reached for.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Every module, leaves first (README, "Layout").
const ORDER: &[&str] = &[
    "error",
    "locale",
    "calendar",
    "text",
    "reference",
    "metric",
    "format",
    "predict::optimize",
    "predict::sbg",
    "metrics",
    "metrics::cost",
    "metrics::loyalty",
    "metrics::retention",
    "metrics::satisfaction",
    "metrics::value",
    "metrics::subscription",
    "catalog",
    "benchmark",
    "ingest",
    "ingest::codepages",
    "ingest::intern",
    "ingest::number",
    "ingest::duration",
    "ingest::options",
    "ingest::skips",
    "ingest::decode",
    "ingest::columns",
    "ingest::currency",
    "ingest::status",
    "ingest::date",
    "ingest::table",
    "ingest::headers",
    "ingest::log",
    "ingest::preview",
    "compute",
    "whatif",
    "analysis::export",
    "analysis::ledger",
    "analysis::cohorts",
    "analysis::periods",
    "analysis::segments",
    "analysis::totals",
    "analysis::survey",
    "analysis::costs",
    "analysis::subscriptions",
    "analysis::billing",
    "analysis",
    "predict::special",
    "predict",
    "predict::bgnbd",
    "predict::gamma_gamma",
    "predict::projection",
    "predict::value",
    "predict::summary",
    "predict::input",
    "predict::customers",
    "sample",
    "sample::billing",
    "wasm",
    "lib",
];

/// The module a source file is (`src/ingest/log.rs` → `ingest::log`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").unwrap().with_extension("");
    let name = relative.to_string_lossy().replace('/', "::");
    name.strip_suffix("::mod").map(str::to_string).unwrap_or(name)
}

/// The code of a file without comments and without its unit tests.
fn code_of(source: &str) -> String {
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    source.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The modules a file's code names: `crate::a::b`, `super::b`, and in a
/// `mod.rs` its own children by their bare names.
fn uses(module: &str, code: &str) -> Vec<String> {
    let known = |name: &str| ORDER.contains(&name);
    let parent = module.split("::").next().unwrap_or_default();
    let mut found = Vec::new();
    let words: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).collect();
    for word in words {
        let parts: Vec<&str> = word.split("::").filter(|p| !p.is_empty()).collect();
        let named = match parts.as_slice() {
            ["crate", top, next, ..] if known(&format!("{top}::{next}")) => format!("{top}::{next}"),
            ["crate", top, ..] => top.to_string(),
            ["super", next, ..] if module.contains("::") && known(&format!("{parent}::{next}")) => {
                format!("{parent}::{next}")
            }
            ["super", ..] if module.contains("::") => parent.to_string(),
            [child, ..] if word.contains("::") && !module.contains("::") && known(&format!("{module}::{child}")) => {
                format!("{module}::{child}")
            }
            _ => continue,
        };
        if named != module && !found.contains(&named) {
            found.push(named);
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_depend_on_earlier_modules_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root).unwrap();
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let module = module_of(file);
        let Some(place) = ORDER.iter().position(|m| *m == module) else {
            problems.push(format!("{}: module `{module}` has no place in ORDER", file.display()));
            continue;
        };
        for used in uses(&module, &code_of(&fs::read_to_string(file).unwrap())) {
            match ORDER.iter().position(|m| *m == used) {
                Some(at) if at < place => {}
                Some(_) => problems.push(format!("{}: `{module}` uses `{used}`, which comes after it", file.display())),
                None => {
                    problems.push(format!("{}: `{module}` uses `{used}`, which has no place in ORDER", file.display()))
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_each_kind_of_path() {
    let code = "use crate::ingest::log::Order;\nuse super::ledger::Ledger;\nlet x = crate::calendar::Day(1);";
    assert_eq!(uses("analysis::totals", code), ["ingest::log", "analysis::ledger", "calendar"]);
    assert_eq!(uses("analysis", "use cohorts::{cohort_table};"), ["analysis::cohorts"]);
    assert_eq!(code_of("use a; // crate::wasm\n#[cfg(test)]\nuse crate::wasm;"), "use a; ");
}
