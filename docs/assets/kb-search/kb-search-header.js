/*
 * The header's search box on every page, started when the reader turns to it: the box's module
 * (kb-search-box.js) and the search engine it uses (kb-search.js, kb-query.js, the message
 * tables) are imported on the first focus, touch or keystroke in the box, not with the page, so
 * that a page that is only read loads none of them. What was typed before they arrived is
 * searched as soon as they are there. The finder page (haku/), which needs the engine at once,
 * starts the box at once too.
 *
 * For the tests and the console, window.kbSearch, window.kbAsk and window.kbNearestTopics work
 * on every page from the start: the first call imports the engine (which then puts its own
 * functions in their place), and window.kbSearchRoot is the site's root.
 */

import { onEveryPage, setUp } from "./kb-start.js";

let engine = null;
/** The search engine's module, imported once. */
const searchEngine = () => {
  engine ??= import("./kb-search.js");
  return engine;
};

const publish = () => {
  if (window.kbSearch) return;
  window.kbSearch = async (query, options) => (await searchEngine()).kbSearch(query, options);
  window.kbAsk = async (query, options) => (await searchEngine()).ask(query, options);
  window.kbNearestTopics = async (query, count) => (await searchEngine()).nearestTopics(query, count);
  window.kbSearchRoot = new URL("../../", import.meta.url).href;
};

export const init = (root) => {
  publish();
  const input = root.querySelector("input[role=combobox]");
  let started = null;
  const start = () => {
    started ??= import("./kb-search-box.js").then(({ init: box }) => {
      box(root);
      if (input.value.trim()) input.dispatchEvent(new Event("input"));
    });
    return started;
  };
  for (const type of ["focus", "pointerdown", "input"]) input.addEventListener(type, start, { once: true });
  if (document.querySelector("[data-kb-finder]") || document.activeElement === input || input.value) start();
};

onEveryPage(() => setUp("[data-kb-search]", init));
