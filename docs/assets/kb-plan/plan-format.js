/*
 * The applicant's plan as data: its shape, what is still unanswered, and the files it leaves the
 * browser as (Markdown, CSV, JSON). No DOM here: plan.js draws the editor, and the browser tests
 * call these functions with known inputs.
 *
 * A draft is plain data:
 *   {objectives: [{text, example, priorities, qualityStandards, concrete, realistic, measurable,
 *                  indicators: [{text, example, measureType, <one text per report question>,
 *                                qualitySystem}]}]}
 * The report's questions are data.questions of the data file (data/suunnitelma.json); every
 * function that needs them takes the data.
 * `example` is null or {id, text, citation}: the example the text started from, its verbatim
 * text and its citation, kept so the draft always shows where it came from.
 *
 * Every word shown or written (labels, statuses, problems, the files' headings) is in the page's
 * language (kb-i18n: <html lang>); the draft itself is the same in both editions, so a file saved
 * on a Swedish page opens on a Finnish one. A measure type is stored by its Finnish value.
 */
import { language, number as localNumber, t } from "../kb-i18n/i18n.js";

export const FORMAT = "kb-oma-suunnitelma";
export const VERSION = 1;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * How much a draft holds: the one definition that typing, saving, loading and importing all
 * follow, so that every draft the page lets the reader write is saved, loads again and comes
 * back from its own JSON file. `characters` counts every text of the draft (the reader's own
 * and the examples' texts and citations it keeps); with every character written out as JSON's
 * longest escape (\uXXXX), a full draft is still well inside the browser's storage (about five
 * million characters an origin) and MAX_FILE_BYTES.
 */
export const LIMITS = Object.freeze({ text: 20000, objectives: 100, indicators: 200, characters: 200000 });
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** A number as the page's language writes it, a no-break space between thousands: 200 000. */
export function number(n) {
  return localNumber(n);
}

function textsOf(item) {
  const texts = [item.text];
  if (item.example) texts.push(item.example.text, item.example.citation);
  return texts;
}

/** {objectives, indicators, characters} of a draft, an objective or an indicator. */
export function measure(item) {
  const size = { objectives: 0, indicators: 0, characters: 0 };
  const count = (texts) => {
    for (const t of texts) size.characters += typeof t === "string" ? t.length : 0;
  };
  // Every text of an item: its answers (whichever questions the data file has) and its example.
  const texts = (item) =>
    Object.entries(item)
      .filter(([key]) => key !== "measureType")
      .map(([, value]) => value);
  const indicator = (i) => {
    size.indicators++;
    count([...texts(i), ...textsOf(i).slice(1)]);
  };
  const objective = (o) => {
    size.objectives++;
    count([...texts(o), ...textsOf(o).slice(1)]);
    o.indicators.forEach(indicator);
  };
  if (Array.isArray(item.objectives)) item.objectives.forEach(objective);
  else if (Array.isArray(item.indicators)) objective(item);
  else indicator(item);
  return size;
}

/** Sizes added together: what a draft would hold with another item in it. */
export function plus(a, b) {
  return {
    objectives: a.objectives + b.objectives,
    indicators: a.indicators + b.indicators,
    characters: a.characters + b.characters,
  };
}

/** Why a draft of this size does not fit (a sentence in the page's language), or null when it fits. */
export function overLimit(size) {
  for (const what of ["objectives", "indicators", "characters"]) {
    if (size[what] > LIMITS[what]) return t(`plan.limit.${what}`, { n: number(LIMITS[what]) });
  }
  return null;
}
// The report's indicator questions (their fields, labels and words) are not repeated here: they
// come with the data file (data.questions, from generator/content/model.py INDICATOR_QUESTIONS).
export const OBJECTIVE_TEXT_FIELDS = ["concrete", "realistic", "measurable"];

const FIELDS = [
  "objective",
  "priorities",
  "qualityStandards",
  "concrete",
  "realistic",
  "measurable",
  "indicator",
  "measureType",
  "qualitySystem",
];

/** {field: message}, each read in the page's language when it is used. */
const messagesOf = (prefix) =>
  Object.freeze(
    Object.defineProperties(
      {},
      Object.fromEntries(
        FIELDS.map((field) => [field, { enumerable: true, get: () => t(`${prefix}.${field}`) }]),
      ),
    ),
  );

/** Words of the editor that are not in the data file: our own labels for our own fields. */
export const LABELS = messagesOf("plan.label");

export const QUESTIONS = messagesOf("plan.question");

/** A measure type (stored by its Finnish value) as the page's language names it. */
export function measureTypeLabel(type) {
  if (!type) return "";
  return t("plan.measureTypes").split("|")[MEASURE_TYPES.indexOf(type)] ?? type;
}
/** The measure types in the order of the message plan.measureTypes (the model's, MeasureType). */
export const MEASURE_TYPES = ["määrällinen", "laadullinen", "molemmat"];

export class PlanError extends Error {}

export function emptyIndicator(data) {
  const indicator = { text: "", example: null, measureType: "" };
  for (const question of data.questions) indicator[question.id] = "";
  indicator.qualitySystem = "";
  return indicator;
}

export function emptyObjective() {
  return {
    text: "",
    example: null,
    priorities: [],
    qualityStandards: [],
    concrete: "",
    realistic: "",
    measurable: "",
    indicators: [],
  };
}

/** An objective and its indicator copied from an example of the data file. */
export function fromExample(example, citation, data) {
  const objective = emptyObjective();
  objective.text = example.objective;
  objective.example = { id: example.id, text: example.objective, citation };
  objective.qualityStandards = [...new Set(example.qualityStandards)];
  const indicator = emptyIndicator(data);
  indicator.text = example.indicator;
  indicator.example = { id: example.id, text: example.indicator, citation };
  objective.indicators.push(indicator);
  return objective;
}

export function copy(value) {
  return JSON.parse(JSON.stringify(value));
}

// --- what is still unanswered ------------------------------------------------------------------

function blank(value) {
  return typeof value !== "string" || value.trim() === "";
}

/** The labels of the report's questions an indicator does not answer yet, in order. */
export function missingOfIndicator(indicator, data) {
  const missing = [];
  if (blank(indicator.text)) missing.push(LABELS.indicator);
  if (!indicator.measureType) missing.push(LABELS.measureType);
  for (const question of data.questions) {
    if (blank(indicator[question.id])) missing.push(question.label);
  }
  if (blank(indicator.qualitySystem)) missing.push(LABELS.qualitySystem);
  return missing;
}

export function missingOfObjective(objective) {
  const missing = [];
  if (blank(objective.text)) missing.push(LABELS.objective);
  if (!objective.priorities.length) missing.push(LABELS.priorities);
  if (!objective.qualityStandards.length) missing.push(LABELS.qualityStandards);
  for (const field of OBJECTIVE_TEXT_FIELDS) if (blank(objective[field])) missing.push(LABELS[field]);
  if (!objective.indicators.length) missing.push(t(NO_INDICATORS));
  return missing;
}

const NO_INDICATORS = "plan.label.indicators";

/** How far an objective's own answers are (its indicators have their own): see ``state``. */
export function objectiveState(objective) {
  const own = missingOfObjective(objective);
  return state(own, OBJECTIVE_TEXT_FIELDS.length + 3 + (objective.indicators.length ? 0 : 1));
}

/** The status of an objective's own answers, as the task list says it. */
export function objectiveStatus(objective) {
  return t(`plan.status.${objectiveState(objective)}`);
}

/** "empty", "partial" or "done": how far an item is (the tags' data-state). */
export function state(missing, total) {
  if (missing.length === 0) return "done";
  return missing.length >= total ? "empty" : "partial";
}

/** "Ei aloitettu", "Kesken" or "Valmis" (in the page's language): how far an item is, as a task list says it. */
export function status(missing, total) {
  return t(`plan.status.${state(missing, total)}`);
}

export function indicatorQuestionCount(data) {
  return data.questions.length + 3;
}

// --- reading a file or the browser's storage ---------------------------------------------------

function fail(message) {
  throw new PlanError(message);
}

function text(value, where) {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") fail(t("plan.file.notText", { where }));
  if (value.length > LIMITS.text) fail(t("plan.file.tooLong", { where, n: number(LIMITS.text) }));
  return value;
}

function object(value, where) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    fail(t("plan.file.notObject", { where }));
  return value;
}

function list(value, where, limit) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(t("plan.file.notList", { where }));
  if (value.length > limit) fail(t("plan.file.tooMany", { where, n: number(limit) }));
  return value;
}

function ids(value, known, where) {
  const out = [];
  for (const id of list(value, where, known.size)) {
    if (typeof id !== "string" || !known.has(id))
      fail(t("plan.file.unknownValue", { where, value: String(id).slice(0, 60) }));
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function example(value, where) {
  if (value === undefined || value === null) return null;
  object(value, where);
  const id = text(value.id, t("plan.file.where", { where, what: t("plan.file.id") }));
  if (!ID.test(id)) fail(t("plan.file.badId", { where, id: id.slice(0, 60) }));
  return {
    id,
    text: text(value.text, t("plan.file.where", { where, what: t("plan.file.exampleText") })),
    citation: text(value.citation, t("plan.file.where", { where, what: t("plan.file.citation") })),
  };
}

/**
 * A draft from JSON text, checked field by field. Only the fields of a draft are copied into a
 * new object, so nothing else in the file can reach the page. Throws PlanError with a message
 * in the page's language that names the first problem.
 */
export function parseDraft(source, data) {
  if (typeof source !== "string") fail(t("plan.file.notTextFile"));
  if (source.length > MAX_FILE_BYTES) fail(t("plan.file.tooLarge"));
  let raw;
  try {
    raw = JSON.parse(source);
  } catch (_error) {
    fail(t("plan.file.notJson"));
  }
  object(raw, t("plan.file.plan"));
  if (raw.format !== FORMAT) fail(t("plan.file.notPlan"));
  if (raw.version !== VERSION) fail(t("plan.file.version", { version: String(raw.version).slice(0, 20) }));
  const at = (where, what) => t("plan.file.where", { where, what });
  const priorities = new Set(data.priorities.map((p) => p.id));
  const standards = new Set(data.qualityStandards.map((s) => s.id));
  const measureTypes = new Set(["", ...data.measureTypes]);
  const lower = (field) => LABELS[field].toLocaleLowerCase(language());
  const objectives = list(raw.objectives, t("plan.file.objectives"), LIMITS.objectives).map(
    (rawObjective, i) => {
      const where = t("plan.objectiveN", { n: i + 1 });
      object(rawObjective, where);
      const objective = emptyObjective();
      objective.text = text(rawObjective.text, at(where, lower("objective")));
      objective.example = example(rawObjective.example, at(where, t("plan.file.example")));
      objective.priorities = ids(rawObjective.priorities, priorities, at(where, lower("priorities")));
      objective.qualityStandards = ids(
        rawObjective.qualityStandards,
        standards,
        at(where, lower("qualityStandards")),
      );
      for (const field of OBJECTIVE_TEXT_FIELDS) {
        objective[field] = text(rawObjective[field], at(where, lower(field)));
      }
      const indicatorsAt = at(where, t(NO_INDICATORS).toLocaleLowerCase(language()));
      objective.indicators = list(rawObjective.indicators, indicatorsAt, LIMITS.indicators).map(
        (rawIndicator, j) => {
          const here = t("plan.indicatorN", { n: `${i + 1}.${j + 1}` });
          object(rawIndicator, here);
          const indicator = emptyIndicator(data);
          indicator.text = text(rawIndicator.text, at(here, lower("indicator")));
          indicator.example = example(rawIndicator.example, at(here, t("plan.file.example")));
          const measureType = text(rawIndicator.measureType, at(here, lower("measureType")));
          if (!measureTypes.has(measureType))
            fail(t("plan.file.badMeasureType", { where: here, value: measureType.slice(0, 60) }));
          indicator.measureType = measureType;
          for (const question of data.questions) {
            indicator[question.id] = text(
              rawIndicator[question.id],
              at(here, question.label.toLocaleLowerCase(language())),
            );
          }
          indicator.qualitySystem = text(rawIndicator.qualitySystem, at(here, lower("qualitySystem")));
          return indicator;
        },
      );
      return objective;
    },
  );
  const draft = { objectives };
  const over = overLimit(measure(draft));
  if (over) fail(`${t("plan.file.tooLargePlan")} ${over}`);
  return draft;
}

export function toJSON(draft, savedAt) {
  return (
    JSON.stringify(
      { format: FORMAT, version: VERSION, saved: savedAt, objectives: draft.objectives },
      null,
      2,
    ) + "\n"
  );
}

// --- Markdown ---------------------------------------------------------------------------------

/** Plain text for Markdown: every character Markdown or HTML could read as syntax is escaped. */
export function markdownText(value) {
  return String(value)
    .replace(/[\\`*_{}[\]<>|~!]/g, (c) => "\\" + c)
    .replace(/&/g, "&amp;")
    .split("\n")
    .map((line) => line.trim().replace(/^([#>+=-]|\d+[.)])/, (m) => m.replace(/([#>+=.)-])$/, "\\$1")))
    .join("\n");
}

/** Paragraphs of text, or an em dash for a question not answered yet. */
function markdownBlock(value, prefix = "") {
  if (blank(value)) return prefix + "–";
  return value
    .trim()
    .split(/\n\s*\n/)
    .map(
      (p) =>
        prefix +
        markdownText(p)
          .split("\n")
          .join("  \n" + prefix),
    )
    .join("\n" + prefix.trimEnd() + "\n");
}

function labelsOf(idsList, vocabulary) {
  const names = new Map(vocabulary.map((t) => [t.id, t.label]));
  return idsList.map((id) => names.get(id) || id);
}

/** Every example the draft started from, each once, in the order first used. */
export function citations(draft) {
  const seen = new Map();
  for (const objective of draft.objectives) {
    for (const item of [objective, ...objective.indicators]) {
      if (item.example?.citation && !seen.has(item.example.citation))
        seen.set(item.example.citation, item.example);
    }
  }
  return [...seen.keys()];
}

export function toMarkdown(draft, data, meta) {
  const out = [`# ${markdownText(meta.title)}`, ""];
  out.push(markdownText(t("plan.md.from", { url: meta.url, date: meta.date })), "");
  if (!draft.objectives.length) out.push(t("plan.noObjectives"), "");
  const source = (citation) => `> ${markdownText(t("plan.source", { citation }))}`;
  draft.objectives.forEach((objective, i) => {
    out.push(`## ${LABELS.objective} ${i + 1}`, "", markdownBlock(objective.text), "");
    if (objective.example) {
      out.push(`> ${t("plan.md.startObjective")}`, ">", markdownBlock(objective.example.text, "> "), ">");
      out.push(source(objective.example.citation), "");
    }
    out.push(
      `- **${LABELS.priorities}:** ${markdownText(labelsOf(objective.priorities, data.priorities).join("; ") || "–")}`,
    );
    out.push(
      `- **${LABELS.qualityStandards}:** ${markdownText(labelsOf(objective.qualityStandards, data.qualityStandards).join("; ") || "–")}`,
    );
    for (const field of OBJECTIVE_TEXT_FIELDS) {
      out.push(`- **${QUESTIONS[field]}** ${markdownBlock(objective[field]).split("\n").join("\n  ")}`);
    }
    out.push("");
    objective.indicators.forEach((indicator, j) => {
      out.push(`### ${LABELS.indicator} ${i + 1}.${j + 1}`, "", markdownBlock(indicator.text), "");
      if (indicator.example) {
        out.push(`> ${t("plan.md.startIndicator")}`, ">", markdownBlock(indicator.example.text, "> "), ">");
        out.push(source(indicator.example.citation), "");
      }
      out.push(
        `- **${QUESTIONS.measureType}** ${markdownText(measureTypeLabel(indicator.measureType) || "–")}`,
      );
      for (const question of data.questions) {
        out.push(
          `- **${question.question}** ${markdownBlock(indicator[question.id]).split("\n").join("\n  ")}`,
        );
      }
      out.push(
        `- **${QUESTIONS.qualitySystem}** ${markdownBlock(indicator.qualitySystem).split("\n").join("\n  ")}`,
      );
      const missing = missingOfIndicator(indicator, data);
      if (missing.length) out.push(`- *${t("plan.md.unanswered")}* ${markdownText(missing.join(", "))}`);
      out.push("");
    });
  });
  const sources = citations(draft);
  if (sources.length) {
    out.push(`## ${t("plan.sources")}`, "", t("plan.md.sourcesIntro"), "");
    for (const citation of sources) out.push(`- ${markdownText(citation)}`);
    out.push("");
  }
  return out.join("\n");
}

// --- CSV --------------------------------------------------------------------------------------

/**
 * A cell that a spreadsheet shows as text: a value starting with = + - @ (or a tab or a line break
 * before them) would be read as a formula, so it gets a leading apostrophe. The README says so,
 * and tests/site/test_csv_rule.py holds both to it.
 */
export function neutralise(value) {
  const cell = String(value ?? "");
  return /^[=+\-@\t\r\n]/.test(cell) ? "'" + cell : cell;
}

function csvCell(value) {
  const cell = neutralise(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvColumns(data) {
  return [
    t("plan.csv.objectiveNo"),
    LABELS.objective,
    LABELS.priorities,
    LABELS.qualityStandards,
    QUESTIONS.concrete,
    QUESTIONS.realistic,
    QUESTIONS.measurable,
    t("plan.csv.objectiveExample"),
    t("plan.csv.indicatorNo"),
    LABELS.indicator,
    LABELS.measureType,
    ...data.questions.map((q) => q.question),
    QUESTIONS.qualitySystem,
    t("plan.csv.indicatorExample"),
    t("plan.csv.unanswered"),
  ];
}

/** One row per indicator (an objective without indicators gets one row of its own), RFC 4180. */
export function toCSV(draft, data) {
  const rows = [csvColumns(data)];
  draft.objectives.forEach((objective, i) => {
    const head = [
      String(i + 1),
      objective.text,
      labelsOf(objective.priorities, data.priorities).join("; "),
      labelsOf(objective.qualityStandards, data.qualityStandards).join("; "),
      objective.concrete,
      objective.realistic,
      objective.measurable,
      objective.example ? objective.example.citation : "",
    ];
    const indicators = objective.indicators.length ? objective.indicators : [null];
    indicators.forEach((indicator, j) => {
      if (!indicator) {
        rows.push([
          ...head,
          "",
          "",
          "",
          ...data.questions.map(() => ""),
          "",
          "",
          missingOfObjective(objective).join(", "),
        ]);
        return;
      }
      rows.push([
        ...head,
        `${i + 1}.${j + 1}`,
        indicator.text,
        measureTypeLabel(indicator.measureType),
        ...data.questions.map((q) => indicator[q.id]),
        indicator.qualitySystem,
        indicator.example ? indicator.example.citation : "",
        [...missingOfObjective(objective), ...missingOfIndicator(indicator, data)].join(", "),
      ]);
    });
  });
  // A byte order mark, so that spreadsheet programs read the Finnish and Swedish letters as UTF-8.
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
