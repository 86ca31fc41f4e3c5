"""A content tree whose every text field is an attack: HTML, JavaScript URLs, Markdown tricks.

Every payload that would create an element carries ``data-kb-injected``, and every script it
would run sets ``window.kbPwned`` and opens a dialog, so a browser test can tell at a glance
whether any of it became markup. Written with ``yaml.safe_dump`` so that the strings reach the
generator exactly as below, whatever YAML quoting they would need by hand.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ATTRIBUTE_LIST = "{: onclick=\"window.kbPwned = 'attr'; alert('attr')\" data-kb-injected }"
"""Markdown's attr_list extension would add these attributes to the paragraph it ends."""

PAYLOADS = (
    '<script data-kb-injected>window.kbPwned = "script"; alert("script")</script>',
    '</title></textarea></noscript><script data-kb-injected>window.kbPwned = "close"; alert("close")</script>',
    "<img data-kb-injected src=x onerror=\"window.kbPwned = 'img'; alert('img')\">",
    "\"><svg data-kb-injected onload=\"window.kbPwned = 'svg'; alert('svg')\">",
    "'><iframe data-kb-injected srcdoc=\"<script>parent.kbPwned='iframe'</script>\"></iframe>",
    "<a data-kb-injected href=\"javascript:alert('a')\">html-linkki</a>",
    "[md-linkki](javascript:alert('md'))",
    "\\[kenoviivalinkki\\](javascript:alert('kenoviiva'))",
    "[kirjainkoko](JaVaScRiPt:alert('koko'))",
    "![md-kuva](x \"onerror=alert('kuva')\")",
    "<javascript:alert('autolink')>",
    ATTRIBUTE_LIST,
    "<style data-kb-injected>body { display: none }</style>",
    "&lt;b&gt;entiteetti&lt;/b&gt; &amp; {{ 7 * 7 }} <!-- kommentti",
)
"""Attacks on HTML, on Markdown (links, images, attribute lists) and on template engines."""

MARKER = "VIHAMIELINEN"
"""Every hostile text starts with this word, so a test can find the text on the page."""


TERM_PAYLOADS = tuple(p for p in PAYLOADS if "]" not in p and "\\" not in p)
"""The payloads a glossary term can hold: a term is one line without ``]`` or ``\\`` (validation
refuses the rest, tests/test_hostile.py), and becomes the key of the abbreviation definition
appended to every page."""


def hostile_term(field: str) -> str:
    """The payloads a glossary term or form can hold, on one line under a label naming the field."""
    return f"{MARKER} {field}: " + " ".join(TERM_PAYLOADS)


def hostile(field: str, multiline: bool = False) -> str:
    """The payloads under a visible label naming the field; on separate lines if ``multiline``."""
    separator = "\n" if multiline else " "
    return f"{MARKER} {field}:{separator}" + separator.join(PAYLOADS)


def write_hostile_tree(root: Path) -> Path:
    """Write a complete, valid content tree with hostile text in every kind of text field."""
    section = hostile("luku")
    source_id = "vihamielinen-lahde"
    files = {
        "vocabularies/sectors.yml": [_term("yleissivistava", "sektori", section)],
        "vocabularies/applicant-types.yml": [_term("organisaatio", "hakijatyyppi", section)],
        "vocabularies/quality-standards.yml": [_term("laatu", "laatustandardi", section)],
        "vocabularies/priorities.yml": [_term("painopiste", "painopiste", section)],
        "vocabularies/sources.yml": [
            {
                "id": source_id,
                "title": hostile("lähteen nimi"),
                "publisher": hostile("julkaisija"),
                "year": 2023,
                # A javascript: or otherwise odd url is refused by validation (tests/content/test_hostile.py).
                "url": "https://example.invalid/lahde",
                "application_years": [2020, 2021],
                "current_rules": {"title": hostile("säännöt"), "url": "https://example.invalid/saannot"},
                "sections": [section],
                "note": hostile("huomautus"),
                "sv": {
                    "note": hostile("huomautus ruotsiksi"),
                    "current_rules": {"title": hostile("säännöt ruotsiksi")},
                },
            }
        ],
        "quotes/vihamielinen-lainaus.yml": {
            "id": "vihamielinen-lainaus",
            "title": hostile("lainauksen otsikko"),
            "text": hostile("lainaus", multiline=True) + "\n\n" + hostile("toinen kappale"),
            "sectors": ["yleissivistava"],
            "applicant_types": ["organisaatio"],
            "themes": ["vihamielinen-teema"],
            "quality_standards": ["laatu"],
            "source": {"document": source_id, "section": section},
            "context": hostile("johdanto"),
            "sv": {"title": hostile("lainauksen otsikko ruotsiksi")},
        },
        "pairs/vihamielinen-pari.yml": {
            "id": "vihamielinen-pari",
            "objective": hostile("tavoite", multiline=True),
            "indicator": hostile("mittari", multiline=True),
            "sectors": [],
            "applicant_types": [],
            "themes": ["vihamielinen-teema"],
            "source": {"document": source_id, "section": section},
            "position": 1,
            "context": hostile("taulukon johdanto"),
            "annotation": {
                "data_source": True,
                "collection": False,
                "responsible": True,
                "timing": False,
                "processing": True,
                "reporting": False,
                "evaluation": True,
                "measure_type": "molemmat",
                "note": hostile("toimituksen huomio"),
            },
            "sv": {
                "title": hostile("parin otsikko ruotsiksi"),
                "annotation": {"note": hostile("huomio ruotsiksi")},
            },
        },
        "themes/vihamielinen-teema.yml": {
            "id": "vihamielinen-teema",
            "title": hostile("teeman otsikko"),
            "summary": hostile("tiivistelmä"),
            # Prose keeps Markdown paragraphs, so it also gets an attribute list where Markdown
            # would apply one: alone on the last line of a paragraph.
            "guidance": [
                {"text": hostile("ohjeistus", multiline=True), "section": section},
                {"text": hostile("ohjeistuksen kappale"), "section": section},
                {
                    "text": "Kappale, jolle yritetään antaa attribuutteja\n" + ATTRIBUTE_LIST,
                    "section": section,
                },
            ],
            "order": 1,
            "source": source_id,
            "quality_standards": ["laatu"],
            "priorities": ["painopiste"],
            "sv": {
                "title": hostile("teeman otsikko ruotsiksi"),
                "summary": hostile("tiivistelmä ruotsiksi"),
                "guidance": [{"text": hostile("ohjeistus ruotsiksi", multiline=True)}],
            },
        },
        "glossary.yml": {
            "terms": [
                {
                    "id": "vihamielinen-termi",
                    "term": hostile_term("termi"),
                    "definition": hostile("määritelmä", multiline=True),
                    "source": {"document": source_id, "section": section},
                    "forms": [hostile_term("taivutusmuoto")],
                    "sv": {
                        "term": hostile_term("termi ruotsiksi"),
                        "definition": hostile("määritelmä ruotsiksi"),
                    },
                },
                # The marker word is on every hostile page: its tooltip (a hostile definition,
                # line breaks and all) is on all of them.
                {
                    "id": "vihamielinen-lyhenne",
                    "term": "VIHA",
                    "definition": hostile("lyhenteen selitys", multiline=True),
                    "general": True,
                    "forms": [MARKER],
                },
            ]
        },
        "statistics.yml": {
            "figures": [
                {
                    "id": "vihamielinen-luku",
                    "years": [2020],
                    "sector": "yleissivistava",
                    "measure": "hakijat",
                    "value": 1,
                    "unit": "lkm",
                    "source": {"document": source_id, "section": section},
                    "statement": hostile("lähteen virke"),
                    "derivation": hostile("johtaminen"),
                    "sv": {"derivation": hostile("johtaminen ruotsiksi")},
                }
            ]
        },
        "report.yml": {
            "source": source_id,
            "scope": {"text": hostile("rajaus"), "section": section},
            "sv": {"scope": {"text": hostile("rajaus ruotsiksi")}},
            "parts": [
                {
                    "heading": hostile("osion otsikko"),
                    "paragraphs": [
                        {"text": hostile("selvityksen kappale"), "section": section},
                        {"text": hostile("selvityksen lainaus"), "section": section, "quote": True},
                    ],
                    "links": [{"title": hostile("linkin teksti"), "url": "https://example.invalid/linkki"}],
                    "sv": {
                        "heading": hostile("osion otsikko ruotsiksi"),
                        "paragraphs": [{"text": hostile("kappale ruotsiksi")}],
                        "links": [{"title": hostile("linkin teksti ruotsiksi")}],
                    },
                }
            ],
        },
        "synonyms.yml": {
            "synonyms": [
                {
                    "id": "vihamielinen-ryhma",
                    "words": [MARKER.lower(), "vihamielisyys"],
                    "peruste": hostile("synonyymien peruste"),
                }
            ]
        },
        "swedish-terms.yml": {
            "terms": [
                {
                    "finnish": hostile_term("suomenkielinen termi"),
                    "swedish": hostile_term("ruotsinkielinen termi"),
                    "reason": hostile("termin peruste"),
                    "avoid": [hostile_term("vältettävä muoto")],
                    "finnish_stem": hostile_term("suomenkielinen vartalo"),
                    "swedish_stem": hostile_term("ruotsinkielinen vartalo"),
                }
            ]
        },
        "checklist.yml": {
            "source": source_id,
            "questions": [_item("kysymys", section)],
            "recommendations": [_item("suositus", section)],
        },
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
    return root


def _term(id_: str, kind: str, section: str) -> dict:
    return {
        "id": id_,
        "label": hostile(f"{kind} nimi"),
        "description": hostile(f"{kind} kuvaus"),
        "section": section,
        "group": hostile(f"{kind} ryhmä"),
        "sv": {
            "label": hostile(f"{kind} nimi ruotsiksi"),
            "description": hostile(f"{kind} kuvaus ruotsiksi"),
        },
    }


def _item(kind: str, section: str) -> dict:
    return {
        "title": hostile(f"{kind} otsikko"),
        "text": hostile(f"{kind} teksti"),
        "section": section,
        "sv": {"title": hostile(f"{kind} otsikko ruotsiksi"), "text": hostile(f"{kind} teksti ruotsiksi")},
    }
