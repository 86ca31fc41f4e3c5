"""``python -m generator build``: our steps around any engine that renders Python-Markdown.

generation (content → Markdown in a fresh folder, ``steps.write_markdown``) → the engine renders it
(a command; by default MkDocs as ``make site`` runs it, but without our adapter: the engine is given
a configuration that inherits mkdocs.yml with no plugins) → redirects (``redirect_pages``, our own
writer) → finished pages (``steps.finish_pages``, ``steps.prune_stylesheets``) → the search index → the atomic publish
(``publish.Publication``: the previous site stays unless every step succeeded). No MkDocs here.
"""

from __future__ import annotations

import os
import posixpath
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import pipeline, steps
from .outputs import refusal
from .publish import Publication, PublishError
from .site import editions

STEPS = ("tuotanto", "moottori", "ohjaukset", "valmiit sivut", "hakemisto", "julkaisu")
"""The build's steps in order, as its progress lines and errors name them."""


class BuildError(Exception):
    """A Finnish message naming the step that failed; the published site is as it was."""


def engine_command(engine: str | None) -> list[str]:
    """The engine's command with ``{config}`` (the configuration file it builds), ``{site}`` (the
    folder it writes) and ``{docs}`` (the generated Markdown, for an engine with a configuration
    of its own) left to fill in. ``None``: MkDocs in this Python; one word (``properdocs``,
    a path to ``mkdocs``): a tool with MkDocs's command line; anything else: the command template."""
    if engine is None:
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "{config}", "-d", "{site}"]
    words = shlex.split(engine)
    if len(words) == 1 and "{" not in engine:
        return [*words, "build", "--strict", "-f", "{config}", "-d", "{site}"]
    return words


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags: ``!ENV NAME`` and ``!ENV [NAME, …, default]``."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        assert isinstance(node, yaml.SequenceNode)
        *names, default = loader.construct_sequence(node)
    return next((os.environ[str(n)] for n in names if str(n) in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict[str, Any]:
    """What our steps need of mkdocs.yml (the site's address, ``extra``, ``docs_dir``, redirects)."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_EnvLoader)
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{path}: asetuksia ei voitu lukea: {error}") from None
    return config if isinstance(config, dict) else {}


def configured_redirects(config: dict[str, Any]) -> dict[str, str]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("redirects"), dict):
            return {str(k): str(v) for k, v in (plugin["redirects"].get("redirect_maps") or {}).items()}
    return {}


def engine_settings(config: Path, settings: dict[str, Any], markdown: Path) -> dict[str, Any]:
    """The engine's configuration, a file written beside the generated Markdown folder
    ``markdown``: mkdocs.yml inherited, the generated Markdown as its pages (named relative to the
    file: Zensical refuses a folder outside its own, and fails on an absolute path), no plugins
    (their work is our steps), the editions as the adapter gives them to the templates, and the
    theme's own templates where mkdocs.yml has them (a relative path there would be read relative
    to this file's folder)."""
    own: dict[str, Any] = {"INHERIT": str(config.resolve()), "docs_dir": markdown.name, "plugins": []}
    # what the page templates know of the editions (overrides/partials/kb-edition.html)
    own["extra"] = {"kb_editions": editions.for_templates(settings.get("nav") or [])}
    theme = settings.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        own["theme"] = {"custom_dir": str((config.parent / str(theme["custom_dir"])).resolve())}
    return own


def html_path(page: str) -> str:
    """Where a page under docs/ is published with directory addresses (``a/b.md`` → ``a/b/index.html``)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


_REDIRECT = """
<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Redirecting...</title>
    <link rel="canonical" href="{url}">
    <script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
    <meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
You're being redirected to a <a href="{url}">new destination</a>.
</body>
</html>
"""
"""A redirect page, the same as the ``redirects`` plugin of MkDocs writes."""


def redirect_target(old: str, new: str) -> str:
    """The link on the page at the former address ``old`` to ``new`` (pages under docs/, ``new``
    perhaps with a fragment or a whole address), relative as the ``redirects`` plugin writes it."""
    if new.lower().startswith(("http://", "https://")):
        return new
    page, mark, fragment = new.partition("#")
    current = posixpath.dirname(html_path(page)) or "."
    return posixpath.relpath(current, posixpath.dirname(html_path(old)) or ".") + "/" + mark + fragment


def redirect_pages(site: Path, redirects: dict[str, str]) -> int:
    """A page at each former address (page under docs/ → current page) sending the reader on,
    with the fragment they asked for. The number written."""
    for old, new in redirects.items():
        target = site / html_path(old)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_REDIRECT.format(url=redirect_target(old, new)), encoding="utf-8")
    return len(redirects)


def build(
    root: Path,
    out: Path,
    *,
    config: Path,
    engine: list[str],
    morphology: str = "voikko",
    say: Callable[[str], None] = print,
) -> None:
    """Build the site from the content ``root`` into ``out`` with ``engine`` (``engine_command``),
    each step announced through ``say``; ``BuildError`` naming the failed step, ``out`` untouched."""
    settings = read_config(config)
    docs = config.parent / str(settings.get("docs_dir") or "docs")
    refused = refusal(out, kept=(root, docs))
    if refused is not None:
        raise BuildError(f"sivustoa ei rakennettu: {refused}")
    publication = Publication(out, waiting=say)
    try:
        site = publication.begin()
    except PublishError as error:
        raise BuildError(str(error)) from None
    step = STEPS[0]
    try:
        with tempfile.TemporaryDirectory(prefix="kb-rakennus-") as scratch:
            markdown = Path(scratch) / "docs"
            say(f"[1/6] {step}: sisältö {root} → Markdown")
            generation = steps.generate(
                root,
                docs=docs,
                site_url=settings.get("site_url"),
                configured_redirects=configured_redirects(settings),
                extra=settings.get("extra") or {},
            )
            for _level, message in generation.messages():
                say(message)
            if generation.problems:
                raise steps.StepError(f"sisällössä on {len(generation.problems)} ongelmaa")
            steps.hand_over(generation.generated, lambda path: (docs / path).exists())
            pages = steps.write_markdown(markdown, generation.generated, docs)
            say(f"      {pages} sivua ({generation.seconds:.1f} s)")
            step = STEPS[1]
            engine_config = markdown.parent / "mkdocs.yml"
            engine_config.write_text(
                yaml.safe_dump(engine_settings(config, settings, markdown)),
                encoding="utf-8",
            )
            command = [w.format(config=engine_config, site=site, docs=markdown) for w in engine]
            say(f"[2/6] {step}: {shlex.join(command)}")
            started = time.perf_counter()
            done = subprocess.run(
                command,
                cwd=config.parent,
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            if done.returncode != 0:
                output = (done.stdout + done.stderr).strip()
                raise steps.StepError(f"komento päättyi koodilla {done.returncode}\n{output}".rstrip())
            say(f"      valmis ({time.perf_counter() - started:.1f} s)")
        step = STEPS[2]
        say(f"[3/6] {step}: {redirect_pages(site, generation.redirect_map)} ohjausta")
        step = STEPS[3]
        finished = steps.finish_pages(site, steps.page_finishes(preview=False, site=site))
        before, after = steps.prune_stylesheets(site)
        say(
            f"[4/6] {step}: {finished} sivua viimeistelty; teeman tyylitiedosto "
            f"{before // 1024} KiB → {after // 1024} KiB"
        )
        step = STEPS[4]
        stats, _cpu = pipeline.index_site(site, generation.generated.search_records, morphology)
        say(f"[5/6] {step}: {stats}")
        step = STEPS[5]
        publication.commit()
        say(f"[6/6] {step}: sivusto julkaistu hakemistoon {publication.site}")
    except (steps.StepError, PublishError, RuntimeError, OSError) as error:
        publication.abandon()
        raise BuildError(
            f"vaihe «{step}» epäonnistui: {error}\nsivustoa ei julkaistu; edellinen sivusto jäi ennalleen"
        ) from None
    except BaseException:
        publication.abandon()
        raise
