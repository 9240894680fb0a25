// One customer's history in a dialog: their visits on a timeline, their
// figures (the everyday "days since the last visit" beside the model's
// recency, each named), and the worked formulas of their P(alive), expected
// visits and value in their own numbers. Closing it returns the focus to
// the button that opened it.

import { el } from "../../shared/dom.js";
import { svg } from "../../shared/charts.js";
import { atStakeText, chanceText, segmentName, visitsText } from "./cells.js";

const DAY_MS = 86400000;

/** Days from one ISO date to another. */
function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The visits (customerVisits()'s) as ticks on a line from the first visit to the log's last day. */
function timeline(row, visits, { t, fmt, report }) {
  const span = Math.max(1, daysBetween(row.first_visit, report.observation_end));
  const width = 600;
  const height = 56;
  const left = 8;
  const right = 8;
  const x = (day) => left + (day / span) * (width - left - right);
  const titleId = "customer-timeline-title";
  return svg("svg", { class: "timeline", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, preserveAspectRatio: "none" },
    svg("title", { id: titleId }, t("data.page.customers.detail.timeline", {
      n: row.visits,
      first: fmt.date(row.first_visit),
      last: fmt.date(row.last_visit),
      end: fmt.date(report.observation_end),
    })),
    svg("line", { x1: left, x2: width - right, y1: 28, y2: 28, class: "timeline__axis" }),
    // A tick per visit: a regular's many visits read as a dense stretch, a gap as a gap.
    visits.map(({ day }) => {
      const at = x(daysBetween(row.first_visit, day)).toFixed(1);
      return svg("line", { x1: at, x2: at, y1: 16, y2: 40, class: "timeline__visit" });
    }),
    svg("line", { x1: x(span), x2: x(span), y1: 8, y2: 48, class: "timeline__today" }));
}

/** The figures as a description list. */
function figures(row, { t, fmt, report }) {
  const money = report.input.has_amounts;
  const item = (key, value) => el("div", { class: "facts__item", "data-fact": key }, el("dt", { text: t(`data.page.customers.detail.${key}`) }), el("dd", { text: value }));
  return el("dl", { class: "facts customer-facts" },
    item("segment", segmentName(row.segment, t)),
    item("first_visit", fmt.date(row.first_visit)),
    item("last_visit", fmt.date(row.last_visit)),
    item("days_since_last", t("data.page.customers.days_value", { n: fmt.integer(row.days_since_last) })),
    item("visits", fmt.integer(row.visits)),
    item("usual_gap", row.usual_gap_days === null ? fmt.dash : t("data.page.customers.days_value", { n: fmt.decimal(row.usual_gap_days, 1) })),
    money ? item("total_spend", fmt.money(row.total_spend, true)) : null,
    money ? item("average_spend", fmt.money(row.average_spend, true)) : null,
    item("recency", t("data.page.customers.weeks_value", { n: fmt.decimal(row.t_x, 2, true) })),
    item("age", t("data.page.customers.weeks_value", { n: fmt.decimal(row.T, 2, true) })));
}

/** A worked formula: its rule, then the rule in this customer's numbers. */
function worked(id, heading, rule, numbers, result) {
  return el("div", { class: "worked", id },
    el("h4", { class: "worked__heading", text: heading }),
    el("p", { class: "worked__rule", text: rule }),
    el("p", { class: "worked__numbers" }, el("code", { text: numbers })),
    el("p", { class: "worked__result", text: result }));
}

/** P(alive), the expected visits and the value, worked out in the customer's numbers. */
function formulas(row, { t, fmt, report }) {
  const fit = report.model.bg_nbd;
  if (!fit || row.p_alive === null) {
    const refusal = report.model.bg_nbd_refusal;
    return el("p", { class: "data-note", text: refusal ? refusal.message : t("data.page.customers.no_model") });
  }
  const n = (value) => fmt.decimal(value, 4);
  const parts = [];
  if (row.x === 0) {
    parts.push(worked("customer-p-alive", t("data.page.customers.detail.p_alive"), t("data.page.customers.formula.p_alive_once"),
      "P(alive) = 1", t("data.page.customers.formula.p_alive_result", { p: chanceText(row.p_alive, fmt, t) })));
  } else {
    parts.push(worked("customer-p-alive", t("data.page.customers.detail.p_alive"), t("data.page.customers.formula.p_alive"),
      `P(alive) = 1 / (1 + ${n(fit.a)} / (${n(fit.b)} + ${row.x} − 1) × ((${n(fit.alpha)} + ${n(row.T)}) / (${n(fit.alpha)} + ${n(row.t_x)}))^(${n(fit.r)} + ${row.x}))`,
      t("data.page.customers.formula.p_alive_result", { p: chanceText(row.p_alive, fmt, t) })));
  }
  parts.push(el("p", { class: "worked__result", id: "customer-expected", text: t("data.page.customers.formula.expected", {
    d30: visitsText(row.expected_30, fmt),
    d90: visitsText(row.expected_90, fmt),
    d365: visitsText(row.expected_365, fmt),
  }) }));
  const spendFit = report.model.gamma_gamma;
  if (spendFit && row.expected_spend !== null) {
    const m = row.monetary ?? 0;
    parts.push(worked("customer-spend", t("data.page.customers.detail.spend"), t("data.page.customers.formula.spend"),
      `E[M] = (${n(spendFit.gamma)} × ${n(spendFit.p)} + ${n(spendFit.p)} × ${row.x} × ${fmt.decimal(m, 2, true)}) / (${n(spendFit.p)} × ${row.x} + ${n(spendFit.q)} − 1)`,
      t("data.page.customers.formula.spend_result", { spend: fmt.money(row.expected_spend, true) })));
    parts.push(worked("customer-value", t("data.page.customers.detail.value", { months: report.horizon_months }),
      t("data.page.customers.formula.value", { months: report.horizon_months, discount: fmt.decimal(report.discount, 2) }),
      `${fmt.money(row.expected_spend, true)} × ${fmt.decimal(row.discounted_visits, 3, true)} = ${fmt.money(row.value, true)}`,
      t("data.page.customers.formula.value_result", { value: fmt.money(row.value, true), months: report.horizon_months })));
  } else if (report.model.gamma_gamma_refusal) {
    parts.push(el("p", { class: "data-note", text: report.model.gamma_gamma_refusal.message }));
  }
  if (row.at_stake !== null) {
    parts.push(el("p", { class: "worked__result", id: "customer-at-stake", text: t("data.page.customers.formula.at_stake", {
      value: atStakeText(row.at_stake, { t, fmt, report }),
      p: chanceText(row.p_alive, fmt, t),
    }) }));
  }
  return parts;
}

let dialog = null;

/**
 * Opens (or replaces) the dialog with `row`'s history; `opener` gets the
 * focus back. The visits for the timeline come from `context.loadVisits(id)`
 * (the engine reads them from the file when asked), drawn when they arrive.
 */
export function openCustomer(row, context, opener) {
  const { t } = context;
  dialog?.remove();
  const track = el("div", { class: "timeline-track", "aria-busy": "true" },
    el("p", { class: "data-note", text: t("data.page.customers.detail.loading") }));
  const close = el("button", { type: "button", class: "button dialog__close", text: t("data.page.customers.close") });
  dialog = el("dialog", { id: "customer-dialog", class: "customer-dialog", "aria-labelledby": "customer-dialog-heading" },
    el("div", { class: "dialog__head" },
      el("h3", { id: "customer-dialog-heading", text: t("data.page.customers.detail.heading", { id: row.id }) }),
      close),
    el("p", { class: "data-note", text: t(`data.page.customers.action.${row.action}`) }),
    el("div", { class: "timeline-box" },
      track,
      el("p", { class: "timeline__ends", "aria-hidden": "true" },
        el("span", { text: context.fmt.date(row.first_visit) }),
        el("span", { text: context.fmt.date(context.report.observation_end) }))),
    figures(row, context),
    el("p", { class: "data-note", text: t("data.page.customers.detail.units") }),
    formulas(row, context));
  const shut = dialog;
  close.addEventListener("click", () => shut.close());
  shut.addEventListener("close", () => {
    shut.remove();
    if (dialog === shut) dialog = null;
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(shut);
  shut.showModal();
  close.focus();
  context.loadVisits(row.id).then(
    ({ visits }) => {
      track.replaceChildren(timeline(row, visits, context));
      track.removeAttribute("aria-busy");
    },
    (err) => {
      track.replaceChildren(el("p", { class: "data-note", text: err.code === "cancelled" ? "" : err.message }));
      track.removeAttribute("aria-busy");
    },
  );
}
