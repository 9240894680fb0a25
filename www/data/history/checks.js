// The list of kept checks (when, which file, the dates it covers, a few
// figures, Open and Remove) and "Clear every check" with its confirm step,
// which stays in the page (no window.confirm) and is reachable by keyboard.

import { el } from "../../shared/dom.js";
import { FIGURES, headlineFigures } from "./headline.js";
import { figureValue, formatIn, savedDate } from "./figures.js";

/** The figures a list entry shows, of headline.js's. */
const LISTED = ["retention_rate", "churn_rate", "customers", "revenue"];

/** "Sep 1, 2024 – Nov 20, 2026, by month" and whether the file was kept. */
function coverage(check, headline, t, fmt) {
  const parts = [t("data.page.history.covers", { first: fmt.date(headline.first_date), last: fmt.date(headline.last_date) })];
  if (headline.period_kind) parts.push(t(`data.page.history.by_${headline.period_kind}`));
  if (check.hasFile) parts.push(t("data.page.history.with_file"));
  return parts.join(" · ");
}

function checkItem(check, { t, fmt, onOpen, onRemove }) {
  const headline = headlineFigures(check.figures);
  const inItsCurrency = formatIn(fmt, check.currency, t);
  const when = savedDate(fmt, check.savedAt, { time: true });
  const names = { date: when, file: check.fileName };
  const figures = FIGURES.filter(({ key }) => LISTED.includes(key) && headline[key] !== null).map(({ key, kind }) =>
    el("li", { "data-figure": key },
      `${t(`data.page.history.figure.${key}`)} `,
      el("strong", { text: figureValue(kind, headline[key], inItsCurrency) })));
  const open = el("button", {
    type: "button",
    class: "button button--small",
    "data-open-check": check.id,
    "aria-label": t("data.page.history.open_label", names),
    text: t("data.page.history.open"),
  });
  open.addEventListener("click", () => onOpen(check));
  const remove = el("button", {
    type: "button",
    class: "button button--small",
    "data-remove-check": check.id,
    "aria-label": t("data.page.history.remove_label", names),
    text: t("data.page.history.remove"),
  });
  remove.addEventListener("click", () => onRemove(check));
  return el("li", { class: "history-item", "data-check": check.id },
    el("p", { class: "history-item__title" },
      el("time", { datetime: check.savedAt, text: when }), " — ",
      el("span", { class: "history-item__file", text: check.fileName })),
    el("p", { class: "history-item__covers", text: coverage(check, headline, t, fmt) }),
    figures.length > 0 ? el("ul", { class: "history-item__figures" }, figures) : null,
    el("div", { class: "history-item__actions" }, open, remove));
}

/**
 * The kept checks, newest first, or a line saying there are none yet.
 * @param checks  the store's list (records without their files)
 * @param hooks   { t, fmt, onOpen(check), onRemove(check) }
 */
export function checksList(checks, hooks) {
  if (checks.length === 0) return el("p", { id: "history-empty", class: "data-note", text: hooks.t("data.page.history.empty") });
  return el("ol", { id: "history-list", class: "history-list" }, checks.map((check) => checkItem(check, hooks)));
}

/**
 * "Clear every check": the button, then in its place a question with
 * "Remove every check" and "Cancel" (Escape cancels too). Focus moves to the
 * question, and back to the button when the reader thinks better of it.
 * @param {{ t, count: number, onConfirm: () => void }} options
 */
export function clearControl({ t, count, onConfirm }) {
  const box = el("div", { class: "history-clear" });
  const ask = el("button", { type: "button", id: "history-clear", class: "button", text: t("data.page.history.clear") });

  function showButton({ focus = false } = {}) {
    box.replaceChildren(ask);
    if (focus) ask.focus();
  }

  function showQuestion() {
    const question = el("p", { id: "history-clear-question", class: "history-clear__question", tabindex: "-1", text: t("data.page.history.clear_question", { n: count }) });
    const yes = el("button", { type: "button", id: "history-clear-yes", class: "button history-clear__yes", text: t("data.page.history.clear_yes") });
    const no = el("button", { type: "button", id: "history-clear-no", class: "button", text: t("data.page.history.clear_no") });
    yes.addEventListener("click", onConfirm);
    no.addEventListener("click", () => showButton({ focus: true }));
    const group = el("div", { class: "history-clear__confirm", role: "group", "aria-labelledby": question.id },
      question, el("div", { class: "history-clear__actions" }, yes, no));
    group.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      showButton({ focus: true });
    });
    box.replaceChildren(group);
    question.focus();
  }

  ask.addEventListener("click", showQuestion);
  showButton();
  return box;
}
