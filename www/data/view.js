// The "Analyse your data" view: wires the inputs, the worker, the mapping
// step and the report sections together. The engine does the reading and the
// sums (in data/worker.js); this module decides what is shown when. Its
// parts: settings.js (period, window, currency), progress.js (bar and
// Cancel), mapping.js (the column step), tables.js (the report),
// customers/ (every customer with the forecasts), history/ (checks kept on
// this device, compared and opened again), survey.js and costs.js (the other
// two kinds of file).

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
import { createSubscriptionsSection } from "./subscriptions.js";
import { createCustomersSection } from "./customers/section.js";
import { createHistorySection } from "./history/section.js";
import { reopenedBanner, withoutFile } from "./history/reopened.js";
import { sameOptions } from "./history/options.js";
import { downloadText } from "../export/downloads.js";

/**
 * Engine errors that the column-mapping step can fix. "no_data" too: when no
 * row was usable, the engine asks the user to check the columns picked.
 */
const MAPPING_CODES = ["missing_column", "unknown_column", "ambiguous_date_order", "no_data"];

/**
 * @param {HTMLElement} root  the view's container
 * @param {{ state, settings: { period, window }, sectors, compare, goals, whatIf, calculatorHref, metricHref, openCalculator, onSettingsChange }} hooks
 *   state: the page state shared with page/app.js (lang, numberLocale, currency, currencies, sector);
 *   settings: period and window from the address; sectors(): the sectors to compare with;
 *   compare(values): the retention calculator's comparison for S, E, N and the period, or null;
 *   goals: { forMetric(id), convert(metric, value, from, to) }: the goals set in the calculator;
 *   whatIf(options): a what-if block (whatif/panel.js) to start from the file's figures;
 *   calculatorHref(values) / openCalculator(values): the retention calculator with S, E, N and the period;
 *   metricHref(metricId, values): any calculator filled with values (a subscription month's
 *   churn, a cohort's projection);
 *   onSettingsChange(): the address should be rewritten
 */
export function createDataView(root, { state, settings, sectors, compare, goals, whatIf, calculatorHref, metricHref, openCalculator, onSettingsChange }) {
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
  // A check kept without its file, shown in place of the analysis above:
  // { check, currencyBefore }; `report` stays, for "Back to the current analysis".
  let keptShown = null;
  let staleBehindKept = false; // the language changed meanwhile: Back analyses again
  let focusReportWhenReady = false;
  // The kept check whose file `source` is: { check, source, focus }.
  let reopenedFrom = null;

  // Elements rebuilt by render().
  let ordersInput = null;
  let mappingBox = null;
  let resultsBox = null;
  let statusBox = null;
  let survey = null;
  let costs = null;
  let subscriptions = null;
  let customers = null;

  const lang = () => state.lang;
  const makeFormat = () => createFormat({ locale: state.numberLocale, currency: state.currency, t });
  const history = createHistorySection({ getFormat: () => fmt, onOpen: openCheck, convertRate: (key, value, from, to) => goals.convert(key, value, from, to) });

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
      if (report || keptShown) showReport();
      customers.refresh();
      survey.refresh();
      costs.refresh();
      subscriptions.refresh();
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
      closeKeptCheck();
      followFileCurrency(report.input.currency);
      mappingBox.replaceChildren();
      showReport();
      statusBox.textContent = t("data.page.done", { orders: report.input.orders, customers: report.input.customers });
      if (focusReportWhenReady) focusReport();
      costs.suggestActiveCustomers(report.totals.active_customers, report.window_days);
      controls.suggestWindow(report.totals, report.window_days);
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
    closeKeptCheck();
    report = null;
    controls.suggestWindow(null);
    customers.clear();
    history.clear();
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

  /** Analyses a new source; `choices` are those made for it before (a kept check's columns and currency). */
  function useSource(next, choices = { mapping: null, currency: null }) {
    closeKeptCheck();
    source = next;
    mapping = choices.mapping;
    fileCurrency = choices.currency;
    currencyChosen = false;
    report = null;
    customers.clear();
    history.clear();
    resultsBox.replaceChildren();
    mappingBox.replaceChildren();
    // A new file's report takes the focus once it is ready, so the reader
    // (and a screen reader) is taken to it rather than left on the file input.
    focusReportWhenReady = true;
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

  /**
   * "Open in the calculator" from a period of a report by `period` (a real
   * link, and in place on a plain click) and its comparison: the period's
   * S, E and N with its length, as the retention calculator takes them.
   */
  function periodLinks(period) {
    const periodValues = (row) => ({ start: row.start, end: row.end, new: row.new, period });
    return {
      calculatorHref: (row) => calculatorHref(periodValues(row)),
      openCalculator(row, event) {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        openCalculator(periodValues(row));
      },
      compare: (row) => compare(periodValues(row)),
      projectionHref: (counts) => metricHref("retention_projection", { survival: counts.join(" ") }),
    };
  }

  /** What the report's sections take, for `shown` (the current report or a kept check's) and its `source`. */
  function reportContext(shown, shownSource) {
    return {
      t,
      fmt,
      lang: state.lang,
      source: shownSource,
      links: periodLinks(shown.period),
      goals,
      whatIf: (options) => whatIf({ ...options, t, state }),
    };
  }

  /**
   * The currency the file's amounts name (`zł`, `€`, a currency column)
   * becomes the page's, until the reader picks another.
   */
  function followFileCurrency(code) {
    if (!currencyChosen) usePageCurrency(code);
  }

  /** Shows money in `code` (when the page offers it), as the reader's pick in the settings would. */
  function usePageCurrency(code) {
    if (!code || code === state.currency || !state.currencies.includes(code)) return;
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
    if (keptShown) {
      showKeptCheck(keptShown.check);
      return;
    }
    const context = reportContext(report, source);
    const from = reopenedFrom && reopenedFrom.source === source ? reopenedFrom.check : null;
    const banner = from
      ? reopenedBanner({ t, fmt, check: from, note: sameOptions(reportOptions, from.options) ? "file" : "file_other_settings", onBack: null })
      : null;
    fill(resultsBox, banner, reportSections(report, context, {
      onChangeColumns: () => showMapping(),
      onDownloadSegment: downloadSegment,
      onDownloadSkipped: downloadSkipped,
      onCurrency(code) {
        fileCurrency = code;
        analyse();
      },
    }));
    history.show({ report, source, options: reportOptions, currency: state.currency, fileName: source.name, keptCheck: from });
    if (banner && reopenedFrom.focus) {
      reopenedFrom.focus = false;
      banner.querySelector("h3").focus();
    }
  }

  /** The report's first heading takes the focus (a new file's report, or after "Back to the current analysis"). */
  function focusReport() {
    focusReportWhenReady = false;
    const heading = resultsBox.querySelector("h3");
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  // ---- Kept checks (history/) ----------------------------------------------------

  /**
   * Opens a kept check. With its file, the file is analysed again as if
   * dropped (with the columns and currency chosen for it then); without, its
   * report is shown as kept, in front of the current analysis.
   */
  function openCheck(check) {
    if (check.file) {
      const file = new File([check.file], check.fileName, { type: check.file.type || "text/csv" });
      const next = sourceOf(file, check.fileName);
      reopenedFrom = { check, source: next, focus: true };
      const { columns, dateOrder, currency = null } = check.options;
      useSource(next, { mapping: columns || dateOrder ? { columns, dateOrder } : null, currency });
      return;
    }
    keptShown = { check, currencyBefore: keptShown ? keptShown.currencyBefore : state.currency };
    usePageCurrency(check.currency);
    mappingBox.replaceChildren();
    statusBox.textContent = ""; // it spoke of the current analysis; the banner now says what is shown
    customers.root.hidden = true; // its forecasts are the current analysis's
    showReport();
    document.getElementById("history-reopened-heading").focus();
  }

  /**
   * A check kept without its file: its report as kept, under a banner that
   * says so, with the controls that would need the file turned off.
   */
  function showKeptCheck(check) {
    const context = reportContext(check.figures, { name: check.fileName });
    const needsTheFile = () => {}; // never called: withoutFile() turns those controls off
    fill(resultsBox,
      reopenedBanner({ t, fmt, check, note: "no_file", onBack: report ? backToCurrent : null }),
      withoutFile(reportSections(check.figures, context, {
        onChangeColumns: needsTheFile,
        onDownloadSegment: needsTheFile,
        onDownloadSkipped: needsTheFile,
        onCurrency: needsTheFile,
      }), t));
    history.show({ report: check.figures, source: null, options: check.options, currency: state.currency, fileName: check.fileName, keptCheck: check });
  }

  /** Leaves a check shown without its file; the page's currency returns to what it was, unless the reader changed it. */
  function closeKeptCheck() {
    if (!keptShown) return;
    const { check, currencyBefore } = keptShown;
    keptShown = null;
    staleBehindKept = false;
    if (state.currency === check.currency) usePageCurrency(currencyBefore);
  }

  function backToCurrent() {
    const stale = staleBehindKept;
    closeKeptCheck();
    if (stale) {
      resultsBox.replaceChildren();
      focusReportWhenReady = true;
      analyse();
      return;
    }
    customers.root.hidden = false;
    showReport();
    focusReport();
    statusBox.textContent = t("data.page.history.back_done");
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
      history.render(t),
      customers.root);
  }

  function render(text) {
    t = text;
    fmt = makeFormat();
    survey = createSurveySection({ t, getFormat: () => fmt, client: side, lang });
    costs = createCostsSection({ t, getFormat: () => fmt, client: side, lang });
    subscriptions = createSubscriptionsSection({ t, getFormat: () => fmt, client: side, lang, metricHref });
    root.replaceChildren(
      el("div", { class: "data-head" },
        el("h2", { id: "data-heading", class: "data-head__title", tabindex: "-1", text: t("data.page.title") }),
        el("p", { class: "data-head__intro", text: t("data.page.intro") })),
      ordersPanel(),
      survey.root,
      costs.root,
      subscriptions.root);
    if (keptShown) {
      staleBehindKept = Boolean(report);
      showReport();
    } else if (source) {
      analyse();
    }
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
