// A comparison with a reference figure, as the engine words it. The
// calculator shows it under a result and the data view under its periods.

import { el, shown } from "./dom.js";

/**
 * A comparison as the engine words it: how the rate was brought to the
 * figure's period, the comparison, and what the figure is (who, what, where from).
 */
export function benchmarkBlock(t, benchmark) {
  const verdict = shown(benchmark.verdict);
  const basis = [
    ["ui.benchmark_population", benchmark.population],
    ["ui.benchmark_figure", benchmark.figure],
    ["ui.benchmark_source", benchmark.source],
  ].filter(([, value]) => value);
  return el("div", { class: "benchmark", "data-verdict": verdict || null },
    benchmark.conversion ? el("p", { class: "benchmark__conversion", text: shown(benchmark.conversion) }) : null,
    el("p", { class: "benchmark__text", text: shown(benchmark.text) }),
    basis.length > 0 ? el("dl", { class: "benchmark__basis" },
      basis.flatMap(([label, value]) => [el("dt", { text: t(label) }), el("dd", { text: shown(value) })])) : null);
}
