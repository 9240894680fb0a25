// The progress bar and Cancel of a long analysis. It appears only when a run
// takes longer than a moment (a bar that flashes for 50 ms is noise), is
// indeterminate until the engine reports a share, and marks the results busy.

import { el } from "../shared/dom.js";

/** Runs quicker than this show no progress bar. */
const PROGRESS_DELAY_MS = 200;

/**
 * @param {{ id?: string, label?: string, onCancel: () => void, onBusy?: (busy: boolean) => void }} hooks
 *   id: what the bar's and the button's ids start with (`data-progress`,
 *   `data-cancel` for the orders; each section has its own); label: the
 *   text key of what is being read;
 *   onCancel: the Cancel button was pressed; onBusy: a run started or ended
 */
export function createProgress({ id = "data", label = "data.page.progress", onCancel, onBusy = () => {} }) {
  let box = null;
  let bar = null;
  let value = null;
  let timer = 0;

  function render(t) {
    bar = el("progress", { id: `${id}-progress`, max: "1" });
    value = el("span", { class: "progress__value", "aria-hidden": "true" });
    box = el("div", { class: "progress", hidden: true },
      el("label", { for: `${id}-progress`, class: "progress__label", text: t(label) }),
      el("div", { class: "progress__row" }, bar, value,
        el("button", { type: "button", id: `${id}-cancel`, class: "button", text: t("data.page.cancel"), onclick: onCancel })));
    return box;
  }

  return {
    render,
    start() {
      clearTimeout(timer);
      bar.removeAttribute("value"); // indeterminate until the engine reports
      value.textContent = "";
      timer = setTimeout(() => {
        box.hidden = false;
      }, PROGRESS_DELAY_MS);
      onBusy(true);
    },
    /** The share done (0 to 1), with its percentage written by `fmt`. */
    set(share, fmt) {
      bar.value = share;
      value.textContent = fmt.percent(share * 100, 0);
    },
    stop() {
      clearTimeout(timer);
      box.hidden = true;
      onBusy(false);
    },
  };
}
