/*
 * "Oma suunnitelma": the applicant drafts the objectives and indicators of their own plan, in
 * this browser only. The examples and the words come from the build (data/suunnitelma.json);
 * the draft lives in localStorage, is saved as it is typed, and leaves the browser only as files
 * the reader downloads. Every text is put on the page as text (textContent), never as HTML.
 *
 * Loaded only by the page suunnitelma/ (templates/plan.md). Without JavaScript the page says
 * that the tool needs it.
 */
import { date, language, plural, t } from "../kb-i18n/i18n.js";
import { onEveryPage, setUp } from "../kb-search/kb-start.js";
import * as fmt from "./plan-format.js";

const STORAGE_KEY = "kb-oma-suunnitelma";
/** Where a stored draft this page cannot read is put aside, so that the next save keeps it. */
const UNREAD_KEY = "kb-oma-suunnitelma-lukematon";
const SAVE_DELAY_MS = 400;
const ADD_PARAMETER = "lisaa";
// What a collapsed objective still shows: its heading ("t1-h") and its own buttons ("t1-up").
const COLLAPSED_PARTS = ["h", "open", "up", "down", "duplicate", "remove"];
const ROOM_SHOWN = 2000;
const ROOM_SHOWN_DRAFT = 0.9;

// --- small DOM helpers: strings always become text nodes ---------------------------------------

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "text") element.textContent = value;
    else if (name === "value") element.value = value;
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

function hidden(text) {
  return h("span", { class: "kb-plan-vh" }, text);
}

function button(action, label, attributes = {}) {
  return h(
    "button",
    { type: "button", class: "md-button kb-plan-button", dataset: { action }, ...attributes },
    label,
  );
}

/** The attributes of an element holding the report's words (an example's text, a citation): they
 * are Finnish, and on a page in another language they say so (screen readers switch voice). */
function reportText(attributes = {}) {
  return language() === "fi" ? attributes : { ...attributes, lang: "fi" };
}

function today() {
  return date();
}

/** "2 tavoitetta ja 3 mittaria": how much a draft holds. */
function holding(objectives, indicators) {
  return t("plan.holding", {
    objectives: plural("plan.objectives", objectives),
    indicators: plural("plan.indicators", indicators),
  });
}

/** A measure type as a choice says it: "Määrällinen". */
function measureTypeName(type) {
  const label = fmt.measureTypeLabel(type);
  return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

// --- the editor ---------------------------------------------------------------------------------

class Plan {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.siteRoot = new URL(root.dataset.siteRoot || "../", window.location.href);
    this.examples = new Map(data.examples.map((e) => [e.id, e]));
    this.keys = new WeakMap();
    this.nextKey = 1;
    this.undo = null;
    this.timer = null;
    this.draft = { objectives: [] };
    this.build();
    this.load();
    this.addFromAddress();
    this.render();
    root.addEventListener("input", (event) => this.edited(event));
    root.addEventListener("change", (event) => this.edited(event));
    root.addEventListener("click", (event) => this.clicked(event));
    root.addEventListener("toggle", (event) => this.toggled(event), true);
    root.addEventListener("focusin", (event) => {
      const found = event.target instanceof HTMLTextAreaElement && this.fieldOf(event.target);
      if (found) this.fitField(event.target, found.item, found.field);
    });
    window.addEventListener("pagehide", () => this.saveNow());
    window.addEventListener("storage", (event) => this.changedElsewhere(event));
    window.addEventListener("beforeprint", () => this.renderPrint());
    root.dataset.state = "ready";
  }

  key(item, prefix) {
    if (!this.keys.has(item)) this.keys.set(item, `${prefix}${this.nextKey++}`);
    return this.keys.get(item);
  }

  exampleUrl(example) {
    return new URL(example.url, this.siteRoot).href;
  }

  /** The pages of the examples the draft started from, each once. */
  exampleUrls() {
    const ids = this.draft.objectives.flatMap((o) => [o, ...o.indicators]).map((item) => item.example?.id);
    return [...new Set(ids)]
      .filter((id) => this.examples.has(id))
      .map((id) => this.exampleUrl(this.examples.get(id)));
  }

  citationOf(example) {
    return `${example.citation} ${new URL(example.citationUrl, this.siteRoot).href}. ${t("plan.cited", { date: today() })}`;
  }

  // --- storage ---------------------------------------------------------------------------------

  load() {
    let stored = null;
    try {
      stored = window.localStorage.getItem(STORAGE_KEY);
    } catch (_error) {
      this.setSaved("error", t("plan.noStorage"));
      return;
    }
    if (stored === null) return;
    try {
      this.draft = fmt.parseDraft(stored, this.data);
      this.hadDraft = this.draft.objectives.length > 0;
      this.setSaved("saved", t("plan.saved"));
    } catch (error) {
      // For example a draft of an earlier version of the site, whose words have changed since.
      // It is put aside before anything is saved over it, and can be downloaded as it is.
      this.unread = stored;
      try {
        window.localStorage.setItem(UNREAD_KEY, stored);
      } catch (_full) {
        this.holdStorage = true; // the only copy: nothing is saved over it before it is downloaded
      }
      const reason = error instanceof fmt.PlanError ? `${error.message} ` : "";
      this.error.replaceChildren(
        h("p", {}, t("plan.unreadable", { reason })),
        h("p", {}, button("download-unread", t("plan.downloadUnread"))),
      );
    }
  }

  /** The draft was saved in another tab of this browser: show that one, never overwrite it. */
  changedElsewhere(event) {
    if (event.key !== STORAGE_KEY) return;
    window.clearTimeout(this.timer);
    this.timer = null;
    try {
      this.draft = event.newValue === null ? { objectives: [] } : fmt.parseDraft(event.newValue, this.data);
    } catch (_error) {
      return;
    }
    this.render();
    this.setSaved(
      event.newValue === null ? "empty" : "saved",
      t(event.newValue === null ? "plan.deletedHere" : "plan.saved"),
    );
    this.announce(t("plan.changedElsewhere"));
  }

  changed() {
    this.setSaved("pending", t("plan.saving"));
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  /**
   * "Tallennettu" only for what the loader reads back: the text to store is first read as the
   * page reads it after a reload (the same limits, the same checks). Whatever fails, the page
   * says plainly that nothing was saved, and the draft stays on the page as it is.
   */
  saveNow() {
    if (this.timer === null) return;
    window.clearTimeout(this.timer);
    this.timer = null;
    const kept = t("plan.kept");
    if (this.holdStorage) {
      this.setSaved("error", `${t("plan.holdUnread", { button: t("plan.downloadUnread") })} ${kept}`);
      return;
    }
    try {
      const text = fmt.toJSON(this.draft, new Date().toISOString());
      fmt.parseDraft(text, this.data);
      window.localStorage.setItem(STORAGE_KEY, text);
      this.setSaved("saved", t("plan.saved"));
      this.saved.dispatchEvent(new Event("kb-plan-saved"));
    } catch (error) {
      const reason =
        error instanceof fmt.PlanError
          ? error.message
          : error && error.name === "QuotaExceededError"
            ? t("plan.storageFull")
            : t("plan.storageRefused");
      this.setSaved("error", `${t("plan.notSaved")} ${reason} ${kept}`);
    }
    this.renderPrint();
  }

  setSaved(state, text) {
    this.saved.dataset.state = state;
    this.saved.textContent = text;
  }

  // --- the page's fixed parts ------------------------------------------------------------------

  build() {
    const select = h(
      "select",
      { id: "kb-plan-example", "aria-describedby": "kb-plan-example-hint" },
      h("option", { value: "" }, t("plan.chooseExample")),
      this.data.examples.map((e) =>
        h(
          "option",
          reportText({ value: e.id }),
          e.objective.length > 90 ? e.objective.slice(0, 88) + "…" : e.objective,
        ),
      ),
    );
    this.exampleSelect = select;
    this.saved = h("p", { class: "kb-plan-saved", "data-kb-plan-saved": true });
    this.room = h("p", { class: "kb-plan-room", "data-kb-plan-room": "draft" });
    this.notice = h("p", { class: "kb-plan-notice", role: "status" });
    this.undoButton = button("undo", t("plan.undo"), { hidden: true, id: "kb-plan-undo" });
    this.error = h("div", { class: "kb-plan-error", role: "alert", "data-kb-plan-error": true });
    this.summary = h("div", { class: "kb-plan-summary", "data-kb-plan-summary": true });
    this.list = h("div", { class: "kb-plan-objectives", "data-kb-plan-objectives": true });
    this.printView = h("div", { class: "kb-plan-print", "data-kb-plan-print": true });
    this.importInput = h("input", {
      type: "file",
      id: "kb-plan-import",
      accept: ".json,application/json",
      "aria-describedby": "kb-plan-import-hint",
    });
    this.importInput.addEventListener("change", () => this.importFile());

    const editor = h(
      "div",
      { class: "kb-plan-editor" },
      h(
        "section",
        { class: "kb-plan-start", "aria-labelledby": "kb-plan-start-h" },
        h("h2", { id: "kb-plan-start-h" }, t("plan.start")),
        h(
          "div",
          { class: "kb-plan-field" },
          h("label", { for: "kb-plan-example" }, t("plan.example")),
          h("p", { class: "kb-plan-hint", id: "kb-plan-example-hint" }, t("plan.exampleHint")),
          h("div", { class: "kb-plan-inline" }, select, button("add-example", t("plan.addExample"))),
        ),
        h("p", {}, button("add-objective", t("plan.addObjective"))),
        h(
          "p",
          { class: "kb-plan-hint", "data-kb-plan-limits": true },
          t("plan.limits", {
            objectives: fmt.number(fmt.LIMITS.objectives),
            indicators: fmt.number(fmt.LIMITS.indicators),
            characters: fmt.number(fmt.LIMITS.characters),
            text: fmt.number(fmt.LIMITS.text),
          }),
        ),
      ),
      h(
        "section",
        { class: "kb-plan-overview", "aria-labelledby": "kb-plan-overview-h" },
        h("h2", { id: "kb-plan-overview-h" }, t("plan.overview")),
        h("p", { class: "kb-plan-hint" }, t("plan.overviewHint")),
        this.summary,
      ),
      this.list,
      h(
        "section",
        { class: "kb-plan-files", "aria-labelledby": "kb-plan-files-h" },
        h("h2", { id: "kb-plan-files-h" }, t("plan.files")),
        h("p", { class: "kb-plan-hint" }, t("plan.filesHint")),
        h(
          "p",
          { class: "kb-plan-inline" },
          button("export-md", t("plan.download", { format: "Markdown" })),
          button("export-csv", t("plan.download", { format: "CSV" })),
          button("export-json", t("plan.download", { format: "JSON" })),
          button("print", t("plan.print")),
        ),
        h(
          "div",
          { class: "kb-plan-field" },
          h("label", { for: "kb-plan-import" }, t("plan.import")),
          h("p", { class: "kb-plan-hint", id: "kb-plan-import-hint" }, t("plan.importHint")),
          this.importInput,
        ),
        this.error,
        h("h3", {}, t("plan.delete")),
        h("p", {}, t("plan.deleteHint")),
        h("p", {}, button("delete-all", t("plan.delete"))),
      ),
    );
    const bar = h(
      "div",
      { class: "kb-plan-bar", "aria-label": t("plan.bar"), role: "region" },
      this.saved,
      this.room,
      this.notice,
      this.undoButton,
    );
    this.root.replaceChildren(editor, bar, this.printView);
    this.setSaved("empty", t("plan.empty"));
  }

  // --- drawing the draft -----------------------------------------------------------------------

  render(focusId) {
    this.chooseOpen(focusId);
    this.list.replaceChildren(...this.draft.objectives.map((o, i) => this.objectiveView(o, i)));
    this.renderStatus();
    this.renderRoom();
    this.renderPrint();
    if (focusId) {
      const target = document.getElementById(focusId);
      if (target) target.focus();
    }
  }

  field(key, name, label, value, options = {}) {
    const id = `${key}-${name}`;
    const hint = options.hint ? h("p", { class: "kb-plan-hint", id: `${id}-hint` }, options.hint) : null;
    const described = [hint ? `${id}-hint` : null, `${id}-room`].filter(Boolean).join(" ");
    return h(
      "div",
      { class: "kb-plan-field" },
      h("label", { for: id }, label),
      hint,
      h("textarea", {
        id,
        rows: String(options.rows || 3),
        maxlength: String(fmt.LIMITS.text),
        dataset: { field: name },
        "aria-describedby": described,
        value,
      }),
      h("p", { class: "kb-plan-room", id: `${id}-room`, "data-kb-plan-room": "field" }),
      options.examples ? this.examplesPanel(options.examples) : null,
    );
  }

  // --- how much the draft holds (fmt.LIMITS) ------------------------------------------------------

  /** Characters the draft has room for in `item[field]`: all but what the rest of it holds. */
  roomFor(item, field) {
    const own = typeof item[field] === "string" ? item[field].length : 0;
    return fmt.LIMITS.characters - (fmt.measure(this.draft).characters - own);
  }

  /**
   * A field's room: the browser stops typing and pasting there (maxlength), and from
   * ROOM_SHOWN characters before it the field says how much is left. A value longer than its
   * room (set by a script, not typed) is cut to it: every edit goes through here.
   */
  fitField(textarea, item, field) {
    const room = Math.max(0, Math.min(fmt.LIMITS.text, this.roomFor(item, field)));
    const own = textarea.value.length;
    textarea.maxLength = room;
    let cut = false;
    if (own > room) {
      let end = room;
      const code = textarea.value.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end--; // never half of a character
      textarea.value = textarea.value.slice(0, end);
      cut = true;
    }
    const counter = document.getElementById(`${textarea.id}-room`);
    if (!counter) return cut;
    const free = room - textarea.value.length;
    const whole = room === fmt.LIMITS.text;
    if (free > ROOM_SHOWN) {
      counter.textContent = "";
    } else if (free > 0) {
      counter.textContent = t(whole ? "plan.room.field" : "plan.room.draft", {
        free: fmt.number(free),
        n: fmt.number(whole ? fmt.LIMITS.text : fmt.LIMITS.characters),
      });
    } else {
      counter.textContent = t(whole ? "plan.full.field" : "plan.full.draft", {
        n: fmt.number(whole ? fmt.LIMITS.text : fmt.LIMITS.characters),
      });
    }
    counter.dataset.state = free > 0 ? "near" : "full";
    return cut;
  }

  /** The whole draft's room, in the bar, from ROOM_SHOWN_DRAFT of it on. */
  renderRoom() {
    const size = fmt.measure(this.draft);
    const limits = fmt.LIMITS;
    const near = [];
    if (size.characters >= limits.characters * ROOM_SHOWN_DRAFT)
      near.push(
        t("plan.near.characters", { n: fmt.number(size.characters), of: fmt.number(limits.characters) }),
      );
    if (size.objectives >= limits.objectives * ROOM_SHOWN_DRAFT)
      near.push(
        t("plan.near.objectives", { n: fmt.number(size.objectives), of: fmt.number(limits.objectives) }),
      );
    if (size.indicators >= limits.indicators * ROOM_SHOWN_DRAFT)
      near.push(
        t("plan.near.indicators", { n: fmt.number(size.indicators), of: fmt.number(limits.indicators) }),
      );
    this.room.textContent = near.length ? t("plan.near", { list: near.join(", ") }) : "";
  }

  /** Whether `item` (an objective or indicator) still fits in the draft; if not, says why
   * (`notAdded`: the sentence that says what was not added). */
  fits(item, notAdded) {
    const over = fmt.overLimit(fmt.plus(fmt.measure(this.draft), fmt.measure(item)));
    if (!over) return true;
    this.announce(`${notAdded} ${over}`);
    return false;
  }

  examplesPanel(kind) {
    return h(
      "details",
      { class: "kb-plan-examples", dataset: { examples: kind } },
      h("summary", {}, t("plan.examplesAnswered")),
      h("div", { class: "kb-plan-examples-body" }),
    );
  }

  /** Where an item came from (`kind`: "objective" or "indicator"). */
  origin(item, kind) {
    const example = item.example;
    if (!example) return null;
    const known = this.examples.get(example.id);
    const link = known
      ? h("a", reportText({ href: this.exampleUrl(known) }), known.objective)
      : document.createTextNode(`(${example.id})`);
    return h(
      "div",
      { class: "kb-plan-origin" },
      h("p", {}, `${t(`plan.origin.${kind}`)} `, link),
      h("p", { class: "kb-plan-citation" }, t("plan.source", { citation: example.citation })),
      h(
        "details",
        {},
        h("summary", {}, t(`plan.original.${kind}`)),
        h("blockquote", reportText(), ...example.text.split(/\n\s*\n/).map((p) => h("p", {}, p))),
      ),
    );
  }

  objectiveView(objective, i) {
    const key = this.key(objective, "t");
    const n = i + 1;
    const missing = fmt.missingOfObjective(objective);
    const priorities = h(
      "fieldset",
      { class: "kb-plan-choices", dataset: { field: "priorities" } },
      h("legend", {}, fmt.QUESTIONS.priorities),
      this.data.priorities.map((p) =>
        this.checkbox(key, "priorities", p, objective.priorities.includes(p.id)),
      ),
      this.examplesPanel("priorities"),
    );
    const groups = new Map();
    for (const s of this.data.qualityStandards) {
      const group = s.group || "";
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(s);
    }
    const standards = h(
      "fieldset",
      { class: "kb-plan-choices", dataset: { field: "qualityStandards" } },
      h("legend", {}, fmt.QUESTIONS.qualityStandards),
      [...groups].map(([group, terms]) =>
        h(
          "div",
          { class: "kb-plan-group" },
          group ? h("p", { class: "kb-plan-group-name" }, group) : null,
          terms.map((s) =>
            this.checkbox(key, "qualityStandards", s, objective.qualityStandards.includes(s.id)),
          ),
        ),
      ),
      this.examplesPanel("qualityStandards"),
    );
    const open = key === this.openKey;
    return h(
      "section",
      {
        class: "kb-plan-objective",
        id: key,
        dataset: open ? { key } : { key, collapsed: "" },
        "aria-labelledby": `${key}-h`,
      },
      h(
        "h2",
        { id: `${key}-h`, tabindex: "-1" },
        `${t("plan.objectiveN", { n })} `,
        h("span", { class: "kb-plan-tag", dataset: { status: key } }, fmt.objectiveStatus(objective)),
      ),
      this.brief(objective, key, n),
      this.origin(objective, "objective"),
      this.field(key, "text", t("plan.objectiveText"), objective.text, {
        hint: objective.example ? t("plan.objectiveTextHint") : null,
        examples: "objective",
      }),
      priorities,
      h(
        "details",
        { class: "kb-plan-standards", open: objective.qualityStandards.length > 0 },
        h(
          "summary",
          {},
          `${fmt.LABELS.qualityStandards} `,
          h(
            "span",
            { dataset: { count: key } },
            t("filters.chosen", { n: objective.qualityStandards.length }),
          ),
        ),
        standards,
      ),
      h("p", { class: "kb-plan-hint" }, t("plan.smartHint")),
      this.field(key, "concrete", fmt.QUESTIONS.concrete, objective.concrete, {
        rows: 2,
        examples: "objective-unmarked",
      }),
      this.field(key, "realistic", fmt.QUESTIONS.realistic, objective.realistic, {
        rows: 2,
        examples: "objective-unmarked",
      }),
      this.field(key, "measurable", fmt.QUESTIONS.measurable, objective.measurable, {
        rows: 2,
        examples: "objective-unmarked",
      }),
      h("p", { class: "kb-plan-missing", dataset: { missing: key } }, this.missingText(missing)),
      h(
        "div",
        { class: "kb-plan-indicators" },
        objective.indicators.map((indicator, j) => this.indicatorView(indicator, i, j)),
      ),
      h(
        "p",
        {},
        button("add-indicator", [t("plan.addIndicator"), hidden(` ${t("plan.toObjective", { n })}`)], {
          id: `${key}-add`,
        }),
      ),
      this.actions(key, "objective", String(n), i, this.draft.objectives.length),
    );
  }

  checkbox(key, field, term, checked) {
    const id = `${key}-${field}-${term.id}`;
    return h(
      "div",
      { class: "kb-plan-check" },
      h("input", { type: "checkbox", id, value: term.id, checked, dataset: { field } }),
      h("label", { for: id }, term.label),
    );
  }

  indicatorView(indicator, i, j) {
    const key = this.key(indicator, "m");
    const name = `${i + 1}.${j + 1}`;
    const missing = fmt.missingOfIndicator(indicator, this.data);
    const types = h(
      "fieldset",
      { class: "kb-plan-choices kb-plan-types", dataset: { field: "measureType" } },
      h("legend", {}, fmt.QUESTIONS.measureType),
      this.data.measureTypes.map((type) => {
        const id = `${key}-measureType-${type}`;
        return h(
          "div",
          { class: "kb-plan-check" },
          h("input", {
            type: "radio",
            id,
            name: `${key}-measureType`,
            value: type,
            checked: indicator.measureType === type,
            dataset: { field: "measureType" },
          }),
          h("label", { for: id }, measureTypeName(type)),
        );
      }),
      this.examplesPanel("measureType"),
    );
    return h(
      "section",
      { class: "kb-plan-indicator", id: key, dataset: { key }, "aria-labelledby": `${key}-h` },
      h(
        "h3",
        { id: `${key}-h`, tabindex: "-1" },
        `${t("plan.indicatorN", { n: name })} `,
        h(
          "span",
          { class: "kb-plan-tag", dataset: { status: key } },
          fmt.status(missing, fmt.indicatorQuestionCount(this.data)),
        ),
      ),
      this.origin(indicator, "indicator"),
      this.field(key, "text", t("plan.indicatorText"), indicator.text, { examples: "indicator" }),
      types,
      this.data.questions.map((q) =>
        this.field(key, q.id, q.question, indicator[q.id], { rows: 2, examples: `question:${q.id}` }),
      ),
      this.field(key, "qualitySystem", fmt.QUESTIONS.qualitySystem, indicator.qualitySystem, {
        rows: 2,
        hint: t("plan.qualitySystemHint"),
        examples: "indicator-unmarked",
      }),
      h("p", { class: "kb-plan-missing", dataset: { missing: key } }, this.missingText(missing)),
      this.actions(key, "indicator", name, j, this.draft.objectives[i].indicators.length),
    );
  }

  /** An item's buttons (`kind`: "objective" or "indicator", `number`: "2" or "2.1"). */
  actions(key, kind, number, index, count) {
    const name = t(`plan.${kind}Lower`, { n: number });
    const move = (action, label, disabled) =>
      button(action, [label, hidden(`: ${name}`)], {
        id: `${key}-${action}`,
        "aria-disabled": disabled ? "true" : null,
      });
    return h(
      "div",
      { class: "kb-plan-actions" },
      move("up", t("plan.moveUp"), index === 0),
      move("down", t("plan.moveDown"), index === count - 1),
      button("duplicate", [t("plan.duplicate"), hidden(` ${name}`)], { id: `${key}-duplicate` }),
      button("remove", [t(`plan.remove.${kind}`), hidden(` ${number}`)], { id: `${key}-remove` }),
    );
  }

  // --- one objective at a time ------------------------------------------------------------------
  // The objective being written is shown in full; the others are a heading, their status, the
  // start of their text and a button that opens them (which closes the one open before). Focus
  // sent to a part of an objective (a new indicator, a moved item, a link of the task list)
  // opens that objective first.

  /** Which objective is open after a change: the one whose hidden part gets the focus, else the same. */
  chooseOpen(focusId) {
    const [key, part] = focusId ? focusId.split(/-(.*)/) : [];
    const target = key ? this.find(key) : null;
    if (target && (target.indicator || !COLLAPSED_PARTS.includes(part)))
      this.openKey = this.keys.get(target.objective);
    const objectives = this.draft.objectives;
    if (this.openKey && objectives.some((o) => this.keys.get(o) === this.openKey)) return;
    const unfinished = objectives.find((o) => fmt.objectiveState(o) !== "done");
    const first = unfinished || objectives[0];
    this.openKey = first ? this.key(first, "t") : null;
  }

  /** Open the objective that holds the item with this key (an objective's or an indicator's). */
  openAt(key, focus = false) {
    const found = key ? this.find(key) : null;
    if (!found) return;
    this.openKey = this.keys.get(found.objective);
    for (const section of this.list.querySelectorAll(".kb-plan-objective")) {
      if (section.dataset.key === this.openKey) {
        delete section.dataset.collapsed;
      } else if (section.dataset.collapsed === undefined) {
        const closing = this.find(section.dataset.key);
        section
          .querySelector(".kb-plan-brief")
          .replaceWith(this.brief(closing.objective, section.dataset.key, closing.i + 1));
        section.dataset.collapsed = "";
      }
    }
    if (focus) document.getElementById(`${this.openKey}-h`).focus();
  }

  brief(objective, key, n) {
    const text = objective.text.trim();
    const start = text.length > 140 ? `${text.slice(0, 138).trimEnd()}…` : text || t("plan.unwritten");
    return h(
      "div",
      { class: "kb-plan-brief" },
      h(
        "p",
        {},
        start,
        " ",
        h("span", { class: "kb-plan-hint" }, `(${plural("plan.indicators", objective.indicators.length)})`),
      ),
      h(
        "p",
        {},
        button("open", [t("plan.open"), hidden(` ${t("plan.objectiveLower", { n })}`)], {
          id: `${key}-open`,
        }),
      ),
    );
  }

  missingText(missing) {
    return missing.length ? t("plan.unanswered", { list: missing.join(", ") }) : t("plan.allAnswered");
  }

  /** The tags, the unanswered questions and the task list, after any change. */
  renderStatus() {
    const objectives = this.draft.objectives;
    const items = [];
    let indicators = 0;
    let done = 0;
    let total = 0;
    objectives.forEach((objective, i) => {
      const key = this.key(objective, "t");
      const missing = fmt.missingOfObjective(objective);
      this.updateItem(key, missing, fmt.objectiveState(objective));
      const count = this.root.querySelector(`[data-count="${key}"]`);
      if (count) count.textContent = t("filters.chosen", { n: objective.qualityStandards.length });
      total++;
      if (!missing.length) done++;
      const nested = objective.indicators.map((indicator, j) => {
        indicators++;
        total++;
        const ikey = this.key(indicator, "m");
        const imissing = fmt.missingOfIndicator(indicator, this.data);
        const state = fmt.state(imissing, fmt.indicatorQuestionCount(this.data));
        if (!imissing.length) done++;
        this.updateItem(ikey, imissing, state);
        return this.taskItem(ikey, t("plan.indicatorN", { n: `${i + 1}.${j + 1}` }), state, imissing);
      });
      const name = t("plan.objectiveN", { n: i + 1 });
      items.push(this.taskItem(key, name, fmt.objectiveState(objective), missing, nested));
    });
    if (!objectives.length) {
      this.summary.replaceChildren(h("p", {}, `${t("plan.noObjectives")} ${t("plan.addOne")}`));
      return;
    }
    const headline =
      `${t("plan.draftHolds", { holding: holding(objectives.length, indicators) })} ` +
      (done === total ? t("plan.allAnswered") : t("plan.doneOf", { done, total }));
    this.summary.replaceChildren(
      h("p", { "data-kb-plan-headline": true }, headline),
      h("ul", { class: "kb-plan-tasks" }, items),
    );
  }

  /** An item's tag and unanswered questions (`state`: "empty", "partial" or "done"). */
  updateItem(key, missing, state) {
    const tag = this.root.querySelector(`.kb-plan-tag[data-status="${key}"]`);
    if (tag) {
      tag.textContent = t(`plan.status.${state}`);
      tag.dataset.state = state;
    }
    const text = this.root.querySelector(`[data-missing="${key}"]`);
    if (text) text.textContent = this.missingText(missing);
  }

  taskItem(key, name, state, missing, nested) {
    return h(
      "li",
      {},
      h("a", { href: `#${key}` }, name),
      " ",
      h("span", { class: "kb-plan-tag", dataset: { state } }, t(`plan.status.${state}`)),
      missing.length
        ? h(
            "span",
            { class: "kb-plan-task-missing" },
            ` ${t("plan.unansweredList", { list: missing.join(", ") })}`,
          )
        : null,
      nested?.length ? h("ul", {}, nested) : null,
    );
  }

  /** What the examples answered for a field: drawn when the reader opens it. */
  toggled(event) {
    const panel = event.target;
    if (!(panel instanceof HTMLDetailsElement) || !panel.open || !panel.dataset.examples) return;
    const body = panel.querySelector(".kb-plan-examples-body");
    if (body.childElementCount) return;
    body.append(...this.examplesFor(panel.dataset.examples));
  }

  exampleLink(example) {
    return h("a", reportText({ href: this.exampleUrl(example) }), example.objective);
  }

  examplesFor(kind) {
    const examples = this.data.examples;
    const labels = (vocabulary, list) => {
      const names = new Map(vocabulary.map((t) => [t.id, t.label]));
      return list.map((id) => names.get(id) || id).join(", ");
    };
    const unmarked = `${t("plan.examples.unmarked")} `;
    if (kind === "objective" || kind === "objective-unmarked") {
      return [
        h("p", {}, `${kind === "objective" ? "" : unmarked}${t("plan.examples.objectives")}`),
        h(
          "ul",
          {},
          examples.map((e) => h("li", {}, this.exampleLink(e))),
        ),
      ];
    }
    if (kind === "indicator" || kind === "indicator-unmarked") {
      return [
        h("p", {}, `${kind === "indicator" ? "" : unmarked}${t("plan.examples.indicators")}`),
        h(
          "ul",
          {},
          examples.map((e) => h("li", {}, this.exampleLink(e), h("blockquote", reportText(), e.indicator))),
        ),
      ];
    }
    if (kind === "priorities") {
      return [
        h("p", {}, t("plan.examples.priorities")),
        h(
          "ul",
          {},
          examples.map((e) =>
            h(
              "li",
              {},
              this.exampleLink(e),
              `: ${labels(this.data.priorities, e.priorities) || t("plan.examples.noPriority")}`,
            ),
          ),
        ),
      ];
    }
    if (kind === "qualityStandards") {
      return [
        h("p", {}, t("plan.examples.standards")),
        h(
          "ul",
          {},
          examples.map((e) =>
            h(
              "li",
              {},
              this.exampleLink(e),
              `: ${labels(this.data.qualityStandards, e.qualityStandards) || t("plan.examples.noStandard")}`,
            ),
          ),
        ),
      ];
    }
    if (kind === "measureType") {
      return [
        h("p", {}, t("plan.examples.measureTypes")),
        h(
          "ul",
          {},
          this.data.measureTypes.map((type) => {
            const matching = examples.filter((e) => e.annotation.measure_type === type);
            return h(
              "li",
              {},
              `${measureTypeName(type)} (${matching.length}): `,
              h(
                "ul",
                {},
                matching.map((e) => h("li", {}, this.exampleLink(e))),
              ),
            );
          }),
        ),
      ];
    }
    const question = this.data.questions.find((q) => `question:${q.id}` === kind);
    const answering = examples.filter((e) => e.annotation[question.id]);
    if (!answering.length) return [h("p", {}, t("plan.examples.none"))];
    return [
      h(
        "p",
        {},
        t("plan.examples.answering", {
          examples: plural("plan.examples.tell", answering.length),
          question: question.question.toLocaleLowerCase(),
        }),
      ),
      h(
        "ul",
        {},
        answering.map((e) => h("li", {}, this.exampleLink(e), h("blockquote", reportText(), e.indicator))),
      ),
    ];
  }

  // --- print -----------------------------------------------------------------------------------

  renderPrint() {
    const data = this.data;
    const view = [h("h2", {}, t("plan.printTitle")), h("p", {}, t("plan.printed", { date: today() }))];
    if (!this.draft.objectives.length) view.push(h("p", {}, t("plan.noObjectives")));
    const answer = (label, value) =>
      h(
        "div",
        { class: "kb-plan-print-answer" },
        h("dt", {}, label),
        h("dd", {}, value?.trim() ? value : "–"),
      );
    this.draft.objectives.forEach((objective, i) => {
      const names = (vocabulary, list) =>
        list.map((id) => (vocabulary.find((t) => t.id === id) || { label: id }).label).join("; ");
      view.push(
        h("h3", {}, t("plan.objectiveN", { n: i + 1 })),
        h("p", { class: "kb-plan-print-text" }, objective.text || "–"),
      );
      if (objective.example)
        view.push(
          h("p", { class: "kb-plan-print-source" }, `${t("plan.printStart")} ${objective.example.citation}`),
        );
      view.push(
        h(
          "dl",
          {},
          answer(fmt.LABELS.priorities, names(data.priorities, objective.priorities)),
          answer(fmt.LABELS.qualityStandards, names(data.qualityStandards, objective.qualityStandards)),
          fmt.OBJECTIVE_TEXT_FIELDS.map((f) => answer(fmt.QUESTIONS[f], objective[f])),
        ),
      );
      objective.indicators.forEach((indicator, j) => {
        view.push(
          h("h4", {}, t("plan.indicatorN", { n: `${i + 1}.${j + 1}` })),
          h("p", { class: "kb-plan-print-text" }, indicator.text || "–"),
        );
        if (indicator.example)
          view.push(
            h(
              "p",
              { class: "kb-plan-print-source" },
              `${t("plan.printStart")} ${indicator.example.citation}`,
            ),
          );
        view.push(
          h(
            "dl",
            {},
            answer(fmt.QUESTIONS.measureType, fmt.measureTypeLabel(indicator.measureType)),
            data.questions.map((q) => answer(q.question, indicator[q.id])),
            answer(fmt.QUESTIONS.qualitySystem, indicator.qualitySystem),
          ),
        );
      });
    });
    const sources = fmt.citations(this.draft);
    if (sources.length)
      view.push(
        h("h3", {}, t("plan.sources")),
        h(
          "ul",
          {},
          sources.map((c) => h("li", {}, c)),
        ),
      );
    this.printView.replaceChildren(...view);
  }

  // --- changes ---------------------------------------------------------------------------------

  find(key) {
    for (const [i, objective] of this.draft.objectives.entries()) {
      if (this.keys.get(objective) === key) return { objective, i, list: this.draft.objectives, index: i };
      for (const [j, indicator] of objective.indicators.entries()) {
        if (this.keys.get(indicator) === key)
          return { objective, i, indicator, j, list: objective.indicators, index: j };
      }
    }
    return null;
  }

  /** The draft's item and field a form control edits, or null. */
  fieldOf(target) {
    const field = target.dataset?.field;
    const section = target.closest?.("[data-key]");
    if (!field || !section) return null;
    const found = this.find(section.dataset.key);
    return found ? { item: found.indicator || found.objective, field, section } : null;
  }

  edited(event) {
    const target = event.target;
    const found = this.fieldOf(target);
    if (!found) return;
    const { item, field, section } = found;
    if (field === "priorities" || field === "qualityStandards") {
      const boxes = section.querySelectorAll(`input[type=checkbox][data-field="${field}"]`);
      item[field] = [...boxes]
        .filter((b) => b.checked && b.closest("[data-key]") === section)
        .map((b) => b.value);
    } else if (field === "measureType") {
      if (target.checked) item.measureType = target.value;
    } else if (event.type === "input") {
      if (this.fitField(target, item, field)) this.announce(t("plan.cut"));
      item[field] = target.value;
    } else {
      return;
    }
    this.renderStatus();
    this.renderRoom();
    this.changed();
  }

  clicked(event) {
    const link = event.target.closest('a[href^="#"]');
    if (link && this.root.contains(link)) this.openAt(link.getAttribute("href").slice(1));
    const target = event.target.closest("button[data-action]");
    if (!target || !this.root.contains(target)) return;
    const action = target.dataset.action;
    const section = target.closest("[data-key]");
    const found = section ? this.find(section.dataset.key) : null;
    const handlers = {
      "add-example": () => this.addExample(this.exampleSelect.value),
      "add-objective": () => this.addObjective(),
      "add-indicator": () => this.addIndicator(found),
      open: () => this.openAt(found && this.keys.get(found.objective), true),
      up: () => this.move(found, -1, target.id),
      down: () => this.move(found, 1, target.id),
      duplicate: () => this.duplicate(found),
      remove: () => this.remove(found),
      undo: () => this.undoRemoval(),
      "export-md": () => this.exportMarkdown(),
      "export-csv": () => this.download("csv", "text/csv;charset=utf-8", fmt.toCSV(this.draft, this.data)),
      "export-json": () =>
        this.download("json", "application/json", fmt.toJSON(this.draft, new Date().toISOString())),
      print: () => {
        this.renderPrint();
        window.print();
      },
      "delete-all": () => this.deleteAll(),
      "download-unread": () => {
        this.download("json", "application/json", this.unread);
        if (this.holdStorage) {
          this.holdStorage = false;
          this.changed();
        }
      },
    };
    if (handlers[action]) handlers[action]();
  }

  announce(message) {
    this.notice.textContent = "";
    window.setTimeout(() => {
      this.notice.textContent = message;
    }, 50);
  }

  showError(message) {
    this.error.replaceChildren(h("p", {}, message));
  }

  addExample(id) {
    const example = this.examples.get(id);
    if (!example) {
      this.announce(t("plan.chooseFirst"));
      this.exampleSelect.focus();
      return false;
    }
    const objective = fmt.fromExample(example, this.citationOf(example), this.data);
    if (!this.fits(objective, t("plan.notAdded.example"))) return false;
    this.draft.objectives.push(objective);
    this.openKey = this.key(objective, "t");
    this.changed();
    this.render(`${this.key(objective, "t")}-h`);
    this.announce(t("plan.exampleAdded", { n: this.draft.objectives.length }));
    return true;
  }

  addObjective() {
    const objective = fmt.emptyObjective();
    objective.indicators.push(fmt.emptyIndicator(this.data));
    if (!this.fits(objective, t("plan.notAdded.objective"))) return;
    this.draft.objectives.push(objective);
    this.openKey = this.key(objective, "t");
    this.changed();
    this.render(`${this.key(objective, "t")}-h`);
    this.announce(t("plan.objectiveAdded", { n: this.draft.objectives.length }));
  }

  addIndicator(found) {
    const indicator = fmt.emptyIndicator(this.data);
    if (!this.fits(indicator, t("plan.notAdded.indicator"))) return;
    found.objective.indicators.push(indicator);
    this.changed();
    this.render(`${this.key(indicator, "m")}-h`);
    this.announce(t("plan.indicatorAdded", { n: `${found.i + 1}.${found.objective.indicators.length}` }));
  }

  name(found) {
    return found.indicator
      ? t("plan.indicatorN", { n: `${found.i + 1}.${found.j + 1}` })
      : t("plan.objectiveN", { n: found.i + 1 });
  }

  move(found, step, buttonId) {
    const to = found.index + step;
    if (to < 0 || to >= found.list.length) {
      this.announce(t(step < 0 ? "plan.alreadyFirst" : "plan.alreadyLast", { name: this.name(found) }));
      return;
    }
    const [item] = found.list.splice(found.index, 1);
    found.list.splice(to, 0, item);
    this.changed();
    const key = this.keys.get(item);
    const other = step < 0 ? "down" : "up";
    const atEdge = to === 0 || to === found.list.length - 1;
    this.render(atEdge ? `${key}-${other}` : buttonId);
    this.announce(
      t(found.indicator ? "plan.moved.indicator" : "plan.moved.objective", {
        name: this.name(this.find(key)),
      }),
    );
  }

  duplicate(found) {
    const item = fmt.copy(found.indicator || found.objective);
    if (!this.fits(item, t("plan.notAdded.copy", { name: this.name(found) }))) return;
    found.list.splice(found.index + 1, 0, item);
    this.changed();
    this.render(`${this.key(item, found.indicator ? "m" : "t")}-h`);
    this.announce(
      t("plan.duplicated", { name: this.name(found), copy: this.name(this.find(this.keys.get(item))) }),
    );
  }

  remove(found) {
    const item = found.list.splice(found.index, 1)[0];
    const name = this.name(found);
    this.undo = {
      label: t("plan.undoRemove", { name }),
      done: t("plan.restored", { name }),
      item,
      what: t("plan.notAdded.named", { name }),
      restore: () => {
        found.list.splice(Math.min(found.index, found.list.length), 0, item);
        return `${this.keys.get(item)}-h`;
      },
    };
    this.changed();
    this.render();
    this.showUndo(t("plan.removed", { name }));
  }

  deleteAll() {
    const previous = this.draft;
    this.draft = { objectives: [] };
    window.clearTimeout(this.timer);
    this.timer = null;
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (_error) {
      /* nothing was stored */
    }
    this.setSaved("empty", t("plan.deletedHere"));
    this.undo = {
      label: t("plan.undoDelete"),
      done: t("plan.draftRestored"),
      restore: () => {
        this.draft = previous;
        return "kb-plan-overview-h";
      },
    };
    this.render();
    this.showUndo(t("plan.deleted"));
  }

  showUndo(message) {
    this.undoButton.textContent = this.undo.label;
    this.undoButton.hidden = false;
    this.undoButton.focus();
    this.announce(message);
  }

  undoRemoval() {
    if (!this.undo) return;
    const { restore, done, item, what } = this.undo;
    if (item && !this.fits(item, what)) return; // the draft grew after the removal
    this.undo = null;
    this.undoButton.hidden = true;
    const focus = restore();
    this.changed();
    this.render(focus);
    this.announce(done);
  }

  // --- files -----------------------------------------------------------------------------------

  fileName(extension) {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${t("plan.fileName")}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${extension}`;
  }

  download(extension, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h("a", { href: url, download: this.fileName(extension), hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60000);
    this.announce(t("plan.downloaded", { file: link.download }));
  }

  exportMarkdown() {
    const url = new URL(window.location.href);
    url.search = "";
    url.hash = "";
    const text = fmt.toMarkdown(this.draft, this.data, {
      title: t("plan.title"),
      url: url.href,
      date: today(),
    });
    this.download("md", "text/markdown;charset=utf-8", text);
  }

  async importFile() {
    const file = this.importInput.files?.[0];
    if (!file) return;
    this.error.replaceChildren();
    const refuse = (reason) => this.showError(t("plan.notImported", { file: file.name, reason }));
    try {
      if (file.size > fmt.MAX_FILE_BYTES) throw new fmt.PlanError(t("plan.file.tooLarge"));
      const draft = fmt.parseDraft(await file.text(), this.data);
      const previous = this.draft;
      this.draft = draft;
      this.undo = {
        label: t("plan.undoImport"),
        done: t("plan.previousRestored"),
        restore: () => {
          this.draft = previous;
          return "kb-plan-overview-h";
        },
      };
      this.changed();
      this.render();
      const indicators = draft.objectives.reduce((n, o) => n + o.indicators.length, 0);
      this.showUndo(
        t("plan.imported", { file: file.name, holding: holding(draft.objectives.length, indicators) }),
      );
    } catch (error) {
      refuse(error instanceof fmt.PlanError ? error.message : t("plan.unreadableFile"));
    } finally {
      this.importInput.value = "";
    }
  }

  /** suunnitelma/?lisaa=<id>: the "Lisää suunnitelmaan" button of an example. */
  addFromAddress() {
    const url = new URL(window.location.href);
    const id = url.searchParams.get(ADD_PARAMETER);
    if (id === null) return;
    url.searchParams.delete(ADD_PARAMETER);
    // The address loses the request, so reloading the page does not add the example again.
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    const example = this.examples.get(id);
    if (!example) {
      this.showError(t("plan.noSuchExample"));
      return;
    }
    const objective = fmt.fromExample(example, this.citationOf(example), this.data);
    const over = fmt.overLimit(fmt.plus(fmt.measure(this.draft), fmt.measure(objective)));
    if (over) {
      this.showError(`${t("plan.exampleNotAdded")} ${over}`);
      return;
    }
    this.draft.objectives.push(objective);
    this.changed();
    this.openKey = this.key(objective, "t");
    this.pendingFocus = `${this.key(objective, "t")}-h`;
    this.announce(t("plan.exampleAdded", { n: this.draft.objectives.length }));
  }
}

/** The page the offline copy shows for a page it does not have, in the page's language. */
function offlinePage(planUrl) {
  const html = (text) =>
    String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const title = html(t("offline.title"));
  return (
    `<!doctype html>\n<html lang="${language()}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title}</title></head>\n<body><main><h1>${title}</h1>\n<p>${html(t("offline.text"))}</p>\n` +
    `<p><a href="${html(planUrl)}">${html(t("offline.plan"))}</a></p></main></body></html>`
  );
}

/**
 * The page keeps a copy of itself and of the pages of its draft's examples in the browser
 * (docs/sw.js, at the site's root), so that it opens without a network after the first visit and
 * its links to the examples work too; the pages the reader visits are kept as they are read.
 * When the copy is made, the root says data-offline="ready". `update()` lists the examples'
 * pages again after each save, when they changed.
 */
function keepOffline(root, plan) {
  if (!root.dataset.offline || !("serviceWorker" in navigator)) return;
  const worker = new URL(root.dataset.offline, window.location.href);
  const page = new URL(window.location.href);
  page.search = "";
  page.hash = "";
  const files = performance.getEntriesByType("resource").map((entry) => entry.name);
  let listed = "";
  const update = () => {
    const examples = plan.exampleUrls();
    if (examples.join(" ") === listed) return;
    listed = examples.join(" ");
    navigator.serviceWorker.ready.then((registration) =>
      registration.active.postMessage({
        plan: [page.href, ...files, ...examples],
        offline: { lang: language(), html: offlinePage(page.href) },
      }),
    );
  };
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.cached) root.dataset.offline = "ready";
  });
  // The first version lived in suunnitelma/ and kept every address with its query string.
  navigator.serviceWorker
    .getRegistrations()
    .then((registrations) =>
      registrations.filter((r) => r.active && r.active.scriptURL !== worker.href && r.scope === page.href),
    )
    .then((old) => Promise.all(old.map((r) => r.unregister())))
    .then(() => navigator.serviceWorker.register(worker.href))
    .then(() => {
      update();
      plan.saved.addEventListener("kb-plan-saved", update);
    })
    .catch(() => {
      /* no offline copy: the page still works while it is open */
    });
}

export async function init(root) {
  const nojs = root.querySelector("[data-kb-plan-nojs]");
  let data;
  try {
    const response = await fetch(root.dataset.data);
    if (!response.ok) throw new Error(String(response.status));
    data = await response.json();
  } catch (_error) {
    nojs.textContent = t("plan.noData");
    return;
  }
  const plan = new Plan(root, data);
  // The introduction is for the first visit: once the browser holds a draft, it stays closed
  // under its summary.
  const intro = document.querySelector("details.kb-plan-intro");
  if (intro && plan.hadDraft) intro.open = false;
  keepOffline(root, plan);
  if (plan.pendingFocus) {
    const heading = document.getElementById(plan.pendingFocus);
    if (heading) {
      heading.scrollIntoView({ block: "start" });
      heading.focus();
    }
  }
}

onEveryPage(() => setUp("[data-kb-plan]", init));
