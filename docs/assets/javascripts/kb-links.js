// Links that last: copy-link and citation buttons on entry pages. Progressive enhancement:
// without this module the citation is plain text to copy by hand. No other host is contacted.

import { date, t } from "../kb-i18n/i18n.js";
import { onEveryPage, setUp } from "../kb-search/kb-start.js";

const MESSAGES = { link: "copy.link", citation: "copy.citation" };

// The address the page was opened at, never the canonical link: a copied citation must work
// wherever the site is served (a preview, a mirror) even before the public address is known.
const pageUrl = () => {
  const url = new URL(window.location.href);
  url.hash = "";
  url.search = "";
  url.pathname = url.pathname.replace(/index\.html$/, "");
  return url.href;
};

// Without the clipboard API (a page opened over plain http): copy from a hidden selection.
const copyWithSelection = (text) => {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  return done;
};

const copy = async (text) => {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // refused (no permission, no focus): fall back to a selection
    }
  }
  return copyWithSelection(text);
};

// Emptied first, so that the same message twice is announced twice.
const announce = (status, message) => {
  status.textContent = "";
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
};

export function init(box) {
  const text = box.querySelector(".kb-cite-text");
  const link = box.querySelector(".kb-cite-url");
  const dateText = box.querySelector(".kb-cite-date");
  const status = box.querySelector(".kb-copy-status");
  // A quote's link opens at the quotation itself (#lainaus).
  const anchor = box.dataset.kbAnchor;
  const address = () => pageUrl() + (anchor ? `#${anchor}` : "");
  const refresh = () => {
    link.textContent = address();
    dateText.textContent = date();
  };
  refresh();
  box.querySelector(".kb-cite-actions").hidden = false;
  for (const button of box.querySelectorAll("button[data-kb-copy]")) {
    button.addEventListener("click", async () => {
      refresh(); // the access date is the day the citation is copied
      const what = button.dataset.kbCopy;
      const value = what === "link" ? address() : text.textContent.replace(/\s+/g, " ").trim();
      announce(status, t((await copy(value)) ? MESSAGES[what] : "copy.failed"));
    });
  }
}

onEveryPage(() => setUp("[data-kb-cite]", init));
