// Where data comes in: a drop zone that is a real file input (labelled,
// reachable by keyboard, takes a dragged file too) dressed in our own
// translated words, a text box for cells pasted from a spreadsheet with a
// button to analyse them, and an alert region beside them for what went wrong.

import { el } from "../shared/dom.js";
import { sourceOf } from "./client.js";

const ACCEPT = ".csv,.txt,.tsv,text/csv";

/**
 * @param {{ id: string, t: Function, keys: { file, fileHint, paste, pasteButton }, rows?: number,
 *           onSource: (source) => void }} options
 *   id: prefix of the element ids; keys: the text keys of this input's own
 *   words (the file label and hint, the paste label and button; the rest are
 *   the same for every input, among them our "Choose file" and "No file
 *   chosen" that stand in for the browser's own, always English, words);
 *   onSource: called with a `sourceOf()` source when the user drops, chooses
 *   or pastes data
 * @returns {{ root, alert, showError, clearError, setBusy, textarea, fileInput }}
 */
export function createSourceInput({ id, t, keys, rows = 5, onSource }) {
  const texts = {
    file: t(keys.file),
    fileHint: t(keys.fileHint),
    paste: t(keys.paste),
    pasteButton: t(keys.pasteButton),
    choose: t("data.page.file.choose"),
    noFile: t("data.page.file.none"),
    pasteEmpty: t("data.error.not_a_file"),
    pastedName: t("data.page.pasted"),
  };
  const fileId = `${id}-file`;
  const pasteId = `${id}-paste`;
  const alertId = `${id}-alert`;
  const hintId = `${id}-file-hint`;

  // The real input stays in place, transparent and stretched over the button
  // and the file name, so a click, Tab, Enter and Space all reach it natively;
  // the reader sees only our translated words, which screen readers skip
  // because the input itself is labelled and announces its file.
  const fileInput = el("input", {
    id: fileId,
    type: "file",
    accept: ACCEPT,
    class: "file-picker__input",
    // Replaces Chromium's English "No file chosen" tooltip on hover.
    title: texts.choose,
    "aria-describedby": `${hintId} ${alertId}`,
  });
  const fileName = el("span", { class: "file-picker__name", "aria-hidden": "true", text: texts.noFile });
  const zone = el("div", { class: "drop-zone", id: `${id}-drop` },
    el("label", { for: fileId, class: "drop-zone__label", text: texts.file }),
    el("p", { id: hintId, class: "drop-zone__hint", text: texts.fileHint }),
    el("div", { class: "file-picker" },
      fileInput,
      el("span", { class: "file-picker__button", "aria-hidden": "true", text: texts.choose }),
      fileName));

  const textarea = el("textarea", {
    id: pasteId,
    class: "paste__text",
    rows,
    spellcheck: "false",
    autocomplete: "off",
    "aria-describedby": alertId,
  });
  const pasteButton = el("button", { type: "button", class: "button", text: texts.pasteButton });
  const paste = el("div", { class: "paste" },
    el("label", { for: pasteId, class: "paste__label", text: texts.paste }),
    textarea,
    el("div", { class: "paste__actions" }, pasteButton));

  // Empty until something goes wrong; a screen reader hears the message at once.
  const alert = el("div", { id: alertId, class: "data-alert", role: "alert" });

  function showError(message) {
    alert.replaceChildren(el("p", { text: message }));
  }
  function clearError() {
    alert.replaceChildren();
  }

  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    fileName.textContent = file ? file.name : texts.noFile;
    if (file) onSource(sourceOf(file));
  });
  pasteButton.addEventListener("click", () => {
    if (textarea.value.trim() === "") {
      showError(texts.pasteEmpty);
      textarea.focus();
      return;
    }
    onSource(sourceOf(textarea.value, texts.pastedName));
  });

  // Dragging a file over the zone: show where it will land; dropping it reads it.
  let depth = 0;
  const carriesData = (event) => event.dataTransfer && [...event.dataTransfer.types].some((type) => type === "Files" || type === "text/plain");
  zone.addEventListener("dragenter", (event) => {
    if (!carriesData(event)) return;
    event.preventDefault();
    depth += 1;
    zone.classList.add("is-dragging");
  });
  zone.addEventListener("dragover", (event) => {
    if (!carriesData(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  zone.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove("is-dragging");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove("is-dragging");
    const file = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
    if (file) {
      fileName.textContent = file.name;
      onSource(sourceOf(file));
      return;
    }
    // Cells dragged straight from a spreadsheet arrive as text.
    const text = event.dataTransfer ? event.dataTransfer.getData("text/plain") : "";
    if (text.trim() !== "") {
      textarea.value = text;
      onSource(sourceOf(text, texts.pastedName));
    }
  });

  const root = el("div", { class: "source" }, zone, paste, alert);
  return {
    root,
    alert,
    showError,
    clearError,
    textarea,
    fileInput,
    setBusy(busy) {
      pasteButton.disabled = busy;
    },
  };
}
