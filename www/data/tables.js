// The transactions report as the page shows it (what was understood is
// understood.js's): the engine's notes, the totals, the period table and chart, the cohort heat map and the segments.
// Each function takes the engine's report and a context
// { t, fmt, lang, source, links } and returns a section; nothing here talks
// to the worker. Each table can be saved as CSV from the report's own
// numbers (not the rounded text on screen), and the chart as PNG or SVG.

import { el } from "../shared/dom.js";
import { lineChart, heatStyle } from "../shared/charts.js";
import { exportBar, files } from "../export/bar.js";
import { lineChartFile, chartFormats } from "../export/chart-files.js";
import { benchmarkBlock } from "../shared/benchmark.js";
import { goalInPeriod, goalStatus, reaches, today } from "../goals/progress.js";

/**
 * A table in its own horizontal scroller (reachable by keyboard), under a
 * title that names both. The title sits outside the scroller so that on a
 * phone it stays readable while the table scrolls.
 */
export function scrollingTable(titleId, title, table, extraClass = "") {
  table.setAttribute("aria-labelledby", titleId);
  return el("div", { class: "table-block" },
    el("p", { id: titleId, class: "table-title", text: title }),
    el("div", { class: `table-scroll ${extraClass}`.trim(), role: "region", tabindex: "0", "aria-labelledby": titleId }, table));
}

export function section(id, heading, ...content) {
  return el("section", { class: "data-section", id, "aria-labelledby": `${id}-heading` },
    el("h3", { id: `${id}-heading`, class: "data-section__heading", text: heading }),
    ...content);
}

/** Months from "2024-01" to "2024-03" (2). */
function monthsBetween(from, to) {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** The values of warnings that are sums of money. */
const MONEY_VALUES = ["amount", "before", "after"];

/**
 * A warning's text. The engine writes dates and periods as ISO ("2026-11-20",
 * "2026-11"); when it gives the values apart, the note is written again from
 * the same text with them in the reader's format ("20 lis 2026", "lis 2026").
 */
function warningText(warning, t, fmt) {
  if (typeof warning === "string") return warning;
  const values = warning.values;
  if (!fmt || !values || !warning.code) return warning.message;
  const vars = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === "date") vars.date = fmt.date(value);
    else if (name === "period") vars.period = fmt.period(value);
    else if (MONEY_VALUES.includes(name)) vars[name] = fmt.money(Number(value));
    else vars[name] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return t(`data.warning.${warning.code}`, vars);
}

/** The engine's warnings about the data, if any, with dates and numbers formatted by `fmt`. */
export function warningsBox(warnings, t, fmt = null) {
  if (!Array.isArray(warnings) || warnings.length === 0) return null;
  return el("div", { class: "data-warnings" },
    el("h4", { class: "data-warnings__heading", text: t("ui.warnings") }),
    el("ul", { class: "warnings" }, warnings.map((w) => el("li", { "data-code": w.code || null, text: warningText(w, t, fmt) }))));
}

// ---- Totals -----------------------------------------------------------------

/** The totals that have a calculator of the same formula, where a goal set there is followed. */
const CARD_GOALS = {
  repeat_purchase_rate: { metric: "repeat_purchase_rate", value: (totals) => totals.repeat_purchase_rate, write: (fmt, v) => fmt.percent(v), points: true },
  aov: { metric: "average_order_value", value: (totals) => totals.aov, write: (fmt, v) => fmt.money(v) },
  clv: { metric: "customer_lifetime_value", value: (totals) => (totals.clv ? totals.clv.value : null), write: (fmt, v) => fmt.money(v) },
};

/** A total's goal from the calculator: a progress bar and what is left, or null without one. */
function cardGoal(key, totals, { t, fmt, goals }) {
  const spec = CARD_GOALS[key];
  const goal = spec && goals ? goals.forMetric(spec.metric) : null;
  const value = spec ? spec.value(totals) : null;
  if (!goal || typeof value !== "number") return null;
  const standing = goalStatus(goal, value, today());
  const target = spec.write(fmt, goal.target);
  const percent = Math.round(standing.share * 100);
  return el("dd", { class: "card__goal", "data-goal": spec.metric, "data-met": standing.met ? "true" : "false" },
    el("progress", { max: 100, value: percent, "aria-label": t("data.page.goal.card_progress", { target }), "aria-valuetext": `${percent}%` }),
    el("span", { text: standing.met ? t("data.page.goal.card_met", { target }) : t("data.page.goal.card_to_go", { target, gap: spec.points ? t("ui.goal.points", { n: fmt.decimal(standing.gap, 1) }) : spec.write(fmt, standing.gap) }) }));
}

export function totalsCards(report, { t, fmt, lang, goals }) {
  const totals = report.totals;
  // A log of visits has no money: its cards are left out, and a note says why.
  const money = report.input.has_amounts;
  const card = (key, label, value, detail) => el("div", { class: "card", "data-total": key },
    el("dt", { class: "card__label", text: label }),
    // Long figures ("87 050,20 USD") get smaller type rather than break inside a word.
    el("dd", { class: value.length > 11 ? "card__value card__value--long" : "card__value", text: value }),
    detail ? el("dd", { class: "card__detail", text: detail }) : null,
    cardGoal(key, totals, { t, fmt, goals }));
  const clv = totals.clv;
  const clvCard = clv && clv.value !== null && clv.value !== undefined
    ? card("clv", t("data.page.totals.clv"), fmt.money(clv.value),
      t("data.page.totals.clv_detail", {
        aov: fmt.money(clv.aov),
        frequency: fmt.decimal(clv.purchase_frequency, 1),
        years: fmt.decimal(clv.lifespan_years, 1),
        churn: fmt.percent(clv.yearly_churn_rate),
      }))
    : el("div", { class: "card card--note", "data-total": "clv" },
      el("dt", { class: "card__label", text: t("data.page.totals.clv") }),
      el("dd", { class: "card__note", text: clv ? clv.note : fmt.dash }));
  const c = totals.concentration;
  const csv = () => files.csv([
    [t("ui.export.field"), t("ui.export.value")],
    [t("data.page.totals.customers"), totals.customers],
    [t("data.page.totals.orders"), totals.orders],
    ...(money ? [
      [files.money(t("data.page.totals.revenue"), fmt.currency), { money: totals.revenue }],
      [files.money(t("data.page.totals.aov"), fmt.currency), { money: totals.aov }],
    ] : []),
    [t("data.page.totals.frequency"), totals.purchase_frequency],
    [files.percent(t("data.page.totals.repeat")), totals.repeat_purchase_rate],
    [files.money(t("data.page.totals.clv"), fmt.currency), clv && clv.value !== null && clv.value !== undefined ? { money: clv.value } : null],
    ...(money ? [
      [files.percent(t("data.page.totals.top10")), c.top10_share],
      [files.percent(t("data.page.totals.top20")), c.top20_share],
    ] : []),
    [t("data.page.totals.active"), totals.active_customers],
  ], lang);
  return section("data-totals", t("data.page.totals.heading"),
    el("dl", { class: "cards" },
      card("customers", t("data.page.totals.customers"), fmt.integer(totals.customers),
        t("data.page.totals.customers_detail", { first: fmt.date(totals.first_date), last: fmt.date(totals.last_date) })),
      card("orders", t(money ? "data.page.totals.orders" : "data.page.totals.visits"), fmt.integer(totals.orders)),
      money ? card("revenue", t("data.page.totals.revenue"), fmt.money(totals.revenue)) : null,
      money ? card("aov", t("data.page.totals.aov"), fmt.money(totals.aov), t("data.page.totals.aov_detail")) : null,
      card("purchase_frequency", t("data.page.totals.frequency"), fmt.decimal(totals.purchase_frequency, 2),
        t(money ? "data.page.totals.frequency_detail" : "data.page.totals.frequency_detail_visits")),
      card("repeat_purchase_rate", t("data.page.totals.repeat"), fmt.percent(totals.repeat_purchase_rate), t("data.page.totals.repeat_detail")),
      clvCard,
      money ? card("top10", t("data.page.totals.top10"), fmt.percent(c.top10_share),
        t("data.page.totals.top_detail", { n: c.top10_customers })) : null,
      money ? card("top20", t("data.page.totals.top20"), fmt.percent(c.top20_share),
        t("data.page.totals.top_detail", { n: c.top20_customers })) : null,
      card("active_customers", t("data.page.totals.active"), fmt.integer(totals.active_customers),
        t("data.page.totals.active_detail", { w: report.window_days, date: fmt.date(totals.last_date) }))),
    exportBar({ t, what: t("data.page.export.totals"), name: "totals", formats: { csv } }));
}

// ---- Periods ------------------------------------------------------------------

/** The period table's columns: key and heading; money columns are saved with two decimals. */
const PERIOD_COLUMNS = [
  ["period", "data.page.col.period"],
  ["start", "data.page.col.start"],
  ["end", "data.page.col.end"],
  ["new", "data.page.col.new"],
  ["retained", "data.page.col.retained"],
  ["reactivated", "data.page.col.reactivated"],
  ["lost", "data.page.col.lost"],
  ["retention_rate", "data.page.col.retention"],
  ["churn_rate", "data.page.col.churn"],
  ["orders", "data.page.col.orders"],
  ["revenue", "data.page.col.revenue"],
  ["aov", "data.page.col.aov"],
  ["purchase_frequency", "data.page.col.frequency"],
  ["repeat_purchase_rate", "data.page.col.repeat"],
  ["open", "data.page.col.open"],
];
const MONEY_COLUMNS = ["revenue", "aov"];

/** The period columns a report has: a log of visits has no money columns. */
function periodColumns(report) {
  if (report.input.has_amounts) return PERIOD_COLUMNS;
  return PERIOD_COLUMNS.filter(([key]) => !MONEY_COLUMNS.includes(key))
    .map(([key, label]) => [key, key === "orders" ? "data.page.col.visits" : label]);
}
const PERCENT_COLUMNS = ["retention_rate", "churn_rate", "repeat_purchase_rate"];

/** The period table as CSV rows: ISO periods ("2024-03"), full-precision rates, a column marking the partial period. */
function periodRows(report, t, currency) {
  const columns = periodColumns(report).filter(([key]) => key !== "open");
  const heading = ([key, label]) => {
    if (MONEY_COLUMNS.includes(key)) return files.money(t(label), currency);
    return PERCENT_COLUMNS.includes(key) ? files.percent(t(label)) : t(label);
  };
  return [
    [...columns.map(heading), t("data.page.periods.partial")],
    ...report.periods.map((row) => [
      ...columns.map(([key]) => (MONEY_COLUMNS.includes(key) ? { money: row[key] } : row[key] ?? null)),
      row.partial ? t("data.page.periods.partial") : null,
    ]),
  ];
}

function periodCell(key, row, { fmt }) {
  switch (key) {
    case "retention_rate":
    case "churn_rate":
    case "repeat_purchase_rate":
      return fmt.percent(row[key]);
    // A period's revenue in whole units, its average order to the cent.
    case "revenue":
      return fmt.wholeMoney(row[key]);
    case "aov":
      return fmt.money(row[key], true);
    case "purchase_frequency":
      return fmt.decimal(row[key], 2, true);
    default:
      return fmt.integer(row[key]);
  }
}

/** The period columns a rate goal is checked against, by the calculator's metric. */
const GOAL_COLUMNS = { retention_rate: "retention_rate", churn_rate: "churn_rate" };

/**
 * The goals set in the calculator on the period rates, each brought to the
 * report's period: [{ metric, key, goal, name }].
 */
function periodGoals(report, { t, goals }) {
  if (!goals) return [];
  return Object.entries(GOAL_COLUMNS).flatMap(([metric, key]) => {
    const goal = goalInPeriod(goals.forMetric(metric), metric, report.period, goals.convert);
    return goal ? [{ metric, key, goal, name: t(key === "retention_rate" ? "data.page.chart.retention" : "data.page.chart.churn") }] : [];
  });
}

/** `cells` of a period row with the goal cells put right after the churn column, beside the rates they check. */
function afterRates(cells, goalCells) {
  const at = PERIOD_COLUMNS.findIndex(([key]) => key === "churn_rate") + 1;
  return [...cells.slice(0, at), ...goalCells, ...cells.slice(at)];
}

/** A period's cell for a goal: met or not, in words as well as a mark. */
function goalCell(row, { key, goal }, { t, fmt }) {
  const value = row[key];
  if (value === null || value === undefined) return el("td", { class: "num", text: fmt.dash });
  const met = reaches(goal, value);
  return el("td", { class: met ? "goal-cell goal-cell--met" : "goal-cell", "data-goal": key, "data-met": met ? "true" : "false" },
    el("span", { "aria-hidden": "true", text: met ? "✓ " : "✗ " }),
    t(met ? "data.page.goal.met" : "data.page.goal.missed"));
}

/**
 * The period table and, above it, its line chart.
 * `links.calculatorHref(row)` and `links.openCalculator(row, event)` send a
 * period's S, E and N to the retention calculator.
 */
export function periodsSection(report, { t, fmt, lang, links, goals }, controls) {
  const captionId = "data-periods-caption";
  const withGoals = periodGoals(report, { t, goals });
  const caption = t("data.page.periods.caption", { w: report.window_days });
  const rows = report.periods.map((row) => {
    const name = fmt.period(row.period);
    const cells = periodColumns(report).map(([key]) => {
      if (key === "period") {
        return el("th", { scope: "row", class: "period-name" },
          el("time", { datetime: row.period, text: name }),
          row.partial ? el("span", { class: "badge", text: t("data.page.periods.partial") }) : null);
      }
      if (key === "open") {
        // Nobody at the start: no rate to work out, so nothing to open.
        if (!row.start) return el("td", { class: "num", text: fmt.dash });
        const link = el("a", {
          class: "open-calculator",
          href: links.calculatorHref(row),
          "aria-label": t("data.page.periods.open_label", { period: name }),
          text: t("data.page.periods.open"),
        });
        link.addEventListener("click", (event) => links.openCalculator(row, event));
        return el("td", {}, link);
      }
      return el("td", { class: "num", "data-col": key, text: periodCell(key, row, { fmt }) });
    });
    return el("tr", { "data-period": row.period, "data-partial": row.partial ? "true" : null },
      afterRates(cells, withGoals.map((goal) => goalCell(row, goal, { t, fmt }))));
  });
  const heads = periodColumns(report).map(([key, label]) =>
    el("th", { scope: "col", class: key === "period" || key === "open" ? null : "num", text: t(label) }));
  const goalHeads = withGoals.map(({ name, goal }) => el("th", { scope: "col", text: t("data.page.goal.column", { name: `${name} ${fmt.percent(goal.target)}` }) }));
  const table = el("table", { class: "data-table periods-table" },
    el("thead", {}, el("tr", {}, afterRates(heads, goalHeads))),
    el("tbody", {}, rows));

  const labels = report.periods.map((row) => fmt.period(row.period));
  const chart = lineChart({
    id: "data-rates-chart",
    title: t("data.page.chart.title"),
    description: t("data.page.chart.description", {
      n: report.periods.length,
      first: labels[0] || fmt.dash,
      last: labels[labels.length - 1] || fmt.dash,
    }),
    labels,
    series: [
      { id: "retention", name: t("data.page.chart.retention"), values: report.periods.map((p) => p.retention_rate), mark: "circle" },
      { id: "churn", name: t("data.page.chart.churn"), values: report.periods.map((p) => p.churn_rate), mark: "square" },
    ],
    yLabel: t("data.page.chart.axis_y"),
    xLabel: t(report.period === "quarter" ? "data.page.chart.axis_quarter" : "data.page.chart.axis_month"),
    yFormat: (n) => fmt.percent(n, 0),
    pointLabel: (label, series, value) => t("data.page.chart.point", { period: label, series: series.name, value: fmt.percent(value) }),
    note: report.periods.some((p) => p.retention_rate === null) ? t("data.page.chart.gaps") : null,
    targets: withGoals.map(({ key, goal, name }) => ({
      id: key === "retention_rate" ? "retention" : "churn",
      value: goal.target,
      name: t("data.page.goal.line", { name, target: fmt.percent(goal.target) }),
    })),
  });
  const goalNote = withGoals.length > 0
    ? el("p", { class: "data-note", id: "data-periods-goals", text: t("data.page.goal.note", {
      period: t(`ui.goal.period.${report.period}`),
      goals: withGoals.map(({ name, goal }) => `${name} ${fmt.percent(goal.target)}`).join(", "),
    }) })
    : null;

  const partial = report.periods.some((p) => p.partial);
  return section("data-periods", t("data.page.periods.heading"),
    controls,
    lastPeriodComparison(report, { t, fmt, links }),
    chart,
    goalNote,
    exportBar({ t, what: t("data.page.export.chart"), name: "retention-chart", formats: chartFormats(() => lineChartFile(chart, t("data.page.chart.title"))) }),
    scrollingTable(captionId, caption, table),
    exportBar({ t, what: t("data.page.export.periods"), name: "periods", formats: { csv: () => files.csv(periodRows(report, t, fmt.currency), lang) } }),
    el("p", { class: "data-note", text: t("data.page.periods.legend") }),
    partial ? el("p", { class: "data-note", text: t("data.page.periods.partial_note") }) : null);
}

/**
 * How the last full period's retention compares with the sector, converted
 * to the sector figure's period the way the calculator does it.
 */
function lastPeriodComparison(report, { t, fmt, links }) {
  const full = report.periods.filter((row) => !row.partial && row.start > 0);
  const row = full[full.length - 1];
  const benchmark = row && links.compare ? links.compare(row) : null;
  if (!benchmark) return null;
  return el("div", { class: "data-comparison", id: "data-periods-comparison" },
    el("h4", { text: t(report.period === "quarter" ? "data.page.periods.compare_quarter" : "data.page.periods.compare_month", {
      period: fmt.period(row.period),
      rate: fmt.percent(row.retention_rate),
    }) }),
    benchmarkBlock(t, benchmark));
}

// ---- Cohorts ------------------------------------------------------------------

/**
 * A cohort's members month by month, when they only ever fall (as members
 * of a subscription do) and at least two full months follow its first:
 * what the projection calculator takes. Counts, from the percentages and
 * the cohort's size; the month still under way is left out.
 */
function cohortSurvival(cohort, partialAt) {
  const full = cohort.percent.slice(0, partialAt >= 0 ? partialAt : cohort.percent.length).filter((p) => p !== null && p !== undefined);
  const counts = full.map((p) => Math.round((cohort.size * p) / 100));
  const falling = counts.every((n, i) => i === 0 || n <= counts[i - 1]);
  return falling && counts.length >= 3 && counts[counts.length - 1] < counts[0] ? counts : null;
}

export function cohortSection(report, { t, fmt, lang, links }) {
  const captionId = "data-cohorts-caption";
  const caption = t("data.page.cohorts.caption");
  const width = Math.max(report.cohort_average.length, ...report.cohorts.map((c) => c.percent.length));
  const lastMonth = report.totals.last_date ? report.totals.last_date.slice(0, 7) : null;
  const partialMark = t("data.page.cohorts.partial_mark");

  const cell = (value, partial) => {
    if (value === null || value === undefined) return el("td", { class: "heat heat--empty" });
    return el("td", { class: "heat", style: heatStyle(value), "data-value": value.toFixed(1), "data-partial": partial ? "true" : null },
      fmt.decimal(value, 1, true),
      partial ? el("span", { class: "heat__mark", "aria-hidden": "true", text: partialMark }) : null,
      partial ? el("span", { class: "visually-hidden", text: ` ${t("data.page.cohorts.partial_cell")}` }) : null);
  };

  const body = report.cohorts.map((cohort) => {
    // The month the log ends in is not over yet: that month's cell may still grow.
    const partialAt = cohort.partial && lastMonth ? monthsBetween(cohort.cohort, lastMonth) : -1;
    const cells = [];
    for (let i = 0; i < width; i += 1) cells.push(cell(cohort.percent[i] ?? null, i === partialAt));
    const survival = links && links.projectionHref ? cohortSurvival(cohort, partialAt) : null;
    // One click from the heat map to the projection, for a cohort that only falls.
    const project = survival
      ? el("a", {
        class: "open-calculator",
        href: links.projectionHref(survival),
        "aria-label": t("data.page.cohorts.project_label", { cohort: fmt.period(cohort.cohort) }),
        text: t("data.page.cohorts.project"),
      })
      : null;
    return el("tr", { "data-cohort": cohort.cohort },
      el("th", { scope: "row", class: "cohort-name" }, el("time", { datetime: cohort.cohort, text: fmt.period(cohort.cohort) }), project ? " " : null, project),
      el("td", { class: "num cohort-size", text: fmt.integer(cohort.size) }),
      cells);
  });
  const monthHeads = [];
  for (let i = 0; i < width; i += 1) monthHeads.push(el("th", { scope: "col", class: "num", text: fmt.integer(i) }));
  const average = [];
  for (let i = 0; i < width; i += 1) average.push(cell(report.cohort_average[i] ?? null, false));
  const table = el("table", { class: "data-table heat-table" },
    el("thead", {},
      el("tr", {},
        el("th", { scope: "col", rowspan: 2, class: "cohort-name", text: t("data.page.cohorts.cohort") }),
        el("th", { scope: "col", rowspan: 2, class: "num", text: t("data.page.cohorts.size") }),
        el("th", { scope: "colgroup", colspan: width, class: "heat-table__months", text: t("data.page.cohorts.months") })),
      el("tr", {}, monthHeads)),
    el("tbody", {}, body),
    el("tfoot", {}, el("tr", { "data-cohort": "average" },
      el("th", { scope: "row", class: "cohort-name", text: t("data.page.cohorts.average") }),
      el("td", { class: "num cohort-size" }),
      average)));

  const months = Array.from({ length: width }, (_, i) => i);
  const csv = () => files.csv([
    [t("data.page.cohorts.cohort"), t("data.page.cohorts.size"), ...months.map((i) => files.percent(t("data.page.export.month", { k: i })))],
    ...report.cohorts.map((cohort) => [cohort.cohort, cohort.size, ...months.map((i) => cohort.percent[i] ?? null)]),
    [t("data.page.cohorts.average"), null, ...months.map((i) => report.cohort_average[i] ?? null)],
  ], lang);

  const hasPartial = report.cohorts.some((c) => c.partial);
  return section("data-cohorts", t("data.page.cohorts.heading"),
    el("p", { class: "data-intro", text: t("data.page.cohorts.intro") }),
    scrollingTable(captionId, caption, table, "table-scroll--heat"),
    el("div", { class: "heat-legend", "aria-hidden": "true" },
      el("span", { text: fmt.percent(0, 0) }),
      el("span", { class: "heat-legend__ramp" }),
      el("span", { text: fmt.percent(100, 0) })),
    el("p", { class: "data-note", text: t("data.page.cohorts.blank_note") }),
    hasPartial ? el("p", { class: "data-note", text: t("data.page.cohorts.partial_note", { mark: partialMark, date: fmt.date(report.totals.last_date) }) }) : null,
    exportBar({ t, what: t("data.page.export.cohorts"), name: "cohorts", formats: { csv } }));
}

// ---- Segments -----------------------------------------------------------------

/** The segments table; `onDownload(segment, button)` fetches and saves a segment's list. */
export function segmentsSection(report, { t, fmt, lang }, onDownload) {
  const money = report.input.has_amounts;
  const captionId = "data-segments-caption";
  const caption = t("data.page.segments.caption", { w: report.window_days, date: fmt.date(report.totals.last_date) });
  const rows = report.segments.map((segment) => {
    const button = el("button", {
      type: "button",
      class: "button button--small",
      "data-segment": segment.id,
      "aria-label": t("data.page.segments.download_label", { name: segment.name }),
      disabled: segment.customers === 0,
      text: t("data.page.segments.download"),
    });
    button.addEventListener("click", () => onDownload(segment, button));
    // The rule sits under the name, so on a phone the counts stay in view.
    return el("tr", { "data-segment": segment.id },
      el("th", { scope: "row", class: "segment" },
        el("span", { class: "segment-name", text: segment.name }),
        el("span", { class: "segment-rule", text: segment.rule })),
      el("td", { class: "num", "data-col": "customers", text: fmt.integer(segment.customers) }),
      money ? el("td", { class: "num", "data-col": "revenue_share", text: fmt.percent(segment.revenue_share) }) : null,
      el("td", {}, button));
  });
  const table = el("table", { class: "data-table segments-table" },
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: t("data.page.segments.segment") }),
      el("th", { scope: "col", class: "num", text: t("data.page.segments.customers") }),
      money ? el("th", { scope: "col", class: "num", text: t("data.page.segments.share") }) : null,
      el("th", { scope: "col", text: t("data.page.segments.list") }))),
    el("tbody", {}, rows));
  const csv = () => files.csv([
    [t("data.page.segments.segment"), t("data.page.export.rule"), t("data.page.segments.customers"), ...(money ? [files.percent(t("data.page.segments.share"))] : [])],
    ...report.segments.map((segment) => [segment.name, segment.rule, segment.customers, ...(money ? [segment.revenue_share] : [])]),
  ], lang);
  return section("data-segments", t("data.page.segments.heading"),
    scrollingTable(captionId, caption, table),
    exportBar({ t, what: t("data.page.export.segments"), name: "segments", formats: { csv } }),
    el("p", { id: "data-segments-status", class: "data-note", role: "status" }));
}
