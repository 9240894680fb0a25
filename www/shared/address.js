// The page's address is its state:
//   index.html?metric=retention_rate&start=200&end=210&new=30&lang=en&currency=USD&sector=restaurants
// Input values are kept exactly as typed ("1 234" is written as 1%20234).
// The data view has an address of its own:
//   index.html?view=data&period=quarter&window=60&lang=en&currency=PLN&sector=restaurants

const SETTINGS = ["metric", "lang", "currency", "sector", "view"];

/** Reads the state from a query string (default: the current address). */
export function readAddress(search = window.location.search) {
  const params = new URLSearchParams(search);
  const values = {};
  for (const [key, value] of params) {
    if (!SETTINGS.includes(key)) values[key] = value;
  }
  return {
    metric: params.get("metric"),
    lang: params.get("lang"),
    currency: params.get("currency"),
    sector: params.get("sector"),
    view: params.get("view") === "data" ? "data" : "calculator",
    values,
  };
}

/**
 * Builds the query string for a state. `inputs` lists the metric's input ids
 * in display order; empty values, currency and sector are left out when not
 * given.
 */
export function queryFor({ metric, inputs = [], values = {}, lang, currency, sector }) {
  const parts = [];
  const add = (key, value) => {
    if (value === undefined || value === null || value === "") return;
    // encodeURIComponent writes a space as %20 (URLSearchParams would write "+").
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  };
  add("metric", metric);
  for (const id of inputs) add(id, values[id]);
  add("lang", lang);
  add("currency", currency);
  add("sector", sector);
  return `?${parts.join("&")}`;
}

/** The data view's query string: its settings (left out when default), language, currency and sector. */
export function dataQueryFor({ period, window: days, lang, currency, sector }) {
  const parts = ["view=data"];
  for (const [key, value] of [["period", period], ["window", days], ["lang", lang], ["currency", currency], ["sector", sector]]) {
    if (value !== undefined && value !== null && value !== "") parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return `?${parts.join("&")}`;
}

/**
 * Shows `query` in the address bar: in place, or as a new history entry
 * (`push`, when the user switches views, so Back returns to the last one).
 */
export function setAddress(query, { push = false } = {}) {
  if (push) {
    if (query !== window.location.search) window.history.pushState(null, "", query);
  } else if (query !== window.location.search) {
    window.history.replaceState(window.history.state, "", query + window.location.hash);
  }
}

/** Replaces the current address with the given state (no new history entry). */
export function writeAddress(state) {
  setAddress(queryFor(state));
}
