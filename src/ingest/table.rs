//! A delimited table: which delimiter, whether the first row is a header,
//! and a reader over the data rows.
//!
//! Parsing is RFC 4180 (quoted fields may hold delimiters, quotes and line
//! breaks) by the `csv` crate, reading byte records into one reused buffer:
//! no allocation per row. The delimiter is sniffed from the start of the
//! file: the candidate that splits the first rows into the same number of
//! fields (more than one) most consistently wins.

use csv::{ByteRecord, Reader, ReaderBuilder};
use serde::Serialize;

use super::date::read_date;
use super::number::read_number;
use crate::locale::Locale;
use crate::text::Texts;

/// The delimiters people's exports use, in the order ties are settled.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How much of the file the sniffer looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// How many records the sniffer compares.
const SNIFF_RECORDS: usize = 50;

/// What was worked out about a table before reading its rows.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// The field delimiter (`","`, `";"`, `"\t"`, `"|"`).
    #[serde(serialize_with = "as_text")]
    pub delimiter: u8,
    /// The header's cells, trimmed, when the first row is a header.
    pub header: Option<Vec<String>>,
    /// The number of fields in a typical row.
    pub width: usize,
}

fn as_text<S: serde::Serializer>(byte: &u8, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&char::from(*byte).to_string())
}

impl Layout {
    /// Sniffs the delimiter and the header from the start of `text`.
    ///
    /// ```
    /// use retention_metrics::ingest::table::Layout;
    /// let layout = Layout::sniff("Klient;Data;Kwota\nAnna;01.03.2024;12,50\n");
    /// assert_eq!(layout.delimiter, b';');
    /// assert_eq!(layout.header.unwrap(), ["Klient", "Data", "Kwota"]);
    /// ```
    pub fn sniff(text: &str) -> Layout {
        let sample = &text.as_bytes()[..text.len().min(SNIFF_BYTES)];
        let (delimiter, width) = DELIMITERS
            .iter()
            .map(|&d| (d, consistency(sample, d)))
            .filter(|(_, (width, _))| *width > 1)
            .max_by(|(_, (wa, sa)), (_, (wb, sb))| sa.cmp(sb).then(wa.cmp(wb)).then(std::cmp::Ordering::Greater))
            .map(|(d, (width, _))| (d, width))
            .unwrap_or((b',', 1));
        let mut record = ByteRecord::new();
        let mut reader = reader(text, delimiter);
        let header = loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) if is_blank(&record) => continue,
                Ok(true) => break looks_like_header(&record).then(|| cells(&record)),
                _ => break None,
            }
        };
        Layout { delimiter, header, width }
    }

    /// The decimal separator of a column of amounts, from the first rows that
    /// show it (`12,50`, `1.234,56`, `7.5`); when none does, a
    /// semicolon-delimited file (as European Excel writes) uses the comma.
    pub fn decimal_separator(&self, text: &str, column: usize) -> char {
        let mut reader = self.rows(text);
        let mut record = ByteRecord::new();
        let (mut comma, mut dot) = (0, 0);
        for _ in 0..2000 {
            if reader.next_into(&mut record).is_none() {
                break;
            }
            match decimal_shown(field(&record, column)) {
                Some(',') => comma += 1,
                Some(_) => dot += 1,
                None => {}
            }
        }
        if comma > dot || (comma == dot && self.delimiter == b';') {
            ','
        } else {
            '.'
        }
    }

    /// A column's header, or "column 3" in the reader's language.
    pub fn column_name(&self, index: usize, lang: Locale) -> String {
        match self.header.as_ref().and_then(|h| h.get(index)) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => Texts::for_locale(lang).fill("data.column_number", &|_| Some((index + 1).to_string())),
        }
    }

    /// A reader over the data rows (after the header, if any).
    pub fn rows<'a>(&self, text: &'a str) -> Rows<'a> {
        let mut rows = Rows { reader: reader(text, self.delimiter), text: text.as_bytes(), breaks: 0, counted_to: 0 };
        if self.header.is_some() {
            let mut record = ByteRecord::new();
            while rows.reader.read_byte_record(&mut record).unwrap_or(false) && is_blank(&record) {}
        }
        rows
    }
}

/// The data rows of a table, read one at a time into a reused record.
pub struct Rows<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a [u8],
    /// Line breaks counted so far, up to byte `counted_to`.
    breaks: u64,
    counted_to: usize,
}

impl Rows<'_> {
    /// Reads the next non-blank row into `record`; returns its line number in
    /// the file (1-based, as a spreadsheet numbers rows) or `None` at the end.
    pub fn next_into(&mut self, record: &mut ByteRecord) -> Option<u64> {
        loop {
            match self.reader.read_byte_record(record) {
                Ok(true) if is_blank(record) => continue,
                Ok(true) => return Some(self.line_at(record.position().map_or(0, |p| p.byte() as usize))),
                // Invalid UTF-8 cannot happen (the text is a str) and the
                // reader is flexible about widths, so an error is the end.
                _ => return None,
            }
        }
    }

    /// The line a record starting at byte `start` is on. The csv reader's
    /// own line count is off after blank lines and CRLF, and its record
    /// start points at the line break before the record, so line breaks are
    /// counted here, once over the file.
    fn line_at(&mut self, start: usize) -> u64 {
        let mut first = start.min(self.text.len());
        while first < self.text.len() && matches!(self.text[first], b'\r' | b'\n') {
            first += 1;
        }
        if first > self.counted_to {
            self.breaks += self.text[self.counted_to..first].iter().filter(|&&b| b == b'\n').count() as u64;
            self.counted_to = first;
        }
        self.breaks + 1
    }

    /// How far into the text the reader is, in bytes.
    pub fn byte_offset(&self) -> u64 {
        self.reader.position().byte()
    }
}

fn reader(text: &str, delimiter: u8) -> Reader<&[u8]> {
    ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes())
}

/// For one delimiter: the most common field count among the first records
/// and how many records have it.
fn consistency(sample: &[u8], delimiter: u8) -> (usize, usize) {
    let mut reader = ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(sample);
    let mut record = ByteRecord::new();
    let mut widths: Vec<usize> = Vec::new();
    while widths.len() < SNIFF_RECORDS && reader.read_byte_record(&mut record).unwrap_or(false) {
        if !is_blank(&record) {
            widths.push(record.len());
        }
    }
    // The last record of a cut sample may be cut too.
    if sample.len() == SNIFF_BYTES && widths.len() > 1 {
        widths.pop();
    }
    let mut best = (0, 0);
    for &width in &widths {
        let count = widths.iter().filter(|&&w| w == width).count();
        if (count, width) > (best.1, best.0) {
            best = (width, count);
        }
    }
    best
}

/// A row with nothing in it (`,,,` from a spreadsheet, or only spaces).
pub fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|field| field.trim_ascii().is_empty())
}

/// A field as text, trimmed. The table was read from a `str`, so every
/// field is valid UTF-8 unless a multi-byte character was split by a
/// delimiter byte, which UTF-8 rules out; the fallback is an empty field.
pub fn field(record: &ByteRecord, index: usize) -> &str {
    record.get(index).and_then(|f| std::str::from_utf8(f).ok()).unwrap_or("").trim()
}

/// A field's bytes without ASCII blanks around them: the hot path reads
/// dates, plain amounts and ids as bytes, with no UTF-8 check.
pub fn field_bytes(record: &ByteRecord, index: usize) -> &[u8] {
    record.get(index).unwrap_or_default().trim_ascii()
}

/// Every field of a record, trimmed, as owned text.
pub fn cells(record: &ByteRecord) -> Vec<String> {
    (0..record.len()).map(|i| field(record, i).to_string()).collect()
}

/// A header has no dates and no numbers in it, and at least one word.
fn looks_like_header(record: &ByteRecord) -> bool {
    let cells: Vec<&str> = (0..record.len()).map(|i| field(record, i)).collect();
    cells.iter().any(|c| !c.is_empty()) && cells.iter().all(|c| read_date(c).is_none() && read_number(c, None).is_err())
}

/// The decimal separator a single amount proves: the last of `.`/`,` when
/// the other comes before it (`1.234,56`), or when it is followed by other
/// than three digits (`12,50`, `7.5`). `1,234` proves nothing.
fn decimal_shown(cell: &str) -> Option<char> {
    let last = cell.rfind(['.', ','])?;
    let separator = char::from(cell.as_bytes()[last]);
    let other = if separator == '.' { ',' } else { '.' };
    let digits_after = cell[last + 1..].bytes().take_while(u8::is_ascii_digit).count();
    let proves =
        cell[..last].contains(other) || (digits_after != 3 && cell[..last].bytes().any(|b| b.is_ascii_digit()));
    (proves && cell[..last].matches(separator).count() == 0).then_some(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> (Layout, Vec<(u64, Vec<String>)>) {
        let layout = Layout::sniff(text);
        let mut rows = layout.rows(text);
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(line) = rows.next_into(&mut record) {
            out.push((line, cells(&record)));
        }
        (layout, out)
    }

    #[test]
    fn sniffs_each_delimiter() {
        for (delimiter, text) in [
            (b',', "customer,date,amount\nA,2024-03-01,7.50\nB,2024-03-02,3\n"),
            (b';', "klient;data;kwota\nA;01.03.2024;7,50\nB;02.03.2024;3\n"),
            (b'\t', "customer\tdate\tamount\nA\t2024-03-01\t7.50\n"),
            (b'|', "customer|date|amount\nA|2024-03-01|7.50\n"),
        ] {
            let layout = Layout::sniff(text);
            assert_eq!(layout.delimiter, delimiter, "{text:?}");
            assert_eq!(layout.width, 3);
        }
    }

    #[test]
    fn decimal_commas_do_not_fool_the_sniffer() {
        let (layout, rows) = rows("a;b;c\nA;01.03.2024;7,50\nB;02.03.2024;12,00\n");
        assert_eq!(layout.delimiter, b';');
        assert_eq!(rows[1].1, ["B", "02.03.2024", "12,00"]);
    }

    #[test]
    fn quoted_fields_blank_lines_and_line_numbers() {
        let text = "customer,date,amount\r\n\r\n\"Smith, Anna\",2024-03-01,\"1,234.50\"\r\n\"Note\nwith break\",2024-03-02,3\r\n,,\r\nB,2024-03-03,4\r\n";
        let (layout, rows) = rows(text);
        assert_eq!(layout.header.unwrap(), ["customer", "date", "amount"]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], (3, vec!["Smith, Anna".into(), "2024-03-01".into(), "1,234.50".into()]));
        assert_eq!(rows[1].1[0], "Note\nwith break");
        assert_eq!(rows[1].0, 4);
        assert_eq!(rows[2].0, 7);
    }

    #[test]
    fn a_first_row_of_data_is_not_a_header() {
        let (layout, rows) = rows("A,2024-03-01,7.50\nB,2024-03-02,3\n");
        assert!(layout.header.is_none());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 1);
        let (single, rows) = rows_of_scores();
        assert_eq!(single.width, 1);
        assert_eq!(rows, 3);
    }

    fn rows_of_scores() -> (Layout, usize) {
        let (layout, rows) = rows("9\n10\n\n6\n");
        (layout, rows.len())
    }
}
