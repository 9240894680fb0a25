// The calculator's result as files and on paper: CSV for a spreadsheet (the
// inputs as the engine read them, the result at full precision, the words
// around it), JSON for other programs, and Print for the one-page report
// (print.css). Only the page has these; the widget stays small.

import { el } from "../shared/dom.js";
import { exportBar, files } from "./bar.js";

/** A column heading with its unit: "(%)" for percentages, the currency for money. */
function withUnit(label, unit, currency) {
  if (unit === "percent") return files.percent(label);
  if (unit === "money") return files.money(label, currency);
  return label;
}

/** The result as rows of (item, value) for a spreadsheet. */
function resultRows({ t, metric, result, state, link }) {
  const money = (unit, value) => (unit === "money" ? { money: value } : value);
  const rows = [
    [t("ui.export.field"), t("ui.export.value")],
    [t("ui.export.metric"), metric.name],
  ];
  for (const input of metric.inputs) {
    if (Array.isArray(input.choices)) {
      const choice = input.choices.find((c) => c.id === result.period);
      if (choice) rows.push([input.label, choice.label]);
      continue;
    }
    const value = result.inputs[input.id];
    if (value !== undefined) rows.push([withUnit(input.label, input.kind, state.currency), money(input.kind, value)]);
  }
  rows.push([withUnit(t("ui.result"), result.unit, state.currency), money(result.unit, result.value)]);
  rows.push([t("ui.export.display"), result.display]);
  if (result.reading) rows.push([t("ui.export.reading"), result.reading]);
  rows.push([t("ui.formula"), result.formula]);
  for (const step of result.steps || []) rows.push([t("ui.steps"), step]);
  const benchmark = result.benchmark;
  if (benchmark && benchmark.text) {
    if (benchmark.conversion) rows.push([t("ui.benchmark"), benchmark.conversion]);
    rows.push([t("ui.benchmark"), benchmark.text]);
    for (const [label, value] of [["ui.benchmark_population", benchmark.population], ["ui.benchmark_figure", benchmark.figure], ["ui.benchmark_source", benchmark.source]]) {
      if (value) rows.push([t(label), value]);
    }
  }
  for (const warning of result.warnings || []) rows.push([t("ui.warnings"), warning]);
  if (link) rows.push([t("ui.export.link"), link]);
  return rows;
}

/**
 * The result's tools: Download CSV/JSON and Print.
 * @param {{ t, current: () => { metric, result, state }, link: (() => string) | null }} context
 *   current(): what is on screen when a button is pressed; link(): the shareable address, if any
 */
export function resultTools({ t, current, link }) {
  const absolute = () => (link ? new URL(link(), window.location.href).href : null);
  const { metric } = current();
  const bar = exportBar({
    t,
    what: t("ui.export.result"),
    name: metric.id,
    formats: {
      csv: () => {
        const now = current();
        return files.csv(resultRows({ t, ...now, link: absolute() }), now.state.lang);
      },
      json: () => {
        const { result, state } = current();
        return files.json({
          metric: result.id,
          name: metric.name,
          lang: state.lang,
          ...(metric.money ? { currency: state.currency } : {}),
          ...(state.sector ? { sector: state.sector } : {}),
          ...result,
          ...(link ? { link: absolute() } : {}),
        });
      },
    },
  });
  const print = el("button", { type: "button", class: "button button--small result__print", text: t("ui.print") });
  print.addEventListener("click", () => window.print());
  return el("div", { class: "result__tools" }, bar, print);
}
