/*
 * The site without a network: every page the reader has opened opens again offline, with the
 * files it needs; once the page "Oma suunnitelma" (suunnitelma/) has been opened, it works
 * offline and the pages of the examples its draft started from open too. Registered by every
 * page (docs/assets/javascripts/kb-offline.js, after the page has loaded) and by the plan page
 * (docs/assets/kb-plan/plan.js); it lives at the site's root because a service worker sees only
 * the addresses under its own folder. A page that is not kept answers, offline, with a short
 * page that says so (OFFLINE_PAGE), never with the browser's error: in Swedish when the page
 * asked for is in the Swedish edition (under sv/). A classic worker, not a module, so that every
 * browser with service workers runs it: it imports nothing (see MESSAGES).
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
 *   - SEARCH: the parts of the search index that the searches fetched (the files in the
 *     subfolders of an edition's pagefind/: index chunks, filters, an excerpt file per result,
 *     the query side's word lists), at most MAX_SEARCH, likewise: apart from FILES, so that
 *     looking through many results never pushes out the stylesheets and scripts that the pages
 *     read need offline. The engine itself (the files directly in pagefind/: its modules,
 *     WebAssembly, entry and metadata) is kept in FILES with the other files a page loads. A
 *     search made online is answered offline as far as its files are kept.
 * The page the worker did not see load (the first one, before the worker was there) hands over
 * its address and its files ({visited: [...]}); they are kept as if the worker had seen them.
 */
const VERSION = 2;
const PLAN = `kb-suunnitelma-${VERSION}`;
const PAGES = `kb-sivut-${VERSION}`;
const FILES = `kb-tiedostot-${VERSION}`;
const SEARCH = `kb-haku-${VERSION}`;
const MAX_PAGES = 150;
const MAX_FILES = 150;
const MAX_SEARCH = 400;
const MAX_PLAN = 300;
/** The Swedish edition's folder and the plan page's, under the site's root. */
const SWEDISH = "sv/";
const PLAN_PAGE = "suunnitelma/";
/** The folder of each edition's search index (generator/search/indexer.py), under its root. */
const INDEX = "pagefind/";

/**
 * The offline page's words in each language: the messages "offline.*" of the scripts' message
 * tables (assets/kb-i18n/fi.js, sv.js), where they are written once. The build writes them on
 * the next line (generator/site/worker_messages.py); Finnish stands in for a missing one.
 */
const MESSAGES = {};
const t = (key, lang) => MESSAGES[lang]?.[key] ?? MESSAGES.fi?.[key] ?? key;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  // Copies of earlier versions (kb-oma-suunnitelma-1: every address with its query string) go.
  const ours = new Set([PLAN, PAGES, FILES, SEARCH]);
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
  if (address.pathname.includes("/livereload/")) return null; // the preview server's own requests
  address.search = "";
  address.hash = "";
  if (address.pathname.endsWith("/index.html"))
    address.pathname = address.pathname.slice(0, -"index.html".length);
  return address.href;
}

/**
 * Where a copy of an address is kept, and how many such copies at most: a page the reader
 * opened, a part of either edition's search index (a file in a subfolder of its pagefind/), or
 * another file a page loaded.
 */
function shelf(key, page) {
  if (page) return [PAGES, MAX_PAGES];
  const root = new URL("./", self.location.href).pathname;
  const path = new URL(key).pathname;
  for (const index of [`${root}${INDEX}`, `${root}${SWEDISH}${INDEX}`]) {
    if (path.startsWith(index) && path.slice(index.length).includes("/")) return [SEARCH, MAX_SEARCH];
  }
  return [FILES, MAX_FILES];
}

/** Keep `response` under `key`, as the newest copy; the oldest go beyond `limit`. */
async function keep([name, limit], key, response) {
  const cache = await caches.open(name);
  await cache.delete(key);
  await cache.put(key, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((old) => cache.delete(old)));
}

/** The plan's own list: exactly these addresses, fetched now; nothing else stays. */
async function keepPlan(urls) {
  const wanted = [...new Set(urls.map(normal).filter(Boolean))].slice(0, MAX_PLAN);
  const cache = await caches.open(PLAN);
  const results = await Promise.allSettled(
    wanted.map(async (url) => {
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      await cache.put(url, response);
    }),
  );
  const keys = await cache.keys();
  await Promise.all(
    keys.filter((request) => !wanted.includes(request.url)).map((request) => cache.delete(request)),
  );
  return results.filter((result) => result.status === "fulfilled").length;
}

/** The first page and its files, which loaded before this worker was there: kept as if seen. */
async function keepVisited(urls) {
  let kept = 0;
  for (const [n, url] of urls.entries()) {
    const key = normal(url);
    if (key === null) continue;
    try {
      const response = await fetch(url);
      if (!response.ok || response.type !== "basic") continue;
      await keep(shelf(key, n === 0), key, response);
      kept += 1;
    } catch {
      /* not there now: kept the next time the page is read */
    }
  }
  return kept;
}

self.addEventListener("message", (event) => {
  const strings = (list) => (Array.isArray(list) ? list.filter((url) => typeof url === "string") : []);
  if (event.data?.visited) {
    event.waitUntil(
      keepVisited(strings(event.data.visited).slice(0, MAX_FILES + 1)).then((kept) =>
        event.source?.postMessage({ kept }),
      ),
    );
    return;
  }
  const urls = strings(event.data?.plan);
  event.waitUntil(
    keepPlan(urls)
      .then((count) => event.source?.postMessage({ cached: count }))
      .catch(() => event.source?.postMessage({ cached: 0 })),
  );
});

const escapeHtml = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

/** The edition a request belongs to: "sv" under the Swedish edition's folder sv/, else "fi". */
function languageOf(url) {
  const root = new URL("./", self.location.href).pathname;
  const path = new URL(url).pathname;
  return path.startsWith(`${root}${SWEDISH}`) || path === `${root}sv` ? "sv" : "fi";
}

/**
 * What a page not kept answers offline, in the language of the page that asked: plainly that it
 * is not kept, what opens without a network, and the way on (the same edition's home and plan).
 */
const OFFLINE_PAGE = (address) => {
  const lang = languageOf(address);
  const say = (key) => escapeHtml(t(key, lang));
  const edition = new URL(lang === "sv" ? SWEDISH : "./", self.location.href);
  const link = (href, key) => `<a href="${escapeHtml(href)}">${say(key)}</a>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say("offline.title")}</title></head>
<body><main><h1>${say("offline.title")}</h1>
<p>${say("offline.text")}</p>
<p>${say("offline.opens")}</p>
<ul>
<li>${link(address, "offline.retry")} ${say("offline.retryWhen")}</li>
<li>${link(edition.href, "offline.home")}</li>
<li>${link(new URL(PLAN_PAGE, edition).href, "offline.plan")}</li>
</ul></main></body></html>`;
};

async function fromCopy(request, page) {
  const key = normal(request.url);
  const [name] = shelf(key, page);
  // A part of the index kept before it had a store of its own is still in FILES.
  const hit =
    (await caches.match(key, { cacheName: PLAN })) ||
    (await caches.match(key, { cacheName: name })) ||
    (name === SEARCH ? await caches.match(key, { cacheName: FILES }) : undefined);
  if (hit) return hit;
  if (page)
    return new Response(OFFLINE_PAGE(request.url), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
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
          event.waitUntil(keep(shelf(key, page), key, response.clone()).catch(() => {}));
        }
        return response;
      })
      .catch(() => fromCopy(request, page)),
  );
});
