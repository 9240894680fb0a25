// The result in a line at the foot of the screen while the form is typed
// into and the result itself is out of view: on a phone (and wherever the
// result sits under the form) the answer stays in sight. A tap on it goes to
// the full result.

import { el, fill, shown } from "../shared/dom.js";

/** The widths where the result sits under the form (page.css puts it beside from 68rem). */
const STACKED = "(max-width: 67.99rem)";

/**
 * One per calculator, kept across its metrics and languages.
 * @param {{ t: () => Function, result: () => HTMLElement | null }} parts
 *   t: the current text lookup; result: the result panel shown, to go to
 * @returns {{ node: HTMLElement, watch(form: HTMLElement, status: HTMLElement): void, update(result: object | null): void }}
 */
export function createPeek({ t, result }) {
  const node = el("a", { class: "result-peek", href: "#result-heading", hidden: true });
  const stacked = window.matchMedia(STACKED);
  let hasResult = false;
  let formInView = false;
  let statusInView = true;
  let observer = null;

  node.addEventListener("click", (event) => {
    event.preventDefault();
    const panel = result();
    if (!panel) return;
    panel.scrollIntoView({ block: "start" });
    const heading = panel.querySelector("#result-heading");
    if (heading) heading.focus({ preventScroll: true });
  });

  function place() {
    const show = hasResult && formInView && !statusInView && stacked.matches;
    node.hidden = !show;
    // Fields near the foot of the screen scroll above the line, not under it.
    document.documentElement.classList.toggle("has-result-peek", show);
  }
  stacked.addEventListener("change", place);

  return {
    node,
    /** Follows a newly built form and result (the last ones are let go). */
    watch(form, status) {
      if (observer) observer.disconnect();
      formInView = false;
      statusInView = true;
      observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (entry.target === form) formInView = entry.isIntersecting;
          if (entry.target === status) statusInView = entry.isIntersecting;
        }
        place();
      });
      observer.observe(form);
      observer.observe(status);
    },
    update(shownResult) {
      hasResult = Boolean(shownResult);
      if (hasResult) {
        fill(node,
          el("span", { class: "result-peek__label", text: t()("ui.result") }),
          el("strong", { class: "result-peek__value", text: shown(shownResult.display) }),
          el("span", { class: "result-peek__go", text: t()("ui.result_peek_go") }));
      }
      place();
    },
  };
}
