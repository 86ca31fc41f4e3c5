"""render: golden Markdown for the fixture tree, compared whole; escaping of hostile text.

Regenerate the golden files after an intended change with ``pytest --update-golden``.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import jinja2
import pytest
from conftest import GOLDEN, examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.site import context


def test_every_page_has_a_golden_file_and_every_golden_file_a_page(fixture_pages: dict[str, str], request):
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    if request.config.getoption("--update-golden"):
        for page, text in fixture_pages.items():
            (GOLDEN / page).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / page).write_text(text, encoding="utf-8")
        for stale in set(golden) - set(fixture_pages):
            (GOLDEN / stale).unlink()
        golden = sorted(fixture_pages)
    assert sorted(fixture_pages) == golden, "run pytest --update-golden and check the difference"


@pytest.mark.parametrize("page", sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")))
def test_golden(page: str, fixture_pages: dict[str, str], request):
    golden = GOLDEN / page
    if request.config.getoption("--update-golden") and page in fixture_pages:
        golden.write_text(fixture_pages[page], encoding="utf-8")
    assert fixture_pages.get(page) == golden.read_text(encoding="utf-8")


@settings(max_examples=examples(25), deadline=None)
@given(texts=st.lists(st.text(alphabet="abcäö {}%#-\n", max_size=12), min_size=1, max_size=4))
@example(texts=["{{ 1 }}", "{{ 1 }}", "b", "{{ 1 }}"])
def test_a_template_edited_between_builds_shows_in_the_next_and_is_compiled_once(texts: list[str]):
    """Each build has an environment of its own, which compiles a template only when its text has
    changed since it was last compiled in this process: an edit (as under `mkdocs serve`) shows in
    the next build, an unchanged template is not compiled again."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def compile_(self, source, *args, **kwargs):
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(context, "TEMPLATES", Path(folder))
        patch.setattr(jinja2.Environment, "compile", compile_)
        template = Path(folder) / f"sivu-{uuid.uuid4().hex}.md"  # new to this process's cache
        previous = None
        for text in texts:
            template.write_text(text, encoding="utf-8")
            plain = jinja2.Environment(
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
            )
            try:
                expected = plain.from_string(text).render()
            except jinja2.TemplateError:
                continue  # not a template (the build names such a fault; not this test's subject)
            before = len(compiled)
            env = context.environment()
            assert env.get_template(template.name).render() == expected
            assert len(compiled) - before == (0 if text == previous else 1), text
            previous = text
