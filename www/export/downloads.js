// Saving what the page made (a table as CSV, a report as JSON, a chart as
// PNG or SVG) as a file, without a server: a Blob URL on a temporary link.

/** Downloads `blob` as `filename`. */
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next turn; a minute is ample and
  // frees the memory of large lists.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads `text` as `filename`. CSV gets a UTF-8 byte-order mark, so
 * Excel reads "Wójcik" as written instead of guessing an old code page.
 */
export function downloadText(text, filename, type = "text/csv") {
  const parts = type === "text/csv" ? ["\uFEFF", text] : [text];
  downloadBlob(new Blob(parts, { type: `${type};charset=utf-8` }), filename);
}
