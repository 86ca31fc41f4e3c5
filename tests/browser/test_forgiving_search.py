"""The forgiving search in Chromium on the real built site: typos, missing å/ä/ö, new compounds,
the editors' synonyms, help pages after content, clean excerpts, honest counts and a way forward.

Everything goes through ``window.kbAsk`` / ``window.kbSearch`` (kb-search.js), the search box
and the finder page, as a reader uses them.
"""

from __future__ import annotations

import json
import random
import re
import shutil

import libvoikko
import pytest

from generator.search import lexicon
from generator.search.vocabulary import fold

from .conftest import serve
from .relevance import load_queries
from .test_search import ask, paths, search

pytestmark = pytest.mark.browser

HELP_PAGES = {"toimittajille", "saavutettavuusseloste", "avoin-data", "sanasto", "tietoa"}


def test_a_typo_is_corrected_and_the_box_says_so_with_the_typed_query_one_click_away(
    served_real_site, open_page
):
    page, log = open_page(served_real_site)
    found = ask(page, "liikuvuus")
    assert found["shown"] == "liikkuvuus"
    assert found["total"] > 0
    box = page.get_by_role("combobox", name="Hae tietopankista")
    box.fill("liikuvuus")
    first = page.locator("#kb-search-results [role=option]").first
    first.wait_for()
    assert "Näytetään tulokset haulle liikkuvuus." in first.inner_text()
    assert "Hae sen sijaan: liikuvuus" in first.inner_text()
    status = page.locator("[data-kb-search-status]")
    assert status.inner_text().startswith("Näytetään tulokset haulle liikkuvuus.")
    first.click()  # the typed word as it is: no correction, so no note
    page.wait_for_function(
        "!document.querySelector('#kb-search-literal')"
        " && document.querySelector('[data-kb-search-status]').textContent !== ''"
    )
    literal = page.evaluate("window.kbAsk('liikuvuus', {literal: true}).then(f => f.total)")
    assert "Näytetään" not in status.inner_text()
    assert literal < found["total"]
    assert log.console_errors == [] and log.foreign_requests == []


def test_words_typed_without_umlauts_find_the_same_pages(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    for plain, proper in (("hyvat kaytannot", "hyvät käytännöt"), ("paivakoti", "päiväkoti")):
        # Every page found, not the first 50: the two spellings score a little apart, so pages
        # ranked near a cut-off may fall on either side of it.
        typed = paths(search(page, plain, limit=1000), page)
        right = paths(search(page, proper, limit=1000), page)
        assert typed and set(typed) == set(right), plain
        assert typed[0] in right[:3], plain  # Pagefind's stemmer scores the two spellings a little apart
        assert ask(page, plain)["shown"] is None  # nothing to correct: Pagefind folds them too


def test_an_unknown_compound_is_searched_as_its_parts(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    found = ask(page, "robotiikkaopetus")
    assert found["shown"] == "robotiikka opetus"
    assert "tavoitteet/opiskelumotivaatio-robotiikan-avulla" in paths(found["results"][:3], page)
    # A known compound: the pages that have it come before those found through its parts.
    results = page.evaluate("window.kbAsk('hankesuunnitelma').then(found => found.results())")
    via = ["osat" in r["via"] for r in results if r["group"] == "all"]
    assert via == sorted(via) and via.count(False) >= 1 and via.count(True) >= 1


def test_synonyms_are_applied_at_query_time_from_the_editors_file(
    served_real_site, open_page, tmp_path_factory
):
    page, _ = open_page(served_real_site)
    found = ask(page, "inkluusio")
    top = set(paths(found["results"][:3], page))
    assert top & {"lainaukset/inklusiivinen-saavutettava-toiminta", "teemat/osallisuus"}
    assert any("synonyymi" in r["via"] for r in found["results"])
    # A new group takes effect without rebuilding the index: only haku/synonyymit.json changes.
    assert search(page, "zeppeliini") == []
    copy = tmp_path_factory.mktemp("synonyymit") / "site"
    shutil.copytree(served_real_site.root, copy)
    groups = json.loads((copy / "haku" / "synonyymit.json").read_text(encoding="utf-8"))
    groups.append({"sanat": ["zeppeliini", "lentoliikenne"], "hakusanat": []})
    (copy / "haku" / "synonyymit.json").write_text(json.dumps(groups), encoding="utf-8")
    for served in serve(copy):
        other, log = open_page(served)
        found = paths(search(other, "zeppeliini"), other)
        assert "lainaukset/verkkosisallot-ja-maitse-matkustaminen" in found
        assert log.console_errors == []


def test_content_ranks_above_help_pages_unless_the_query_is_about_them(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    found = paths(search(page, "johdon sitoutuminen", limit=50), page)
    content = [p for p in found if p not in HELP_PAGES]
    assert found[: len(content)] == content  # every help page after every content page
    assert found[0] == "teemat/johdon-sitoutuminen"  # the theme of leadership, not the editors' guide
    assert paths(search(page, "johdon rooli"), page)[0] == "lainaukset/johdon-rooli-kv-toiminnassa"
    assert paths(search(page, "miten lisään merkinnän"), page)[0] == "toimittajille"
    assert paths(search(page, "saavutettavuusseloste"), page)[0] == "saavutettavuusseloste"


def test_single_letters_and_stop_words_never_match_alone(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    for query in ("a", "ja", "miten ja", "a b c", "on ei"):
        assert search(page, query) == [], query
    # An unknown word matches only pages with a word that begins like it, never on "a".
    assert not set(paths(search(page, "ammattikoulu"), page)) & HELP_PAGES


def test_excerpts_come_from_the_entrys_own_text(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    for query in ("vastaako esimerkki", "mittaritieto", "yaml lainaus", "toimitus merkinnyt", "kyllä"):
        for result in search(page, query, limit=20):
            text = re.sub(r"<[^>]+>", "", result["excerpt"])
            assert "Vastaako esimerkki" not in text and "Toimitus on merkinnyt" not in text, query
            assert not re.search(r"\b(id|themes|quote|source): ", text), (query, text)


def test_the_finder_count_equals_its_list_and_the_search_box_for_every_query_in_the_set(
    served_real_site, open_page
):
    """The real finder, every query of the relevance set: the number the status says, the number
    of results listed once "Näytä lisää" has shown them all, and the total of the search the
    search box makes (the same words, no filters) agree: one engine, one count."""
    page, log = open_page(served_real_site, "haku/")
    page.locator("form[data-kb-finder][data-state=ready]").wait_for()
    queries = [q["q"] for q in load_queries()]
    rows = page.evaluate(
        """async (queries) => {
            const form = document.querySelector('form[data-kb-finder]');
            const input = form.querySelector('input[name=q]');
            const status = document.querySelector('[data-kb-finder-status]');
            const idle = async () => {
                while (form.hasAttribute('aria-busy')) await new Promise(r => setTimeout(r, 5));
            };
            const out = [];
            for (const q of queries) {
                input.value = q;
                form.requestSubmit();
                await idle();
                let more;
                while ((more = document.querySelector('[data-kb-finder-more]'))) { more.click(); await idle(); }
                const engine = await window.kbAsk(q);
                out.push({q, said: status.textContent, total: Number(status.dataset.total),
                          listed: document.querySelectorAll('.kb-finder__result').length,
                          partial: document.querySelectorAll('.kb-finder__result[data-group=some]').length,
                          engine: engine.total, some: engine.someWords});
            }
            return out;
        }""",
        queries,
    )
    assert len(rows) == len(queries)
    for row in rows:
        assert row["listed"] == row["total"] == row["engine"], row
        assert row["partial"] == row["some"], row
        n = row["total"]
        if n:
            assert re.search(rf"(^|\. ){n} tulos(ta)?\b", row["said"]), row
        else:
            assert row["said"].startswith("Ei tuloksia"), row
    assert log.console_errors == []


def test_the_box_announces_the_true_count_and_groups_some_word_results(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    box = page.get_by_role("combobox", name="Hae tietopankista")
    status = page.locator("[data-kb-search-status]")
    for query in ("opettajien", "matkustaminen junalla maitse"):
        found = ask(page, query)
        box.fill(query)
        page.locator("#kb-search-results [role=option]").first.wait_for()
        n = found["total"]
        said_first = f"Näytetään tulokset haulle {found['shown']}. " if found["shown"] else ""
        page.wait_for_function(
            "t => document.querySelector('[data-kb-search-status]').textContent.startsWith(t)",
            arg=f"{said_first}{n} tulos",
        )
        said = status.inner_text()
        if n > 7:
            assert "näytetään 7 ensimmäistä" in said
        if found["someWords"] and found["allWords"]:
            assert f"{found['allWords']} sisältää kaikki hakusanat" in said
        options = page.locator("#kb-search-results .kb-search__option:not(.kb-search__option--all)")
        assert options.count() == min(n, 7)
        assert page.locator("#kb-search-results [data-group=some]").count() == sum(
            1 for r in found["results"][:7] if r["group"] == "some"
        )
        assert page.locator("#kb-search-result-all").inner_text().startswith(f"Kaikki {n} tulos")


def test_when_nothing_is_found_there_is_a_way_forward(served_real_site, open_page):
    page, log = open_page(served_real_site)
    box = page.get_by_role("combobox", name="Hae tietopankista")
    box.fill("ystvt")  # two letters from "ystävät": too far to correct, near enough to suggest
    suggestion = page.locator("#kb-search-suggest")
    suggestion.wait_for()
    assert re.fullmatch(r"Tarkoititko: ystävä(t)?\?", suggestion.inner_text())
    assert page.locator("[data-kb-search-status]").inner_text().startswith("Ei tuloksia")
    ways = page.locator("#kb-search-results [role=option]").all_inner_texts()
    assert "Selaa teemoja" in ways and any(w.startswith("Hae ja suodata") for w in ways)
    suggestion.click()
    page.wait_for_function("document.querySelector('#kb-search-input').value.startsWith('ystävä')")
    page.locator("#kb-search-result-0").wait_for()
    assert "Erasmus Rotterdamilaisen" in page.locator("#kb-search-result-0").inner_text()

    finder, _ = open_page(served_real_site, "haku/?q=ystvt")
    finder.locator("form[data-kb-finder][data-state=ready]").wait_for()
    notice = finder.locator("[data-kb-finder-notice]")
    notice.get_by_role("button", name=re.compile("^ystävä")).wait_for()
    assert notice.get_by_role("link", name="Selaa teemoja").count() == 1
    assert log.console_errors == [] and log.foreign_requests == []


def test_a_finnish_word_voikko_knows_is_never_rewritten_into_another_word(served_real_site, open_page):
    """Words Voikko knows that the site does not use, drawn at random: from the list of Voikko's
    words (generator/search/lexicon.py), and compounds of them the list lacks, which the browser
    decides with Voikko's own dictionary (kb-voikko.js): none is corrected; a compound is searched
    as its own parts (Voikko's boundaries) or its head, never as a word that only looks like it."""
    root = served_real_site.root / "pagefind" / "kb"
    site_words = {
        fold(w) for f in root.glob("sanasto-*.json") for w in json.loads(f.read_text(encoding="utf-8"))
    }
    listed = [
        e
        for f in sorted(root.glob("kieli-*.json"))
        for e in lexicon.decoded(json.loads(f.read_text(encoding="utf-8")))
    ]
    unused = [e for e in listed if fold(e.replace("|", "")) not in site_words and "-" not in e]
    sample = random.Random(27).sample(unused, 150)
    # Words the list lacks that the site's words alone would rewrite: Voikko's words one letter
    # away from a word of the site (corrected before), and compounds of the site's words.
    voikko = libvoikko.Voikko("fi")
    every = {e.replace("|", "") for e in listed}
    plain = sorted(
        {w for f in root.glob("sanasto-*.json") for w in json.loads(f.read_text(encoding="utf-8"))}
    )
    plain = [w for w in plain if w.isalpha() and w.islower() and len(w) >= 5]
    pick = random.Random(6)
    near: dict[str, list[str]] = {"typo": [], "compound": []}
    for _ in range(40000):
        if all(len(v) >= 25 for v in near.values()):
            break
        word = pick.choice(plain)
        if len(near["typo"]) < 25:
            at = pick.randrange(1, len(word) - 2)
            kind, word = "typo", word[:at] + pick.choice("aeiouyäöklmnprst") + word[at + 1 :]
        else:
            kind, word = "compound", word + pick.choice(plain)
        structures = {a.get("STRUCTURE", "") for a in voikko.analyze(word)}
        if structures and word not in every and fold(word) not in site_words:
            near[kind].append(lexicon.boundaries(structures, word))
    assert all(len(v) >= 25 for v in near.values()), {k: len(v) for k, v in near.items()}
    sample += near["typo"] + near["compound"]
    page, log = open_page(served_real_site, fresh=True)  # it listens to requests
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    changes = page.evaluate(
        """async (words) => {
            const out = [];
            for (const w of words) {
                const found = await window.kbAsk(w);
                out.push({changed: found.query.changed, kinds: found.query.slots.flatMap(s => s.terms.map(t => t.kind))});
            }
            return out;
        }""",
        [e.replace("|", "") for e in sample],
    )
    for entry, got in zip(sample, changes, strict=True):
        assert "korjaus" not in got["kinds"], (entry, got)
        parts = [fold(p) for p in entry.split("|")]
        # Runs of adjacent parts, as the site writes them ("ala|kenttä" → "alakenttä"; the exact
        # rule, linking forms included, is tested in tests/js/kb-voikko.test.js).
        runs = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
        for change in got["changed"]:
            assert len(parts) > 1, (entry, change)
            for word in change["to"].split():
                n = min(4, len(word))  # "viita|maan" → "maa": the head without its ending
                assert any(fold(word)[:n] == run[:n] for run in runs), (entry, change)
    # The words the list lacks were decided by Voikko's dictionary, fetched once.
    fetched = [url for url in requested if url.endswith("/kb/voikko.bin")]
    assert len(fetched) == 1, fetched
    assert log.console_errors == []


def test_words_applicants_type_find_the_reports_terms_one_way(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    assert "tietoa" in paths(ask(page, "programme guide")["results"], page)
    terms = page.evaluate(
        """async (qs) => {
            const out = {};
            for (const q of qs) out[q] = (await window.kbAsk(q)).query.slots.flatMap(s => s.terms.map(t => t.text));
            return out;
        }""",
        ["programme guide", "ohjelmaopas", "työvarjostus", "job shadowing"],
    )
    # What applicants type is searched as the report's words, not as itself (no page uses it) ...
    assert terms["programme guide"] == ["ohjelmaopas"] and terms["työvarjostus"] == ["job shadowing"]
    # ... and the report's words are not searched as what applicants type.
    assert terms["ohjelmaopas"] == ["ohjelmaopas"] and terms["job shadowing"] == ["job shadowing"]


def test_nothing_found_says_so_and_offers_the_nearest_themes(served_real_site, open_page):
    page, log = open_page(served_real_site, "haku/?q=viestintäkampanjaton")
    page.locator("form[data-kb-finder][data-state=ready]").wait_for()
    status = page.locator("[data-kb-finder-status]").inner_text()
    assert status.startswith("Ei tuloksia haulle ”viestintäkampanjaton”"), status
    notice = page.locator("[data-kb-finder-notice]")
    assert notice.inner_text().startswith("Lähimmät teemat: ")
    assert notice.get_by_role("link", name="Sisäinen ja ulkoinen viestintä").count() == 1
    topics = page.evaluate("window.kbNearestTopics('zzzzqqq')")
    assert topics["near"] is False and len(topics["themes"]) >= 10
    assert log.console_errors == []


def test_the_finder_says_it_is_loading_never_that_it_needs_java_script(served_real_site, open_page):
    # Without JavaScript the browser shows <noscript>: what the list below it is (the build's
    # listing, test_finder.py), the way on, and the loading note hidden. (Chromium with scripts
    # turned off by Playwright does not parse <noscript> as a real browser without JavaScript
    # does, so this is read from the page's HTML.)
    html = (served_real_site.root / "haku" / "index.html").read_text(encoding="utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.DOTALL)
    assert noscript and "Alla on kaikkien merkintöjen luettelon alku" in noscript.group(1)
    assert "Haku, suodatus ja luettelon loppu toimivat selaimessa JavaScriptillä" in noscript.group(1)
    # The loading note hides where the browser runs no scripts (tests/browser/test_slow_network.py).
    css = (served_real_site.root / "assets" / "kb-search" / "kb-search.css").read_text(encoding="utf-8")
    assert re.search(r"@media \(scripting: none\) \{\s*\.kb-finder__loading \{\s*display: none;", css)
    assert html.count("toimivat selaimessa JavaScriptillä") == 1
    # A slow connection: the search's files are held back while the page is looked at.
    # (No service worker: the page's own routes do not see what a worker fetches.)
    slow, _ = open_page(served_real_site, "", service_workers="block")
    held: list = []
    holding = [True]
    slow.route("**/pagefind/**", lambda route: held.append(route) if holding[0] else route.continue_())
    slow.goto(served_real_site.url + "haku/?q=palaute", wait_until="domcontentloaded")
    for _ in range(300):  # until the search asks for its first file (the scripts start after the first paint)
        if held:
            break
        slow.wait_for_timeout(50)
    assert held, "the search never began loading"
    assert slow.locator("[data-kb-finder-loading]").is_visible()
    assert slow.locator("[data-kb-finder-loading] progress").count() == 1
    assert not slow.get_by_text("toimivat selaimessa JavaScriptillä").is_visible()
    holding[0] = False
    for route in held:
        route.continue_()
    slow.locator("form[data-kb-finder][data-state=ready]").wait_for()
    assert slow.locator("[data-kb-finder-loading]").count() == 0
    assert slow.locator(".kb-finder__result").count() > 0
