// The calculator panel: one metric's description, examples, settings, form and result.
// Everything shown comes from the engine (catalog, messages, compute); the
// page only arranges it: the parts first, then the panel that holds the state.

import { el, fill, shown, showFieldError, currencySelect, setting } from "../shared/dom.js";
import { copyOrSelect } from "../shared/copy-text.js";
import { benchmarkBlock } from "../shared/benchmark.js";
import { lineChart } from "../shared/charts.js";
import { createPeek } from "./peek.js";

/** A number from an example, written the way the reader types numbers (7,5 in Polish). */
function typedNumber(value, lang) {
  if (typeof value !== "number") return shown(value);
  try {
    return new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 10 }).format(value);
  } catch {
    return String(value);
  }
}

/** Cohorts as the reader types them: a line each, numbers apart by spaces, in their number format. */
function typedSeries(series, lang) {
  return series.map((cohort) => cohort.map((value) => typedNumber(value, lang)).join(" ")).join("\n");
}

/** A catalog input as a labelled field with its help and error; the value goes to `state.values`. */
function inputField(spec, { t, state, onInput, onLeave }) {
  const inputId = `input-${spec.id}`;
  const helpId = `help-${spec.id}`;
  const hasDefault = spec.default !== undefined && spec.default !== null;
  // A series (cohorts pasted from a spreadsheet) takes lines: a text area.
  const series = spec.kind === "series";
  const input = el(series ? "textarea" : "input", {
    id: inputId,
    name: spec.id,
    type: series ? null : "text",
    rows: series ? 4 : null,
    inputmode: series ? null : "decimal",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: hasDefault ? typedNumber(spec.default, state.numberLocale) : null,
    "aria-describedby": spec.help || hasDefault ? helpId : null,
  });
  input.value = shown(state.values[spec.id]);
  input.addEventListener("input", () => {
    state.values[spec.id] = input.value;
    onInput();
  });
  input.addEventListener("blur", onLeave);
  const help = spec.help || hasDefault
    ? el("p", { id: helpId, class: "field__help" },
      shown(spec.help),
      hasDefault ? el("span", { class: "field__default", text: ` ${t("ui.default_value", { value: typedNumber(spec.default, state.numberLocale) })}` }) : null)
    : null;
  const error = el("p", { id: `error-${spec.id}`, class: "field__error", hidden: true });
  // A duration read in another unit ("36 months" as 3 years), or offered in it.
  const note = el("div", { id: `note-${spec.id}`, class: "field__note", "aria-live": "polite", hidden: true });
  const label = el("label", { for: inputId, class: "field__label" },
    shown(spec.label),
    spec.optional ? " " : null,
    spec.optional ? el("span", { class: "field__optional", text: t("ui.optional") }) : null);
  return { node: el("div", { class: "field", "data-field": spec.id }, label, help, input, error, note), input, help, error, note };
}

/**
 * Shows the engine's unit note for a field, or hides it: what was read
 * ("36 months is 3 years") or what may be meant, with a button that
 * writes the years into the field for the reader.
 */
function showUnitNote(parts, unitNote, { state, apply }) {
  if (!parts.note) return;
  parts.note.hidden = !unitNote;
  if (!unitNote) {
    parts.note.replaceChildren();
    return;
  }
  const years = typedNumber(Math.round(unitNote.value * 100) / 100, state.numberLocale);
  const use = unitNote.applied ? null : el("button", {
    type: "button",
    class: "button button--small field__note-use",
    text: shown(unitNote.action),
    onclick: () => apply(years),
  });
  fill(parts.note, el("p", { class: "field__note-text", text: shown(unitNote.text) }), use);
}

/** A choice input (the period a rate covers) as a labelled select; the first choice is the default. */
function choiceField(spec, { state, onInput }) {
  const inputId = `input-${spec.id}`;
  const helpId = `help-${spec.id}`;
  const choices = spec.choices;
  const select = el("select", { id: inputId, name: spec.id, "aria-describedby": spec.help ? helpId : null },
    choices.map((choice) => el("option", { value: choice.id, text: shown(choice.label) })));
  const known = choices.some((choice) => choice.id === state.values[spec.id]);
  // A value the engine does not know stays in the form state, so its message shows.
  select.value = known ? state.values[spec.id] : choices[0].id;
  select.addEventListener("change", () => {
    state.values[spec.id] = select.value;
    onInput();
  });
  const help = spec.help ? el("p", { id: helpId, class: "field__help" }, shown(spec.help)) : null;
  const error = el("p", { id: `error-${spec.id}`, class: "field__error", hidden: true });
  const label = el("label", { for: inputId, class: "field__label", text: shown(spec.label) });
  return { node: el("div", { class: "field field--choice", "data-field": spec.id }, label, help, select, error), input: select, help, error };
}

/** The sector and currency selects, where the metric has them. */
function settingsRow(metric, { t, state, onChange }) {
  const row = [];
  if (Array.isArray(metric.sectors) && metric.sectors.length > 0) {
    const select = el("select", { id: "sector", name: "sector" },
      el("option", { value: "", text: t("ui.sector_none") }),
      metric.sectors.map((sector) => el("option", { value: sector.id, text: sector.name })));
    select.value = metric.sectors.some((sector) => sector.id === state.sector) ? state.sector : "";
    select.addEventListener("change", () => {
      state.sector = select.value;
      onChange();
    });
    row.push(setting("sector", t("ui.sector"), select));
  }
  if (metric.money) row.push(setting("currency", t("ui.currency"), currencySelect("currency", t, state, onChange)));
  return row.length > 0 ? el("div", { class: "settings" }, row) : null;
}

/** A button per worked example. */
function exampleButtons(metric, t, onLoad) {
  if (!Array.isArray(metric.examples) || metric.examples.length === 0) return null;
  return el("div", { class: "examples", role: "group", "aria-labelledby": "examples-label" },
    el("span", { id: "examples-label", class: "examples__label", text: t("ui.examples") }),
    metric.examples.map((example) => el("button", {
      type: "button",
      class: "examples__button",
      "data-example": example.id,
      "aria-label": t("ui.load_example", { name: shown(example.name) }),
      text: shown(example.name),
      onclick: () => onLoad(example),
    })));
}

/** Every invalid field from an engine error: `err.errors`, or the single `err.field`. */
function errorList(err) {
  if (err && Array.isArray(err.errors) && err.errors.length > 0) return err.errors;
  return [{ field: err && err.field, code: err && err.code, message: err && err.message ? err.message : shown(err) }];
}

/** Messages beside their field, or above the result; "required" waits until the field was touched. */
function placeErrors(errors, fieldIds, waiting) {
  const byField = new Map();
  const general = [];
  for (const error of errors) {
    if (error.field && fieldIds.has(error.field)) {
      const wait = error.code === "required" && waiting(error.field);
      if (!wait && !byField.has(error.field)) byField.set(error.field, shown(error.message));
    } else if (error.message) {
      general.push(shown(error.message));
    }
  }
  return { byField, general };
}

function part(headingText, body, className) {
  return el("div", { class: `result__part ${className}` }, el("h4", { text: headingText }), body);
}

/** The value with its reading, else what to fix, else what to fill in. */
function resultStatus({ t, metric, result, placed }) {
  if (result) {
    return [
      el("p", { class: "result__value", "data-unit": shown(result.unit), text: shown(result.display) }),
      result.reading ? el("p", { class: "result__reading", text: shown(result.reading) }) : null,
      Array.isArray(result.warnings) && result.warnings.length > 0
        ? part(t("ui.warnings"), el("ul", { class: "warnings" }, result.warnings.map((w) => el("li", { text: shown(w) }))), "result__warnings")
        : null,
    ];
  }
  if (placed.byField.size > 0 || placed.general.length > 0) {
    return [
      el("p", { class: "result__prompt result__prompt--error", text: t("ui.fix_fields") }),
      ...placed.general.map((message) => el("p", { class: "result__general-error", text: message })),
    ];
  }
  return [el("p", { class: "result__prompt", text: t("ui.fill_in", { name: shown(metric.name) }) })];
}

/** The formula, and with a result its steps and comparison. */
function resultDetails({ t, metric, result }) {
  const details = [];
  const formula = shown(result ? result.formula || metric.formula : metric.formula);
  if (formula) details.push(part(t("ui.formula"), el("p", { class: "formula" }, el("code", { text: formula })), "result__formula"));
  if (result && Array.isArray(result.steps) && result.steps.length > 0) {
    details.push(part(t("ui.steps"), el("ol", { class: "steps" }, result.steps.map((step) => el("li", {}, el("code", { text: shown(step) })))), "result__steps"));
  }
  if (result && result.curves) details.unshift(part(t("ui.projection.chart"), projectionChart(t, result), "result__chart"));
  if (result && result.benchmark && result.benchmark.text) details.push(part(t("ui.benchmark"), benchmarkBlock(t, result.benchmark), "result__benchmark"));
  return details;
}

/** A projection's chart: the cohorts' own survival as points, the model's curve to the horizon. */
function projectionChart(t, result) {
  const { observed, projected } = result.curves;
  const labels = projected.map((_, period) => String(period));
  const percent = (n) => `${Math.round(n)}%`;
  return lineChart({
    id: "result-projection-chart",
    title: t("ui.projection.chart"),
    description: t("ui.projection.chart_description", { periods: observed.length - 1, horizon: projected.length - 1 }),
    labels,
    series: [
      { id: "expected", name: t("ui.projection.model"), values: projected, mark: "circle" },
      { id: "actual", name: t("ui.projection.observed"), values: projected.map((_, i) => (i < observed.length ? observed[i] : null)), mark: "square" },
    ],
    yLabel: t("ui.projection.axis_y"),
    xLabel: t("ui.projection.axis_x"),
    yFormat: percent,
    pointLabel: (label, series, value) => t("ui.projection.point", { period: label, series: series.name, value: `${value.toFixed(1)}%` }),
  });
}

/** "Copy link": copies the address, else shows it selected for Ctrl+C. */
function copyLinkBlock(t, link) {
  const field = el("input", { type: "text", class: "result__link", readonly: true, hidden: true, "aria-label": t("ui.copy_link_label") });
  const note = el("p", { class: "result__link-note", "aria-live": "polite" });
  const button = el("button", { type: "button", class: "button button--small", text: t("ui.copy_link") });
  button.addEventListener("click", async () => {
    field.value = new URL(link(), window.location.href).href;
    note.textContent = "";
    const copied = await copyOrSelect(field);
    field.hidden = copied;
    note.textContent = t(copied ? "ui.copy_link_done" : "ui.copy_link_failed");
  });
  return el("div", { class: "result__share" }, button, field, note);
}


/**
 * @param {HTMLElement} root  the calculator <section>
 * @param {{ compute: Function, onChange?: () => void, onResult?: (result: object | null) => void }} hooks
 *   compute: the engine's compute (null in the first paint, before the engine runs); onChange: called after the user changes
 *   anything (the page writes its address); onResult: called after every
 *   refresh with compute()'s result, or null while there is none (the widget
 *   announces changes to its host); copyLink: returns the address to share
 *   (the page's; without it, as in the widget, there is no "Copy link");
 *   resultTools({ t, current }): more controls under the result (the page's
 *   downloads and Print), `current()` giving { metric, result, state } when used;
 *   blocks({ t, metric, state }): the page's parts that follow every result
 *   ([{ node, update(result), place: "result" | "below" }]: the goal in the
 *   result panel, the what-if under the calculator);
 *   peek: keep the result in a line at the foot of the screen while the form
 *   is in view and the result is not (the page; the widget is sized to fit)
 */
export function createCalculator(root, { compute, onChange = () => {}, onResult = () => {}, copyLink = null, resultTools = null, blocks = null, peek = false }) {
  let t = (key) => key;
  let state = null; // shared with app.js: { lang, numberLocale, currency, sector, currencies, metric, values, touched }
  const fields = new Map(); // input id → { input, help, error }
  let statusBox = null;
  let detailsBox = null;
  let lastResult = null;
  let shownBlocks = [];
  let resultPeek = null; // the result's line at the foot of the screen (the page only)
  let shownPanel = null;

  /** After an edit: a new result, and the page writes its address. */
  function changed() {
    refresh();
    onChange();
  }

  function field(spec) {
    const build = Array.isArray(spec.choices) ? choiceField : inputField;
    const built = build(spec, {
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

  /** Replaces every value (an example's inputs and cohorts, or none to clear the form). */
  function setValues({ inputs = {}, series = [] } = {}) {
    state.values = {};
    for (const [id, value] of Object.entries(inputs)) state.values[id] = typedNumber(value, state.numberLocale);
    const seriesInput = state.metric.inputs.find((input) => input.kind === "series");
    if (seriesInput && series.length > 0) state.values[seriesInput.id] = typedSeries(series, state.numberLocale);
    state.touched = new Set();
    for (const [id, { input }] of fields) {
      // A select falls back to its first choice (the default) when cleared.
      input.value = shown(state.values[id]) || (input.tagName === "SELECT" ? input.options[0].value : "");
    }
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
      setValues();
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
      el("h3", { id: "result-heading", class: "result__heading", tabindex: "-1", text: t("ui.result") }),
      statusBox,
      detailsBox,
      shownBlocks.filter((block) => block.place === "result").map((block) => block.node),
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
    shownBlocks = blocks ? blocks({ t, metric, state }) : [];
    const formNode = form(metric);
    const panel = resultPanel();
    shownPanel = panel;
    if (peek) resultPeek ??= createPeek({ t: () => t, result: () => shownPanel });
    fill(root, head, exampleButtons(metric, t, setValues),
      el("div", { class: "calculator__body" }, formNode, resultPeek ? resultPeek.node : null, panel),
      shownBlocks.filter((block) => block.place === "below").map((block) => block.node));
    if (resultPeek) resultPeek.watch(formNode, statusBox);
    refresh();
    return heading;
  }


  function computeOptions(metric) {
    const options = { lang: state.lang, locale: state.numberLocale, currency: state.currency };
    if (state.sector && Array.isArray(metric.sectors) && metric.sectors.some((s) => s.id === state.sector)) {
      options.sector = state.sector;
    }
    return options;
  }

  /** Computes the result from the current values and shows it (or what to fix). */
  function refresh() {
    // The first paint, before the engine runs: the form takes typing, the result waits.
    if (!compute) {
      fill(statusBox, el("p", { class: "result__prompt result__prompt--starting" }, el("span", { class: "spinner" }), el("span", { text: t("ui.starting") })));
      return;
    }
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
    // An amount typed with its currency ("22,21 zł") is that currency: the result is in it, and so is the page.
    if (result && result.currency && result.currency !== state.currency && state.currencies.includes(result.currency)) {
      state.currency = result.currency;
      state.currencyPicked = true;
      const select = root.querySelector('select[name="currency"]');
      if (select) select.value = state.currency;
    }
    const placed = placeErrors(errors, new Set(fields.keys()), (id) => !state.touched.has(id));
    for (const [id, parts] of fields) {
      showFieldError(parts.input, parts.error, placed.byField.get(id), parts.help ? parts.help.id : null);
      const unitNote = result && Array.isArray(result.unit_notes) ? result.unit_notes.find((n) => n.field === id) : null;
      showUnitNote(parts, unitNote, {
        state,
        apply(typed) {
          parts.input.value = typed;
          state.values[id] = typed;
          state.touched.add(id);
          changed();
          parts.input.focus();
        },
      });
    }
    fill(statusBox, resultStatus({ t, metric, result, placed }));
    fill(detailsBox, resultDetails({ t, metric, result }));
    root.classList.toggle("has-result", Boolean(result));
    lastResult = result;
    for (const block of shownBlocks) block.update(result);
    if (resultPeek) resultPeek.update(result);
    onResult(result);
  }

  return { show, refresh, loadExample: setValues };
}
