// How the history writes a headline figure and the moment a check was kept:
// in the reader's locale, money in the currency the check was shown in.

import { createFormat } from "../../shared/format.js";

/** A headline figure's value ("84.3%", "600", "$7.56"); `kind` as in headline.js's FIGURES. */
export function figureValue(kind, value, fmt) {
  if (kind === "percent") return fmt.percent(value);
  if (kind === "money") return fmt.money(value);
  return fmt.integer(value);
}

/** The formatter for money in `currency`: the page's own when that is its currency. */
export function formatIn(fmt, currency, t) {
  if (!currency || currency === fmt.currency) return fmt;
  return createFormat({ locale: fmt.locale, currency, t });
}

/**
 * When a check was kept (an ISO instant), in the reader's time zone:
 * "March 3, 2026" or, with `time`, "Mar 3, 2026, 2:05 PM".
 */
export function savedDate(fmt, iso, { time = false } = {}) {
  const options = time ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "long" };
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fmt.dash;
  try {
    return new Intl.DateTimeFormat(fmt.locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat("en", options).format(date);
  }
}
