/*
 * Generated inputs for the browser modules' tests: a small seeded generator, so that every run
 * tries the same many cases and a failure names the seed that made it.
 */

/** Mulberry32: a deterministic stream of numbers in [0, 1). */
export const random = (seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Characters that mean something to Markdown, HTML, CSV, spreadsheets or JSON, and Finnish text. */
const HOSTILE = [
  ..."<>&\"'`*_[](){}#|~!\\=+-@.,;:/\t\r\n \u00a0\u2028",
  ..."aäöåzAÄÖ019",
  "<script>",
  "&amp;",
  "]]>",
  "1.",
  "- ",
];

export const text = (next, max = 24) => {
  const length = Math.floor(next() * max);
  let out = "";
  for (let i = 0; i < length; i++) out += HOSTILE[Math.floor(next() * HOSTILE.length)];
  return out;
};

export const pick = (next, items) => items[Math.floor(next() * items.length)];

export const some = (next, items) => items.filter(() => next() < 0.5);

/** Runs ``check(next, seed)`` for ``count`` seeds; the assertion message names the seed. */
export const forEachSeed = (count, check) => {
  for (let seed = 1; seed <= count; seed++) {
    try {
      check(random(seed), seed);
    } catch (error) {
      error.message = `siemen ${seed}: ${error.message}`;
      throw error;
    }
  }
};
