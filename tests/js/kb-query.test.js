/*
 * What a query is searched as (docs/assets/kb-search/kb-query.js), without a page: its words,
 * typo distances, and corrections, splits and base forms from the query-side files that the
 * Python build writes (generator/search/vocabulary.py, query_forms.py), read as the browser
 * reads them. The whole search is tested in Chromium (tests/browser/test_search*.py).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  distance,
  fold,
  interpret,
  queryWords,
  shardOf,
  TIER,
  Vocabulary,
} from "../../docs/assets/kb-search/kb-query.js";
import { forEachSeed, pick, text } from "./generated.js";
import { REPO, searchFiles } from "./site-data.js";

const WORDS = [
  "liikkuvuus",
  "liikkuvuuden",
  "henkilöstö",
  "opettaja",
  "opettajien",
  "lapsi",
  "strategia",
  "kansainvälistyminen",
  "monialainen",
  "arviointi",
  "osallisuus",
  "osallistujat",
];
const FORMS = { lasten: ["lapsi"], opettajien: ["opettaja"] };
const folder = mkdtempSync(join(tmpdir(), "kb-query-"));
after(() => rmSync(folder, { recursive: true, force: true }));
const probe = Array.from(
  { length: 200 },
  (_, i) => text(() => ((i * 7919) % 997) / 997, 12) + WORDS[i % WORDS.length],
);
const pythonShards = searchFiles(folder, { words: WORDS, forms: FORMS, hash: probe, shards: 7 });

/** The browser's fetch of the site's files, from the folder the Python build wrote. */
const fetchJson = async (path, fallback) => {
  try {
    return JSON.parse(readFileSync(join(folder, path), "utf8"));
  } catch {
    return fallback;
  }
};

/** Voikko's dictionary as the build stores it (kb-voikko.js reads it; tests/js/kb-voikko.test.js). */
const fetchBytes = async (path) =>
  path === "pagefind/kb/voikko.bin" ? readFileSync(join(REPO, "generator/search/data/voikko.bin.gz")) : null;

const searched = async (query, options) => {
  const meaning = await interpret(query, new Vocabulary(fetchJson, fetchBytes), options);
  return meaning.slots.map((slot) => slot.terms.map((t) => t.text));
};

test("a query's words: lower case, without function words and single letters", () => {
  assert.deepEqual(queryWords("Miten OPETTAJIEN liikkuvuus ja k-12 voi x"), [
    "opettajien",
    "liikkuvuus",
    "k-12",
  ]);
  assert.deepEqual(queryWords("miten ja voi"), []);
  assert.deepEqual(queryWords(null), []);
  assert.equal(fold("Hyvät Käytännöt Åbo"), "hyvat kaytannot abo");
});

test("the edit distance counts an adjacent swap as one edit and stops above its limit", () => {
  assert.equal(distance("liikuvuus", "liikkuvuus", 2), 1);
  assert.equal(distance("opetatja", "opettaja", 2), 1);
  assert.equal(distance("abc", "abc", 0), 0);
  assert.equal(distance("kissa", "koira", 1), 2);
  /** Optimal string alignment, computed in full. */
  const full = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 0; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(
          d[i - 1][j] + 1,
          d[i][j - 1] + 1,
          d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };
  forEachSeed(500, (next) => {
    const letters = () =>
      Array.from({ length: Math.floor(next() * 9) }, () => pick(next, [..."aäbkst"])).join("");
    const a = letters();
    const b = letters();
    const limit = Math.floor(next() * 4);
    const expected = full(a, b);
    assert.equal(distance(a, b, limit), expected <= limit ? expected : limit + 1, `${a} / ${b} / ${limit}`);
    assert.equal(distance(a, b, limit), distance(b, a, limit));
  });
});

test("the browser finds the table shard the Python build put a form in", () => {
  for (const word of probe) assert.equal(shardOf(word, 7), pythonShards[word], word);
});

test("a typo is corrected to the nearest word the site has", async () => {
  const meaning = await interpret("liikuvuus", new Vocabulary(fetchJson, fetchBytes));
  assert.deepEqual(meaning.changed, [{ from: "liikuvuus", to: "liikkuvuus" }]);
  assert.equal(meaning.shown, "liikkuvuus");
  assert.deepEqual(meaning.slots[0].terms, [{ text: "liikkuvuus", tier: TIER.exact, kind: "korjaus" }]);
});

test("a compound the site never writes is searched as the words it does", async () => {
  assert.deepEqual(await searched("henkilöstöliikkuvuus"), [["henkilöstö liikkuvuus"]]);
  // Voikko cuts it "kansain|välistymis|strategia": adjacent parts join into the site's words.
  assert.deepEqual(await searched("kansainvälistymisstrategia"), [["kansainvälistyminen strategia"]]);
  // Voikko's compound whose first part the site lacks is searched as its head.
  assert.deepEqual(await searched("kesäopettaja"), [["opettaja"]]);
});

test("a form whose stem changes is also searched as its base form", async () => {
  const [slot] = (await interpret("lasten", new Vocabulary(fetchJson, fetchBytes))).slots;
  assert.deepEqual(
    slot.terms.map((t) => t.text),
    ["lasten"],
  );
  assert.deepEqual(
    slot.derived.map((t) => t.text),
    ["lapsi"],
  );
});

test("a literal search keeps every typed word as it is", async () => {
  assert.deepEqual(await searched("liikuvuus henkilöstöliikkuvuus", { literal: true }), [
    ["liikuvuus"],
    ["henkilöstöliikkuvuus"],
  ]);
});

test("a known word is never changed, and every query word gets a slot", async () => {
  for (const word of WORDS) {
    const meaning = await interpret(word, new Vocabulary(fetchJson, fetchBytes));
    assert.deepEqual(meaning.changed, [], word);
    assert.equal(meaning.slots[0].terms[0].text, word);
  }
  const queries = [];
  forEachSeed(100, (next) =>
    queries.push(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, WORDS))),
  );
  for (const words of queries) {
    const meaning = await interpret(words.join(" "), new Vocabulary(fetchJson, fetchBytes));
    assert.equal(meaning.slots.length, words.length, words.join(" "));
  }
});
