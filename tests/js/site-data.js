/*
 * The build's own data for the tests of the browser modules, made by the Python generator from
 * the test content (tests/fixtures/content): the tests read the report's questions, the
 * vocabularies and the examples from where the site gets them, never from a copy.
 * The interpreter is KB_PYTHON, or the project's .venv/bin/python (make test sets it up).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.KB_PYTHON ?? `${REPO}.venv/bin/python`;

const PLAN_DATA = `
import json, sys
from pathlib import Path
from generator.pipeline import check
from generator.site import plan
result = check(Path("tests/fixtures/content"))
assert result.index is not None, result.problems
json.dump(plan.data(result.index), sys.stdout, ensure_ascii=False)
`;

let plan = null;

/** data/suunnitelma.json as the build writes it for the test content. */
export const planData = () => {
  plan ??= execFileSync(PYTHON, ["-c", PLAN_DATA], { cwd: REPO, encoding: "utf8" });
  return JSON.parse(plan);
};

const SEARCH_FILES = `
import json, sys
from collections import Counter
from pathlib import Path
from generator.search import query_forms, vocabulary
asked = json.load(sys.stdin)
out = Path(asked["folder"])
vocabulary.write(Counter(asked["words"]), out / "pagefind")
query_forms.write(asked["forms"], out / "pagefind")
print(json.dumps({w: query_forms.shard_of(w, asked["shards"]) for w in asked["hash"]}))
`;

/**
 * The query side's files (pagefind/kb/: the vocabulary and the table of base forms) as the build
 * writes them for ``words`` and ``forms``, in ``folder``; and Python's shard of each of ``hash``.
 */
export const searchFiles = (folder, { words, forms = {}, hash = [], shards = 7 }) =>
  JSON.parse(
    execFileSync(PYTHON, ["-c", SEARCH_FILES], {
      cwd: REPO,
      encoding: "utf8",
      input: JSON.stringify({ folder, words, forms, hash, shards }),
    }),
  );
