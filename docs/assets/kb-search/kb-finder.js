/*
 * The finder page ("Hae ja suodata", generated from templates/finder.md): facets as checkboxes,
 * a free-text box, counts per facet value and the results, all through window.kbSearch and
 * window.kbFacetCounts. Values within a facet combine with "or", facets with "and". The state
 * lives in the address (?q=…&teema=osallisuus&sektori=aikuiskoulutus) and is restored on load,
 * so a filtered view can be shared as a link.
 */
(function () {
  "use strict";

  var PAGE = 30;
  var DELAY_MS = 200;

  function init(form) {
    var main = form.closest("article") || document;
    var status = main.querySelector("[data-kb-finder-status]");
    var resultsList = main.querySelector("[data-kb-finder-results]");
    var nojs = main.querySelector("[data-kb-finder-nojs]");
    var query = form.querySelector("input[name=q]");
    var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (fieldset) {
      return {
        key: fieldset.dataset.facet,
        boxes: Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]")),
      };
    });
    var kindFacet = facets.filter(function (f) { return f.key === "laji"; })[0];
    var shown = PAGE;
    var asked = 0;
    var timer = null;
    if (nojs) nojs.hidden = true;

    function selected() {
      var state = {};
      facets.forEach(function (facet) {
        state[facet.key] = facet.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      });
      return state;
    }

    /** Filters for the engine: with no kind chosen, every kind (so that only entries are listed). */
    function engineFilters(state) {
      var filters = {};
      Object.keys(state).forEach(function (key) { filters[key] = state[key].slice(); });
      if (kindFacet && !filters.laji.length) {
        filters.laji = kindFacet.boxes.map(function (b) { return b.value; });
      }
      return filters;
    }

    var shownSearch = null;  // the query string of the filters now shown

    function writeAddress(state) {
      var params = new URLSearchParams();
      if (query.value.trim()) params.append("q", query.value.trim());
      facets.forEach(function (facet) {
        state[facet.key].forEach(function (value) { params.append(facet.key, value); });
      });
      var search = params.toString();
      shownSearch = search ? "?" + search : "";
      var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(null, "", url);
      }
    }

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      query.value = params.get("q") || "";
      facets.forEach(function (facet) {
        var values = params.getAll(facet.key);
        facet.boxes.forEach(function (box) { box.checked = values.indexOf(box.value) >= 0; });
      });
    }

    function showCounts(counts) {
      facets.forEach(function (facet) {
        var byValue = counts[facet.key] || {};
        facet.boxes.forEach(function (box) {
          var n = byValue[box.value] || 0;
          var label = box.closest("label");
          var count = label.querySelector("[data-count]");
          count.textContent = "(" + n + ")";
          label.dataset.count = String(n);
          label.classList.toggle("kb-finder__value--empty", n === 0);
        });
      });
    }

    function element(tag, className, text) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    }

    function showResults(results, total) {
      resultsList.textContent = "";
      results.forEach(function (result) {
        var item = element("li", "kb-finder__result");
        var heading = element("h2", "kb-finder__title");
        var link = element("a", null, result.title);
        link.href = result.url;
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = [result.kind].concat(result.themes.length ? [result.themes.join(", ")] : []);
        item.appendChild(element("p", "kb-finder__meta", meta.join(" · ")));
        var excerpt = element("p", "kb-finder__excerpt");
        excerpt.innerHTML = result.excerpt; // built by kbSearch: escaped text with <mark> only
        item.appendChild(excerpt);
        resultsList.appendChild(item);
      });
      var more = main.querySelector("[data-kb-finder-more]");
      if (more) more.remove();
      if (total > results.length) {
        more = element("button", "md-button kb-finder__more", "Näytä lisää (" + (total - results.length) + ")");
        more.type = "button";
        more.dataset.kbFinderMore = "";
        more.addEventListener("click", function () {
          shown += PAGE;
          update(false);
        });
        resultsList.after(more);
      }
    }

    function update(fromStart) {
      if (fromStart) shown = PAGE;
      var state = selected();
      writeAddress(state);
      var filters = engineFilters(state);
      var text = query.value;
      var ask = ++asked;
      form.setAttribute("aria-busy", "true");
      Promise.all([
        window.kbFacetCounts(text, { filters: filters, facets: facets.map(function (f) { return f.key; }) }),
        window.kbSearch(text, { filters: filters, limit: shown }),
      ]).then(function (answers) {
        if (ask !== asked) return;
        var counted = answers[0];
        showCounts(counted.counts);
        showResults(answers[1], counted.total);
        status.textContent = counted.total === 0
          ? "Ei tuloksia. Poista rajauksia tai kokeile toisia hakusanoja."
          : counted.total + (counted.total === 1 ? " tulos" : " tulosta");
        form.removeAttribute("aria-busy");
        form.dataset.state = "ready";
      }, function (error) {
        if (ask !== asked) return;
        status.textContent = "Haku ei onnistunut.";
        form.removeAttribute("aria-busy");
        console.error(error);
      });
    }

    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") update(true);
    });
    query.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(true); }, DELAY_MS);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      update(true);
    });
    form.addEventListener("reset", function () {
      // After the browser has cleared the fields.
      setTimeout(function () { update(true); }, 0);
    });
    window.addEventListener("popstate", function () {
      // Following an in-page link (the skip link, a heading's ¶) changes only the hash and fires
      // popstate too: the filters are the same, so keep the results (and the focus) as they are.
      if (window.location.search === shownSearch) return;
      readAddress();
      update(true);
    });

    readAddress();
    update(true);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-finder]"), init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
