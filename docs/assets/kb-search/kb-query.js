/*
 * What a query asks for: its words, and for each word the terms to search it as.
 *
 *  - Question words and other function words ("miten", "voi", "ja") and single letters are
 *    dropped; a query of nothing else asks for nothing.
 *  - Base forms: a form whose stem changes is also searched as its base forms, from the table of
 *    the forms on the site ("lasten" → "lapsi"; generator/search/query_forms.py), and a word of a
 *    family the site uses as that family's words ("monialaisuus" → "monialainen"), when the word
 *    finds few pages.
 *  - The vocabulary (generator/search/vocabulary.py) tells a word the site knows from one it does
 *    not. A Finnish word that Voikko knows is never corrected: it is searched as it is, or as its
 *    parts where Voikko cuts the compound ("leirikoulu" → "koulu"). Voikko's common words are in a
 *    small list (generator/search/lexicon.py); a word that is not, and that would be rewritten,
 *    is looked up in Voikko's own dictionary (kb-voikko.js), fetched only then.
 *    Any other word the site does not know is corrected to the nearest known words, by an edit distance
 *    scaled to the word's length ("liikuvuus" → "liikkuvuus"), or else split into known words,
 *    Finnish linking forms included ("henkilöstöliikkuvuus" → "henkilöstö liikkuvuus",
 *    "kansainvälistymisstrategia" → "kansainvälistyminen strategia"). A long word the site
 *    knows is also searched as its parts, ranked below the pages that have the word itself.
 *  - Synonyms curated by the editors (practices/synonyms.yml, written into
 *    haku/synonyymit.json by the build): a word or phrase of a group is also searched as the
 *    group's other words ("kv-toiminta" → "kansainvälinen toiminta"), and the words applicants
 *    type for them (the Programme Guide's English, everyday Finnish: "key action") as the
 *    group's words, one way.
 *
 * Å, ä and ö typed as a and o find the same words: Pagefind compares words without them, and the
 * vocabulary is looked up the same way.
 */

const STOPWORDS = new Set(
  (
    "ja tai sekä eli vai on ovat oli olla ei eikä en et emme ette eivät se ne sen niiden että " +
    "kun jos jotta joka jotka mikä mitkä mitä miten miksi kuinka kuka ketkä missä mistä mihin " +
    "milloin voi voiko voida voivat voin pitää pitäisi tulee saa saako kanssa myös niin kuin " +
    "mm esim jne tms mutta vaan sitten nyt vain hyvin paljon kaikki aina"
  ).split(/\s+/),
);

/** The function words of a Swedish query (the Swedish edition's search, sv/). */
const SWEDISH_STOPWORDS = new Set(
  (
    "och eller samt men att är var vara varit har hade ha kan kunde ska skall bör måste som det den " +
    "de dem en ett av för från hos i med om på till vid över under hur vad varför vem vilka vilken " +
    "vilket när där också inte så mycket alla vi ni jag man sig sin sina bl t ex osv"
  ).split(/\s+/),
);

/** Function words by the language of the edition searched. */
export const STOPWORDS_OF = Object.freeze({ fi: STOPWORDS, sv: SWEDISH_STOPWORDS });

const MIN_KNOWN = 3; // shorter words are never looked up, corrected or split
const MIN_PART = 3; // the shortest part of a compound
const LONG_WORD = 12; // a known word this long is also searched as its parts

/** Tier of a way of searching a word: lower ranks first. */
export const TIER = { exact: 0, alternative: 1 };

const folded = new Map();
const FOLDED_KEPT = 20000;

/**
 * Lower case without diacritics, as the vocabulary's keys: "Hyvät" → "hyvat". Asked for the same
 * words again and again (every synonym phrase against every query word, every word of a page's
 * excerpt), so the answers are kept (at most FOLDED_KEPT words).
 */
export const fold = (word) => {
  let out = folded.get(word);
  if (out === undefined) {
    out = word.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("fi");
    if (folded.size >= FOLDED_KEPT) folded.clear();
    folded.set(word, out);
  }
  return out;
};

/** The words of a query, lower-cased, without function words and single letters. */
export const queryWords = (query, stopwords = STOPWORDS) => {
  const words =
    String(query ?? "")
      .normalize("NFC")
      .toLocaleLowerCase("fi")
      .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return words.filter((w) => w.length > 1 && !stopwords.has(w));
};

/** Optimal string alignment distance (an adjacent swap costs one), or limit + 1 when above it. */
export const distance = (a, b, limit) => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2] + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length], limit + 1);
};

/** How many edits a word of this length may be away from the word meant. */
export const allowedEdits = (length) => (length < 4 ? 0 : length < 8 ? 1 : 2);

/**
 * Whether the vocabulary knows a word: as such, or as a form that only its ending sets apart
 * from a known word (an inflection the site does not happen to use: Pagefind's stemmer finds it).
 */
const knownIn = (folded, shard) => {
  if (shard.folded.has(folded)) return true;
  const stem = Math.max(6, folded.length - 4);
  if (folded.length < stem) return false;
  const beginning = folded.slice(0, stem);
  for (const w of shard.folded) if (w.startsWith(beginning)) return true;
  return false;
};

/** Derivational endings, longest first: a noun for an adjective ("monikulttuurisuus" for
 * "monikulttuurinen"), an adjective or participle for a verb or noun, and the reverse. */
const DERIVATIONS = [
  "llisuus",
  "llisyys",
  "ttomuus",
  "ttömyys",
  "isuus",
  "isyys",
  "llinen",
  "lainen",
  "minen",
  "suus",
  "syys",
  "inen",
  "uus",
  "yys",
  "sti",
  "tus",
  "tys",
  "ntä",
  "nta",
  "ton",
  "tön",
  "ja",
  "jä",
  "us",
  "ys",
  "va",
  "vä",
  "ua",
  "yä",
].sort((a, b) => b.length - a.length);
const MIN_STEM = 5;
const DERIVED = 3;

/** Linking forms: the first part of a compound as written in it → its base forms. */
export const linkingForms = (part) => {
  const out = [part];
  if (part.endsWith("s")) out.push(part.slice(0, -1) + "nen"); // kansainvälistymis- → -minen
  if (part.endsWith("is")) out.push(part.slice(0, -2) + "inen"); // (same, short stem)
  if (part.endsWith("n")) out.push(part.slice(0, -1)); // genitive: opettajan-
  if (part.endsWith("e")) out.push(part.slice(0, -1) + "i"); // lapse- → lapsi
  return out;
};

export class Vocabulary {
  /** ``fetchJson(path, fallback)`` reads the site's JSON files; ``fetchBytes(path)`` a binary one
   * (an ArrayBuffer, or null when it cannot). ``language``: the edition whose words these are
   * ("fi" or "sv"): its function words; Voikko's list and dictionary are the Finnish edition's. */
  constructor(fetchJson, fetchBytes = async () => null, language = "fi") {
    this.fetchJson = fetchJson;
    this.fetchBytes = fetchBytes;
    this.dictionary = null;
    this.language = language;
    this.stopwords = STOPWORDS_OF[language] ?? STOPWORDS;
    this.manifest = null;
    this.shards = new Map();
    this.forms = null;
    this.formParts = new Map();
    this.synonymList = null;
    this.lexiconKeys = null;
    this.lexiconShards = new Map();
  }

  /**
   * A Finnish word Voikko knows (generator/search/lexicon.py), as its compound parts in Voikko's
   * boundaries (["kieli", "kylpy"]; one part for a simple word), or null when it is not listed:
   * a typo, or a word too rare for the list.
   */
  async finnish(word) {
    // Voikko's list is the Finnish edition's (generator/search/lexicon.py): another edition has none.
    if (this.language !== "fi") return null;
    const typed = String(word).toLocaleLowerCase("fi");
    this.lexiconKeys ??= this.fetchJson("pagefind/kb/kieli.json", { keys: [] });
    const { keys } = await this.lexiconKeys;
    let key = null;
    for (const k of keys) if (typed.startsWith(k) && (!key || k.length > key.length)) key = k;
    if (!key) return null;
    if (!this.lexiconShards.has(key)) {
      this.lexiconShards.set(
        key,
        this.fetchJson(`pagefind/kb/kieli-${key}.json`, "").then((coded) => {
          // Front-coded (generator/search/lexicon.py): "A" + letters shared with the word before.
          const words = new Map();
          let before = "";
          for (const entry of String(coded).split(" ")) {
            if (!entry) continue;
            const word = before.slice(0, entry.charCodeAt(0) - 65) + entry.slice(1);
            words.set(word.replaceAll("|", ""), word.split("|"));
            before = word;
          }
          return words;
        }),
      );
    }
    return (await this.lexiconShards.get(key)).get(typed) ?? null;
  }

  /**
   * A word as Voikko's own dictionary knows it (kb-voikko.js): its compound parts in Voikko's
   * boundaries, as ``finnish``, or null when Voikko does not know it or the dictionary cannot be
   * loaded. The dictionary (0.7 MB) is fetched at the first call.
   */
  async voikko(word) {
    if (this.language !== "fi") return null;
    this.dictionary ??= this.fetchBytes("pagefind/kb/voikko.bin").then(async (bytes) => {
      if (!bytes) return null;
      const { transducer, analyse, decompressed } = await import("./kb-voikko.js");
      const fst = transducer(await decompressed(bytes));
      return (w) => analyse(fst, w);
    });
    const analyse = await this.dictionary.catch(() => null);
    return analyse ? analyse(String(word).toLocaleLowerCase("fi")) : null;
  }

  /**
   * What the site's words alone would make of a word the site does not have: a typo's
   * corrections ({corrected}), or a compound's parts ({parts}), or null (searched as it is).
   */
  async rewrite(word) {
    const corrected = await this.corrections(word);
    // A typo when it differs from the nearest known word before its ending; a form the site does
    // not happen to use when only the ending differs (Pagefind's stemmer finds it,
    // "opettajilta" → "opettajilla").
    const typo = corrected.length && firstDifference(fold(word), fold(corrected[0])) < fold(word).length - 2;
    if (typo || (corrected.length && !(await this.knows(word)))) return { corrected };
    if (await this.knows(word)) return null;
    const split = await this.split(word);
    const head = split ? null : await this.tail(word);
    return split || head ? { parts: split ?? [head] } : null;
  }

  /**
   * A compound's parts as Voikko cuts it (["kansain", "välistymis", "strategia"]) as the site's
   * words: adjacent parts joined into as few words the site has as can be ("kansainvälistyminen",
   * "strategia"), or else its longest head the site has, as a compound's meaning is its head's
   * ("leirikoulu" → "koulu"); [] when the site has none. Never a cut Voikko does not make.
   */
  async siteParts(parts) {
    const n = parts.length;
    if (n < 2) return [];
    const run = (from, to) => parts.slice(from, to).join("");
    const fewest = [[]]; // fewest[j]: the site's words for the first j parts, or null
    for (let j = 1; j <= n; j++) {
      fewest.push(null);
      for (let i = 0; i < j; i++) {
        if (!fewest[i] || (i === 0 && j === n) || (fewest[j] && fewest[i].length + 1 >= fewest[j].length))
          continue;
        const site = await this.sitePart(run(i, j));
        if (site) fewest[j] = [...fewest[i], site];
      }
    }
    if (fewest[n]) return fewest[n];
    for (let i = 1; i < n; i++) {
      const head = await this.sitePart(run(i, n));
      if (head) return [head];
    }
    return [];
  }

  /** A compound's part as the site writes it: the part itself or its base form behind a linking
   * form ("kansainvälistymis" → "kansainvälistyminen"), or null when the site does not have it. */
  async sitePart(part) {
    for (const form of linkingForms(fold(part))) {
      const shard = await this.shard(form);
      if (shard.folded.has(form)) return shard.byFolded.get(form);
    }
    return null;
  }

  /** The shard holding words that begin like ``folded`` (a Set of folded words, and the words). */
  async shard(folded) {
    this.manifest ??= this.fetchJson("pagefind/kb/sanasto.json", { keys: [] });
    const { keys } = await this.manifest;
    let key = null;
    for (const k of keys) if (folded.startsWith(k) && (!key || k.length > key.length)) key = k;
    if (!key) return { words: [], folded: new Set() };
    if (!this.shards.has(key)) {
      this.shards.set(
        key,
        this.fetchJson(`pagefind/kb/sanasto-${key}.json`, []).then((words) => ({
          words,
          folded: new Set(words.map(fold)),
          byFolded: new Map(words.map((w) => [fold(w), w])),
        })),
      );
    }
    return this.shards.get(key);
  }

  /** The base forms of a word from the table of forms (one small shard per word). */
  async baseForms(word) {
    if (word.includes("-")) return [];
    this.forms ??= this.fetchJson("pagefind/kb/muodot.json", { shards: 0 });
    const { shards } = await this.forms;
    if (!shards) return [];
    const n = shardOf(word, shards);
    if (!this.formParts.has(n)) this.formParts.set(n, this.fetchJson(`pagefind/kb/muodot-${n}.json`, {}));
    const part = await this.formParts.get(n);
    return Object.hasOwn(part, word) ? part[word] : [];
  }

  /** The editors' synonym groups: [{sanat: [the report's words or phrases], hakusanat: [what
   * applicants type for them, searched as the report's words, one way]}, …]. */
  synonyms() {
    this.synonymList ??= this.fetchJson("haku/synonyymit.json", []).then((groups) =>
      groups.map((g) =>
        Array.isArray(g)
          ? { sanat: g, hakusanat: [] }
          : { sanat: g.sanat ?? [], hakusanat: g.hakusanat ?? [] },
      ),
    );
    return this.synonymList;
  }

  /** Whether the vocabulary has the word itself (å, ä, ö folded). */
  async has(word) {
    const folded = fold(word);
    return folded.length < MIN_KNOWN || (await this.shard(folded)).folded.has(folded);
  }

  async knows(word) {
    const folded = fold(word);
    return folded.length < MIN_KNOWN || knownIn(folded, await this.shard(folded));
  }

  /** The known words nearest to an unknown word, nearest and most common first (at most 2). */
  async corrections(word, extra = 0) {
    const folded = fold(word);
    const limit = allowedEdits(folded.length) + (folded.length >= MIN_KNOWN ? extra : 0);
    if (!limit) return [];
    const shard = await this.shard(folded);
    let best = limit + 1;
    let found = [];
    for (const candidate of shard.words) {
      const d = distance(folded, fold(candidate), best);
      if (d < best) {
        best = d;
        found = [candidate];
      } else if (d === best && d <= limit) {
        found.push(candidate);
      }
    }
    return best <= limit ? found.slice(0, 2) : [];
  }

  /**
   * Words of the same family as ``word`` that the site uses: its stem without a derivational
   * ending, and the most common known words that begin with it (not ``word``'s own forms).
   */
  async derived(word) {
    const folded = fold(word);
    const ending = DERIVATIONS.find((e) => folded.endsWith(e) && folded.length - e.length >= MIN_STEM);
    if (!ending) return [];
    const stem = folded.slice(0, folded.length - ending.length);
    const own = folded.slice(0, folded.length - 1); // the word's own forms: Pagefind finds them
    const shard = await this.shard(stem);
    return shard.words
      .filter((w) => {
        const f = fold(w);
        return f.startsWith(stem) && !f.startsWith(own) && f !== folded;
      })
      .slice(0, DERIVED);
  }

  /** The longest known word that ends ``word`` (the head of a compound whose first part the site
   * does not use: "junamatka" → "matka"), or null. */
  async tail(word) {
    const folded = fold(word);
    // The head is at least five letters ("junalla" is not "jun" + "alla").
    for (let cut = MIN_PART; cut <= folded.length - 5; cut++) {
      const rest = folded.slice(cut);
      const shard = await this.shard(rest);
      if (shard.folded.has(rest)) return shard.byFolded.get(rest);
    }
    return null;
  }

  /** ``word`` split into known words (fewest parts, longest first part), or null. */
  async split(word, depth = 0) {
    const folded = fold(word);
    if (depth > 2 || folded.length < 2 * MIN_PART) return null;
    const head = await this.shard(folded);
    for (let cut = folded.length - MIN_PART; cut >= MIN_PART; cut--) {
      const first = linkingForms(folded.slice(0, cut)).find((f) => head.folded.has(f));
      if (!first) continue;
      const rest = folded.slice(cut);
      const tail = await this.shard(rest);
      const firstWord = head.byFolded.get(first);
      if (tail.folded.has(rest) || (rest.length >= 6 && knownIn(rest, tail))) {
        return [firstWord, tail.byFolded.get(rest) ?? word.slice(cut)];
      }
      const more = await this.split(rest, depth + 1);
      if (more) return [firstWord, ...more];
    }
    return null;
  }
}

/** FNV-1a over UTF-16 code units, as generator/search/query_forms.py. */
export const shardOf = (word, shards) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h = (h ^ word.charCodeAt(i)) >>> 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
};

/**
 * The typed word as a term. A hyphenated word the site never writes ("kv-koordinaattori") finds
 * pages that have its parts apart: those rank as compound parts do, below the exact matches.
 */
const asTyped = async (text, vocabulary) =>
  text.includes("-") && !/\s/.test(text) && !(await vocabulary.knows(text))
    ? { text, tier: TIER.alternative, kind: "osat" }
    : { text, tier: TIER.exact, kind: "sana" };

const firstDifference = (a, b) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** A compound's parts, each alone (the last, the compound's head, first), for when the parts
 * together find few pages: "robotiikkaopetus" is about "robotiikka". */
const partsAlone = (parts) =>
  [...parts]
    .reverse()
    .filter((p) => p.length >= 4)
    .map((text) => ({ text, tier: TIER.alternative, kind: "osat" }));

/** The parts with a part replaced by each of its one-word synonyms ("oppilas valinta" →
 * "opiskelija valinta"). */
const synonymParts = (parts, groups) =>
  parts.flatMap((part, k) =>
    groups
      .filter((group) => group.sanat.some((w) => fold(w) === fold(part)))
      .flatMap((group) => group.sanat.filter((w) => fold(w) !== fold(part) && !/\s/.test(w)))
      .map((w) => ({
        text: parts.map((p, j) => (j === k ? w : p)).join(" "),
        tier: TIER.alternative,
        kind: "synonyymi",
      })),
  );

/** A word searched as its parts: all of them together, their synonyms, then each part alone. */
const partsSlot = (word, parts, groups) => ({
  words: [word],
  terms: [{ text: parts.join(" "), tier: TIER.exact, kind: "osat" }, ...synonymParts(parts, groups)],
  derived: parts.length > 1 ? partsAlone(parts) : [],
});

/** Whether a query word stands for a word of a synonym phrase (same word, inflected, or folded). */
const standsFor = (queryWord, bases, phraseWord) => {
  const q = fold(queryWord);
  const p = fold(phraseWord);
  if (q === p || bases.some((b) => fold(b) === p)) return true;
  const stem = p.length >= 5 ? p.slice(0, p.length - 1) : null;
  return Boolean(stem) && q.startsWith(stem) && q.length - p.length <= 4;
};

/**
 * The query interpreted: slots, one per word or synonym phrase, each with the terms to search
 * it as ({text, tier, kind}). ``shown`` is the query as searched, when it differs from the typed
 * one (a correction or a split), for "Näytetään tulokset haulle …".
 */
export const interpret = async (query, vocabulary, { literal = false } = {}) => {
  const words = queryWords(query, vocabulary.stopwords);
  if (!words.length) return { words, slots: [], shown: null, changed: [] };
  // The synonyms are asked for with the base forms, not after them: one round trip less.
  const groupsAsked = literal ? null : vocabulary.synonyms();
  const bases = await Promise.all(words.map((w) => vocabulary.baseForms(w)));
  if (literal) {
    const slots = words.map((w, i) => ({
      words: [w],
      terms: [{ text: w, tier: TIER.exact, kind: "sana" }],
      derived: bases[i].map((text) => ({ text, tier: TIER.exact, kind: "sana" })),
    }));
    return { words, slots, shown: null, changed: [] };
  }
  const groups = await groupsAsked;
  const slots = [];
  const changed = [];
  const shownWords = [];
  for (let i = 0; i < words.length; ) {
    // The longest synonym phrase that starts here.
    let match = null;
    for (const group of groups) {
      for (const phrase of [...group.sanat, ...group.hakusanat]) {
        const parts = phrase.split(/\s+/);
        if (parts.length <= (match?.length ?? 0) || i + parts.length > words.length) continue;
        if (parts.every((p, k) => standsFor(words[i + k], bases[i + k], p))) {
          match = { length: parts.length, phrase, group, typed: group.hakusanat.includes(phrase) };
        }
      }
    }
    if (match) {
      const own = words.slice(i, i + match.length);
      // What applicants type ("key action", "työvarjostus") is searched as the report's words; as
      // itself only where the site uses it (else Pagefind would match any word beginning like it).
      const unused = match.typed && !(await Promise.all(own.map((w) => vocabulary.knows(w)))).every(Boolean);
      const terms = unused ? [] : [await asTyped(own.join(" "), vocabulary)];
      const derived =
        match.length === 1 ? bases[i].map((text) => ({ text, tier: TIER.exact, kind: "sana" })) : [];
      // The report's words of the group; what applicants type is searched as them, never the reverse.
      for (const other of match.group.sanat) {
        if (other !== match.phrase) terms.push({ text: other, tier: TIER.alternative, kind: "synonyymi" });
      }
      slots.push({ words: own, terms, derived });
      shownWords.push(...own);
      i += match.length;
      continue;
    }
    const word = words[i];
    const terms = [await asTyped(word, vocabulary)];
    const forms = bases[i].map((text) => ({ text, tier: TIER.exact, kind: "sana" }));
    const parts = word.includes("-") ? word.split("-") : [word];
    if (parts.every((p) => p.length < MIN_KNOWN) || /\d/.test(word)) {
      slots.push({ words: [word], terms, derived: forms });
      shownWords.push(word);
      i += 1;
      continue;
    }
    if (word.includes("-")) {
      slots.push({ words: [word], terms, derived: forms });
      shownWords.push(word);
      i += 1;
      continue;
    }
    const exactly = bases[i].length > 0 || (await vocabulary.has(word));
    // A word the site does not have, of a family it does ("monialaisuus": "monialainen"): searched
    // as its family rather than corrected to a word that only looks like it.
    const kin = exactly ? [] : await vocabulary.derived(word);
    if (kin.length) {
      const derived = kin.map((text) => ({ text, tier: TIER.alternative, kind: "johdos" }));
      slots.push({ words: [word], terms, derived, unknown: true });
      shownWords.push(word);
      i += 1;
      continue;
    }
    // A word Voikko knows is never corrected into another word: it is searched as it is, and a
    // compound the site does not write is searched as its parts, cut only where Voikko cuts it.
    // Voikko's dictionary is asked only for a word the site's words would rewrite.
    const rewrite = exactly ? null : await vocabulary.rewrite(word);
    const listed = exactly
      ? null
      : ((await vocabulary.finnish(word)) ?? (rewrite ? await vocabulary.voikko(word) : null));
    if (listed) {
      const parts = await vocabulary.siteParts(listed);
      if (parts.length) {
        slots.push(partsSlot(word, parts, groups));
        changed.push({ from: word, to: parts.join(" ") });
        shownWords.push(parts.join(" "));
      } else {
        slots.push({ words: [word], terms: [{ text: word, tier: TIER.exact, kind: "sana" }], unknown: true });
        shownWords.push(word);
      }
      i += 1;
      continue;
    }
    if (rewrite?.corrected) {
      const { corrected } = rewrite;
      slots.push({
        words: [word],
        terms: corrected.map((text) => ({ text, tier: TIER.exact, kind: "korjaus" })),
      });
      changed.push({ from: word, to: corrected[0] });
      shownWords.push(corrected[0]);
      i += 1;
      continue;
    }
    if (!exactly && !(await vocabulary.knows(word))) {
      if (rewrite?.parts) {
        const { parts } = rewrite;
        slots.push(partsSlot(word, parts, groups));
        changed.push({ from: word, to: parts.join(" ") });
        shownWords.push(parts.join(" "));
        i += 1;
        continue;
      }
      // Nothing on the site comes near. Pagefind's stemmer may still know it as a form of a site
      // word ("lapset"); the search checks that a page's matched words really begin like it.
      slots.push({ words: [word], terms: [{ text: word, tier: TIER.exact, kind: "sana" }], unknown: true });
      shownWords.push(word);
      i += 1;
      continue;
    }
    let split = null;
    if (fold(word).length >= LONG_WORD && !word.includes("-")) {
      split = await vocabulary.split(word);
      if (split)
        terms.push(
          { text: split.join(" "), tier: TIER.alternative, kind: "osat" },
          ...synonymParts(split, groups),
        );
    }
    // Base forms, the word's family and its parts alone are searched only when the word finds
    // few pages, or the query's words together do (kb-search.js).
    const family = word.includes("-") ? [] : await vocabulary.derived(word);
    const derived = [...forms, ...family.map((text) => ({ text, tier: TIER.alternative, kind: "johdos" }))];
    if (split) derived.push(...partsAlone(split));
    slots.push({ words: [word], terms, derived });
    shownWords.push(word);
    i += 1;
  }
  return { words, slots, shown: changed.length ? shownWords.join(" ") : null, changed };
};
