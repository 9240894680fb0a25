// The frame every section of the data view shares (orders, survey answers,
// costs), and the list of rows the engine left out, which each of them shows.

import { el } from "../shared/dom.js";

/**
 * A section of the data view: `<section id>` labelled by its heading, with
 * the text keys `data.page.<name>.heading` and `.intro`.
 */
export function dataPanel(name, t, ...children) {
  const id = `data-${name}`;
  return el("section", { class: "data-panel", id, "aria-labelledby": `${id}-heading` },
    el("h2", { id: `${id}-heading`, class: "data-panel__heading", text: t(`data.page.${name}.heading`) }),
    el("p", { class: "data-intro", text: t(`data.page.${name}.intro`) }),
    ...children);
}

/** The rows left out with their numbers and reasons, and a line for those the engine only counted. */
export function skippedList(skipped, total, t) {
  return [
    el("ul", { class: "skipped" }, skipped.map((row) => el("li", { "data-row": row.row },
      t("data.page.understood.skipped_row", { row: row.row, reason: row.reason })))),
    total > skipped.length
      ? el("p", { class: "skipped__more", text: t("data.page.understood.skipped_more", { n: total - skipped.length }) })
      : null,
  ];
}

/** A report's skipped rows folded under `summary`; nothing when none was skipped. */
export function skippedDetails(report, summary, t) {
  if (!(report.skipped_total > 0)) return null;
  return el("details", { class: "data-details" }, el("summary", { text: summary }), ...skippedList(report.skipped, report.skipped_total, t));
}
