// The "Analyse your data" view: wires the inputs, the worker, the mapping
// step and the report sections together. The engine does the reading and the
// sums (in data/worker.js); this module decides what is shown when. Its
// parts: settings.js (period, window, currency), progress.js (bar and
// Cancel), mapping.js (the column step), tables.js (the report),
// customers/ (every customer with the forecasts), survey.js and costs.js
// (the other two kinds of file).

import { el, fill, isPlainClick } from "../shared/dom.js";
import { createFormat, localeDateOrder } from "../shared/format.js";
import { createDataClient, sourceOf, Cancelled } from "./client.js";
import { createSourceInput } from "./source-input.js";
import { dataPanel } from "./panel.js";
import { initialMapping, mappingForm } from "./mapping.js";
import { createSettings } from "./settings.js";
import { createProgress } from "./progress.js";
import { reportSections } from "./report.js";
import { createSurveySection } from "./survey.js";
import { createCostsSection } from "./costs.js";
import { createCustomersSection } from "./customers/section.js";
import { downloadText } from "../export/downloads.js";

/**
 * Engine errors that the column-mapping step can fix. "no_data" too: when no
 * row was usable, the engine asks the user to check the columns picked.
 */
const MAPPING_CODES = ["missing_column", "unknown_column", "ambiguous_date_order", "no_data"];

/**
 * @param {HTMLElement} root  the view's container
 * @param {{ state, settings: { period, window }, sectors, compare, goals, whatIf, calculatorHref, openCalculator, onSettingsChange }} hooks
 *   state: the page state shared with page/app.js (lang, numberLocale, currency, currencies, sector);
 *   settings: period and window from the address; sectors(): the sectors to compare with;
 *   compare(values): the retention calculator's comparison for S, E, N and the period, or null;
 *   goals: { forMetric(id), convert(metric, value, from, to) }: the goals set in the calculator;
 *   whatIf(options): a what-if block (whatif/panel.js) to start from the file's figures;
 *   calculatorHref(values) / openCalculator(values): the retention calculator with S, E, N and the period;
 *   onSettingsChange(): the address should be rewritten
 */
export function createDataView(root, { state, settings, sectors, compare, goals, whatIf, calculatorHref, openCalculator, onSettingsChange }) {
  const orders = createDataClient(); // transactions, previews, segment lists
  const side = createDataClient(); // survey and costs, so Cancel does not touch them
  let t = (key) => key;
  let fmt = null;

  // What the user gave and chose; kept across re-runs, the mapping step and Cancel.
  let source = null;
  let mapping = null; // { columns, dateOrder } from the mapping step
  let fileCurrency = null; // the currency picked among those a file mixes
  let currencyChosen = false; // the reader picked a currency since the file was given
  let report = null;
  let reportOptions = null;
  let runId = 0;

  // Elements rebuilt by render().
  let ordersInput = null;
  let mappingBox = null;
  let resultsBox = null;
  let statusBox = null;
  let survey = null;
  let costs = null;
  let customers = null;

  const lang = () => state.lang;
  const makeFormat = () => createFormat({ locale: state.numberLocale, currency: state.currency, t });

  const controls = createSettings({
    t,
    state,
    initial: settings,
    sectors,
    onAnalysisChange() {
      onSettingsChange();
      if (source) analyse();
    },
    onCurrencyChange() {
      currencyChosen = true;
      fmt = makeFormat();
      onSettingsChange();
      if (report) showReport();
      customers.refresh();
      survey.refresh();
      costs.refresh();
    },
  });

  const progress = createProgress({
    onCancel: cancel,
    onBusy(busy) {
      if (busy) resultsBox.setAttribute("aria-busy", "true");
      else resultsBox.removeAttribute("aria-busy");
      ordersInput.setBusy(busy);
    },
  });

  function cancel() {
    runId += 1; // whatever was running no longer counts
    orders.cancel();
    progress.stop();
    statusBox.textContent = t("data.page.cancelled");
    ordersInput.fileInput.focus();
  }

  // ---- Running the analysis ----------------------------------------------------

  function analysisOptions() {
    const options = { ...controls.options(), lang: lang() };
    if (mapping) {
      options.columns = mapping.columns;
      options.dateOrder = mapping.dateOrder;
    }
    if (fileCurrency) options.currency = fileCurrency;
    return options;
  }

  /** Analyses the current source with the current settings; the newest request wins. */
  async function analyse() {
    if (!source) return;
    const id = ++runId;
    if (orders.busy()) orders.cancel();
    ordersInput.clearError();
    controls.windowError(null);
    statusBox.textContent = "";
    progress.start();
    const options = analysisOptions();
    try {
      const result = await orders.call("analyzeTransactions", source, [options], { onProgress: (share) => progress.set(share, fmt) });
      if (id !== runId) return;
      report = result;
      reportOptions = options;
      followFileCurrency(report.input.currency);
      mappingBox.replaceChildren();
      showReport();
      statusBox.textContent = t("data.page.done", { orders: report.input.orders, customers: report.input.customers });
      costs.suggestActiveCustomers(report.totals.active_customers, report.window_days);
      customers.run(source, options);
    } catch (err) {
      if (id !== runId || err instanceof Cancelled) return;
      await showError(err);
    } finally {
      if (id === runId) progress.stop();
    }
  }

  async function showError(err) {
    if (err.field === "window_days") {
      controls.windowError(err.message, { focus: true });
      return;
    }
    ordersInput.showError(err.message);
    report = null;
    customers.clear();
    resultsBox.replaceChildren();
    mappingBox.replaceChildren();
    if (MAPPING_CODES.includes(err.code)) await showMapping(); // the alert above it says why
  }

  /** The column-mapping step, pre-filled with what the engine found or what was chosen before. */
  async function showMapping() {
    const id = runId;
    let preview;
    try {
      preview = await orders.call("previewTable", source, [{ rows: 8 }]);
    } catch (err) {
      if (!(err instanceof Cancelled)) ordersInput.showError(err.message);
      return;
    }
    if (id !== runId) return;
    if (preview.rows.length === 0) return; // nothing to pick from: the alert is all there is
    const form = mappingForm({
      t,
      preview,
      initial: initialMapping(preview, { chosen: mapping, report, fallbackDateOrder: localeDateOrder(state.numberLocale) }),
      onSubmit(choice) {
        mapping = choice;
        analyse();
      },
      onClose: report ? () => {
        mappingBox.replaceChildren();
        document.getElementById("data-change-columns")?.focus();
      } : null,
    });
    mappingBox.replaceChildren(form);
    form.querySelector("h3").focus();
  }

  function useSource(next) {
    source = next;
    mapping = null;
    fileCurrency = null;
    currencyChosen = false;
    report = null;
    customers.clear();
    resultsBox.replaceChildren();
    mappingBox.replaceChildren();
    analyse();
  }

  async function loadSample(button) {
    button.disabled = true;
    try {
      const text = await orders.call("sampleTransactions", null, ["coffee"]);
      useSource(sourceOf(text, t("data.page.sample.name")));
    } catch (err) {
      if (!(err instanceof Cancelled)) ordersInput.showError(err.message);
    } finally {
      button.disabled = false;
    }
  }

  // ---- Showing the report --------------------------------------------------------

  async function downloadSegment(segment, button) {
    const status = document.getElementById("data-segments-status");
    button.disabled = true;
    status.textContent = t("data.page.segments.preparing", { name: segment.name });
    try {
      const csv = await orders.call("segmentCsv", source, [reportOptions, segment.id]);
      downloadText(csv, `segment-${segment.id}.csv`);
      status.textContent = t("data.page.segments.ready", { name: segment.name, file: `segment-${segment.id}.csv` });
    } catch (err) {
      status.textContent = err instanceof Cancelled ? "" : err.message;
    } finally {
      button.disabled = false;
    }
  }

  /** A period's S, E and N with its length, as the retention calculator takes them. */
  const periodValues = (row) => ({ start: row.start, end: row.end, new: row.new, period: report.period });

  /** "Open in the calculator" from a period (a real link, and in place on a plain click), and its comparison. */
  const periodLinks = {
    calculatorHref: (row) => calculatorHref(periodValues(row)),
    openCalculator(row, event) {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      openCalculator(periodValues(row));
    },
    compare: (row) => compare(periodValues(row)),
  };

  /**
   * The currency the file's amounts name (`zł`, `€`, a currency column)
   * becomes the page's, until the reader picks another.
   */
  function followFileCurrency(code) {
    if (!code || currencyChosen || code === state.currency || !state.currencies.includes(code)) return;
    state.currency = code;
    const select = document.getElementById("data-currency");
    if (select) select.value = code;
    fmt = makeFormat();
    onSettingsChange();
  }

  /** Every row the engine left out, as CSV (the report lists only the first of each reason). */
  async function downloadSkipped(button) {
    const status = document.getElementById("data-skipped-status");
    button.disabled = true;
    try {
      const csv = await orders.call("skippedRowsCsv", source, [reportOptions]);
      downloadText(csv, "skipped-rows.csv");
      status.textContent = t("data.page.understood.skipped_ready", { file: "skipped-rows.csv" });
    } catch (err) {
      status.textContent = err instanceof Cancelled ? "" : err.message;
    } finally {
      button.disabled = false;
    }
  }

  function showReport() {
    const context = { t, fmt, lang: state.lang, source, links: periodLinks, goals, whatIf: (options) => whatIf({ ...options, t, state }) };
    fill(resultsBox, reportSections(report, context, {
      onChangeColumns: () => showMapping(),
      onDownloadSegment: downloadSegment,
      onDownloadSkipped: downloadSkipped,
      onCurrency(code) {
        fileCurrency = code;
        analyse();
      },
    }));
  }

  // ---- Building the view -----------------------------------------------------------

  function ordersPanel() {
    ordersInput = createSourceInput({
      id: "data",
      t,
      keys: {
        file: "data.page.file.label",
        fileHint: "data.page.file.hint",
        paste: "data.page.paste.label",
        pasteButton: "data.page.paste.button",
      },
      onSource: useSource,
    });
    const sample = el("button", { type: "button", id: "data-sample", class: "button", text: t("data.page.sample.button") });
    sample.addEventListener("click", () => loadSample(sample));
    statusBox = el("p", { id: "data-status", class: "data-status", role: "status" });
    mappingBox = el("div", { id: "data-mapping-box" });
    resultsBox = el("div", { id: "data-results", class: "data-results" });
    customers = createCustomersSection({ t, getFormat: () => fmt, client: orders, lang });
    return dataPanel("orders", t,
      ordersInput.root,
      // Right under the alert that asks for it.
      mappingBox,
      el("div", { class: "data-sample" }, sample, el("p", { class: "field__help", text: t("data.page.sample.hint") })),
      controls.render(t),
      progress.render(t),
      statusBox,
      resultsBox,
      customers.root);
  }

  function render(text) {
    t = text;
    fmt = makeFormat();
    survey = createSurveySection({ t, getFormat: () => fmt, client: side, lang });
    costs = createCostsSection({ t, getFormat: () => fmt, client: side, lang });
    root.replaceChildren(
      el("div", { class: "data-head" },
        el("h2", { id: "data-heading", class: "data-head__title", tabindex: "-1", text: t("data.page.title") }),
        el("p", { class: "data-head__intro", text: t("data.page.intro") })),
      ordersPanel(),
      survey.root,
      costs.root);
    if (source) analyse();
  }

  // A file dropped beside the drop zone must not make the browser leave the page.
  for (const type of ["dragover", "drop"]) {
    document.addEventListener(type, (event) => {
      if (!root.hidden && event.dataTransfer && [...event.dataTransfer.types].includes("Files")) event.preventDefault();
    });
  }

  return {
    render,
    /** The view's settings for the address. */
    settings: () => controls.forAddress(),
    focus: () => document.getElementById("data-heading").focus(),
  };
}
