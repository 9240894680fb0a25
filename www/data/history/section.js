// "Your checks on this device": after an analysis, a button that keeps it in
// this browser (and, when asked, its file), what changed since the check
// kept before it, and the list of kept checks with Open, Remove and "Clear
// every check". The checks live in store.js (IndexedDB, or memory where the
// browser refuses); the view opens them (onOpen) as it shows any report.
// Created once per view, so what was kept survives a change of language;
// render(t) builds its elements afresh.

import { el, fill } from "../../shared/dom.js";
import { section } from "../tables.js";
import { openCheckStore } from "./store.js";
import { headlineFigures } from "./headline.js";
import { checkOptions, optionsKey } from "./options.js";
import { comparisonBlock } from "./comparison.js";
import { checksList, clearControl } from "./checks.js";
import { savedDate } from "./figures.js";

/** The file of a source, to keep: a dropped file as it is, pasted cells or the sample as a text file. */
function fileOf(source) {
  return source.kind === "file" ? source.file : new Blob([source.text], { type: "text/csv" });
}

/**
 * @param {{ getFormat: () => format, onOpen: (check) => void, convertRate: (key, value, from, to) => number | null }} hooks
 *   onOpen: show a kept check (the store's record, with its file if kept)
 * @returns {{ render(t), show(analysis), clear() }}
 */
export function createHistorySection({ getFormat, onOpen, convertRate }) {
  const storeReady = openCheckStore();
  let t = (key) => key;
  let checks = []; // the store's list, newest first
  let current = null; // the analysis on screen: { report, headline, source, options, currency, fileName, keptId }
  let keeping = false;
  // Which analyses were kept: a source's analyses with the same options are one check.
  const keptIds = new WeakMap(); // source → Map(optionsKey → id)

  // Elements rebuilt by render().
  let parts = null;

  const isKept = () => Boolean(current && current.keptId !== null && checks.some((c) => c.id === current.keptId));
  const names = (check) => ({ date: savedDate(getFormat(), check.savedAt, { time: true }), file: check.fileName });

  function remember(source, options, id) {
    if (!source) return;
    if (!keptIds.has(source)) keptIds.set(source, new Map());
    keptIds.get(source).set(optionsKey(options), id);
  }

  // ---- Keeping the analysis on screen ----------------------------------------------

  function showKeep() {
    parts.keep.hidden = !current;
    if (!current) return;
    const kept = isKept();
    const keptCheck = kept ? checks.find((c) => c.id === current.keptId) : null;
    parts.keepButton.textContent = kept
      ? t(keptCheck.hasFile ? "data.page.history.kept_with_file" : "data.page.history.kept")
      : t("data.page.history.keep");
    // aria-disabled rather than disabled: the button keeps the focus it has when pressed.
    if (kept || keeping) parts.keepButton.setAttribute("aria-disabled", "true");
    else parts.keepButton.removeAttribute("aria-disabled");
    parts.keepFile.hidden = kept || !current.source;
  }

  async function keep() {
    if (!current || isKept() || keeping) return;
    const analysis = current;
    const withFile = Boolean(analysis.source && parts.keepFileBox.checked);
    keeping = true;
    showKeep();
    try {
      const store = await storeReady;
      const record = {
        savedAt: new Date().toISOString(),
        fileName: analysis.fileName,
        figures: analysis.report,
        options: checkOptions(analysis.options),
        currency: analysis.currency,
      };
      if (withFile) record.file = fileOf(analysis.source);
      analysis.keptId = await store.add(record);
      remember(analysis.source, analysis.options, analysis.keptId);
      await refresh();
      parts.status.textContent = t(withFile ? "data.page.history.kept_status_file" : "data.page.history.kept_status");
    } catch (err) {
      parts.status.textContent = t("data.page.history.keep_failed", { message: err.message });
    } finally {
      keeping = false;
      showKeep();
    }
  }

  // ---- The list, and what changed since the last check -------------------------------

  function showComparison() {
    const kept = isKept();
    const previous = current && (kept ? checks.find((c) => c.id < current.keptId) : checks[0]);
    if (!previous) {
      parts.compare.replaceChildren();
      return;
    }
    fill(parts.compare, comparisonBlock({
      t,
      fmt: getFormat(),
      current,
      previous: { check: previous, headline: headlineFigures(previous.figures) },
      newest: !kept || checks[0].id === current.keptId,
      convert: convertRate,
    }));
  }

  function showList() {
    fill(parts.list, checksList(checks, { t, fmt: getFormat(), onOpen: open, onRemove: remove }));
    fill(parts.clear, checks.length > 0 ? clearControl({ t, count: checks.length, onConfirm: clearAll }) : null);
  }

  /** Reads the list again and shows everything that depends on it. */
  async function refresh() {
    const store = await storeReady;
    checks = await store.list();
    if (!parts) return;
    showKeep();
    showComparison();
    showList();
  }

  /** Says that the store failed (a browser that refuses after all, a full disk). */
  function storeFailed(err) {
    parts.status.textContent = t("data.page.history.store_failed", { message: err.message });
  }

  async function open(check) {
    try {
      const record = await (await storeReady).get(check.id);
      if (record) {
        onOpen(record);
        return;
      }
      parts.status.textContent = t("data.page.history.gone", names(check));
      await refresh();
    } catch (err) {
      storeFailed(err);
    }
  }

  /** Removes a check; the focus goes to the entry now in its place, or the list's heading. */
  async function remove(check) {
    const at = checks.findIndex((c) => c.id === check.id);
    try {
      await (await storeReady).remove(check.id);
      await refresh();
    } catch (err) {
      storeFailed(err);
      return;
    }
    parts.status.textContent = t("data.page.history.removed", names(check));
    const next = checks[Math.min(at, checks.length - 1)];
    const target = next ? parts.list.querySelector(`[data-remove-check="${next.id}"]`) : parts.listHeading;
    target.focus();
  }

  async function clearAll() {
    try {
      await (await storeReady).clear();
      await refresh();
    } catch (err) {
      storeFailed(err);
      return;
    }
    parts.status.textContent = t("data.page.history.cleared");
    parts.listHeading.focus();
  }

  // ---- Building the section ---------------------------------------------------------------

  function render(text) {
    t = text;
    const keepButton = el("button", { type: "button", id: "history-keep", class: "button button--primary", onclick: keep });
    const keepFileBox = el("input", { type: "checkbox", id: "history-keep-file", name: "keep-file" });
    const keepFile = el("div", { class: "history-keep__file" },
      keepFileBox, el("label", { for: keepFileBox.id, text: t("data.page.history.keep_file") }));
    const persistence = el("p", { id: "history-not-kept", class: "history-warning", hidden: true, text: t("data.page.history.not_persistent") });
    const listHeading = el("h4", { id: "history-list-heading", class: "data-subheading", tabindex: "-1", text: t("data.page.history.list_heading") });
    parts = {
      keepButton,
      keepFileBox,
      keepFile,
      keep: el("div", { class: "history-keep" }, keepButton, keepFile),
      status: el("p", { id: "history-status", class: "data-status", role: "status" }),
      compare: el("div", {}),
      listHeading,
      list: el("div", {}),
      clear: el("div", {}),
    };
    const root = section("data-history", t("data.page.history.heading"),
      el("p", { class: "data-intro", text: t("data.page.history.intro") }),
      persistence,
      parts.keep,
      parts.status,
      parts.compare,
      listHeading,
      parts.list,
      parts.clear);
    showKeep();
    showComparison();
    showList();
    storeReady.then((store) => {
      persistence.hidden = store.persistent;
      return refresh();
    }).catch(storeFailed);
    return root;
  }

  return {
    render,
    /**
     * The analysis now on screen, fresh or a kept check opened again.
     * @param {{ report, source, options, currency, fileName, keptCheck? }} analysis
     *   source: as the view analysed it (null for a check shown without its
     *   file); options: analyzeTransactions' options; currency: the one its
     *   money is shown in; keptCheck: the kept check it was opened from
     */
    show({ report, source, options, currency, fileName, keptCheck = null }) {
      const key = optionsKey(options);
      let keptId = source ? keptIds.get(source)?.get(key) ?? null : null;
      if (keptCheck && optionsKey(keptCheck.options) === key) {
        keptId = keptCheck.id;
        remember(source, options, keptId);
      }
      current = { report, headline: headlineFigures(report), source, options, currency, fileName, keptId };
      parts.status.textContent = "";
      showKeep();
      showComparison();
    },
    /** No analysis on screen any more (a new file is coming, or it could not be read). */
    clear() {
      current = null;
      showKeep();
      showComparison();
    },
  };
}
