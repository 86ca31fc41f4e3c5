/*
 * One start-up pattern for every browser module (docs/assets/**.js): a module that sets up part
 * of a page exports ``init(root)`` and starts itself with one line,
 *     onEveryPage(() => setUp(SELECTOR, init));
 * (kb-start.js: on every page shown, with or without Material's instant navigation, once per
 * element). Every other module only declares: it runs nothing when it is imported, so that the
 * tests can import it (plan-format.js, kb-query.js).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { REPO } from "./site-data.js";

const ASSETS = join(REPO, "docs/assets");
const modules = readdirSync(ASSETS, { recursive: true })
  .filter((name) => name.endsWith(".js"))
  .map((name) => join(ASSETS, name));

/** Lines at the top level that do something (a declaration, import, export or comment does not). */
const statements = (source) =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => /^\S/.test(line))
    .filter((line) => !/^(import|export|const|let|class|function|async function|\/\/|[}\])])/.test(line));

/** Modules the page loads itself (mkdocs.yml, overrides/, the plan page); the rest are imported. */
const loaded = [
  ...readFileSync(join(REPO, "mkdocs.yml"), "utf8").matchAll(/path: (assets\/\S+\.js)/g),
  ...readFileSync(join(REPO, "overrides/main.html"), "utf8").matchAll(/'(assets\/\S+\.js)'/g),
].map((m) => join(REPO, "docs", m[1]));

test("every module that sets up a page exports init and starts it the one way", () => {
  assert.ok(modules.length >= 10, modules.join());
  const starting = [];
  for (const path of modules) {
    const source = readFileSync(path, "utf8");
    const name = relative(REPO, path);
    const started = statements(source);
    if (/^onEveryPage\(/m.test(source)) {
      starting.push(name);
      assert.match(
        source,
        /^export (async )?(function init\(|const init = )/m,
        `${name}: init(root) puuttuu`,
      );
      assert.equal(started.length, 1, `${name}: ${started.join(" | ")}`);
      assert.match(started[0], /^onEveryPage\(/, name);
      assert.match(source, /import \{ onEveryPage, setUp \} from "[./]+(kb-search\/)?kb-start\.js";/, name);
    } else if (name.endsWith("kb-search.js")) {
      // The search publishes itself for the tests and the console (window.kbSearch); it has no page part.
      assert.ok(
        started.every((line) => line.startsWith("window.kb")),
        started.join(" | "),
      );
    } else {
      assert.deepEqual(started, [], `${name} tekee jotain, kun se tuodaan`);
    }
  }
  for (const path of loaded) {
    const name = relative(REPO, path);
    assert.ok(modules.includes(path), `${name} puuttuu`);
    if (!name.endsWith("kb-search.js"))
      assert.ok(starting.includes(name), `${name} ei käynnisty onEveryPage-rivillä`);
  }
});
