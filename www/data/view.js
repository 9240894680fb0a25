// The "Analyse your data" view: wires the inputs, the worker, the mapping
// step and the report sections together. The engine does the reading and the
// sums (in data-worker.js); this module decides what is shown when.

import { el, fill, showFieldError } from "../shared/dom.js";
import { createFormat, localeDateOrder } from "../shared/format.js";
import { createDataClient, sourceOf, Cancelled } from "./client.js";
import { createSourceInput } from "./source-input.js";
import { mappingForm } from "./mapping.js";
import {
  understoodPanel, warningsBox, totalsCards, periodsSection, cohortSection, segmentsSection,
} from "./tables.js";
import { createSurveySection } from "./survey.js";
import { createCostsSection } from "./costs.js";
import { downloadText } from "../export/downloads.js";
import { exportBar, files } from "../export/bar.js";

/**
 * Engine errors that the column-mapping step can fix. "no_data" too: when no
 * row was usable, the engine asks the user to check the columns picked.
 */
const MAPPING_CODES = ["missing_column", "unknown_column", "ambiguous_date_order", "no_data"];
/** Runs quicker than this show no progress bar (it would only flicker). */
const PROGRESS_DELAY_MS = 200;
const DEFAULT_WINDOW = 90;

function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * @param {HTMLElement} root  the view's container
 * @param {{ state, settings: { period, window }, calculatorHref, openCalculator, onSettingsChange }} hooks
 *   state: the page state shared with app.js (lang, numberLocale, currency, currencies);
 *   settings: period and window from the address;
 *   calculatorHref(values) / openCalculator(values): the retention calculator with S, E, N;
 *   onSettingsChange(): the address should be rewritten
 */
export function createDataView(root, { state, settings, calculatorHref, openCalculator, onSettingsChange }) {
  const orders = createDataClient(); // transactions, previews, segment lists
  const side = createDataClient(); // survey and costs, so Cancel does not touch them
  let t = (key) => key;
  let fmt = null;

  // What the user gave and chose; kept across re-runs, the mapping step and Cancel.
  let source = null;
  let mapping = null; // { columns, dateOrder } from the mapping step
  let report = null;
  let reportOptions = null;
  let runId = 0;
  let period = settings.period === "quarter" ? "quarter" : "month";
  let windowText = settings.window ? String(settings.window) : String(DEFAULT_WINDOW);

  // Elements rebuilt by render().
  let ordersInput = null;
  let mappingBox = null;
  let resultsBox = null;
  let statusBox = null;
  let progressBox = null;
  let progressBar = null;
  let progressText = null;
  let windowInput = null;
  let windowError = null;
  let periodSelect = null;
  let survey = null;
  let costs = null;
  let progressTimer = 0;

  const lang = () => state.lang;

  function settingsBar() {
    periodSelect = el("select", { id: "data-period", name: "period" },
      el("option", { value: "month", text: t("data.page.settings.month") }),
      el("option", { value: "quarter", text: t("data.page.settings.quarter") }));
    periodSelect.value = period;
    periodSelect.addEventListener("change", () => {
      period = periodSelect.value;
      onSettingsChange();
      if (source) analyse();
    });

    windowError = el("p", { id: "data-window-error", class: "field__error", hidden: true });
    windowInput = el("input", {
      id: "data-window",
      name: "window",
      type: "number",
      min: "1",
      max: "3650",
      step: "1",
      inputmode: "numeric",
      "aria-describedby": "data-window-help",
    });
    windowInput.value = windowText;
    let timer = 0;
    windowInput.addEventListener("input", () => {
      windowText = windowInput.value;
      clearTimeout(timer);
      timer = setTimeout(() => {
        onSettingsChange();
        if (source) analyse();
      }, 400);
    });

    const currency = el("select", { id: "data-currency", name: "currency" },
      state.currencies.map((code) => {
        const name = t(`currency.${code}`);
        return el("option", { value: code, text: name === `currency.${code}` ? code : name });
      }));
    currency.value = state.currency;
    currency.addEventListener("change", () => {
      state.currency = currency.value;
      fmt = makeFormat();
      onSettingsChange();
      if (report) showReport();
      survey.refresh();
      costs.refresh();
    });

    return el("div", { class: "settings data-settings" },
      el("div", { class: "setting" }, el("label", { for: "data-period", text: t("data.page.settings.period") }), periodSelect),
      el("div", { class: "setting" },
        el("label", { for: "data-window", text: t("data.page.settings.window") }),
        windowInput,
        el("p", { id: "data-window-help", class: "field__help", text: t("data.page.settings.window_help") }),
        windowError),
      el("div", { class: "setting" }, el("label", { for: "data-currency", text: t("ui.currency") }), currency));
  }

  function setWindowError(message) {
    showFieldError(windowInput, windowError, message, "data-window-help");
  }

  function makeFormat() {
    return createFormat({ locale: state.numberLocale, currency: state.currency, t });
  }

  // ---- Progress and Cancel ---------------------------------------------------

  function startProgress() {
    clearTimeout(progressTimer);
    progressBar.removeAttribute("value"); // indeterminate until the engine reports
    progressText.textContent = "";
    progressTimer = setTimeout(() => {
      progressBox.hidden = false;
    }, PROGRESS_DELAY_MS);
    resultsBox.setAttribute("aria-busy", "true");
    ordersInput.setBusy(true);
  }

  function setProgress(share) {
    progressBar.value = share;
    progressText.textContent = fmt.percent(share * 100, 0);
  }

  function stopProgress() {
    clearTimeout(progressTimer);
    progressBox.hidden = true;
    resultsBox.removeAttribute("aria-busy");
    ordersInput.setBusy(false);
  }

  function cancel() {
    runId += 1; // whatever was running no longer counts
    orders.cancel();
    stopProgress();
    statusBox.textContent = t("data.page.cancelled");
    ordersInput.fileInput.focus();
  }

  // ---- Running the analysis ----------------------------------------------------

  function analysisOptions() {
    const options = { windowDays: Number(windowText === "" ? NaN : windowText), period, lang: lang() };
    if (mapping) {
      options.columns = mapping.columns;
      options.dateOrder = mapping.dateOrder;
    }
    return options;
  }

  /** Analyses the current source with the current settings; the newest request wins. */
  async function analyse() {
    if (!source) return;
    const id = ++runId;
    if (orders.busy()) orders.cancel();
    ordersInput.clearError();
    setWindowError(null);
    statusBox.textContent = "";
    startProgress();
    const options = analysisOptions();
    try {
      const result = await orders.call("analyzeTransactions", source, [options], { onProgress: setProgress });
      if (id !== runId) return;
      report = result;
      reportOptions = options;
      mappingBox.replaceChildren();
      showReport();
      statusBox.textContent = t("data.page.done", { orders: report.input.orders, customers: report.input.customers });
      costs.suggestActiveCustomers(report.totals.active_customers, report.window_days);
    } catch (err) {
      if (id !== runId || err instanceof Cancelled) return;
      await showError(err);
    } finally {
      if (id === runId) stopProgress();
    }
  }

  async function showError(err) {
    if (err.field === "window_days") {
      setWindowError(err.message);
      windowInput.focus();
      return;
    }
    ordersInput.showError(err.message);
    report = null;
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
    // Found by header first; else the engine's guess from the cells, when it makes one.
    const found = preview.columns;
    const guess = preview.suggested || {};
    const pick = (role) => (Number.isInteger(found[role]) ? found[role] : Number.isInteger(guess[role]) ? guess[role] : null);
    const initial = mapping || {
      columns: { customer: pick("customer"), date: pick("date"), amount: pick("amount"), order: pick("order") },
      dateOrder: (report && report.input.date_order) || preview.date_order || localeDateOrder(state.numberLocale),
    };
    const form = mappingForm({
      t,
      preview,
      initial,
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
    report = null;
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

  function showReport() {
    const context = {
      t,
      fmt,
      lang: state.lang,
      source,
      links: {
        calculatorHref: (row) => calculatorHref({ start: row.start, end: row.end, new: row.new }),
        openCalculator(row, event) {
          if (!isPlainClick(event)) return;
          event.preventDefault();
          openCalculator({ start: row.start, end: row.end, new: row.new });
        },
      },
    };
    const change = el("button", {
      type: "button",
      id: "data-change-columns",
      class: "button",
      text: t("data.page.mapping.change"),
      onclick: () => showMapping(),
    });
    const understood = understoodPanel(report, context);
    // The whole analysis, as the engine gave it (keys as in the README's "JavaScript API").
    const json = exportBar({ t, what: t("data.page.export.report"), name: "retention-report", formats: { json: () => files.json(report) } });
    understood.querySelector("h3").after(el("div", { class: "data-section__actions" }, change, json));
    fill(resultsBox,
      understood,
      warningsBox(report.warnings, t, fmt),
      totalsCards(report, context),
      periodsSection(report, context, null),
      cohortSection(report, context),
      segmentsSection(report, context, downloadSegment));
  }

  // ---- Building the view -----------------------------------------------------------

  function render(text) {
    t = text;
    fmt = makeFormat();

    ordersInput = createSourceInput({
      id: "data",
      texts: {
        file: t("data.page.file.label"),
        fileHint: t("data.page.file.hint"),
        choose: t("data.page.file.choose"),
        noFile: t("data.page.file.none"),
        paste: t("data.page.paste.label"),
        pasteButton: t("data.page.paste.button"),
        pasteEmpty: t("data.error.not_a_file"),
        pastedName: t("data.page.pasted"),
      },
      onSource: useSource,
    });
    const sample = el("button", { type: "button", id: "data-sample", class: "button", text: t("data.page.sample.button") });
    sample.addEventListener("click", () => loadSample(sample));

    progressBar = el("progress", { id: "data-progress", max: "1" });
    progressText = el("span", { class: "progress__value", "aria-hidden": "true" });
    progressBox = el("div", { class: "progress", hidden: true },
      el("label", { for: "data-progress", class: "progress__label", text: t("data.page.progress") }),
      el("div", { class: "progress__row" }, progressBar, progressText,
        el("button", { type: "button", id: "data-cancel", class: "button", text: t("data.page.cancel"), onclick: cancel })));
    statusBox = el("p", { id: "data-status", class: "data-status", role: "status" });
    mappingBox = el("div", { id: "data-mapping-box" });
    resultsBox = el("div", { id: "data-results", class: "data-results" });

    survey = createSurveySection({ t, getFormat: () => fmt, client: side, lang });
    costs = createCostsSection({ t, getFormat: () => fmt, client: side, lang });

    root.replaceChildren(
      el("div", { class: "data-head" },
        el("h2", { id: "data-heading", class: "data-head__title", tabindex: "-1", text: t("data.page.title") }),
        el("p", { class: "data-head__intro", text: t("data.page.intro") })),
      el("section", { class: "data-panel", id: "data-orders", "aria-labelledby": "data-orders-heading" },
        el("h2", { id: "data-orders-heading", class: "data-panel__heading", text: t("data.page.orders.heading") }),
        el("p", { class: "data-intro", text: t("data.page.orders.intro") }),
        ordersInput.root,
        // Right under the alert that asks for it.
        mappingBox,
        el("div", { class: "data-sample" }, sample, el("p", { class: "field__help", text: t("data.page.sample.hint") })),
        settingsBar(),
        progressBox,
        statusBox,
        resultsBox),
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
    settings: () => ({
      period: period === "month" ? null : period,
      window: windowText === String(DEFAULT_WINDOW) ? null : windowText,
    }),
    focus: () => document.getElementById("data-heading").focus(),
  };
}
