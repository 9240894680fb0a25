//! Turning the bytes of a dropped file into text.
//!
//! Files come from tills, loyalty apps and spreadsheets: UTF-8 with or
//! without a byte-order mark, UTF-16 from Excel's "Unicode text", and the
//! Windows code pages of Polish (1250) and Russian (1251) Excel. Valid UTF-8
//! is borrowed as it is; anything else is decoded once into a `String`.

use std::borrow::Cow;

use serde::Serialize;

use super::codepages::{decode_single_byte, decode_utf16, WINDOWS_1250, WINDOWS_1251};
use crate::error::{ErrorCode, FieldError};
use crate::locale::Locale;
use crate::text::field_error;

/// The character encoding a file was read in, reported back to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-16 little-endian (with its byte-order mark).
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    /// UTF-16 big-endian (with its byte-order mark).
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    /// Central European Windows code page (Polish Excel).
    #[serde(rename = "windows-1250")]
    Windows1250,
    /// Cyrillic Windows code page (Russian Excel).
    #[serde(rename = "windows-1251")]
    Windows1251,
}

/// Whether the bytes are not text at all (an image, a spreadsheet's binary
/// format): a zero byte in the first 8 KB of a file without a UTF-16 mark.
pub fn looks_binary(bytes: &[u8]) -> bool {
    !(bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) && bytes.iter().take(8192).any(|&b| b == 0)
}

/// The file as text, and the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (decode_utf16(rest, true).into(), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (decode_utf16(rest, false).into(), Encoding::Utf16Be);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), Encoding::Utf8);
    }
    if looks_cyrillic(bytes) {
        (decode_single_byte(bytes, &WINDOWS_1251).into(), Encoding::Windows1251)
    } else {
        (decode_single_byte(bytes, &WINDOWS_1250).into(), Encoding::Windows1250)
    }
}

/// The file as text for an analysis, or the one message for a file that is
/// not text (an image, an .xlsx) or holds nothing but blanks.
pub fn text_of(bytes: &[u8], lang: Locale) -> Result<(Cow<'_, str>, Encoding), FieldError> {
    if looks_binary(bytes) {
        return Err(field_error(lang, "file", ErrorCode::NotText, "data.error.not_text", &[]));
    }
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(field_error(lang, "file", ErrorCode::NoData, "data.error.empty", &[]));
    }
    Ok((text, encoding))
}

/// Whether non-ASCII bytes read as Russian rather than Polish.
///
/// First by alphabet: each code page is scored by how many high bytes
/// decode to letters of its language (Polish letters with diacritics in
/// 1250, Russian letters in 1251). `ł`, `ą`, `ż`, `ś`, `ź` sit where 1251
/// has no Russian letter, and most Russian letters where 1250 has no Polish
/// one, so real text rarely ties. On a tie (text made only of letters both
/// pages share), by shape: Russian letters come in runs (`Клиент`), Polish
/// ones mostly sit between ASCII letters (`zamówienie`).
fn looks_cyrillic(bytes: &[u8]) -> bool {
    let polish = bytes
        .iter()
        .filter(|&&b| b >= 0x80 && "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(WINDOWS_1250[usize::from(b - 0x80)]))
        .count();
    let russian = bytes
        .iter()
        .filter(|&&b| b >= 0x80 && matches!(WINDOWS_1251[usize::from(b - 0x80)], 'А'..='я' | 'Ё' | 'ё'))
        .count();
    if polish != russian {
        return russian > polish;
    }
    runs_of_high_bytes(bytes)
}

/// Whether high bytes mostly come in runs rather than between ASCII letters.
fn runs_of_high_bytes(bytes: &[u8]) -> bool {
    let (mut in_runs, mut beside_ascii) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        if before.is_some_and(|c| c >= 0x80) || after.is_some_and(|c| c >= 0x80) {
            in_runs += 1;
        } else if before.is_some_and(|c| c.is_ascii_alphabetic()) || after.is_some_and(|c| c.is_ascii_alphabetic()) {
            beside_ascii += 1;
        }
    }
    in_runs > beside_ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_its_mark_dropped() {
        let (text, encoding) = decode("klient;kwota\n".as_bytes());
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(encoding, Encoding::Utf8);
        let (text, _) = decode(b"\xEF\xBB\xBFdate\n");
        assert_eq!(text, "date\n");
    }

    #[test]
    fn polish_excel_reads_as_windows_1250() {
        // "Kwota zł;Zamówienie" in windows-1250.
        let bytes = b"Kwota z\xB3;Zam\xF3wienie\n12,50 z\xB3;1\n";
        let (text, encoding) = decode(bytes);
        assert_eq!(encoding, Encoding::Windows1250);
        assert_eq!(text, "Kwota zł;Zamówienie\n12,50 zł;1\n");
    }

    #[test]
    fn polish_names_with_several_accents_in_a_row_stay_polish() {
        let bytes =
            "Klient;Kwota\nZofia Żółć;12,50 zł\n"
                .chars()
                .map(|c| {
                    if c.is_ascii() {
                        c as u8
                    } else {
                        0x80 + WINDOWS_1250.iter().position(|&t| t == c).unwrap() as u8
                    }
                })
                .collect::<Vec<u8>>();
        let (text, encoding) = decode(&bytes);
        assert_eq!(encoding, Encoding::Windows1250);
        assert!(text.contains("Żółć") && text.contains("zł"));
    }

    #[test]
    fn binary_files_are_told_apart() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary("klient;kwota\n".as_bytes()));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("a\tb".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(!looks_binary(&utf16));
    }

    #[test]
    fn russian_excel_reads_as_windows_1251() {
        // "Клиент;Сумма" in windows-1251.
        let bytes = b"\xCA\xEB\xE8\xE5\xED\xF2;\xD1\xF3\xEC\xEC\xE0\n";
        let (text, encoding) = decode(bytes);
        assert_eq!(encoding, Encoding::Windows1251);
        assert_eq!(text, "Клиент;Сумма\n");
    }

    #[test]
    fn utf16_from_excel_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "a\tb\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes), (Cow::Owned("a\tb\n".to_string()), Encoding::Utf16Le));
    }
}
