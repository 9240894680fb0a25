// Saving text the page made (a segment's customer list) as a file, without a
// server: a Blob URL on a temporary link.

/**
 * Downloads `text` as `filename`. CSV gets a UTF-8 byte-order mark, so
 * Excel reads "Wójcik" as written instead of guessing an old code page.
 */
export function downloadText(text, filename, type = "text/csv") {
  const parts = type === "text/csv" ? ["\uFEFF", text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type: `${type};charset=utf-8` }));
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
