/*
 * How search results and the words around them are shown, for the search box and the finder
 * alike: one result, the count, what was searched for, and the way forward when nothing is found.
 */

import { ROOT } from "./kb-search.js";

const element = (tag, className, text) => {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
};

/** "1 tulos", "5 tulosta". */
export const countText = (n) => `${n} ${n === 1 ? "tulos" : "tulosta"}`;

/**
 * One result: its title (a link, or plain text in the search box's option), its kind and themes
 * (and "osa hakusanoista" when it has only some of the words), and its excerpt.
 * ``as``: "item" (the finder: <li> with an <h2> link) or "option" (the search box: role=option).
 */
export const renderResult = (result, { as = "item", id = null } = {}) => {
  const option = as === "option";
  const root = element(option ? "div" : "li", option ? "kb-search__option" : "kb-finder__result");
  const prefix = option ? "kb-search" : "kb-finder";
  if (option) {
    root.id = id;
    root.setAttribute("role", "option");
    root.setAttribute("aria-selected", "false");
    root.dataset.href = result.url;
    root.append(element("span", `${prefix}__title`, result.title));
  } else {
    const heading = element("h2", `${prefix}__title`);
    const link = element("a", null, result.title);
    link.href = result.url;
    heading.append(link);
    root.append(heading);
  }
  const meta = [result.kind, ...(result.themes.length ? [result.themes.join(", ")] : [])];
  root.append(element(option ? "span" : "p", `${prefix}__meta`, meta.join(" · ")));
  if (result.group === "some") {
    root.dataset.group = "some";
    root.append(element("span", "kb-result__partial", "Osa hakusanoista"));
  }
  const excerpt = element(option ? "span" : "p", `${prefix}__excerpt`);
  excerpt.innerHTML = result.excerpt; // built by kbSearch: escaped text with <mark> only
  root.append(excerpt);
  return root;
};

/**
 * The count as the status line and the live region say it: the number of results (the number
 * the list holds once all are shown), split by group when both groups are there, and how many
 * are listed when not all are yet.
 */
export const statusText = (found, listed = found.total) => {
  if (!found.total) return "Ei tuloksia";
  let text = countText(found.total);
  if (found.someWords && found.allWords) {
    text += `: ${found.allWords} sisältää kaikki hakusanat, ${found.someWords} osan niistä`;
  } else if (found.someWords) {
    text += ", jokainen sisältää osan hakusanoista";
  }
  if (listed < found.total) text += `; näytetään ${listed} ensimmäistä`;
  return text;
};

/** "Näytetään tulokset haulle …", when the query was corrected or split. */
export const searchedText = (found) =>
  found.query.shown ? `Näytetään tulokset haulle ${found.query.shown}.` : "";

/** Where to go when nothing was found: links to the themes and the finder. */
export const ways = (query) => [
  { text: "Selaa teemoja", href: new URL("teemat/", ROOT).href },
  { text: "Hae ja suodata lajin, sektorin ja teeman mukaan", href: finderUrl(query) },
];

export const finderUrl = (query, literal = false) => {
  const url = new URL("haku/", ROOT);
  if (query) url.searchParams.set("q", query);
  if (literal) url.searchParams.set("sellaisenaan", "1");
  return url.href;
};

export { element };
