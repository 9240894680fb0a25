// The two snippets a blogger pastes to embed the calculator: the script with
// the <retention-calculator> element, and an iframe for sites without
// scripts. Pure text, so the page's dialog and the tests build the same.

/**
 * The frame's height until it fits its content (and for good on a host that
 * loads no script): about one calculator with its result, on a phone.
 */
const FRAME_HEIGHT = 1000;

/** ` name="value"`, the value escaped for a double-quoted HTML attribute. */
function attribute(name, value) {
  const text = String(value).replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return ` ${name}="${text}"`;
}

/**
 * The two snippets for `shown` ({ metric, lang, currency }; currency may be
 * null), with absolute addresses beside `base` (this page's address).
 */
export function embedSnippets({ metric, lang, currency }, frameTitle, base) {
  const settings = Object.entries({ metric, lang, currency }).filter(([, value]) => value);
  const frameUrl = new URL("embed.html", base);
  for (const [name, value] of settings) frameUrl.searchParams.set(name, value);
  const widgetAttributes = settings.map(([name, value]) => attribute(name, value)).join("");
  return {
    script: `<script type="module"${attribute("src", new URL("widget.js", base))}></script>\n`
      + `<retention-calculator${widgetAttributes}></retention-calculator>`,
    frame: `<iframe${attribute("src", frameUrl)}${attribute("title", frameTitle)} loading="lazy"`
      + `${attribute("height", FRAME_HEIGHT)}${attribute("style", "width:100%;border:0")}></iframe>`,
  };
}
