"""Swedish translations (``sv:``): unknown keys are errors at their place, missing Swedish fields
are warnings naming the field, and a ``sv:`` that translates nothing is an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import FIXTURE_SITE, edit, messages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.translations import swedish
from generator.pipeline import check

THEME = "themes/osallisuus.yml"


def warnings(root: Path) -> list[str]:
    return [f"{Path(w.path).name}:{w.line}:{w.col}: {w.message}" for w in check(root).warnings]


def test_the_fixture_tree_is_translated_and_passes(content: Path):
    result = check(content)
    assert result.problems == [] and result.warnings == ()


def test_an_unknown_key_inside_sv_is_an_error_at_the_key_naming_the_allowed_ones(content: Path):
    edit(content, THEME, "  summary: Alla har", "  sammanfattning: Alla har")
    assert messages(content) == [
        "osallisuus.yml:18:3: tuntematon kenttä 'sv.sammanfattning' (sallitut kentät: guidance, summary, "
        "title)"
    ]


def test_an_unknown_key_in_a_translated_list_item_is_an_error_at_the_key(content: Path):
    edit(content, THEME, "    - text: Ansökan", "    - txt: Ansökan")
    assert messages(content) == [
        "osallisuus.yml:20:7: tuntematon kenttä 'sv.guidance[1].txt' (sallitut kentät: text); "
        "tarkoititko 'text'?"
    ]


def test_untranslatable_fields_have_no_swedish_key(content: Path):
    """Quotation text and the report's chapter names are shown in Finnish, never translated."""
    edit(content, "quotes/kaikki-mukaan.yml", "  title: Alla med", "  text: Alla\n  title: Alla med")
    edit(content, THEME, "    - text: Ansökan", "    - section: Första kapitlet\n      text: Ansökan")
    found = messages(content)
    assert found == [
        "kaikki-mukaan.yml:18:3: tuntematon kenttä 'sv.text' (sallitut kentät: title)",
        "osallisuus.yml:20:7: tuntematon kenttä 'sv.guidance[1].section' (sallitut kentät: text)",
    ]


def test_a_missing_swedish_field_is_a_warning_naming_it_at_the_finnish_text(content: Path):
    edit(content, THEME, "  summary: Alla har möjlighet att delta.\n", "")
    assert check(content).problems == []
    assert "osallisuus.yml:4:10: ruotsinkielinen käännös puuttuu: sv.summary" in " ".join(warnings(content))


def untranslate(content: Path, rel: str) -> None:
    """Remove the ``sv:`` block that ends the file ``rel``."""
    path = content / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nsv:\n") + 1], encoding="utf-8")


def test_an_item_without_sv_names_every_missing_field_once(content: Path):
    untranslate(content, "themes/viestinta.yml")
    found = [w for w in warnings(content) if w.startswith("viestinta.yml")]
    assert len(found) == 1
    assert found[0].startswith(
        "viestinta.yml:3:8: ruotsinkielinen käännös puuttuu: sv.title, sv.summary, sv.guidance[1].text"
    )


def test_warnings_are_printed_by_check_and_do_not_fail_it(content: Path, run_cli):
    untranslate(content, "themes/viestinta.yml")
    code, _, err = run_cli("check", str(content))
    assert code == 0
    assert "viestinta.yml:3:8: varoitus: ruotsinkielinen käännös puuttuu: sv.title" in err


def test_a_pair_needs_a_swedish_title_of_its_own(content: Path):
    untranslate(content, "pairs/osallistujamaarat.yml")
    found = [w for w in warnings(content) if w.startswith("osallistujamaarat.yml")]
    assert [w.split(" (")[0] for w in found] == [
        "osallistujamaarat.yml:2:1: ruotsinkielinen käännös puuttuu: sv.title"
    ]


def test_a_longer_swedish_list_is_an_error_at_the_extra_item(content: Path):
    edit(content, THEME, "        - stödet riktas till dem som behöver det\n", "")
    with (content / THEME).open("a", encoding="utf-8") as file:
        file.write("    - text: Ett tredje stycke.\n")
    assert messages(content) == [
        "osallisuus.yml:23:7: luettelossa sv.guidance on 3 kohtaa, suomeksi 2; käännä kohta kohdalta "
        "samassa järjestyksessä"
    ]


def test_a_swedish_text_without_finnish_is_an_error(content: Path):
    edit(
        content,
        "vocabularies/sectors.yml",
        "    label: Vuxenutbildning\n",
        "    label: V\n    description: D\n",
    )
    assert messages(content) == [
        "sectors.yml:10:18: kentällä sv.description ei ole suomenkielistä vastinetta (kenttä 'description' "
        "puuttuu tai on tyhjä); kirjoita ensin suomenkielinen teksti"
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö_", min_size=1, max_size=12).filter(
        lambda key: key not in ("title", "summary", "guidance")
    )
)
def test_any_key_but_the_translatable_ones_is_refused_at_its_place(content: Path, key: str):
    """Whatever the key, inside ``sv:`` it is one of the item's translatable fields or an error
    at that key's line and column, never silently ignored."""
    path = content / THEME
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("  title: Delaktighet", f"  {key}: x"), encoding="utf-8")
        assert messages(content)[0].startswith(f"osallisuus.yml:17:3: tuntematon kenttä 'sv.{key}'")
    finally:
        path.write_text(original, encoding="utf-8")


def test_swedish_forms_need_no_finnish_forms(content: Path):
    """A glossary term's Swedish forms are inflections of its Swedish term, not translations of
    Finnish forms: a term with none in Finnish may have them in Swedish."""
    edit(
        content,
        "glossary.yml",
        "      definition: En studerandes eller en anställds period utomlands.\n",
        "      definition: En studerandes eller en anställds period utomlands.\n      forms:\n        - mobiliteten\n",
    )
    result = check(content)
    assert result.problems == [] and result.warnings == ()
    assert result.index is not None
    swedish_terms = {t.id: t for t in swedish(result.index.content).glossary.terms}
    assert swedish_terms["liikkuvuus"].forms == ["mobiliteten"]


# --- every Swedish field, missing, is named where its Finnish text is ----------------------------

SvPath = tuple[str | int, ...]


def _sv_leaves(data: object, where: SvPath = ()) -> list[SvPath]:
    """The path of every Swedish text under ``data`` (``…, "sv", field[, i, field]``), but the
    Swedish word forms, which have no Finnish counterpart."""
    found: list[SvPath] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "forms":
                continue
            if isinstance(value, str) and "sv" in where:
                found.append((*where, key))
            else:
                found += _sv_leaves(value, (*where, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _sv_leaves(value, (*where, i))
    return found


def _fixture_leaves() -> list[tuple[str, SvPath]]:
    return [
        (path.relative_to(FIXTURE_SITE).as_posix(), leaf)
        for path in sorted(FIXTURE_SITE.rglob("*.yml"))
        for leaf in _sv_leaves(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]


FIXTURE_LEAVES = _fixture_leaves()


def _node(root: yaml.Node, path: SvPath) -> yaml.Node | None:
    node: yaml.Node | None = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
    return node


def test_the_fixture_tree_has_swedish_fields_of_every_kind():
    files = {rel.split("/")[0] for rel, _ in FIXTURE_LEAVES}
    assert {"themes", "quotes", "pairs", "vocabularies"} <= files
    assert len(FIXTURE_LEAVES) >= 20


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_missing_swedish_field_is_a_warning_at_its_finnish_text(content: Path, data):
    """Any Swedish text of the fixture tree taken away: ``check`` passes, and warns once, naming
    the file, the Finnish text's line and column, and the missing field (a list item counted
    from 1, as editors count)."""
    rel, leaf = data.draw(st.sampled_from(FIXTURE_LEAVES))
    path = content / rel
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    holder = tree
    for step in leaf[:-1]:
        holder = holder[step]
    del holder[leaf[-1]]
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        result = check(content)
        assert result.problems == []
        cut = leaf.index("sv")
        label = "sv" + "".join(f"[{s + 1}]" if isinstance(s, int) else f".{s}" for s in leaf[cut + 1 :])
        found = [w for w in result.warnings if Path(w.path).name == path.name and label in w.message]
        assert len(found) == 1, (rel, label, [str(w) for w in result.warnings])
        finnish = _node(yaml.compose(path.read_text(encoding="utf-8")), leaf[:cut] + leaf[cut + 1 :])
        if finnish is not None:  # a pair's Swedish title has no Finnish title: the item is named
            assert (found[0].line, found[0].col) == (
                finnish.start_mark.line + 1,
                finnish.start_mark.column + 1,
            ), label
    finally:
        shutil.rmtree(content)
        shutil.copytree(FIXTURE_SITE, content)
