//! Cost rows (category, amount) summed into retention cost, and divided by
//! the active customers when their number is known (typed by the user or
//! taken from a transactions log).

use csv::ByteRecord;
use serde::Serialize;

use crate::ingest::columns::{fold, is_total, role_of, Role};
use crate::ingest::error::{text_of, DataError, DataErrorCode, SkipReason, SkippedRow, Skips};
use crate::ingest::number::read_number;
use crate::ingest::table::{field, Layout};
use crate::locale::Locale;

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
pub fn analyze_costs(bytes: &[u8], options: &CostOptions) -> Result<CostReport, DataError> {
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
    let mut skips = Skips::default();
    let mut record = ByteRecord::new();
    let mut rows = layout.rows(&text);
    while let Some(line) = rows.next_into(&mut record) {
        let name = if layout.width > 1 { field(&record, category) } else { "" };
        if is_total(name) {
            skips.add(line, SkipReason::TotalRow, name, lang);
            continue;
        }
        let cell = field(&record, amount);
        let Ok(value) = read_number(cell, Some(hint)) else {
            skips.add(line, SkipReason::BadAmount, cell, lang);
            continue;
        };
        let key = fold(name);
        match categories.iter_mut().find(|c| fold(&c.category) == key) {
            Some(c) => c.amount += value,
            None => categories.push(CostCategory { category: name.to_string(), amount: value, share: None }),
        }
    }
    if categories.is_empty() {
        return Err(DataError::new("amount", DataErrorCode::NoData, lang, "data.error.no_costs", &[]));
    }
    let total: f64 = categories.iter().map(|c| c.amount).sum();
    for c in &mut categories {
        c.share = (total != 0.0).then(|| c.amount / total * 100.0);
    }
    let (skipped, skipped_total) = skips.into_sorted();
    let active = options.active_customers;
    Ok(CostReport {
        categories,
        total,
        active_customers: active,
        per_customer: active.filter(|&n| n > 0).map(|n| total / n as f64),
        skipped,
        skipped_total,
    })
}
