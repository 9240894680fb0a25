//! Customer lists as CSV for download, safe to open in a spreadsheet.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! read by Excel, LibreOffice and Google Sheets as a formula, so a customer
//! "id" such as `=HYPERLINK(…)` in a dropped file could run when the list is
//! opened. Such cells get a leading apostrophe (OWASP's advice), and quoting
//! follows RFC 4180.

use csv::WriterBuilder;

/// A text cell made safe against formula injection.
///
/// ```
/// use retention_metrics::analysis::export::safe_cell;
/// assert_eq!(safe_cell("=1+1"), "'=1+1");
/// assert_eq!(safe_cell("anna@example.com"), "anna@example.com");
/// assert_eq!(safe_cell("-12.50"), "-12.50");
/// assert_eq!(safe_cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
/// ```
pub fn safe_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let plain_number = {
        let digits = text.strip_prefix('-').unwrap_or(text);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') && digits.bytes().filter(|&b| b == b'.').count() <= 1
    };
    if !plain_number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Writes a header and rows of cells as CSV text (comma, `\r\n`, quotes
/// where needed), every cell through [`safe_cell`].
pub fn write_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| safe_cell(cell).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quotes_kept() {
        let text = write_csv(
            &["customer", "orders"],
            [vec!["=cmd|' /C calc'!A0".to_string(), "3".into()], vec!["Smith, \"Al\"".into(), "1".into()], vec!["-5".into(), "-2.5".into()], vec!["-x".into(), "0".into()]]
                .into_iter(),
        );
        assert_eq!(text, "customer,orders\r\n'=cmd|' /C calc'!A0,3\r\n\"Smith, \"\"Al\"\"\",1\r\n-5,-2.5\r\n'-x,0\r\n");
    }
}
