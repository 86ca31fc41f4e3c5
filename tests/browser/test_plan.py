"""The applicant's plan ("Oma suunnitelma", suunnitelma/) in Chromium, as an applicant uses it.

From two examples and a blank objective to a draft filled in with the keyboard alone, kept over
a reload, reordered, removed and restored, exported as Markdown, CSV and JSON, printed, and
imported into a fresh browser profile; broken and hostile files leave the draft as it was. axe
finds nothing in any of these states, and no request leaves the site's origin.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .a11y import axe_violations, describe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PLAN = "suunnitelma/"
READY = '[data-kb-plan][data-state="ready"]'
FIRST = "steam-pedagoginen-osaaminen"
SECOND = "uudet-teknologiat-podcastaaminen"
FORMULA = '=HYPERLINK("http://example.invalid/","napsauta")'


def plan_data(site: Path) -> dict:
    return json.loads((site / "data" / "suunnitelma.json").read_text(encoding="utf-8"))


def normal(text: str) -> str:
    """Markdown export as plain words: escapes, quote markers and line breaks removed."""
    text = re.sub(r"^> ?", "", text, flags=re.M)
    text = re.sub(r"\\(.)", r"\1", text).replace("&amp;", "&")
    return " ".join(text.split())


def no_axe_violations(page, state: str) -> None:
    """axe on the editor in one of its states (the page around it: test_accessibility.py)."""
    violations = axe_violations(page, "main")
    assert not violations, f"{state}:\n{describe_violations(violations)}"


def tab_to(page, selector: str, limit: int = 80, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focus is on an element matching ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab did not reach {selector}")


def press(page, selector: str, key: str = "Enter") -> None:
    """Put the focus on a control and use it from the keyboard."""
    page.locator(selector).focus()
    page.keyboard.press(key)


def wait_saved(page) -> None:
    page.wait_for_selector('[data-kb-plan-saved][data-state="saved"]')


def draft(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('kb-oma-suunnitelma')"))


def headings(page) -> list[str]:
    return page.locator(".kb-plan-objective > h2").all_inner_texts()


def download(page, selector: str, folder: Path) -> Path:
    with page.expect_download() as info:
        press(page, selector)
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def test_from_examples_to_an_exported_draft(served_real_site, real_site, open_page, browser, tmp_path):
    data = plan_data(real_site)
    examples = {e["id"]: e for e in data["examples"]}
    first, second = examples[FIRST], examples[SECOND]

    # --- two examples from their pages, one blank objective ---------------------------------
    page, log = open_page(served_real_site, f"tavoitteet/{FIRST}/", viewport=PHONE)
    press(page, "a.kb-plan-add")
    page.wait_for_selector(READY)
    assert page.url.endswith("/" + PLAN), "the request to add stays out of the address"
    assert page.evaluate("document.activeElement.textContent").startswith("Tavoite 1")
    assert page.locator(".kb-plan-objective").count() == 1

    # the second from the table, in another tab: the first tab shows it too and overwrites nothing
    tab = page.context.new_page()
    tab.goto(served_real_site.url + "tavoitetaulukko/")
    press(tab, f'tr[data-id="{SECOND}"] a.kb-plan-add')
    tab.wait_for_selector(READY)
    wait_saved(tab)
    tab.close()
    page.locator(".kb-plan-objective").nth(1).wait_for()
    page.locator(".kb-plan-notice").get_by_text("toisessa välilehdessä").wait_for()
    press(page, 'button[data-action="add-objective"]')
    assert headings(page) == ["Tavoite 1 Kesken", "Tavoite 2 Kesken", "Tavoite 3 Ei aloitettu"]
    assert (
        page.locator(".kb-plan-objective")
        .nth(0)
        .locator("> .kb-plan-field textarea[data-field=text]")
        .input_value()
        == (first["objective"])
    )
    origin = page.locator(".kb-plan-objective").nth(1).locator(".kb-plan-origin").first
    assert origin.locator("a").get_attribute("href").endswith(f"/tavoitteet/{SECOND}/")
    assert second["citation"] in origin.inner_text()

    # --- the blank objective filled in with the keyboard alone ------------------------------
    third = "#" + page.locator(".kb-plan-objective").nth(2).get_attribute("id")
    assert page.evaluate("document.activeElement.id") == third[1:] + "-h"
    tab_to(page, f"{third} > .kb-plan-field textarea[data-field=text]")
    page.keyboard.type("Opettajat käyttävät <b>digitaalisia</b> välineitä opetuksessa.")
    tab_to(page, f"{third} input[data-field=priorities]")
    page.keyboard.press("Space")
    tab_to(page, f"{third} textarea[data-field=concrete]")
    page.keyboard.type("Jokainen opettaja kokeilee kahta välinettä lukuvuodessa.")
    tab_to(page, f"{third} .kb-plan-indicator textarea[data-field=text]")
    page.keyboard.type(FORMULA)
    tab_to(page, f"{third} input[data-field=measureType]")
    page.keyboard.press("Space")
    tab_to(page, f"{third} textarea[data-field=data_source]")
    page.keyboard.type("+Opettajien itsearviointi")
    tab_to(page, f"{third} textarea[data-field=responsible]")
    page.keyboard.type("@rehtori")
    # "How did the examples answer this?" opens from the keyboard and links the examples
    tab_to(page, f"{third} [data-examples='question:timing'] summary")
    page.keyboard.press("Enter")
    answered = [e for e in data["examples"] if e["annotation"]["timing"]]
    panel = page.locator(f"{third} [data-examples='question:timing'] li")
    panel.first.wait_for()
    assert panel.count() == len(answered) > 0
    assert panel.first.locator("a").inner_text() == answered[0]["objective"]
    tab_to(page, f"{third} textarea[data-field=timing]", back=True)
    page.keyboard.type("-Keväisin")
    wait_saved(page)
    assert page.locator("[data-kb-plan-saved]").inner_text() == "Tallennettu tähän selaimeen"
    missing = page.locator(f"{third} .kb-plan-indicator .kb-plan-missing").inner_text()
    assert "Vastuu" not in missing and "Keruu" in missing and "Raportointi" in missing
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    no_axe_violations(page, "filled in, an examples panel open")

    # --- reload: everything is still there ----------------------------------------------------
    page.reload()
    page.wait_for_selector(READY)
    assert page.locator(".kb-plan-objective").count() == 3
    third = "#" + page.locator(".kb-plan-objective").nth(2).get_attribute("id")
    assert (
        page.locator(f"{third} > .kb-plan-field textarea[data-field=text]")
        .input_value()
        .startswith("Opettajat käyttävät <b>")
    )
    assert page.locator(f"{third} .kb-plan-indicator textarea[data-field=text]").input_value() == FORMULA
    assert page.locator(f"{third} textarea[data-field=responsible]").input_value() == "@rehtori"
    assert page.locator(f"{third} input[data-field=priorities]").first.is_checked()
    assert page.locator(f"{third} input[data-field=measureType]").first.is_checked()
    assert page.locator(f"{third} b").count() == 0

    # --- without a network: the page opens from its offline copy and keeps working ---------
    page.wait_for_selector('[data-kb-plan][data-offline="ready"]')
    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector(READY)
    assert page.locator(".kb-plan-objective").count() == 3
    third = "#" + page.locator(".kb-plan-objective").nth(2).get_attribute("id")
    assert page.locator(f"{third} textarea[data-field=responsible]").input_value() == "@rehtori"

    # --- reorder, remove, undo ------------------------------------------------------------------
    press(page, f"{third} > .kb-plan-actions button[data-action=up]")
    assert page.locator(".kb-plan-objective").nth(1).get_attribute("id") == third[1:]
    assert page.evaluate("document.activeElement.dataset.action") == "up"
    press(page, ".kb-plan-objective:nth-child(1) > .kb-plan-actions button[data-action=remove]")
    assert page.locator(".kb-plan-objective").count() == 2
    undo = page.locator("#kb-plan-undo")
    assert undo.is_visible() and page.evaluate("document.activeElement.id") == "kb-plan-undo"
    page.locator(".kb-plan-notice").get_by_text("Tavoite 1 poistettu.").wait_for()
    no_axe_violations(page, "after a removal")
    page.keyboard.press("Enter")
    assert page.locator(".kb-plan-objective").count() == 3
    assert (
        page.locator(".kb-plan-objective")
        .nth(0)
        .locator("> .kb-plan-field textarea[data-field=text]")
        .input_value()
        == (first["objective"])
    )
    assert undo.is_hidden()
    # duplicate an indicator, then remove the copy
    press(page, f"{third} .kb-plan-indicator button[data-action=duplicate]")
    assert page.locator(f"{third} .kb-plan-indicator").count() == 2
    press(page, f"{third} .kb-plan-indicator:nth-child(2) button[data-action=remove]")
    assert page.locator(f"{third} .kb-plan-indicator").count() == 1
    wait_saved(page)
    stored = draft(page)
    assert [o["text"][:20] for o in stored["objectives"]] == [
        first["objective"][:20],
        "Opettajat käyttävät ",
        second["objective"][:20],
    ]

    # --- out of the browser: Markdown, CSV, JSON -------------------------------------------------
    markdown = download(page, 'button[data-action="export-md"]', tmp_path).read_text(encoding="utf-8")
    plain = normal(markdown)
    for example in (first, second):
        assert " ".join(example["objective"].split()) in plain
        assert " ".join(example["indicator"].split()) in plain
        assert example["citation"] in plain
    assert "Jokainen opettaja kokeilee kahta välinettä lukuvuodessa." in plain
    assert "Opettajat käyttävät <b>digitaalisia</b>" in plain and "<b>" not in markdown

    raw_csv = download(page, 'button[data-action="export-csv"]', tmp_path).read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"), newline="")))
    assert len(rows) == 3, "one row per indicator"
    mine = rows[1]
    assert mine["Mittari"] == "'" + FORMULA
    assert mine["Mistä mittaritieto tulee?"] == "'+Opettajien itsearviointi"
    assert mine["Kuka on vastuussa keräämisestä?"] == "'@rehtori"
    assert mine["Milloin tietoa kerätään ja käsitellään?"] == "'-Keväisin"
    assert rows[0]["Tavoite"] == first["objective"] and rows[2]["Mittari"] == second["indicator"]
    assert second["citation"] in rows[2]["Mittarin esimerkki"]
    assert "Keruu" in mine["Vastaamatta"]

    exported = download(page, 'button[data-action="export-json"]', tmp_path)
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert saved["objectives"] == stored["objectives"]
    assert saved["objectives"][0]["example"]["citation"].startswith(first["citation"])

    # --- on paper: the plan, not the editor ---------------------------------------------------
    page.emulate_media(media="print")
    printed = page.locator(".kb-plan-print")
    assert printed.is_visible() and page.locator(".kb-plan-editor").is_hidden()
    assert page.locator(".kb-plan-intro").is_hidden()
    assert "Jokainen opettaja kokeilee kahta välinettä lukuvuodessa." in printed.inner_text()
    assert second["citation"] in printed.inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        pdf_path = tmp_path / "suunnitelma.pdf"
        pdf_path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True).stdout
        assert "Jokainen opettaja kokeilee" in " ".join(text.split())
    page.emulate_media(media="screen")
    page.context.set_offline(False)
    assert log.console_errors == [] and log.foreign_requests == [] and log.dialogs == []

    # --- another machine: a fresh browser profile imports the JSON --------------------------
    other, other_log = open_page(served_real_site, PLAN, viewport=PHONE)
    other.wait_for_selector(READY)
    assert other.locator(".kb-plan-objective").count() == 0
    other.locator("#kb-plan-import").set_input_files(str(exported))
    other.wait_for_selector(".kb-plan-objective")
    wait_saved(other)
    assert draft(other)["objectives"] == stored["objectives"]
    assert "3 tavoitetta ja 3 mittaria" in other.locator(".kb-plan-notice").inner_text()
    before = other.evaluate("localStorage.getItem('kb-oma-suunnitelma')")

    # --- a broken and a hostile file: a message, the draft untouched -------------------------
    hostile = json.loads(exported.read_text(encoding="utf-8"))
    hostile["objectives"][0]["text"] = '<img src=x onerror="alert(1)">'
    hostile["objectives"][0]["priorities"] = ["<script>alert(1)</script>"]
    hostile["__proto__"] = {"polluted": True}
    files = {
        "rikki.json": b'{"format": "kb-oma-suunnitelma", "objectives": [',
        "vihamielinen.json": json.dumps(hostile).encode("utf-8"),
    }
    for name, content in files.items():
        other.locator("#kb-plan-import").set_input_files(
            {"name": name, "mimeType": "application/json", "buffer": content}
        )
        error = other.locator(".kb-plan-error[role=alert]")
        error.get_by_text(name).wait_for()
        message = error.inner_text()
        assert "ei tuotu" in message and "Nykyinen luonnos on ennallaan." in message, message
        assert other.evaluate("localStorage.getItem('kb-oma-suunnitelma')") == before
        assert other.locator(".kb-plan-objective").count() == 3
        assert other.locator(".kb-plan img, .kb-plan script").count() == 0
    no_axe_violations(other, "an import refused")
    assert "tuntematon arvo" in other.locator(".kb-plan-error").inner_text()
    assert other.evaluate("({}).polluted") is None

    # Markup in an otherwise valid file is text, never HTML.
    del hostile["__proto__"]
    hostile["objectives"][0]["priorities"] = []
    other.locator("#kb-plan-import").set_input_files(
        {"name": "teksti.json", "mimeType": "application/json", "buffer": json.dumps(hostile).encode()}
    )
    other.locator(".kb-plan-notice").get_by_text("teksti.json").wait_for()
    assert other.locator(".kb-plan img").count() == 0
    field = other.locator(".kb-plan-objective > .kb-plan-field textarea[data-field=text]").first
    assert field.input_value() == '<img src=x onerror="alert(1)">'
    assert '<img src=x onerror="alert(1)">' in other.locator(".kb-plan-print").text_content()
    assert other_log.console_errors == [] and other_log.foreign_requests == [] and other_log.dialogs == []


FORMAT_CASES = """async () => {
  const f = await import(new URL('../assets/kb-plan/plan-format.js', location.href).href);
  const data = await (await fetch('../data/suunnitelma.json')).json();
  const draft = {objectives: [f.emptyObjective(), f.fromExample(data.examples[0], 'Viite A. https://x/.', data)]};
  Object.assign(draft.objectives[0], {text: 'Rivi 1\\n\\n# Ei otsikko\\n- ei luettelo', priorities: [data.priorities[0].id]});
  const indicator = f.emptyIndicator(data);
  Object.assign(indicator, {text: 'a,"b"\\nc', data_source: '=1+1', collection: '\\tx', responsible: '\\r@y',
                            timing: 'a=b', measureType: data.measureTypes[0]});
  draft.objectives[0].indicators.push(indicator);
  const json = f.toJSON(draft, '2026-01-01T00:00:00Z');
  const errors = {};
  const bad = {
    notJson: '{', array: '[]', format: '{"format":"muu","version":1}',
    version: JSON.stringify({format: f.FORMAT, version: 99, objectives: []}),
    type: JSON.stringify({format: f.FORMAT, version: 1, objectives: [{text: 5}]}),
    priority: JSON.stringify({format: f.FORMAT, version: 1, objectives: [{priorities: ['x']}]}),
    measure: JSON.stringify({format: f.FORMAT, version: 1, objectives: [{indicators: [{measureType: 'paljon'}]}]}),
    long: JSON.stringify({format: f.FORMAT, version: 1, objectives: [{text: 'x'.repeat(20001)}]}),
    exampleId: JSON.stringify({format: f.FORMAT, version: 1, objectives: [{example: {id: '../../x'}}]}),
    many: JSON.stringify({format: f.FORMAT, version: 1, objectives: Array(101).fill({})}),
  };
  for (const [name, text] of Object.entries(bad)) {
    try { f.parseDraft(text, data); errors[name] = null; }
    catch (e) { errors[name] = (e instanceof f.PlanError) ? e.message : 'not a PlanError: ' + e; }
  }
  const polluted = f.parseDraft('{"format":"kb-oma-suunnitelma","version":1,"__proto__":{"x":1},' +
                                '"objectives":[{"__proto__":{"y":1},"extra":"z"}]}', data);
  return {
    neutralised: ['=1', '+1', '-1', '@a', '\\tb', '\\rc', 'a=b', '', 'x'].map(f.neutralise),
    csv: f.toCSV(draft, data), columns: f.csvColumns(data), markdown: f.toMarkdown(draft, data,
      {title: 'Otsikko', url: 'http://x/suunnitelma/', date: '1.1.2026'}),
    escaped: f.markdownText('<script>*a* [l](u) _b_ `c`'),
    roundTrip: JSON.stringify(f.parseDraft(json, data)) === JSON.stringify(draft),
    errors, pollutedKeys: Object.keys(polluted.objectives[0]).sort(), x: ({}).x, y: ({}).y,
    missing: f.missingOfIndicator(indicator, data), status: f.status(f.missingOfIndicator(indicator, data), 10),
    emptyStatus: f.objectiveStatus(f.emptyObjective()), example: data.examples[0],
  };
}"""


def test_export_formats_with_known_inputs(served_real_site, open_page):
    without, _ = open_page(served_real_site, PLAN, java_script_enabled=False)
    assert without.get_by_text("Oma suunnitelma tarvitsee JavaScriptin.").is_visible()
    page, log = open_page(served_real_site, PLAN)
    assert page.locator("[data-kb-plan-nojs]").count() == 0
    out = page.evaluate(FORMAT_CASES)
    assert out["neutralised"] == ["'=1", "'+1", "'-1", "'@a", "'\tb", "'\rc", "a=b", "", "x"]

    assert out["csv"].startswith("\ufeff") and "\r\n" in out["csv"]
    rows = list(csv.reader(io.StringIO(out["csv"][1:], newline="")))
    assert rows[0] == out["columns"]
    assert len(rows) == 3, "the blank objective's indicator and the example's indicator"
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Mittari"] == 'a,"b"\nc'
    assert row["Mistä mittaritieto tulee?"] == "'=1+1"
    assert row["Miten tieto kerätään?"] == "'\tx"
    assert row["Kuka on vastuussa keräämisestä?"] == "'\r@y"
    assert row["Milloin tietoa kerätään ja käsitellään?"] == "a=b"
    example = dict(zip(rows[0], rows[2], strict=True))
    assert example["Tavoite"] == out["example"]["objective"]
    assert example["Tavoitteen esimerkki"] == "Viite A. https://x/."

    assert out["escaped"] == r"\<script\>\*a\* \[l\](u) \_b\_ \`c\`"
    md = out["markdown"]
    assert "\n\\# Ei otsikko" in md and "\n\\- ei luettelo" in md
    assert " ".join(out["example"]["indicator"].split()) in normal(md)
    assert md.rstrip().endswith("- Viite A. https://x/.")

    assert out["roundTrip"] is True
    errors = out["errors"]
    assert all(errors.values()), errors
    assert errors["notJson"] == "Tiedosto ei ole JSON-muodossa, tai se on vioittunut."
    assert errors["format"] == "Tiedosto ei ole tämän sivun tallentama suunnitelma."
    assert errors["type"] == "Tavoite 1: tavoite ei ole tekstiä."
    assert "tuntematon arvo ”x”" in errors["priority"]
    assert "Mittari 1.1: mittarin laji" in errors["measure"]
    assert "liian pitkä" in errors["long"]
    assert "tunniste" in errors["exampleId"]
    assert "liian monta" in errors["many"]
    assert "extra" not in out["pollutedKeys"] and out["x"] is None and out["y"] is None

    assert out["missing"] == ["Käsittely", "Raportointi", "Arviointi", "Laatujärjestelmä"]
    assert out["status"] == "Kesken" and out["emptyStatus"] == "Ei aloitettu"
    assert log.console_errors == [] and log.foreign_requests == []
