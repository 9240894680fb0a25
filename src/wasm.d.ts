// The shapes of the engine's options and results, for a user of the module
// (wasm-bindgen copies this into pkg/retention_metrics.d.ts). Keys are
// snake_case as in the JSON export; percentages are numbers in percent
// (90 = 90 %); a rate without a denominator is null, never NaN.
// tests/js/types.test.mjs checks real results against these types.

/** A file as text, bytes or a buffer. */
export type FileInput = string | Uint8Array | ArrayBuffer;

/** "en" | "pl" | "ru" (or a longer tag such as "pl-PL"), alone or as { lang }. */
export type LangOption = string | { lang?: string } | undefined;

/** The Error every export throws for input it cannot use. */
export interface EngineError extends Error {
  /** What to fix: an input id, a column role, an option, "file". */
  field: string;
  /** "required", "not_a_number", "negative", "not_whole", "zero", "exceeds", "out_of_range",
   *  "inconsistent", "unknown_metric", "no_data", "not_text", "missing_column", "unknown_column",
   *  "ambiguous_date_order", "not_a_table", "cannot_fit" (a model that cannot be fitted to
   *  the data, with the reason in the message), or "internal" (a bug in the engine). */
  code: string;
  /** Every field at fault, the first one first. */
  errors: { field: string; code: string; message: string }[];
}

// ---- The calculator ----------------------------------------------------

export interface ComputeOptions {
  /** How typed numbers are read ("1,234" is 1234 in "en", 1.234 in "pl"). */
  locale?: string;
  /** The language of the words; defaults to `locale`, then English. */
  lang?: string;
  /** USD, EUR, GBP, PLN, RUB, UAH. */
  currency?: string;
  /** A sector id from the catalog, for comparisons by sector. */
  sector?: string;
}

export type Unit = "percent" | "money" | "count" | "ratio" | "periods" | "score" | "per_order";
/** A duration the calculation read in the field's unit (`applied`), or offers in it. */
export interface UnitNote {
  field: string;
  /** In the field's unit (years). */
  value: number;
  applied: boolean;
  text: string;
  /** The label of the button that writes `value` into the field. */
  action: string;
}

export type InputKind = "count" | "money" | "percent" | "number" | "years" | "period" | "series";

/** The period a retention or churn rate covers. */
export type RatePeriod = "month" | "quarter" | "year";

export interface InputInfo {
  id: string;
  label: string;
  help: string;
  kind: InputKind;
  optional: boolean;
  positive: boolean;
  min: number;
  max?: number;
  default?: number;
  /** A choice input's values (the period); the first is the default. */
  choices?: { id: string; label: string }[];
}

export interface ExampleInfo {
  id: string;
  name: string;
  inputs: Record<string, number>;
  value: number;
  /** A series input's cohorts (period 0 first), for the projection. */
  series?: number[][];
}

export interface SectorInfo {
  id: string;
  name: string;
  /** The sector's figure in percent, of `measure` over `period`. */
  value: number;
  measure: "retention" | "churn";
  period: RatePeriod;
}

export interface MetricInfo {
  id: string;
  group: "retention" | "value" | "satisfaction" | "cost" | "loyalty" | "subscription";
  group_name: string;
  name: string;
  short?: string;
  /** Other names people search it by: the reader's language, then English (LTV, attrition, odpływ …). */
  synonyms: string[];
  description: string;
  cadence?: string;
  formula: string;
  unit: Unit;
  money: boolean;
  inputs: InputInfo[];
  examples: ExampleInfo[];
  sectors?: SectorInfo[];
}

export interface BenchmarkResult {
  kind: "sector" | "general" | "bands" | "reference" | "range";
  sector?: string;
  /** In the metric's own measure, over `period` for rates. */
  reference?: number;
  /** The period of the reference, for rates. */
  period?: RatePeriod;
  /** The reader's rate converted to `period`, rounded as the text writes it. */
  compared?: number;
  difference?: number;
  verdict: string;
  /** How the rate was converted, when its period differs from the reference's. */
  conversion?: string;
  text: string;
  /** Who the reference describes. */
  population: string;
  /** The reference in words, with its period. */
  figure: string;
  /** Where the reference comes from. */
  source: string;
}

export interface MetricResult {
  id: string;
  value: number;
  unit: Unit;
  display: string;
  formula: string;
  steps: string[];
  reading: string;
  /** The currency typed with an amount ("22,21 zł" → "PLN"); money in the result is written in it. */
  currency?: "USD" | "EUR" | "GBP" | "PLN" | "RUB" | "UAH";
  /** The cohorts a series input was read as (the projection). */
  series?: number[][];
  /** The projection's curves: observed points and the model's line, in percent, per period from 0. */
  curves?: { observed: number[]; projected: number[] };
  /** The period a rate covers (retention and churn). */
  period?: RatePeriod;
  benchmark?: BenchmarkResult;
  warnings: string[];
  /** Durations read in another unit than the field's ("36 months" as 3 years), or offered in it. */
  unit_notes?: UnitNote[];
  /** The inputs as read, in the catalog's order. */
  inputs: Record<string, number>;
}

// ---- Subscriptions ------------------------------------------------------------

export interface SubscriptionValue {
  price: number;
  discount_percent: number;
  lifetime_value: number | null;
  residual_value: number | null;
  naive_value: number | null;
}

export interface RetentionProjection {
  alpha: number;
  beta: number;
  log_likelihood: number;
  converged: boolean;
  cohorts: number;
  observed_periods: number;
  /** Percent, periods 1..horizon. */
  retention: number[];
  /** Percent, periods 0..horizon. */
  survival: number[];
  /** The cohorts' own survival, pooled, percent, periods 0..observed. */
  observed: number[];
  mean_churn: number;
  polarization: number;
  expected_lifetime: number | null;
  median_lifetime: number | null;
  naive_churn: number;
  naive_lifetime: number | null;
  residual_lifetime: number | null;
  value?: SubscriptionValue;
  spread: string;
  loyalty: string;
  naive: string;
}

export interface MonthMovements {
  month: string;
  mrr_start: number;
  new: number;
  expansion: number;
  contraction: number;
  churned: number;
  reactivated: number;
  mrr_end: number;
  customers_start: number;
  customers_end: number;
  customers_new: number;
  customers_churned: number;
  customers_reactivated: number;
  gross_mrr_churn: number | null;
  net_mrr_churn: number | null;
  nrr: number | null;
  customer_churn: number | null;
  arpa: number | null;
}

export interface SubscriptionsReport {
  input: {
    rows: number;
    charges: number;
    customers: number;
    amount_is_mrr: boolean;
    columns: { customer: string | null; date: string | null; amount: string | null; interval: string | null; plan: string | null };
    date_order: "dmy" | "mdy" | "ymd";
    skipped: SkippedRow[];
    skipped_total: number;
  };
  months: MonthMovements[];
  cohorts: { cohort: string; customers: number; mrr: number; percent: number[] }[];
  plans: { plan: string; mrr: number; customers: number }[];
}

// ---- What if ----------------------------------------------------------------

/** Numbers or text as typed; a retention rate with its period, or a lifespan in years. */
export interface WhatIfInputs {
  customers?: number | string;
  retention?: number | string;
  period?: RatePeriod;
  lifespan_years?: number | string;
  visits: number | string;
  aov: number | string;
  acquisition_cost?: number | string;
  /** Points more retention (on the rate's period, or on yearly retention from a lifespan). */
  more_retention?: number | string;
  more_visits?: number | string;
  more_aov?: number | string;
}

export interface WhatIfScenario {
  retention?: number;
  yearly_retention: number;
  monthly_retention: number;
  lifespan_years: number;
  visits: number;
  aov: number;
  clv: number;
  kept_12_months?: number;
  revenue_12_months?: number;
}

export interface WhatIfResult {
  period?: RatePeriod;
  now: WhatIfScenario;
  changed: WhatIfScenario;
  /** The changed figures worked out with the reader's numbers. */
  steps: string[];
  /** What the change is worth, in sentences. */
  worth: string[];
  /** The acquisition cost × the customers kept more, when both are known. */
  acquisition_saved?: number;
}

// ---- Files ----------------------------------------------------------------

/** A column by position (from 0) or header text; null: the file has none. */
export type ColumnPick = number | string | null;

export interface TransactionOptions {
  /** The activity window W in days, 1 to 3650 (default 90). */
  windowDays?: number | string;
  period?: "month" | "quarter";
  dateOrder?: "dmy" | "mdy" | "ymd";
  /** `amount: null` reads a log of visits (no amounts). */
  columns?: Partial<Columns<ColumnPick>>;
  /** The currency to analyse when the file mixes several (`"EUR"`). */
  currency?: string;
  lang?: string;
  /** Hears the share of the work done, 0 to 1. */
  onProgress?: (share: number) => void;
}

export type SkipCode =
  | "missing_cells" | "extra_cells" | "unclosed_quote" | "title" | "repeated_header" | "no_customer" | "no_date"
  | "bad_date" | "date_order" | "out_of_range" | "bad_amount" | "total_row" | "bad_score" | "left_out"
  | "other_currency" | "refund_without_order";

export interface SkipCount {
  code: SkipCode;
  /** The reason in a few words. */
  name: string;
  rows: number;
}

export interface SkippedRow {
  row: number;
  code: SkipCode;
  reason: string;
}

export type Encoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "windows-1250" | "windows-1251";

export interface Columns<T> {
  customer: T;
  date: T;
  amount: T;
  order: T;
  status: T;
  refund: T;
  currency: T;
}

export interface Refunds {
  rows: number;
  amount: number;
  revenue_before: number;
  revenue_after: number;
}

export interface InputSummary {
  /** Every one is an order, a merged order line, a refund or skipped. */
  rows: number;
  orders: number;
  merged_lines: number;
  refund_rows: number;
  customers: number;
  /** The first rows of each reason; all of them: skippedRowsCsv(). */
  skipped: SkippedRow[];
  skipped_total: number;
  skipped_counts: SkipCount[];
  delimiter: string;
  decimal: string;
  date_order: "dmy" | "mdy" | "ymd";
  date_order_chosen: boolean;
  encoding: Encoding;
  /** Headers of the columns in use; a role the log has no column for is left out. */
  columns: Partial<Columns<string>>;
  column_indexes: Columns<number | null>;
  header: boolean;
  /** false for a log of visits: every money figure is then null. */
  has_amounts: boolean;
  currency: string | null;
  currencies: { code: string; rows: number }[];
  refunds: Refunds;
}

export interface Concentration {
  top10_share: number | null;
  top20_share: number | null;
  top10_customers: number;
  top20_customers: number;
}

export type Clv =
  | {
      value: number;
      aov: number;
      purchase_frequency: number;
      lifespan_years: number;
      yearly_churn_rate: number;
      first: string;
      last: string;
      start: number;
      lost: number;
    }
  | { value: null; reason: "short_log" | "no_start" | "no_churn" | "no_amounts"; note: string };

export interface Totals {
  customers: number;
  orders: number;
  revenue: number | null;
  aov: number | null;
  purchase_frequency: number | null;
  repeat_purchase_rate: number | null;
  active_customers: number;
  clv: Clv;
  concentration: Concentration;
  /** Days a typical returning customer leaves between visits; null when nobody came back. */
  typical_gap_days: number | null;
  /** Three typical gaps, rounded up to 14, 30, 60, 90, 180 or 365 days. */
  suggested_window_days: number | null;
  first_date: string;
  last_date: string;
}

export interface PeriodRow {
  period: string;
  first: string;
  last: string;
  partial: boolean;
  start: number;
  end: number;
  retained: number;
  lost: number;
  new: number;
  new_first: number;
  reactivated: number;
  retention_rate: number | null;
  churn_rate: number | null;
  orders: number;
  revenue: number | null;
  aov: number | null;
  purchasers: number;
  purchase_frequency: number | null;
  repeat_purchase_rate: number | null;
}

export interface CohortRow {
  cohort: string;
  size: number;
  /** null: a month after the log ends. */
  percent: (number | null)[];
  customers: (number | null)[];
  partial: boolean;
}

export type SegmentId = "new" | "vip" | "loyal" | "at_risk" | "lost" | "other";

export interface SegmentRow {
  id: SegmentId;
  name: string;
  rule: string;
  customers: number;
  revenue: number | null;
  revenue_share: number | null;
}

export interface Warning {
  code: string;
  message: string;
  /** What fills the message (`n`, an ISO `date`, a `period`), to write it again. */
  values: Record<string, string>;
}

export interface TransactionReport {
  input: InputSummary;
  window_days: number;
  period: "month" | "quarter";
  totals: Totals;
  periods: PeriodRow[];
  cohorts: CohortRow[];
  cohort_average: (number | null)[];
  segments: SegmentRow[];
  concentration: Concentration;
  warnings: Warning[];
}

export interface SurveyOptions {
  kind?: "nps" | "csat" | "ces";
  column?: number | string;
  /** The top of a CSAT scale: 5, 7, 10, or "1-5" …; read from the answers when left out. */
  scale?: number | string;
  lang?: string;
}

export interface SurveyReport {
  kind: "nps" | "csat" | "ces";
  scale: { min: number; max: number };
  scale_detected: boolean;
  column: string;
  value: number;
  rule: string;
  responses: number;
  blank: number;
  scores: number[];
  counts: number[];
  shares: number[];
  nps?: {
    promoters: number;
    passives: number;
    detractors: number;
    promoter_share: number;
    passive_share: number;
    detractor_share: number;
    /** The NPS as shown: whole, rounded half away from zero from the exact value. */
    shown: number;
  };
  satisfied?: number;
  ces?: { mean: number; agree_share: number; index: number };
  skipped: SkippedRow[];
  skipped_total: number;
  warnings: string[];
}

export interface CostOptions {
  activeCustomers?: number | string;
  lang?: string;
}

export interface CostReport {
  categories: { category: string; amount: number; share: number | null }[];
  total: number;
  active_customers: number | null;
  per_customer: number | null;
  skipped: SkippedRow[];
  skipped_total: number;
}

export interface PreviewOptions {
  /** How many rows, 0 to 10000 (default 8). */
  rows?: number;
  lang?: string;
}

export interface Preview {
  encoding: Encoding;
  delimiter: string;
  header: string[] | null;
  width: number;
  rows: string[][];
  columns: Columns<number | null>;
  suggested: Columns<number | null>;
  date_order: "dmy" | "mdy" | "ymd" | null;
}

/** A cell of tableCsv: a number, text, money (two decimals) or nothing. */
export type TableCell = number | string | { money: number } | null;

// ---- Predictions (BG/NBD and Gamma-Gamma; time in weeks) ------------------

export interface SummaryOptions extends TransactionOptions {
  /** The last day that counts (ISO date); the log's last day when absent. */
  observationEnd?: string;
  /** Purchases after this day (ISO date) are the holdout. */
  calibrationEnd?: string;
}

/** One customer in the conventions of every buy-till-you-die library. */
export interface CustomerSummary {
  id: string;
  /** Repeat purchase days (distinct days − 1). */
  x: number;
  /** Weeks from the first purchase to the last (not "since the last"). */
  t_x: number;
  /** Weeks from the first purchase to the end of observation. */
  T: number;
  /** Mean amount of the repeat purchase days; 0 without repeat purchases. */
  monetary: number;
  /** Repeat purchase days after the calibration end, when one was given. */
  holdout_x?: number;
}

export interface SummaryReport {
  input: InputSummary;
  customers: CustomerSummary[];
  unit: "week";
  observation_end: string;
  calibration_end: string | null;
}

export interface HistoryInput {
  x: number;
  t_x: number;
  T: number;
  /** How many customers share this history (default 1). */
  weight?: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Summed over customers. */
  log_likelihood: number;
  converged: boolean;
}

export interface GammaGammaFit {
  p: number;
  q: number;
  gamma: number;
  log_likelihood: number;
  converged: boolean;
  /** Repeat buyers with a positive spend that the fit used. */
  customers: number;
}

export interface PredictOptions extends TransactionOptions {
  /** A calibration end (ISO date) for the tracking check. */
  calibrationEnd?: string;
  /** Months of predicted value, 1 to 120 (default 12). */
  horizonMonths?: number | string;
  /** Monthly discount rate in percent, 0 to 100 (default 1). */
  discount?: number | string;
}

export type CannotFitCode =
  | "too_few_customers" | "too_few_repeat_buyers" | "too_few_spenders" | "no_maximum" | "spend_unbounded"
  | "no_amounts";

export interface Refusal {
  code: CannotFitCode;
  message: string;
}

export interface PredictionModel {
  customers: number;
  repeat_buyers: number;
  bg_nbd: BgNbdFit | null;
  bg_nbd_refusal: Refusal | null;
  gamma_gamma: GammaGammaFit | null;
  gamma_gamma_refusal: Refusal | null;
  /** A typical customer's weeks between purchases while still a customer (α / r). */
  weeks_between_purchases: number | null;
  /** Share (0–1) expected to stop after any one purchase (a / (a + b)). */
  drop_out_per_purchase: number | null;
  /** Visits expected from the whole base in the next 365 days. */
  expected_visits_next_year: number | null;
  /** Visits expected from a new customer in their first 365 days. */
  expected_visits_new_customer: number | null;
  /** Mean spend per visit across customers (γp / (q − 1)). */
  mean_spend: number | null;
  spend_frequency_correlation: number | null;
  /** |correlation| > 0.3: the spend forecast's assumption is doubtful. */
  spend_depends_on_frequency: boolean;
}

export type ActionId = "thank" | "reward" | "welcome" | "win_back" | "last_chance" | "invite";

export interface CustomerRow {
  id: string;
  segment: SegmentId;
  first_visit: string;
  last_visit: string;
  days_since_last: number;
  /** Distinct days with an order. */
  visits: number;
  /** Median days between visits; null with one visit. */
  usual_gap_days: number | null;
  /** Away more than twice their usual gap. */
  overdue: boolean;
  total_spend: number | null;
  average_spend: number | null;
  x: number;
  t_x: number;
  T: number;
  monetary: number | null;
  p_alive: number | null;
  expected_30: number | null;
  expected_90: number | null;
  expected_365: number | null;
  /** Expected spend per visit from now on. */
  expected_spend: number | null;
  /** Visits expected over the horizon, each discounted: value = expected_spend × this. */
  discounted_visits: number | null;
  /** Predicted value over the horizon, discounted monthly. */
  value: number | null;
  /** Past spend (or visits) × (1 − P(alive)). */
  at_stake: number | null;
  /** Place in the contact list, from 1. */
  contact_rank: number;
  action: ActionId;
}

export interface TrackingPoint {
  week: number;
  day: string;
  expected: number;
  actual: number;
}

export interface Tracking {
  calibration_end: string;
  bg_nbd: BgNbdFit | null;
  refusal: Refusal | null;
  points: TrackingPoint[];
}

export interface CustomersReport {
  input: InputSummary;
  unit: "week";
  observation_end: string;
  window_days: number;
  horizon_months: number;
  /** Monthly, in percent. */
  discount: number;
  at_stake_unit: "money" | "visits";
  model: PredictionModel;
  /** Best first by past spend (by visits without amounts). */
  customers: CustomerRow[];
  tracking: Tracking | null;
}

// ---- The exports ---------------------------------------------------------
// Each throws an EngineError for input it cannot use.

/** Every metric with its inputs, formula and worked examples, in one language. */
export function catalog(options?: LangOption): MetricInfo[];

/** One metric from numbers or text as typed ("1 234,50", "$7", "12,5 %"). */
export function compute(
  id: string,
  inputs: Record<string, number | string | null | undefined>,
  options?: ComputeOptions,
): MetricResult;

/** The page's own texts (interface, currencies, sectors, language names) by key. */
export function messages(options?: LangOption): Record<string, string>;

/** One cohort's survival (period 0 first, percent when it starts at 100, else counts) or several, fitted and projected. */
export function projectRetention(
  survival: (number | string)[] | (number | string)[][],
  options?: { horizon?: number | string; price?: number | string; discount?: number | string; lang?: string; currency?: string },
): RetentionProjection;

/** A sample gym's billing export as CSV text, the same every time. */
export function sampleSubscriptions(): string;

/** A billing export (customer, date or month, amount or MRR; optional interval and plan) into MRR movements. */
export function analyzeSubscriptions(input: FileInput, options?: { dateOrder?: "dmy" | "mdy" | "ymd"; lang?: string }): SubscriptionsReport;

/** A retention or churn rate per `from` period over `to` (null for another metric, a period it does not know, or a rate outside 0–100). */
export function convertRate(metric: string, percent: number, from: RatePeriod, to: RatePeriod): number | null;

/** A number as a person typed it ("85,5", "1 234"), by the calculator's rules; null when empty, not a number or ambiguous. */
export function readNumber(text: string | number | null | undefined, options?: { locale?: string }): number | null;

/** Today's lifespan, lifetime value, customers kept and revenue against the same with a change. */
export function whatIf(inputs: WhatIfInputs, options?: ComputeOptions): WhatIfResult;

/** Periods, cohorts, segments and totals from an orders log. */
export function analyzeTransactions(input: FileInput, options?: TransactionOptions): TransactionReport;

/** One segment's customers as CSV text for a spreadsheet, best customers first. */
export function segmentCsv(input: FileInput, options: TransactionOptions | undefined, segment: SegmentId): string;

/** Every row the analysis leaves out, with its row number and reason, as CSV text. */
export function skippedRowsCsv(input: FileInput, options?: TransactionOptions): string;

/** NPS, CSAT or CES from a column of answers. */
export function analyzeSurvey(input: FileInput, options?: SurveyOptions): SurveyReport;

/** Cost rows summed into retention cost, per active customer when their number is given. */
export function analyzeCosts(input: FileInput, options?: CostOptions): CostReport;

/** The start of a file as the engine reads it, for a column-mapping step. */
export function previewTable(input: FileInput, options?: PreviewOptions): Preview;

/** The generated sample log as CSV text: the page's café, or the 1,000,000-row benchmark. */
export function sampleTransactions(name?: "coffee" | "benchmark"): string;

/** Rows of cells as CSV text for a spreadsheet in the reader's language. */
export function tableCsv(rows: TableCell[][], options?: LangOption): string;

/** Each customer's x, t_x, T (weeks) and monetary, with the holdout after a calibration end. */
export function summarizeCustomers(input: FileInput, options?: SummaryOptions): SummaryReport;

/** BG/NBD by maximum likelihood; throws `cannot_fit` with too little data. */
export function fitBgNbd(customers: HistoryInput[], options?: LangOption): BgNbdFit;

/** P(alive) and the purchases expected in the next `weeks`. */
export function bgNbdCustomer(
  params: BgNbdParams,
  customer: HistoryInput,
  weeks: number,
  options?: LangOption,
): { p_alive: number; expected: number };

/** Purchases expected from a new customer in their first `weeks`. */
export function bgNbdExpected(params: BgNbdParams, weeks: number, options?: LangOption): number;

/** Gamma-Gamma on the repeat buyers (x > 0, monetary > 0); throws `cannot_fit` with too few. */
export function fitGammaGamma(customers: { x: number; monetary: number }[], options?: LangOption): GammaGammaFit;

/** Every customer with P(alive), expected visits, predicted value and the contact ranking. */
export function predictCustomers(input: FileInput, options?: PredictOptions): CustomersReport;

/** The days one customer came (their id as in the file), with what they spent each day (null without amounts). */
export function customerVisits(
  input: FileInput,
  options: TransactionOptions | undefined,
  id: string,
): { id: string; visits: { day: string; spend: number | null }[] };
