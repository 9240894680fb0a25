// "Since your last check": the analysis on screen against the check kept
// before it, figure by figure, each change said in words (better, worse, no
// change) and with an arrow, not by colour alone.

import { el } from "../../shared/dom.js";
import { compareHeadlines } from "./headline.js";
import { figureValue, formatIn, savedDate } from "./figures.js";

const ARROWS = { up: "↑", down: "↓", same: "=" };

/** Retention and churn name their period when the two checks' periods differ ("84.3% (Oct 2026)"). */
function valueText(change, value, period, otherPeriod, fmt) {
  const text = figureValue(change.kind, value, fmt);
  if (!change.ofPeriod || !period || period === otherPeriod) return text;
  return `${text} (${fmt.period(period)})`;
}

/**
 * @param {{ t, fmt, current: { headline, currency }, previous: { check, headline }, newest: boolean }} options
 *   current: the analysis shown (its money in `currency`); previous: the kept
 *   check before it (a store record without its file) and its figures;
 *   newest: the one shown is not an older check reopened, so "your last check"
 * @returns the block, or null when the two have no figure in common
 */
export function comparisonBlock({ t, fmt, current, previous, newest }) {
  const sameMoney = (previous.check.currency || null) === (current.currency || null);
  const changes = compareHeadlines(previous.headline, current.headline, { sameMoney });
  if (changes.length === 0) return null;
  const before = formatIn(fmt, previous.check.currency, t);
  const after = formatIn(fmt, current.currency, t);
  const moneyLeftOut = !sameMoney && previous.headline.has_amounts && current.headline.has_amounts;
  const heading = t(newest ? "data.page.history.since_last" : "data.page.history.since_before", {
    date: savedDate(fmt, previous.check.savedAt),
    file: previous.check.fileName,
  });
  return el("div", { class: "history-compare", id: "history-compare" },
    el("h4", { class: "data-subheading", text: heading }),
    el("ul", { class: "history-changes" }, changes.map((change) => el("li", {
      class: "history-change",
      "data-figure": change.key,
      "data-verdict": change.verdict,
    },
    el("span", { class: "history-change__label", text: t(`data.page.history.figure.${change.key}`) }),
    el("span", { class: "history-change__values" },
      valueText(change, change.before, previous.headline.period, current.headline.period, before),
      " → ",
      valueText(change, change.after, current.headline.period, previous.headline.period, after)),
    el("span", { class: `trend trend--${change.verdict}`, text: `${ARROWS[change.direction]} ${t(`data.page.history.${change.verdict}`)}` })))),
    moneyLeftOut ? el("p", { class: "data-note", text: t("data.page.history.money_apart") }) : null);
}
