//! Registers every language file in `src/locales/`, so that adding a
//! language is adding a file: `LANGUAGES` lists each `<tag>.txt` by tag.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=src/locales");
    let mut tags: Vec<String> = fs::read_dir("src/locales")
        .expect("src/locales exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "txt").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    tags.sort();
    let entries: String = tags
        .iter()
        .map(|tag| format!("    (\"{tag}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/locales/{tag}.txt\"))),\n"))
        .collect();
    let code = format!("/// Every language file, by tag, in tag order.\npub const LANGUAGES: &[(&str, &str)] = &[\n{entries}];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("languages.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
