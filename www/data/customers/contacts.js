// "Who to contact now": customers in the engine's contact order (overdue
// first, then by what their leaving would cost), each with why and what to
// do, and the whole list as a file for a mail merge.

import { el } from "../../shared/dom.js";
import { exportBar, files } from "../../export/bar.js";
import { section } from "../tables.js";
import { atStakeText, chanceText, customerButton, segmentName } from "./cells.js";

/** Contacts shown at first, and added by "Show more". */
const PAGE = 10;

/** Why a customer is on the list, in a few words. */
function reason(row, { t, fmt }) {
  if (row.overdue) {
    return t("data.page.customers.reason.overdue", { days: row.days_since_last, gap: fmt.decimal(row.usual_gap_days, 1) });
  }
  if (row.p_alive !== null && row.x > 0) return t("data.page.customers.reason.p_alive", { p: chanceText(row.p_alive, fmt, t) });
  if (row.days_since_last === 0) return t("data.page.customers.reason.visits_today", { n: row.visits });
  return t("data.page.customers.reason.visits", { n: row.visits, days: row.days_since_last });
}

/** The contact list as rows for a spreadsheet: every customer of `ordered` (in contact order). */
function contactRows(context, ordered) {
  const { t, fmt, report } = context;
  const money = report.at_stake_unit === "money";
  const heading = (key) => {
    const label = t(`data.page.customers.csv.${key}`);
    if (key === "p_alive") return files.percent(label);
    return (key === "value" || key === "at_stake") && money ? files.money(label, fmt.currency) : label;
  };
  const header = ["customer", "segment", "action", "last_visit", "days_since_last", "visits", "overdue", "p_alive", "at_stake", "value"]
    .filter((key) => money || key !== "value")
    .map(heading);
  return [header, ...ordered.map((row) => [
    row.id,
    segmentName(row.segment, t),
    t(`data.page.customers.action.${row.action}`),
    row.last_visit,
    row.days_since_last,
    row.visits,
    t(row.overdue ? "data.page.customers.csv.yes" : "data.page.customers.csv.no"),
    row.p_alive === null ? null : row.p_alive * 100,
    row.at_stake === null ? null : money ? { money: row.at_stake } : row.at_stake,
    ...(money ? [row.value === null ? null : { money: row.value }] : []),
  ])];
}

/**
 * @param context { t, fmt, lang, report }
 * @param open (row, opener) shows one customer's history
 */
export function contactsSection(context, open) {
  const { t, report, lang } = context;
  const ordered = [...report.customers].sort((a, b) => a.contact_rank - b.contact_rank);
  const list = el("ol", { id: "customers-contacts", class: "contacts" });
  let shown = 0;
  const more = el("button", { type: "button", id: "customers-contacts-more", class: "button button--small", text: t("data.page.customers.more") });

  function showMore() {
    const next = ordered.slice(shown, shown + PAGE);
    list.append(...next.map((row) => el("li", { class: "contact", "data-customer": row.id, "data-overdue": row.overdue ? "true" : null },
      el("div", { class: "contact__who" },
        customerButton(row, t, open),
        el("span", { class: "contact__segment", text: segmentName(row.segment, t) }),
        row.overdue ? el("span", { class: "badge badge--alert", text: t("data.page.customers.overdue") }) : null),
      el("p", { class: "contact__why" },
        reason(row, context),
        row.at_stake !== null ? ` ${t("data.page.customers.at_stake_line", { value: atStakeText(row.at_stake, context) })}` : null),
      el("p", { class: "contact__action", text: t(`data.page.customers.action.${row.action}`) }))));
    shown += next.length;
    more.hidden = shown >= ordered.length;
  }
  more.addEventListener("click", () => {
    const first = shown;
    showMore();
    list.children[first]?.querySelector("button")?.focus();
  });
  showMore();

  return section("data-customers-contacts", t("data.page.customers.contacts_heading"),
    el("p", { class: "data-note", text: t("data.page.customers.contacts_intro") }),
    list,
    more,
    exportBar({ t, what: t("data.page.customers.contacts_file"), name: "contact-list", formats: { csv: () => files.csv(contactRows(context, ordered), lang) } }));
}
