// The iframe embed (embed.html) tells its parent how tall its content is;
// a host page that loads widget.js sizes each such frame to fit. Only a
// height crosses between the two, never anything typed.

/** The message embed.html posts: `{ type: RESIZE_MESSAGE, height }` in CSS pixels. */
export const RESIZE_MESSAGE = "retention-calculator:resize";

/** Taller than any calculator gets: a bound on what a frame may ask for. */
const MAX_HEIGHT = 20000;

/**
 * Listens for embed frames' heights and sets each on its <iframe> (found by
 * `event.source`). Only frames from `origin` (where the widget's files are) count.
 */
export function sizeEmbedFrames(origin) {
  window.addEventListener("message", (event) => {
    const { data } = event;
    if (event.origin !== origin || !data || data.type !== RESIZE_MESSAGE) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });
}
