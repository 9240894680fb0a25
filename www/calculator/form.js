// The calculator's form, part by part: one input field per catalog input,
// the sector and currency settings, and the worked-example buttons. Each
// part is built from the catalog and the shared page state and reports
// edits through the callbacks it is given.

import { el, shown } from "../shared/dom.js";
import { currencySelect, setting } from "../shared/controls.js";

/** A number from an example, written the way the reader types numbers (7,5 in Polish). */
export function typedNumber(value, lang) {
  if (typeof value !== "number") return shown(value);
  try {
    return new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 10 }).format(value);
  } catch {
    return String(value);
  }
}

/**
 * One input of the catalog as a labelled text field with its help and a
 * place for its error. `onInput` runs after each edit (the value is already
 * in `state.values`), `onLeave` when the field loses focus.
 * @returns {{ node, input, help, error }}
 */
export function inputField(spec, { t, state, onInput, onLeave }) {
  const inputId = `input-${spec.id}`;
  const helpId = `help-${spec.id}`;
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
    onInput();
  });
  input.addEventListener("blur", onLeave);
  const help = spec.help || hasDefault
    ? el("p", { id: helpId, class: "field__help" },
      shown(spec.help),
      hasDefault ? el("span", { class: "field__default", text: ` ${t("ui.default_value", { value: typedNumber(spec.default, state.numberLocale) })}` }) : null)
    : null;
  const error = el("p", { id: `error-${spec.id}`, class: "field__error", hidden: true });
  const label = el("label", { for: inputId, class: "field__label" },
    shown(spec.label),
    spec.optional ? " " : null,
    spec.optional ? el("span", { class: "field__optional", text: t("ui.optional") }) : null);
  return { node: el("div", { class: "field", "data-field": spec.id }, label, help, input, error), input, help, error };
}

/** The sector (for metrics compared by sector) and currency (for money) selects; null when a metric has neither. */
export function settingsRow(metric, { t, state, onChange }) {
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

/** A button per worked example of the metric; null when it has none. */
export function exampleButtons(metric, t, onLoad) {
  if (!Array.isArray(metric.examples) || metric.examples.length === 0) return null;
  return el("div", { class: "examples", role: "group", "aria-labelledby": "examples-label" },
    el("span", { id: "examples-label", class: "examples__label", text: t("ui.examples") }),
    metric.examples.map((example) => el("button", {
      type: "button",
      class: "examples__button",
      "data-example": example.id,
      "aria-label": t("ui.load_example", { name: shown(example.name) }),
      text: shown(example.name),
      onclick: () => onLoad(example.inputs),
    })));
}
