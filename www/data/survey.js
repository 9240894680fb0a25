// The survey section: a column of scores in, NPS, CSAT or CES out, with the
// rule used, the counts and a bar chart of the answers.

import { el, fill, setting } from "../shared/dom.js";
import { barChart } from "../shared/charts.js";
import { createSourceInput } from "./source-input.js";
import { dataPanel, skippedDetails } from "./panel.js";
import { warningsBox } from "./tables.js";
import { createSectionRunner } from "./client.js";
import { createProgress } from "./progress.js";
import { exportBar, files } from "../export/bar.js";
import { barChartFile, chartFormats } from "../export/chart-files.js";

const KINDS = ["nps", "csat", "ces"];
const SCALES = ["auto", "5", "7", "10"];

/** Which group a score falls in, for the bar colours and the legend. */
function groupOf(report, score) {
  if (report.kind === "nps") return score >= 9 ? "good" : score >= 7 ? "middle" : "bad";
  if (report.kind === "csat") return score >= report.scale.max - 1 ? "good" : "other";
  return score >= 5 ? "good" : "other"; // CES: 5–7 agree
}

/**
 * @param {{ t, fmt: () => format, client, lang: () => string }} context
 */
export function createSurveySection({ t, getFormat, client, lang }) {
  let source = null;
  let lastReport = null;
  const resultBox = el("div", { class: "data-result", id: "survey-result", "aria-live": "polite" });

  const kindSelect = el("select", { id: "survey-kind", name: "kind" },
    KINDS.map((kind) => el("option", { value: kind, text: t(`data.page.survey.kind.${kind}`) })));
  const scaleSelect = el("select", { id: "survey-scale", name: "scale" },
    SCALES.map((scale) => el("option", { value: scale, text: t(`data.page.survey.scale.${scale}`) })));
  const scaleField = setting("survey-scale", t("data.page.survey.scale"), scaleSelect);
  scaleField.hidden = true; // only CSAT has a scale to pick

  const input = createSourceInput({
    id: "survey",
    rows: 4,
    t,
    keys: {
      file: "data.page.survey.file",
      fileHint: "data.page.survey.file_hint",
      paste: "data.page.survey.paste",
      pasteButton: "data.page.survey.button",
    },
    onSource(next) {
      source = next;
      run();
    },
  });
  // A run of its own with its Cancel, as the orders have (`show` is hoisted).
  const progress = createProgress({ id: "survey", label: "data.page.survey.progress", onCancel: () => runner.cancel() });
  const runner = createSectionRunner(client, { box: resultBox, input, show, progress });

  kindSelect.addEventListener("change", () => {
    scaleField.hidden = kindSelect.value !== "csat";
    if (source) run();
  });
  scaleSelect.addEventListener("change", () => {
    if (source) run();
  });

  async function run() {
    input.clearError();
    const options = { kind: kindSelect.value, lang: lang() };
    if (kindSelect.value === "csat" && scaleSelect.value !== "auto") options.scale = Number(scaleSelect.value);
    const report = await runner.run("analyzeSurvey", source, options);
    if (report !== undefined) lastReport = report;
  }

  function headline(report, fmt) {
    const parts = [];
    if (report.kind === "nps") {
      const nps = report.nps;
      const whole = nps.shown; // the engine rounds the exact value; the page only writes it
      parts.push(el("p", { class: "data-value", "data-value": whole, text: fmt.integer(whole) }));
      if (Math.abs(report.value - whole) > 1e-9) {
        parts.push(el("p", { class: "data-value__exact", text: t("data.page.survey.exact", { value: fmt.decimal(report.value, 2) }) }));
      }
      parts.push(el("p", {
        class: "data-value__detail",
        text: t("data.page.survey.nps_parts", {
          promoters: nps.promoters, promoter_share: fmt.percent(nps.promoter_share),
          passives: nps.passives, passive_share: fmt.percent(nps.passive_share),
          detractors: nps.detractors, detractor_share: fmt.percent(nps.detractor_share),
        }),
      }));
    } else if (report.kind === "csat") {
      parts.push(el("p", { class: "data-value", "data-value": report.value.toFixed(1), text: fmt.percent(report.value, 1) }));
      parts.push(el("p", { class: "data-value__detail", text: t("data.page.survey.csat_parts", { satisfied: report.satisfied, responses: report.responses }) }));
    } else {
      const ces = report.ces;
      parts.push(el("p", { class: "data-value", "data-value": ces.mean.toFixed(2), text: fmt.decimal(ces.mean, 2, true) }));
      parts.push(el("dl", { class: "data-value__pairs" },
        el("div", {}, el("dt", { text: t("data.page.survey.ces_agree") }), el("dd", { "data-value": "agree", text: fmt.percent(ces.agree_share, 1) })),
        el("div", {}, el("dt", { text: t("data.page.survey.ces_index") }), el("dd", { "data-value": "index", text: fmt.decimal(ces.index, 1) }))));
    }
    return parts;
  }

  function show(report) {
    const fmt = getFormat();
    const bars = report.scores.map((score, i) => ({
      label: fmt.integer(score),
      count: report.counts[i],
      share: report.shares[i],
      group: groupOf(report, score),
    }));
    const chart = barChart({
      label: t("data.page.survey.chart"),
      bars,
      countText: (n) => fmt.integer(n),
      shareText: (share) => fmt.percent(share, 0),
      describe: (bar) => t("data.page.survey.bar", { score: bar.label, n: bar.count, share: fmt.percent(bar.share) }),
      caption: el("ul", { class: "bar-chart__legend" },
        (report.kind === "nps" ? ["bad", "middle", "good"] : ["other", "good"]).map((group) =>
          el("li", { class: `bar-chart__key bar-chart__key--${group}` },
            t(`data.page.survey.group.${report.kind}.${group}`, { below: report.scale.max - 2, top: report.scale.max - 1, max: report.scale.max, min: report.scale.min })))),
    });
    const skipped = skippedDetails(report, t("data.page.survey.skipped", { n: report.skipped_total }), t);
    fill(resultBox, el("div", { class: "data-value-box", "data-kind": report.kind },
      el("p", { class: "data-value__label", text: t(`data.page.survey.value.${report.kind}`) }),
      ...headline(report, fmt),
      el("p", { class: "data-rule", text: report.rule }),
      el("p", {
        class: "data-note",
        text: [
          t("data.page.survey.responses", { n: report.responses, column: report.column }),
          report.blank > 0 ? t("data.page.survey.blank", { n: report.blank }) : "",
          report.kind === "csat" && report.scale_detected ? t("data.page.survey.scale_found", { min: report.scale.min, max: report.scale.max }) : "",
        ].filter(Boolean).join(" "),
      })),
    chart,
    exportBar({ t, what: t("data.page.export.survey_chart"), name: `${report.kind}-chart`, formats: chartFormats(() => barChartFile(chart, t(`data.page.survey.value.${report.kind}`))) }),
    exportBar({
      t,
      what: t("data.page.export.survey"),
      name: report.kind,
      formats: {
        csv: () => files.csv([
          [t("data.page.export.score"), t("data.page.export.answers"), files.percent(t("data.page.export.share"))],
          ...report.scores.map((score, i) => [score, report.counts[i], report.shares[i]]),
        ], lang()),
        json: () => files.json(report),
      },
    }),
    warningsBox(report.warnings, t),
    skipped);
  }

  const root = dataPanel("survey", t,
    el("div", { class: "settings" },
      setting("survey-kind", t("data.page.survey.kind"), kindSelect),
      scaleField),
    input.root,
    progress.render(t),
    resultBox);

  return {
    root,
    /** Shows the last result again (new number format or currency). */
    refresh() {
      if (lastReport) show(lastReport);
    },
  };
}
