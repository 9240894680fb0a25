// The calculator panel: one metric's description, examples, settings, form and result.
// Everything shown comes from the engine (catalog, messages, compute); the
// page only arranges it.

import { el, shown, showFieldError } from "../shared/dom.js";
import { copyOrSelect } from "../shared/copy-text.js";

/** A number from an example, written the way the reader types numbers (7,5 in Polish). */
function typedNumber(value, lang) {
  if (typeof value !== "number") return shown(value);
  try {
    return new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 10 }).format(value);
  } catch {
    return String(value);
  }
}

/** Every invalid field from an engine error: `err.errors`, or the single `err.field`. */
function errorList(err) {
  if (err && Array.isArray(err.errors) && err.errors.length > 0) return err.errors;
  return [{ field: err && err.field, code: err && err.code, message: err && err.message ? err.message : shown(err) }];
}

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
  const fields = new Map(); // input id → { input, help, error, spec }
  let statusBox = null;
  let detailsBox = null;
  let lastResult = null;

  function labelled(id, labelText, control) {
    return el("div", { class: "setting" }, el("label", { for: id, text: labelText }), control);
  }

  function settings(metric) {
    const row = [];
    if (Array.isArray(metric.sectors) && metric.sectors.length > 0) {
      const select = el("select", { id: "sector", name: "sector" },
        el("option", { value: "", text: t("ui.sector_none") }),
        metric.sectors.map((sector) => el("option", { value: sector.id, text: sector.name })));
      select.value = metric.sectors.some((sector) => sector.id === state.sector) ? state.sector : "";
      select.addEventListener("change", () => {
        state.sector = select.value;
        refresh();
        onChange();
      });
      row.push(labelled("sector", t("ui.sector"), select));
    }
    if (metric.money) {
      const select = el("select", { id: "currency", name: "currency" },
        state.currencies.map((code) => {
          const name = t(`currency.${code}`);
          return el("option", { value: code, text: name === `currency.${code}` ? code : name });
        }));
      select.value = state.currency;
      select.addEventListener("change", () => {
        state.currency = select.value;
        refresh();
        onChange();
      });
      row.push(labelled("currency", t("ui.currency"), select));
    }
    return row.length > 0 ? el("div", { class: "settings" }, row) : null;
  }

  function field(spec) {
    const inputId = `input-${spec.id}`;
    const helpId = `help-${spec.id}`;
    const errorId = `error-${spec.id}`;
    const hasDefault = spec.default !== undefined && spec.default !== null;
    const input = el("input", {
      id: inputId,
      name: spec.id,
      type: "text",
      inputmode: "decimal",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: hasDefault ? typedNumber(spec.default, state.numberLocale) : null,
      "aria-describedby": spec.help || hasDefault ? helpId : null,
    });
    input.value = shown(state.values[spec.id]);
    input.addEventListener("input", () => {
      state.values[spec.id] = input.value;
      state.touched.add(spec.id);
      refresh();
      onChange();
    });
    input.addEventListener("blur", () => {
      if (state.touched.has(spec.id)) return;
      state.touched.add(spec.id);
      refresh();
    });
    const help = spec.help || hasDefault
      ? el("p", { id: helpId, class: "field__help" },
        shown(spec.help),
        hasDefault ? el("span", { class: "field__default", text: ` ${t("ui.default_value", { value: typedNumber(spec.default, state.numberLocale) })}` }) : null)
      : null;
    const error = el("p", { id: errorId, class: "field__error", hidden: true });
    const label = el("label", { for: inputId, class: "field__label" },
      shown(spec.label),
      spec.optional ? " " : null,
      spec.optional ? el("span", { class: "field__optional", text: t("ui.optional") }) : null);
    fields.set(spec.id, { input, help, error, spec });
    return el("div", { class: "field", "data-field": spec.id }, label, help, input, error);
  }

  /** Replaces every value (an example's inputs, or none to clear the form). */
  function setValues(inputs) {
    state.values = {};
    for (const [id, value] of Object.entries(inputs)) state.values[id] = typedNumber(value, state.numberLocale);
    state.touched = new Set();
    for (const [id, { input }] of fields) input.value = shown(state.values[id]);
    refresh();
    onChange();
  }

  /** "Copy link": copies the absolute address, else shows it selected for Ctrl+C. */
  function copyLinkBlock() {
    if (!copyLink) return null;
    const link = el("input", { type: "text", class: "result__link", readonly: true, hidden: true, "aria-label": t("ui.copy_link_label") });
    const note = el("p", { class: "result__link-note", "aria-live": "polite" });
    const button = el("button", { type: "button", class: "button button--small", text: t("ui.copy_link") });
    button.addEventListener("click", async () => {
      link.value = new URL(copyLink(), window.location.href).href;
      note.textContent = "";
      const copied = await copyOrSelect(link);
      link.hidden = copied;
      note.textContent = t(copied ? "ui.copy_link_done" : "ui.copy_link_failed");
    });
    return el("div", { class: "result__share" }, button, link, note);
  }

  function examples(metric) {
    if (!Array.isArray(metric.examples) || metric.examples.length === 0) return null;
    return el("div", { class: "examples", role: "group", "aria-labelledby": "examples-label" },
      el("span", { id: "examples-label", class: "examples__label", text: t("ui.examples") }),
      metric.examples.map((example) => el("button", {
        type: "button",
        class: "examples__button",
        "data-example": example.id,
        "aria-label": t("ui.load_example", { name: shown(example.name) }),
        text: shown(example.name),
        onclick: () => setValues(example.inputs),
      })));
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

    const heading = el("h2", { id: "metric-name", class: "metric__name", tabindex: "-1", text: shown(metric.name) });
    const head = el("div", { class: "metric__head" },
      el("p", { class: "metric__group", text: shown(metric.group_name) }),
      heading,
      el("p", { class: "metric__description", text: shown(metric.description) }),
      metric.cadence ? el("p", { class: "metric__cadence" },
        el("span", { class: "metric__cadence-label", text: t("ui.cadence") }), " ",
        el("span", { text: metric.cadence })) : null);

    const clear = el("button", { type: "button", class: "button button--small form__clear", text: t("ui.clear") });
    clear.addEventListener("click", () => {
      setValues({});
      const first = fields.values().next().value;
      if (first) first.input.focus();
    });
    // Landmarks named with the metric too: two widgets on one page must not give a screen reader two identical "Result" regions.
    const form = el("form", { class: "form", novalidate: true, "aria-labelledby": "inputs-heading metric-name" },
      el("div", { class: "form__head" },
        el("h3", { id: "inputs-heading", class: "form__heading", text: t("ui.inputs") }),
        clear),
      el("p", { class: "form__hint", text: t("ui.number_hint") }),
      settings(metric),
      el("div", { class: "fields" }, metric.inputs.map(field)));
    form.addEventListener("submit", (event) => event.preventDefault());

    statusBox = el("div", { id: "result-status", class: "result__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    detailsBox = el("div", { class: "result__details" });
    const result = el("section", { class: "result", "aria-labelledby": "result-heading metric-name" },
      el("h3", { id: "result-heading", class: "result__heading", text: t("ui.result") }),
      statusBox,
      detailsBox,
      copyLinkBlock(),
      resultTools ? resultTools({ t, current: () => ({ metric: state.metric, result: lastResult, state }) }) : null);

    root.replaceChildren(head, examples(metric), el("div", { class: "calculator__body" }, form, result));
    refresh();
    return heading;
  }

  function setFieldError(id, message) {
    const { input, help, error } = fields.get(id);
    showFieldError(input, error, message, help ? help.id : null);
  }

  function section(headingText, body, className) {
    return el("div", { class: `result__part ${className}` }, el("h4", { text: headingText }), body);
  }

  /** Computes the result from the current values and shows it (or what to fix). */
  function refresh() {
    const metric = state.metric;
    const inputs = {};
    for (const spec of metric.inputs) {
      const value = state.values[spec.id];
      if (typeof value === "string" && value.trim() !== "") inputs[spec.id] = value;
    }
    const options = { lang: state.lang, locale: state.numberLocale, currency: state.currency };
    if (state.sector && Array.isArray(metric.sectors) && metric.sectors.some((s) => s.id === state.sector)) {
      options.sector = state.sector;
    }

    let result = null;
    let errors = [];
    try {
      result = compute(metric.id, inputs, options);
    } catch (err) {
      errors = errorList(err);
    }

    const messages = new Map(); // field → message shown beside it
    const general = []; // messages that belong to no field of this form
    for (const error of errors) {
      if (error.field && fields.has(error.field)) {
        // "required" waits until the user has edited or left the field.
        const waiting = error.code === "required" && !state.touched.has(error.field);
        if (!waiting && !messages.has(error.field)) messages.set(error.field, shown(error.message));
      } else if (error.message) {
        general.push(shown(error.message));
      }
    }
    for (const id of fields.keys()) setFieldError(id, messages.get(id));

    const status = [];
    const details = [];
    if (result) {
      status.push(el("p", { class: "result__value", "data-unit": shown(result.unit), text: shown(result.display) }));
      if (result.reading) status.push(el("p", { class: "result__reading", text: shown(result.reading) }));
      if (Array.isArray(result.warnings) && result.warnings.length > 0) {
        status.push(section(t("ui.warnings"), el("ul", { class: "warnings" }, result.warnings.map((w) => el("li", { text: shown(w) }))), "result__warnings"));
      }
    } else if (messages.size > 0 || general.length > 0) {
      status.push(el("p", { class: "result__prompt result__prompt--error", text: t("ui.fix_fields") }));
      for (const message of general) status.push(el("p", { class: "result__general-error", text: message }));
    } else {
      status.push(el("p", { class: "result__prompt", text: t("ui.fill_in", { name: shown(metric.name) }) }));
    }

    const formula = shown(result ? result.formula || metric.formula : metric.formula);
    if (formula) details.push(section(t("ui.formula"), el("p", { class: "formula" }, el("code", { text: formula })), "result__formula"));
    if (result && Array.isArray(result.steps) && result.steps.length > 0) {
      details.push(section(t("ui.steps"), el("ol", { class: "steps" }, result.steps.map((step) => el("li", {}, el("code", { text: shown(step) })))), "result__steps"));
    }
    if (result && result.benchmark && result.benchmark.text) {
      const verdict = shown(result.benchmark.verdict);
      details.push(section(t("ui.benchmark"), el("p", { class: "benchmark", "data-verdict": verdict || null, text: shown(result.benchmark.text) }), "result__benchmark"));
    }

    statusBox.replaceChildren(...status);
    detailsBox.replaceChildren(...details);
    root.classList.toggle("has-result", Boolean(result));
    lastResult = result;
    onResult(result);
  }

  return { show, refresh, loadExample: (example) => setValues(example.inputs) };
}
