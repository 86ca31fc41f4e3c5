/*
 * The finder page ("Hae ja suodata", generated from templates/finder.md): facets as checkboxes,
 * a free-text box, counts per facet value and the results, all from one ask() (kb-search.js)
 * per change. Values within a facet combine with "or", facets with "and". The state lives in the
 * address (?q=…&teema=osallisuus&sektori=aikuiskoulutus; sellaisenaan=1 searches the words as
 * typed) and is restored on load, so a filtered view can be shared as a link.
 *
 * Until the first answer, the status says the search is loading (with a progress bar; the page's
 * <noscript> hides it where nothing would load). The status says the number of results, the same as the list holds once "Näytä lisää" has
 * shown them all, and how many have every word and how many some.
 *
 * The build writes the first screen of the empty listing into the page's list
 * (generator/search/listing.py, marked data-kb-finder-prerendered): the first answer keeps each
 * of those items that is the same as its own, so nothing already shown is drawn again or moves.
 * For an address that asks for something else the page's inline script has hidden them before
 * the first paint (kb-search.css), and they are taken out here.
 */

import { t } from "../kb-i18n/i18n.js";
import { element, finderUrl, renderResult, searchedText, statusText, ways } from "./kb-results.js";
import { ask, nearestTopics, suggest } from "./kb-search.js";
import { onEveryPage, setUp } from "./kb-start.js";

const PAGE = 30;
/**
 * The results that fill the first screen, on a phone and on a wide screen: each one's excerpt is
 * a file of its own (Pagefind's fragment), so on the page's first answer these are shown as soon
 * as theirs are in, and the rest of the results after them, while the status still says the
 * search is loading.
 */
const FIRST_SCREEN = 5;
const DELAY_MS = 200;

export const init = (form) => {
  const main = form.closest("article") ?? document;
  const status = main.querySelector("[data-kb-finder-status]");
  const resultsList = main.querySelector("[data-kb-finder-results]");
  const query = form.querySelector("input[name=q]");
  const facets = [...form.querySelectorAll("fieldset[data-facet]")].map((fieldset) => ({
    key: fieldset.dataset.facet,
    boxes: [...fieldset.querySelectorAll("input[type=checkbox]")],
  }));
  const kindFacet = facets.find((f) => f.key === "laji");
  const notice = element("p", "kb-finder__notice");
  notice.dataset.kbFinderNotice = "";
  notice.hidden = true;
  status.after(notice);
  let shown = PAGE;
  let asked = 0;
  let timer = null;
  let literal = false;
  let shownSearch = null; // the query string of the filters now shown
  let answered = null; // the answer now shown: the show-more button shows more of it, not asking again

  const selected = () =>
    Object.fromEntries(facets.map((f) => [f.key, f.boxes.filter((b) => b.checked).map((b) => b.value)]));

  /**
   * Filters for the engine. With words, exactly the boxes chosen: the same search as the search
   * box's, so both give one count for one query. Without words and with no kind chosen, every
   * kind: the listing of the entries.
   */
  const engineFilters = (state, text) => {
    const filters = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, [...v]]));
    if (kindFacet && !filters.laji.length && !text.trim()) filters.laji = kindFacet.boxes.map((b) => b.value);
    return filters;
  };

  const writeAddress = (state) => {
    const params = new URLSearchParams();
    if (query.value.trim()) params.append("q", query.value.trim());
    if (literal) params.append("sellaisenaan", "1");
    for (const facet of facets) for (const value of state[facet.key]) params.append(facet.key, value);
    const search = params.toString();
    shownSearch = search ? `?${search}` : "";
    const url = window.location.pathname + shownSearch + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  };

  const readAddress = () => {
    const params = new URLSearchParams(window.location.search);
    query.value = params.get("q") ?? "";
    literal = params.get("sellaisenaan") === "1";
    for (const facet of facets) {
      const values = params.getAll(facet.key);
      for (const box of facet.boxes) box.checked = values.includes(box.value);
    }
  };

  const showCounts = (counts) => {
    for (const facet of facets) {
      const byValue = counts[facet.key] ?? {};
      for (const box of facet.boxes) {
        const n = byValue[box.value] ?? 0;
        const label = box.closest("label");
        label.querySelector("[data-count]").textContent = `(${n})`;
        label.dataset.count = String(n);
        label.classList.toggle("kb-finder__value--empty", n === 0);
      }
    }
  };

  const button = (text, onClick) => {
    const el = element("button", "md-button", text);
    el.type = "button";
    el.addEventListener("click", onClick);
    return el;
  };

  const link = (text, href) => Object.assign(element("a", null, text), { href });

  /** What was searched for, with the typed query one click away; or, with nothing found, ways on. */
  const showNotice = async (found, text) => {
    const parts = [];
    const said = searchedText(found);
    if (said) {
      parts.push(
        said,
        " ",
        button(t("search.literal", { query: text.trim() }), () => {
          literal = true;
          update(true);
        }),
      );
    } else if (!found.total && text.trim()) {
      const better = literal ? null : await suggest(text);
      if (better) {
        parts.push(
          t("finder.suggestBefore"),
          button(better, () => {
            query.value = better;
            update(true);
          }),
          t("finder.suggestAfter"),
        );
      }
      // The nearest topics, or every theme when none is near.
      const topics = await nearestTopics(text);
      parts.push(t(topics.near ? "finder.nearest" : "finder.themes"));
      topics.themes.forEach((topic, k) => {
        parts.push(...(k ? [", "] : []), link(topic.title, topic.href));
      });
      parts.push(". ", link(ways(text)[0].text, ways(text)[0].href), t("finder.orRemove"));
    } else if (literal && text.trim()) {
      parts.push(link(t("finder.nearWords"), finderUrl(text)));
    }
    notice.replaceChildren(...parts);
    notice.hidden = parts.length === 0;
  };

  /** The list as ``results``, its first ``kept`` items left in place as they are. */
  const list = (results, kept) => {
    const stay = new Set([...resultsList.children].slice(0, kept));
    for (const node of [...resultsList.childNodes]) if (!stay.has(node)) node.remove();
    resultsList.append(...results.slice(kept).map((result) => renderResult(result)));
  };

  /**
   * Whether ``item``, already in the list, is what renderResult makes of ``result``: the same link
   * (the build's is relative to the page, the script's from the site's root: compared resolved)
   * and the same elements, attributes and text otherwise.
   */
  const isShown = (item, result) => {
    const made = renderResult(result);
    const link = made.querySelector(":scope > h2 > a");
    const there = item.querySelector(":scope > h2 > a");
    if (!link || !there || link.href !== there.href) return false;
    link.setAttribute("href", there.getAttribute("href"));
    return made.isEqualNode(item);
  };

  /** How many of ``results``, from the first, the list already shows as they are. */
  const alreadyShown = (results) => {
    const items = resultsList.children;
    let n = 0;
    while (n < results.length && n < items.length && isShown(items[n], results[n])) n++;
    return n;
  };

  /** The results, the first ``kept`` of them already in the list as they are. */
  const showResults = (results, total, kept = 0) => {
    list(results, kept);
    main.querySelector("[data-kb-finder-more]")?.remove();
    if (total > results.length) {
      const more = button(t("finder.more", { n: Math.min(PAGE, total - results.length) }), showMore);
      more.classList.add("kb-finder__more");
      more.dataset.kbFinderMore = "";
      resultsList.after(more);
    }
  };

  const showStatus = (found, text, listed) => {
    const said = searchedText(found);
    status.textContent = found.total
      ? `${said ? `${said} ` : ""}${statusText(found, listed)}`
      : t(text.trim() ? "finder.noneFor" : "finder.none", { query: text.trim() });
    status.dataset.total = String(found.total);
  };

  /** The next results of the answer shown: the same search, so it is not asked again. The focus
   * moves to the first new result (the button it was on is gone). */
  const showMore = async () => {
    const before = resultsList.children.length;
    shown += PAGE;
    if (answered?.asked !== asked) return update(false);
    const { found, text } = answered;
    form.setAttribute("aria-busy", "true");
    const results = await found.results(0, shown);
    if (answered?.asked !== asked) return;
    showResults(results, found.total);
    showStatus(found, text, results.length);
    form.removeAttribute("aria-busy");
    resultsList.children[before]?.querySelector("a")?.focus();
  };

  /** The first screen is drawn: the list gives up the height it kept for it (kb-search.css), and
   * the page's script loader is told (FIRST_SCREEN_EVENT of generator/site/script_loading.py):
   * where the address asked for a search, the theme's bundle is fetched only then. */
  let told = false;
  const firstScreenDrawn = () => {
    if (told) return;
    told = true;
    document.documentElement.dataset.kbFirstScreen = "";
    document.dispatchEvent(new Event("kb:first-screen"));
  };

  const update = async (fromStart) => {
    if (fromStart) shown = PAGE;
    const state = selected();
    writeAddress(state);
    const text = query.value;
    const ask_ = ++asked;
    form.setAttribute("aria-busy", "true");
    try {
      const found = await ask(text, {
        filters: engineFilters(state, text),
        facets: facets.map((f) => f.key),
        literal,
      });
      if (ask_ !== asked) return;
      // The page's first answer: its first screen before the rest (later answers replace the
      // results shown whole, so that the list does not shrink and grow while the reader types).
      // What the list already shows of it (the build's listing) stays as it is.
      const first = answered ? [] : await found.results(0, Math.min(FIRST_SCREEN, shown));
      if (ask_ !== asked) return;
      const same = alreadyShown(first);
      if (same < first.length) list(first, same);
      firstScreenDrawn();
      const results = await found.results(0, shown); // the first ones are not loaded again
      if (ask_ !== asked) return;
      showResults(results, found.total, answered ? 0 : alreadyShown(results));
      // The counts may need every listed result's data: the status says the search is loading
      // until they are in.
      const counts = await found.counts();
      if (ask_ !== asked) return;
      showCounts(counts);
      await showNotice(found, text);
      if (ask_ !== asked) return;
      showStatus(found, text, results.length);
      answered = { found, text, asked: ask_ };
      form.removeAttribute("aria-busy");
      form.dataset.state = "ready";
    } catch (error) {
      firstScreenDrawn();
      if (ask_ !== asked) return;
      status.textContent = `${t("search.failed")}.`;
      form.removeAttribute("aria-busy");
      console.error(error);
    }
  };

  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") update(true);
  });
  query.addEventListener("input", () => {
    literal = false;
    clearTimeout(timer);
    timer = setTimeout(() => update(true), DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update(true);
  });
  form.addEventListener("reset", () => {
    literal = false;
    // After the browser has cleared the fields.
    setTimeout(() => update(true), 0);
  });
  window.addEventListener("popstate", () => {
    // Following an in-page link (the skip link, a heading's ¶) changes only the hash and fires
    // popstate too: the filters are the same, so keep the results (and the focus) as they are.
    if (window.location.search === shownSearch) return;
    readAddress();
    update(true);
  });

  readAddress();
  // The build's listing is the empty state's: for an address that asks for anything else, out
  // (the inline script has kept it hidden); from here on the list is this script's to draw.
  if (resultsList.hasAttribute("data-kb-finder-prerendered")) {
    const state = selected();
    if (query.value.trim() || facets.some((f) => state[f.key].length)) resultsList.replaceChildren();
    resultsList.removeAttribute("data-kb-finder-prerendered");
  }
  update(true);
};

onEveryPage(() => setUp("form[data-kb-finder]", init));
