//! Predictions per customer: who is still a customer, how often they will
//! come, and what they are likely worth (`predict.md`, sections 1–4).
//!
//! The models are the buy-till-you-die pair the field compares against:
//! BG/NBD ([`bgnbd`]) for purchases and drop-out, Gamma-Gamma
//! ([`gamma_gamma`]) for spend, fitted by maximum likelihood
//! ([`optimize`]) on the per-customer summary ([`summary`]) in the
//! libraries' conventions, so results can be checked against theirs. Time
//! is in weeks, as in the papers; [`customers`] turns it into what the
//! page shows (days, months, money).

pub mod bgnbd;
pub mod customers;
pub mod gamma_gamma;
pub mod input;
pub mod optimize;
pub mod projection;
pub mod sbg;
pub mod special;
pub mod summary;
pub mod value;

use serde::Serialize;

use crate::error::{ErrorCode, FieldError};
use crate::locale::Locale;
use crate::text::field_error;

/// One customer's history in the conventions of every buy-till-you-die
/// library (`predict.md`, section 1), in weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct History {
    /// Repeat purchases: distinct purchase days − 1.
    pub x: u32,
    /// Recency: weeks from the first purchase to the last (not "since the
    /// last purchase").
    pub t_x: f64,
    /// Age: weeks from the first purchase to the end of observation.
    #[serde(rename = "T")]
    pub t: f64,
    /// Mean amount of the repeat purchase days; 0 without repeat purchases.
    pub monetary: f64,
    /// Repeat purchase days after the calibration end (0 without one).
    pub holdout_x: u32,
}

impl History {
    /// A customer whose history begins now.
    pub const NEW: History = History { x: 0, t_x: 0.0, t: 0.0, monetary: 0.0, holdout_x: 0 };
}

/// The distinct repeat counts among `counts`, ascending, and for each count
/// up to the largest its position among them: the likelihoods take their
/// log-gammas once per distinct count, and find it without a search or a
/// sort (a count is at most a purchase a day).
pub(crate) fn distinct_counts(counts: impl Iterator<Item = u32> + Clone) -> (Vec<u32>, Vec<u32>) {
    let largest = counts.clone().max().unwrap_or(0) as usize;
    let mut position = vec![u32::MAX; largest + 1];
    for x in counts {
        position[x as usize] = 0;
    }
    let mut distinct = Vec::new();
    for (x, slot) in position.iter_mut().enumerate() {
        if *slot == 0 {
            *slot = distinct.len() as u32;
            distinct.push(x as u32);
        }
    }
    (distinct, position)
}

/// Fewest customers, and fewest with a repeat purchase, that a fit of
/// BG/NBD needs: with less the parameters are noise (`predict.md`,
/// section 2).
pub const MIN_CUSTOMERS: f64 = 100.0;
/// See [`MIN_CUSTOMERS`].
pub const MIN_REPEAT_BUYERS: f64 = 20.0;

/// Why a model could not be fitted: said in words, never shown as numbers
/// the model cannot stand behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CannotFit {
    /// Fewer customers than [`MIN_CUSTOMERS`].
    TooFewCustomers {
        /// How many there are.
        customers: u64,
    },
    /// Fewer repeat buyers than [`MIN_REPEAT_BUYERS`].
    TooFewRepeatBuyers {
        /// How many there are.
        repeat_buyers: u64,
    },
    /// Fewer repeat buyers with a positive spend than Gamma-Gamma needs.
    TooFewSpenders {
        /// How many there are.
        spenders: u64,
    },
    /// The likelihood has no proper maximum: it keeps rising toward a
    /// parameter of 0 or infinity, or the optimiser did not settle.
    NoMaximum,
    /// Spend per purchase varies so much between customers that its mean
    /// is unbounded (Gamma-Gamma's q ≤ 1).
    SpendUnbounded,
}

impl CannotFit {
    /// The reason's id in the public report, `too_few_customers`.
    pub fn id(self) -> &'static str {
        match self {
            CannotFit::TooFewCustomers { .. } => "too_few_customers",
            CannotFit::TooFewRepeatBuyers { .. } => "too_few_repeat_buyers",
            CannotFit::TooFewSpenders { .. } => "too_few_spenders",
            CannotFit::NoMaximum => "no_maximum",
            CannotFit::SpendUnbounded => "spend_unbounded",
        }
    }

    /// The count the reason's sentence names, when it names one.
    fn count(self) -> Option<u64> {
        match self {
            CannotFit::TooFewCustomers { customers } => Some(customers),
            CannotFit::TooFewRepeatBuyers { repeat_buyers } => Some(repeat_buyers),
            CannotFit::TooFewSpenders { spenders } => Some(spenders),
            CannotFit::NoMaximum | CannotFit::SpendUnbounded => None,
        }
    }

    /// The reason in the reader's language, as a `cannot_fit` error.
    pub fn error(self, lang: Locale) -> FieldError {
        let values = [
            ("n", self.count().unwrap_or_default().to_string()),
            ("min_customers", (MIN_CUSTOMERS as u64).to_string()),
            ("min_repeat", (MIN_REPEAT_BUYERS as u64).to_string()),
        ];
        field_error(lang, "customers", ErrorCode::CannotFit, &format!("data.predict.cannot_fit.{}", self.id()), &values)
    }
}
