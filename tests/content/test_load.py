"""load: unreadable or hostile files give one positioned Finnish message each, and run nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, write_tree

from generator.content import kinds
from generator.content.load import load_tree

QUOTE = "quotes/q.yml"


def problems(root: Path) -> list[str]:
    _, found = load_tree(root)
    return [f"{Path(p.path).name}:{p.line}:{p.col}: {p.message}" for p in found]


def test_valid_tree_loads_with_positions(content: Path):
    documents, found = load_tree(content)
    assert found == []
    quote = next(d for d in documents if d.path.name == "kaikki-mukaan.yml")
    assert quote.kind is kinds.QUOTE
    assert quote.data["themes"] == ["osallisuus"]
    assert quote.position(("themes", 0)) == (11, 10)  # line 1 names the schema
    assert quote.position(("source", "section")) == (15, 12)
    assert quote.position(("id",), key=True) == (2, 1)


def test_unclosed_list_is_reported_where_it_opens(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\ntitle: [auki\n"})
    assert problems(tmp_path) == [
        "q.yml:2:8: YAML-syntaksivirhe: hakasulkeella [ alkava luettelo ei sulkeudu; lisää loppuun ] ja "
        "erota kohdat pilkuilla"
    ]


def test_colon_inside_plain_text_is_explained(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\ntitle: Huom: tärkeää\n"})
    assert problems(tmp_path) == [
        "q.yml:2:12: YAML-syntaksivirhe: kaksoispiste väärässä kohdassa; jos tekstissä on ': ', kirjoita "
        "teksti |- -lohkona"
    ]


def test_unclosed_quote_and_reserved_character(tmp_path: Path):
    write_tree(tmp_path, {"quotes/a.yml": 'id: a\ntitle: "auki\n', "quotes/b.yml": "id: b\ntitle: @nimi\n"})
    assert problems(tmp_path) == [
        "a.yml:2:8: YAML-syntaksivirhe: lainausmerkillä alkava teksti ei pääty; lisää loppuun sama lainausmerkki",
        "b.yml:2:8: YAML-syntaksivirhe: merkki @ ei voi aloittaa arvoa; kirjoita arvo lainausmerkkeihin",
    ]


def test_control_character(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\ntitle: a\x00b\n"})
    assert problems(tmp_path) == [
        "q.yml:2:9: tiedostossa on näkymätön ohjausmerkki (U+0000), jota YAML ei salli; poista se"
    ]


def test_symlink_is_refused_and_not_read(tmp_path: Path):
    secret = write_tree(tmp_path / "muualla", {"salaisuus.yml": "id: salaisuus\n"}) / "salaisuus.yml"
    (tmp_path / "sisalto" / "quotes").mkdir(parents=True)
    (tmp_path / "sisalto" / "quotes" / "q.yml").symlink_to(secret)
    documents, _ = load_tree(tmp_path / "sisalto")
    assert documents == []
    assert problems(tmp_path / "sisalto") == [
        "q.yml:1:1: symbolinen linkki ei kelpaa sisällöksi; tallenna tiedosto tavallisena tiedostona"
    ]


def test_tab_indentation_is_explained(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\nsource:\n\tdocument: x\n"})
    assert problems(tmp_path) == [
        "q.yml:3:1: YAML-syntaksivirhe: sarkainmerkki (tab) ei kelpaa YAML-tiedostoon; sisennä välilyönneillä"
    ]


def test_empty_file(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "# vain kommentti\n\n"})
    assert problems(tmp_path) == ["q.yml:1:1: tiedosto on tyhjä"]


def test_file_that_is_not_utf8(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\ntitle: Hyv\xe4\n".encode("latin-1")})
    assert problems(tmp_path) == ["q.yml:2:11: tiedosto ei ole UTF-8-muodossa; tallenna se UTF-8:na"]


def test_python_tag_is_refused_and_never_run(tmp_path: Path):
    marker = tmp_path / "pwned"
    write_tree(tmp_path, {QUOTE: f"id: !!python/object/apply:os.system ['touch {marker}']\n"})
    assert problems(tmp_path) == [
        "q.yml:1:5: YAML-tunniste 'tag:yaml.org,2002:python/object/apply:os.system' ei ole sallittu; "
        "sisältö on pelkkää tekstiä, lukuja ja luetteloita"
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    write_tree(tmp_path, {QUOTE: "\n".join(lines) + "\n"})
    found = problems(tmp_path)
    assert found[0] == "q.yml:1:5: ankkurit ja viittaukset (& ja *) eivät ole sallittuja; kirjoita arvo auki"
    assert len(found) == 12 + 11 * 9  # every anchor and every alias, each once


def test_duplicate_key(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\ntitle: A\ntitle: B\n"})
    assert problems(tmp_path) == ["q.yml:3:1: kenttä 'title' on jo annettu rivillä 2; poista toinen"]


def test_very_large_file(tmp_path: Path):
    write_tree(tmp_path, {QUOTE: "id: q\ntext: " + "a" * 600_000 + "\n"})
    assert problems(tmp_path) == ["q.yml:1:1: tiedosto on liian suuri (585 KiB, enintään 512 KiB)"]


def test_misplaced_files_are_named(tmp_path: Path):
    write_tree(tmp_path, {"lainaukset/q.yml": "id: q\n", "quotes/r.yaml": "id: r\n"})
    assert problems(tmp_path) == [
        "q.yml:1:1: tuntematon sisältötiedosto: merkinnät kuuluvat kansioihin quotes/, pairs/ tai "
        "themes/, sanastot kansioon vocabularies/",
        "r.yaml:1:1: tiedostopääte on .yaml; käytä päätettä .yml",
    ]


def test_files_that_look_like_content_but_are_not_read_are_named_in_warnings(content: Path, run_cli):
    for name in ("quotes/x.YML", "quotes/.piilo.yml", "quotes/kaikki-mukaan.yml~", ".luonnokset/q.yml"):
        write_tree(content, {name: "id: x\n"})
    write_tree(content, {"README.md": "Ohje", ".gitkeep": ""})  # not content-like: no warning
    code, out, err = run_cli("check", "content", cwd=content.parent)
    assert code == 0 and out == ""
    assert err.splitlines()[:4] == [
        "content/.luonnokset/q.yml:1:1: varoitus: piilotiedostoa tai piilokansion tiedostoa (nimi alkaa "
        "pisteellä) ei lueta; poista tiedosto tai nimeä se uudelleen",
        "content/quotes/.piilo.yml:1:1: varoitus: piilotiedostoa tai piilokansion tiedostoa (nimi alkaa "
        "pisteellä) ei lueta; poista tiedosto tai nimeä se uudelleen",
        "content/quotes/kaikki-mukaan.yml~:1:1: varoitus: tiedostoa ei lueta, koska nimi ei pääty .yml "
        "(varmuuskopio tai muokkaimen tiedosto?); poista tiedosto tai nimeä se uudelleen",
        "content/quotes/x.YML:1:1: varoitus: tiedostopääte on .YML; vain pienellä kirjoitettu .yml "
        "luetaan; poista tiedosto tai nimeä se uudelleen",
    ]
    assert err.splitlines()[4].startswith("Sisältö kunnossa")
    code, out, _ = run_cli("check", "content", "--format", "github", cwd=content.parent)
    assert code == 0
    assert out.splitlines()[0].startswith("::warning file=content/.luonnokset/q.yml,line=1,col=1::")


def test_unreadable_files_and_folders_are_positioned_errors(tmp_path: Path):
    """A real permission failure: the tests run the check as an unprivileged user when they run
    as root, who may read anything."""
    base = Path(tempfile.mkdtemp(prefix="kb-unreadable-"))
    try:
        base.chmod(0o755)
        root = base / "content"
        shutil.copytree(FIXTURE_SITE, root)
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (root / "quotes" / "kaikki-mukaan.yml").chmod(0o000)
        (root / "themes").chmod(0o000)
        prefix = []
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("setpriv puuttuu")
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "generator", "check", "content"],
            cwd=base,
            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in done.stderr
        assert done.returncode == 1
        lines = done.stdout.splitlines()
        assert (
            "content/quotes/kaikki-mukaan.yml:1:1: tiedostoa ei voi lukea (ei lukuoikeutta); sen sisältö jäisi pois"
            in lines
        )
        assert "content/themes:1:1: kansiota ei voi lukea (ei lukuoikeutta); sen sisältö jäisi pois" in lines
    finally:
        for path in [base, *base.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(base)
