/*
 * The search box in the header (overrides/partials/kb-search-box.html): results as you type,
 * through ask() (kb-search.js). ARIA combobox with a listbox popup (WAI-ARIA APG pattern): focus
 * stays in the input, aria-activedescendant names the highlighted option; ↓/↑ move, Enter opens
 * the highlighted option (or, with none, the finder page with the query), Escape closes the list
 * and a second Escape clears the query.
 *
 * The options are the first results, then the ways on: all results on the finder page, the
 * typed query searched as it is (when it was corrected or split), and, when nothing was found,
 * "Tarkoititko …?", the themes and the finder. The live region says the true count.
 *
 * Started by kb-search-header.js when the reader first turns to the box (focus, touch or a
 * keystroke): a page that is only read never loads this module or the search engine.
 */

import { t } from "../kb-i18n/i18n.js";
import { countText, element, finderUrl, renderResult, searchedText, statusText, ways } from "./kb-results.js";
import { ask, nearestTopics, suggest } from "./kb-search.js";

const SHOWN = 7;
const DELAY_MS = 120;

export const init = (root) => {
  const form = root.querySelector("form");
  const input = root.querySelector("input[role=combobox]");
  const list = root.querySelector("[role=listbox]");
  const status = root.querySelector("[data-kb-search-status]");
  let active = -1;
  let options = [];
  let timer = null;
  let asked = 0;
  let literal = false; // the typed words as they are, without corrections (one click away)

  const setActive = (index) => {
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const open = (isOpen) => {
    list.hidden = !isOpen;
    input.setAttribute("aria-expanded", isOpen ? "true" : "false");
    if (!isOpen) setActive(-1);
  };

  /** An option that is not a result: a link (href) or an action (run). */
  const way = (id, text, { href = null, run = null, note = null } = {}) => {
    const el = element("div", "kb-search__option kb-search__option--all");
    el.id = id;
    el.setAttribute("role", "option");
    el.setAttribute("aria-selected", "false");
    if (href) el.dataset.href = href;
    if (run) el.kbRun = run;
    if (note) el.append(element("span", "kb-search__note", note));
    el.append(element("span", "kb-search__title", text));
    return el;
  };

  const choose = (option) => {
    if (option.kbRun) option.kbRun();
    else window.location.href = option.dataset.href;
  };

  const render = async (found, query) => {
    const results = await found.results(0, SHOWN);
    const items = results.map((result, i) =>
      renderResult(result, { as: "option", id: `kb-search-result-${i}` }),
    );
    const said = searchedText(found);
    if (said) {
      items.unshift(
        way("kb-search-literal", t("search.literal", { query }), {
          note: said,
          run: () => {
            literal = true;
            search();
          },
        }),
      );
    }
    if (found.total) {
      items.push(
        way("kb-search-result-all", t("search.all", { count: countText(found.total) }), {
          href: finderUrl(query, literal),
        }),
      );
    } else {
      const better = literal ? null : await suggest(query);
      if (better) {
        items.push(
          way("kb-search-suggest", t("search.suggest", { query: better }), {
            run: () => {
              input.value = better;
              search();
            },
          }),
        );
      }
      const topics = await nearestTopics(query);
      if (topics.near) {
        topics.themes.forEach((topic, i) => {
          items.push(
            way(`kb-search-topic-${i}`, topic.title, { href: topic.href, note: t("search.nearest") }),
          );
        });
      }
      ways(query).forEach((w, i) => {
        items.push(way(`kb-search-way-${i}`, w.text, { href: w.href }));
      });
    }
    list.replaceChildren(...items);
    options = items;
    status.textContent = `${said ? `${said} ` : ""}${statusText(found, Math.min(found.total, SHOWN))}`;
    setActive(-1);
    open(true);
  };

  const search = async () => {
    const query = input.value.trim();
    const ask_ = ++asked;
    if (!query) {
      list.replaceChildren();
      options = [];
      status.textContent = "";
      open(false);
      return;
    }
    try {
      const found = await ask(query, { literal });
      if (ask_ === asked) await render(found, query);
    } catch (error) {
      if (ask_ === asked) status.textContent = t("search.failed");
      console.error(error);
    }
  };

  input.addEventListener("input", () => {
    literal = false;
    clearTimeout(timer);
    timer = setTimeout(search, DELAY_MS);
  });

  input.addEventListener("focus", () => {
    if (options.length && input.value.trim()) open(true);
  });

  input.addEventListener("keydown", (event) => {
    const isOpen = !list.hidden && options.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!isOpen) {
        if (options.length) open(true);
        else search();
        event.preventDefault();
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + options.length + (active < 0 && step < 0 ? 1 : 0)) % options.length);
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (isOpen && active >= 0) {
        event.preventDefault();
        choose(options[active]);
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

  form.addEventListener("submit", () => {
    if (literal)
      form.append(Object.assign(element("input"), { type: "hidden", name: "sellaisenaan", value: "1" }));
  });

  // A click on an option chooses it; mousedown must not take focus from the input first.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const target = event.target.closest("[role=option]");
    if (target) choose(target);
  });

  root.addEventListener("focusout", (event) => {
    if (!root.contains(event.relatedTarget)) open(false);
  });
};
