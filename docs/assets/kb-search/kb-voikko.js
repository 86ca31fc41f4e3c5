/*
 * Voikko's Finnish analyser in the browser: whether Voikko knows a word, and where it cuts a
 * compound ("kieli|kylpy"), decided by walking Voikko's own dictionary (voikko-fi's mor.vfst,
 * a finite-state transducer with flag diacritics) exactly as libvoikko does. kb-query.js asks it
 * before rewriting a word the site does not have, so a word Voikko knows is never "corrected"
 * into another word, however rare the word.
 *
 * The file (generator/search/dictionary.py, pagefind/kb/voikko.bin) is mor.vfst with its
 * transition table stored in columns, for a third of the download: the header and symbols as in
 * mor.vfst, then per transition its target state minus its own index (int32), its input and
 * output symbols (uint16) and its count of further transitions (uint8), gzip-compressed.
 *
 * Ported from libvoikko (https://github.com/voikko/corevoikko, libvoikko/src; the Initial
 * Developer Harri Pitkänen, Copyright (C) 2012-2015): fst/UnweightedTransducer.cpp (the walk) and
 * morphology/FinnishVfstAnalyzer.cpp (isValidAnalysis, parseStructure), and the boundaries rule of
 * generator/search/lexicon.py. Like those files, this file may be used under the terms of the
 * Mozilla Public License 1.1, the GNU GPL version 2 or later or the GNU LGPL version 2.1 or later.
 * The dictionary (voikko-fi) is GPL-2.0-or-later: its licence and source are named on the site's
 * page "Tietoa" (generator/site/templates/about.md).
 */

const MAX_LOOP_COUNT = 100000; // libvoikko fst/Transducer.hpp
const MAX_ANALYSIS_COUNT = 100; // FinnishVfstAnalyzer.cpp
const BUFFER_SIZE = 2000; // FinnishVfstAnalyzer.cpp: the walk's stack and output length
const MAX_WORD_CHARS = 255; // voikko_defines.h
const FINAL = 0xffff;
const OPERATIONS = { P: 0, C: 1, U: 2, R: 3, D: 4 };
const NEUTRAL = 0;
const ANY = 1;
const VOWELS = "aeiouyäö"; // libvoikko utils/utils.hpp VOIKKO_VOWELS

/** The file's bytes as fetched (an ArrayBuffer), gzip-decompressed unless the server already did. */
export const decompressed = async (bytes) => {
  const data = new Uint8Array(bytes);
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data.slice().buffer;
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
};

/** The transducer of a file written by generator/search/dictionary.py (an ArrayBuffer). */
export const transducer = (buffer) => {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== 0x00013a6e || view.getUint32(4, true) !== 0x000351fa) {
    throw new Error("tuntematon sanakirjatiedosto");
  }
  const count = view.getUint16(16, true);
  const decoder = new TextDecoder();
  const symbols = [];
  const flags = [];
  const letters = new Map();
  const features = new Map();
  const values = new Map([
    ["", NEUTRAL],
    ["@", ANY],
  ]);
  let firstNormal = 0;
  let firstMulti = 0;
  let at = 18;
  for (let i = 0; i < count; i++) {
    const end = bytes.indexOf(0, at);
    const symbol = decoder.decode(bytes.subarray(at, end));
    at = end + 1;
    symbols.push(symbol);
    if (i === 0) {
      flags.push(null);
      continue;
    }
    if (firstNormal === 0) {
      if (symbol[0] === "@") {
        const body = symbol.slice(3, -1);
        const dot = body.indexOf(".");
        const feature = dot < 0 ? body : body.slice(0, dot);
        const value = dot < 0 ? "@" : body.slice(dot + 1);
        if (!features.has(feature)) features.set(feature, features.size);
        if (!values.has(value)) values.set(value, values.size);
        flags.push({
          op: OPERATIONS[symbol[1]] ?? OPERATIONS.D,
          feature: features.get(feature),
          value: values.get(value),
        });
        continue;
      }
      firstNormal = i;
    } else if (firstMulti === 0 && symbol[0] === "[") {
      firstMulti = i;
    }
    if (firstMulti === 0) letters.set([...symbol][0], i);
  }
  at += (8 - (at % 8)) % 8;
  const n = (bytes.length - at) / 9;
  const target = new Int32Array(buffer, at, n);
  for (let i = 0; i < n; i++) target[i] += i;
  return {
    symbols,
    flags,
    letters,
    firstNormal,
    unknown: count,
    featureCount: features.size,
    target,
    symIn: new Uint16Array(buffer, at + 4 * n, n),
    symOut: new Uint16Array(buffer, at + 6 * n, n),
    more: new Uint8Array(buffer, at + 8 * n, n),
  };
};

/** The transducer's outputs for a lower-case word, as libvoikko enumerates them (at most 99). */
export const outputs = (fst, word) => {
  const input = [...word].map((c) => fst.letters.get(c) ?? fst.unknown);
  if (input.includes(fst.unknown) || input.length > MAX_WORD_CHARS) return [];
  const { symIn, symOut, target, more, firstNormal, flags, featureCount, symbols } = fst;
  const stateStack = [0];
  const transitionStack = [0];
  const outStack = [];
  const flagValues = new Uint16Array(featureCount);
  const updatedFeature = [];
  const updatedValue = [];
  let depth = 0;
  let inputDepth = 0;

  const maxTc = (head) => (more[head] === 255 ? symIn[head + 1] + symOut[head + 1] * 65536 + 1 : more[head]);

  const flagCheck = (symbol) => {
    if (!featureCount || symbol === 0) return true;
    const { op, feature } = flags[symbol];
    let { value } = flags[symbol];
    const current = flagValues[feature];
    let update = false;
    if (op === OPERATIONS.P) update = true;
    else if (op === OPERATIONS.C) {
      value = NEUTRAL;
      update = true;
    } else if (op === OPERATIONS.U) {
      if (current) {
        if (current !== value) return false;
      } else update = true;
    } else if (op === OPERATIONS.R) {
      if (value === ANY && current === NEUTRAL) return false;
      if (value !== ANY && current !== value) return false;
    } else if ((value === ANY && current !== NEUTRAL) || current === value) return false;
    updatedFeature.push(feature);
    updatedValue.push(current);
    if (update) flagValues[feature] = value;
    return true;
  };

  /** The next output, or null: UnweightedTransducer::next. */
  const next = () => {
    for (let loop = 0; loop < MAX_LOOP_COUNT; loop++) {
      const head = stateStack[depth];
      let current = transitionStack[depth];
      const last = maxTc(head);
      let down = false;
      for (let tc = current - head; tc <= last; tc++) {
        if (tc === 1 && last >= 255) {
          tc++;
          current++;
        }
        const s = symIn[current];
        if (s === FINAL) {
          if (inputDepth === input.length) {
            let text = "";
            for (let i = 0; i < depth; i++) {
              const piece = symbols[outStack[i]];
              if (text.length + piece.length + 1 >= BUFFER_SIZE) return null;
              text += piece;
            }
            transitionStack[depth] = current + 1;
            return text;
          }
        } else if (
          (inputDepth < input.length && input[inputDepth] === s) ||
          (s < firstNormal && flagCheck(s))
        ) {
          if (depth + 2 === BUFFER_SIZE) return null;
          outStack[depth] = symOut[current] >= firstNormal ? symOut[current] : 0;
          transitionStack[depth] = current;
          depth++;
          stateStack[depth] = target[current];
          transitionStack[depth] = target[current];
          if (s >= firstNormal) inputDepth++;
          down = true;
          break;
        }
        current++;
      }
      if (down) continue;
      if (depth === 0) return null;
      depth--;
      const previous = symIn[transitionStack[depth]];
      if (previous >= firstNormal) inputDepth--;
      else if (featureCount && previous !== 0) flagValues[updatedFeature.pop()] = updatedValue.pop();
      transitionStack[depth]++;
    }
    return null;
  };

  const found = [];
  for (let n = 1; n < MAX_ANALYSIS_COUNT; n++) {
    const output = next();
    if (output === null) break;
    found.push(output);
  }
  return found;
};

/** FinnishVfstAnalyzer.cpp isValidAnalysis: whether an output is an analysis Voikko gives. */
export const isValidAnalysis = (out) => {
  const len = out.length;
  let beforeLastChar = "";
  let lastChar = "";
  let boundaryPassed = false;
  let hyphenPresent = false;
  let hyphenUnconditionallyAllowed = false;
  let hyphenUnconditionallyAllowedJustSet = false;
  let hyphenRequired = false;
  let requiredHyphenMissing = false;
  let startsWithProperNoun = false;
  let endsWithNonIcaNoun = false;
  for (let i = 0; i < len; i++) {
    if (out[i] === "[") {
      if (i + 2 >= len) return false;
      if (i + 3 < len) {
        if (out[i + 1] === "I") {
          const tag = out.slice(i + 2, i + 4);
          if (tag === "sf") {
            hyphenUnconditionallyAllowed = true;
            hyphenUnconditionallyAllowedJustSet = true;
          } else if (tag === "cu") {
            boundaryPassed = false;
            hyphenUnconditionallyAllowed = true;
            hyphenRequired = true;
          } else if (tag === "ca") {
            requiredHyphenMissing = false;
            endsWithNonIcaNoun = false;
          }
        } else if (out[i + 1] === "L") {
          if (out[i + 2] === "e") {
            startsWithProperNoun = true;
            endsWithNonIcaNoun = false;
          } else if (out[i + 2] === "n") {
            endsWithNonIcaNoun = true;
          }
        } else if (out.slice(i + 1, i + 3) === "Dg") {
          startsWithProperNoun = false;
        }
      }
      if (out[i + 1] === "X") {
        while (i + 3 < len) {
          i++;
          if (out[i] === "[" && out[i + 1] === "X" && out[i + 2] === "]") {
            i += 2;
            break;
          }
        }
      } else if (out.slice(i + 1, i + 3) === "Bh") {
        i += 3;
        boundaryPassed = true;
        hyphenPresent = false;
        if (requiredHyphenMissing) return false;
        if (hyphenRequired) requiredHyphenMissing = true;
      } else {
        while (++i < len && out[i] !== "]") {}
      }
    } else if (out[i] === "-") {
      startsWithProperNoun = false;
      endsWithNonIcaNoun = false;
      if (i + 5 < len && out.slice(i + 1, i + 5) === "[Bh]") {
        boundaryPassed = true;
        hyphenPresent = true;
        i += 4;
      }
    } else {
      if (boundaryPassed) {
        if (lastChar === "" || (beforeLastChar === "i" && lastChar === "s"))
          hyphenUnconditionallyAllowed = true;
        if (hyphenRequired && hyphenPresent) hyphenRequired = false;
        if (!(hyphenUnconditionallyAllowed && hyphenPresent)) {
          const last = lastChar.toLowerCase();
          const nextChar = out[i].toLowerCase();
          const required =
            (last === nextChar && last !== "" && VOWELS.includes(last)) || (last >= "0" && last <= "9");
          if (required !== hyphenPresent) return false;
        }
        boundaryPassed = false;
        if (hyphenUnconditionallyAllowedJustSet) hyphenUnconditionallyAllowedJustSet = false;
        else hyphenUnconditionallyAllowed = false;
      }
      beforeLastChar = lastChar;
      lastChar = out[i];
    }
  }
  return !requiredHyphenMissing && (!startsWithProperNoun || !endsWithNonIcaNoun);
};

/** FinnishVfstAnalyzer.cpp parseStructure: "=" before each part of the word, a letter per letter. */
export const structure = (out, wlen) => {
  const parts = ["="];
  const len = out.length;
  let missing = wlen;
  let seen = 0;
  let fromDefault = 0;
  let titleCase = false;
  let abbr = false;
  const fill = (k) => {
    for (; k > 0; k--) {
      parts.push(titleCase ? (abbr ? "j" : "i") : abbr ? "q" : "p");
      titleCase = false;
    }
  };
  const flush = () => {
    fill(seen - fromDefault);
    missing = seen - fromDefault <= missing ? missing - (seen - fromDefault) : 0;
  };
  for (let i = 0; i < len; i++) {
    if (out[i] === "[" && i + 2 < len) {
      if (i + 3 < len && out[i + 1] === "B" && out[i + 2] !== "h" && out[i + 3] === "]") {
        if (i === 1) parts.push("=");
        if (seen > fromDefault) flush();
        if (i !== 1 && i + 5 < len && parts.at(-1) !== "=") parts.push("=");
        i += 3;
        seen = 0;
        fromDefault = 0;
      } else if (i + 3 < len && out[i + 1] === "X" && out[i + 3] === "]") {
        if (out[i + 2] === "r") {
          titleCase = false;
          i += 4;
          while (out[i] !== "[" && missing) {
            parts.push(out[i]);
            if (out[i] !== "=") {
              fromDefault++;
              if (out[i] !== "-") missing--;
            }
            i++;
          }
          i += 2;
        } else {
          i += 4;
          while (i < len && out[i] !== "[") i++;
          i += 2;
        }
      } else if (i + 3 < len && out[i + 1] === "L") {
        if (out[i + 2] === "e") {
          titleCase = true;
          abbr = false;
          i += 4;
        } else if (out[i + 2] === "n" && out[i + 3] === "l") {
          abbr = false;
          i += 4;
        } else if (out[i + 2] === "a") {
          abbr = true;
          i += 3;
        } else if (out[i + 2] === "u" && i + 5 < len && (out[i + 3] === "r" || /\d/.test(out[i + 4]))) {
          abbr = true;
          i += 3;
          if (out[i] === "r") i++;
        } else {
          abbr = false;
          i += 3;
        }
      } else {
        while (i < len && out[i] !== "]") i++;
      }
    } else if (out[i] === "-") {
      if (seen > fromDefault) {
        flush();
        parts.push("-");
        seen = 0;
        fromDefault = 0;
      } else if (i !== 0) {
        if (seen === fromDefault) parts.push("-");
        else seen++;
      }
      if (missing) missing--;
      if (parts.length === 1) parts[0] = "-";
    } else if (out[i] === ":") {
      if (abbr) {
        if (seen > fromDefault) {
          flush();
          seen = 0;
          fromDefault = 0;
        }
        abbr = false;
      }
      parts.push(":");
      if (missing) missing--;
    } else {
      seen++;
    }
  }
  fill(missing);
  return parts.join("");
};

/**
 * A lower-case word as Voikko knows it: its compound parts at Voikko's boundaries (["kieli",
 * "kylpy"]; one part for a simple word, or when some analysis has no boundary), or null when
 * Voikko has no analysis for it (scripts/make-lexicon's rule, so the lexicon and this agree).
 */
export const analyse = (fst, word) => {
  const wlen = [...word].length;
  const structures = new Set(
    outputs(fst, word)
      .filter(isValidAnalysis)
      .map((out) => structure(out, wlen)),
  );
  if (!structures.size) return null;
  let best = null;
  for (const s of [...structures].sort()) {
    const lengths = s
      .replaceAll("-", "")
      .replace(/^=+/, "")
      .split("=")
      .map((p) => p.length);
    if (lengths.length < 2 || lengths.reduce((a, b) => a + b, 0) !== word.length) return [word];
    if (!best || lengths.length < best.length) best = lengths;
  }
  const parts = [];
  let at = 0;
  for (const n of best) {
    parts.push(word.slice(at, at + n));
    at += n;
  }
  return parts;
};
