// The first paint: while the engine (.wasm) downloads, the header, the
// picker and the calculator's form, from the build's pkg/shell-<lang>.js
// (the engine's own texts and catalog, written by scripts/shell.mjs). The
// form takes typing; the result says the calculator is starting, and the
// page (app.js) takes over the metric, the values and the focus once the
// engine runs. The single offline file has the engine inside: no first paint.

import { readAddress } from "../shared/address.js";
import { chooseLanguage, textsFor } from "../shared/texts.js";
import { recall } from "../shared/memory.js";
import { createPicker } from "../calculator/picker.js";
import { createCalculator } from "../calculator/calculator.js";
import { isSingleFile } from "./offline.js";
import { metricHref } from "./links.js";
import { startState, writeChrome, currencyFor, firstView } from "./start.js";

const $ = (id) => document.getElementById(id);

/** The focused field (by id) and its caret, to give back after the page is rebuilt. */
function focusKeeper() {
  const active = document.activeElement;
  if (!active || !active.id || active === document.body) return null;
  const { id } = active;
  const caret = typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
  return {
    restore() {
      const again = document.getElementById(id);
      if (!again) return;
      again.focus();
      if (caret && typeof again.setSelectionRange === "function") again.setSelectionRange(...caret);
    },
  };
}

/**
 * Paints the calculator view from the first-paint files. Resolves to
 * `{ metric, values, touched, focused() }` (the state typed into, and what
 * has the focus), or null when there is no first paint (the data view, the
 * single file, a build without the files).
 */
export async function paintShell() {
  const address = readAddress();
  if (address.view === "data" || isSingleFile()) return null;
  try {
    // Addresses built at run time: the single file's bundler leaves them out, as it should.
    const files = "../pkg/shell";
    const { LANGUAGES } = await import(`${files}.js`);
    const saved = recall() || {};
    const lang = chooseLanguage(address.lang || saved.lang || null, LANGUAGES);
    const { default: shell } = await import(`${files}-${lang}.js`);
    // Too late: the engine was quicker, and the page is already built.
    if (document.documentElement.classList.contains("is-ready")) return null;
    const { state, known, bare, restored } = startState(address, saved, () => shell.messages);
    const t = textsFor(shell.messages, state);
    currencyFor(state, shell.messages);
    const metrics = shell.catalog;
    firstView(state, metrics, { address, saved, restored });

    writeChrome(t, known, state.lang);
    const calculator = createCalculator($("calculator"), { compute: null });
    const hrefFor = (id) => metricHref(state, metrics.find((m) => m.id === id), id);
    const picker = createPicker($("picker"), {
      onPick(id) {
        const metric = metrics.find((m) => m.id === id);
        if (!metric || metric === state.metric) return;
        Object.assign(state, { metric, values: {}, touched: new Set() });
        picker.setCurrent(id, hrefFor);
        calculator.show(t, state);
      },
    });
    picker.render(metrics, t, hrefFor, state.metric.id);
    calculator.show(t, state);
    if (bare && !restored && state.metric.examples.length > 0) calculator.loadExample(state.metric.examples[0]);
    $("loading").hidden = true;
    $("app").hidden = false;
    return { metric: state.metric, values: state.values, touched: state.touched, focused: focusKeeper };
  } catch (err) {
    console.warn("No first paint:", err);
    return null;
  }
}
