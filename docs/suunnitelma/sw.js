/*
 * Retired: the site's offline copy is now the service worker at the site's root (docs/sw.js),
 * which also keeps the pages the reader visited. A browser that still has this one registered
 * (scope suunnitelma/) fetches this version at its next visit: it deletes its copy, which kept
 * every address with its query string, and unregisters itself, so that the root's takes over.
 */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.delete("kb-oma-suunnitelma-1").then(() => self.registration.unregister()));
});
