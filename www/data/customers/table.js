// Every customer in one table: search by name, filter by segment, sort by
// any column (a button in each heading, its order in aria-sort), fifty rows
// a page, so a hundred thousand customers cost the page fifty rows of DOM.

import { el } from "../../shared/dom.js";
import { scrollingTable } from "../tables.js";
import { atStakeText, chanceText, customerButton, segmentName, visitsText } from "./cells.js";

const PAGE_SIZE = 50;
const SEGMENTS = ["new", "vip", "loyal", "at_risk", "lost", "other"];

/**
 * The columns: key, heading text key, how to write a cell, whether it is a
 * number, and whether it needs amounts.
 */
function columns({ t, fmt, report }) {
  const money = report.input.has_amounts;
  const days = (value) => (value === null ? fmt.dash : t("data.page.customers.days_value", { n: fmt.decimal(value, 1) }));
  return [
    { key: "segment", text: (row) => segmentName(row.segment, t) },
    { key: "first_visit", text: (row) => fmt.date(row.first_visit) },
    { key: "last_visit", text: (row) => fmt.date(row.last_visit) },
    { key: "days_since_last", num: true, text: (row) => fmt.integer(row.days_since_last) },
    { key: "visits", num: true, text: (row) => fmt.integer(row.visits) },
    { key: "usual_gap_days", num: true, text: (row) => days(row.usual_gap_days) },
    { key: "overdue", text: (row) => (row.overdue ? t("data.page.customers.overdue") : "") },
    money && { key: "total_spend", num: true, text: (row) => fmt.money(row.total_spend, true) },
    money && { key: "average_spend", num: true, text: (row) => fmt.money(row.average_spend, true) },
    { key: "p_alive", num: true, text: (row) => chanceText(row.p_alive, fmt, t) },
    { key: "expected_30", num: true, text: (row) => (row.expected_30 === null ? fmt.dash : visitsText(row.expected_30, fmt)) },
    { key: "expected_90", num: true, text: (row) => (row.expected_90 === null ? fmt.dash : visitsText(row.expected_90, fmt)) },
    { key: "expected_365", num: true, text: (row) => (row.expected_365 === null ? fmt.dash : visitsText(row.expected_365, fmt)) },
    money && { key: "value", num: true, text: (row) => fmt.money(row.value, true) },
    { key: "at_stake", num: true, text: (row) => atStakeText(row.at_stake, { t, fmt, report }) },
  ].filter(Boolean);
}

/** Compares two rows by `key`; nothing (null) sorts last either way. */
function comparer(key, direction) {
  const sign = direction === "ascending" ? 1 : -1;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === "string") return sign * x.localeCompare(y);
    return sign * (Number(x) - Number(y));
  };
}

/** What the reader chose in the table: kept while they change the horizon or the currency. */
export function tableState() {
  return { query: "", segment: "", key: "contact_rank", direction: "ascending", page: 0 };
}

/**
 * @param context { t, fmt, report }
 * @param state a tableState(), changed as the reader searches, filters, sorts and turns pages
 * @param open (row, opener) shows one customer's history
 */
export function customersTable(context, state, open) {
  const { t, fmt, report } = context;
  const cols = columns(context);

  const search = el("input", { id: "customers-search", type: "search", autocomplete: "off", spellcheck: "false", value: state.query });
  const segment = el("select", { id: "customers-segment" },
    el("option", { value: "", text: t("data.page.customers.all_segments") }),
    SEGMENTS.map((id) => el("option", { value: id, text: segmentName(id, t) })));
  segment.value = state.segment;
  const count = el("p", { id: "customers-count", class: "data-note", role: "status" });
  const body = el("tbody");
  const previous = el("button", { type: "button", id: "customers-previous", class: "button button--small", text: t("data.page.customers.previous") });
  const next = el("button", { type: "button", id: "customers-next", class: "button button--small", text: t("data.page.customers.next") });
  const pageText = el("span", { class: "pager__page", "aria-live": "polite" });

  const headers = [{ key: "id" }, ...cols].map((col) => {
    const label = t(`data.page.customers.col.${col.key}`, { months: report.horizon_months });
    const button = el("button", { type: "button", class: "sort", "data-sort": col.key, text: label });
    button.addEventListener("click", () => {
      // A second press turns the order around; a new column starts with its most telling end.
      if (state.key === col.key) state.direction = state.direction === "ascending" ? "descending" : "ascending";
      else state.direction = col.num ? "descending" : "ascending";
      state.key = col.key;
      state.page = 0;
      draw();
    });
    return el("th", { scope: "col", class: col.num ? "num" : null, "data-col": col.key }, button);
  });

  let shown = [];
  function filtered() {
    const query = state.query.trim().toLocaleLowerCase();
    return report.customers.filter((row) => (!state.segment || row.segment === state.segment)
      && (!query || row.id.toLocaleLowerCase().includes(query)));
  }

  function draw() {
    shown = filtered().sort(comparer(state.key, state.direction));
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const from = state.page * PAGE_SIZE;
    const rows = shown.slice(from, from + PAGE_SIZE);
    body.replaceChildren(...rows.map((row) => el("tr", { "data-customer": row.id, "data-overdue": row.overdue ? "true" : null },
      el("th", { scope: "row" }, customerButton(row, t, open)),
      cols.map((col) => el("td", { class: col.num ? "num" : null, "data-col": col.key, text: col.text(row) })))));
    for (const th of headers) {
      const key = th.dataset.col;
      if (key === state.key) th.setAttribute("aria-sort", state.direction);
      else th.removeAttribute("aria-sort");
    }
    count.textContent = shown.length === 0
      ? t("data.page.customers.none_found")
      : t("data.page.customers.count", { from: from + 1, to: from + rows.length, n: shown.length });
    pageText.textContent = t("data.page.customers.page", { page: state.page + 1, pages });
    previous.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }

  search.addEventListener("input", () => {
    state.query = search.value;
    state.page = 0;
    draw();
  });
  segment.addEventListener("change", () => {
    state.segment = segment.value;
    state.page = 0;
    draw();
  });
  previous.addEventListener("click", () => {
    state.page -= 1;
    draw();
  });
  next.addEventListener("click", () => {
    state.page += 1;
    draw();
  });

  const table = el("table", { class: "data-table customers-table" }, el("thead", {}, el("tr", {}, headers)), body);
  draw();
  return el("div", { class: "customers-all" },
    el("div", { class: "settings customers-filters" },
      el("div", { class: "setting" }, el("label", { for: search.id, text: t("data.page.customers.search") }), search),
      el("div", { class: "setting" }, el("label", { for: segment.id, text: t("data.page.customers.segment") }), segment)),
    count,
    scrollingTable("customers-table-title", t("data.page.customers.table_title", { date: fmt.date(report.observation_end) }), table),
    el("div", { class: "pager" }, previous, pageText, next),
    el("p", { class: "data-note", text: t("data.page.customers.table_note") }));
}
