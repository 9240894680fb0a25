// "What was understood": how the engine read the file (columns, delimiter,
// dates, encoding, currency), what it made of the rows (orders, order lines
// merged, refunds) and every row it left out, counted by reason, the first
// of each listed, all of them in a download.

import { el } from "../shared/dom.js";
import { skippedList } from "./panel.js";
import { section } from "./tables.js";

const NAMED_DELIMITERS = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", " ": "space" };

/** Roles shown only when the file has a column for them. */
const OPTIONAL_ROLES = ["status", "refund", "currency"];

/**
 * @param report   analyzeTransactions()'s result
 * @param context  { t, fmt, source, onCurrency(code), onDownloadSkipped(button) }
 */
export function understoodPanel(report, { t, fmt, source, onCurrency, onDownloadSkipped }) {
  const input = report.input;
  const delimiterName = NAMED_DELIMITERS[input.delimiter];
  const delimiter = delimiterName ? t(`data.page.delimiter.${delimiterName}`) : t("data.page.delimiter.other", { char: input.delimiter });
  const decimal = t(input.decimal === "," ? "data.page.decimal.comma" : "data.page.decimal.point");
  const dateOrder = t(`data.page.date_order.${input.date_order}`);

  const roles = ["customer", "date", "amount", "order", ...OPTIONAL_ROLES.filter((role) => input.columns[role])];
  const columns = el("ul", { class: "facts__list" }, roles.map((role) => {
    const name = input.columns[role];
    const none = role === "amount" ? t("data.page.mapping.no_amount") : t("data.page.mapping.none");
    return el("li", { "data-role": role },
      el("span", { class: "facts__role", text: t("data.page.understood.role", { role: t(`data.role.${role}`) }) }), " ",
      name ? el("strong", { text: name }) : el("span", { class: "facts__none", text: none }));
  }));

  const fact = (key, label, value) => el("div", { class: "facts__item", "data-fact": key }, el("dt", { text: label }), el("dd", {}, value));
  const rows = [t("data.page.understood.rows_value", { rows: input.rows, orders: input.orders, customers: input.customers })];
  if (input.merged_lines > 0) {
    rows.push(el("br"), t("data.page.understood.merged", { n: input.merged_lines + input.orders, m: input.orders }));
  }
  return section("data-understood", t("data.page.understood.heading"),
    el("dl", { class: "facts" },
      fact("source", t("data.page.understood.source"), source.name),
      fact("columns", t("data.page.understood.columns"), [
        columns,
        input.header ? null : el("p", { class: "facts__note", text: t("data.page.understood.no_header") }),
      ]),
      fact("delimiter", t("data.page.understood.delimiter"), delimiter),
      fact("decimal", t("data.page.understood.decimal"), decimal),
      fact("date_order", t("data.page.understood.date_order"),
        input.date_order_chosen ? t("data.page.understood.date_order_chosen", { order: dateOrder }) : dateOrder),
      fact("encoding", t("data.page.understood.encoding"), input.encoding),
      input.currency ? fact("currency", t("data.page.understood.currency"), currencyChoice(input, t, onCurrency)) : null,
      fact("rows", t("data.page.understood.rows"), rows),
      input.refunds.rows > 0 ? fact("refunds", t("data.page.understood.refunds"), t("data.page.understood.refunds_value", {
        n: input.refunds.rows,
        amount: fmt.money(input.refunds.amount),
        before: fmt.money(input.refunds.revenue_before),
        after: fmt.money(input.refunds.revenue_after),
      })) : null,
      fact("dates", t("data.page.understood.dates"),
        t("data.page.understood.dates_value", { first: fmt.date(report.totals.first_date), last: fmt.date(report.totals.last_date) })),
      fact("skipped", t("data.page.understood.skipped"), skippedSummary(input, t, onDownloadSkipped))));
}

/** The file's currency; a select among them when the file mixes several. */
function currencyChoice(input, t, onCurrency) {
  if (input.currencies.length < 2) return input.currency;
  const select = el("select", { id: "data-file-currency", name: "currency" },
    input.currencies.map(({ code, rows }) => el("option", { value: code, text: t("data.page.understood.currency_option", { code, n: rows }) })));
  select.value = input.currency;
  select.addEventListener("change", () => onCurrency(select.value));
  return el("div", {},
    el("label", { for: select.id, class: "facts__note", text: t("data.page.understood.currency_pick") }), " ",
    select);
}

/** How many rows were left out for each reason, the first of them listed, and all of them as a download. */
function skippedSummary(input, t, onDownloadSkipped) {
  if (input.skipped_total === 0) return el("span", { text: t("data.page.understood.skipped_none") });
  const download = el("button", { type: "button", id: "data-skipped-download", class: "button button--small", text: t("data.page.understood.skipped_download") });
  download.addEventListener("click", () => onDownloadSkipped(download));
  return el("div", {},
    el("p", { text: t("data.page.understood.skipped_count", { n: input.skipped_total }) }),
    el("ul", { class: "skipped-counts" }, input.skipped_counts.map(({ code, name, rows }) =>
      el("li", { "data-code": code }, t("data.page.understood.skipped_reason", { reason: name, n: rows })))),
    el("details", { class: "skipped-rows" },
      el("summary", { text: t("data.page.understood.skipped_show", { n: input.skipped.length }) }),
      ...skippedList(input.skipped, input.skipped_total, t)),
    el("p", {}, download, el("span", { id: "data-skipped-status", class: "data-note", role: "status" })));
}
