/*
 * The offline copy of the page "Oma suunnitelma" (suunnitelma/, generator/site/plan.py): once
 * the page has been opened, it opens and works without a network too. The page hands over the
 * files it loaded; afterwards every request of the page goes to the network first and to the
 * copy only when the network is not there. Only this site's own files, nothing else. The draft
 * itself is not here: it is in the browser's localStorage.
 */
const CACHE = "kb-oma-suunnitelma-1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function own(url) {
  return new URL(url, self.location.href).origin === self.location.origin;
}

self.addEventListener("message", (event) => {
  const urls = ((event.data && event.data.cache) || []).filter((url) => typeof url === "string" && own(url));
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(urls))
      .then(() => event.source && event.source.postMessage({ cached: urls.length }))
      .catch(() => event.source && event.source.postMessage({ cached: 0 }))
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !own(request.url)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error()))
  );
});
