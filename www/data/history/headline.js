// The few figures a kept check is remembered and compared by: retention and
// churn of the last complete period, the customers, the repeat customers,
// the average order and revenue (when the log has money), and how many VIPs
// and customers at risk. Pure: an analysis report in, plain numbers out, so
// the list, the comparison and the tests all read them the same way.

/**
 * Each headline figure: its key, how it is written (`percent` in percent,
 * `count`, `money`), whether a rise is good news (churn and customers at
 * risk going up is not), and whether it belongs to one period (the others
 * are the whole log's).
 */
export const FIGURES = [
  { key: "retention_rate", kind: "percent", higherIsBetter: true, ofPeriod: true },
  { key: "churn_rate", kind: "percent", higherIsBetter: false, ofPeriod: true },
  { key: "customers", kind: "count", higherIsBetter: true },
  { key: "repeat_purchase_rate", kind: "percent", higherIsBetter: true },
  { key: "aov", kind: "money", higherIsBetter: true },
  { key: "revenue", kind: "money", higherIsBetter: true },
  { key: "vip", kind: "count", higherIsBetter: true },
  { key: "at_risk", kind: "count", higherIsBetter: false },
];

/**
 * Differences smaller than this count as no change: half of what the page
 * shows (percents with one decimal, money in cents, whole customers), so a
 * figure written the same both times is never called better or worse.
 */
const UNCHANGED_BELOW = { percent: 0.05, money: 0.005, count: 0.5 };

const number = (value) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * The period whose retention and churn stand for the log: the latest one the
 * log covers in full (the last is often cut short by the day of export), or
 * the last one when none is complete.
 */
function headlinePeriod(periods) {
  if (!Array.isArray(periods) || periods.length === 0) return null;
  for (let i = periods.length - 1; i >= 0; i -= 1) {
    if (!periods[i].partial) return periods[i];
  }
  return periods[periods.length - 1];
}

/** A segment's number of customers, by its id ("vip", "at_risk"); null when the report has no such segment. */
function segmentCustomers(segments, id) {
  const segment = Array.isArray(segments) ? segments.find((s) => s.id === id) : null;
  return segment ? number(segment.customers) : null;
}

/**
 * The headline figures of an analysis report (analyzeTransactions()'s
 * result). Money figures are null for a log without amounts; a rate the
 * engine could not work out (nobody at the start) stays null.
 * @returns {{ period, period_kind, first_date, last_date, has_amounts,
 *             retention_rate, churn_rate, customers, repeat_purchase_rate, aov, revenue, vip, at_risk }}
 */
export function headlineFigures(report) {
  const totals = report.totals || {};
  const money = Boolean(report.input && report.input.has_amounts);
  const period = headlinePeriod(report.periods);
  return {
    period: period ? period.period : null,
    period_kind: report.period || null,
    first_date: totals.first_date || null,
    last_date: totals.last_date || null,
    has_amounts: money,
    retention_rate: period ? number(period.retention_rate) : null,
    churn_rate: period ? number(period.churn_rate) : null,
    customers: number(totals.customers),
    repeat_purchase_rate: number(totals.repeat_purchase_rate),
    aov: money ? number(totals.aov) : null,
    revenue: money ? number(totals.revenue) : null,
    vip: segmentCustomers(report.segments, "vip"),
    at_risk: segmentCustomers(report.segments, "at_risk"),
  };
}

/**
 * What changed from one check's headline figures to another's, figure by
 * figure, in FIGURES' order. A figure missing from either side is left out;
 * so is money when `sameMoney` is false (two checks in different currencies
 * cannot be compared). A rate of a month is never set against a rate of a
 * quarter: the earlier one is converted to the later one's period with
 * `convert(key, value, from, to)` (the engine's convertRate; `converted`
 * then holds the rate as kept), or left out without it. `direction` is how
 * the number moved ("up", "down", "same"); `verdict` whether that is good
 * news ("better", "worse", "same").
 * @returns {{ key, kind, ofPeriod, before, after, direction, verdict, converted? }[]}
 */
export function compareHeadlines(before, after, { sameMoney = true, convert = null } = {}) {
  const changes = [];
  const periodsDiffer = Boolean(before.period_kind && after.period_kind && before.period_kind !== after.period_kind);
  for (const { key, kind, higherIsBetter, ofPeriod = false } of FIGURES) {
    const kept = number(before[key]);
    const to = number(after[key]);
    if (kept === null || to === null) continue;
    const converting = ofPeriod && periodsDiffer;
    const from = converting ? (convert ? number(convert(key, kept, before.period_kind, after.period_kind)) : null) : kept;
    if (from === null) continue;
    if (kind === "money" && !sameMoney) continue;
    const difference = to - from;
    const direction = Math.abs(difference) < UNCHANGED_BELOW[kind] ? "same" : difference > 0 ? "up" : "down";
    const verdict = direction === "same" ? "same" : (direction === "up") === higherIsBetter ? "better" : "worse";
    const change = { key, kind, ofPeriod, before: from, after: to, direction, verdict };
    if (converting) change.converted = { value: kept, period_kind: before.period_kind };
    changes.push(change);
  }
  return changes;
}
