// A kept check shown again: the banner over its report (which check, and
// what works), and, for a check kept without its file, the report's controls
// that would need the file turned off rather than left to fail.

import { el } from "../../shared/dom.js";
import { savedDate } from "./figures.js";

/**
 * Controls of reportSections() that send the file to the engine again: a
 * segment's customers, the skipped rows, the column step, and the currency
 * picked among those a file mixes. The tables' own CSV and JSON downloads
 * are written from the report and keep working.
 */
const NEEDS_FILE = ["#data-change-columns", "button[data-segment]", "#data-skipped-download", "#data-file-currency"];

/** Where the downloads that need the file say so, beside their buttons. */
const DOWNLOAD_NOTES = ["#data-segments-status", "#data-skipped-status"];

/** Turns off, in the sections of a report shown without its file, every control that needs the file. */
export function withoutFile(sections, t) {
  for (const part of sections) {
    if (!part) continue;
    for (const control of part.querySelectorAll(NEEDS_FILE.join(","))) control.disabled = true;
    for (const note of part.querySelectorAll(DOWNLOAD_NOTES.join(","))) note.textContent = t("data.page.history.needs_file");
  }
  return sections;
}

/**
 * @param {{ t, fmt, check, note: "no_file" | "file" | "file_other_settings", onBack: (() => void) | null }} options
 *   check: the store's record; note: what the reader can do with it (no
 *   file: drop it again for what needs it; the kept file analysed again,
 *   with the check's settings or with others); onBack: back to the analysis
 *   it stands in front of, when there is one
 * @returns the banner; its heading (tabindex -1) takes the focus when opened
 */
export function reopenedBanner({ t, fmt, check, note, onBack }) {
  const vars = {
    date: savedDate(fmt, check.savedAt),
    file: check.fileName,
    by: t(`data.page.history.by_${check.options.period === "quarter" ? "quarter" : "month"}`),
    w: check.options.windowDays,
  };
  return el("section", { id: "history-reopened", class: "history-reopened", "aria-labelledby": "history-reopened-heading" },
    el("h3", { id: "history-reopened-heading", class: "history-reopened__heading", tabindex: "-1", text: t("data.page.history.reopened", vars) }),
    el("p", { text: t(`data.page.history.reopened_${note}`, vars) }),
    onBack ? el("button", { type: "button", id: "history-back", class: "button", text: t("data.page.history.back"), onclick: onBack }) : null);
}
