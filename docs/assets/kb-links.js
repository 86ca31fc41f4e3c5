/* Links that last: copy-link and citation buttons on entry pages, and the sortable, filterable
 * objective–indicator table. Progressive enhancement: without this script the citation is plain
 * text to copy by hand and the table shows every row. No other host is contacted. */
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
    var refresh = function () {
      link.textContent = pageUrl();
      date.textContent = today();
    };
    refresh();
    actions.hidden = false;
    box.querySelectorAll("button[data-kb-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        refresh(); // the access date is the day the citation is copied
        var what = button.getAttribute("data-kb-copy");
        var value = what === "link" ? pageUrl() : text.textContent.replace(/\s+/g, " ").trim();
        copy(value).then(function (ok) {
          announce(status, ok ? MESSAGES[what] : "Kopiointi ei onnistunut – valitse teksti ja kopioi se itse.");
        });
      });
    });
  }

  function setUpExplorer(box) {
    if (box.dataset.kbReady) return;
    box.dataset.kbReady = "1";
    var table = box.querySelector("table");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filters = box.querySelector(".kb-explorer-filters");
    var count = box.querySelector(".kb-explorer-count");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-kb-filter]"));

    function applyFilters() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          var wanted = select.value;
          var have = (row.getAttribute("data-" + select.getAttribute("data-kb-filter")) || "").split(" ");
          return !wanted || have.indexOf(wanted) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = "Näytetään " + shown + " / " + rows.length + " esimerkkiä.";
    }

    selects.forEach(function (select) { select.addEventListener("change", applyFilters); });
    filters.hidden = false;
    applyFilters();

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      if (!th.hasAttribute("data-kb-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "kb-sort-icon";
      icon.setAttribute("aria-hidden", "true"); // the state is in aria-sort, not in the name
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = rows.slice().sort(function (a, b) {
          var x = a.cells[column].textContent.trim();
          var y = b.cells[column].textContent.trim();
          var order = x.localeCompare(y, "fi", { numeric: true, sensitivity: "base" });
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
        rows = sorted;
      });
    });
  }

  function setUp() {
    document.querySelectorAll("[data-kb-cite]").forEach(setUpCitation);
    document.querySelectorAll("[data-kb-explorer]").forEach(setUpExplorer);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // Material's instant navigation, when switched on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
