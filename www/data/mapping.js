// The column-mapping step: when the engine cannot tell which column is the
// customer, the date or the amount (or how to read 01/02/2024), the user sees
// the first rows of their file and picks. Nothing they gave is lost: the
// source stays with the page and is analysed again with their choice.

import { el, showFieldError } from "../shared/dom.js";
import { scrollingTable } from "./tables.js";

const REQUIRED = ["customer", "date"];
const DATE_ORDERS = ["dmy", "mdy", "ymd"];

/**
 * What the mapping step starts from: the user's earlier choice, else each
 * column the engine found by its header, else its guess from the cells; the
 * date order the last report or the preview settled, else the reader's own.
 */
export function initialMapping(preview, { chosen, report, fallbackDateOrder }) {
  if (chosen) return chosen;
  const found = preview.columns;
  const guess = preview.suggested || {};
  const pick = (role) => (Number.isInteger(found[role]) ? found[role] : Number.isInteger(guess[role]) ? guess[role] : null);
  return {
    columns: { customer: pick("customer"), date: pick("date"), amount: pick("amount"), order: pick("order") },
    dateOrder: (report && report.input.date_order) || preview.date_order || fallbackDateOrder,
  };
}

/**
 * Builds the mapping form.
 * @param preview   previewTable() of the source
 * @param initial   { columns: { customer, date, amount, order }, dateOrder } to pre-fill
 * @param onSubmit  ({ columns, dateOrder }) => void
 * @param onClose   () => void, for "Cancel" (offered when there is a result to go back to)
 */
export function mappingForm({ t, preview, initial, onSubmit, onClose }) {
  const width = Math.max(preview.width || 0, preview.header ? preview.header.length : 0, ...preview.rows.map((row) => row.length));
  const columnName = (i) => (preview.header && preview.header[i] && preview.header[i].trim() !== ""
    ? preview.header[i]
    : t("data.column_number", { n: i + 1 }));

  const captionId = "data-mapping-caption";
  const heads = [];
  for (let i = 0; i < width; i += 1) heads.push(el("th", { scope: "col", text: columnName(i) }));
  const previewTable = el("table", { class: "data-table preview-table" },
    el("thead", {}, el("tr", {}, heads)),
    el("tbody", {}, preview.rows.map((row) => {
      const cells = [];
      for (let i = 0; i < width; i += 1) cells.push(el("td", { text: row[i] ?? "" }));
      return el("tr", {}, cells);
    })));

  const fields = new Map(); // role → { select, error }
  function columnSelect(role, { optional }) {
    const id = `data-map-${role}`;
    const errorId = `${id}-error`;
    const options = [];
    const none = role === "amount" ? t("data.page.mapping.no_amount") : t("data.page.mapping.none");
    options.push(el("option", { value: "", text: optional ? none : t("data.page.mapping.choose") }));
    for (let i = 0; i < width; i += 1) {
      const sample = preview.rows.find((row) => row[i] && row[i].trim() !== "");
      const label = sample ? t("data.page.mapping.option", { column: columnName(i), example: sample[i] }) : columnName(i);
      options.push(el("option", { value: String(i), text: label }));
    }
    const select = el("select", { id, name: role }, options);
    const chosen = initial.columns[role];
    select.value = Number.isInteger(chosen) && chosen < width ? String(chosen) : "";
    const error = el("p", { id: errorId, class: "field__error", hidden: true });
    fields.set(role, { select, error });
    return el("div", { class: "field" },
      el("label", { for: id, class: "field__label" },
        t(`data.page.mapping.${role}`),
        optional ? " " : null,
        optional ? el("span", { class: "field__optional", text: t("ui.optional") }) : null),
      select,
      error);
  }

  const orderSelect = el("select", { id: "data-map-date-order", name: "dateOrder" },
    DATE_ORDERS.map((order) => el("option", { value: order, text: t(`data.page.date_order.${order}`) })));
  orderSelect.value = DATE_ORDERS.includes(initial.dateOrder) ? initial.dateOrder : "dmy";

  function setError(role, text) {
    const { select, error } = fields.get(role);
    showFieldError(select, error, text);
  }

  const form = el("form", { class: "mapping", id: "data-mapping", "aria-labelledby": "data-mapping-heading", novalidate: true },
    el("h3", { id: "data-mapping-heading", class: "data-section__heading", tabindex: "-1", text: t("data.page.mapping.heading") }),
    el("p", { class: "data-intro", text: t("data.page.mapping.intro") }),
    el("p", { class: "data-note", text: t("data.page.mapping.read_as", { encoding: preview.encoding, delimiter: preview.delimiter === "\t" ? t("data.page.delimiter.tab") : preview.delimiter }) }),
    scrollingTable(captionId, t("data.page.mapping.preview", { n: preview.rows.length }), previewTable),
    el("div", { class: "mapping__fields" },
      columnSelect("customer", { optional: false }),
      columnSelect("date", { optional: false }),
      // A visit log or an appointment book has no amounts.
      columnSelect("amount", { optional: true }),
      columnSelect("order", { optional: true }),
      el("div", { class: "field" },
        el("label", { for: orderSelect.id, class: "field__label", text: t("data.page.mapping.date_order") }),
        orderSelect)),
    el("div", { class: "mapping__actions" },
      el("button", { type: "submit", class: "button button--primary", text: t("data.page.mapping.submit") }),
      onClose ? el("button", { type: "button", class: "button", text: t("data.page.mapping.close"), onclick: onClose }) : null));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const columns = {};
    let firstBad = null;
    const used = new Map(); // column index → role that took it
    for (const [role, { select }] of fields) {
      const value = select.value === "" ? null : Number(select.value);
      columns[role] = value;
      let problem = null;
      if (value === null && REQUIRED.includes(role)) {
        problem = t("data.page.mapping.required", { role: t(`data.role.${role}`) });
      } else if (value !== null && used.has(value)) {
        problem = t("data.page.mapping.same_column", { column: columnName(value), other: t(`data.role.${used.get(value)}`) });
      }
      if (value !== null && !used.has(value)) used.set(value, role);
      setError(role, problem);
      if (problem && !firstBad) firstBad = select;
    }
    if (firstBad) {
      firstBad.focus();
      return;
    }
    onSubmit({ columns, dateOrder: orderSelect.value });
  });

  return form;
}
