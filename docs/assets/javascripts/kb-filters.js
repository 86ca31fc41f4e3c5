// The finder's filters fold away behind their summary on a phone, so that the results come first;
// on a wide screen they start open. The summary counts the filters chosen ("2 valittu").
// The search itself is kb-finder.js; this module only opens, closes and counts.

import { t } from "../kb-i18n/i18n.js";
import { onEveryPage, setUp } from "../kb-search/kb-start.js";

const WIDE = window.matchMedia("(min-width: 60em)");

export function init(details) {
  const form = details.closest("form");
  const active = details.querySelector("[data-kb-active]");
  const count = () => {
    const chosen = details.querySelectorAll("input[type=checkbox]:checked").length;
    active.textContent = chosen ? t("filters.chosen", { n: chosen }) : "";
  };
  details.open = WIDE.matches;
  form.addEventListener("change", count);
  form.addEventListener("reset", () => setTimeout(count, 0));
  // kb-finder.js ticks the boxes from the address, then marks the form ready.
  new MutationObserver(count).observe(form, { attributes: true, attributeFilter: ["data-state"] });
  window.addEventListener("popstate", () => setTimeout(count, 0));
  count();
}

onEveryPage(() => setUp("details[data-kb-filters]", init));
