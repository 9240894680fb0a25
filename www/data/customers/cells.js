// What the customers view writes in more than one place: a customer's name
// as the button that opens their history, their segment's name, and the
// figures of a row in the reader's format.

import { el } from "../../shared/dom.js";

/** A segment's name (the same texts as the segments table). */
export function segmentName(id, t) {
  return t(`data.segment.${id}.name`);
}

/** The customer's id as a button that opens their history. */
export function customerButton(row, t, open) {
  const button = el("button", {
    type: "button",
    class: "customer-link",
    "data-open-customer": row.id,
    "aria-label": t("data.page.customers.open", { id: row.id }),
    text: row.id,
  });
  button.addEventListener("click", () => open(row, button));
  return button;
}

/** What leaving would cost: money, or visits in a log without amounts. */
export function atStakeText(value, { t, fmt, report }) {
  if (value === null || value === undefined) return fmt.dash;
  return report.at_stake_unit === "money" ? fmt.money(value, true) : t("data.page.customers.visits_value", { n: fmt.decimal(value, 1) });
}

/** A number of visits expected, one decimal. */
export const visitsText = (value, fmt) => fmt.decimal(value, 1, true);

/**
 * A chance (0–1) as a whole percent; a chance that rounds to 0 % or 100 %
 * without being it says "under 1 %" or "over 99 %", so no customer reads
 * as certainly gone or certainly staying when the model does not say so.
 */
export function chanceText(value, fmt, t) {
  if (value === null || value === undefined) return fmt.dash;
  if (value > 0 && value < 0.005) return t("data.page.customers.under", { p: fmt.percent(1, 0) });
  if (value < 1 && value >= 0.995) return t("data.page.customers.over", { p: fmt.percent(99, 0) });
  return fmt.percent(value * 100, 0);
}
