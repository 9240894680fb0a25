// "Embed this calculator": a button in the page's header that opens a dialog
// with the two snippets a blogger pastes (the script with the element, or an
// iframe for sites without scripts) for the metric and currency shown, each
// with a Copy button. The blogger picks the widget's language, colours and
// first view in the dialog and sees it live in a preview frame.

import { el, setting } from "../shared/dom.js";
import { isSingleFile } from "../page/offline.js";
import { embedSnippets } from "./snippets.js";
import { sizeEmbedFrames } from "./frames.js";
import { copyOrSelect } from "../shared/copy-text.js";

const THEMES = ["auto", "light", "dark"];

/** A <select> of `[value, text]` pairs, `value` chosen. */
function choices(id, pairs, value) {
  const select = el("select", { id }, pairs.map(([code, text]) => el("option", { value: code, text })));
  select.value = value;
  return select;
}

/** One snippet's block: label, hint, the code (a read-only text area, easy to select) and its Copy button. */
function snippetBlock(kind, onCopy) {
  const parts = {
    kind,
    label: el("label", { for: `embed-${kind}`, class: "embed__label" }),
    hint: el("p", { id: `embed-${kind}-hint`, class: "embed__hint" }),
    code: el("textarea", {
      id: `embed-${kind}`,
      class: "embed__code",
      readonly: true,
      rows: 4,
      spellcheck: "false",
      "aria-describedby": `embed-${kind}-hint`,
    }),
    copy: el("button", { type: "button", class: "button button--small", "data-copy": kind }),
    status: el("span", { class: "embed__status", role: "status" }),
  };
  parts.copy.addEventListener("click", () => onCopy(parts));
  parts.box = el("div", { class: "embed__snippet" },
    parts.label, parts.hint, parts.code, el("div", { class: "embed__copy" }, parts.copy, parts.status));
  return parts;
}

/**
 * Adds the button to `actions`. `current()` says what the page shows:
 * `{ metric, name, lang, currency, examples: [{ id, name }], languages:
 * [{ code, name }], frameTitle(lang) }`. Returns `render(t)`, which
 * (re)writes the texts in the page's language. Opened from disk, or in the
 * single-file edition, there is no address to embed from, so there is no button.
 */
export function createEmbed(actions, { current }) {
  if (location.protocol === "file:" || isSingleFile()) return { render() {} };
  let t = (key) => key;
  let shown = null; // current() when the dialog opened
  sizeEmbedFrames(location.origin); // the preview frame takes its content's height

  async function copy(snippet) {
    for (const { status } of snippets) status.textContent = "";
    const copied = await copyOrSelect(snippet.code);
    snippet.status.textContent = t(copied ? "ui.embed_copied" : "ui.embed_copy_failed");
  }

  const snippets = [snippetBlock("script", copy), snippetBlock("frame", copy)];
  const [script, frame] = snippets;
  const heading = el("h2", { id: "embed-heading", class: "embed__heading" });
  const intro = el("p", { class: "embed__intro" });
  const close = el("button", { type: "button", class: "button" });
  const legend = el("legend", { class: "embed__legend" });
  const settings = el("fieldset", { class: "embed__settings" }, legend);
  const previewLabel = el("h3", { id: "embed-preview-label", class: "embed__label" });
  // Made when the dialog opens and dropped when it closes: no frame (and no second engine) while closed.
  let preview = null;
  const previewBox = el("div", { class: "embed__preview-box", tabindex: "0", role: "group", "aria-labelledby": "embed-preview-label" });
  // closedby="any": Escape or a click beside the dialog closes it too.
  const dialog = el("dialog", { class: "embed", "aria-labelledby": "embed-heading", closedby: "any" },
    el("div", { class: "embed__head" }, heading, close),
    intro,
    settings,
    el("section", { class: "embed__preview", "aria-labelledby": "embed-preview-label" }, previewLabel,
      // Taller previews scroll in their box, which the keyboard can scroll too.
      previewBox),
    snippets.map((snippet) => snippet.box));
  close.addEventListener("click", () => dialog.close());
  document.body.append(dialog);

  /** What the blogger picked: { lang, theme, example } (example "" for an empty form). */
  const picked = { lang: "en", theme: "auto", example: "" };

  /** The snippets and the preview for what is picked. */
  function update() {
    const chosen = {
      metric: shown.metric,
      lang: picked.lang,
      currency: shown.currency,
      theme: picked.theme === "auto" ? null : picked.theme,
      example: picked.example || null,
    };
    const code = embedSnippets(chosen, shown.frameTitle(picked.lang), location.href);
    script.code.value = code.script;
    frame.code.value = code.frame;
    for (const { status } of snippets) status.textContent = "";
    if (!preview) {
      preview = el("iframe", { class: "embed__preview-frame" });
      previewBox.append(preview);
    }
    preview.setAttribute("title", t("ui.embed_preview_frame", { name: shown.name }));
    if (preview.getAttribute("src") !== code.frameAddress) preview.setAttribute("src", code.frameAddress);
  }

  /** The three settings, rebuilt for the metric shown (its examples) each time the dialog opens. */
  function settingsFields() {
    const fields = [
      ["lang", t("ui.language"), shown.languages.map(({ code, name }) => [code, name])],
      ["theme", t("ui.embed_theme"), THEMES.map((theme) => [theme, t(`ui.embed_theme_${theme}`)])],
    ];
    if (shown.examples.length > 0) {
      fields.push(["example", t("ui.embed_example"), [["", t("ui.embed_example_none")], ...shown.examples.map(({ id, name }) => [id, name])]]);
    }
    return fields.map(([key, label, pairs]) => {
      const select = choices(`embed-${key}`, pairs, picked[key]);
      select.addEventListener("change", () => {
        picked[key] = select.value;
        update();
      });
      return setting(`embed-${key}`, label, select);
    });
  }

  const button = el("button", { type: "button", class: "button button--small page-action", "aria-haspopup": "dialog" });
  button.addEventListener("click", () => {
    shown = current();
    Object.assign(picked, { lang: shown.lang, theme: "auto", example: "" });
    intro.textContent = t("ui.embed_intro", { name: shown.name });
    legend.textContent = t("ui.embed_settings");
    previewLabel.textContent = t("ui.embed_preview");
    settings.replaceChildren(legend, el("div", { class: "embed__fields" }, settingsFields()));
    update();
    dialog.showModal();
  });
  dialog.addEventListener("close", () => {
    if (preview) preview.remove();
    preview = null;
  });
  actions.append(button);

  function render(text) {
    t = text;
    button.textContent = t("ui.embed_button");
    heading.textContent = t("ui.embed_heading");
    close.textContent = t("ui.embed_close");
    for (const snippet of snippets) {
      snippet.label.textContent = t(`ui.embed_${snippet.kind}`);
      snippet.hint.textContent = t(`ui.embed_${snippet.kind}_hint`);
      snippet.copy.textContent = t("ui.embed_copy");
      snippet.copy.setAttribute("aria-label", t("ui.embed_copy_named", { name: snippet.label.textContent }));
    }
  }

  return { render };
}
