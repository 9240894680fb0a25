// The calculator panel: one metric's description, examples, settings, form and result.
// Everything shown comes from the engine (catalog, messages, compute); the
// page only arranges it. The form's parts are in form.js, the result's in
// result-view.js; this module holds the panel's state and redraws.

import { el, fill, shown, showFieldError } from "../shared/dom.js";
import { exampleButtons, inputField, settingsRow, typedNumber } from "./form.js";
import { copyLinkBlock, errorList, placeErrors, resultDetails, resultStatus } from "./result-view.js";

/**
 * @param {HTMLElement} root  the calculator <section>
 * @param {{ compute: Function, onChange?: () => void, onResult?: (result: object | null) => void }} hooks
 *   compute: the engine's compute; onChange: called after the user changes
 *   anything (the page writes its address); onResult: called after every
 *   refresh with compute()'s result, or null while there is none (the widget
 *   announces changes to its host); copyLink: returns the address to share
 *   (the page's; without it, as in the widget, there is no "Copy link");
 *   resultTools({ t, current }): more controls under the result (the page's
 *   downloads and Print), `current()` giving { metric, result, state } when used
 */
export function createCalculator(root, { compute, onChange = () => {}, onResult = () => {}, copyLink = null, resultTools = null }) {
  let t = (key) => key;
  let state = null; // shared with app.js: { lang, numberLocale, currency, sector, currencies, metric, values, touched }
  const fields = new Map(); // input id → { input, help, error }
  let statusBox = null;
  let detailsBox = null;
  let lastResult = null;

  /** The person changed something: show the new result and let the page write its address. */
  function changed() {
    refresh();
    onChange();
  }

  function field(spec) {
    const built = inputField(spec, {
      t,
      state,
      onInput() {
        state.touched.add(spec.id);
        changed();
      },
      onLeave() {
        if (state.touched.has(spec.id)) return;
        state.touched.add(spec.id);
        refresh();
      },
    });
    fields.set(spec.id, built);
    return built.node;
  }

  /** Replaces every value (an example's inputs, or none to clear the form). */
  function setValues(inputs) {
    state.values = {};
    for (const [id, value] of Object.entries(inputs)) state.values[id] = typedNumber(value, state.numberLocale);
    state.touched = new Set();
    for (const [id, { input }] of fields) input.value = shown(state.values[id]);
    changed();
  }

  function metricHead(metric) {
    const heading = el("h2", { id: "metric-name", class: "metric__name", tabindex: "-1", text: shown(metric.name) });
    const head = el("div", { class: "metric__head" },
      el("p", { class: "metric__group", text: shown(metric.group_name) }),
      heading,
      el("p", { class: "metric__description", text: shown(metric.description) }),
      metric.cadence ? el("p", { class: "metric__cadence" },
        el("span", { class: "metric__cadence-label", text: t("ui.cadence") }), " ",
        el("span", { text: metric.cadence })) : null);
    return { head, heading };
  }

  function form(metric) {
    const clear = el("button", { type: "button", class: "button button--small form__clear", text: t("ui.clear") });
    clear.addEventListener("click", () => {
      setValues({});
      const first = fields.values().next().value;
      if (first) first.input.focus();
    });
    // Landmarks named with the metric too: two widgets on one page must not give a screen reader two identical "Result" regions.
    const node = el("form", { class: "form", novalidate: true, "aria-labelledby": "inputs-heading metric-name" },
      el("div", { class: "form__head" },
        el("h3", { id: "inputs-heading", class: "form__heading", text: t("ui.inputs") }),
        clear),
      el("p", { class: "form__hint", text: t("ui.number_hint") }),
      settingsRow(metric, { t, state, onChange: changed }),
      el("div", { class: "fields" }, metric.inputs.map(field)));
    node.addEventListener("submit", (event) => event.preventDefault());
    return node;
  }

  function resultPanel() {
    statusBox = el("div", { id: "result-status", class: "result__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    detailsBox = el("div", { class: "result__details" });
    return el("section", { class: "result", "aria-labelledby": "result-heading metric-name" },
      el("h3", { id: "result-heading", class: "result__heading", text: t("ui.result") }),
      statusBox,
      detailsBox,
      copyLink ? copyLinkBlock(t, copyLink) : null,
      resultTools ? resultTools({ t, current: () => ({ metric: state.metric, result: lastResult, state }) }) : null);
  }

  /**
   * Builds the panel for `state.metric`.
   * @param text   text lookup (messages)
   * @param shared the page state, read and written by the panel
   */
  function show(text, shared) {
    t = text;
    state = shared;
    const metric = state.metric;
    fields.clear();
    const { head, heading } = metricHead(metric);
    fill(root, head, exampleButtons(metric, t, setValues), el("div", { class: "calculator__body" }, form(metric), resultPanel()));
    refresh();
    return heading;
  }

  /** The options of compute(): the reader's language and number format, the currency, a sector the metric knows. */
  function computeOptions(metric) {
    const options = { lang: state.lang, locale: state.numberLocale, currency: state.currency };
    if (state.sector && Array.isArray(metric.sectors) && metric.sectors.some((s) => s.id === state.sector)) {
      options.sector = state.sector;
    }
    return options;
  }

  /** Computes the result from the current values and shows it (or what to fix). */
  function refresh() {
    const metric = state.metric;
    const inputs = {};
    for (const spec of metric.inputs) {
      const value = state.values[spec.id];
      if (typeof value === "string" && value.trim() !== "") inputs[spec.id] = value;
    }
    let result = null;
    let errors = [];
    try {
      result = compute(metric.id, inputs, computeOptions(metric));
    } catch (err) {
      errors = errorList(err);
    }
    const placed = placeErrors(errors, new Set(fields.keys()), (id) => !state.touched.has(id));
    for (const [id, { input, help, error }] of fields) {
      showFieldError(input, error, placed.byField.get(id), help ? help.id : null);
    }
    fill(statusBox, resultStatus({ t, metric, result, placed }));
    fill(detailsBox, resultDetails({ t, metric, result }));
    root.classList.toggle("has-result", Boolean(result));
    lastResult = result;
    onResult(result);
  }

  return { show, refresh, loadExample: (example) => setValues(example.inputs) };
}
