/*
 * One start-up path for the site's browser code (every module in docs/assets/): a module that
 * sets up part of a page exports ``init(root)`` and its last line starts it,
 *     onEveryPage(() => setUp("[data-kb-…]", init));
 * and a module of logic alone (plan-format.js, kb-query.js) runs nothing when imported, so that
 * Node's tests can import it (tests/js/startup.test.js checks both).
 *
 * ``onEveryPage`` runs ``start`` on every page shown. With
 * Material's instant navigation (theme.features: navigation.instant in mkdocs.yml) pages are
 * swapped without loading, and Material's document$ announces each one; without it, the page's
 * own DOMContentLoaded does (or at once, when it has already passed). ``start`` should mark what
 * it has set up, since the header stays in place between instantly navigated pages.
 */

const features = () => {
  try {
    return JSON.parse(document.getElementById("__config")?.textContent ?? "{}").features ?? [];
  } catch {
    return [];
  }
};

export const onEveryPage = (start) => {
  if (features().includes("navigation.instant") && window.document$?.subscribe) {
    window.document$.subscribe(() => start());
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => start(), { once: true });
  } else {
    start();
  }
};

/** Run ``init`` once for each element matching ``selector`` not yet set up. */
export const setUp = (selector, init) => {
  for (const el of document.querySelectorAll(selector)) {
    if (el.dataset.kbReady) continue;
    el.dataset.kbReady = "true";
    init(el);
  }
};
