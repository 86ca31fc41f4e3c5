/*
 * The words of the site's scripts in the page's language. Every message a script shows is in one
 * table per language (fi.js, sv.js: the same keys, the same {placeholders}); the page's
 * <html lang> chooses the table ("sv" on the Swedish edition under /sv/, Finnish otherwise).
 * Numbers and dates are written with Intl in the same language. No DOM is changed here.
 *
 * A page loads only its own language's table (each is some 15 KB): this module waits for it
 * (top-level await), so every module that imports it has its words when it runs. Where there is
 * no page (Node's tests, tests/js/i18n.test.js) both tables are loaded.
 */

/** The locale Intl writes numbers and dates in: Finland's, in either language. */
const LOCALES = Object.freeze({ fi: "fi-FI", sv: "sv-FI" });

/** "sv" on a Swedish page, "fi" on any other (and where there is no page, as in Node's tests). */
export const language = () => {
  const lang = String(globalThis.document?.documentElement?.lang ?? "")
    .toLowerCase()
    .split("-")[0];
  return lang in LOCALES ? lang : "fi";
};

// The paths are written out whole, so that a reader (and a bundler) sees which files these are.
const LOADERS = Object.freeze({ fi: () => import("./fi.js"), sv: () => import("./sv.js") });

const wanted = globalThis.document ? [language()] : Object.keys(LOADERS);

/** The loaded tables by language: on a page, its own language's only. */
export const TABLES = Object.freeze(
  Object.fromEntries(await Promise.all(wanted.map(async (lang) => [lang, (await LOADERS[lang]()).default]))),
);

export const locale = (lang = language()) => LOCALES[lang];

/**
 * The message ``key`` in the page's language with its {placeholders} filled from ``params``.
 * A key missing from the tables is a fault of the script, not something to show: it throws.
 */
export const t = (key, params = {}, lang = language()) => {
  const template = TABLES[lang]?.[key];
  if (typeof template !== "string") throw new Error(`unknown message: ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
};

/** The message ``key.one`` or ``key.other``, as the language says ``n`` things; {n} is the number. */
export const plural = (key, n, params = {}, lang = language()) => {
  const form = new Intl.PluralRules(locale(lang)).select(n) === "one" ? "one" : "other";
  return t(`${key}.${form}`, { n: number(n, lang), ...params }, lang);
};

/** 200 000 in Finnish and in Swedish (a no-break space between thousands). */
export const number = (n, lang = language()) => new Intl.NumberFormat(locale(lang)).format(n);

/** 6.12.2026: the day as Finnish and Finland-Swedish write it. */
export const date = (d = new Date(), lang = language()) =>
  new Intl.DateTimeFormat(locale(lang), { day: "numeric", month: "numeric", year: "numeric" }).format(d);

/** Text compared as the page's language sorts it ("å" after "z" in Swedish, "ä" after "z" in both). */
export const compare = (a, b, lang = language()) =>
  String(a).localeCompare(String(b), locale(lang), { numeric: true, sensitivity: "base" });
