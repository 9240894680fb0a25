// Charts as files. The chart on screen becomes a standalone SVG with its
// title and legend, its colours and fonts written into it (the page's
// stylesheet does not travel with the file, and the reader's light or dark
// scheme is kept); a PNG is that SVG drawn on a canvas at twice the size.

import { svg, textWidth } from "../shared/charts.js";

const PAINT = ["fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "font-family", "font-size", "font-weight"];
const PAD = 16;
const KEY = { width: 34, height: 14 };

/** Copies the computed paint of `live` and its descendants onto `copy` as presentation attributes (a CSP forbids style attributes). */
function inlinePaint(live, copy) {
  if (live.localName === "title" || live.localName === "desc") return;
  const style = getComputedStyle(live);
  for (const name of PAINT) copy.setAttribute(name, style.getPropertyValue(name));
  [...live.children].forEach((child, i) => inlinePaint(child, copy.children[i]));
}

/** The live SVG's copy with its computed paint. */
function paintedCopy(live) {
  const copy = live.cloneNode(true);
  inlinePaint(live, copy);
  copy.removeAttribute("class");
  return copy;
}

/**
 * The file's SVG: a background, the title, the chart, and the legend in rows.
 * @param {{ figure, title, chart: SVGElement, chartWidth, chartHeight, legend: [{ key: SVGElement, text }] }} parts
 * @returns {{ text: string, width: number, height: number }}
 */
function standalone({ figure, title, chart, chartWidth, chartHeight, legend }) {
  const look = getComputedStyle(figure);
  const page = getComputedStyle(document.body);
  const colour = look.color;
  const font = look.fontFamily;
  const width = Math.ceil(chartWidth + 2 * PAD);
  const parts = [];
  let y = PAD;
  parts.push(svg("text", { x: PAD, y: y + 16, fill: colour, "font-family": font, "font-size": 16, "font-weight": 700 }, title));
  y += 32;
  chart.setAttribute("x", PAD);
  chart.setAttribute("y", y);
  parts.push(chart);
  y += chartHeight + 12;
  let x = PAD;
  const legendFont = `14px ${font}`;
  for (const item of legend) {
    const itemWidth = KEY.width + 6 + textWidth(item.text, legendFont) + 20;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += 22;
    }
    item.key.setAttribute("x", x);
    item.key.setAttribute("y", y);
    parts.push(item.key, svg("text", { x: x + KEY.width + 6, y: y + 12, fill: colour, "font-family": font, "font-size": 14 }, item.text));
    x += itemWidth;
  }
  const height = Math.ceil(y + (legend.length > 0 ? 22 : 0) + PAD);
  // XMLSerializer writes the SVG namespace itself.
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` },
    svg("title", {}, title),
    svg("rect", { width, height, fill: page.backgroundColor }),
    parts);
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** The period chart (charts.js lineChart) as a standalone SVG. */
export function lineChartFile(figure, title) {
  const live = figure.querySelector("svg.chart__svg");
  const legend = [...figure.querySelectorAll(".chart-legend li")].map((item) => {
    const key = paintedCopy(item.querySelector("svg"));
    return { key, text: item.textContent.trim() };
  });
  return standalone({ figure, title, chart: paintedCopy(live), chartWidth: live.width.baseVal.value, chartHeight: live.height.baseVal.value, legend });
}

/** The survey's answers (charts.js barChart, drawn in HTML on screen) drawn again as SVG. */
export function barChartFile(figure, title) {
  const items = [...figure.querySelectorAll(".bar-chart__item")];
  const look = getComputedStyle(figure);
  const muted = items.length > 0 ? getComputedStyle(items[0].querySelector(".bar-chart__label")).color : look.color;
  const font = look.fontFamily;
  const max = Math.max(1, ...items.map((item) => Number(item.dataset.count)));
  const step = 48;
  const top = 40; // room for the count and share above the tallest bar
  const plot = 160;
  const chartWidth = Math.max(320, items.length * step);
  const chartHeight = top + plot + 24;
  const offset = (chartWidth - items.length * step) / 2;
  const bars = items.map((item, i) => {
    const count = Number(item.dataset.count);
    const barHeight = Math.max(count > 0 ? 2 : 0, (count / max) * plot);
    const centre = offset + i * step + step / 2;
    const share = item.querySelector(".bar-chart__share");
    return svg("g", {},
      svg("rect", { x: centre - 16, y: top + plot - barHeight, width: 32, height: barHeight, fill: getComputedStyle(item.querySelector(".bar-chart__bar")).backgroundColor }),
      svg("text", { x: centre, y: top + plot - barHeight - (share ? 20 : 6), "text-anchor": "middle", fill: look.color, "font-family": font, "font-size": 13, "font-weight": 700 },
        item.querySelector(".bar-chart__count").textContent),
      share ? svg("text", { x: centre, y: top + plot - barHeight - 6, "text-anchor": "middle", fill: muted, "font-family": font, "font-size": 11 }, share.textContent) : null,
      svg("text", { x: centre, y: top + plot + 18, "text-anchor": "middle", fill: look.color, "font-family": font, "font-size": 13 },
        item.querySelector(".bar-chart__label").textContent));
  });
  const chart = svg("svg", { width: chartWidth, height: chartHeight, viewBox: `0 0 ${chartWidth} ${chartHeight}` },
    svg("line", { x1: 0, x2: chartWidth, y1: top + plot, y2: top + plot, stroke: muted, "stroke-width": 1 }),
    bars);
  const legend = [...figure.querySelectorAll(".bar-chart__key")].map((key) => ({
    key: svg("svg", { width: KEY.width, height: KEY.height, viewBox: `0 0 ${KEY.width} ${KEY.height}` },
      svg("rect", { x: 18, y: 1, width: 12, height: 12, fill: getComputedStyle(key, "::before").backgroundColor })),
    text: key.textContent.trim(),
  }));
  return standalone({ figure, title, chart, chartWidth, chartHeight, legend });
}

/** A chart file's SVG drawn at twice its size, as PNG. */
async function pngOf({ text, width, height }) {
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The `formats` of an export bar for a chart: `file()` makes its standalone SVG. */
export function chartFormats(file) {
  return {
    png: () => pngOf(file()),
    svg: () => file().text,
  };
}
