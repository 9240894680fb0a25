// A month's MRR as a waterfall: the start, each movement up or down from
// where the one before ended, and the end. Drawn as HTML bars (sized with
// custom properties, like the survey's bars) so the labels keep their real
// size on a phone; every bar says its amount in words as well.

import { el } from "../shared/dom.js";

/** The bars of `month`: [key, amount, from, to] with from/to the MRR it spans. */
function steps(month) {
  const bars = [["start", month.mrr_start, 0, month.mrr_start]];
  let level = month.mrr_start;
  for (const [key, sign] of [["new", 1], ["expansion", 1], ["reactivated", 1], ["contraction", -1], ["churned", -1]]) {
    const next = level + sign * month[key];
    bars.push([key, sign * month[key], Math.min(level, next), Math.max(level, next)]);
    level = next;
  }
  bars.push(["end", month.mrr_end, 0, month.mrr_end]);
  return bars;
}

/**
 * @param month  one of analyzeSubscriptions()'s months
 * @param {{ t, fmt }} context
 */
export function waterfall(month, { t, fmt }) {
  const bars = steps(month);
  const top = Math.max(1, ...bars.map(([, , , to]) => to));
  const label = t("data.page.subscriptions.waterfall", { month: fmt.period(month.month) });
  return el("figure", { class: "waterfall", id: "subscriptions-waterfall" },
    el("ol", { class: "waterfall__bars", "aria-label": label },
      bars.map(([key, amount, from, to]) => {
        const sign = key === "start" || key === "end" ? "total" : amount < 0 ? "down" : "up";
        const written = `${amount > 0 && sign === "up" ? "+" : amount < 0 ? "−" : ""}${fmt.money(Math.abs(amount), true)}`;
        return el("li", { class: `waterfall__item waterfall__item--${sign}`, "data-step": key },
          el("span", { class: "visually-hidden", text: `${t(`data.page.subscriptions.step.${key}`)}: ${written}` }),
          el("span", { class: "waterfall__column", "aria-hidden": "true" },
            el("span", { class: "waterfall__amount", text: written }),
            el("span", { class: "waterfall__bar", style: `--from: ${(from / top).toFixed(4)}; --to: ${(to / top).toFixed(4)}` })),
          el("span", { class: "waterfall__label", "aria-hidden": "true", text: t(`data.page.subscriptions.step.${key}`) }));
      })),
    el("figcaption", { class: "chart__caption", text: label }));
}
