// Offline use of the hosted page: the service worker (sw.js), its "new
// version ready" notice, and the "Download for offline use" link to the
// single-file edition. None of it applies inside that file itself
// (<html data-single-file>, built by scripts/build-single-file.mjs).

import { el } from "../shared/dom.js";

/** True in the single-file edition, which has no site to download from, cache or embed. */
export const isSingleFile = () => document.documentElement.hasAttribute("data-single-file");

/**
 * Adds the download link to `actions`. Returns `render(t)`, which (re)writes
 * the texts in the page's language, and `start()`, for the service worker.
 */
export function createOffline(actions) {
  if (isSingleFile()) return { render() {}, start() {} };
  let t = (key) => key;

  const download = el("a", { href: "pkg/retention-calculator.html", download: "retention-calculator.html", class: "button button--small page-action" });
  actions.append(download);

  // A release that arrived while the page was open, waiting for the reader's go-ahead.
  const noticeText = el("p", { class: "update-notice__text" });
  const reload = el("button", { type: "button", class: "button button--small" });
  const notice = el("div", { class: "update-notice", role: "status", hidden: true }, noticeText, reload);
  actions.closest("header").append(notice);

  function render(text) {
    t = text;
    download.textContent = t("ui.offline_download");
    download.title = t("ui.offline_download_hint");
    noticeText.textContent = t("ui.offline_update_ready");
    reload.textContent = t("ui.offline_update_reload");
  }

  function offer(waiting) {
    notice.hidden = false;
    reload.onclick = () => {
      reload.disabled = true;
      waiting.postMessage("activate-update");
    };
  }

  async function register() {
    if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
    let registration;
    try {
      registration = await navigator.serviceWorker.register("sw.js");
    } catch (err) {
      console.warn("Offline use is not available:", err && err.message ? err.message : err);
      return;
    }
    if (!registration) return; // registration blocked (e.g. by a test harness or browser policy)
    const hadController = Boolean(navigator.serviceWorker.controller);
    // The new release took over (after "Reload"): load the page from it, whole.
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (hadController) location.reload();
    });
    if (registration.waiting && hadController) offer(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      installing.addEventListener("statechange", () => {
        if (installing.state === "installed" && navigator.serviceWorker.controller) offer(installing);
      });
    });
  }

  /**
   * Starts the service worker once the page shows its first result: filling
   * the cache fetches the whole release, which would otherwise compete with
   * the engine's start (registered on `load`, the median first result of
   * 9 cold loads was about 260 ms instead of 210 ms).
   */
  function start() {
    if (document.readyState === "complete") idle(register);
    else window.addEventListener("load", () => idle(register), { once: true });
  }

  return { render, start };
}

/** Runs `work` when the browser is idle (or soon, where it cannot tell). */
function idle(work) {
  if ("requestIdleCallback" in window) requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 200);
}
