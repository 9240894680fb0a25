// The subscriptions section: a billing export (customer, date or month,
// amount or MRR; optionally the interval and the plan) in; where the MRR
// moved month by month (a waterfall of the month picked and the table of
// every month), net revenue retention per sign-up month, and the plans.
// Every figure is the engine's; a month's MRR churn and NRR open in the MRR
// churn calculator, its customer churn in the churn calculator, each with
// the month's own numbers.

import { el, fill } from "../shared/dom.js";
import { heatStyle } from "../shared/charts.js";
import { createSourceInput } from "./source-input.js";
import { dataPanel, skippedDetails } from "./panel.js";
import { scrollingTable } from "./tables.js";
import { createSectionRunner, sourceOf, Cancelled } from "./client.js";
import { createProgress } from "./progress.js";
import { exportBar, files } from "../export/bar.js";
import { waterfall } from "./waterfall.js";

/** The month table's columns: key, heading, how it is written. */
const MONTH_COLUMNS = [
  ["mrr_start", "start", "money"],
  ["new", "new", "money"],
  ["expansion", "expansion", "money"],
  ["reactivated", "reactivated", "money"],
  ["contraction", "contraction", "money"],
  ["churned", "churned", "money"],
  ["mrr_end", "end", "money"],
  ["gross_mrr_churn", "gross", "percent"],
  ["net_mrr_churn", "net", "percent"],
  ["nrr", "nrr", "percent"],
  ["customer_churn", "customer_churn", "percent"],
  ["arpa", "arpa", "money"],
];

/** Columns worked out by the MRR churn calculator from the month's movements. */
const MRR_CHURN_COLUMNS = new Set(["gross_mrr_churn", "net_mrr_churn", "nrr"]);

/** Money in an address: to the cent, as a person would type it. */
const cents = (value) => Math.round(value * 100) / 100;

/**
 * @param {{ t, getFormat: () => format, client, lang: () => string, metricHref: (metricId, values) => string }} context
 *   metricHref: a calculator's address with values filled in (a month's churn, its MRR)
 */
export function createSubscriptionsSection({ t, getFormat, client, lang, metricHref }) {
  let source = null;
  let lastReport = null;
  let dateOrder = null; // asked when the dates read either way
  let shownMonth = null; // the month the waterfall shows
  const resultBox = el("div", { class: "data-result", id: "subscriptions-result", "aria-live": "polite" });
  const orderBox = el("div", { id: "subscriptions-order" });

  const input = createSourceInput({
    id: "subscriptions",
    rows: 4,
    t,
    keys: {
      file: "data.page.subscriptions.file",
      fileHint: "data.page.subscriptions.file_hint",
      paste: "data.page.subscriptions.paste",
      pasteButton: "data.page.subscriptions.button",
    },
    onSource(next) {
      source = next;
      dateOrder = null;
      shownMonth = null;
      run();
    },
  });
  const progress = createProgress({ id: "subscriptions", label: "data.page.subscriptions.progress", onCancel: () => runner.cancel() });
  const runner = createSectionRunner(client, {
    box: resultBox,
    input,
    show,
    progress,
    onError(err) {
      if (err.code !== "ambiguous_date_order") return false;
      askDateOrder(err.message);
      return true;
    },
  });

  async function run() {
    input.clearError();
    orderBox.replaceChildren();
    const options = { lang: lang() };
    if (dateOrder) options.dateOrder = dateOrder;
    const report = await runner.run("analyzeSubscriptions", source, options);
    if (report) lastReport = report;
  }

  /** The dates read either way (03/04/2024): the reader says which, and the file is read again. */
  function askDateOrder(message) {
    const select = el("select", { id: "subscriptions-date-order" },
      ["dmy", "mdy"].map((order) => el("option", { value: order, text: t(`data.page.date_order.${order}`) })));
    const button = el("button", { type: "button", class: "button", text: t("data.page.subscriptions.read_again") });
    button.addEventListener("click", () => {
      dateOrder = select.value;
      run();
    });
    fill(orderBox, el("p", { class: "data-alert", role: "alert", text: message }), el("div", { class: "setting" },
      el("label", { for: "subscriptions-date-order", text: t("data.page.mapping.date_order") }), select, button));
    select.focus();
  }

  function money(fmt, value) {
    return fmt.money(value, true);
  }

  function cell(fmt, kind, value) {
    if (value === null || value === undefined) return fmt.dash;
    return kind === "money" ? money(fmt, value) : fmt.percent(value);
  }

  /** The MRR churn calculator with a month's movements filled in. */
  function mrrChurnHref(month) {
    return metricHref("mrr_churn", {
      mrr_start: cents(month.mrr_start),
      churned: cents(month.churned),
      contraction: cents(month.contraction),
      expansion: cents(month.expansion),
      reactivated: cents(month.reactivated),
    });
  }

  /** A month's figure, as a link to the calculator that works it out when there is one. */
  function monthCell(fmt, month, key, kind) {
    const text = cell(fmt, kind, month[key]);
    const label = { month: fmt.period(month.month), figure: t(`data.page.subscriptions.col.${MONTH_COLUMNS.find(([k]) => k === key)[1]}`) };
    if (key === "customer_churn" && month.customers_start > 0) {
      return el("a", {
        href: metricHref("churn_rate", { start: month.customers_start, lost: month.customers_churned, period: "month" }),
        "aria-label": t("data.page.subscriptions.open_churn", label),
        text,
      });
    }
    if (MRR_CHURN_COLUMNS.has(key) && month[key] !== null) {
      return el("a", { href: mrrChurnHref(month), "aria-label": t("data.page.subscriptions.open_mrr_churn", label), text });
    }
    return text;
  }

  function monthTable(report, fmt) {
    const rows = report.months.map((month) => el("tr", { "data-month": month.month },
      el("th", { scope: "row" }, el("time", { datetime: month.month, text: fmt.period(month.month) })),
      MONTH_COLUMNS.map(([key, , kind]) => el("td", { class: "num", "data-col": key }, monthCell(fmt, month, key, kind)))));
    return el("table", { class: "data-table subscriptions-table" },
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: t("data.page.subscriptions.col.month") }),
        MONTH_COLUMNS.map(([, label]) => el("th", { scope: "col", class: "num", text: t(`data.page.subscriptions.col.${label}`) })))),
      el("tbody", {}, rows));
  }

  function cohortTable(report, fmt) {
    const width = Math.max(0, ...report.cohorts.map((c) => c.percent.length));
    const heads = Array.from({ length: width }, (_, k) => el("th", { scope: "col", class: "num", text: fmt.integer(k) }));
    return el("table", { class: "data-table heat-table" },
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: t("data.page.subscriptions.cohort") }),
        el("th", { scope: "col", class: "num", text: t("data.page.subscriptions.cohort_customers") }),
        heads)),
      el("tbody", {}, report.cohorts.map((cohort) => el("tr", { "data-cohort": cohort.cohort },
        el("th", { scope: "row" }, el("time", { datetime: cohort.cohort, text: fmt.period(cohort.cohort) })),
        el("td", { class: "num", text: fmt.integer(cohort.customers) }),
        Array.from({ length: width }, (_, k) => {
          const value = cohort.percent[k];
          if (value === undefined) return el("td", { class: "heat heat--empty" });
          return el("td", { class: "heat", style: heatStyle(Math.min(100, value)), "data-value": value.toFixed(1), text: fmt.decimal(value, 1, true) });
        })))));
  }

  function show(report) {
    const fmt = getFormat();
    const months = report.months;
    const last = months[months.length - 1];
    shownMonth = months.some((m) => m.month === shownMonth) ? shownMonth : last.month;
    const picked = months.find((m) => m.month === shownMonth);
    const monthSelect = el("select", { id: "subscriptions-month" },
      months.map((m) => el("option", { value: m.month, text: fmt.period(m.month) })));
    monthSelect.value = shownMonth;
    monthSelect.addEventListener("change", () => {
      shownMonth = monthSelect.value;
      show(report);
      document.getElementById("subscriptions-month")?.focus();
    });
    const card = (key, label, value, link = null) => el("div", { class: "card", "data-total": key },
      el("dt", { class: "card__label", text: t(`data.page.subscriptions.card.${label}`) }),
      el("dd", { class: "card__value", text: value }),
      link ? el("dd", { class: "card__detail" }, link) : null);
    // MRR = customers × ARPA, as the MRR calculator works it out.
    const mrrLink = last.customers_end > 0
      ? el("a", {
        class: "open-calculator",
        href: metricHref("monthly_recurring_revenue", { customers: last.customers_end, arpc: cents(last.arpa) }),
        text: t("data.page.subscriptions.open_mrr"),
      })
      : null;
    // The month picked's churn and NRR, worked out step by step.
    const churnLink = picked.mrr_start > 0
      ? el("a", { class: "open-calculator", href: mrrChurnHref(picked), text: t("data.page.subscriptions.open_mrr_churn_card") })
      : null;
    const csv = () => files.csv([
      [t("data.page.subscriptions.col.month"), ...MONTH_COLUMNS.map(([, label, kind]) => {
        const heading = t(`data.page.subscriptions.col.${label}`);
        return kind === "money" ? files.money(heading, fmt.currency) : files.percent(heading);
      })],
      ...months.map((m) => [m.month, ...MONTH_COLUMNS.map(([key, , kind]) => (m[key] === null ? null : kind === "money" ? { money: m[key] } : m[key]))]),
    ], lang());
    fill(resultBox,
      el("dl", { class: "cards" },
        card("mrr", "mrr", money(fmt, last.mrr_end), mrrLink),
        card("customers", "customers", fmt.integer(last.customers_end)),
        card("arpa", "arpa", cell(fmt, "money", last.arpa)),
        card("nrr", "nrr", cell(fmt, "percent", picked.nrr), churnLink),
        card("gross", "gross", cell(fmt, "percent", picked.gross_mrr_churn)),
        card("net", "net", cell(fmt, "percent", picked.net_mrr_churn))),
      el("div", { class: "setting" }, el("label", { for: "subscriptions-month", text: t("data.page.subscriptions.month") }), monthSelect),
      waterfall(picked, { t, fmt }),
      scrollingTable("subscriptions-caption", t("data.page.subscriptions.caption"), monthTable(report, fmt)),
      exportBar({ t, what: t("data.page.subscriptions.export"), name: "mrr-movements", formats: { csv, json: () => files.json(report) } }),
      el("p", { class: "data-note", text: t("data.page.subscriptions.legend") }),
      report.cohorts.length > 0
        ? scrollingTable("subscriptions-cohorts-caption", t("data.page.subscriptions.cohorts_caption"), cohortTable(report, fmt), "table-scroll--heat")
        : null,
      report.plans.length > 0
        ? el("ul", { class: "subscriptions-plans", "aria-label": t("data.page.subscriptions.plans") }, report.plans.map((plan) => el("li", {
          text: t("data.page.subscriptions.plan", { plan: plan.plan, mrr: money(fmt, plan.mrr), n: plan.customers }),
        })))
        : null,
      skippedDetails(report.input, t("data.page.subscriptions.skipped", { n: report.input.skipped_total }), t));
  }

  /** A generated gym's export, to see the section before dropping one's own. */
  async function loadSample(button) {
    button.disabled = true;
    try {
      const text = await client.call("sampleSubscriptions", null, []);
      source = sourceOf(text, t("data.page.subscriptions.sample_name"));
      dateOrder = null;
      shownMonth = null;
      await run();
    } catch (err) {
      if (!(err instanceof Cancelled)) input.showError(err.message);
    } finally {
      button.disabled = false;
    }
  }
  const sample = el("button", { type: "button", id: "subscriptions-sample", class: "button", text: t("data.page.subscriptions.sample") });
  sample.addEventListener("click", () => loadSample(sample));

  const root = dataPanel("subscriptions", t, input.root,
    el("div", { class: "data-sample" }, sample, el("p", { class: "field__help", text: t("data.page.subscriptions.sample_hint") })),
    orderBox, progress.render(t), resultBox);

  return {
    root,
    refresh() {
      if (lastReport) show(lastReport);
    },
  };
}
