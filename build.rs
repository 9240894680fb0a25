//! Registers every language file in `src/locales/`: `LANGUAGES` lists each
//! `<tag>.txt` by tag, so a language's words need no code to be found (its
//! number formats and plural rule do: see `src/text.rs`).
//!
//! A file may ask for one typographic rule of its language with the line
//! `#! keep-with-next: a i o u w z`: each of those one-letter words is then
//! joined to the word after it by a no-break space, so no line ends with a
//! lone "w" or "в" (Polish and Russian typesetting forbid it). The rule is
//! applied here, once, so translators write ordinary spaces and the engine
//! still borrows every text from the binary.

use std::{env, fs, path::Path};

const DIRECTIVE: &str = "#! keep-with-next:";

/// `text` with a no-break space after each word of `short` that stands alone
/// (after the start, a space or an opening bracket or quote) and is followed by a space.
fn keep_with_next(text: &str, short: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        let starts_word = previous.is_none_or(|p| p.is_whitespace() || "(„«\"'".contains(p));
        if starts_word && chars.peek() == Some(&' ') && short.iter().any(|word| word.chars().eq(std::iter::once(c))) {
            chars.next();
            out.push('\u{a0}');
            previous = Some('\u{a0}');
            continue;
        }
        previous = Some(c);
    }
    out
}

/// The file as the engine will read it: the texts of `key = text` lines with the file's rule applied.
fn typeset(source: &str) -> String {
    let short: Vec<&str> = source
        .lines()
        .find_map(|line| line.strip_prefix(DIRECTIVE))
        .map(|words| words.split_whitespace().collect())
        .unwrap_or_default();
    source
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some((key, text)) if !short.is_empty() && !line.starts_with('#') => {
                format!("{key} = {}\n", keep_with_next(text, &short))
            }
            _ => format!("{line}\n"),
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=src/locales");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let mut tags: Vec<String> = fs::read_dir("src/locales")
        .expect("src/locales exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "txt").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    tags.sort();
    for tag in &tags {
        println!("cargo:rerun-if-changed=src/locales/{tag}.txt");
        let source = fs::read_to_string(format!("src/locales/{tag}.txt")).expect("a language file is UTF-8 text");
        fs::write(out.join(format!("{tag}.txt")), typeset(&source)).expect("OUT_DIR is writable");
    }
    let entries: String = tags
        .iter()
        .map(|tag| format!("    (\"{tag}\", include_str!(concat!(env!(\"OUT_DIR\"), \"/{tag}.txt\"))),\n"))
        .collect();
    let code = format!("/// Every language file, by tag, in tag order, typeset by build.rs.\npub const LANGUAGES: &[(&str, &str)] = &[\n{entries}];\n");
    fs::write(out.join("languages.rs"), code).expect("OUT_DIR is writable");
}
