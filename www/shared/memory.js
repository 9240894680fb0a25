// Remembers the calculator's last inputs on this device (localStorage), so a
// bare visit opens where the reader left off instead of on the worked example.
// Nothing leaves the browser. Storage can throw (private mode, a full quota,
// file:// in some browsers): the page then simply works without memory.

const KEY = "retention-calculator:v1";

/** The last saved snapshot, or null when there is none or storage is unusable. */
export function recall() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY));
    return saved && typeof saved === "object" ? saved : null;
  } catch {
    return null;
  }
}

/**
 * Saves what the calculator shows: the metric, the values typed for each
 * metric, currency, sector and (only when picked from the menu) the language.
 */
export function remember({ metric, values, valuesByMetric, currency, sector, lang }) {
  const snapshot = { metric, values, valuesByMetric: Object.fromEntries(valuesByMetric), currency, sector, lang };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // No storage: the page still works, it just will not remember.
  }
}
