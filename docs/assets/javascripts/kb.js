// Material's header opens the navigation drawer with a <label for="__drawer">: it cannot be
// focused, has no role and no name, so keyboard and screen reader users cannot use it. It becomes
// a real button that toggles the same checkbox (a label given role=button is an ARIA role on an
// incompatible element: axe and Lighthouse flag it). Without this script the label works as before.
// (The header's search is the site's own search box.)

import { t } from "../kb-i18n/i18n.js";
import { onEveryPage, setUp } from "../kb-search/kb-start.js";

const names = { __drawer: "header.menu" };

export function init(header) {
  for (const label of header.querySelectorAll("label.md-header__button[for]")) {
    const toggle = document.getElementById(label.htmlFor);
    if (!toggle || !(label.htmlFor in names)) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = `${label.className} kb-header-button`;
    button.dataset.kbToggles = label.htmlFor;
    button.setAttribute("aria-label", t(names[label.htmlFor]));
    button.append(...label.childNodes);
    const sync = () => button.setAttribute("aria-expanded", String(toggle.checked));
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", () => {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    });
    label.replaceWith(button);
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
