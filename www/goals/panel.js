// "Your goal" under a calculator's result: set a target (a value, or a
// change from today's), optionally by a date; then every result shows the
// gap and a progress bar. The goal is kept on this device (store.js); the
// engine reads the typed target (its number reader) and converts a rate's
// goal to the period shown.

import { el, fill, showFieldError } from "../shared/dom.js";
import { createFormat } from "../shared/format.js";
import { goalFor, removeGoal, saveGoal } from "./store.js";
import { goalInPeriod, goalStatus, targetFromChange, today } from "./progress.js";

/** A metric's value written for the reader, by its unit. */
export function valueText(fmt, unit, value) {
  switch (unit) {
    case "percent":
      return fmt.percent(value, 1);
    case "money":
      return fmt.money(value);
    case "count":
      return fmt.integer(value);
    default:
      return fmt.decimal(value, 2);
  }
}

/** A number as the reader would type it (85,5 in Polish), for a field to edit. */
function typedNumber(value, locale) {
  try {
    return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(value);
  } catch {
    return String(value);
  }
}

/** What is left to a goal: points for a percentage, else in the metric's unit. */
function gapText(t, fmt, unit, gap) {
  if (unit === "percent") return t("ui.goal.points", { n: fmt.decimal(gap, 1) });
  return valueText(fmt, unit, gap);
}

/**
 * @param {{ readNumber: (text: string, options) => number | null, convertRate: Function }} engine
 * @returns {{ block: ({ t, metric, state }) => { node, update(result) } }}
 */
export function createGoals(engine) {
  return {
    /** The goal block for the metric shown; `update(result)` after every result. */
    block({ t, metric, state }) {
      // Made again with each result: the reader may have picked another currency.
      const makeFormat = () => createFormat({ locale: state.numberLocale, currency: state.currency, t });
      let fmt = makeFormat();
      const body = el("div", { class: "goal__body" });
      // Polite, not a status role: the result above is the page's one status.
      const status = el("p", { class: "goal__status", "aria-live": "polite" });
      const node = el("section", { class: "goal", id: "goal", "aria-labelledby": "goal-heading" },
        el("h4", { id: "goal-heading", text: t("ui.goal.heading") }), body, status);
      let result = null;
      let editing = false;

      const shownValue = (value) => valueText(fmt, metric.unit, value);

      function render() {
        if (editing) return;
        const goal = goalFor(metric.id);
        if (!goal) {
          fill(body,
            el("p", { class: "goal__intro", text: t(result ? "ui.goal.intro" : "ui.goal.no_result") }),
            el("button", { type: "button", id: "goal-set", class: "button button--small", disabled: !result, text: t("ui.goal.set"), onclick: () => edit(null) }));
          return;
        }
        const inPeriod = goalInPeriod(goal, metric.id, result && result.period, engine.convertRate);
        const summary = t(goal.due ? "ui.goal.summary_due" : "ui.goal.summary", {
          target: `${shownValue(goal.target)}${goal.period ? ` ${t(`ui.goal.period.${goal.period}`)}` : ""}`,
          due: goal.due ? fmt.date(goal.due) : "",
          date: fmt.date(goal.set),
          baseline: shownValue(goal.baseline),
        });
        const parts = [el("p", { class: "goal__summary", text: summary })];
        if (result && inPeriod) {
          if (inPeriod.convertedFrom) {
            parts.push(el("p", { class: "goal__note", text: t("ui.goal.other_period", {
              target: shownValue(goal.target),
              period: t(`ui.goal.period.${goal.period}`),
              converted: `${shownValue(inPeriod.target)} ${t(`ui.goal.period.${result.period}`)}`,
            }) }));
          }
          const standing = goalStatus(inPeriod, result.value, today());
          const percent = Math.round(standing.share * 100);
          parts.push(
            el("progress", { id: "goal-progress", class: "goal__bar", max: 100, value: percent, "aria-label": t("ui.goal.progress"), "aria-valuetext": `${percent}%` }),
            el("p", { class: standing.met ? "goal__state goal__state--met" : "goal__state", "data-met": standing.met ? "true" : "false" },
              standing.met
                ? t("ui.goal.met", { value: result.display, target: shownValue(inPeriod.target) })
                : t("ui.goal.to_go", { gap: gapText(t, fmt, metric.unit, standing.gap), share: fmt.percent(percent, 0), baseline: shownValue(inPeriod.baseline) }),
              !standing.met && standing.daysLeft !== null
                ? ` ${standing.overdue ? t("ui.goal.overdue") : t("ui.goal.days_left", { n: standing.daysLeft })}`
                : ""));
        }
        parts.push(el("div", { class: "goal__actions" },
          el("button", { type: "button", id: "goal-edit", class: "button button--small", disabled: !result, text: t("ui.goal.edit"), onclick: () => edit(goal) }),
          el("button", { type: "button", id: "goal-remove", class: "button button--small", text: t("ui.goal.remove"), onclick: remove })));
        fill(body, parts);
      }

      function remove() {
        removeGoal(metric.id);
        status.textContent = t("ui.goal.removed");
        render();
        node.querySelector("#goal-set")?.focus();
      }

      /** The goal form, filled from `goal` when changing one. */
      function edit(goal) {
        if (!result) return;
        editing = true;
        const baseline = result.value;
        const kind = el("select", { id: "goal-kind", name: "goal-kind" },
          el("option", { value: "value", text: t("ui.goal.kind_value") }),
          el("option", { value: "change", text: t("ui.goal.kind_change") }));
        const amount = el("input", { id: "goal-amount", type: "text", inputmode: "decimal", autocomplete: "off", "aria-describedby": "goal-preview" });
        const amountLabel = el("label", { for: "goal-amount", class: "field__label" });
        const help = el("p", { id: "goal-amount-help", class: "field__help" });
        const error = el("p", { id: "goal-amount-error", class: "field__error", hidden: true });
        const preview = el("p", { id: "goal-preview", class: "goal__preview", "aria-live": "polite" });
        const due = el("input", { id: "goal-due", type: "date", min: today(), value: goal && goal.due ? goal.due : "" });
        const dueError = el("p", { id: "goal-due-error", class: "field__error", hidden: true });
        if (goal) amount.value = typedNumber(goal.target, state.numberLocale);

        /** The target the form gives, or null with the reason shown. */
        function target({ report }) {
          const typed = engine.readNumber(amount.value, { locale: state.numberLocale });
          let message = null;
          let value = null;
          if (typed === null) message = amount.value.trim() === "" ? null : t("ui.goal.error.number");
          else value = kind.value === "change" ? targetFromChange(baseline, typed) : typed;
          if (value !== null && value < 0) message = t("ui.goal.error.negative");
          else if (value !== null && metric.unit === "percent" && value > 100) message = t("ui.goal.error.range");
          else if (value !== null && Math.abs(value - baseline) < 1e-9) message = t("ui.goal.error.same");
          if (report || message === null) showFieldError(amount, error, message, kind.value === "change" ? "goal-amount-help goal-preview" : "goal-preview");
          preview.textContent = value !== null && !message ? t("ui.goal.preview", { target: shownValue(value), baseline: shownValue(baseline) }) : "";
          return message || value === null ? null : value;
        }
        function syncKind() {
          amountLabel.textContent = t(kind.value === "change" ? "ui.goal.change" : "ui.goal.target");
          help.textContent = kind.value === "change" ? t("ui.goal.change_help") : "";
          help.hidden = kind.value !== "change";
          target({ report: false });
        }
        kind.addEventListener("change", syncKind);
        amount.addEventListener("input", () => target({ report: false }));

        const form = el("form", { class: "goal__form", novalidate: true, "aria-labelledby": "goal-heading" },
          el("div", { class: "field" }, el("label", { for: "goal-kind", class: "field__label", text: t("ui.goal.kind") }), kind),
          el("div", { class: "field" }, amountLabel, help, amount, error, preview),
          el("div", { class: "field" }, el("label", { for: "goal-due", class: "field__label", text: t("ui.goal.due") }), due, dueError),
          el("div", { class: "goal__actions" },
            el("button", { type: "submit", id: "goal-save", class: "button button--small button--primary", text: t("ui.goal.save") }),
            el("button", { type: "button", id: "goal-cancel", class: "button button--small", text: t("ui.goal.cancel"), onclick: close })));
        form.addEventListener("submit", (event) => {
          event.preventDefault();
          const value = target({ report: true });
          const dueValue = due.value || null;
          const lateDate = dueValue !== null && dueValue <= today();
          showFieldError(due, dueError, lateDate ? t("ui.goal.error.date") : null);
          if (value === null) {
            if (!error.textContent) showFieldError(amount, error, t("ui.goal.error.number"), "goal-preview");
            amount.focus();
            return;
          }
          if (lateDate) {
            due.focus();
            return;
          }
          saveGoal(metric.id, { target: value, baseline, set: today(), due: dueValue, period: result.period || null });
          status.textContent = t("ui.goal.saved");
          close();
        });
        syncKind();
        fill(body, form);
        amount.focus();

        function close() {
          editing = false;
          render();
          (node.querySelector("#goal-edit") || node.querySelector("#goal-set"))?.focus();
        }
      }

      return {
        node,
        update(next) {
          result = next;
          fmt = makeFormat();
          render();
        },
      };
    },
  };
}
