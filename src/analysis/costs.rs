//! Cost rows (category, amount) summed into retention cost, and divided by
//! the active customers when their number is known (typed by the user or
//! taken from a transactions log).

use csv::ByteRecord;
use serde::Serialize;

use crate::error::{ErrorCode, FieldError};
use crate::ingest::columns::{fold, is_total, Role};
use crate::ingest::decode::text_of;
use crate::ingest::headers::role_of;
use crate::ingest::intern::Interner;
use crate::ingest::number::{read_number, RawValue, MAX_AMOUNT};
use crate::ingest::options::whole_number;
use crate::ingest::skips::{SkipReason, SkippedRow, Skips};
use crate::ingest::table::{field, Layout};
use crate::locale::Locale;
use crate::metrics::cost::retention_cost;
use crate::metrics::percent;
use crate::text::field_error;

/// How to read cost rows.
#[derive(Debug, Clone, Default)]
pub struct CostOptions {
    /// Active customers in the same period, when known.
    pub active_customers: Option<u64>,
    /// The language of messages.
    pub lang: Locale,
}

/// One category's total.
#[derive(Debug, Clone, Serialize)]
pub struct CostCategory {
    /// As written in the file (the first spelling seen).
    pub category: String,
    /// The sum of its rows.
    pub amount: f64,
    /// Its share (%) of the total; `null` when the total is 0.
    pub share: Option<f64>,
}

/// Retention cost from cost rows.
#[derive(Debug, Clone, Serialize)]
pub struct CostReport {
    /// Categories in the order they first appear; rows with the same
    /// category (ignoring case) are summed.
    pub categories: Vec<CostCategory>,
    /// The sum of every row.
    pub total: f64,
    /// Active customers, when given.
    pub active_customers: Option<u64>,
    /// Total / active customers; `null` when they are not known or 0.
    pub per_customer: Option<f64>,
    /// The first skipped rows with reasons.
    pub skipped: Vec<SkippedRow>,
    /// How many rows were skipped in all.
    pub skipped_total: usize,
}

/// Header stems of the amount column of a cost list, besides the general
/// amount words.
const COST_STEMS: [&str; 5] = ["cost", "koszt", "расход", "затрат", "wydat"];

/// Reads cost rows and sums them.
///
/// ```
/// use retention_metrics::analysis::costs::{analyze_costs, CostOptions};
/// let rows = "category;amount\nTeam;5 000\nSoftware;900\nLoyalty programme;2 500\n";
/// let options = CostOptions { active_customers: Some(700), ..Default::default() };
/// let report = analyze_costs(rows.as_bytes(), &options).unwrap();
/// assert_eq!(report.total, 8400.0);
/// assert_eq!(report.per_customer, Some(12.0));
/// ```
pub fn analyze_costs(bytes: &[u8], options: &CostOptions) -> Result<CostReport, FieldError> {
    let lang = options.lang;
    let (text, _) = text_of(bytes, lang)?;
    let layout = Layout::sniff(&text);
    let header = layout.header.as_deref().unwrap_or_default();
    let is_amount = |h: &String| role_of(h) == Some(Role::Amount) || COST_STEMS.iter().any(|s| fold(h).contains(s));
    let amount = header.iter().position(is_amount).unwrap_or(layout.width.saturating_sub(1));
    let category = (0..layout.width).find(|&i| i != amount).unwrap_or(0);
    let decimal = layout.decimal_separator(&text, amount);
    let hint = if decimal == ',' { Locale::Pl } else { Locale::En };

    let mut categories: Vec<CostCategory> = Vec::new();
    // Folded name → its place in `categories`, so each row finds its
    // category in constant time (a search of the list made 20,000
    // categories take 40 s).
    let mut names = Interner::default();
    let mut skips = Skips::new(lang);
    let mut record = ByteRecord::new();
    let mut rows = layout.rows(&text);
    while let Some(line) = rows.next_row(&mut record, |line, reason, cell| skips.add(line, reason, cell)) {
        let name = if layout.width > 1 { field(&record, category) } else { "" };
        if is_total(name) {
            skips.add(line, SkipReason::TotalRow, name);
            continue;
        }
        let cell = field(&record, amount);
        let Ok(value) = read_number(cell, Some(hint)) else {
            skips.add(line, SkipReason::BadAmount, cell);
            continue;
        };
        if value.abs() > MAX_AMOUNT {
            skips.add(line, SkipReason::TooLarge, cell);
            continue;
        }
        match names.number(fold(name).as_bytes()) {
            (_, true) => categories.push(CostCategory { category: name.to_string(), amount: value, share: None }),
            (index, false) => categories[index as usize].amount += value,
        }
    }
    if categories.is_empty() {
        return Err(field_error(lang, "amount", ErrorCode::NoData, "data.error.no_costs", &[]));
    }
    let amounts: Vec<f64> = categories.iter().map(|c| c.amount).collect();
    let total: f64 = amounts.iter().sum();
    for c in &mut categories {
        c.share = percent(c.amount, total);
    }
    let skipped = skips.finish();
    let (skipped, skipped_total) = (skipped.rows, skipped.total);
    let active = options.active_customers;
    Ok(CostReport {
        categories,
        total,
        active_customers: active,
        per_customer: active.and_then(|n| retention_cost(&amounts, n as f64)),
        skipped,
        skipped_total,
    })
}

/// Active customers from an option as given (a number, or text as typed):
/// a whole number from 0 to 2⁵³ (past it, numbers lose their last digits);
/// `None` when absent or empty.
///
/// ```
/// use retention_metrics::{analysis::costs::active_customers, Locale, RawValue};
/// assert_eq!(active_customers(Some(&RawValue::Text("1 200".into())), Locale::Pl), Ok(Some(1200)));
/// assert_eq!(active_customers(None, Locale::En), Ok(None));
/// assert_eq!(active_customers(Some(&RawValue::Number(-1.0)), Locale::En).unwrap_err().field, "active_customers");
/// ```
pub fn active_customers(raw: Option<&RawValue>, lang: Locale) -> Result<Option<u64>, FieldError> {
    const MAX_EXACT: u64 = 1 << 53;
    whole_number(raw, "active_customers", "data.error.active_customers", 0, MAX_EXACT, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn costs(text: &str) -> CostReport {
        analyze_costs(text.as_bytes(), &CostOptions::default()).unwrap()
    }

    #[test]
    fn categories_keep_first_appearance_and_first_spelling() {
        let report = costs("category;amount\nTeam;5\nsoftware;2\nTEAM;1\nSoftware;3\nPromo;4\n");
        let rows: Vec<_> = report.categories.iter().map(|c| (c.category.as_str(), c.amount)).collect();
        assert_eq!(rows, [("Team", 6.0), ("software", 5.0), ("Promo", 4.0)]);
    }

    #[test]
    fn twenty_thousand_categories_are_grouped() {
        // Each row once searched every category before it, folding both names.
        let mut text = String::from("category,amount\n");
        for round in 0..2 {
            for i in 0..20_000 {
                text.push_str(&format!("{}{i},{}\n", if round == 0 { "cat" } else { "CAT" }, round + 1));
            }
        }
        let report = costs(&text);
        assert_eq!(report.categories.len(), 20_000);
        assert_eq!(report.categories[19_999].category, "cat19999");
        assert!(report.categories.iter().all(|c| c.amount == 3.0));
        assert_eq!(report.total, 60_000.0);
    }

    #[test]
    fn amounts_too_large_to_sum_are_skipped() {
        // Two amounts near 10³⁰⁸ once summed to ∞, and every share to NaN.
        let huge = "9".repeat(308);
        let report = costs(&format!("category;amount\nA;{huge}\nA;{huge}\nB;-{huge}\nC;1 000 000 000 000 000\nD;5\n"));
        assert_eq!(report.total, 1e15 + 5.0);
        let names: Vec<_> = report.categories.iter().map(|c| c.category.as_str()).collect();
        assert_eq!(names, ["C", "D"], "10¹⁵ itself is an amount");
        assert!(report.categories.iter().all(|c| c.share.is_some_and(f64::is_finite)));
        assert_eq!(report.skipped_total, 3);
        let rows: Vec<_> = report.skipped.iter().map(|s| (s.row, s.code)).collect();
        assert_eq!(rows, [(2, SkipReason::TooLarge), (3, SkipReason::TooLarge), (4, SkipReason::TooLarge)]);
        assert!(report.skipped[0].reason.contains("too large"), "{}", report.skipped[0].reason);
        assert!(report.skipped[0].reason.contains("1,000,000,000,000,000"), "{}", report.skipped[0].reason);
        let one_more = costs("category;amount\nA;1 000 000 000 000 001\nB;1\n");
        assert_eq!((one_more.total, one_more.skipped_total), (1.0, 1));
        // A report title and a note whose quote never closes are listed too.
        let titled = costs("Costs 2024\ncategory;amount;note\nA;5;\"oops\nB;7;x\nC;1;y\n");
        assert_eq!(titled.total, 8.0);
        let rows: Vec<_> = titled.skipped.iter().map(|s| (s.row, s.code)).collect();
        assert_eq!(rows, [(1, SkipReason::Title), (3, SkipReason::UnclosedQuote)]);
        assert_eq!((one_more.total, one_more.skipped_total), (1.0, 1));
    }
}
