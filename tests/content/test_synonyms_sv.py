"""synonyms: the Swedish edition's search vocabulary (practices/synonyms-sv.yml), checked like the
Finnish one, against the Swedish texts (the ``sv:`` blocks) instead of the Finnish ones."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, messages

from generator.pipeline import check
from generator.search import synonyms

SWEDISH = """\
synonyms:
  - id: delaktighet
    words: [delaktighet, inkludering]
    hakusanat: [inclusion, osallisuus]
    peruste: Temat "Delaktighet"; programguidens engelska "inclusion".
  - id: rymden
    words: [raket, månfärd]
    hakusanat: [inkludering]
    peruste: Ingenstans.
"""


def _swedish_messages(content: Path) -> list[str]:
    return [m for m in messages(content) if m.startswith("synonyms-sv.yml")]


def test_the_swedish_groups_are_read_into_the_content(content: Path):
    (content / "synonyms-sv.yml").write_text(SWEDISH.split("  - id: rymden")[0], encoding="utf-8")
    result = check(content)
    assert result.problems == []
    assert [g.words for g in result.index.content.synonyms_sv] == [["delaktighet", "inkludering"]]
    assert result.index.content.synonyms == ()


def test_a_word_in_two_swedish_groups_is_reported(content: Path):
    (content / "synonyms-sv.yml").write_text(SWEDISH, encoding="utf-8")
    assert "synonyms-sv.yml:8:17: sana 'inkludering' on jo ryhmässä 'delaktighet'" in _swedish_messages(
        content
    )


def test_a_swedish_group_none_of_whose_words_the_swedish_texts_use_is_reported(content: Path):
    (content / "synonyms-sv.yml").write_text(
        SWEDISH.replace("hakusanat: [inkludering]", ""), encoding="utf-8"
    )
    # The fixture's theme "osallisuus" has its Swedish words: "Delaktighet", "Alla har möjlighet att delta."
    assert _swedish_messages(content) == [
        "synonyms-sv.yml:7:12: synonyymiryhmän 'rymden' sanoista yksikään ei esiinny tietopankin "
        "ruotsinkielisissä teksteissä (raket, månfärd), joten haku ei löytäisi niillä mitään; lisää "
        "ryhmään sana, jota merkinnät käyttävät"
    ]


def test_finnish_groups_are_not_satisfied_by_swedish_words(content: Path):
    (content / "synonyms.yml").write_text(
        "synonyms:\n  - id: ruotsi\n    words: [delaktighet, alla]\n    peruste: Ei suomeksi.\n",
        encoding="utf-8",
    )
    assert [m for m in messages(content) if m.startswith("synonyms.yml")] == [
        "synonyms.yml:3:12: synonyymiryhmän 'ruotsi' sanoista yksikään ei esiinny tietopankin teksteissä "
        "(delaktighet, alla), joten haku ei löytäisi niillä mitään; lisää ryhmään sana, jota merkinnät "
        "käyttävät"
    ]


def test_the_shipped_swedish_vocabulary_is_valid_and_every_word_is_in_one_group_only():
    result = check(REPO / "practices")
    assert [p for p in result.problems if "synonyms-sv" in p.path] == []
    words = [w for g in result.index.content.synonyms_sv for w in (*g.words, *g.hakusanat)]
    assert len(words) == len(set(words)) and len(result.index.content.synonyms_sv) >= 15


def test_the_swedish_edition_gets_its_own_search_files(content: Path):
    (content / "synonyms-sv.yml").write_text(SWEDISH.split("  - id: rymden")[0], encoding="utf-8")
    files = synonyms.files(check(content).index.content)
    assert json.loads(files["sv/haku/synonyymit.json"]) == [
        {"sanat": ["delaktighet", "inkludering"], "hakusanat": ["inclusion", "osallisuus"]}
    ]
    assert json.loads(files["haku/synonyymit.json"]) == []  # the Finnish groups are the Finnish file's
    finnish = {t["url"]: t for t in json.loads(files["haku/teemat.json"])}
    swedish = {t["url"]: t for t in json.loads(files["sv/haku/teemat.json"])}
    assert finnish.keys() == swedish.keys()  # the same addresses, below each edition's root
    # A theme is offered by its Swedish words (its sv: block), on the Finnish edition by its Finnish ones.
    assert (swedish["teemat/osallisuus/"]["title"], finnish["teemat/osallisuus/"]["title"]) == (
        "Delaktighet",
        "Osallisuus",
    )
    assert "delta" in swedish["teemat/osallisuus/"]["words"]
