"""The theme's stylesheet without the rules no page can use (generator/site/unused_css.py): a rule
goes only when every selector of it names a class or id that occurs nowhere; what cannot be judged
stays. Checked on examples and on generated stylesheets and sites (Hypothesis)."""

from __future__ import annotations

import gzip

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.unused_css import used_words, without_unused
from generator.steps import THEME_STYLESHEETS, prune_stylesheets

USED = used_words(
    ['<div class="md-header kb-card"><a id="top">x</a></div>', 'el.classList.add("md-top--hidden")']
)


def test_a_rule_whose_classes_occur_nowhere_goes_and_the_others_stay_as_they_were():
    css = (
        ".md-header{color:red}.md-tabs{color:blue}.md-header .md-tabs,.kb-card>a{margin:0}"
        "#top{x:1}#gone{x:2}a:hover{color:green}"
    )
    assert (
        without_unused(css, USED) == ".md-header{color:red}.kb-card>a{margin:0}#top{x:1}a:hover{color:green}"
    )


def test_conditional_groups_are_judged_inside_and_dropped_when_empty():
    css = "@media screen and (min-width:60em){.md-tabs{a:b}.md-header{c:d}}@media print{.md-tabs{a:b}}"
    assert without_unused(css, USED) == "@media screen and (min-width:60em){.md-header{c:d}}"


def test_what_cannot_be_judged_stays():
    css = (
        ".md-header:not(.md-tabs){a:b}"  # :not(.x) matches where .x does not
        "[class*=md-tabs]{a:b}"
        ".md-tab\\:x{a:b}"  # an escaped name
        "@font-face{font-family:x;src:url(a.woff)}"
        "@keyframes md-tabs{0%{a:b}}"
        '.md-header:after{content:"}.md-tabs{"}'  # braces and a class inside a string
        "@charset 'utf-8';"
    )
    assert without_unused(css, USED) == css


def test_classes_a_script_builds_from_a_prefix_stay():
    used = used_words(["x.className = `md-tag--${name}`"])
    assert without_unused(".md-tag--blue{a:b}.md-tags{c:d}", used) == ".md-tag--blue{a:b}"


NAMES = st.sampled_from(["md-a", "md-b", "kb-c", "kb-d--e", "f_g", "h"])


@st.composite
def selectors(draw):
    parts = draw(st.lists(st.tuples(st.sampled_from([".", "#", ""]), NAMES), min_size=1, max_size=3))
    combinators = draw(
        st.lists(st.sampled_from([" ", ">", "+", "~"]), min_size=len(parts), max_size=len(parts))
    )
    text = "".join(
        c + (kind + name if kind else "div") for (kind, name), c in zip(parts, combinators, strict=True)
    )
    return text.strip(" >+~") or "div", {name for kind, name in parts if kind}


@settings(max_examples=100, deadline=None)
@given(
    rules=st.lists(st.lists(selectors(), min_size=1, max_size=3), min_size=1, max_size=8),
    used_names=st.sets(NAMES),
    media=st.booleans(),
)
def test_generated_stylesheets_keep_exactly_the_selectors_that_can_match(rules, used_names, media):
    used = used_words([" ".join(used_names)])
    css = "".join(",".join(text for text, _ in rule) + f"{{z-index:{n}}}" for n, rule in enumerate(rules))
    if media:
        css = f"@media screen{{{css}}}"
    pruned = without_unused(css, used)
    for n, rule in enumerate(rules):
        kept = [text for text, names in rule if names <= used_names]
        expected = ",".join(kept) + f"{{z-index:{n}}}"
        if kept:
            assert expected in pruned
        else:
            assert f"{{z-index:{n}}}" not in pruned
    assert without_unused(pruned, used) == pruned
    assert pruned == "" or pruned.count("{") == pruned.count("}")


def test_the_built_site_loads_a_smaller_theme_stylesheet_that_keeps_what_pages_use(real_site):
    (sheet,) = real_site.glob(THEME_STYLESHEETS)
    css = sheet.read_text(encoding="utf-8")
    assert len(gzip.compress(css.encode())) < 16_000  # Material's own: about 22,700 bytes
    # in the pages, or added by the theme's script (md-header--shadow, md-tooltip2)
    for used in (".md-header", ".md-typeset", ".md-nav__link", ".md-header--shadow", ".md-tooltip2"):
        assert used + "{" in css or used + "," in css or used + " " in css or used + ":" in css, used
    for unused in (".admonition", ".md-banner", ".md-author", ".critic", ".md-button--primary"):
        assert unused not in css, unused
    assert "sourceMappingURL" not in css
    assert prune_stylesheets(real_site.parent / "no-site") == (0, 0)
