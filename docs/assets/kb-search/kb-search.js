/*
 * The knowledge base's search: one function, ask(query, options), that the search box, the
 * finder page and the tests (window.kbSearch, window.kbAsk) all use, so that what is measured is
 * what users get.
 *
 * The engine is Pagefind (the bundle in <site>/pagefind/, built by generator/search/indexer.py).
 * Every page's index holds its words, which Pagefind stems with Snowball's Finnish stemmer, and
 * the base forms and compound parts of its words (after the mark "⁂", at a lower weight), so
 * "lasten" finds "lapsi" and "kokous" finds "opettajainkokouksissa"; excerpts show only the
 * page's own words. What a query is searched as (base forms, corrections, compound parts,
 * synonyms) is kb-query.js. Here:
 *
 *  - every word of the query is searched as each of its terms (kb-query.js); a page that has
 *    every word (as the word itself or one of its terms) is a result for "all words". They are
 *    ranked by score: a word found through a synonym or the word's family counts 0.6, pages that
 *    have the typed words together (Pagefind's own search of them) count double, and pages found
 *    only through a compound's parts come after those that have the word itself;
 *  - when fewer than five pages have every word, the pages that have some follow, told apart
 *    ("some words"), ranked by how many of the words they have, then by score;
 *  - options.filters ({teema: ["osallisuus"], sektori: [...], ...}) keep pages that carry any of
 *    the listed values of each facet, and all facets at once; options.facets asks for the number
 *    of results each facet value would give, counted from the same results.
 *
 * The answer says how many results there are (total = allWords + someWords), what was searched
 * when the query was changed (shown, changed) and loads results in order: results(from, to).
 *
 * Each edition has its own index: the Finnish pages' at the site's root (pagefind/, Finnish
 * stemming and Voikko's base forms), the Swedish pages' under sv/ (sv/pagefind/, Swedish
 * stemming; its vocabulary and synonyms in sv/pagefind/kb/ and sv/haku/). A page searches the
 * index of its own language (<html lang>). The report and the applications are in Finnish only,
 * so on a Swedish page a query that finds few pages with every word is also asked of the Finnish
 * index: its quotations and objective–indicator examples follow the Swedish results, marked as
 * Finnish (lang "fi") and linked to their Swedish pages (the same address under sv/).
 */

import { language, t } from "../kb-i18n/i18n.js";
import { fold, interpret, queryWords, TIER, Vocabulary } from "./kb-query.js";

/** The site's root, where the scripts are (both editions load the same ones). */
export const ROOT = new URL("../../", import.meta.url);
/** Where each edition's pages are, below the site's root. */
export const EDITIONS = Object.freeze({ fi: "", sv: "sv/" });
/** The root of an edition's pages: the site's root for Finnish, sv/ for Swedish. */
export const editionRoot = (lang = language()) => new URL(EDITIONS[lang] ?? "", ROOT);
/** Kinds whose text is the report's own, in Finnish on every edition. */
const FINNISH_KINDS = ["lainaus", "tavoite"];
const FALLBACK_BELOW = 5; // fewer pages than this have every word: add the pages that have some
const TOGETHER_BONUS = 2; // pages that have the typed words together, as Pagefind ranks them
const ALTERNATIVE_WEIGHT = 0.6; // a word found through a synonym, compound parts or its family
const EXCERPT_WORDS = 26;
const TERMS_MARK = "\u2042";

const fetchJson = async (url, fallback) => {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : fallback;
  } catch {
    return fallback;
  }
};

/** A binary file of an edition (an ArrayBuffer), or null. */
const fetchBytesFrom = (root) => async (path) => {
  try {
    const response = await fetch(new URL(path, root));
    return response.ok ? await response.arrayBuffer() : null;
  } catch {
    return null;
  }
};

const vocabularies = new Map();
/** The query side's vocabulary of an edition (its words, forms and synonyms). */
const vocabularyOf = (lang) => {
  if (!vocabularies.has(lang)) {
    const root = editionRoot(lang);
    vocabularies.set(
      lang,
      new Vocabulary(
        (path, fallback) => fetchJson(new URL(path, root), fallback),
        fetchBytesFrom(root),
        lang,
      ),
    );
  }
  return vocabularies.get(lang);
};
const engines = new Map();

/**
 * An edition's Pagefind (a module of its own per bundle, so both can be loaded on one page),
 * started: its worker, index entry and WebAssembly load as soon as the module is in, while the
 * words of a query are still being interpreted (``askIn``), not only at the first search.
 */
const engine = (lang = language()) => {
  if (engines.has(lang)) return engines.get(lang);
  const root = editionRoot(lang);
  const pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
    await pf.options({
      baseUrl: root.pathname,
      excerptLength: EXCERPT_WORDS,
      // Pagefind searches every metadata field. These repeat the page's own text or labels
      // and would count twice; "title" and "morfo" (base forms) keep their weights.
      ranking: { metaWeights: { kuvaus: 0, laji: 0, teemat: 0, ohjesivu: 0 } },
    });
    await pf.init();
    return pf;
  });
  engines.set(lang, pagefind);
  return pagefind;
};

/** {teema: ["a", "b"]} → Pagefind's {teema: {any: ["a", "b"]}}; empty lists are no filter. */
const pagefindFilters = (filters) =>
  Object.fromEntries(
    Object.entries(filters ?? {})
      .map(([key, values]) => [key, [values ?? []].flat().filter(Boolean)])
      .filter(([, values]) => values.length)
      .map(([key, values]) => [key, { any: values }]),
  );

const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * The page's own words, without the base forms the index added after the mark "⁂"
 * (generator/search/prepare.py): those are for finding a page, never for showing it.
 */
const visibleWords = (data) => {
  const words = String(data.content ?? "").split(/[\r\n\s]+/);
  const end = words.indexOf(TERMS_MARK);
  return end < 0 ? words : words.slice(0, end);
};

/** A loose match, for highlighting what Pagefind did not mark: a shared beginning. */
const looselyMatches = (word, queryWord) => {
  const w = fold(word).replace(/[^\p{L}\p{N}-]/gu, "");
  const q = fold(queryWord);
  const n = Math.max(4, q.length - 2);
  return q.length >= 3 && w.length >= Math.min(n, q.length) && w.startsWith(q.slice(0, n));
};

/** HTML of the densest window of EXCERPT_WORDS words around the marked positions. */
const excerptAround = (words, marked) => {
  const positions = [...marked].sort((a, b) => a - b);
  let start = 0;
  if (positions.length && words.length > EXCERPT_WORDS) {
    let best = -1;
    for (const p of positions) {
      const from = Math.max(0, Math.min(p - 6, words.length - EXCERPT_WORDS));
      const count = positions.filter((q) => q >= from && q < from + EXCERPT_WORDS).length;
      if (count > best) {
        best = count;
        start = from;
      }
    }
  }
  const html = words
    .slice(start, start + EXCERPT_WORDS)
    .map((word, i) => (marked.has(start + i) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
    .join(" ");
  return (start > 0 ? "… " : "") + html + (start + EXCERPT_WORDS < words.length ? " …" : "");
};

/**
 * What a word of the page must contain to hold one of the base forms or compound parts the index
 * added for it ("opettajainkokouksissa" for "kokous", "lapsia" for "lapsi"): each term's
 * beginning, at least four letters, folded; made once per excerpt, not once per word.
 */
const heldParts = (terms) =>
  terms
    .map(fold)
    .filter((t) => t.length >= 4)
    .map((t) => t.slice(0, Math.max(4, t.length - 2)));

/**
 * The excerpt: the page's own words around what matched. Pagefind's locations beyond the page's
 * words are the added base forms and parts: the page's words that hold them are marked instead.
 * With nothing to mark, the page's first words, never its metadata.
 */
const excerptFor = (data, locations, searched) => {
  const words = visibleWords(data);
  const all = String(data.content ?? "").split(/[\r\n\s]+/);
  const marked = new Set(locations.filter((l) => l < words.length));
  const terms = [
    ...new Set(
      locations
        .filter((l) => l > words.length)
        .map((l) => all[l])
        .filter(Boolean),
    ),
  ];
  const parts = heldParts(terms);
  words.forEach((word, i) => {
    if (searched.some((q) => looselyMatches(word, q))) marked.add(i);
    else if (parts.length && parts.some((part) => fold(word).includes(part))) marked.add(i);
  });
  return excerptAround(words, marked);
};

const cleanTitle = (title) =>
  String(title ?? "")
    .replace(/\s*¶\s*$/, "")
    .trim();

const themesOf = (meta) => {
  try {
    const themes = JSON.parse(meta.teemat || "[]");
    return Array.isArray(themes) ? themes : [];
  } catch {
    return [];
  }
};

/** A kind's name in the page's language, from its public id (the filter "laji"); any other page "Sivu". */
const kindName = (id) => t(["lainaus", "tavoite", "teema"].includes(id) ? `kind.${id}` : "kind.page");

/** One result as the interfaces show it (``lang``: the edition whose index found it). */
const toResult = async (hit, searched, lang) => {
  // One page's data (its results are of the same page); the words each search found, from the
  // results themselves: Pagefind keeps one data object per page and rewrites its ``locations``
  // at every data(), so they would be the last caller's.
  const data = await hit.results[0].data();
  const meta = data.meta ?? {};
  // A result of another edition's index is shown on this page: its kind in this page's words,
  // and not its themes (their titles are that edition's).
  const own = lang === language();
  return {
    url: own ? data.url : counterpart(data.url, lang),
    lang,
    title: cleanTitle(meta.title),
    kind: (own && meta.laji) || kindName(data.filters?.laji?.[0]),
    themes: own ? themesOf(meta) : [],
    excerpt: excerptFor(
      data,
      hit.results.slice(0, 3).flatMap((r) => r.words ?? []),
      searched,
    ),
    filters: data.filters ?? {},
    group: hit.group,
    via: hit.via,
  };
};

/** Whether a page's filters pass the selection (a facet to leave out: ``skip``). */
const passes = (pageFilters, selected, skip = null) =>
  Object.entries(selected).every(
    ([key, { any }]) => key === skip || any.some((v) => (pageFilters[key] ?? []).includes(v)),
  );

/**
 * Every page that has some of the query's words, under the filters: [{results, slots, matched,
 * tier, score, via, rank}]; the search of the typed words together; and which words were widened
 * to their fallback terms (``widen``: given, or decided here: a word that finds fewer than
 * FALLBACK_BELOW pages, or every word when fewer pages have them all).
 */
const gather = async (pf, meaning, filters, widen = null) => {
  const exact = meaning.slots.every((s) => s.terms.length && s.terms[0].tier === TIER.exact)
    ? meaning.slots.map((s) => s.terms[0].text).join(" ")
    : null;
  const searchAll = (terms) =>
    Promise.all(terms.map(async (term) => ({ term, r: await pf.search(term.text, { filters }) })));
  const [together, perSlot] = await Promise.all([
    exact ? pf.search(exact, { filters }) : null,
    Promise.all(meaning.slots.map((slot) => searchAll(slot.terms))),
  ]);
  let pages = collect(perSlot);
  if (widen === null) {
    const everyWord = [...pages.values()].filter((p) => p.slots.size === meaning.slots.length).length;
    widen = meaning.slots.map((slot, s) => {
      const found = new Set(perSlot[s].flatMap(({ r }) => r.results.map((x) => x.id))).size;
      return Boolean(slot.derived?.length) && (found < FALLBACK_BELOW || everyWord < FALLBACK_BELOW);
    });
  }
  if (widen.some(Boolean)) {
    const more = await Promise.all(meaning.slots.map((slot, s) => (widen[s] ? searchAll(slot.derived) : [])));
    more.forEach((answers, s) => {
      perSlot[s].push(...answers);
    });
    pages = collect(perSlot);
  }
  const order = new Map((together?.results ?? []).map((r, i) => [r.id, i]));
  const hits = [...pages.values()].map((page) => {
    const values = [...page.slots.values()];
    return {
      slots: page.slots,
      results: order.has(page.id) ? [together.results[order.get(page.id)], ...page.results] : page.results,
      matched: page.slots.size,
      tier: Math.max(...values.map((v) => v.tier)),
      score: values.reduce((sum, v) => sum + v.score * (v.tier === TIER.exact ? 1 : ALTERNATIVE_WEIGHT), 0),
      via: [...new Set(values.filter((v) => v.tier > TIER.exact).map((v) => v.kind))],
      rank: order.get(page.id) ?? Infinity,
    };
  });
  return { hits, together, widen };
};

/** Pages by id, with each word's best way of matching them. */
const collect = (perSlot) => {
  const pages = new Map();
  perSlot.forEach((answers, s) => {
    for (const { term, r } of answers) {
      for (const result of r.results) {
        let page = pages.get(result.id);
        if (!page) {
          page = { id: result.id, slots: new Map(), results: [] };
          pages.set(result.id, page);
        }
        const known = page.slots.get(s);
        if (!known || term.tier < known.tier || (term.tier === known.tier && result.score > known.score)) {
          page.slots.set(s, { tier: term.tier, score: result.score, kind: term.kind });
        }
        if (page.results.length < 3) page.results.push(result);
      }
    }
  });
  return pages;
};

/**
 * For a word the vocabulary does not know, Pagefind falls back to the longest beginning it
 * has, however short ("ammattikoulu" matching on "a"): a page counts for such a word only when
 * one of its words begins like it (at least the first 60 %, or four letters).
 */
const checkUnknown = async (hits, meaning) => {
  const unknown = meaning.slots.flatMap((slot, s) => (slot.unknown ? [[s, fold(slot.words[0])]] : []));
  if (!unknown.length) return hits;
  const checked = await Promise.all(
    hits.map(async (hit) => {
      const mine = unknown.filter(([s]) => hit.slots.has(s));
      if (!mine.length) return hit;
      const data = await hit.results[0].data();
      const words = String(data.content ?? "")
        .split(/[\s]+/)
        .map((w) => fold(w).replace(/[^\p{L}\p{N}-]/gu, ""));
      for (const [s, word] of mine) {
        const n = Math.max(4, Math.ceil(word.length * 0.6));
        const begin = word.slice(0, n);
        if (!words.some((w) => w.startsWith(begin) || w.split("-").some((p) => p.startsWith(begin)))) {
          hit.slots.delete(s);
        }
      }
      hit.matched = hit.slots.size;
      return hit;
    }),
  );
  return checked.filter((h) => h.matched > 0);
};

const PEEK = 12;

/**
 * Help pages (editors' guide, accessibility statement, open data, glossary, about: the index
 * marks them with the metadata "ohjesivu", from HELP_PAGES of generator/search/prepare.py, which
 * also weights their text down) come after the content, unless the query is about them: every
 * word of it in the page's title, or (metadata "otsikot") in its headings. Such a page comes first.
 */
const helpIds = new Map();

/** The ids of the help pages (generator/search/prepare.py gives them the filter sivu: ohje). */
const helpPages = async (pf) => {
  if (!helpIds.has(pf)) {
    const asked = pf
      .search(null, { filters: { sivu: { any: ["ohje"] } } })
      .then((r) => new Set(r.results.map((x) => x.id)));
    asked.catch(() => helpIds.delete(pf)); // a failure is not kept: the next search asks again
    helpIds.set(pf, asked);
  }
  return helpIds.get(pf);
};

const arrange = async (pf, hits, meaning) => {
  if (!meaning.slots.length) return hits;
  const head = hits.slice(0, PEEK);
  const rest = hits.slice(PEEK);
  // With more than PEEK hits, the help pages are told by their ids (one filter search, which loads
  // every chunk of the index: the rest of the list is told by id alone), and of the first PEEK
  // only a help page's data is loaded, to see whether the query is about it; the results' data
  // loads as they are shown, the first screen's first. With fewer, each one's data tells (the
  // list shows them).
  const ids = rest.length ? await helpPages(pf) : null;
  const datas = await Promise.all(
    head.map((h) => (!ids || ids.has(h.results[0].id) ? h.results[0].data() : null)),
  );
  const about = [];
  const content = [];
  const help = [];
  head.forEach((hit, i) => {
    const data = datas[i];
    const helpPage = data?.meta?.ohjesivu; // "otsikot", "otsikko" or none
    if (!helpPage) {
      content.push(hit);
      return;
    }
    const headings =
      helpPage === "otsikko" ? [] : (data.anchors ?? []).filter((a) => /^h[1-3]$/i.test(a.element));
    const labels = [data.meta?.title ?? "", ...headings.map((a) => a.text)].join(" ").split(/\s+/);
    // A known compound's parts are not what it is about: headings with "hankkeista" and
    // "suunnitelmalliseen" are not about "hankesuunnitelma".
    const isAbout = meaning.slots.every((slot) => {
      const own = slot.terms.filter((t) => t.kind !== "osat");
      return (own.length ? own : slot.terms).some((t) =>
        t.text.split(/\s+/).every((w) => labels.some((l) => looselyMatches(l, w))),
      );
    });
    (isAbout ? about : help).push(hit);
  });
  const isHelp = (hit) => ids.has(hit.results[0].id);
  return [...about, ...content, ...rest.filter((h) => !isHelp(h)), ...help, ...rest.filter(isHelp)];
};

/** The hits in order: every word first, then (when those are few) some words. */
const rank = (hits, slots) => {
  const all = hits.filter((h) => h.matched === slots);
  // A page found only through a compound's parts comes after those that have the word itself.
  const weight = (h) => h.score * (h.rank < Infinity ? TOGETHER_BONUS : 1);
  const parts = (h) => (h.via.includes("osat") ? 1 : 0);
  all.sort((a, b) => parts(a) - parts(b) || weight(b) - weight(a) || a.rank - b.rank);
  for (const hit of all) hit.group = "all";
  if (slots < 2 || all.length >= FALLBACK_BELOW) return { ranked: all, allWords: all.length };
  const some = hits.filter((h) => h.matched < slots);
  some.sort((a, b) => b.matched - a.matched || b.score - a.score);
  for (const hit of some) hit.group = "some";
  return { ranked: all.concat(some), allWords: all.length };
};

/**
 * Search the knowledge base. options: {filters: {facet: [values]}, facets: [facet keys to
 * count], literal: true to search the words as typed (no corrections, splits or synonyms)}.
 * An empty query with filters lists the pages carrying them. Facet counts are for the same
 * results that are listed: for a facet, the count of a value is the number of results with
 * every other facet's selection applied and that value. options.language: the edition's index
 * to search ("fi" or "sv"; the page's language when not given).
 */
export const ask = async (query, options = {}) => {
  const lang = options.language ?? language();
  const own = await askIn(lang, query, options);
  if (lang === "fi" || !own.query.slots.length || own.allWords >= FALLBACK_BELOW) return own;
  return withFinnish(
    own,
    await askIn("fi", query, { ...options, facets: [], filters: finnishFilters(options) }),
  );
};

/** The filters of a Swedish query for the Finnish index: only the kinds whose text is Finnish. */
const finnishFilters = (options) => {
  const kinds = [options.filters?.laji ?? []].flat().filter(Boolean);
  const laji = kinds.length ? kinds.filter((k) => FINNISH_KINDS.includes(k)) : FINNISH_KINDS;
  return { ...(options.filters ?? {}), laji: laji.length ? laji : ["-"] };
};

/**
 * An edition's answer followed by the Finnish index's results (lang "fi") whose pages it does not
 * have already: they count in ``total`` and in ``finnish``, never in the facet counts (which
 * count the edition's own pages).
 */
const withFinnish = async (own, finnish) => {
  if (!finnish.total) return own;
  const mine = new Set((await own.results()).map((r) => r.url));
  const extra = (await finnish.results()).filter((r) => !mine.has(r.url));
  if (!extra.length) return own;
  return {
    ...own,
    total: own.total + extra.length,
    finnish: extra.length,
    results: async (from = 0, to = own.total + extra.length) => {
      const head = from < own.total ? await own.results(from, Math.min(to, own.total)) : [];
      return head.concat(extra.slice(Math.max(0, from - own.total), Math.max(0, to - own.total)));
    },
  };
};

/** A page of one edition's index as the address of its counterpart on the page's edition. */
const counterpart = (url, lang) => {
  const from = editionRoot(lang).pathname;
  const path = url.startsWith(from) ? url.slice(from.length) : url.replace(/^\//, "");
  return editionRoot().pathname + path;
};

const askIn = async (lang, query, options) => {
  const vocabulary = vocabularyOf(lang);
  const selected = pagefindFilters(options.filters);
  // The engine starts loading while the words are interpreted (their forms and synonyms).
  const [pf, meaning] = await Promise.all([
    engine(lang),
    interpret(query, vocabulary, { literal: Boolean(options.literal) }),
  ]);
  const facets = options.facets ?? [];
  const only = meaning.slots[0];
  const oneTerm = meaning.slots.length === 1 && only.terms.length === 1 && !only.unknown;
  // Pagefind counts a facet only once its filter index is loaded: asked for now where Pagefind's
  // counts may be used (no words, or one word searched as itself: one search, below) and waited
  // for only there. Merged searches count the facets from their results' own data.
  const filtersLoaded =
    facets.length && (oneTerm || !meaning.slots.length) ? pf.filters() : Promise.resolve();
  filtersLoaded.catch(() => {}); // a failure is met where it is waited for
  if (!meaning.slots.length && !Object.keys(selected).length) return answer(lang, meaning, [], 0, {});
  if (!meaning.slots.length) {
    await filtersLoaded;
    return single(lang, pf, meaning, selected, facets, null, null);
  }

  const first = await gather(pf, meaning, selected);
  if (oneTerm && !first.widen[0]) {
    // One Pagefind search answers it all, and Pagefind counts the facets (a facet with a
    // selection is searched once more without it). With counts asked for, its search is made
    // again once the filter index is in (from the index chunks already loaded).
    await filtersLoaded;
    const response = facets.length ? null : first.together;
    return single(lang, pf, meaning, selected, facets, response, only.terms[0].text);
  }
  if (!facets.length) {
    const hits = await checkUnknown(first.hits, meaning);
    const { ranked, allWords } = rank(hits, meaning.slots.length);
    return answer(lang, meaning, await arrange(pf, ranked, meaning), allWords, {});
  }
  // Several searches merged, with counts: the same words are gathered without the filters (with
  // no filter chosen, that is the search just made) and filtered here, so that every facet's
  // counts come from the results themselves.
  const unfiltered = Object.keys(selected).length ? await gather(pf, meaning, {}, first.widen) : first;
  const hits = await checkUnknown(unfiltered.hits, meaning);
  const words = meaning.slots.length;
  // Count over the same groups that are listed: when only the pages with every word are listed,
  // only they are counted.
  const listedOf = (allWords) => (h) =>
    allWords >= FALLBACK_BELOW || words < 2 ? h.matched === words : true;
  const countOver = (counted, filtersOf) => {
    const counts = {};
    for (const key of facets) {
      counts[key] = {};
      for (const hit of counted) {
        if (!passes(filtersOf.get(hit), selected, key)) continue;
        for (const value of filtersOf.get(hit)[key] ?? []) counts[key][value] = (counts[key][value] ?? 0) + 1;
      }
    }
    return counts;
  };
  const filtersOf = async (some) => {
    const datas = await Promise.all(some.map((h) => h.results[0].data()));
    return new Map(some.map((h, i) => [h, datas[i].filters ?? {}]));
  };
  if (!Object.keys(selected).length) {
    // Nothing to filter: the results are ranked and shown without the data of every result,
    // which only the counts need: it is loaded when they are asked for (after the results shown),
    // and only for the results listed.
    const { ranked, allWords } = rank(hits, words);
    const counted = hits.filter(listedOf(allWords));
    const counts = async () => countOver(counted, await filtersOf(counted));
    return answer(lang, meaning, await arrange(pf, ranked, meaning), allWords, counts);
  }
  const filters = await filtersOf(hits);
  const shown = hits.filter((h) => passes(filters.get(h), selected));
  const { ranked, allWords } = rank(shown, words);
  const counts = countOver(hits.filter(listedOf(allWords)), filters);
  return answer(lang, meaning, await arrange(pf, ranked, meaning), allWords, counts);
};

/** The answer from one Pagefind search (``response``, for ``term`` under ``selected``). */
const single = async (lang, pf, meaning, selected, facets, response, term) => {
  const search = (filters) =>
    pf.search(term ?? null, term ? { filters } : { filters, sort: { jarjestys: "asc" } });
  response ??= await search(selected);
  const hits = response.results.map((r) => ({ results: [r], group: "all", via: [] }));
  const counts = {};
  await Promise.all(
    facets.map(async (key) => {
      if (!selected[key]) {
        counts[key] = response.filters?.[key] ?? {};
        return;
      }
      const rest = { ...selected };
      delete rest[key];
      counts[key] = (await search(rest)).filters?.[key] ?? {};
    }),
  );
  return answer(lang, meaning, await arrange(pf, hits, meaning), hits.length, counts);
};

const answer = (lang, meaning, hits, allWords, counts) => {
  const searched = meaning.slots.flatMap((s) => s.terms.flatMap((t) => t.text.split(/\s+/)));
  const cache = new Map();
  let counted = null;
  const load = (hit) => {
    if (!cache.has(hit)) cache.set(hit, toResult(hit, searched.length ? searched : meaning.words, lang));
    return cache.get(hit);
  };
  return {
    query: meaning,
    total: hits.length,
    allWords,
    someWords: hits.length - allWords,
    /** The number of results per facet value ({facet: {value: n}}): a promise, counted when
     * first asked for (``counts``: the counts, or a function that counts them). */
    counts: () => {
      counted ??= Promise.resolve(typeof counts === "function" ? counts() : counts);
      return counted;
    },
    /** The results from index ``from`` up to ``to`` (not included), loaded in order. */
    results: (from = 0, to = hits.length) => Promise.all(hits.slice(from, to).map(load)),
  };
};

/** A query rewritten with the nearest known word for each word the site does not know
 * (looser than the corrections made while searching), for "Tarkoititko …?"; null if none. */
export const suggest = async (query) => {
  const vocabulary = vocabularyOf(language());
  const words = queryWords(query, vocabulary.stopwords);
  let changed = false;
  const out = [];
  for (const word of words) {
    // A word Voikko knows is what the reader meant: no "Tarkoititko …?" for it.
    const meant = (await vocabulary.knows(word)) || (await vocabulary.finnish(word));
    let [nearest] = meant ? [] : await vocabulary.corrections(word, 1);
    if (nearest && (await vocabulary.voikko(word))) nearest = undefined;
    changed ||= Boolean(nearest);
    out.push(nearest ?? word);
  }
  return changed ? out.join(" ") : null;
};

const topicLists = new Map();
const NEAR = 4; // letters a query word must share with a theme's word from its beginning

/**
 * The themes nearest to a query that found nothing ({near, themes: [{title, href}]}): those
 * whose title or summary has a word beginning like a word of the query (at least NEAR letters,
 * most shared letters first, at most ``count``); with none near, every theme (near: false).
 */
export const nearestTopics = async (query, count = 3) => {
  const root = editionRoot();
  if (!topicLists.has(root.href)) topicLists.set(root.href, fetchJson(new URL("haku/teemat.json", root), []));
  const themes = await topicLists.get(root.href);
  const words = queryWords(query, vocabularyOf(language()).stopwords).map(fold);
  const shared = (a, b) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const scored = themes.map((theme, order) => {
    const own = theme.words.map(fold);
    const score = words.reduce((sum, w) => {
      const best = Math.max(0, ...own.map((t) => shared(w, t)));
      return sum + (best >= NEAR ? best : 0);
    }, 0);
    return { title: theme.title, href: new URL(theme.url, root).href, score, order };
  });
  const near = scored.filter((t) => t.score > 0).sort((a, b) => b.score - a.score || a.order - b.order);
  return near.length ? { near: true, themes: near.slice(0, count) } : { near: false, themes: scored };
};

/** Ranked results [{url, title, kind, themes, excerpt, group}]; options.limit (default 10). */
export const kbSearch = async (query, options = {}) => {
  const found = await ask(query, options);
  return found.results(0, options.limit ?? 10);
};

window.kbSearch = kbSearch;
window.kbAsk = ask;
window.kbNearestTopics = nearestTopics;
window.kbSearchRoot = ROOT.href;
