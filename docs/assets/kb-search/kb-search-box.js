/*
 * The search box in the header (overrides/partials/kb-search-box.html): results as you type,
 * through window.kbSearch. ARIA combobox with a listbox popup (WAI-ARIA APG pattern): focus
 * stays in the input, aria-activedescendant names the highlighted result; ↓/↑ move, Enter opens
 * the highlighted result (or, with none, the finder page with the query), Escape closes the list
 * and a second Escape clears the query.
 */
(function () {
  "use strict";

  var SHOWN = 7;
  var DELAY_MS = 120;

  function init(root) {
    var form = root.querySelector("form");
    var input = root.querySelector("input[role=combobox]");
    var list = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-kb-search-status]");
    var active = -1;
    var options = [];
    var timer = null;
    var asked = 0;

    function open(isOpen) {
      list.hidden = !isOpen;
      input.setAttribute("aria-expanded", isOpen ? "true" : "false");
      if (!isOpen) setActive(-1);
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function finderUrl() {
      return form.action + "?q=" + encodeURIComponent(input.value.trim());
    }

    function option(id, href) {
      var el = document.createElement("div");
      el.id = id;
      el.className = "kb-search__option";
      el.setAttribute("role", "option");
      el.setAttribute("aria-selected", "false");
      el.dataset.href = href;
      return el;
    }

    function span(className, text) {
      var el = document.createElement("span");
      el.className = className;
      el.textContent = text;
      return el;
    }

    function render(results) {
      list.textContent = "";
      options = results.slice(0, SHOWN).map(function (result, i) {
        var el = option("kb-search-result-" + i, result.url);
        el.appendChild(span("kb-search__title", result.title));
        var meta = [result.kind].concat(result.themes.length ? [result.themes.join(", ")] : []);
        el.appendChild(span("kb-search__meta", meta.join(" · ")));
        var excerpt = span("kb-search__excerpt", "");
        excerpt.innerHTML = result.excerpt; // built by kbSearch: escaped text with <mark> only
        el.appendChild(excerpt);
        return el;
      });
      var more = option("kb-search-result-all", finderUrl());
      more.classList.add("kb-search__option--all");
      more.appendChild(span("kb-search__title", results.length
        ? "Kaikki tulokset ja suodattimet"
        : "Ei osumia – kokeile toisia sanoja tai suodattimia"));
      options.push(more);
      options.forEach(function (el) { list.appendChild(el); });
      status.textContent = results.length
        ? (results.length > SHOWN ? "Yli " + SHOWN + " tulosta" : results.length + (results.length === 1 ? " tulos" : " tulosta"))
        : "Ei tuloksia";
      setActive(-1);
      open(true);
    }

    function search() {
      var query = input.value.trim();
      var ask = ++asked;
      if (!query) {
        list.textContent = "";
        options = [];
        status.textContent = "";
        open(false);
        return;
      }
      window.kbSearch(query, { limit: SHOWN + 1 }).then(function (results) {
        if (ask === asked) render(results);
      }, function (error) {
        if (ask === asked) status.textContent = "Haku ei onnistunut";
        console.error(error);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, DELAY_MS);
    });

    input.addEventListener("focus", function () {
      if (options.length && input.value.trim()) open(true);
    });

    input.addEventListener("keydown", function (event) {
      var isOpen = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!isOpen) {
          if (options.length) open(true);
          else search();
          event.preventDefault();
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        setActive((active + step + options.length + (active < 0 && step < 0 ? 1 : 0)) % options.length);
        event.preventDefault();
      } else if (event.key === "Enter") {
        if (isOpen && active >= 0) {
          event.preventDefault();
          window.location.href = options[active].dataset.href;
        }
        // Otherwise the form submits: the finder page with the query.
      } else if (event.key === "Escape") {
        if (isOpen) {
          open(false);
        } else if (input.value) {
          input.value = "";
          search();
        }
        event.preventDefault();
        event.stopPropagation();
      }
    });

    // A click on a result opens it; mousedown must not take focus from the input first.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var target = event.target.closest("[role=option]");
      if (target) window.location.href = target.dataset.href;
    });

    root.addEventListener("focusout", function (event) {
      if (!root.contains(event.relatedTarget)) open(false);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-search]"), init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
