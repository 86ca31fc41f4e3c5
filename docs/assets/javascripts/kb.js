// Material's header opens the navigation drawer with a <label for="__drawer">: it cannot be
// focused, has no role and no name, so keyboard and screen reader users cannot use it. Make it a
// button; a click works as before. (The header's search is the site's own search box.)

import { onEveryPage, setUp } from "../kb-search/kb-start.js";

const names = { __drawer: "Valikko" };

export function init(header) {
  for (const label of header.querySelectorAll("label.md-header__button[for]")) {
    const toggle = document.getElementById(label.htmlFor);
    if (!toggle || !(label.htmlFor in names)) continue;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", names[label.htmlFor]);
    const sync = () => label.setAttribute("aria-expanded", String(toggle.checked));
    sync();
    toggle.addEventListener("change", sync);
    // Material itself clicks a focused label on Enter; a button also answers to Space.
    label.addEventListener("keydown", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }
}

// The navigation drawer's nested panels (menu groups, the page's contents) slide in from the
// right when focus enters them. Focusing a link of a panel still off to the right makes the
// browser scroll the drawer sideways to show it, so once the panel has slid in it sits a drawer's
// width off screen. The drawer only ever scrolls up and down.
function keepScrolledLeft(wrap) {
  wrap.addEventListener("scroll", () => {
    if (wrap.scrollLeft) wrap.scrollLeft = 0;
  });
}

onEveryPage(() => {
  setUp(".md-header", init);
  setUp(".md-sidebar__scrollwrap", keepScrolledLeft);
});
