/*
 * How search results and the words around them are shown, for the search box and the finder
 * alike: one result, the count, what was searched for, and the way forward when nothing is found.
 */

import { language, plural, t } from "../kb-i18n/i18n.js";
import { editionRoot } from "./kb-search.js";

const element = (tag, className, text) => {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
};

/** "1 tulos", "5 tulosta". */
export const countText = (n) => plural("results.count", n);

/**
 * One result: its title (a link, or plain text in the search box's option), its kind and themes
 * (and "osa hakusanoista" when it has only some of the words), and its excerpt.
 * ``as``: "item" (the finder: <li> with an <h2> link) or "option" (the search box: role=option).
 * A result from the Finnish index on a Swedish page says so, and its words are marked lang="fi".
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
  const foreign = result.lang && result.lang !== language();
  if (foreign) {
    root.dataset.lang = result.lang;
    root.querySelector(`.${prefix}__title`).lang = result.lang;
  }
  const meta = [result.kind, ...(result.themes.length ? [result.themes.join(", ")] : [])];
  if (foreign) meta.push(t("results.inFinnish"));
  root.append(element(option ? "span" : "p", `${prefix}__meta`, meta.join(" · ")));
  if (result.group === "some") {
    root.dataset.group = "some";
    root.append(element("span", "kb-result__partial", t("results.partial")));
  }
  const excerpt = element(option ? "span" : "p", `${prefix}__excerpt`);
  excerpt.innerHTML = result.excerpt; // built by kbSearch: escaped text with <mark> only
  if (foreign) excerpt.lang = result.lang;
  root.append(excerpt);
  return root;
};

/**
 * The count as the status line and the live region say it: the number of results (the number
 * the list holds once all are shown), split by group when both groups are there, and how many
 * are listed when not all are yet.
 */
export const statusText = (found, listed = found.total) => {
  if (!found.total) return t("results.none");
  let text = countText(found.total);
  if (found.someWords && found.allWords) {
    text += t("results.split", { all: found.allWords, some: found.someWords });
  } else if (found.someWords) {
    text += t("results.allPartial");
  }
  if (found.finnish) text += t("results.finnish", { n: found.finnish });
  if (listed < found.total) text += t("results.listed", { n: listed });
  return text;
};

/** "Näytetään tulokset haulle …", when the query was corrected or split. */
export const searchedText = (found) =>
  found.query.shown ? t("results.searched", { query: found.query.shown }) : "";

/** Where to go when nothing was found: links to the themes and the finder. */
export const ways = (query) => [
  { text: t("results.browseThemes"), href: new URL("teemat/", editionRoot()).href },
  { text: t("results.finder"), href: finderUrl(query) },
];

export const finderUrl = (query, literal = false) => {
  const url = new URL("haku/", editionRoot());
  if (query) url.searchParams.set("q", query);
  if (literal) url.searchParams.set("sellaisenaan", "1");
  return url.href;
};

export { element };
