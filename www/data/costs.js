// The costs section: (category, amount) rows in; each category's amount and
// share, the total, and what keeping one active customer costs.

import { el, fill, showFieldError } from "../shared/dom.js";
import { createSourceInput } from "./source-input.js";
import { dataPanel, skippedDetails } from "./panel.js";
import { scrollingTable } from "./tables.js";
import { createSectionRunner } from "./client.js";
import { createProgress } from "./progress.js";
import { exportBar, files } from "../export/bar.js";

/**
 * @param {{ t, getFormat: () => format, client, lang: () => string }} context
 */
export function createCostsSection({ t, getFormat, client, lang }) {
  let source = null;
  let lastReport = null;
  let typedByUser = false; // once the user types a number, analyses no longer overwrite it
  const resultBox = el("div", { class: "data-result", id: "costs-result", "aria-live": "polite" });

  const activeHelp = el("p", { id: "costs-active-help", class: "field__help", text: t("data.page.costs.active_help") });
  const activeError = el("p", { id: "costs-active-error", class: "field__error", hidden: true });
  const activeInput = el("input", {
    id: "costs-active",
    type: "number",
    min: "0",
    step: "1",
    inputmode: "numeric",
    autocomplete: "off",
    "aria-describedby": "costs-active-help",
  });

  const input = createSourceInput({
    id: "costs",
    rows: 4,
    t,
    keys: {
      file: "data.page.costs.file",
      fileHint: "data.page.costs.file_hint",
      paste: "data.page.costs.paste",
      pasteButton: "data.page.costs.button",
    },
    onSource(next) {
      source = next;
      run();
    },
  });
  // A run of its own with its Cancel, as the orders have (`show` is hoisted).
  const progress = createProgress({ id: "costs", label: "data.page.costs.progress", onCancel: () => runner.cancel() });
  const runner = createSectionRunner(client, { box: resultBox, input, show, progress });

  /** The typed number of active customers; null when empty; undefined when not a whole number. */
  function activeCustomers() {
    const text = activeInput.value.trim();
    if (text === "" && !activeInput.validity.badInput) return null;
    const n = Number(text);
    return text !== "" && Number.isInteger(n) && n >= 0 ? n : undefined;
  }

  function checkActive() {
    const n = activeCustomers();
    const bad = n === undefined;
    showFieldError(activeInput, activeError, bad ? t("data.page.costs.active_invalid") : "", "costs-active-help");
    return !bad;
  }

  let timer = 0;
  activeInput.addEventListener("input", () => {
    typedByUser = true;
    activeHelp.textContent = t("data.page.costs.active_help");
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (checkActive() && source) run();
    }, 250);
  });

  async function run() {
    input.clearError();
    if (!checkActive()) return;
    const options = { lang: lang() };
    const n = activeCustomers();
    if (n !== null) options.activeCustomers = n;
    const report = await runner.run("analyzeCosts", source, options);
    if (report !== undefined) lastReport = report;
  }

  function show(report) {
    const fmt = getFormat();
    const captionId = "costs-caption";
    const table = el("table", { class: "data-table costs-table" },
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: t("data.page.costs.category") }),
        el("th", { scope: "col", class: "num", text: t("data.page.costs.amount") }),
        el("th", { scope: "col", class: "num", text: t("data.page.costs.share") }))),
      el("tbody", {}, report.categories.map((row) => el("tr", { "data-category": row.category },
        el("th", { scope: "row", text: row.category }),
        el("td", { class: "num", "data-col": "amount", text: fmt.money(row.amount, true) }),
        el("td", { class: "num", "data-col": "share", text: fmt.percent(row.share) })))),
      el("tfoot", {}, el("tr", {},
        el("th", { scope: "row", text: t("data.page.costs.total") }),
        el("td", { class: "num", "data-col": "total", text: fmt.money(report.total, true) }),
        el("td", { class: "num", text: fmt.percent(100) }))));

    const perCustomer = report.per_customer !== null && report.per_customer !== undefined
      ? [
        el("p", { class: "data-value", "data-value": String(report.per_customer), text: fmt.money(report.per_customer) }),
        el("p", { class: "data-value__detail", text: t("data.page.costs.per_customer_detail", { total: fmt.money(report.total), n: report.active_customers }) }),
      ]
      : [el("p", { class: "data-note", text: t("data.page.costs.need_active") })];

    const skipped = skippedDetails(report, t("data.page.costs.skipped", { n: report.skipped_total }), t);

    fill(resultBox,
      el("div", { class: "data-value-box" },
        el("p", { class: "data-value__label", text: t("data.page.costs.per_customer") }),
        ...perCustomer),
      scrollingTable(captionId, t("data.page.costs.caption"), table),
      exportBar({
        t,
        what: t("data.page.export.costs"),
        name: "costs",
        formats: {
          csv: () => files.csv([
            [t("data.page.costs.category"), files.money(t("data.page.costs.amount"), fmt.currency), files.percent(t("data.page.costs.share"))],
            ...report.categories.map((row) => [row.category, { money: row.amount }, row.share]),
            [t("data.page.costs.total"), { money: report.total }, 100],
            [t("data.page.costs.per_customer"), report.per_customer === null || report.per_customer === undefined ? null : { money: report.per_customer }, null],
          ], lang()),
          json: () => files.json(report),
        },
      }),
      skipped);
  }

  const root = dataPanel("costs", t,
    input.root,
    el("div", { class: "field costs-active" },
      el("label", { for: "costs-active", class: "field__label", text: t("data.page.costs.active") }),
      activeHelp,
      activeInput,
      activeError),
    progress.render(t),
    resultBox);

  return {
    root,
    refresh() {
      if (lastReport) show(lastReport);
    },
    /** The orders analysis found this many active customers: use it unless the user typed their own. */
    suggestActiveCustomers(n, windowDays) {
      if (typedByUser || !Number.isInteger(n)) return;
      activeInput.value = String(n);
      activeHelp.textContent = t("data.page.costs.active_from_orders", { w: windowDays });
      checkActive();
      if (source) run();
    },
  };
}
