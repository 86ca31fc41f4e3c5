"""validate: model and reference errors, with the field, the bad value and the allowed values."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, messages, write_tree

from generator.pipeline import check

QUOTE = "quotes/kaikki-mukaan.yml"


def test_fixture_is_valid(content: Path):
    assert check(content).problems == []


def test_unknown_theme_suggests_the_closest(content: Path):
    edit(content, QUOTE, "themes: [osallisuus]", "themes: [osalisuus]")
    assert messages(content) == [
        "kaikki-mukaan.yml:11:10: teema 'osalisuus' ei ole määritelty (tunnetut: osallisuus, viestinta); "
        "tarkoititko 'osallisuus'?"
    ]


def test_unknown_key_names_allowed_fields_and_suggests(content: Path):
    edit(content, QUOTE, "context:", "contxt:")
    assert messages(content) == [
        "kaikki-mukaan.yml:2:1: pakollinen kenttä 'context' puuttuu",
        "kaikki-mukaan.yml:16:1: tuntematon kenttä 'contxt' (sallitut kentät: applicant_types, context, "
        "former_ids, id, origin, quality_standards, sectors, source, sv, text, themes, title); "
        "tarkoititko 'context'?",
    ]


def test_nested_unknown_key(content: Path):
    edit(content, QUOTE, "  section:", "  sektion:")
    assert messages(content) == [
        "kaikki-mukaan.yml:14:3: pakollinen kenttä 'source.section' puuttuu",
        "kaikki-mukaan.yml:15:3: tuntematon kenttä 'source.sektion' (sallitut kentät: document, section); "
        "tarkoititko 'section'?",
    ]


def test_blank_text_and_wrong_type(content: Path):
    edit(content, QUOTE, "title: Kaikki mukaan liikkuvuuteen", "title: '  '")
    edit(content, QUOTE, "themes: [osallisuus]", "themes: {osallisuus: 1}")
    assert messages(content) == [
        "kaikki-mukaan.yml:3:8: kenttä 'title' ei saa olla tyhjä",
        "kaikki-mukaan.yml:11:9: kentän 'themes' pitää olla luettelo (jokainen kohta omalla rivillään "
        "'- ' -alkuisena), nyt joukko kenttiä",
    ]


def test_literal_value_lists_allowed_values(content: Path):
    edit(content, "pairs/osallistujamaarat.yml", "measure_type: molemmat", "measure_type: molempia")
    assert messages(content) == [
        "osallistujamaarat.yml:22:17: kentän 'annotation.measure_type' arvo 'molempia' ei kelpaa "
        "(sallitut: laadullinen, molemmat, määrällinen); tarkoititko 'molemmat'?"
    ]


def test_id_must_match_file_name_and_be_unique(content: Path):
    edit(content, QUOTE, "id: kaikki-mukaan", "id: viestimme-avoimesti")
    assert messages(content) == [
        "kaikki-mukaan.yml:2:5: tunniste 'viestimme-avoimesti' ei vastaa tiedoston nimeä "
        "'kaikki-mukaan.yml'; nimeä tiedosto viestimme-avoimesti.yml tai korjaa tunniste",
        "viestimme-avoimesti.yml:2:5: tunniste 'viestimme-avoimesti' on jo käytössä tiedostossa "
        f"{content / QUOTE}",
    ]


def test_unknown_section_and_sector(content: Path):
    edit(content, QUOTE, "section: Ensimmäinen luku", "section: Ensimäinen luku")
    edit(content, QUOTE, "sectors: [yleissivistava]", "sectors: [yleisivistava]")
    assert messages(content) == [
        "kaikki-mukaan.yml:9:11: sektori 'yleisivistava' ei ole määritelty (tunnetut: aikuiskoulutus, "
        "yleissivistava); tarkoititko 'yleissivistava'?",
        "kaikki-mukaan.yml:15:12: luku 'Ensimäinen luku' ei ole lähteen 'testiraportti' lukuluettelossa; "
        "tarkoititko 'Ensimmäinen luku'?",
    ]


def test_former_id_still_in_use(content: Path):
    edit(content, QUOTE, "context:", "former_ids: [viestimme-avoimesti]\ncontext:")
    found = messages(content)
    assert len(found) == 1
    assert found[0].startswith(
        "kaikki-mukaan.yml:16:14: aiempi tunniste 'viestimme-avoimesti' on edelleen käytössä tiedostossa "
    )


def test_missing_vocabulary_file(content: Path):
    (content / "vocabularies" / "priorities.yml").unlink()
    found = messages(content)
    assert "priorities.yml:1:1: sanastotiedosto puuttuu: vocabularies/priorities.yml" in found
    assert (
        "osallisuus.yml:15:14: painopiste 'osallisuus-ja-monimuotoisuus' ei ole määritelty "
        "(tunnetut: ei yhtään)"
    ) in found


def test_all_problems_of_a_run_at_once_sorted(content: Path):
    edit(content, QUOTE, "themes: [osallisuus]", "themes: [tuntematon]")
    write_tree(content, {"quotes/rikki.yml": "id: rikki\ntitle: [\n"})
    found = check(content).problems
    assert [Path(p.path).name for p in found] == ["kaikki-mukaan.yml", "rikki.yml"]
    assert found == sorted(found)


def test_every_placeholder_left_is_reported_once_at_its_value(content: Path):
    edit(content, QUOTE, "title: Kaikki mukaan liikkuvuuteen", 'title: "TÄYTÄ: lyhyt otsikko"')
    edit(content, QUOTE, "section: Ensimmäinen luku", 'section: "TÄYTÄ: luvun otsikko"')
    edit(content, "pairs/osallistujamaarat.yml", "timing: true", 'timing: "TÄYTÄ: true tai false"')
    assert messages(content) == [  # sorted by path: pairs/ before quotes/
        "osallistujamaarat.yml:18:11: kenttä 'annotation.timing' on vielä täyttämättä: korvaa mallipohjan "
        "teksti 'TÄYTÄ: true tai false' omalla sisällöllä",
        "kaikki-mukaan.yml:3:8: kenttä 'title' on vielä täyttämättä: korvaa mallipohjan teksti "
        "'TÄYTÄ: lyhyt otsikko' omalla sisällöllä",
        "kaikki-mukaan.yml:15:12: kenttä 'source.section' on vielä täyttämättä: korvaa mallipohjan teksti "
        "'TÄYTÄ: luvun otsikko' omalla sisällöllä",
    ]


def test_a_refused_tag_is_not_reported_again_as_a_wrong_value(content: Path):
    edit(content, QUOTE, "title: Kaikki mukaan liikkuvuuteen", "title: !!binary aGVp")
    assert messages(content) == [
        "kaikki-mukaan.yml:3:8: YAML-tunniste 'tag:yaml.org,2002:binary' ei ole sallittu; sisältö on pelkkää "
        "tekstiä, lukuja ja luetteloita"
    ]


SYNONYMS = """\
synonyms:
  - id: kaikki
    words: [kaikki mukaan, liikkuvuus]
    peruste: Luku 1, "liikkuvuuteen".
  - id: kuu
    words: [kuukausi, liikkuvuus, kuu9]
    peruste: Ei missään.
  - id: avaruus
    words: [raketti, kuuajelu]
    peruste: Ei missään.
  - id: yksi
    words: [yksinään]
"""


def test_synonym_groups_are_checked_with_positions(content: Path):
    (content / "synonyms.yml").write_text(SYNONYMS, encoding="utf-8")
    assert messages(content) == [
        "synonyms.yml:6:35: kentän 'words[3]' arvo 'kuu9' ei kelpaa hakusanaksi: käytä kirjaimia, "
        "yksittäisiä välilyöntejä ja yhdysmerkkejä",
        "synonyms.yml:9:12: synonyymiryhmän 'avaruus' sanoista yksikään ei esiinny tietopankin "
        "teksteissä (raketti, kuuajelu), joten haku ei löytäisi niillä mitään; lisää ryhmään sana, "
        "jota merkinnät käyttävät",
        "synonyms.yml:11:5: pakollinen kenttä 'peruste' puuttuu",
    ]


def test_a_synonym_word_in_two_groups_and_a_group_the_texts_never_use_are_reported(content: Path):
    text = SYNONYMS.replace(", kuu9]", "]").split("  - id: yksi")[0]
    (content / "synonyms.yml").write_text(text, encoding="utf-8")
    assert messages(content) == [
        "synonyms.yml:6:23: sana 'liikkuvuus' on jo ryhmässä 'kaikki'",
        "synonyms.yml:9:12: synonyymiryhmän 'avaruus' sanoista yksikään ei esiinny tietopankin "
        "teksteissä (raketti, kuuajelu), joten haku ei löytäisi niillä mitään; lisää ryhmään sana, "
        "jota merkinnät käyttävät",
    ]


CHECKLIST = """\
source: testiraportti
questions:
  - title: Kysymys
    text: Selitys.
    section: Ensimmäinen luku
    themes: [osallisuus]
    examples: [kaikki-mukaan, osallistujamaarat]
recommendations:
  - title: Suositus
    text: Selitys.
    section: Toinen luku
    themes: [viestinta, osalisuus]
    examples: [kaikki-mukana]
"""


def test_words_applicants_type_map_one_way_and_are_checked_with_the_groups(content: Path):
    text = """\
synonyms:
  - id: liikkuvuus
    words: [liikkuvuus]
    hakusanat: [mobility, learning mobility, liikkuvuus]
    peruste: Ohjelmaoppaan englanti "mobility"; luku 1, "liikkuvuuteen".
  - id: jakso
    words: [kuuajelu]
    hakusanat: [mobility, moon trip9]
    peruste: Ei missään.
  - id: yksi
    words: [kaikki mukaan]
    peruste: Luku 1.
"""
    (content / "synonyms.yml").write_text(text, encoding="utf-8")
    one_word = (
        "synonyms.yml:11:12: synonyymiryhmässä 'yksi' on vain yksi sana; lisää sille synonyymi "
        "(words) tai sana, jolla hakijat sitä hakevat (hakusanat)"
    )
    assert messages(content) == [
        "synonyms.yml:4:46: sana 'liikkuvuus' on jo tässä ryhmässä",
        "synonyms.yml:8:27: kentän 'hakusanat[2]' arvo 'moon trip9' ei kelpaa hakusanaksi: käytä "
        "kirjaimia, yksittäisiä välilyöntejä ja yhdysmerkkejä",
        one_word,
    ]
    (content / "synonyms.yml").write_text(text.replace(", moon trip9", ""), encoding="utf-8")
    assert messages(content) == [
        "synonyms.yml:4:46: sana 'liikkuvuus' on jo tässä ryhmässä",
        "synonyms.yml:7:12: synonyymiryhmän 'jakso' sanoista yksikään ei esiinny tietopankin "
        "teksteissä (kuuajelu), joten haku ei löytäisi niillä mitään; lisää ryhmään sana, "
        "jota merkinnät käyttävät",
        "synonyms.yml:8:17: sana 'mobility' on jo ryhmässä 'liikkuvuus'",
        one_word,
    ]


def test_checklist_links_resolve_to_themes_and_examples(content: Path):
    (content / "checklist.yml").write_text(CHECKLIST, encoding="utf-8")
    assert messages(content) == [
        "checklist.yml:12:25: teema 'osalisuus' ei ole määritelty (tunnetut: osallisuus, viestinta); "
        "tarkoititko 'osallisuus'?",
        "checklist.yml:13:16: esimerkki 'kaikki-mukana' ei ole määritelty (tunnetut: kaikki-mukaan, "
        "osallistujamaarat, viestimme-avoimesti); tarkoititko 'kaikki-mukaan'?",
    ]
    (content / "checklist.yml").write_text(
        CHECKLIST.replace("osalisuus", "osallisuus").replace("kaikki-mukana", "viestimme-avoimesti"),
        encoding="utf-8",
    )
    index = check(content).index
    assert index is not None
    assert index.content.checklist.recommendations[0].examples == ["viestimme-avoimesti"]


THEME = "themes/viestinta.yml"


def test_a_guidance_paragraph_without_its_section_is_an_error_at_its_place(content: Path):
    edit(content, THEME, "    section: Toinen luku\n", "")
    assert messages(content) == ["viestinta.yml:6:5: pakollinen kenttä 'guidance[1].section' puuttuu"]


def test_a_guidance_section_must_be_a_chapter_of_the_source(content: Path):
    edit(content, THEME, "section: Toinen luku", "section: Toinen lukku")
    assert messages(content) == [
        "viestinta.yml:7:14: luku 'Toinen lukku' ei ole lähteen 'testiraportti' lukuluettelossa; "
        "tarkoititko 'Toinen luku'?"
    ]


def test_two_paragraphs_in_one_guidance_item_is_an_error(content: Path):
    edit(
        content,
        THEME,
        "  - text: Viestintä on suunnitelmallista.",
        "  - text: |-\n      Viestintä on suunnitelmallista.\n\n      Toinen kappale ilman lukua.",
    )
    problems = messages(content)
    assert len(problems) == 1 and problems[0].startswith("viestinta.yml:6:11: kohdassa on useampi kappale")


def test_a_glossary_term_needs_a_source_or_the_general_marker(content: Path):
    (content / "glossary.yml").write_text(
        "terms:\n"
        "  - id: kv\n    term: KV\n    definition: Kansainvälinen.\n"
        "  - id: ops\n    term: OPS\n    definition: Opetussuunnitelma.\n    general: true\n"
        "  - id: mittari\n    term: mittari\n    definition: Tapa seurata tavoitetta.\n"
        "    source:\n      document: testiraportti\n      section: Kolmas luku\n",
        encoding="utf-8",
    )
    assert messages(content) == [
        "glossary.yml:4:17: termin 'KV' selitykseltä puuttuu peruste: lisää lähdeviite (source: document ja "
        "section), jos selitys perustuu selvitykseen, tai general: true, jos se on toimituksen yleisselitys",
        "glossary.yml:14:16: luku 'Kolmas luku' ei ole lähteen 'testiraportti' lukuluettelossa",
    ]


def test_report_paragraphs_need_chapters_of_the_source(content: Path):
    (content / "report.yml").write_text(
        "source: testiraportti\n"
        "scope:\n  text: Selvitys koskee kouluja.\n  section: Ensimmäinen luku\n"
        "parts:\n  - heading: Tarkoitus\n    paragraphs:\n"
        "      - text: Selvitys tukee hakijoita.\n"
        "      - text: Lainaus.\n        section: Viides luku\n        quote: true\n",
        encoding="utf-8",
    )
    assert messages(content) == [
        "report.yml:8:9: pakollinen kenttä 'parts[1].paragraphs[1].section' puuttuu",
    ]
    edit(
        content,
        "report.yml",
        "      - text: Selvitys tukee hakijoita.\n",
        "      - text: Selvitys tukee hakijoita.\n        section: Toinen luku\n",
    )
    assert messages(content) == [
        "report.yml:11:18: luku 'Viides luku' ei ole lähteen 'testiraportti' lukuluettelossa; tarkoititko 'Toinen luku'?",
    ]
