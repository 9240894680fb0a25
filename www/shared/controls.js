// Form controls built the same way wherever they appear: a labelled setting
// box, a select whose options are named by the language file, and the
// currency select (the calculator's and the data view's).

import { el } from "./dom.js";

/** A `.setting` box: a label for `id`, its control, and anything else (help, error) after it. */
export function setting(id, label, control, ...more) {
  return el("div", { class: "setting" }, el("label", { for: id, text: label }), control, ...more);
}

/** Options for `codes`, each named by the text `prefix + code` (the code itself when the language file lacks it). */
export function namedOptions(codes, t, prefix) {
  return codes.map((code) => {
    const name = t(`${prefix}${code}`);
    return el("option", { value: code, text: name === `${prefix}${code}` ? code : name });
  });
}

/**
 * The currency select: `state.currencies` by name, showing `state.currency`;
 * a change sets `state.currency` and calls `onChange`.
 */
export function currencySelect(id, t, state, onChange) {
  const select = el("select", { id, name: "currency" }, namedOptions(state.currencies, t, "currency."));
  select.value = state.currency;
  select.addEventListener("change", () => {
    state.currency = select.value;
    onChange();
  });
  return select;
}
