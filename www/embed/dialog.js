// "Embed this calculator": a button in the page's header that opens a dialog
// with the two snippets a blogger pastes (the script with the element, or an
// iframe for sites without scripts) for the metric, language and currency
// shown, each with a Copy button.

import { el } from "../shared/dom.js";
import { isSingleFile } from "../page/offline.js";
import { embedSnippets } from "./snippets.js";
import { copyOrSelect } from "../shared/copy-text.js";

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
 * `{ metric, name, lang, currency }`. Returns `render(t)`, which (re)writes
 * the texts in the page's language. Opened from disk, or in the single-file
 * edition, there is no address to embed from, so there is no button.
 */
export function createEmbed(actions, { current }) {
  if (location.protocol === "file:" || isSingleFile()) return { render() {} };
  let t = (key) => key;

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
  // closedby="any": Escape or a click beside the dialog closes it too.
  const dialog = el("dialog", { class: "embed", "aria-labelledby": "embed-heading", closedby: "any" },
    el("div", { class: "embed__head" }, heading, close),
    intro,
    snippets.map((snippet) => snippet.box));
  close.addEventListener("click", () => dialog.close());
  document.body.append(dialog);

  const button = el("button", { type: "button", class: "button button--small page-action", "aria-haspopup": "dialog" });
  button.addEventListener("click", () => {
    const shown = current();
    const code = embedSnippets(shown, t("ui.embed_frame_title", { name: shown.name }), location.href);
    script.code.value = code.script;
    frame.code.value = code.frame;
    intro.textContent = t("ui.embed_intro", { name: shown.name });
    for (const { status } of snippets) status.textContent = "";
    dialog.showModal();
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
