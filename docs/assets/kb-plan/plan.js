/*
 * "Oma suunnitelma": the applicant drafts the objectives and indicators of their own plan, in
 * this browser only. The examples and the words come from the build (data/suunnitelma.json);
 * the draft lives in localStorage, is saved as it is typed, and leaves the browser only as files
 * the reader downloads. Every text is put on the page as text (textContent), never as HTML.
 *
 * Loaded only by the page suunnitelma/ (templates/plan.md). Without JavaScript the page says
 * that the tool needs it.
 */

import { date, plural, t } from "../kb-i18n/i18n.js";
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
/** The reader's choice of the introduction ("auki" or "kiinni"), kept beside the draft. */
const INTRO_KEY = "kb-oma-suunnitelma-johdanto";
/** openKey when the reader has closed every objective. */
const NONE_OPEN = "";
/** Whether the browser sizes a field to its text (CSS field-sizing); if not, plan.js does. */
const SIZES_ITSELF = typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");

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

function today() {
  return date(new Date());
}

function isBlank(value) {
  return typeof value !== "string" || value.trim() === "";
}

/** A field as tall as its text, for browsers without CSS field-sizing. */
function growField(textarea) {
  if (!textarea.offsetParent) return; // hidden: sized when shown
  textarea.style.height = "auto";
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

/**
 * Help text that reads as one line until the reader asks for the rest (plan.css clamps it). The
 * whole text stays on the page: a field it describes (aria-describedby) is described by all of
 * it. Its button ("Lue lisää") shows only where the text is longer than its line.
 */
function hint(text, attributes = {}) {
  const line = h("p", { class: "kb-plan-hint", dataset: { clamped: "" }, ...attributes }, text);
  const more = h(
    "button",
    { type: "button", class: "kb-plan-hint-more", "aria-expanded": "false", dataset: { action: "hint" } },
    t("plan.hintMore"),
  );
  if (line.id) more.setAttribute("aria-controls", line.id);
  if (longHints) {
    more.hidden = true;
    longHints.observe(line);
  }
  return h("div", { class: "kb-plan-hint-line" }, line, more);
}

/** Shows a hint's button where its text does not fit on its line (or the reader has opened it). */
const longHints =
  typeof ResizeObserver === "undefined"
    ? null
    : new ResizeObserver((entries) => {
        for (const { target } of entries) {
          if (!target.isConnected) {
            longHints.unobserve(target); // drawn again: the new one is observed
            continue;
          }
          const clamped = target.dataset.clamped !== undefined;
          target.nextElementSibling.hidden = clamped && target.scrollHeight <= target.clientHeight + 1;
        }
      });

/** A hint opened to all its lines, or back to one. */
function toggleHint(more) {
  const line = more.previousElementSibling;
  const open = more.getAttribute("aria-expanded") !== "true";
  if (open) delete line.dataset.clamped;
  else line.dataset.clamped = "";
  more.setAttribute("aria-expanded", String(open));
  more.textContent = t(open ? "plan.hintLess" : "plan.hintMore");
}

/** The start of a text, cut at a word, with "…" when something was left out. */
/** Finnish text on the page (an example's words, a citation): marked so on a Swedish page too. */
function finnish(text) {
  return h("span", { lang: "fi" }, text);
}

/**
 * A message with one of its placeholders filled by an element rather than text: "Lähde: " and
 * the citation in Finnish (lang="fi") after it, as the page's language orders them.
 */
function withPart(key, name, node) {
  const marker = "\u0000";
  const [before, after = ""] = t(key, { [name]: marker }).split(marker);
  return [before, node, after].filter((part) => part !== "");
}

/**
 * A vocabulary's word as the data file gives it: on the Swedish page in Swedish, or in Finnish
 * (lang="fi") where the data says so, with the marker of a missing translation where one is missing.
 */
function termText(term, field) {
  if (!term.inFinnish?.includes(field)) return term[field];
  const marker = term.untranslated?.includes(field)
    ? [" ", h("span", { class: "kb-untranslated" }, t("plan.untranslated"))]
    : [];
  return [finnish(term[field]), ...marker];
}

/** "Määrällinen": a name at the start of a line. */
function capitalized(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function firstWords(text, length) {
  const flat = text.trim().replace(/\s+/g, " ");
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
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
      event.newValue === null ? t("plan.deletedHere") : t("plan.saved"),
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
          { value: e.id, lang: "fi" },
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
    // Kept from change to change (renderStatus fills its list), so that it stays open as it was.
    this.unanswered = h(
      "details",
      { class: "kb-plan-unanswered", hidden: true },
      h("summary", {}, t("plan.unansweredTitle")),
      h("p", { class: "kb-plan-hint" }, t("plan.overviewHint")),
      h("ul", {}),
    );
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
          hint(t("plan.exampleHint"), { id: "kb-plan-example-hint" }),
          h("div", { class: "kb-plan-inline" }, select, button("add-example", t("plan.addExample"))),
        ),
        h("p", {}, button("add-objective", t("plan.addObjective"))),
        hint(
          t("plan.limits", {
            objectives: fmt.number(fmt.LIMITS.objectives),
            indicators: fmt.number(fmt.LIMITS.indicators),
            characters: fmt.number(fmt.LIMITS.characters),
            text: fmt.number(fmt.LIMITS.text),
          }),
          { "data-kb-plan-limits": true },
        ),
      ),
      h(
        "section",
        { class: "kb-plan-overview", "aria-labelledby": "kb-plan-overview-h" },
        h("h2", { id: "kb-plan-overview-h" }, t("plan.overview")),
        this.summary,
        this.unanswered,
      ),
      this.list,
      h(
        "section",
        { class: "kb-plan-files", "aria-labelledby": "kb-plan-files-h" },
        h("h2", { id: "kb-plan-files-h" }, t("plan.files")),
        hint(t("plan.filesHint")),
        h(
          "p",
          { class: "kb-plan-inline" },
          button("export-md", [hidden(t("plan.downloadPrefix")), "Markdown"]),
          button("export-csv", [hidden(t("plan.downloadPrefix")), "CSV"]),
          button("export-json", [hidden(t("plan.downloadPrefix")), "JSON"]),
          button("print", t("plan.print")),
        ),
        this.error,
        // Bringing a plan from another browser and deleting this one: seldom, so behind a line.
        h(
          "details",
          { class: "kb-plan-more" },
          h("summary", {}, t("plan.importOrDelete")),
          h(
            "div",
            { class: "kb-plan-field" },
            h("label", { for: "kb-plan-import" }, t("plan.import")),
            h("p", { class: "kb-plan-hint", id: "kb-plan-import-hint" }, t("plan.importHint")),
            this.importInput,
          ),
          h("p", { class: "kb-plan-hint" }, t("plan.deleteHint")),
          h("p", {}, button("delete-all", t("plan.delete"))),
        ),
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
    this.grow(this.list);
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
    const help = options.hint ? hint(options.hint, { id: `${id}-hint` }) : null;
    const described = [help ? `${id}-hint` : null, `${id}-room`].filter(Boolean).join(" ");
    const short = options.rows === 1;
    const textarea = h("textarea", {
      id,
      rows: String(options.rows || 3),
      class: short ? "kb-plan-short" : null,
      maxlength: String(fmt.LIMITS.text),
      dataset: { field: name },
      "aria-describedby": described,
      value,
    });
    const examples = options.examples ? this.examplesPanel(options.examples, options.short || label) : null;
    const room = h("p", { class: "kb-plan-room", id: `${id}-room`, "data-kb-plan-room": "field" });
    // A short answer's "Esimerkit" beside its field (plan.css), so that its question has the
    // whole line; a long text's at the end of its label's line.
    if (short && examples)
      return h(
        "div",
        { class: "kb-plan-field" },
        h("label", { for: id }, label),
        help,
        h("div", { class: "kb-plan-answer" }, textarea, examples),
        room,
      );
    return h(
      "div",
      { class: examples ? "kb-plan-field kb-plan-has-examples" : "kb-plan-field" },
      h("label", { for: id }, label),
      help,
      textarea,
      room,
      examples,
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
      counter.textContent = whole
        ? t("plan.room.field", { free: fmt.number(free), n: fmt.number(fmt.LIMITS.text) })
        : t("plan.room.draft", { free: fmt.number(free), n: fmt.number(fmt.LIMITS.characters) });
    } else {
      counter.textContent = whole
        ? t("plan.full.field", { n: fmt.number(fmt.LIMITS.text) })
        : t("plan.full.draft", { n: fmt.number(fmt.LIMITS.characters) });
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
      near.push(t("plan.near.objectives", { n: size.objectives, of: limits.objectives }));
    if (size.indicators >= limits.indicators * ROOM_SHOWN_DRAFT)
      near.push(t("plan.near.indicators", { n: size.indicators, of: limits.indicators }));
    this.room.textContent = near.length ? t("plan.near", { list: near.join(", ") }) : "";
  }

  /** Whether `item` (an objective or indicator) still fits in the draft; if not, says why. */
  fits(item, notAdded) {
    const over = fmt.overLimit(fmt.plus(fmt.measure(this.draft), fmt.measure(item)));
    if (!over) return true;
    this.announce(`${notAdded} ${over}`);
    return false;
  }

  /**
   * "How did the examples answer this?" beside a field: a short summary at the end of the
   * field's label line (plan.css), its panel under the field, drawn when opened.
   */
  examplesPanel(kind, label) {
    return h(
      "details",
      { class: "kb-plan-examples", dataset: { examples: kind } },
      h("summary", {}, t("plan.examples"), hidden(t("plan.examplesOf", { label }))),
      h("div", { class: "kb-plan-examples-body" }),
    );
  }

  origin(item, what) {
    const example = item.example;
    if (!example) return null;
    const known = this.examples.get(example.id);
    // The link names the example by its first words; its source and whole text are in the panel.
    const link = known
      ? h("a", { href: this.exampleUrl(known) }, firstWords(known.objective, 50))
      : document.createTextNode(`(${example.id})`);
    return h(
      "div",
      { class: "kb-plan-origin" },
      h(
        "p",
        { class: "kb-plan-origin-line" },
        `${t(`plan.origin.${what}`)} `,
        h("span", { lang: "fi" }, link),
      ),
      h(
        "details",
        {},
        h("summary", {}, t(`plan.original.${what}`)),
        h("p", { class: "kb-plan-citation" }, withPart("plan.source", "citation", finnish(example.citation))),
        h("blockquote", { lang: "fi" }, ...example.text.split(/\n\s*\n/).map((p) => h("p", {}, p))),
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
      this.examplesPanel("priorities", fmt.LABELS.priorities),
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
          group ? h("p", { class: "kb-plan-group-name" }, termText(terms[0], "group")) : null,
          terms.map((s) =>
            this.checkbox(key, "qualityStandards", s, objective.qualityStandards.includes(s.id)),
          ),
        ),
      ),
      this.examplesPanel("qualityStandards", fmt.LABELS.qualityStandards),
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
        h(
          "span",
          { class: "kb-plan-tag", dataset: { status: key, state: fmt.objectiveState(objective) } },
          fmt.objectiveStatus(objective),
        ),
      ),
      this.toggle(key, n, open),
      this.brief(objective, key),
      this.origin(objective, "objective"),
      this.field(key, "text", t("plan.objectiveText"), objective.text, {
        hint: objective.example ? t("plan.objectiveTextHint") : null,
        examples: "objective",
        short: fmt.LABELS.objective,
      }),
      priorities,
      h(
        "details",
        { class: "kb-plan-standards", open: objective.qualityStandards.length > 0 },
        h(
          "summary",
          {},
          `${fmt.LABELS.qualityStandards} `,
          h("span", { dataset: { count: key } }, t("plan.chosen", { n: objective.qualityStandards.length })),
        ),
        standards,
      ),
      hint(t("plan.smartHint")),
      h(
        "div",
        { class: "kb-plan-pairs" },
        this.field(key, "concrete", fmt.QUESTIONS.concrete, objective.concrete, {
          rows: 1,
          examples: "objective-unmarked",
          short: fmt.LABELS.concrete,
        }),
        this.field(key, "realistic", fmt.QUESTIONS.realistic, objective.realistic, {
          rows: 1,
          examples: "objective-unmarked",
          short: fmt.LABELS.realistic,
        }),
        this.field(key, "measurable", fmt.QUESTIONS.measurable, objective.measurable, {
          rows: 1,
          examples: "objective-unmarked",
          short: fmt.LABELS.measurable,
        }),
      ),
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
      this.actions(key, t("plan.objectiveLower", { n }), i, this.draft.objectives.length),
    );
  }

  checkbox(key, field, term, checked) {
    const id = `${key}-${field}-${term.id}`;
    return h(
      "div",
      { class: "kb-plan-check" },
      h("input", { type: "checkbox", id, value: term.id, checked, dataset: { field } }),
      h("label", { for: id }, termText(term, "label")),
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
          h("label", { for: id }, capitalized(fmt.measureTypeLabel(type))),
        );
      }),
      this.examplesPanel("measureType", fmt.LABELS.measureType),
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
          {
            class: "kb-plan-tag",
            dataset: { status: key, state: fmt.state(missing, fmt.indicatorQuestionCount(this.data)) },
          },
          fmt.status(missing, fmt.indicatorQuestionCount(this.data)),
        ),
      ),
      this.origin(indicator, "indicator"),
      this.field(key, "text", t("plan.indicatorText"), indicator.text, {
        examples: "indicator",
        short: fmt.LABELS.indicator,
      }),
      types,
      h(
        "div",
        { class: "kb-plan-pairs" },
        this.data.questions.map((q) =>
          this.field(key, q.id, q.question, indicator[q.id], {
            rows: 1,
            examples: `question:${q.id}`,
            short: q.label,
          }),
        ),
      ),
      this.field(key, "qualitySystem", t("plan.qualitySystemShort"), indicator.qualitySystem, {
        rows: 1,
        short: fmt.LABELS.qualitySystem,
        hint: t("plan.qualitySystemHint"),
        examples: "indicator-unmarked",
      }),
      h("p", { class: "kb-plan-missing", dataset: { missing: key } }, this.missingText(missing)),
      this.actions(key, t("plan.indicatorLower", { n: name }), j, this.draft.objectives[i].indicators.length),
    );
  }

  actions(key, name, index, count) {
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
      button("remove", [t("plan.remove"), hidden(` ${name}`)], { id: `${key}-remove` }),
    );
  }

  // --- one objective at a time ------------------------------------------------------------------
  // The objective being written is shown in full; each of the others is its heading, a line with
  // the start of its text and how many of its indicators' questions are answered, a button that
  // opens it (which closes the one open before) and its own buttons (move, duplicate, remove).
  // A closed objective keeps its fields on the page, only hidden: nothing of it is lost, and it
  // is saved, exported and printed as before. Focus sent to a part of an objective (a new
  // indicator, a moved item, a link of the task list) opens that objective first.

  /** Which objective is open after a change: the one whose hidden part gets the focus, else the same. */
  chooseOpen(focusId) {
    const [key, part] = focusId ? focusId.split(/-(.*)/) : [];
    const target = key ? this.find(key) : null;
    if (target && (target.indicator || !COLLAPSED_PARTS.includes(part)))
      this.openKey = this.keys.get(target.objective);
    if (this.openKey === NONE_OPEN) return; // the reader closed them all
    const objectives = this.draft.objectives;
    if (this.openKey && objectives.some((o) => this.keys.get(o) === this.openKey)) return;
    const unfinished = objectives.find((o) => fmt.objectiveState(o) !== "done");
    const first = unfinished || objectives[0];
    this.openKey = first ? this.key(first, "t") : null;
  }

  /**
   * Open the objective that holds the item with this key (an objective's or an indicator's), and
   * close the one open before; `focus` puts the focus on its heading. NONE_OPEN closes them all.
   */
  openAt(key, focus = false) {
    const found = key ? this.find(key) : null;
    if (!found && key !== NONE_OPEN) return;
    this.openKey = found ? this.keys.get(found.objective) : NONE_OPEN;
    for (const section of this.list.querySelectorAll(".kb-plan-objective")) {
      const open = section.dataset.key === this.openKey;
      if (open === (section.dataset.collapsed === undefined)) continue;
      const shown = this.find(section.dataset.key);
      section.querySelector(".kb-plan-brief").replaceWith(this.brief(shown.objective, section.dataset.key));
      this.setToggle(section.querySelector(".kb-plan-toggle"), section.dataset.key, shown.i + 1, open);
      if (open) {
        delete section.dataset.collapsed;
        this.grow(section);
      } else {
        section.dataset.collapsed = "";
      }
    }
    if (!found) return;
    const heading = document.getElementById(`${this.openKey}-h`);
    if (focus) heading.focus();
    // Closing an objective above this one moves it up: keep its heading on the screen.
    const top = heading.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight) heading.scrollIntoView({ block: "start" });
  }

  /** The button that opens an objective, or closes it when it is the one open. */
  toggle(key, n, open) {
    const toggle = button("open", [], {
      id: `${key}-open`,
      class: "md-button kb-plan-button kb-plan-toggle",
    });
    this.setToggle(toggle, key, n, open);
    return toggle;
  }

  /** The same button after its objective opened or closed: in place, so that it keeps the focus. */
  setToggle(toggle, key, n, open) {
    toggle.replaceChildren(
      open ? t("plan.close") : t("plan.open"),
      hidden(` ${t("plan.objectiveLower", { n })}`),
    );
    toggle.setAttribute("aria-expanded", String(open));
    if (open) toggle.removeAttribute("aria-describedby");
    else toggle.setAttribute("aria-describedby", `${key}-brief`);
  }

  /** The one line a closed objective shows: the start of its text and its indicators' answers. */
  brief(objective, key) {
    const text = objective.text.trim();
    const questions = this.data.questions;
    const total = objective.indicators.length * questions.length;
    const filled = objective.indicators.reduce(
      (sum, indicator) => sum + questions.filter((q) => !isBlank(indicator[q.id])).length,
      0,
    );
    return h(
      "p",
      { class: "kb-plan-brief", id: `${key}-brief` },
      h("span", { class: "kb-plan-brief-text" }, text ? firstWords(text, 140) : t("plan.unwritten")),
      " ",
      h(
        "span",
        { class: "kb-plan-brief-count", title: total ? t("plan.answeredLong", { filled, total }) : null },
        total
          ? t("plan.answered", {
              indicators: plural("plan.indicators", objective.indicators.length),
              filled,
              total,
            })
          : t("plan.noIndicators"),
      ),
    );
  }

  /** Fields size themselves to their text (CSS field-sizing); where the browser cannot, here. */
  grow(within) {
    if (SIZES_ITSELF) return;
    for (const textarea of within.querySelectorAll("textarea")) growField(textarea);
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
    const unanswered = [];
    objectives.forEach((objective, i) => {
      const key = this.key(objective, "t");
      const missing = fmt.missingOfObjective(objective);
      const before = unanswered.length;
      const objectiveState = fmt.objectiveState(objective);
      this.updateItem(key, missing, objectiveState);
      const count = this.root.querySelector(`[data-count="${key}"]`);
      if (count) count.textContent = t("plan.chosen", { n: objective.qualityStandards.length });
      total++;
      if (!missing.length) done++;
      const nested = objective.indicators.map((indicator, j) => {
        indicators++;
        total++;
        const ikey = this.key(indicator, "m");
        const imissing = fmt.missingOfIndicator(indicator, this.data);
        const state = fmt.state(imissing, fmt.indicatorQuestionCount(this.data));
        const name = t("plan.indicatorN", { n: `${i + 1}.${j + 1}` });
        if (!imissing.length) done++;
        this.updateItem(ikey, imissing, state);
        if (imissing.length)
          unanswered.push(h("li", {}, t("plan.missingOf", { name, list: imissing.join(", ") })));
        return this.taskItem(ikey, name, state);
      });
      const name = t("plan.objectiveN", { n: i + 1 });
      if (missing.length)
        unanswered.splice(before, 0, h("li", {}, t("plan.missingOf", { name, list: missing.join(", ") })));
      items.push(this.taskItem(key, name, objectiveState, nested));
    });
    this.unanswered.hidden = !unanswered.length;
    this.unanswered.querySelector("ul").replaceChildren(...unanswered);
    if (!objectives.length) {
      this.summary.replaceChildren(h("p", {}, `${t("plan.noObjectives")} ${t("plan.addOne")}`));
      return;
    }
    const headline = `${t("plan.draftHolds", { holding: this.holding(objectives.length, indicators) })} ${
      done === total ? t("plan.allAnswered") : t("plan.doneOf", { done, total })
    }`;
    this.summary.replaceChildren(
      h("p", { "data-kb-plan-headline": true }, headline),
      h("ul", { class: "kb-plan-tasks" }, items),
    );
  }

  /** "3 tavoitetta ja 4 mittaria", in the page's language. */
  holding(objectives, indicators) {
    return t("plan.holding", {
      objectives: plural("plan.objectives", objectives),
      indicators: plural("plan.indicators", indicators),
    });
  }

  /** An item's tag (its words in the page's language, its state for plan.css) and its line "Vastaamatta". */
  updateItem(key, missing, state) {
    const tag = this.root.querySelector(`.kb-plan-tag[data-status="${key}"]`);
    if (tag) {
      tag.textContent = t(`plan.status.${state}`);
      tag.dataset.state = state;
    }
    const text = this.root.querySelector(`[data-missing="${key}"]`);
    if (text) text.textContent = this.missingText(missing);
  }

  /** An item of the task list: its name, linked to it, and its status; its indicators beside it. */
  taskItem(key, name, state, nested) {
    return h(
      "li",
      {},
      h("a", { href: `#${key}` }, name),
      " ",
      h("span", { class: "kb-plan-tag", dataset: { state } }, t(`plan.status.${state}`)),
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
    return h("a", { href: this.exampleUrl(example), lang: "fi" }, example.objective);
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
          { lang: "fi" },
          examples.map((e) => h("li", {}, this.exampleLink(e))),
        ),
      ];
    }
    if (kind === "indicator" || kind === "indicator-unmarked") {
      return [
        h("p", {}, `${kind === "indicator" ? "" : unmarked}${t("plan.examples.indicators")}`),
        h(
          "ul",
          { lang: "fi" },
          examples.map((e) => h("li", {}, this.exampleLink(e), h("blockquote", {}, e.indicator))),
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
              `${capitalized(fmt.measureTypeLabel(type))} (${matching.length}): `,
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
          question: question.question.toLowerCase(),
        }),
      ),
      h(
        "ul",
        { lang: "fi" },
        answering.map((e) => h("li", {}, this.exampleLink(e), h("blockquote", {}, e.indicator))),
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
          h(
            "p",
            { class: "kb-plan-print-source" },
            `${t("plan.printStart")} `,
            finnish(objective.example.citation),
          ),
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
              `${t("plan.printStart")} `,
              finnish(indicator.example.citation),
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
          sources.map((c) => h("li", { lang: "fi" }, c)),
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
      if (!SIZES_ITSELF) growField(target);
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
      open: () => {
        const key = found && this.keys.get(found.objective);
        if (key === this.openKey) this.openAt(NONE_OPEN);
        else this.openAt(key, true);
      },
      up: () => this.move(found, -1, target.id),
      down: () => this.move(found, 1, target.id),
      duplicate: () => this.duplicate(found),
      remove: () => this.remove(found),
      undo: () => this.undoRemoval(),
      hint: () => toggleHint(target),
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
    const moved = found.indicator ? "plan.moved.indicator" : "plan.moved.objective";
    this.announce(t(moved, { name: this.name(this.find(key)) }));
  }

  duplicate(found) {
    const item = fmt.copy(found.indicator || found.objective);
    if (!this.fits(item, t("plan.notAdded.copy", { name: this.name(found) }))) return;
    found.list.splice(found.index + 1, 0, item);
    if (!found.indicator) this.openKey = this.key(item, "t"); // a new objective opens
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
      this.openKey = null; // the first unfinished objective of the plan brought in
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
        t("plan.imported", { file: file.name, holding: this.holding(draft.objectives.length, indicators) }),
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

/**
 * The introduction is for the first visit: open then, closed under its summary after it (and
 * whenever the browser already holds a draft), until the reader opens it again. The reader's
 * choice is kept in this browser like the draft (INTRO_KEY); where the browser allows no
 * storage, the introduction is simply open.
 */
function rememberIntro(intro, hadDraft) {
  const store = (value) => {
    try {
      window.localStorage.setItem(INTRO_KEY, value);
    } catch (_error) {
      /* not remembered: the page works as on a first visit */
    }
  };
  let chosen = null;
  try {
    chosen = window.localStorage.getItem(INTRO_KEY);
  } catch (_error) {
    return;
  }
  if (chosen === null) store("kiinni"); // the next visit is no longer the first
  let open = chosen === null ? !hadDraft : chosen === "auki";
  intro.open = open;
  // Only the reader's own opening and closing is remembered: the browser also says "toggle" for
  // the page's open attribute and for the line above.
  intro.addEventListener("toggle", () => {
    if (intro.open === open) return;
    open = intro.open;
    store(open ? "auki" : "kiinni");
  });
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
      registration.active.postMessage({ plan: [page.href, ...files, ...examples] }),
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
  const intro = document.querySelector("details.kb-plan-intro");
  if (intro) rememberIntro(intro, plan.hadDraft);
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
