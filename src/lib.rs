//! # retention-metrics
//!
//! The engine of a customer-retention calculator: it reads numbers as people
//! type them, checks them, computes twenty retention metrics and explains
//! each result in plain words. It is pure Rust — text and numbers in,
//! structs out, no clock, no I/O — and is compiled to WebAssembly for the
//! page (`src/wasm.rs` is the only file that knows about the browser).
//!
//! ## Glossary of the formulas
//!
//! | metric | formula |
//! |---|---|
//! | retention rate | ((E − N) / S) × 100 |
//! | churn rate | (L / S) × 100 |
//! | customer lifespan | 1 / (churn / 100) |
//! | average order value | revenue / orders |
//! | purchase frequency | orders / customers |
//! | customer lifetime value | AOV × PF × ACL (× margin / 100) |
//! | monthly recurring revenue | customers × ARPC |
//! | Net Promoter Score | % promoters − % detractors |
//! | CSAT | (satisfied / responses) × 100 |
//! | CES | sum of ratings / number of ratings |
//! | survey response rate | (responses / sent) × 100 |
//! | contact rate | contacts / orders |
//! | retention cost | (team + software + programme + other) / active customers |
//! | acquisition cost | spend / new customers |
//! | CLV : CAC | CLV / CAC |
//! | acquisition vs retention | CAC / retention cost |
//! | repeat purchase rate | (repeat customers / customers) × 100 |
//! | referral rate | (referred / new customers) × 100 |
//! | redemption rate | (redeemed / issued) × 100 |
//! | punch-card cost | reward cost / (visits × AOV) × 100 |
//!
//! Percentages are numbers in percent (90 means 90 %).
//!
//! ## The modules, leaves first
//!
//! Each module uses only those above it in this list (`tests/layers.rs`
//! holds the order and fails on an import against it):
//!
//! - [`error`], [`locale`], [`calendar`]: what can go wrong, how a language
//!   writes numbers, days and months.
//! - [`text`]: every word, from the language files in `src/locales/`.
//! - [`reference`]: every figure a result is compared with, with its period,
//!   population and source.
//! - [`metric`]: the vocabulary of a metric (definition, inputs, units,
//!   what a formula returns, how it compares).
//! - [`format`](mod@format): numbers, money and results written for a reader.
//! - [`metrics`]: the formulas, one file per family; the only place each is
//!   written.
//! - [`catalog`](mod@catalog), [`benchmark`]: the metrics with their words; comparisons
//!   with references.
//! - [`ingest`]: bytes and typed text into values (numbers, options, dates,
//!   tables, orders), saying why a piece could not be read.
//! - [`compute`](mod@compute): one calculation, checked and explained.
//! - [`whatif`]: retention, visits or the average order a little higher, and
//!   what that is worth.
//! - [`analysis`]: logs, surveys and cost rows into the metrics, through
//!   [`metrics`].
//! - [`sample`]: the seeded sample logs.
//! - `wasm` (wasm32 only): the browser boundary, which converts and delegates.
//!
//! ## Example
//!
//! ```
//! use retention_metrics::{compute, ComputeOptions, Locale, RawInputs};
//! let inputs: RawInputs = [("start", "1 000"), ("lost", "50")]
//!     .into_iter().map(|(k, v)| (k.to_string(), Some(v.into()))).collect();
//! let options = ComputeOptions { locale: Some(Locale::Pl), ..Default::default() };
//! let result = compute("churn_rate", &inputs, &options).unwrap();
//! assert_eq!(result.value, 5.0);
//! assert_eq!(result.display, "5%");
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analysis;
pub mod benchmark;
pub mod calendar;
pub mod catalog;
pub mod compute;
pub mod error;
pub mod format;
pub mod ingest;
pub mod locale;
pub mod metric;
pub mod metrics;
pub mod predict;
pub mod reference;
pub mod sample;
pub mod text;
pub mod whatif;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use catalog::{catalog, MetricInfo};
pub use compute::{compute, ComputeOptions, MetricResult, RawInputs};
pub use error::{ErrorCode, FieldError, Rejected};
pub use format::{format_money, format_number, format_percent, Currency};
pub use ingest::number::{read_number, NumberError, RawValue};
pub use locale::Locale;
pub use text::messages;
