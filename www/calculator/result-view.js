// What the result panel shows for one computation: the value and its
// reading, or what to fix; the formula, the worked steps and the comparison;
// and "Copy link". Built from compute()'s result or error, nothing worked out.

import { el, shown } from "../shared/dom.js";
import { copyOrSelect } from "../shared/copy-text.js";

/** Every invalid field from an engine error: `err.errors`, or the single `err.field`. */
export function errorList(err) {
  if (err && Array.isArray(err.errors) && err.errors.length > 0) return err.errors;
  return [{ field: err && err.field, code: err && err.code, message: err && err.message ? err.message : shown(err) }];
}

/**
 * Sorts an engine error's messages: those of a field in the form (`fieldIds`)
 * go beside it, the rest above the result. A "required" message waits
 * (`waiting(field)` is true) until the person has edited or left the field.
 * @returns {{ byField: Map<string, string>, general: string[] }}
 */
export function placeErrors(errors, fieldIds, waiting) {
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

/** The live status: the value with its reading and warnings, else what to fix, else what to fill in. */
export function resultStatus({ t, metric, result, placed }) {
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

/** The formula (always), and with a result its worked steps and comparison. */
export function resultDetails({ t, metric, result }) {
  const details = [];
  const formula = shown(result ? result.formula || metric.formula : metric.formula);
  if (formula) details.push(part(t("ui.formula"), el("p", { class: "formula" }, el("code", { text: formula })), "result__formula"));
  if (result && Array.isArray(result.steps) && result.steps.length > 0) {
    details.push(part(t("ui.steps"), el("ol", { class: "steps" }, result.steps.map((step) => el("li", {}, el("code", { text: shown(step) })))), "result__steps"));
  }
  if (result && result.benchmark && result.benchmark.text) {
    const verdict = shown(result.benchmark.verdict);
    details.push(part(t("ui.benchmark"), el("p", { class: "benchmark", "data-verdict": verdict || null, text: shown(result.benchmark.text) }), "result__benchmark"));
  }
  return details;
}

/** "Copy link": copies the absolute address `link()` gives, else shows it selected for Ctrl+C. */
export function copyLinkBlock(t, link) {
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
