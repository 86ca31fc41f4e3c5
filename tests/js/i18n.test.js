/*
 * The scripts' words (docs/assets/kb-i18n/): one table per language with the same keys and the
 * same {placeholders}, every message a script asks for in them, no Finnish sentence left in a
 * script, and a page with lang="sv" getting Swedish words, numbers, dates and plan files.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, test } from "node:test";
import * as i18n from "../../docs/assets/kb-i18n/i18n.js";
import * as f from "../../docs/assets/kb-plan/plan-format.js";
import { planData, REPO } from "./site-data.js";

const ASSETS = join(REPO, "docs/assets");
const TABLES = join(ASSETS, "kb-i18n");
const scripts = [
  ...readdirSync(ASSETS, { recursive: true })
    .filter((name) => name.endsWith(".js") && !name.startsWith("kb-i18n"))
    .map((name) => join(ASSETS, name)),
  join(REPO, "docs/sw.js"),
];
// The query side's language data (function words, endings; Voikko's vowels in its dictionary
// walk) is never shown: it reads queries.
const LANGUAGE_DATA = new Set([
  join(ASSETS, "kb-search/kb-query.js"),
  join(ASSETS, "kb-search/kb-voikko.js"),
]);
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** As a browser shows the page: <html lang="…">. */
const onPage = (lang) => {
  globalThis.document = { documentElement: { lang } };
};
afterEach(() => {
  delete globalThis.document;
});

test("both tables have the same keys, and each key the same placeholders", () => {
  const { fi, sv } = i18n.TABLES;
  assert.deepEqual(Object.keys(sv).sort(), Object.keys(fi).sort());
  assert.ok(Object.keys(fi).length > 150);
  for (const key of Object.keys(fi)) {
    assert.deepEqual(placeholders(sv[key]), placeholders(fi[key]), key);
    assert.ok(fi[key].trim() && sv[key].trim(), key);
  }
  // A plural is one form and the other, both with the number.
  for (const key of Object.keys(fi).filter((k) => k.endsWith(".one"))) {
    const other = key.replace(/\.one$/, ".other");
    assert.ok(other in fi, other);
    for (const table of [fi, sv]) assert.ok(table[key].includes("{n}") && table[other].includes("{n}"), key);
  }
  // The measure types are named in the model's order, one name each.
  assert.equal(sv["plan.measureTypes"].split("|").length, f.MEASURE_TYPES.length);
});

test("every message a script asks for is in the tables, and every message is asked for", () => {
  const keys = new Set(Object.keys(i18n.TABLES.fi));
  const used = new Set();
  const prefixes = [];
  for (const path of [...scripts, join(TABLES, "i18n.js")]) {
    const source = readFileSync(path, "utf8");
    for (const m of source.matchAll(/\b(?:t|plural)\(\s*"([\w.]+)"/g)) {
      assert.ok(keys.has(m[1]) || keys.has(`${m[1]}.one`), `${relative(REPO, path)}: ${m[1]}`);
      used.add(m[1]);
    }
    // A key built from a value (t(`plan.status.${state}`)): every key it can be starts so.
    for (const m of source.matchAll(/`([a-z]+(?:\.\w+)*\.)\$\{/g)) prefixes.push(m[1]);
    // Keys kept in a constant or a map and passed to t() later: "copy.link", "header.menu".
    for (const m of source.matchAll(/"([a-z]+(?:\.[\w]+)+)"/g)) if (keys.has(m[1])) used.add(m[1]);
    for (const m of source.matchAll(/messagesOf\("([\w.]+)"\)/g)) prefixes.push(`${m[1]}.`);
  }
  for (const prefix of prefixes) {
    assert.ok(
      [...keys].some((k) => k.startsWith(prefix)),
      `no message begins ${prefix}`,
    );
  }
  const unused = [...keys].filter(
    (k) =>
      !used.has(k) && !used.has(k.replace(/\.(one|other)$/, "")) && !prefixes.some((p) => k.startsWith(p)),
  );
  assert.deepEqual(unused, []);
});

/** The string literals of a script, without its comments (a template's ${…} parts left out). */
const literals = (source) => {
  const out = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    out.push((m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, " "));
  }
  return out;
};

test("no script holds a sentence or a Finnish word of its own: they come from the tables", () => {
  // Values that are not words shown to a reader: the addresses' parameters and the stored values.
  const notWords = new Set(["määrällinen", "laadullinen", "molemmat", "kb-oma-suunnitelma-lukematon"]);
  const found = [];
  for (const path of scripts.filter((p) => !LANGUAGE_DATA.has(p))) {
    for (const text of literals(readFileSync(path, "utf8"))) {
      if (notWords.has(text)) continue;
      const sentence = /\p{Lu}\p{Ll}+ \p{Ll}{2,}/u.test(text) && !/^[\w-]+:/.test(text);
      if (/[äöåÄÖÅ]/.test(text) || sentence) found.push(`${relative(REPO, path)}: ${text.slice(0, 60)}`);
    }
  }
  assert.deepEqual(found, []);
});

test("a page in Swedish gets Swedish words, and numbers and dates as Finland writes them", () => {
  assert.equal(i18n.language(), "fi");
  assert.equal(i18n.t("search.failed"), "Haku ei onnistunut");
  onPage("sv");
  assert.equal(i18n.language(), "sv");
  assert.equal(i18n.t("search.failed"), "Sökningen misslyckades");
  assert.equal(i18n.plural("results.count", 1), "1 träff");
  assert.equal(i18n.plural("results.count", 12000), "12\u00a0000 träffar");
  assert.equal(i18n.date(new Date(2026, 11, 6)), "6.12.2026");
  assert.equal(
    f.overLimit({ objectives: 101, indicators: 0, characters: 0 }),
    "Utkastet rymmer högst 100 mål.",
  );
  onPage("fi-FI");
  assert.equal(i18n.number(200000), "200\u00a0000");
  assert.equal(i18n.date(new Date(2026, 0, 31)), "31.1.2026");
  onPage("en");
  assert.equal(i18n.language(), "fi", "a language without a table reads Finnish");
  assert.throws(() => i18n.t("no.such.message"), /unknown message/);
});

test("the plan's files made on a Swedish page have Swedish headings; the draft is the same", () => {
  const data = planData();
  const example = data.examples[0];
  const draft = { objectives: [f.fromExample(example, "Lähde, luku 2.", data)] };
  draft.objectives[0].indicators[0].measureType = "laadullinen";
  const finnishCsv = f.toCSV(draft, data);
  onPage("sv");
  const csv = f.toCSV(draft, data);
  const header = csv.slice(1).split("\r\n")[0];
  assert.ok(
    header.startsWith("Mål nr,Mål,Prioriteringar,Kvalitetsstandarder,Vad gör målet konkret?"),
    header,
  );
  assert.ok(header.endsWith("Indikatorns exempel,Obesvarat"), header);
  assert.match(csv.split("\r\n")[1], /,kvalitativ,/);
  const markdown = f.toMarkdown(draft, data, {
    title: "Egen plan",
    url: "https://example.org/sv/",
    date: "6.12.2026",
  });
  assert.match(markdown, /^## Mål 1$/m);
  assert.match(markdown, /^### Indikator 1\.1$/m);
  assert.match(markdown, /^> Utgångspunkten är exemplets mål:$/m);
  assert.match(markdown, /^- \*\*Är indikatorn kvantitativ eller kvalitativ\?\*\* kvalitativ$/m);
  assert.match(markdown, /^## Källor$/m);
  assert.doesNotMatch(markdown, /Tavoite|Mittari|Lähteet|Vastaamatta/);
  // The file's data is the same on either page: a draft saved in Swedish opens in Finnish.
  const saved = f.toJSON(draft, "2026-12-06T00:00:00Z");
  assert.throws(() => f.parseDraft("{", data), /Filen är inte i JSON-format/);
  delete globalThis.document;
  assert.deepEqual(f.parseDraft(saved, data), draft);
  assert.equal(f.toCSV(draft, data), finnishCsv);
  assert.match(finnishCsv, /,laadullinen,/);
});

test("a Swedish query loses its Swedish function words, a Finnish one its Finnish ones", async () => {
  const { queryWords, STOPWORDS_OF, Vocabulary } = await import("../../docs/assets/kb-search/kb-query.js");
  assert.deepEqual(queryWords("Hur kan vi mäta mobiliteten och genomslaget?", STOPWORDS_OF.sv), [
    "mäta",
    "mobiliteten",
    "genomslaget",
  ]);
  assert.deepEqual(queryWords("miten mitata liikkuvuutta ja vaikuttavuutta"), [
    "mitata",
    "liikkuvuutta",
    "vaikuttavuutta",
  ]);
  // The Swedish edition has no list of Finnish words (Voikko's is the Finnish edition's): never asked for.
  const asked = [];
  const swedish = new Vocabulary(
    async (path, fallback) => {
      asked.push(path);
      return fallback;
    },
    async () => null,
    "sv",
  );
  assert.equal(swedish.stopwords, STOPWORDS_OF.sv);
  assert.equal(await swedish.finnish("opettajien"), null);
  assert.deepEqual(asked, []);
});
