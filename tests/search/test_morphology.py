"""morphology: the base forms and compound parts the search index adds to a page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.morphology import MorphologyUnavailable, analyser, words

voikko = analyser("voikko")


def test_words_are_lower_cased_and_keep_hyphenated_compounds():
    assert words("Johto (johtokunta, hallitus) ja KV-toiminta 2023.") == [
        "johto",
        "johtokunta",
        "hallitus",
        "ja",
        "kv-toiminta",
    ]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("opettajien", {"opettaja"}),
        ("taidot", {"taito"}),
        ("lasten", {"lapsi"}),
        ("kokouksissa", {"kokous"}),
        ("hankesuunnitelmat", {"hankesuunnitelma", "hanke", "suunnitelma"}),
        ("opettajainkokouksissa", {"opettajainkokous", "opettaja", "kokous"}),
        ("some-kanavilla", {"somekanava", "some", "kanava"}),
        ("saavuttamista", {"saavuttaa", "saavuttaminen"}),
    ],
)
def test_voikko_gives_base_forms_compound_parts_and_verbal_nouns(text, wanted):
    assert wanted <= set(voikko.terms(text))


def test_terms_the_text_already_has_are_not_repeated_and_order_is_first_appearance():
    terms = voikko.terms("hanke hankkeiden hankesuunnitelmissa")
    assert "hanke" not in terms
    assert terms.index("hankesuunnitelma") < terms.index("suunnitelma")
    assert len(terms) == len(set(terms))


FORMS = ["liikkuvuudet", "liikkuvuuksiin", "opettajien", "lasten", "hankesuunnitelmissa", "lapsi", "taidot"]


@settings(deadline=None)  # Voikko's first analysis of a word may be slow on a busy machine
@given(st.lists(st.sampled_from(FORMS), max_size=12))
def test_a_term_counts_as_often_as_the_words_that_stand_for_it(text_words):
    """Pagefind ranks by how often a page has a word: "liikkuvuudet" three times is "liikkuvuus"
    three times, so a page about it is not outranked by one that only has it in a compound."""
    terms = voikko.expand(text_words)
    for term in set(terms):
        assert term not in text_words
        assert terms.count(term) == sum(term in voikko.expand([w]) for w in text_words), term


def test_the_reading_with_fewest_compound_parts_wins():
    assert "villa" not in voikko.terms("kanavilla")


def test_an_unknown_analyser_is_refused_with_the_known_ones():
    with pytest.raises(MorphologyUnavailable, match="tunnetut: voikko, none"):
        analyser("hunspell")


def test_none_adds_nothing():
    assert analyser("none").terms("opettajien taidot") == []
