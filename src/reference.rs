//! Every figure a result is compared with, and what that figure is: the
//! period it covers, who it describes and where it comes from
//! (`predict.md` §7). A comparison is only honest between like and like, so
//! a figure never travels without its period; the benchmark converts the
//! reader's rate to that period before it compares.
//!
//! Words live in the language files: a figure's population is
//! `population.<id>` (or the sector's name), its source `source.<id>`.

use serde::Serialize;

/// The length of time a rate covers: a retention or churn rate "a month" is
/// a different number from the same business's rate "a year".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatePeriod {
    /// A calendar month, the default: the period small businesses look at.
    Month,
    /// Three months.
    Quarter,
    /// Twelve months: the period of the sector averages.
    Year,
}

impl RatePeriod {
    /// Every period, in the order a form offers them (the default first).
    pub const ALL: [RatePeriod; 3] = [RatePeriod::Month, RatePeriod::Quarter, RatePeriod::Year];

    /// The id the address and `compute` take (`"month"`).
    pub fn id(self) -> &'static str {
        match self {
            RatePeriod::Month => "month",
            RatePeriod::Quarter => "quarter",
            RatePeriod::Year => "year",
        }
    }

    /// The period with this id.
    pub fn from_id(id: &str) -> Option<RatePeriod> {
        RatePeriod::ALL.into_iter().find(|p| p.id() == id)
    }

    /// How many of these periods make a year.
    pub fn per_year(self) -> f64 {
        match self {
            RatePeriod::Month => 12.0,
            RatePeriod::Quarter => 4.0,
            RatePeriod::Year => 1.0,
        }
    }
}

/// What a rate counts: the share of customers kept, or the share lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Customers kept, in percent of those at the start.
    Retention,
    /// Customers lost, in percent of those at the start.
    Churn,
}

/// A published rate: what it measures, over which period, for whom, from where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateFigure {
    /// In percent.
    pub percent: f64,
    /// Kept or lost.
    pub measure: Measure,
    /// The period the figure covers.
    pub period: RatePeriod,
    /// The figure is what such businesses aim for, not an average.
    pub target: bool,
    /// Where it comes from (`source.<id>` in the language files).
    pub source: &'static str,
}

impl RateFigure {
    /// The figure as a rate of `measure` over the same period: a business
    /// that keeps 55 % of its customers a year loses 45 % a year.
    pub fn as_measure(&self, measure: Measure) -> f64 {
        if measure == self.measure {
            self.percent
        } else {
            100.0 - self.percent
        }
    }
}

/// A sector the retention and churn rates can be compared with; its name is
/// its population (`sector.<id>`).
#[derive(Debug, Clone, Copy)]
pub struct Sector {
    /// Id used in the address (`sector=restaurants`).
    pub id: &'static str,
    /// The sector's figure.
    pub figure: RateFigure,
}

/// Yearly customer retention by industry, as Statista's 2018 survey gives it.
const BY_INDUSTRY: &str = "retention_by_industry";
/// Recurly's published churn benchmarks for subscription businesses.
const RECURLY: &str = "recurly_churn";

const fn yearly_retention(percent: f64, target: bool, source: &'static str) -> RateFigure {
    RateFigure { percent, measure: Measure::Retention, period: RatePeriod::Year, target, source }
}

const fn monthly_churn(percent: f64) -> RateFigure {
    RateFigure { percent, measure: Measure::Churn, period: RatePeriod::Month, target: false, source: RECURLY }
}

/// The sectors, shops and services first, then subscriptions.
pub const SECTORS: &[Sector] = &[
    Sector { id: "retail", figure: yearly_retention(63.0, false, BY_INDUSTRY) },
    Sector { id: "restaurants", figure: yearly_retention(55.0, false, BY_INDUSTRY) },
    Sector { id: "hospitality", figure: yearly_retention(55.0, false, BY_INDUSTRY) },
    Sector { id: "professional_services", figure: yearly_retention(84.0, false, BY_INDUSTRY) },
    Sector { id: "media", figure: yearly_retention(84.0, false, BY_INDUSTRY) },
    Sector { id: "saas", figure: yearly_retention(80.0, true, "usual_aim") },
    Sector { id: "subscriptions", figure: monthly_churn(5.6) },
    Sector { id: "subscriptions_b2b", figure: monthly_churn(4.9) },
    Sector { id: "subscriptions_b2c", figure: monthly_churn(6.8) },
];

/// With no sector picked: above 80 % a year is generally read as a business
/// that keeps its customers well.
pub const RETAINS_WELL: RateFigure = yearly_retention(80.0, true, "retains_well");

/// The sector with this id.
pub fn sector(id: &str) -> Option<&'static Sector> {
    SECTORS.iter().find(|s| s.id == id)
}

/// A figure that is not a rate over time (a score, a share, a ratio).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// Who it describes (`population.<id>`).
    pub population: &'static str,
    /// Where it comes from (`source.<id>`).
    pub source: &'static str,
}

/// The NPS bands (0, 45, 50) and "around 30 is average across industries".
pub const NPS_BANDS: Figure = Figure { population: "all_industries", source: "nps_bands" };

/// 30 % repeat customers as a solid base for a café.
pub const CAFE_REPEAT: Figure = Figure { population: "cafes", source: "rule_of_thumb" };

/// Winning a customer costs 5–25× keeping one.
pub const ACQUISITION_COST: Figure = Figure { population: "businesses", source: "acquisition_cost" };
