/*
 * The site without a network: once the page "Oma suunnitelma" (suunnitelma/) has been opened,
 * it opens and works offline, the pages of the examples its draft started from open too, and so
 * does every other page of the site the reader has visited since. Registered by
 * docs/assets/kb-plan/plan.js; it lives at the site's root because a service worker sees only
 * the addresses under its own folder.
 *
 * Every request goes to the network first; the copy is used only when the network is not
 * there. Only this site's own files, never another origin's, and never the draft itself (it is
 * in the browser's localStorage). The copies are bounded:
 *   - PLAN: what the plan page needs (its page, scripts, styles, data) and the pages of the
 *     examples in the draft, as the page last listed them; replaced whole each time.
 *   - PAGES: the pages the reader visited, one copy per page (the address without its query
 *     string or fragment: haku/?q=a and haku/?q=b are one page), at most MAX_PAGES, the one
 *     used longest ago removed first.
 *   - FILES: the files those pages loaded, one per address without its query string, at most
 *     MAX_FILES, likewise.
 * A page that is neither there nor in a copy gets the page "no network" in its edition's language
 * (a page under sv/ in Swedish): the plan page sends it in its own language with its list (its
 * words are the message tables', docs/assets/kb-i18n/), and it is kept in PLAN beside the list.
 */
const VERSION = 2;
const PLAN = `kb-suunnitelma-${VERSION}`;
const PAGES = `kb-sivut-${VERSION}`;
const FILES = `kb-tiedostot-${VERSION}`;
const MAX_PAGES = 150;
const MAX_FILES = 150;
const MAX_PLAN = 300;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  // Copies of earlier versions (kb-oma-suunnitelma-1: every address with its query string) go.
  const ours = new Set([PLAN, PAGES, FILES]);
  // Navigation preload: the page is requested while the worker starts, not after.
  const preload = self.registration.navigationPreload
    ? self.registration.navigationPreload.enable()
    : Promise.resolve();
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => !ours.has(name)).map((name) => caches.delete(name))),
      )
      .then(() => preload)
      .then(() => self.clients.claim()),
  );
});

/** The one address a copy is kept under: this site's, without query string and fragment. */
function normal(url) {
  const address = new URL(url, self.location.href);
  if (address.origin !== self.location.origin) return null;
  address.search = "";
  address.hash = "";
  if (address.pathname.endsWith("/index.html"))
    address.pathname = address.pathname.slice(0, -"index.html".length);
  return address.href;
}

/** Keep `response` under `key`, as the newest copy; the oldest go beyond `limit`. */
async function keep(name, key, response, limit) {
  const cache = await caches.open(name);
  await cache.delete(key);
  await cache.put(key, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((old) => cache.delete(old)));
}

/** Where the page "no network" of a language is kept (an address no page has). */
const OFFLINE_PREFIX = "kb-ei-verkkoa-";
const OFFLINE = (lang) => new URL(`${OFFLINE_PREFIX}${lang}.html`, self.registration.scope).href;
const EDITIONS = { sv: "sv/" };

/** The language of the edition an address belongs to ("sv" below sv/, else "fi"). */
function editionOf(url) {
  const path = url.slice(self.registration.scope.length);
  return Object.keys(EDITIONS).find((lang) => path.startsWith(EDITIONS[lang])) ?? "fi";
}

/** The plan's own list: exactly these addresses, fetched now; nothing else stays but the
 * pages "no network" (`offline`: {lang, html}, the plan page's language). */
async function keepPlan(urls, offline) {
  const wanted = [...new Set(urls.map(normal).filter(Boolean))].slice(0, MAX_PLAN);
  const cache = await caches.open(PLAN);
  if (offline && /^[a-z]{2}$/.test(offline.lang) && typeof offline.html === "string") {
    await cache.put(
      OFFLINE(offline.lang),
      new Response(offline.html.slice(0, 20000), { headers: { "Content-Type": "text/html; charset=utf-8" } }),
    );
  }
  const results = await Promise.allSettled(
    wanted.map(async (url) => {
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      await cache.put(url, response);
    }),
  );
  const keys = await cache.keys();
  await Promise.all(
    keys
      .filter(
        (request) =>
          !wanted.includes(request.url) && !request.url.startsWith(self.registration.scope + OFFLINE_PREFIX),
      )
      .map((request) => cache.delete(request)),
  );
  return results.filter((result) => result.status === "fulfilled").length;
}

self.addEventListener("message", (event) => {
  const urls = (event.data?.plan || []).filter((url) => typeof url === "string");
  event.waitUntil(
    keepPlan(urls, event.data?.offline)
      .then((count) => event.source?.postMessage({ cached: count }))
      .catch(() => event.source?.postMessage({ cached: 0 })),
  );
});

async function fromCopy(request, page) {
  const key = normal(request.url);
  const hit =
    (await caches.match(key, { cacheName: PLAN })) ||
    (await caches.match(key, { cacheName: page ? PAGES : FILES }));
  if (hit) return hit;
  if (page) {
    const cache = await caches.open(PLAN);
    // In the edition's language when the plan page was opened in it, else in the other one.
    let offline = null;
    for (const lang of [editionOf(key), "fi", ...Object.keys(EDITIONS)]) {
      offline ||= await cache.match(OFFLINE(lang));
    }
    if (offline)
      return new Response(await offline.text(), {
        status: 503,
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
  }
  return Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const key = normal(request.url);
  if (request.method !== "GET" || key === null || request.headers.has("range")) return;
  const page = request.mode === "navigate";
  const fromNetwork =
    page && event.preloadResponse
      ? event.preloadResponse.then((preloaded) => preloaded || fetch(request))
      : fetch(request);
  event.respondWith(
    fromNetwork
      .then((response) => {
        if (response.ok && response.type === "basic") {
          event.waitUntil(
            keep(page ? PAGES : FILES, key, response.clone(), page ? MAX_PAGES : MAX_FILES).catch(() => {}),
          );
        }
        return response;
      })
      .catch(() => fromCopy(request, page)),
  );
});
