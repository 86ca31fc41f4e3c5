/*
 * The service worker (docs/sw.js) as the build writes it: a classic script (no import, so every
 * browser with service workers runs it), its offline page's words the same as the message tables
 * say when JavaScript itself reads them (docs/assets/kb-i18n/), in every language.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import vm from "node:vm";
import * as i18n from "../../docs/assets/kb-i18n/i18n.js";
import { REPO } from "./site-data.js";

const PYTHON = process.env.KB_PYTHON ?? `${REPO}.venv/bin/python`;

/** docs/sw.js with its words, written by the build's own step into a copy of the files it reads. */
const BUILT = `
import shutil, sys, tempfile
from pathlib import Path
from generator.site import editions, worker_messages as w
with tempfile.TemporaryDirectory() as folder:
    site = Path(folder)
    shutil.copytree("docs/assets/kb-i18n", site / w.TABLES)
    shutil.copyfile("docs/sw.js", site / w.WORKER)
    assert w.write(site, [edition.code for edition in editions.EDITIONS]) == (True, [])
    sys.stdout.write((site / w.WORKER).read_text(encoding="utf-8"))
`;

const built = execFileSync(PYTHON, ["-c", BUILT], { cwd: REPO, encoding: "utf8" });

test("the built worker is a classic script that runs without importing anything", () => {
  const listeners = {};
  const self = {
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
    location: new URL("https://example.test/tietopankki/sw.js"),
  };
  const script = new vm.Script(`${built}\n;({ MESSAGES, t })`); // a module's import would not compile
  const { MESSAGES, t } = script.runInNewContext({ self, URL, Response: class {}, caches: {} });
  assert.deepEqual(Object.keys(listeners).sort(), ["activate", "fetch", "install", "message"]);
  for (const lang of Object.keys(i18n.TABLES)) {
    const wanted = Object.fromEntries(
      Object.entries(i18n.TABLES[lang]).filter(([key]) => key.startsWith("offline.")),
    );
    assert.ok(Object.keys(wanted).length >= 7, lang);
    assert.deepEqual({ ...MESSAGES[lang] }, wanted, lang);
    for (const key of Object.keys(wanted)) assert.equal(t(key, lang), i18n.t(key, {}, lang));
  }
});
