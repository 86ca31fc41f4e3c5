// The objective–indicator table: filter by theme, sector and kind of indicator, sort by any
// column, and keep the state in the address (?teema=…&sektori=…&laji=…&jarjestys=…&suunta=laskeva)
// so that a filtered view can be shared as a link. Without this module the whole table is there.

import { compare, number, t } from "../kb-i18n/i18n.js";
import { onEveryPage, setUp } from "../kb-search/kb-start.js";

const SORT = "jarjestys";
const DIRECTION = "suunta";
const DESCENDING = "laskeva";
// On a card (narrow screens, kb-pages.css) an indicator longer than this shows its first lines
// and a button that shows the rest.
const LONG_INDICATOR = 160;

function cellValue(row, column) {
  const cell = row.cells[column];
  return cell.dataset.sortValue ?? cell.textContent.trim();
}

export function init(box) {
  const table = box.querySelector("table");
  const body = table.tBodies[0];
  const original = [...body.rows];
  const filters = box.querySelector(".kb-explorer-filters");
  const count = box.querySelector(".kb-explorer-count");
  const caption = box.querySelector("[data-kb-caption]");
  const title = caption ? caption.textContent.replace(/\s*\(.*\)\s*$/, "") : "";
  const selects = [...box.querySelectorAll("select[data-kb-filter]")];
  const headers = [...table.tHead.rows[0].cells];
  const state = new URLSearchParams(window.location.search);

  function save() {
    const url = new URL(window.location.href);
    for (const select of selects) {
      if (select.value) url.searchParams.set(select.dataset.kbParam, select.value);
      else url.searchParams.delete(select.dataset.kbParam);
    }
    const sorted = headers.find((th) => th.hasAttribute("aria-sort"));
    url.searchParams.delete(SORT);
    url.searchParams.delete(DIRECTION);
    if (sorted) {
      url.searchParams.set(SORT, sorted.dataset.kbSort);
      if (sorted.getAttribute("aria-sort") === "descending") url.searchParams.set(DIRECTION, DESCENDING);
    }
    window.history.replaceState(window.history.state, "", url);
  }

  function filter() {
    let shown = 0;
    for (const row of original) {
      const visible = selects.every((select) => {
        const have = (row.dataset[select.dataset.kbFilter] || "").split(" ");
        return !select.value || have.includes(select.value);
      });
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    const counts = { shown: number(shown), total: number(original.length) };
    count.textContent = t("table.count", counts);
    // The caption is what a screen reader announces with the table and what paper shows above
    // it (the filters are not printed): it says what is shown and how it was chosen.
    if (caption) {
      const chosen = selects
        .filter((select) => select.value)
        .map((select) => `${select.dataset.kbName}: ${select.selectedOptions[0].textContent.trim()}`);
      caption.textContent = chosen.length
        ? t("table.captionFiltered", { title, ...counts, chosen: chosen.join("; ") })
        : t("table.caption", { title, ...counts });
    }
  }

  for (const cell of box.querySelectorAll(".kb-table__indicator")) {
    const text = cell.querySelector(".kb-table__text");
    if (!text || text.textContent.length <= LONG_INDICATOR) continue;
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "kb-table__toggle";
    const show = (all) => {
      if (all) delete cell.dataset.collapsed;
      else cell.dataset.collapsed = "";
      toggle.setAttribute("aria-expanded", String(all));
      toggle.textContent = t(all ? "table.showLess" : "table.showIndicator");
    };
    toggle.addEventListener("click", () => show(cell.dataset.collapsed !== undefined));
    show(false);
    cell.appendChild(toggle);
  }

  function sort(th, ascending) {
    for (const other of headers) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const column = headers.indexOf(th);
    const rows = original.slice().sort((a, b) => {
      const order = compare(cellValue(a, column), cellValue(b, column));
      return ascending ? order : -order;
    });
    for (const row of rows) body.appendChild(row);
  }

  for (const select of selects) {
    const wanted = state.get(select.dataset.kbParam);
    if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
    select.addEventListener("change", () => {
      filter();
      save();
    });
  }

  for (const th of headers) {
    if (!th.dataset.kbSort) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "kb-sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    const icon = document.createElement("span");
    icon.className = "kb-sort-icon";
    icon.setAttribute("aria-hidden", "true"); // the state is in aria-sort, not in the name
    button.appendChild(icon);
    th.appendChild(button);
    button.addEventListener("click", () => {
      sort(th, th.getAttribute("aria-sort") !== "ascending");
      save();
    });
    if (state.get(SORT) === th.dataset.kbSort) sort(th, state.get(DIRECTION) !== DESCENDING);
  }

  filters.hidden = false;
  filter();
}

onEveryPage(() => setUp("[data-kb-explorer]", init));
