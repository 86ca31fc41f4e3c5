/*
 * The plan's data model and its files (docs/assets/kb-plan/plan-format.js), without a page: the
 * draft's shape from the report's questions, reading a file back, CSV and Markdown, with known
 * inputs and with generated hostile text. The editor itself is tested in Chromium
 * (tests/browser/test_plan.py).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as f from "../../docs/assets/kb-plan/plan-format.js";
import { forEachSeed, pick, some, text } from "./generated.js";
import { planData } from "./site-data.js";

const data = planData();

const draftOf = (next) => ({
  objectives: Array.from({ length: Math.floor(next() * 3) }, () => {
    const objective =
      next() < 0.3 ? f.fromExample(pick(next, data.examples), text(next), data) : f.emptyObjective();
    objective.text = text(next);
    objective.priorities = some(next, data.priorities).map((p) => p.id);
    objective.qualityStandards = some(next, data.qualityStandards).map((s) => s.id);
    for (const field of f.OBJECTIVE_TEXT_FIELDS) objective[field] = text(next);
    for (let j = Math.floor(next() * 3); j > 0; j--) {
      const indicator = f.emptyIndicator(data);
      indicator.text = text(next);
      indicator.measureType = pick(next, ["", ...data.measureTypes]);
      for (const question of data.questions) indicator[question.id] = text(next);
      indicator.qualitySystem = text(next);
      objective.indicators.push(indicator);
    }
    return objective;
  }),
});

/** RFC 4180, as a spreadsheet reads the file: rows of cells. */
const readCsv = (source) => {
  const rows = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      rows.at(-1).push(cell);
      cell = "";
    } else if (c === "\r" && source[i + 1] === "\n") {
      rows.at(-1).push(cell);
      cell = "";
      rows.push([]);
      i++;
    } else cell += c;
  }
  assert.equal(rows.pop().length, 0, "the file ends with a line break");
  return rows;
};

test("an indicator has a field for each of the report's questions, in the report's order", () => {
  assert.equal(data.questions.length, 7);
  const indicator = f.emptyIndicator(data);
  const ids = data.questions.map((q) => q.id);
  assert.deepEqual(
    Object.keys(indicator).filter((k) => ids.includes(k)),
    ids,
  );
  const missing = f.missingOfIndicator(indicator, data);
  assert.deepEqual(missing, [
    f.LABELS.indicator,
    f.LABELS.measureType,
    ...data.questions.map((q) => q.label),
    f.LABELS.qualitySystem,
  ]);
  assert.equal(f.indicatorQuestionCount(data), missing.length);
  assert.equal(f.status(missing, f.indicatorQuestionCount(data)), "Ei aloitettu");
  indicator.text = "Osallistujien määrä";
  assert.equal(f.status(f.missingOfIndicator(indicator, data), f.indicatorQuestionCount(data)), "Kesken");
});

test("an example's objective and indicator are copied with the example they came from", () => {
  const example = data.examples[0];
  const objective = f.fromExample(example, "Viite.", data);
  assert.equal(objective.text, example.objective);
  assert.deepEqual(objective.example, { id: example.id, text: example.objective, citation: "Viite." });
  assert.deepEqual(objective.qualityStandards, example.qualityStandards);
  assert.equal(objective.indicators.length, 1);
  assert.equal(objective.indicators[0].text, example.indicator);
  assert.deepEqual(f.citations({ objectives: [objective, f.fromExample(example, "Viite.", data)] }), [
    "Viite.",
  ]);
});

test("a saved draft reads back as it was, whatever its text", () => {
  forEachSeed(300, (next) => {
    const draft = draftOf(next);
    assert.deepEqual(f.parseDraft(f.toJSON(draft, "2026-12-06T00:00:00Z"), data), draft);
  });
});

test("a broken or hostile file is refused with a Finnish message, never another error", () => {
  const file = (objectives) => JSON.stringify({ format: f.FORMAT, version: f.VERSION, objectives });
  const refused = {
    "{": "Tiedosto ei ole JSON-muodossa, tai se on vioittunut.",
    "[]": "Suunnitelma puuttuu tai on väärää muotoa.",
    '{"format":"muu","version":1}': "Tiedosto ei ole tämän sivun tallentama suunnitelma.",
    [file([{ text: 5 }])]: "Tavoite 1: tavoite ei ole tekstiä.",
    [file([{ priorities: ["x"] }])]: "Tavoite 1: painopisteet: tuntematon arvo ”x”.",
    [file([{ indicators: [{ measureType: "paljon" }] }])]: "Mittari 1.1: mittarin laji ”paljon” ei kelpaa.",
    [file([{ example: { id: "../../x" } }])]: "Tavoite 1: esimerkki: tunniste ”../../x” ei kelpaa.",
  };
  for (const [source, message] of Object.entries(refused)) {
    assert.throws(() => f.parseDraft(source, data), { name: "Error", message }, source);
  }
  assert.throws(() => f.parseDraft(file([{ text: "x".repeat(20001) }]), data), f.PlanError);
  assert.throws(() => f.parseDraft(file(Array(101).fill({})), data), /liian monta/);
  const [question] = data.questions;
  assert.throws(
    () => f.parseDraft(file([{ indicators: [{ [question.id]: [] }] }]), data),
    new RegExp(`Mittari 1.1: ${question.label.toLowerCase()} ei ole tekstiä`),
  );
  // Anything else in a file stays out of the draft and out of every object's prototype.
  const polluted = f.parseDraft(
    `{"format":"${f.FORMAT}","version":1,"__proto__":{"x":1},"objectives":[{"__proto__":{"y":1},"extra":"z"}]}`,
    data,
  );
  assert.deepEqual(polluted, { objectives: [f.emptyObjective()] });
  assert.equal({}.x, undefined);
  assert.equal({}.y, undefined);
  // Generated values where the draft's text, lists and objects belong.
  forEachSeed(300, (next) => {
    const value = () => pick(next, [text(next), 5, null, [], {}, [text(next)], { id: text(next) }, true]);
    const objective = {
      text: value(),
      priorities: value(),
      example: value(),
      indicators: [{ text: value() }],
    };
    for (const question of data.questions) objective.indicators[0][question.id] = value();
    try {
      f.parseDraft(file([objective]), data);
    } catch (error) {
      assert.ok(error instanceof f.PlanError, String(error));
    }
  });
});

test("the CSV has a row per indicator, the report's questions as columns and no formula cells", () => {
  forEachSeed(200, (next) => {
    const draft = draftOf(next);
    const csv = f.toCSV(draft, data);
    assert.ok(csv.startsWith("\ufeff"));
    const [header, ...rows] = readCsv(csv.slice(1));
    assert.deepEqual(header, f.csvColumns(data));
    for (const question of data.questions) assert.ok(header.includes(question.question), question.question);
    const expected = draft.objectives.flatMap((o) => (o.indicators.length ? o.indicators : [null]));
    assert.equal(rows.length, expected.length);
    rows.forEach((row, r) => {
      assert.equal(row.length, header.length);
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r\n]/);
      const indicator = expected[r];
      if (!indicator) return;
      const cells = Object.fromEntries(header.map((name, i) => [name, row[i]]));
      assert.equal(cells[f.LABELS.indicator], f.neutralise(indicator.text));
      for (const question of data.questions) {
        assert.equal(cells[question.question], f.neutralise(indicator[question.id]));
      }
    });
  });
  assert.deepEqual(["=1", "+1", "-1", "@a", "\tb", "\rc", "\nd", "a=b", "", "x"].map(f.neutralise), [
    "'=1",
    "'+1",
    "'-1",
    "'@a",
    "'\tb",
    "'\rc",
    "'\nd",
    "a=b",
    "",
    "x",
  ]);
});

/** What a Markdown reader shows for escaped text: the escapes undone. */
const shown = (markdown) => markdown.replace(/&amp;/g, "&").replace(/\\(.)/gs, "$1");

test("text in the Markdown file is text: escaped, and shown as it was typed", () => {
  assert.equal(
    f.markdownText("<script>*a* [l](u) _b_ `c`"),
    "\\<script\\>\\*a\\* \\[l\\](u) \\_b\\_ \\`c\\`",
  );
  assert.equal(
    f.markdownText("# ei otsikko\n- ei luettelo\n1. ei numeroitu"),
    "\\# ei otsikko\n\\- ei luettelo\n1\\. ei numeroitu",
  );
  forEachSeed(500, (next) => {
    const value = text(next, 40);
    const escaped = f.markdownText(value);
    assert.equal(
      shown(escaped),
      value
        .split("\n")
        .map((line) => line.trim())
        .join("\n"),
    );
    assert.doesNotMatch(escaped, /(^|[^\\])(\\\\)*[<>`*_[\]]/);
    for (const line of escaped.split("\n")) assert.doesNotMatch(line, /^([#>+=-]|\d+[.)])/);
  });
});

test("the Markdown file asks every question of every indicator and lists the sources", () => {
  const draft = { objectives: [f.fromExample(data.examples[0], "Viite A. https://x/.", data)] };
  const md = f.toMarkdown(draft, data, { title: "Otsikko", url: "http://x/suunnitelma/", date: "1.1.2026" });
  assert.ok(md.startsWith("# Otsikko\n"));
  for (const question of data.questions)
    assert.ok(md.includes(`- **${question.question}** –`), question.question);
  assert.ok(md.trimEnd().endsWith("- Viite A. https://x/."));
  assert.ok(
    md.includes(
      `*Vastaamatta:* ${f.markdownText(f.missingOfIndicator(draft.objectives[0].indicators[0], data).join(", "))}`,
    ),
  );
});
