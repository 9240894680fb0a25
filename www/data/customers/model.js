// The models behind the forecasts, in words a shop owner can check against
// what they know ("a typical customer comes about every 2 weeks"), their
// fitted parameters with what each means, and, when a calibration end is
// picked, the tracking check: repeat visits the model expected after it
// against those that came.

import { el } from "../../shared/dom.js";
import { lineChart } from "../../shared/charts.js";
import { exportBar, files } from "../../export/bar.js";
import { lineChartFile, chartFormats } from "../../export/chart-files.js";
import { scrollingTable, section } from "../tables.js";

/** Weeks between visits in the unit people use for them: days under two weeks. */
function gapText(weeks, { t, fmt }) {
  return weeks < 2
    ? t("data.page.customers.model.every_days", { n: fmt.decimal(weeks * 7, 1) })
    : t("data.page.customers.model.every_weeks", { n: fmt.decimal(weeks, 1) });
}

function sentences({ t, fmt, report }) {
  const model = report.model;
  const lines = [
    t("data.page.customers.model.gap", { gap: gapText(model.weeks_between_purchases, { t, fmt }) }),
    t("data.page.customers.model.drop", { share: fmt.percent(model.drop_out_per_purchase * 100, 1) }),
    t("data.page.customers.model.next_year", { n: fmt.integer(model.expected_visits_next_year), customers: model.customers }),
    t("data.page.customers.model.new_customer", { n: fmt.decimal(model.expected_visits_new_customer, 1) }),
  ];
  if (model.gamma_gamma) {
    lines.push(t("data.page.customers.model.spend", { spend: fmt.money(model.mean_spend, true) }));
    const rho = fmt.decimal(model.spend_frequency_correlation, 2, true);
    lines.push(t(model.spend_depends_on_frequency ? "data.page.customers.model.correlated" : "data.page.customers.model.uncorrelated", { rho }));
  }
  return el("ul", { class: "model-facts", id: "customers-model-facts" }, lines.map((line) => el("li", { text: line })));
}

/** The fitted parameters with their meaning. */
function parameters({ t, fmt, report }) {
  const { bg_nbd: fit, gamma_gamma: spend } = report.model;
  const row = (name, value, meaning) => el("tr", {}, el("th", { scope: "row", text: name }), el("td", { class: "num", text: fmt.decimal(value, 4, true) }), el("td", { text: t(meaning) }));
  const table = el("table", { class: "data-table model-table" },
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: t("data.page.customers.model.parameter") }),
      el("th", { scope: "col", class: "num", text: t("data.page.customers.model.value") }),
      el("th", { scope: "col", text: t("data.page.customers.model.meaning") }))),
    el("tbody", {},
      row("r", fit.r, "data.page.customers.model.r"),
      row("α", fit.alpha, "data.page.customers.model.alpha"),
      row("a", fit.a, "data.page.customers.model.a"),
      row("b", fit.b, "data.page.customers.model.b"),
      row("LL", fit.log_likelihood, "data.page.customers.model.ll"),
      spend ? [
        row("p", spend.p, "data.page.customers.model.p"),
        row("q", spend.q, "data.page.customers.model.q"),
        row("γ", spend.gamma, "data.page.customers.model.gamma"),
        row("LL", spend.log_likelihood, "data.page.customers.model.ll_spend"),
      ] : null));
  return scrollingTable("customers-model-title", t("data.page.customers.model.table_title"), table);
}

/** The top of an axis of four equal steps over `value`, each step a round number (1, 2, 2.5 or 5 × 10ⁿ). */
function roundTop(value) {
  const step = Math.max(1, value) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(step));
  const round = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= step);
  return round * magnitude * 4;
}

/**
 * A calibration end to suggest: two thirds of the way from the first visit
 * to the last day, on a whole number of weeks before the last day, so the
 * check has a third of the log to compare with.
 */
function suggestedEnd(first, last) {
  const day = 86400000;
  const span = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / day);
  const weeksAfter = Math.floor(span / 3 / 7);
  if (weeksAfter < 1) return null;
  return new Date(Date.parse(`${last}T00:00:00Z`) - weeksAfter * 7 * day).toISOString().slice(0, 10);
}

/** Expected against actual cumulative repeat visits after the calibration end. */
function tracking({ t, fmt, lang, report, firstVisit, calibrate }) {
  const check = report.tracking;
  if (!check) {
    const day = suggestedEnd(firstVisit, report.observation_end);
    const suggest = day && el("button", {
      type: "button",
      id: "customers-tracking-try",
      class: "button",
      text: t("data.page.customers.tracking.try", { date: fmt.date(day) }),
      onclick: () => calibrate(day),
    });
    return [el("p", { class: "data-note", text: t("data.page.customers.tracking.how") }), suggest];
  }
  if (check.refusal) return el("p", { class: "data-alert", text: check.refusal.message });
  if (check.points.length === 0) return el("p", { class: "data-note", text: t("data.page.customers.tracking.too_short") });
  const labels = check.points.map((p) => fmt.date(p.day));
  const top = roundTop(Math.max(...check.points.map((p) => Math.max(p.expected, p.actual))));
  const last = check.points[check.points.length - 1];
  const chart = lineChart({
    id: "customers-tracking-chart",
    title: t("data.page.customers.tracking.title"),
    description: t("data.page.customers.tracking.description", { date: fmt.date(check.calibration_end), weeks: last.week }),
    labels,
    series: [
      { id: "actual", name: t("data.page.customers.tracking.actual"), values: check.points.map((p) => p.actual), mark: "circle" },
      { id: "expected", name: t("data.page.customers.tracking.expected"), values: check.points.map((p) => p.expected), mark: "square" },
    ],
    yMax: top,
    yLabel: t("data.page.customers.tracking.axis_y"),
    xLabel: t("data.page.customers.tracking.axis_x"),
    yFormat: (n) => fmt.integer(n),
    pointLabel: (label, series, value) => t("data.page.chart.point", { period: label, series: series.name, value: fmt.integer(value) }),
  });
  const gap = last.actual > 0 ? ((last.expected - last.actual) / last.actual) * 100 : null;
  const csv = () => files.csv([
    [t("data.page.customers.tracking.week"), t("data.page.customers.tracking.day"), t("data.page.customers.tracking.expected"), t("data.page.customers.tracking.actual")],
    ...check.points.map((p) => [p.week, p.day, p.expected, p.actual]),
  ], lang);
  return [
    chart,
    el("p", { class: "data-note", id: "customers-tracking-summary", text: t("data.page.customers.tracking.summary", {
      date: fmt.date(last.day),
      expected: fmt.integer(last.expected),
      actual: fmt.integer(last.actual),
      gap: gap === null ? fmt.dash : fmt.percent(gap, 0),
    }) }),
    exportBar({ t, what: t("data.page.customers.tracking.file"), name: "tracking", formats: { ...chartFormats(() => lineChartFile(chart, t("data.page.customers.tracking.title"))), csv } }),
  ];
}

/** The section: the model in words, its parameters, the tracking check; or why there is no model. */
export function modelSection(context) {
  const { t, report } = context;
  const model = report.model;
  if (!model.bg_nbd) {
    return section("data-customers-model", t("data.page.customers.model.heading"),
      el("p", { class: "data-alert", id: "customers-refusal", text: model.bg_nbd_refusal?.message || t("data.page.customers.no_model") }));
  }
  return section("data-customers-model", t("data.page.customers.model.heading"),
    el("p", { class: "data-note", text: t("data.page.customers.model.intro", { customers: model.customers, repeat: model.repeat_buyers }) }),
    sentences(context),
    model.gamma_gamma_refusal ? el("p", { class: "data-note", id: "customers-spend-refusal", text: model.gamma_gamma_refusal.message }) : null,
    parameters(context),
    el("h4", { class: "data-subheading", text: t("data.page.customers.tracking.heading") }),
    tracking(context));
}
