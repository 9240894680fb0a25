// What a check remembers of how its analysis ran: the period, the window and
// the choices made for the file (columns, date order, currency among those it
// mixes), without the page's language. Two analyses of one file with the same
// options are the same check.

/** A check's options from analyzeTransactions' options. */
export function checkOptions(options) {
  const kept = { period: options.period, windowDays: options.windowDays };
  if (options.columns) kept.columns = options.columns;
  if (options.dateOrder) kept.dateOrder = options.dateOrder;
  if (options.currency) kept.currency = options.currency;
  return kept;
}

/** A text that is equal for equal options, whatever order their keys came in. */
export function optionsKey(options) {
  const kept = checkOptions(options);
  const columns = kept.columns ? Object.keys(kept.columns).sort().map((role) => [role, kept.columns[role] ?? null]) : null;
  return JSON.stringify([kept.period, Number(kept.windowDays), columns, kept.dateOrder ?? null, kept.currency ?? null]);
}

/** Whether two sets of options give the same analysis of one file. */
export const sameOptions = (a, b) => optionsKey(a) === optionsKey(b);
