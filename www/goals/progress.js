// Where a figure stands against its goal: reached or not, how far from
// where it started, what is left, and the days to the date. Pure functions
// of the goal and today's value, so node --test checks them.

const DAY_MS = 86_400_000;

/** Today as an ISO day in the reader's time zone. */
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The target a change of `percent` % of today's `baseline` gives (−10: a tenth off). */
export function targetFromChange(baseline, percent) {
  return baseline * (1 + percent / 100);
}

/** Whole days from ISO day `from` to ISO day `to` (negative when `to` is earlier). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whether `value` is on the goal's side of its target (a goal above its start is reached from below). */
export function reaches(goal, value) {
  return goal.target >= goal.baseline ? value >= goal.target : value <= goal.target;
}

/**
 * The goal's state with today's `value` on ISO day `today`:
 * { met, gap (what is left, ≥ 0), share (0..1 of the way from the baseline), daysLeft (null without a date), overdue }.
 */
export function goalStatus(goal, value, today) {
  const met = reaches(goal, value);
  const span = goal.target - goal.baseline;
  const share = met ? 1 : span === 0 ? 0 : Math.min(1, Math.max(0, (value - goal.baseline) / span));
  const daysLeft = goal.due ? daysBetween(today, goal.due) : null;
  return { met, gap: met ? 0 : Math.abs(goal.target - value), share, daysLeft, overdue: !met && daysLeft !== null && daysLeft < 0 };
}

/**
 * The goal of one metric: `goal` as stored, brought to `period` (a rate's
 * goal set per month, shown beside a quarter's result) with `convert`.
 */
export function goalInPeriod(goal, metricId, period, convert) {
  if (!goal || !goal.period || !period || goal.period === period) return goal;
  const target = convert(metricId, goal.target, goal.period, period);
  const baseline = convert(metricId, goal.baseline, goal.period, period);
  return target === null || baseline === null ? null : { ...goal, target, baseline, convertedFrom: goal };
}
