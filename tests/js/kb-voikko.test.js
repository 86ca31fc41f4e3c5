/*
 * Voikko's dictionary in the browser (docs/assets/kb-search/kb-voikko.js) against Voikko itself:
 * for many generated words — the lexicon's words, inflected forms and compounds made of them that
 * the lexicon lacks, and typos of them — the browser knows exactly the words Python's libvoikko
 * analyses, cut at the same boundaries as the lexicon (generator/search/lexicon.py). And the query
 * side never rewrites a word Voikko knows into another word, while still correcting typos.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { fold, interpret, linkingForms, Vocabulary } from "../../docs/assets/kb-search/kb-query.js";
import { analyse, decompressed, transducer } from "../../docs/assets/kb-search/kb-voikko.js";
import { forEachSeed, pick } from "./generated.js";
import { REPO, searchFiles } from "./site-data.js";

const STORED = join(REPO, "generator/search/data/voikko.bin.gz");
const PYTHON = process.env.KB_PYTHON ?? `${REPO}.venv/bin/python`;

const fst = transducer(await decompressed(readFileSync(STORED)));

/** The lexicon's words (kb-query.js reads the same front-coded shards). */
const lexicon = new Map();
for (const line of gunzipSync(readFileSync(join(REPO, "generator/search/data/suomen-sanat.txt.gz")))
  .toString("utf8")
  .split("\n")) {
  let before = "";
  for (const entry of line.split("\t")[1]?.split(" ") ?? []) {
    if (!entry) continue;
    before = before.slice(0, entry.charCodeAt(0) - 65) + entry.slice(1);
    lexicon.set(before.replaceAll("|", ""), before.split("|"));
  }
}
const listed = [...lexicon.keys()];

const ORACLE = `
import json, sys
import libvoikko
from generator.search import lexicon
voikko = libvoikko.Voikko("fi")
out = {}
for word in json.load(sys.stdin):
    structures = {a.get("STRUCTURE", "") for a in voikko.analyze(word)}
    out[word] = lexicon.boundaries(structures, word).split("|") if structures else None
print(json.dumps(out, ensure_ascii=False))
`;

/** Python libvoikko's verdict on each word: its parts at the lexicon's boundaries, or null. */
const voikko = (words) =>
  JSON.parse(
    execFileSync(PYTHON, ["-c", ORACLE], {
      cwd: REPO,
      encoding: "utf8",
      input: JSON.stringify(words),
      maxBuffer: 64 * 1024 * 1024,
    }),
  );

/**
 * Whether ``words`` are the compound's own parts: runs of Voikko's adjacent parts (``parts``)
 * up to its end, each as the site writes it (a linking form's base form: "kansainvälistymis" →
 * "kansainvälistyminen"), all of them or the head.
 */
const ownParts = (parts, words) => {
  const fits = (from, k) => {
    if (k === words.length) return from === parts.length;
    for (let to = from + 1; to <= parts.length; to++) {
      if (linkingForms(fold(parts.slice(from, to).join(""))).includes(fold(words[k])) && fits(to, k + 1))
        return true;
    }
    return false;
  };
  return parts.length > 1 && parts.some((_, from) => (from === 0 ? words.length > 1 : true) && fits(from, 0));
};

const ENDINGS = [
  "kin",
  "kaan",
  "ssa",
  "ssakin",
  "sta",
  "lle",
  "lta",
  "ksi",
  "nsa",
  "mme",
  "lla",
  "han",
  "ko",
  "pa",
];
const LETTERS = [..."abdefghijklmnoprstuvyäö"];

/** A typo of ``word``: a letter dropped, doubled, swapped with the next or replaced. */
const typo = (next, word) => {
  const at = Math.floor(next() * word.length);
  const kind = Math.floor(next() * 4);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  if (kind === 2 && at + 1 < word.length)
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return word.slice(0, at) + pick(next, LETTERS) + word.slice(at + 1);
};

const generated = [];
forEachSeed(1500, (next) => {
  const a = pick(next, listed);
  const b = pick(next, listed);
  generated.push(a, a + b, a + pick(next, ENDINGS), typo(next, a), typo(next, a + b));
});
const words = [...new Set(generated)].filter((w) => w.length >= 3);
const truth = voikko(words);

test("the browser knows exactly the words Voikko analyses, with the lexicon's boundaries", () => {
  const unlisted = words.filter((w) => truth[w] && !lexicon.has(w));
  const rejected = words.filter((w) => !truth[w]);
  // The generated words reach every case: listed, known but not listed, and not words at all.
  assert.ok(unlisted.length > 500, `Voikon sanoja, joita luettelossa ei ole: ${unlisted.length}`);
  console.log(
    `${words.length} sanaa: ${unlisted.length} Voikon ja luettelon ulkopuolella, ${rejected.length} ei sanoja`,
  );
  assert.ok(rejected.length > 1000, `sanoja, joita Voikko ei tunne: ${rejected.length}`);
  const wrong = words.filter((w) => JSON.stringify(analyse(fst, w)) !== JSON.stringify(truth[w]));
  assert.deepEqual(
    wrong.slice(0, 10).map((w) => [w, analyse(fst, w), truth[w]]),
    [],
    `${wrong.length}/${words.length} eri tavalla`,
  );
});

test("the lexicon's words are Voikko's, cut where the dictionary cuts them", () => {
  forEachSeed(300, (next) => {
    const word = pick(next, listed);
    assert.deepEqual(analyse(fst, word), lexicon.get(word), word);
  });
});

test("a word Voikko knows is never rewritten into another word; a typo still is corrected", async () => {
  const folder = mkdtempSync(join(tmpdir(), "kb-voikko-"));
  after(() => rmSync(folder, { recursive: true, force: true }));
  // The site: a few hundred of the lexicon's words; queries: the generated words it lacks.
  const site = [];
  forEachSeed(400, (next) => site.push(pick(next, listed)));
  searchFiles(folder, { words: site });
  const fetchJson = async (path, fallback) => {
    try {
      return JSON.parse(readFileSync(join(folder, path), "utf8"));
    } catch {
      return fallback;
    }
  };
  const fetchBytes = async (path) => (path === "pagefind/kb/voikko.bin" ? readFileSync(STORED) : null);
  const vocabulary = new Vocabulary(fetchJson, fetchBytes);
  const near = [];
  forEachSeed(600, (next) => {
    const word = pick(next, site);
    near.push(typo(next, word), word + pick(next, ENDINGS), pick(next, site) + word);
  });
  const queries = [...new Set(near)].filter((w) => w.length >= 4 && !site.includes(w));
  const verdict = voikko(queries);
  let corrected = 0;
  let guarded = 0;
  for (const word of queries) {
    const { changed } = await interpret(word, vocabulary);
    if (verdict[word]) {
      // The class: a word the site's words alone would rewrite, and the lexicon does not list.
      if (!lexicon.has(word) && (await vocabulary.rewrite(word))) guarded++;
      // Known: as it is, or as its own parts at Voikko's boundaries (never another word).
      for (const change of changed) {
        assert.ok(
          ownParts(verdict[word], change.to.split(" ")),
          `${word} → ${change.to} (Voikko: ${verdict[word].join("|")})`,
        );
      }
    } else if (changed.length) corrected++;
  }
  console.log(`${queries.length} hakua: ${guarded} suojattua, ${corrected} korjattua`);
  assert.ok(guarded > 100, `Voikon sanoja, jotka sivuston sanat yksin muuttaisivat: ${guarded}`);
  // Typos of the site's words are still corrected.
  assert.ok(corrected > 200, `korjattuja kirjoitusvirheitä ${corrected}`);
});
