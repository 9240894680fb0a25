// The data view's settings: the period (month or quarter), the activity
// window W in days, the sector its rates are compared with, and the
// currency. They live in the address, so the view reads them at start and
// tells the page whenever one changes.

import { currencySelect, el, fill, setting, showFieldError } from "../shared/dom.js";

/** The activity window when the address names none, as the engine's default. */
const DEFAULT_WINDOW = 90;

/** A pause after typing in the window field before the analysis runs again. */
const TYPING_PAUSE_MS = 400;

/**
 * @param {{ t, state, initial: { period, window }, sectors: () => object[], onAnalysisChange: () => void, onCurrencyChange: () => void }} options
 *   state: the page state (currency, currencies, sector); initial: from the address;
 *   sectors(): the sectors the catalog compares retention with;
 *   onAnalysisChange: the period or window changed (analyse again);
 *   onCurrencyChange: only the currency or the sector changed (show the report again)
 */
export function createSettings({ t, state, initial, sectors, onAnalysisChange, onCurrencyChange }) {
  let period = initial.period === "quarter" ? "quarter" : "month";
  let windowText = initial.window ? String(initial.window) : String(DEFAULT_WINDOW);
  let windowInput = null;
  let windowError = null;
  let windowRhythm = null;

  function render(text) {
    t = text;
    const periodSelect = el("select", { id: "data-period", name: "period" },
      el("option", { value: "month", text: t("data.page.settings.month") }),
      el("option", { value: "quarter", text: t("data.page.settings.quarter") }));
    periodSelect.value = period;
    periodSelect.addEventListener("change", () => {
      period = periodSelect.value;
      onAnalysisChange();
    });

    windowError = el("p", { id: "data-window-error", class: "field__error", hidden: true });
    windowRhythm = el("div", { id: "data-window-rhythm", class: "field__note", hidden: true });
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
      timer = setTimeout(onAnalysisChange, TYPING_PAUSE_MS);
    });

    return el("div", { class: "settings data-settings" },
      setting("data-period", t("data.page.settings.period"), periodSelect),
      setting("data-window", t("data.page.settings.window"), windowInput,
        el("p", { id: "data-window-help", class: "field__help", text: t("data.page.settings.window_help") }),
        windowError,
        windowRhythm),
      setting("data-sector", t("ui.sector"), sectorSelect()),
      setting("data-currency", t("ui.currency"), currencySelect("data-currency", t, state, onCurrencyChange)));
  }

  /** The reader's sector, shared with the calculator: the periods' comparison and "Open in the calculator" use it. */
  function sectorSelect() {
    const list = sectors();
    const select = el("select", { id: "data-sector", name: "sector" },
      el("option", { value: "", text: t("ui.sector_none") }),
      list.map((sector) => el("option", { value: sector.id, text: sector.name })));
    select.value = list.some((sector) => sector.id === state.sector) ? state.sector : "";
    select.addEventListener("change", () => {
      state.sector = select.value;
      onCurrencyChange();
    });
    return select;
  }

  return {
    render,
    /** The analysis options they set; an empty window is sent as NaN, which the engine refuses with its message. */
    options: () => ({ windowDays: Number(windowText === "" ? NaN : windowText), period }),
    /** Shows the engine's message under the window field (null clears it); `focus` moves there. */
    windowError(message, { focus = false } = {}) {
      showFieldError(windowInput, windowError, message, "data-window-help");
      if (focus) windowInput.focus();
    },
    /**
     * Under the window, the rhythm the analysed file shows (a returning
     * customer's typical gap between visits) and the window that suits it,
     * with a button to use that window when it is not the one set.
     */
    suggestWindow(totals, windowDays) {
      const gap = totals ? totals.typical_gap_days : null;
      const suggested = totals ? totals.suggested_window_days : null;
      windowRhythm.hidden = gap === null || gap === undefined || !suggested;
      if (windowRhythm.hidden) return windowRhythm.replaceChildren();
      const use = suggested === windowDays ? null : el("button", {
        type: "button",
        class: "button button--small",
        text: t("data.page.settings.window_use", { window: suggested }),
        onclick() {
          windowText = String(suggested);
          windowInput.value = windowText;
          windowInput.focus();
          onAnalysisChange();
        },
      });
      const rhythm = el("p", { class: "field__note-text", text: t("data.page.settings.window_rhythm", { gap, window: suggested }) });
      fill(windowRhythm, rhythm, use);
    },
    /** The settings for the address, left out when they are the defaults. */
    forAddress: () => ({
      period: period === "month" ? null : period,
      window: windowText === String(DEFAULT_WINDOW) ? null : windowText,
    }),
  };
}
