/*
 * Every page the reader opens stays readable without a network: the site's service worker
 * (docs/sw.js, at the site's root so that it sees every page) is registered from every page.
 * It fetches from the network first and keeps a bounded copy of the pages read and the files
 * they loaded; a page never read says plainly, offline, that it is not kept. It is a classic
 * script, registered without type "module", so that browsers without module workers keep copies
 * too.
 *
 * The worker is registered only after the page has loaded, so that it never competes with what
 * the first screen needs. A page loaded before the worker was there (the first page of the first
 * visit) was not seen by it: its address and the files it loaded are handed to the worker, which
 * keeps them the same way as the pages it sees itself (the browser's HTTP cache answers, so
 * nothing is downloaded twice).
 */

import { onEveryPage, setUp } from "../kb-search/kb-start.js";

/** The worker, at the site's root: two folders up from this module (assets/javascripts/). */
const WORKER = new URL("../../sw.js", import.meta.url);

/** The page's address and the same-origin files it loaded (others are never kept). */
export function visited(location, entries) {
  const same = (url) => new URL(url, location.href).origin === location.origin;
  return [location.href, ...entries.map((entry) => entry.name).filter(same)];
}

function register(root) {
  const container = navigator.serviceWorker;
  const seen = container.controller !== null;
  container.addEventListener("message", (event) => {
    if (event.data?.kept !== undefined) root.dataset.kbOffline = "ready";
  });
  container
    .register(WORKER.href)
    .then(() => container.ready)
    .then((registration) => {
      if (seen) root.dataset.kbOffline = "ready";
      else
        registration.active?.postMessage({
          visited: visited(window.location, performance.getEntriesByType("resource")),
        });
    })
    .catch(() => {
      /* no copy without a network (a private window may refuse workers): the page still works */
    });
}

export function init(root) {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (document.readyState === "complete") register(root);
  else window.addEventListener("load", () => register(root), { once: true });
}

onEveryPage(() => setUp("body", init));
