// "Download: CSV JSON PNG SVG" under a result, a table or a chart. Each
// button makes its file when pressed (from the data on screen, in the
// reader's language) and the bar says in a live region what was saved.

import { el } from "../shared/dom.js";
import { downloadBlob, downloadText } from "./downloads.js";
import { tableCsv } from "../pkg/retention_metrics.js";

const TYPES = { csv: "text/csv", json: "application/json", svg: "image/svg+xml", png: "image/png" };

/**
 * File makers for a bar. `lang` decides the CSV's delimiter and decimal mark
 * (a Polish spreadsheet expects `;` and `12,5`).
 */
export const files = {
  /** Rows of cells (numbers, strings, `{ money }`, null) as CSV for the reader's spreadsheet. */
  csv: (rows, lang) => tableCsv(rows, { lang }),
  /** Any value as indented JSON. */
  json: (value) => `${JSON.stringify(value, null, 2)}\n`,
  /** A column heading for values in percent: "Retention (%)". */
  percent: (label) => `${label} (%)`,
  /** A column heading for amounts of money: "Revenue (PLN)". */
  money: (label, currency) => `${label} (${currency})`,
};

/**
 * @param {{ t, what: string, name: string, formats: { [format]: () => (string | Blob | Promise<string | Blob>) } }} spec
 *   what: the thing saved, as the object of "Download …" ("the period table");
 *   name: the file name without extension; formats: how to make each file.
 * @returns the bar element
 */
export function exportBar({ t, what, name, formats }) {
  const note = el("p", { class: "export-bar__note", role: "status" });
  const buttons = Object.entries(formats).map(([format, make]) => {
    const file = `${name}.${format}`;
    const button = el("button", {
      type: "button",
      class: "button button--small export-bar__button",
      "data-export": format,
      "aria-label": t("ui.export.label", { what, format: format.toUpperCase() }),
      text: format.toUpperCase(),
    });
    // Not disabled while the file is made: that would take the keyboard focus away.
    button.addEventListener("click", async () => {
      note.textContent = "";
      try {
        const made = await make();
        if (made instanceof Blob) downloadBlob(made, file);
        else downloadText(made, file, TYPES[format]);
        note.textContent = t("ui.export.done", { file });
      } catch (err) {
        note.textContent = t("ui.export.failed", { reason: err && err.message ? err.message : String(err) });
      }
    });
    return button;
  });
  return el("div", { class: "export-bar", role: "group", "aria-label": t("ui.export.group", { what }) },
    el("span", { class: "export-bar__label", "aria-hidden": "true", text: t("ui.export.download") }),
    buttons,
    note);
}
