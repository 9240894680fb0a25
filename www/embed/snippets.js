// The two snippets a blogger pastes to embed the calculator: the script with
// the <retention-calculator> element, and an iframe for sites without
// scripts. Pure text, so the page's dialog and the tests build the same.

import { FRAME_HEIGHTS, PICKER } from "./heights.js";

/** The class the frame snippet's own rule finds its frame by. */
const FRAME_CLASS = "retention-calculator-frame";

/** ` name="value"`, the value escaped for a double-quoted HTML attribute. */
function attribute(name, value) {
  const text = String(value).replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return ` ${name}="${text}"`;
}

/**
 * The two snippets for `shown` ({ metric, lang, currency, theme, example };
 * any but metric may be null, metric null for the picker of every metric),
 * with absolute addresses beside `base` (this page's address).
 *
 * The frame is as tall as the metric's widget gets on a phone (heights.js),
 * so a browser that cannot size frames shows it whole. Where the browser can
 * (`frame-sizing`, which embed.html allows), the snippet's rule lets the
 * frame follow its content instead, with no script on the host.
 */
export function embedSnippets({ metric, lang, currency, theme = null, example = null }, frameTitle, base) {
  const settings = Object.entries({ metric, lang, currency, example, theme }).filter(([, value]) => value);
  const frameUrl = new URL("embed.html", base);
  for (const [name, value] of settings) frameUrl.searchParams.set(name, value);
  const widgetAttributes = settings.map(([name, value]) => attribute(name, value)).join("");
  const height = FRAME_HEIGHTS[metric] || FRAME_HEIGHTS[PICKER];
  return {
    frameAddress: frameUrl.href,
    script: `<script type="module"${attribute("src", new URL("widget.js", base))}></script>\n`
      + `<retention-calculator${widgetAttributes}></retention-calculator>`,
    frame: `<iframe${attribute("class", FRAME_CLASS)}${attribute("src", frameUrl)}${attribute("title", frameTitle)} loading="lazy"`
      + `${attribute("height", height)}${attribute("style", "width:100%;border:0")}></iframe>\n`
      + `<style>@supports (frame-sizing: content-height) { iframe.${FRAME_CLASS} { height: auto !important; frame-sizing: content-height; } }</style>`,
  };
}
