// Copying a read-only field's text (a snippet, a link) to the clipboard, shared
// by the embed dialog and the calculator's "Copy link".

/**
 * Copies `field.value`. The clipboard can be refused (permissions, or no
 * clipboard outside a secure context): then the field is shown, focused and
 * selected so the reader copies it with Ctrl+C. Resolves to whether it copied.
 */
export async function copyOrSelect(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    field.hidden = false;
    field.focus();
    field.select();
    return false;
  }
}
