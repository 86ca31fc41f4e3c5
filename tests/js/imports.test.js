/*
 * Every name a browser module imports is exported by the module it names: a browser refuses a
 * module whose import is missing, and with it every module that imports that one (the search box,
 * the finder, the plan), so the class of fault is checked here for every module at once.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { REPO } from "./site-data.js";

const ASSETS = join(REPO, "docs/assets");
const modules = readdirSync(ASSETS, { recursive: true })
  .filter((name) => name.endsWith(".js"))
  .map((name) => join(ASSETS, name));

/** The names a module exports (declarations, export lists and a default). */
const exportsOf = (source) => {
  const names = new Set();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:const|let|function\*?|class)\s+([\w$]+)/gm))
    names.add(m[1]);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  if (/^export default\b/m.test(source)) names.add("default");
  return names;
};

test("every imported name is exported by the module imported", () => {
  const faults = [];
  for (const path of modules) {
    const source = readFileSync(path, "utf8");
    for (const m of source.matchAll(
      /^import\s+(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\})?(?:\*\s+as\s+[\w$]+)?\s*from\s+"([^"]+)"/gm,
    )) {
      const target = resolve(dirname(path), m[3]);
      if (!existsSync(target)) {
        faults.push(`${relative(REPO, path)}: ${m[3]} does not exist`);
        continue;
      }
      const exported = exportsOf(readFileSync(target, "utf8"));
      const wanted = [
        ...(m[1] ? ["default"] : []),
        ...(m[2] ?? "").split(",").map((p) => p.trim().split(/\s+as\s+/)[0]),
      ];
      for (const name of wanted.filter(Boolean)) {
        if (!exported.has(name)) faults.push(`${relative(REPO, path)}: ${name} is not exported by ${m[3]}`);
      }
    }
  }
  assert.deepEqual(faults, []);
  assert.ok(modules.length >= 15);
});
