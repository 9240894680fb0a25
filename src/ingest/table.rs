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
use super::skips::SkipReason;
use crate::locale::Locale;
use crate::text::{shortened, Texts};

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
    /// The header's cells, trimmed, when the table has a header.
    pub header: Option<Vec<String>>,
    /// The number of fields in a typical row.
    pub width: usize,
    /// Lines above the header (a report's title, its date range), by line
    /// number with their first words: listed as such, never read as rows.
    #[serde(skip)]
    pub titles: Vec<(u64, String)>,
    /// Where the data rows begin: the byte after the header's record.
    #[serde(skip)]
    data_from: usize,
}

fn as_text<S: serde::Serializer>(byte: &u8, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&char::from(*byte).to_string())
}

/// How many records above the header may be a report's title lines.
const MAX_TITLE_LINES: usize = 20;

impl Layout {
    /// Sniffs the delimiter, the header and any title lines above it from
    /// the start of `text`. Only the first [`SNIFF_BYTES`] are read, so a
    /// file that is one endless line is sized up as quickly as any other.
    ///
    /// ```
    /// use retention_metrics::ingest::table::Layout;
    /// let layout = Layout::sniff("Klient;Data;Kwota\nAnna;01.03.2024;12,50\n");
    /// assert_eq!(layout.delimiter, b';');
    /// assert_eq!(layout.header.unwrap(), ["Klient", "Data", "Kwota"]);
    /// let report = Layout::sniff("Sales report\nMarch 2024\n\ncustomer,date,amount\nA,2024-03-01,7\n");
    /// assert_eq!(report.header.unwrap(), ["customer", "date", "amount"]);
    /// assert_eq!(report.titles, [(1, "Sales report".to_string()), (2, "March 2024".to_string())]);
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
        let mut layout = Layout { delimiter, header: None, width, titles: Vec::new(), data_from: 0 };
        let mut record = ByteRecord::new();
        let mut reader =
            ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(sample);
        let mut lines = LineCounter::default();
        let mut candidates = Vec::new();
        while candidates.len() <= MAX_TITLE_LINES && reader.read_byte_record(&mut record).unwrap_or(false) {
            if is_blank(&record) {
                continue;
            }
            let line = lines.line_at(sample, record.position().map_or(0, |p| p.byte() as usize));
            // A record that runs to the end of a cut sample may be cut too:
            // not a header to trust (a file of one endless line has none).
            let cut = sample.len() < text.len() && reader.position().byte() as usize >= sample.len();
            if !cut && looks_like_header(&record) && (width == 1 || filled(&record) >= 2) {
                layout.header = Some(cells(&record));
                layout.data_from = reader.position().byte() as usize;
                layout.titles = candidates;
                break;
            }
            // A row as wide as the table that is not a header is data: the
            // table has no header, and nothing above it is a title.
            if width == 1 || filled(&record) >= width.min(2) && record.len() >= width {
                break;
            }
            candidates.push((line, shortened(field(&record, first_filled(&record)), 200)));
        }
        layout
    }

    /// The number of cells a data row must have: the header's, or a
    /// typical row's when there is no header.
    pub fn expected_cells(&self) -> usize {
        self.header.as_ref().map_or(self.width, Vec::len)
    }

    /// Whether a row's cells line up with the header: as many, or more
    /// when the extra ones are empty (a trailing delimiter). Anything else
    /// would be read with a guess as to which cell moved.
    pub fn fits(&self, record: &ByteRecord) -> bool {
        let expected = self.expected_cells();
        record.len() == expected
            || record.len() > expected && (expected..record.len()).all(|i| field_bytes(record, i).is_empty())
    }

    /// Whether a row repeats the header (two exports pasted one after the other).
    pub fn is_header_again(&self, record: &ByteRecord) -> bool {
        self.header.as_ref().is_some_and(|header| {
            !header.is_empty() && header.iter().enumerate().all(|(i, cell)| field(record, i).eq_ignore_ascii_case(cell))
        })
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

    /// The first `limit` data rows as cells, for confirming columns by what
    /// they hold and for a preview. Each cell is cut to a few hundred
    /// characters, so a file of one endless line previews in kilobytes.
    pub fn sample(&self, text: &str, limit: usize) -> Vec<Vec<String>> {
        const LONGEST_CELL: usize = 200;
        let mut reader = self.rows(text);
        let mut record = ByteRecord::new();
        let mut rows = Vec::new();
        while rows.len() < limit && reader.next_into(&mut record).is_some() {
            rows.push((0..record.len()).map(|i| shortened(field(&record, i), LONGEST_CELL)).collect());
        }
        rows
    }

    /// A column's header, or "column 3" in the reader's language.
    pub fn column_name(&self, index: usize, lang: Locale) -> String {
        match self.header.as_ref().and_then(|h| h.get(index)) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => Texts::for_locale(lang).fill("data.column_number", &|_| Some((index + 1).to_string())),
        }
    }

    /// A reader over the data rows (after the header and any titles).
    pub fn rows<'a>(&self, text: &'a str) -> Rows<'a> {
        let from = self.data_from.min(text.len());
        Rows {
            reader: reader(&text.as_bytes()[from..], self.delimiter),
            text: text.as_bytes(),
            base: from,
            delimiter: self.delimiter,
            width: self.expected_cells(),
            lines: LineCounter::default(),
            broken_quotes: Vec::new(),
            titles: self.titles.clone(),
        }
    }
}

/// The data rows of a table, read one at a time into a reused record.
pub struct Rows<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a [u8],
    /// Where in `text` the reader started: it restarts past a quote that
    /// never closes.
    base: usize,
    delimiter: u8,
    width: usize,
    lines: LineCounter,
    /// Lines where a quote opened that never closed, found since the
    /// caller last emptied the list: each is one row that could not be read.
    pub broken_quotes: Vec<u64>,
    /// Title lines above the header, handed out by the first
    /// [`Rows::next_row`].
    titles: Vec<(u64, String)>,
}

/// A quoted field may hold line breaks (an address, a note); one holding
/// more than this many lines is a quote that was never closed.
const MAX_LINES_IN_FIELD: usize = 50;

impl Rows<'_> {
    /// Reads the next data row into `record`, as [`Rows::next_into`] does,
    /// first handing `unreadable` each line that is no row: the titles above
    /// the header (on the first call) and rows lost to a quote left open.
    /// Every reader of a table lists those lines the same way, so no line of
    /// a file goes uncounted.
    pub fn next_row(
        &mut self,
        record: &mut ByteRecord,
        mut unreadable: impl FnMut(u64, SkipReason, &str),
    ) -> Option<u64> {
        for (line, title) in self.titles.drain(..) {
            unreadable(line, SkipReason::Title, &title);
        }
        let next = self.next_into(record);
        for line in self.broken_quotes.drain(..) {
            unreadable(line, SkipReason::UnclosedQuote, "");
        }
        next
    }

    /// Reads the next non-blank row into `record`; returns its line number in
    /// the file (1-based, as a spreadsheet numbers rows) or `None` at the end.
    ///
    /// A quote that opens and never closes would swallow every row after it
    /// into one field. So a record whose quoted field runs over many lines,
    /// or over lines that are rows of the table themselves, is taken for
    /// such a quote: its first line goes to [`Rows::broken_quotes`] and
    /// reading starts again on the line after it.
    pub fn next_into(&mut self, record: &mut ByteRecord) -> Option<u64> {
        loop {
            let lines_before = self.reader.position().line();
            match self.reader.read_byte_record(record) {
                Ok(true) if is_blank(record) => continue,
                Ok(true) => {
                    let start = self.base + record.position().map_or(0, |p| p.byte() as usize);
                    let line = self.lines.line_at(self.text, start);
                    // Each record ends one line after the last, unless blank
                    // lines or line breaks in quotes came between: only
                    // then is the record looked at more closely.
                    if self.reader.position().line() - lines_before > 1 && self.quote_never_closed(record) {
                        self.broken_quotes.push(line);
                        self.restart_after_line(start);
                        continue;
                    }
                    return Some(line);
                }
                // Invalid UTF-8 cannot happen (the text is a str) and the
                // reader is flexible about widths, so an error is the end.
                _ => return None,
            }
        }
    }

    /// Whether a record's line breaks come from a quote left open: it has
    /// the wrong number of cells, a field of very many lines, or a field
    /// whose lines split into as many cells as a row.
    fn quote_never_closed(&self, record: &ByteRecord) -> bool {
        let mut breaks = 0;
        for field in record.iter().filter(|f| f.contains(&b'\n')) {
            for line in field.split(|&b| b == b'\n').skip(1) {
                breaks += 1;
                let cells = line.iter().filter(|&&b| b == self.delimiter).count() + 1;
                if self.width > 1 && cells >= self.width {
                    return true;
                }
            }
        }
        breaks > 0 && (record.len() != self.width || breaks > MAX_LINES_IN_FIELD)
    }

    /// Starts reading again on the line after the one at byte `start`.
    fn restart_after_line(&mut self, start: usize) {
        let mut first = start;
        while first < self.text.len() && matches!(self.text[first], b'\r' | b'\n') {
            first += 1;
        }
        let next = self.text[first..].iter().position(|&b| b == b'\n').map_or(self.text.len(), |at| first + at);
        self.base = next;
        self.reader = reader(&self.text[next..], self.delimiter);
    }

    /// How far into the text the reader is, in bytes.
    pub fn byte_offset(&self) -> u64 {
        (self.base as u64) + self.reader.position().byte()
    }
}

/// Line numbers of records, counted once over the text: the csv reader's
/// own count is off after blank lines and CRLF, and its record start
/// points at the line break before the record.
#[derive(Debug, Default)]
struct LineCounter {
    /// Line breaks counted so far, up to byte `counted_to`.
    breaks: u64,
    counted_to: usize,
}

impl LineCounter {
    /// The line a record starting at byte `start` (or at the line breaks
    /// before it) is on, 1-based.
    fn line_at(&mut self, text: &[u8], start: usize) -> u64 {
        let mut first = start.min(text.len());
        while first < text.len() && matches!(text[first], b'\r' | b'\n') {
            first += 1;
        }
        if first > self.counted_to {
            self.breaks += text[self.counted_to..first].iter().filter(|&&b| b == b'\n').count() as u64;
            self.counted_to = first;
        }
        self.breaks + 1
    }
}

fn reader(bytes: &[u8], delimiter: u8) -> Reader<&[u8]> {
    ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(bytes)
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

/// How many cells of a record hold something.
fn filled(record: &ByteRecord) -> usize {
    record.iter().filter(|f| !f.trim_ascii().is_empty()).count()
}

/// The first cell that holds something.
fn first_filled(record: &ByteRecord) -> usize {
    record.iter().position(|f| !f.trim_ascii().is_empty()).unwrap_or(0)
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
