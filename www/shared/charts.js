// The data view's charts, drawn by hand: a line chart (SVG) of rates over
// periods, a bar chart (HTML) of survey answers, and the heat map's colours.
// No library: a few dozen shapes each, sized to their container so the text
// stays at its real size on a phone.

import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element, as `el()` makes HTML ones. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

let measurer = null;
/** The width of `text` in `font` (CSS shorthand): labels are placed by their real size in any language. */
export function textWidth(text, font) {
  measurer ??= document.createElement("canvas").getContext("2d");
  measurer.font = font;
  return measurer.measureText(String(text)).width;
}

/** Runs of consecutive non-null values, as [[index, value], …] each: lines break at a null. */
function runs(values) {
  const out = [];
  let current = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined || !Number.isFinite(value)) {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push([index, value]);
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}

/** A small sample of each series' line and mark, for the legend. */
function legendKey(series) {
  return svg("svg", { class: "chart-legend__key", width: 34, height: 14, viewBox: "0 0 34 14", "aria-hidden": "true", focusable: "false" },
    svg("line", { x1: 1, y1: 7, x2: 33, y2: 7, class: `chart__line chart__line--${series.id}` }),
    series.mark === "square"
      ? svg("rect", { x: 13, y: 3, width: 8, height: 8, class: `chart__point chart__point--${series.id}` })
      : svg("circle", { cx: 17, cy: 7, r: 4, class: `chart__point chart__point--${series.id}` }));
}

/** A dashed line in the legend, for a target. */
function targetKey(target) {
  return svg("svg", { class: "chart-legend__key", width: 34, height: 14, viewBox: "0 0 34 14", "aria-hidden": "true", focusable: "false" },
    svg("line", { x1: 1, y1: 7, x2: 33, y2: 7, class: `chart__target chart__target--${target.id}` }));
}

/**
 * A line chart of percentages (0–100) over labelled periods, or of any
 * values from 0 to `yMax`, redrawn at the width of `figure` whenever that
 * changes.
 *
 * @param spec {{ id, title, description, labels: string[], series: [{ id, name, values, mark, format }],
 *                yLabel, xLabel, yFormat: (n) => string, pointLabel: (label, series, value) => string,
 *                yMax?: number, targets?: [{ id, value, name }] }}
 *   targets: dashed level lines (the reader's goals), in the legend by name
 * @returns the <figure> holding the chart and its legend
 */
export function lineChart(spec) {
  const holder = el("div", { class: "chart__canvas" });
  const targets = spec.targets || [];
  const legend = el("ul", { class: "chart-legend" },
    spec.series.map((series) => el("li", {}, legendKey(series), el("span", { text: series.name }))),
    targets.map((target) => el("li", { "data-target": target.id }, targetKey(target), el("span", { text: target.name }))));
  const figure = el("figure", { class: "chart", id: spec.id }, holder, el("figcaption", { class: "chart__caption" }, legend, spec.note ? el("p", { class: "chart__note", text: spec.note }) : null));

  let drawnWidth = 0;
  function draw() {
    const width = Math.max(260, Math.floor(holder.clientWidth || 600));
    if (width === drawnWidth) return;
    drawnWidth = width;
    const narrow = width < 480;
    const height = narrow ? 220 : 280;
    // Room at the right for the last period's label, centred under its point.
    const tickFont = `12px ${getComputedStyle(holder).fontFamily}`;
    const labelHalf = (label) => textWidth(label, tickFont) / 2;
    const lastHalf = spec.labels.length > 0 ? labelHalf(spec.labels[spec.labels.length - 1]) : 0;
    const margin = { top: 12, right: Math.max(14, Math.ceil(lastHalf) + 2), bottom: 50, left: narrow ? 56 : 64 };
    const plotW = width - margin.left - margin.right;
    const plotH = height - margin.top - margin.bottom;
    const count = spec.labels.length;
    const x = (i) => margin.left + (count <= 1 ? plotW / 2 : (i * plotW) / (count - 1));
    const top = spec.yMax > 0 ? spec.yMax : 100;
    const y = (v) => margin.top + plotH - (Math.max(0, Math.min(top, v)) / top) * plotH;

    const titleId = `${spec.id}-title`;
    const descId = `${spec.id}-desc`;
    const chart = svg("svg", {
      class: "chart__svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
    },
    svg("title", { id: titleId }, spec.title),
    svg("desc", { id: descId }, spec.description));

    // Horizontal grid lines and the y-axis values.
    const grid = svg("g", { class: "chart__grid", "aria-hidden": "true" });
    for (const tick of [0, 0.25, 0.5, 0.75, 1].map((share) => share * top)) {
      grid.append(
        svg("line", { x1: margin.left, x2: margin.left + plotW, y1: y(tick), y2: y(tick), class: tick === 0 ? "chart__axis" : "chart__gridline" }),
        svg("text", { x: margin.left - 8, y: y(tick), dy: "0.32em", "text-anchor": "end", class: "chart__tick" }, spec.yFormat(tick)));
    }
    // x-axis labels: as many as fit without touching.
    // ("сент. 2024 г." needs twice the room of "Sep 2024".)
    const widest = Math.max(0, ...spec.labels.map((label) => 2 * labelHalf(label)));
    const room = Math.max(1, Math.floor(plotW / Math.max(narrow ? 58 : 70, widest + 12)));
    const step = Math.max(1, Math.ceil(count / room));
    spec.labels.forEach((label, i) => {
      if (i % step !== 0 && i !== count - 1) return;
      // The last label is always shown (it is the latest period); the one
      // before it makes way when the two would touch.
      const last = count - 1;
      if (i !== last && i + step > last && x(last) - x(i) < labelHalf(label) + labelHalf(spec.labels[last]) + 8) return;
      const anchor = x(i) - labelHalf(label) < 0 ? "start" : "middle";
      grid.append(svg("line", { x1: x(i), x2: x(i), y1: margin.top + plotH, y2: margin.top + plotH + 5, class: "chart__axis" }),
        svg("text", { x: x(i), y: margin.top + plotH + 18, "text-anchor": anchor, class: "chart__tick" }, label));
    });
    grid.append(
      svg("text", { x: margin.left + plotW / 2, y: height - 6, "text-anchor": "middle", class: "chart__axis-label" }, spec.xLabel),
      svg("text", { x: 0, y: 0, transform: `translate(14 ${margin.top + plotH / 2}) rotate(-90)`, "text-anchor": "middle", class: "chart__axis-label" }, spec.yLabel));
    chart.append(grid);

    for (const target of targets) {
      chart.append(svg("line", {
        x1: margin.left, x2: margin.left + plotW, y1: y(target.value), y2: y(target.value),
        class: `chart__target chart__target--${target.id}`, "data-target": target.id, "aria-hidden": "true",
      }));
    }
    for (const series of spec.series) {
      const group = svg("g", { class: `chart__series chart__series--${series.id}`, "data-series": series.id });
      for (const run of runs(series.values)) {
        if (run.length > 1) {
          const d = run.map(([i, v], k) => `${k === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
          group.append(svg("path", { d, class: `chart__line chart__line--${series.id}` }));
        }
        for (const [i, v] of run) {
          const tip = svg("title", {}, spec.pointLabel(spec.labels[i], series, v));
          group.append(series.mark === "square"
            ? svg("rect", { x: x(i) - 4, y: y(v) - 4, width: 8, height: 8, class: `chart__point chart__point--${series.id}`, "data-point": i }, tip)
            : svg("circle", { cx: x(i), cy: y(v), r: 4.5, class: `chart__point chart__point--${series.id}`, "data-point": i }, tip));
        }
      }
      chart.append(group);
    }
    holder.replaceChildren(chart);
  }

  // Drawn once the figure is in the page (and has a width), then on resize.
  const observer = new ResizeObserver(() => {
    if (!figure.isConnected) observer.disconnect(); // the chart was replaced
    else draw();
  });
  observer.observe(holder);
  queueMicrotask(draw);
  return figure;
}

/**
 * A bar chart of counts, one bar per label, its count written on it.
 * @param spec {{ label, bars: [{ label, count, share, group? }], describe: (bar) => string,
 *                countText: (n) => string, shareText?: (share) => string, caption? }}
 */
export function barChart(spec) {
  const max = Math.max(1, ...spec.bars.map((bar) => bar.count));
  return el("figure", { class: "bar-chart" },
    el("ol", { class: "bar-chart__bars", "aria-label": spec.label },
      spec.bars.map((bar) => el("li", {
        class: `bar-chart__item${bar.group ? ` bar-chart__item--${bar.group}` : ""}`,
        "data-score": bar.label,
        "data-count": bar.count,
      },
      el("span", { class: "visually-hidden", text: spec.describe(bar) }),
      el("span", { class: "bar-chart__column", "aria-hidden": "true" },
        el("span", { class: "bar-chart__count", text: spec.countText(bar.count) }),
        spec.shareText ? el("span", { class: "bar-chart__share", text: spec.shareText(bar.share) }) : null,
        el("span", { class: "bar-chart__bar", style: `--size: ${(bar.count / max).toFixed(4)}` })),
      el("span", { class: "bar-chart__label", "aria-hidden": "true", text: bar.label })))),
    spec.caption ? el("figcaption", { class: "bar-chart__caption" }, spec.caption) : null);
}

// Heat-map colours: a ramp for light and one for dark pages, each in two
// halves with the text colour switching between them, so every cell's text
// keeps at least 4.7:1 contrast (WCAG AA asks 4.5:1), checked in steps of 1/1000.
const HEAT = {
  light: { ramp: [["#fbf3ea", "#cc7f42"], ["#ad5e24", "#5c2c08"]], text: ["#1f1a15", "#ffffff"] },
  dark: { ramp: [["#2a211a", "#95592b"], ["#b87339", "#f7c89b"]], text: ["#f1ebe4", "#15120f"] },
};

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function mix(a, b, share) {
  const [ra, ga, ba] = rgb(a);
  const [rb, gb, bb] = rgb(b);
  const channel = (p, q) => Math.round(p + (q - p) * share).toString(16).padStart(2, "0");
  return `#${channel(ra, rb)}${channel(ga, gb)}${channel(ba, bb)}`;
}

/** Background and text colour for a share of 0..100, in each colour scheme. */
function heatColours(percent) {
  const share = Math.max(0, Math.min(1, percent / 100));
  const half = share < 0.5 ? 0 : 1;
  const within = half === 0 ? share * 2 : (share - 0.5) * 2;
  const pick = (scheme) => ({ background: mix(...HEAT[scheme].ramp[half], within), color: HEAT[scheme].text[half] });
  return { light: pick("light"), dark: pick("dark") };
}

/** CSS custom properties for a heat-map cell; style.css picks the scheme. */
export function heatStyle(percent) {
  const { light, dark } = heatColours(percent);
  return `--heat-bg: ${light.background}; --heat-fg: ${light.color}; --heat-bg-dark: ${dark.background}; --heat-fg-dark: ${dark.color};`;
}
