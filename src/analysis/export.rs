//! Tables as CSV for download (customer lists, the page's result tables),
//! safe to open in a spreadsheet and read there as numbers.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! read by Excel, LibreOffice and Google Sheets as a formula, so a customer
//! "id" such as `=HYPERLINK(…)` in a dropped file could run when the list is
//! opened. Spreadsheets skip blanks before a formula, and a cell may hide
//! them (spaces, a line break, a no-break space, a byte-order mark, a
//! quote), so what counts is the first character after those. Such cells get
//! a leading apostrophe (OWASP's advice), and quoting follows RFC 4180.

use csv::WriterBuilder;

use crate::format::plain_number;
use crate::locale::Locale;

/// A text cell made safe against formula injection. A negative number
/// written as text (`-12.50`) stays as it is, so the sheet reads it as a
/// number.
///
/// ```
/// use retention_metrics::analysis::export::safe_cell;
/// assert_eq!(safe_cell("=1+1"), "'=1+1");
/// assert_eq!(safe_cell("anna@example.com"), "anna@example.com");
/// assert_eq!(safe_cell("-12.50"), "-12.50");
/// assert_eq!(safe_cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
/// assert_eq!(safe_cell("\u{feff} =1+1"), "'\u{feff} =1+1");
/// ```
pub fn safe_cell(text: &str) -> std::borrow::Cow<'_, str> {
    // What a spreadsheet passes over before it looks for a formula sign.
    let hidden = |c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '"' | '\'');
    let first = text.trim_start_matches(hidden);
    let is_number = {
        let digits = first.strip_prefix('-').unwrap_or(first);
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().filter(|&b| b == b'.').count() <= 1
    };
    // The full-width signs too: Excel in East Asian languages takes `＝` for `=`.
    let formula = !is_number && first.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']);
    if formula || text.starts_with(['\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words, ids, dates: written as they are, formulas defused.
    Text(String),
    /// A count, rate or ratio, at full precision.
    Number(f64),
    /// An amount of money, with two decimals (`12.50`).
    Money(f64),
    /// Nothing (a rate with no customers to work it out from).
    Empty,
}

/// How a spreadsheet in the reader's language expects CSV. Excel and
/// LibreOffice in a decimal-comma locale (Polish, Russian) split columns at
/// `;` and read `12,5` as a number; given `,` and `12.5` they put each row in
/// one cell or read dates. English gets `,` and `12.5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    delimiter: u8,
    decimal: char,
}

impl Sheet {
    /// The convention of `locale`'s spreadsheets.
    pub fn for_locale(locale: Locale) -> Sheet {
        let decimal = locale.decimal();
        Sheet { delimiter: if decimal == ',' { b';' } else { b',' }, decimal }
    }

    fn number(self, plain: String) -> String {
        if self.decimal == '.' {
            plain
        } else {
            plain.replace('.', &self.decimal.to_string())
        }
    }

    fn write(self, cell: &Cell) -> String {
        match cell {
            Cell::Text(text) => safe_cell(text).into_owned(),
            // Nine decimals keep every rate and ratio the page shows, exactly enough.
            Cell::Number(value) => self.number(plain_number(*value, 9, true)),
            Cell::Money(value) => self.number(plain_number(*value, 2, false)),
            Cell::Empty => String::new(),
        }
    }
}

/// Writes rows of cells (the first row is usually the header) as CSV text in
/// `sheet`'s convention, `\r\n` line ends, quotes where RFC 4180 needs them.
///
/// ```
/// use retention_metrics::analysis::export::{write_table, Cell, Sheet};
/// use retention_metrics::locale::Locale;
/// let rows = [vec![Cell::Text("Okres".into()), Cell::Text("Retencja (%)".into())],
///             vec![Cell::Text("2024-03".into()), Cell::Number(87.5)]];
/// assert_eq!(write_table(Sheet::for_locale(Locale::Pl), rows), "Okres;Retencja (%)\r\n2024-03;87,5\r\n");
/// ```
pub fn write_table(sheet: Sheet, rows: impl IntoIterator<Item = Vec<Cell>>) -> String {
    // Flexible: a row may be shorter than the header (a table's footer); without it the csv crate drops that row's line end.
    let mut writer = WriterBuilder::new()
        .flexible(true)
        .delimiter(sheet.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| sheet.write(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cell: &str) -> Cell {
        Cell::Text(cell.to_string())
    }

    #[test]
    fn formulas_are_defused_and_quotes_kept() {
        let rows = [
            vec![text("customer"), text("orders")],
            vec![text("=cmd|' /C calc'!A0"), Cell::Number(3.0)],
            vec![text("Smith, \"Al\""), Cell::Number(1.0)],
            vec![text("-5"), Cell::Number(-2.5)],
            vec![text("-x"), Cell::Empty],
        ];
        let text = write_table(Sheet::for_locale(Locale::En), rows);
        assert_eq!(text, "customer,orders\r\n'=cmd|' /C calc'!A0,3\r\n\"Smith, \"\"Al\"\"\",1\r\n-5,-2.5\r\n'-x,\r\n");
    }

    #[test]
    fn formulas_behind_blanks_quotes_and_marks_are_defused() {
        for hidden in [" ", "   ", "\n", "\r\n", "\"", "'", "\u{a0}", "\u{feff}", "\u{200b}", " \u{a0}\n\""] {
            for sign in ["=", "+", "-", "@"] {
                let cell = format!("{hidden}{sign}HYPERLINK(\"http://x\")");
                assert_eq!(safe_cell(&cell), format!("'{cell}"), "{cell:?}");
            }
        }
        assert_eq!(safe_cell("＝1+1"), "'＝1+1");
        assert_eq!(safe_cell("\tabc"), "'\tabc", "a leading tab, as before");
        for number in ["-5", "-12.50", " -5", "\u{a0}-3.5"] {
            assert_eq!(safe_cell(number), number, "{number:?} is a number");
        }
        for plain in [" anna", "\"Smith\"", "a=b", "'quoted'", "", " "] {
            assert_eq!(safe_cell(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn rows_of_any_length_each_end_their_line() {
        let rows =
            [vec![text("a"), text("b")], vec![Cell::Number(1.0), Cell::Number(2.0), Cell::Empty], vec![text("c")]];
        assert_eq!(write_table(Sheet::for_locale(Locale::En), rows), "a,b\r\n1,2,\r\nc\r\n");
    }

    #[test]
    fn numbers_follow_the_readers_spreadsheet() {
        let row = || {
            vec![vec![
                Cell::Number(1234.5),
                Cell::Money(7.0),
                Cell::Number(f64::NAN),
                Cell::Number(-0.0),
                Cell::Number(1e12),
                text("a;b"),
            ]]
        };
        assert_eq!(write_table(Sheet::for_locale(Locale::En), row()), "1234.5,7.00,,0,1000000000000,a;b\r\n");
        assert_eq!(write_table(Sheet::for_locale(Locale::Ru), row()), "1234,5;7,00;;0;1000000000000;\"a;b\"\r\n");
    }

    #[test]
    fn numbers_of_any_size_keep_their_digits() {
        let row = vec![vec![
            Cell::Number(1e20),
            Cell::Number(3.5e29),
            Cell::Money(-3.5e29),
            Cell::Number(1e300),
            Cell::Money(-0.0),
            Cell::Money(f64::INFINITY),
        ]];
        let zeros = |n| "0".repeat(n);
        let expected = format!("1{};35{};-35{};1{};0,00;\r\n", zeros(20), zeros(28), zeros(28), zeros(300));
        assert_eq!(write_table(Sheet::for_locale(Locale::Pl), row), expected);
    }
}
