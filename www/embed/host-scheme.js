// Whether the host page is dark behind an element, for the widget's theme
// "auto": a widget in a dark blog takes dark colours even when the reader's
// system is light, and the other way round.

/** Relative luminance where black and white text have equal contrast: darker than this is "dark". */
const MIDDLE_LUMINANCE = 0.179;

let pixel = null; // one 1×1 canvas, reused: it turns any CSS colour into sRGB bytes

/** An opaque colour's relative luminance (0 black … 1 white), or null when it lets what is behind show through. */
function opaqueLuminance(color) {
  pixel ??= new OffscreenCanvas(1, 1).getContext("2d", { willReadFrequently: true });
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = color;
  pixel.fillRect(0, 0, 1, 1);
  const [r, g, b, alpha] = pixel.getImageData(0, 0, 1, 1).data;
  if (alpha < 255) return null;
  const linear = (byte) => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The parent element, stepping out of a shadow root to its host. */
function parentOf(node) {
  return node.parentElement ?? node.getRootNode().host ?? null;
}

/** The canvas colour scheme: the root's `color-scheme` (or the page's <meta>), then the reader's preference. */
function canvasIsDark() {
  const computed = getComputedStyle(document.documentElement).colorScheme;
  const declared = computed !== "normal" ? computed : document.querySelector('meta[name="color-scheme"]')?.content ?? "";
  if (!declared.includes("dark")) return false;
  return !declared.includes("light") || matchMedia("(prefers-color-scheme: dark)").matches;
}

/**
 * True when what is painted behind `element` is dark: the first ancestor
 * with an opaque background colour decides, else the page's canvas.
 */
export function hostIsDark(element) {
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const luminance = opaqueLuminance(getComputedStyle(node).backgroundColor);
    if (luminance !== null) return luminance < MIDDLE_LUMINANCE;
  }
  return canvasIsDark();
}
