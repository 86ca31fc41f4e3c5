/* Links that last: copy-link and citation buttons on entry pages. Progressive enhancement:
 * without this script the citation is plain text to copy by hand. No other host is contacted. */
(function () {
  "use strict";

  function pageUrl() {
    // The address the page was opened at, never the canonical link: site_url may hold a
    // placeholder until the public address is known, and a copied citation must always work.
    var url = new URL(window.location.href);
    url.hash = "";
    url.search = "";
    url.pathname = url.pathname.replace(/index\.html$/, "");
    return url.href;
  }

  function today() {
    var d = new Date();
    return d.getDate() + "." + (d.getMonth() + 1) + "." + d.getFullYear();
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(area);
    return Promise.resolve(done);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text); }
      );
    }
    return copyWithSelection(text);
  }

  function announce(status, message) {
    // Emptied first, so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  var MESSAGES = { link: "Linkki kopioitu", citation: "Lähdeviite kopioitu" };

  function setUpCitation(box) {
    if (box.dataset.kbReady) return;
    box.dataset.kbReady = "1";
    var text = box.querySelector(".kb-cite-text");
    var link = box.querySelector(".kb-cite-url");
    var date = box.querySelector(".kb-cite-date");
    var actions = box.querySelector(".kb-cite-actions");
    var status = box.querySelector(".kb-copy-status");
    // A quote's link opens at the quotation itself (#lainaus).
    var anchor = box.getAttribute("data-kb-anchor");
    var address = function () { return pageUrl() + (anchor ? "#" + anchor : ""); };
    var refresh = function () {
      link.textContent = address();
      date.textContent = today();
    };
    refresh();
    actions.hidden = false;
    box.querySelectorAll("button[data-kb-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        refresh(); // the access date is the day the citation is copied
        var what = button.getAttribute("data-kb-copy");
        var value = what === "link" ? address() : text.textContent.replace(/\s+/g, " ").trim();
        copy(value).then(function (ok) {
          announce(status, ok ? MESSAGES[what] : "Kopiointi ei onnistunut – valitse teksti ja kopioi se itse.");
        });
      });
    });
  }

  function setUp() {
    document.querySelectorAll("[data-kb-cite]").forEach(setUpCitation);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // Material's instant navigation, when switched on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
