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

/** An earlier rate brought to the later check's period: "60.6% (Oct 2026: 84.3% a month)". */
function convertedText(change, period, fmt, t) {
  const kept = `${figureValue(change.kind, change.converted.value, fmt)} ${t(`ui.goal.period.${change.converted.period_kind}`)}`;
  return `${figureValue(change.kind, change.before, fmt)} (${period ? `${fmt.period(period)}: ` : ""}${kept})`;
}

/**
 * @param {{ t, fmt, current: { headline, currency }, previous: { check, headline }, newest: boolean, convert }} options
 *   current: the analysis shown (its money in `currency`); previous: the kept
 *   check before it (a store record without its file) and its figures;
 *   newest: the one shown is not an older check reopened, so "your last check";
 *   convert(key, value, from, to): a rate brought to another period (the engine's)
 * @returns the block, or null when the two have no figure in common
 */
export function comparisonBlock({ t, fmt, current, previous, newest, convert }) {
  const sameMoney = (previous.check.currency || null) === (current.currency || null);
  const changes = compareHeadlines(previous.headline, current.headline, { sameMoney, convert });
  const converted = changes.some((change) => change.converted);
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
      change.converted
        ? convertedText(change, previous.headline.period, before, t)
        : valueText(change, change.before, previous.headline.period, current.headline.period, before),
      " → ",
      valueText(change, change.after, current.headline.period, previous.headline.period, after)),
    el("span", { class: `trend trend--${change.verdict}`, text: `${ARROWS[change.direction]} ${t(`data.page.history.${change.verdict}`)}` })))),
    converted ? el("p", { class: "data-note", id: "history-converted", text: t("data.page.history.converted", { period: t(`ui.goal.period.${current.headline.period_kind}`) }) }) : null,
    moneyLeftOut ? el("p", { class: "data-note", text: t("data.page.history.money_apart") }) : null);
}
