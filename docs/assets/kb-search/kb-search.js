/*
 * The knowledge base's search: one function, window.kbSearch(query, options), that the search
 * box, the finder page and the tests all call, so that what is measured is what users get.
 *
 * The engine is Pagefind (the bundle in <site>/pagefind/, built by generator/search/prepare.py).
 * Every page's index holds its words, which Pagefind stems with Snowball's Finnish stemmer, and
 * the base forms and compound parts of its words (after the mark "⁂", at a lower weight), so
 * "lasten" finds "lapsi" and "kokous" finds "opettajainkokouksissa"; excerpts show only the
 * page's own words. Here, on the query side:
 *
 *  - the query is cut into words; question words and other function words are dropped
 *    ("miten", "voi", "ja") unless nothing else is left;
 *  - Pagefind needs every word on the page. When fewer than five pages hold them all (or none),
 *    each word is searched alone, and also as its base forms where the site's table of word
 *    forms knows them ("lasten" → "lapsi"; generator/search/query_forms.py), and the other pages
 *    follow, ranked by how many of the words they hold, then by score;
 *  - options.filters ({teema: ["osallisuus"], sektori: [...], ...}) keep pages that carry any of
 *    the listed values of each facet, and all facets at once.
 *
 * kbSearch resolves to ranked results [{url, title, kind, themes, excerpt}]; excerpt is HTML with
 * the matched words in <mark>. kbFacetCounts gives the finder its counts through the same path.
 */
(function () {
  "use strict";

  var ROOT = new URL("../../", document.currentScript.src);
  var DEFAULT_LIMIT = 10;
  var FALLBACK_BELOW = 5; // fewer pages than this hold every word: add the pages holding most
  var EXCERPT_WORDS = 26;
  var TERMS_MARK = "\u2042";
  var STOPWORDS = new Set((
    "ja tai sekä eli vai on ovat oli olla ei eikä en et emme ette eivät se ne sen niiden että " +
    "kun jos jotta joka jotka mikä mitkä mitä miten miksi kuinka kuka ketkä missä mistä mihin " +
    "milloin voi voiko voida voivat voin pitää pitäisi tulee saa saako kanssa myös niin kuin " +
    "mm esim jne tms mutta vaan sitten nyt vain hyvin paljon kaikki aina"
  ).split(/\s+/));

  var pagefind = null;

  function engine() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        return pf.options({
          baseUrl: ROOT.pathname,
          excerptLength: EXCERPT_WORDS,
          // Pagefind searches every metadata field. These repeat the page's own text or labels
          // and would count twice; "title" and "morfo" (base forms) keep their weights.
          ranking: { metaWeights: { kuvaus: 0, laji: 0, teemat: 0 } },
        }).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  /** The words of a query, lower-cased; function words go unless nothing else is left. */
  function queryWords(query) {
    var words = String(query || "").normalize("NFC").toLocaleLowerCase("fi")
      .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) || [];
    var content = words.filter(function (w) { return !STOPWORDS.has(w); });
    return content.length ? content : words;
  }

  /** {teema: ["a", "b"]} → Pagefind's {teema: {any: ["a", "b"]}}; empty lists are no filter. */
  function pagefindFilters(filters) {
    var out = {};
    Object.keys(filters || {}).forEach(function (key) {
      var values = [].concat(filters[key] || []).filter(Boolean);
      if (values.length) out[key] = { any: values };
    });
    return out;
  }

  function hasFilters(filters) {
    return Object.keys(pagefindFilters(filters)).length > 0;
  }

  /**
   * Ranked Pagefind results for the words under the filters: the pages that hold every word,
   * then, when they are fewer than FALLBACK_BELOW, the pages holding most of the words.
   * Resolves to {hits: [{result, matched}], merged: bool, response}.
   */
  function rankedHits(pf, words, filters, merge) {
    var pfFilters = pagefindFilters(filters);
    if (!words.length) {
      return pf.search(null, { filters: pfFilters, sort: { jarjestys: "asc" } }).then(function (response) {
        return { hits: response.results.map(function (r) { return { result: r, matched: 0 }; }), merged: false, response: response };
      });
    }
    return Promise.all([
      pf.search(words.join(" "), { filters: pfFilters }),
      Promise.all(words.map(baseForms)),
    ]).then(function (answers) {
      var response = answers[0];
      var alternatives = answers[1];
      var complete = response.results.map(function (r) { return { result: r, matched: words.length }; });
      var widen = words.length > 1 || alternatives[0].length > 0;
      if (complete.length >= FALLBACK_BELOW || !widen || merge === false) {
        return { hits: complete, merged: false, response: response };
      }
      // Each word alone, and as each of its base forms ("lasten" also as "lapsi").
      return Promise.all(words.map(function (word, i) {
        return Promise.all([word].concat(alternatives[i]).map(function (term) {
          return pf.search(term, { filters: pfFilters });
        }));
      })).then(function (perWord) {
        var seen = new Set(complete.map(function (h) { return h.result.id; }));
        var byId = new Map();
        perWord.forEach(function (responses) {
          var best = new Map();
          responses.forEach(function (res) {
            res.results.forEach(function (r) {
              if (seen.has(r.id)) return;
              var known = best.get(r.id);
              if (!known || r.score > known.score) best.set(r.id, r);
            });
          });
          best.forEach(function (r, id) {
            var hit = byId.get(id);
            if (!hit) { hit = { result: r, matched: 0, score: 0 }; byId.set(id, hit); }
            hit.matched += 1;
            hit.score += r.score;
          });
        });
        var partial = Array.from(byId.values()).sort(function (a, b) {
          return b.matched - a.matched || b.score - a.score;
        });
        return { hits: complete.concat(partial), merged: true, response: null };
      });
    });
  }

  /**
   * The base forms of a query word, from the table of the forms that occur on the site
   * (generator/search/query_forms.py): one small shard per word, chosen by a hash of the word.
   */
  var forms = null;

  function shardOf(word, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) {
      h = (h ^ word.charCodeAt(i)) >>> 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function fetchJson(path, fallback) {
    return fetch(new URL(path, ROOT)).then(function (r) {
      return r.ok ? r.json() : fallback;
    }, function () { return fallback; });
  }

  function baseForms(word) {
    if (word.indexOf("-") >= 0) return Promise.resolve([]);
    if (!forms) {
      forms = fetchJson("pagefind/kb/muodot.json", { shards: 0 }).then(function (manifest) {
        return { shards: manifest.shards || 0, parts: {} };
      });
    }
    return forms.then(function (table) {
      if (!table.shards) return [];
      var n = shardOf(word, table.shards);
      if (!table.parts[n]) table.parts[n] = fetchJson("pagefind/kb/muodot-" + n + ".json", {});
      return table.parts[n].then(function (part) {
        return Object.prototype.hasOwnProperty.call(part, word) ? part[word] : [];
      });
    });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /**
   * The page's own words, without the base forms the index added after the mark "⁂"
   * (generator/search/prepare.py): those are for finding a page, never for showing it.
   */
  function visibleWords(data) {
    var words = String(data.content || "").split(/[\r\n\s]+/);
    var end = words.indexOf(TERMS_MARK);
    return end < 0 ? words : words.slice(0, end);
  }

  /** A loose match, for highlighting when only an added base form matched: a shared beginning. */
  function looselyMatches(word, queryWord) {
    var w = word.toLocaleLowerCase("fi").replace(/[^\p{L}\p{N}-]/gu, "");
    var n = Math.max(4, queryWord.length - 2);
    return w.length >= n && w.indexOf(queryWord.slice(0, n)) >= 0;
  }

  /** HTML of the densest window of EXCERPT_WORDS words around the marked positions. */
  function excerptAround(words, marked) {
    var positions = Array.from(marked).sort(function (a, b) { return a - b; });
    var start = 0;
    if (positions.length && words.length > EXCERPT_WORDS) {
      var best = -1;
      positions.forEach(function (p) {
        var from = Math.max(0, Math.min(p - 6, words.length - EXCERPT_WORDS));
        var count = positions.filter(function (q) { return q >= from && q < from + EXCERPT_WORDS; }).length;
        if (count > best) { best = count; start = from; }
      });
    }
    var html = words.slice(start, start + EXCERPT_WORDS).map(function (word, i) {
      var text = escapeHtml(word);
      return marked.has(start + i) ? "<mark>" + text + "</mark>" : text;
    }).join(" ");
    return (start > 0 ? "… " : "") + html + (start + EXCERPT_WORDS < words.length ? " …" : "");
  }

  function excerptFor(data, queryWordList) {
    var words = visibleWords(data);
    var marked = new Set((data.locations || []).filter(function (l) { return l < words.length; }));
    if (!marked.size && queryWordList.length) {
      words.forEach(function (word, i) {
        if (queryWordList.some(function (q) { return looselyMatches(word, q); })) marked.add(i);
      });
    }
    if (!marked.size && data.meta && data.meta.kuvaus) {
      return escapeHtml(data.meta.kuvaus);
    }
    return excerptAround(words, marked);
  }

  function cleanTitle(title) {
    return String(title || "").replace(/\s*¶\s*$/, "").trim();
  }

  function themesOf(meta) {
    try {
      var themes = JSON.parse(meta.teemat || "[]");
      return Array.isArray(themes) ? themes : [];
    } catch (e) {
      return [];
    }
  }

  function toResult(data, words) {
    var meta = data.meta || {};
    return {
      url: data.url,
      title: cleanTitle(meta.title),
      kind: meta.laji || "Sivu",
      themes: themesOf(meta),
      excerpt: excerptFor(data, words),
      filters: data.filters || {},
    };
  }

  /**
   * Search the knowledge base. options: {filters: {facet: [values]}, limit: n (default 10;
   * Infinity for all), merge: false to switch off the per-word fallback (for measuring it)}.
   * An empty query with filters lists the pages carrying them.
   */
  function kbSearch(query, options) {
    options = options || {};
    var words = queryWords(query);
    var limit = options.limit === undefined ? DEFAULT_LIMIT : options.limit;
    if (!words.length && !hasFilters(options.filters)) return Promise.resolve([]);
    return engine().then(function (pf) {
      return rankedHits(pf, words, options.filters, options.merge);
    }).then(function (ranked) {
      return Promise.all(ranked.hits.slice(0, limit).map(function (hit) {
        return hit.result.data().then(function (data) { return toResult(data, words); });
      }));
    });
  }

  /**
   * How many pages each facet value would give, for the finder: for a facet, the count of a
   * value is the number of results with every other facet's selection applied and that value
   * (values within a facet combine with "or", facets with "and"). Resolves to
   * {total, counts: {facet: {value: n}}}.
   */
  function kbFacetCounts(query, options) {
    options = options || {};
    var filters = options.filters || {};
    var keys = options.facets || Object.keys(filters);
    var words = queryWords(query);
    return engine().then(function (pf) {
      // Pagefind counts a facet only once its filter index is loaded; load them all first.
      return pf.filters().then(function () { return pf; });
    }).then(function (pf) {
      function without(key) {
        var rest = {};
        Object.keys(filters).forEach(function (k) { if (k !== key) rest[k] = filters[k]; });
        return rest;
      }
      return rankedHits(pf, words, filters).then(function (main) {
        if (!main.merged) {
          // One Pagefind search per facet with a selection (its own selection left out);
          // facets without a selection read their counts from the main search.
          var counts = {};
          var pending = keys.map(function (key) {
            var selected = pagefindFilters(filters)[key];
            if (!selected) {
              counts[key] = (main.response.filters || {})[key] || {};
              return Promise.resolve();
            }
            return rankedHits(pf, words, without(key)).then(function (res) {
              counts[key] = (res.response.filters || {})[key] || {};
            });
          });
          return Promise.all(pending).then(function () {
            return { total: main.hits.length, counts: counts };
          });
        }
        // Merged (no page held every word): count from the pages themselves.
        return rankedHits(pf, words, {}).then(function (all) {
          return Promise.all(all.hits.map(function (h) { return h.result.data(); }));
        }).then(function (pages) {
          var active = pagefindFilters(filters);
          function passes(page, skip) {
            return Object.keys(active).every(function (key) {
              if (key === skip) return true;
              var values = (page.filters || {})[key] || [];
              return active[key].any.some(function (v) { return values.indexOf(v) >= 0; });
            });
          }
          var counts = {};
          keys.forEach(function (key) {
            counts[key] = {};
            pages.forEach(function (page) {
              if (!passes(page, key)) return;
              ((page.filters || {})[key] || []).forEach(function (v) {
                counts[key][v] = (counts[key][v] || 0) + 1;
              });
            });
          });
          return { total: pages.filter(function (p) { return passes(p, null); }).length, counts: counts };
        });
      });
    });
  }

  window.kbSearch = kbSearch;
  window.kbFacetCounts = kbFacetCounts;
  window.kbSearchRoot = ROOT.href;
})();
