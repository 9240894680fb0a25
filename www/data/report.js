// The report of an orders log, section by section: what was understood (with
// "Change columns" and the whole report as JSON), the engine's notes, the
// totals, the periods, the cohorts and the segments.

import { el } from "../shared/dom.js";
import { exportBar, files } from "../export/bar.js";
import { warningsBox, totalsCards, periodsSection, cohortSection, segmentsSection } from "./tables.js";
import { understoodPanel } from "./understood.js";
import { whatIfSection } from "./whatif-section.js";

/**
 * @param report   analyzeTransactions()'s result
 * @param context  { t, fmt, lang, source, links, goals, whatIf } as the tables take it
 * @param actions  { onChangeColumns(), onDownloadSegment(segment, button), onCurrency(code), onDownloadSkipped(button) }
 * @returns the sections, in reading order
 */
export function reportSections(report, context, { onChangeColumns, onDownloadSegment, onCurrency, onDownloadSkipped }) {
  const { t, fmt } = context;
  const change = el("button", {
    type: "button",
    id: "data-change-columns",
    class: "button",
    text: t("data.page.mapping.change"),
    onclick: onChangeColumns,
  });
  const understood = understoodPanel(report, { ...context, onCurrency, onDownloadSkipped });
  // The whole analysis, as the engine gave it (keys as in the README's "JavaScript API").
  const json = exportBar({ t, what: t("data.page.export.report"), name: "retention-report", formats: { json: () => files.json(report) } });
  understood.querySelector("h3").after(el("div", { class: "data-section__actions" }, change, json));
  return [
    understood,
    warningsBox(report.warnings, t, fmt),
    totalsCards(report, context),
    periodsSection(report, context, null),
    whatIfSection(report, context),
    cohortSection(report, context),
    segmentsSection(report, context, onDownloadSegment),
  ];
}
