// The page's addresses, worked out from its state: the address of what is
// shown, of another metric (the picker's links), and of the calculator
// filled with values (the data view's "Open in the calculator"). The address
// is the page's state (README, "Using the page"), so these decide what a
// shared link carries: the currency only for money, a sector only where the
// metric compares by sector.

import { queryFor } from "../shared/address.js";

/** Whether `metric` compares by sector and knows the one the reader picked. */
function hasSector(state, metric) {
  return Boolean(metric) && Array.isArray(metric.sectors) && metric.sectors.some((s) => s.id === state.sector);
}

/** What the calculator's address holds for the metric shown. */
export function calculatorAddress(state) {
  return {
    metric: state.metric.id,
    inputs: state.metric.inputs.map((input) => input.id),
    values: state.values,
    lang: state.lang,
    currency: state.metric.money ? state.currency : null,
    sector: hasSector(state, state.metric) ? state.sector : null,
  };
}

/** A metric's address, without values (`metric` may be unknown: then only its id). */
export function metricHref(state, metric, id) {
  return queryFor({
    metric: id,
    lang: state.lang,
    currency: metric && metric.money ? state.currency : null,
    sector: hasSector(state, metric) ? state.sector : null,
  });
}

/** The calculator's address for `metric` (of id `metricId`) filled with `values`. */
export function filledHref(state, metric, metricId, values) {
  return queryFor({
    metric: metricId,
    inputs: metric ? metric.inputs.map((input) => input.id) : Object.keys(values),
    values: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)])),
    lang: state.lang,
    sector: hasSector(state, metric) ? state.sector : null,
  });
}

/** What to show in a metric's form: what was typed there before, else the inputs it shares with the current one. */
export function valuesFor(state, metric) {
  if (state.valuesByMetric.has(metric.id)) return { ...state.valuesByMetric.get(metric.id) };
  const shared = {};
  for (const input of metric.inputs) {
    if (state.values[input.id] !== undefined) shared[input.id] = state.values[input.id];
  }
  return shared;
}
