// The service worker: after one visit the page works with no network.
// pkg/precache.js (written by the build) lists the release's files and a
// version made from their contents. Each version has its own cache, filled
// completely before it is used; a new version waits until the page asks for
// it (its "Reload" button) or every tab has closed, and then deletes the old
// cache, so a page never runs on a mix of two releases.

importScripts("./pkg/precache.js");

const { version, files } = self.PRECACHE;
const PREFIX = "retention-calculator-";
const CACHE = `${PREFIX}${version}`;

self.addEventListener("install", (event) => {
  // `reload`: past the browser's HTTP cache, so the new cache gets the new files.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(files.map((file) => new Request(file, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim(); // the first visit works offline without a reload
  })());
});

// The page's "Reload" on a waiting release.
self.addEventListener("message", (event) => {
  if (event.data === "activate-update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The address carries the calculator's state (?metric=…): one cached page serves them all.
    const path = new URL(request.url).pathname;
    const key = request.mode === "navigate" && path.endsWith("/") ? new URL("index.html", request.url).href : request;
    return (await cache.match(key, { ignoreSearch: true })) || fetch(request);
  })());
});
