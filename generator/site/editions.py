"""The editions of the site, each named once: Finnish at the root, Swedish under ``sv/``.

Every page of one edition has its counterpart in the other at the same path with the edition's
prefix added or removed (``teemat/osallisuus.md`` ↔ ``sv/teemat/osallisuus.md``), so links
between the pages of one edition are the same relative links in both. The pipeline renders the
Swedish edition from the Swedish view of the content (``content.translations.swedish``) with the
edition's own templates where it has them (``templates/sv/``); the page templates in
``overrides/`` read the edition of a page from its address (``partials/language.html``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Edition:
    code: str
    """The language code: ``<html lang>``, ``hreflang``, Material's language (``partials/languages/``)."""
    prefix: str
    """Where its pages are under the site root: ``""`` or ``"sv/"``."""
    name: str
    """The edition's name in its own language, as the language switch offers it."""
    site_name: str
    untranslated_page: str = ""
    """The note on a page whose template is not yet in this edition's language."""
    words: tuple[tuple[str, str], ...] = ()
    """The interface's words that code writes into pages (a card's facts, a kind's name), by
    their Finnish: templates say ``{{ "Sektori" | t }}``."""

    def word(self, finnish: str) -> str:
        """``finnish`` in this edition's language (as it is where no translation is given)."""
        return dict(self.words).get(finnish, finnish)


FI = Edition(code="fi", prefix="", name="Suomeksi", site_name="Erasmus+ -akkreditoinnin hyvät käytännöt")
SV = Edition(
    code="sv",
    prefix="sv/",
    name="På svenska",
    site_name="God praxis i Erasmus+-ackreditering",
    untranslated_page="Den här sidan finns ännu bara på finska.",
    words=(
        ("Sektori", "Sektor"),
        ("Hakijatyyppi", "Typ av sökande"),
        ("Teemat", "Teman"),
        ("Mittari", "Indikator"),
        ("Lainaus", "Citat"),
        ("Tavoite ja mittari", "Mål och indikator"),
        ("Teema", "Tema"),
        ("Ei mainittu lähteessä", "Inte nämnt i källan"),
        (
            "Lainaus Erasmus+ -akkreditointihakemuksesta sanasta sanaan. Otsikko on toimituksen.",
            "Ett ordagrant citat ur en ansökan om Erasmus+-ackreditering, på finska. Rubriken är redaktionens.",
        ),
        ("määrällinen", "kvantitativ"),
        ("laadullinen", "kvalitativ"),
        ("määrällinen ja laadullinen", "kvantitativ och kvalitativ"),
        ("Tietolähde", "Datakälla"),
        ("Keruu", "Insamling"),
        ("Vastuu", "Ansvar"),
        ("Ajoitus", "Tidpunkt"),
        ("Käsittely", "Behandling"),
        ("Raportointi", "Rapportering"),
        ("Arviointi", "Utvärdering"),
        ("Mistä mittaritieto tulee?", "Varifrån kommer uppgifterna för indikatorn?"),
        ("Miten tieto kerätään?", "Hur samlas uppgifterna in?"),
        ("Kuka on vastuussa keräämisestä?", "Vem ansvarar för insamlingen?"),
        ("Milloin tietoa kerätään ja käsitellään?", "När samlas uppgifterna in och behandlas?"),
        ("Miten tietoa käsitellään?", "Hur behandlas uppgifterna?"),
        ("Miten ja missä tuloksista raportoidaan?", "Hur och var rapporteras resultaten?"),
        (
            "Miten tuloksia arvioidaan jatkotoimia varten?",
            "Hur utvärderas resultaten för fortsatta åtgärder?",
        ),
        (
            "Sanonta, jota selvitys lainaa. Otsikko on toimituksen.",
            "Ett talesätt som utredningen citerar, på finska. Rubriken är redaktionens.",
        ),
        # hubs (``hubs``)
        ("Sektorit", "Sektorer"),
        ("Hakijatyypit", "Typer av sökande"),
        ("Kaikki sektorit", "Alla sektorer"),
        ("Kaikki hakijatyypit", "Alla typer av sökande"),
        ("Laatustandardi", "Kvalitetsstandard"),
        ("Kaikki laatustandardit", "Alla kvalitetsstandarder"),
        ("Muut", "Övriga"),
        ("tietopankin oma käännös", "kunskapsbankens egen översättning"),
        (
            "Esimerkit koulutussektoreittain. Sektori kerrotaan vain, jos selvitys sen mainitsee.",
            "Exemplen efter utbildningssektor. Sektorn anges bara om utredningen nämner den.",
        ),
        (
            "Esimerkit sen mukaan, hakiko akkreditointia yksittäinen organisaatio vai konsortio. "
            "Hakijatyyppi kerrotaan vain, jos selvitys sen mainitsee.",
            "Exemplen efter om ackrediteringen söktes av en enskild organisation eller ett konsortium. "
            "Typen av sökande anges bara om utredningen nämner den.",
        ),
        (
            "Esimerkit, joiden koulutussektoria selvitys ei kerro.",
            "Exempel vars utbildningssektor utredningen inte anger.",
        ),
        (
            "Esimerkit, joiden hakijatyyppiä (organisaatio vai konsortio) selvitys ei kerro.",
            "Exempel vars typ av sökande (organisation eller konsortium) utredningen inte anger.",
        ),
        ("Perustuu selvityksen lukuun ”{}”.", "Bygger på utredningens kapitel ”{}”."),
        (
            "Toimituksen yleiskuvaus; ei perustu selvitykseen.",
            "Redaktionens allmänna beskrivning; bygger inte på utredningen.",
        ),
        (
            "Teemat ovat toimituksen liittämiä tähän standardiin: standardi on teeman, ei jokaisen teeman "
            "esimerkin. Esimerkit-kohdissa ovat vain esimerkit, jotka itse näyttävät standardin ja joihin "
            "toimitus on liittänyt sen suoraan.",
            "Redaktionen har kopplat teman till den här standarden: standarden hör till temat, inte till "
            "varje exempel inom temat. Under exemplen finns bara de exempel som själva visar standarden och "
            "som redaktionen har kopplat den direkt till.",
        ),
        (
            "vastaa {}/{} mittarikysymykseen (toimituksen luenta)",
            "svarar på {}/{} indikatorfrågor (redaktionens läsning)",
        ),
        (
            "selvitys nimeää nämä esimerkkiryhmälle, ei erikseen tälle esimerkille",
            "utredningen nämner dessa för en grupp av exempel, inte särskilt för det här exemplet",
        ),
        # the objective–indicator table (``explorer``)
        ("teeman", "tema"),
        ("sektorin", "sektor"),
        ("Mittarin laji", "Typ av indikator"),
        ("mittarin lajin", "typ av indikator"),
        ("Kaikki teemat", "Alla teman"),
        ("Kaikki lajit", "Alla typer"),
        ("molemmat", "båda"),
        (" tai ", " eller "),
        (" ja rajata {} mukaan", " och avgränsas efter {}"),
        # the finder's facets (``facets``)
        ("Laji", "Slag"),
        # statistics (``statistics``)
        ("Vuodet", "Åren"),
        ("Vuosi", "År"),
        ("johdettu", "härlett"),
        ("Hakijoita yhteensä", "Sökande totalt"),
        ("Hakijoista yksittäisiä organisaatioita", "Av de sökande enskilda organisationer"),
        ("Hakijoista konsortioita", "Av de sökande konsortier"),
        ("Akkreditoinnin saaneita organisaatioita", "Organisationer som fått ackreditering"),
        ("Akkreditoinnin saaneita konsortioita", "Konsortier som fått ackreditering"),
        (
            "Hakemukseen liitettiin kansainvälistymissuunnitelma tai -strategia",
            "En internationaliseringsplan eller internationaliseringsstrategi bifogades ansökan",
        ),
        # the statistics charts (``charts``): the image's words and its text alternative
        ("Vuosi {}: hakijat ja myönnetyt akkreditoinnit", "År {}: sökande och beviljade ackrediteringar"),
        (
            "Vaakapylväskaavio, vuosi {}, hakijat ja myönnetyt akkreditoinnit sektoreittain. {}.",
            "Liggande stapeldiagram, år {}, sökande och beviljade ackrediteringar per sektor. {}.",
        ),
        ("Lukumäärä", "Antal"),
        ("ei lukua selvityksessä", "inget tal i utredningen"),
        ("– luku puuttuu selvityksestä", "– talet saknas i utredningen"),
        # every page (``page_language``): a heading's permalink (mkdocs.yml ``toc: permalink_title``)
        # and a table's scroll region (``page_html.TABLE``)
        ("Pysyvä linkki tähän kohtaan", "Permanent länk till det här avsnittet"),
        ("Taulukko", "Tabell"),
        # the theme's partials (``overrides/partials/``: ``kb.t``) and mkdocs.yml's site_description
        (
            "Tietopankki Erasmus+ -akkreditointihakemusten hyvistä käytännöistä (Opetushallitus 2023)",
            "Kunskapsbank om god praxis i ansökningar om Erasmus+-ackreditering (Utbildningsstyrelsen 2023)",
        ),
        ("Tietopankin haku", "Sökning i kunskapsbanken"),
        ("Hae tietopankista", "Sök i kunskapsbanken"),
        ("Hae", "Sök"),
        (
            "Tulokset näkyvät kirjoitettaessa. Nuolinäppäimillä liikut tuloksissa, Enter avaa tuloksen "
            "ja Esc sulkee luettelon.",
            "Resultaten visas medan du skriver. Med piltangenterna rör du dig bland resultaten, Enter "
            "öppnar ett resultat och Esc stänger listan.",
        ),
        ("Hakutulokset", "Sökresultat"),
        ("Saavutettavuusseloste", "Tillgänglighetsutlåtande"),
        ("Sivusto on tehty", "Webbplatsen har byggts med"),
        (" -teemalla.", "."),
        # open data (``opendata``): the schema's title and the names of the fields' types
        (
            "Erasmus+ -akkreditoinnin hyvät käytännöt -tietopankin merkinnät",
            "Posterna i kunskapsbanken God praxis i Erasmus+-ackreditering",
        ),
        (
            "practices.json: luettelo merkinnöistä; merkinnän rakenne on $defs/ExportEntry.",
            "practices.json: en lista över posterna; postens struktur finns under $defs/ExportEntry.",
        ),
        ("teksti", "text"),
        ("kokonaisluku", "heltal"),
        ("totuusarvo", "sanningsvärde"),
        ("luettelo", "lista"),
        ("olio", "objekt"),
        ("yksi arvoista", "ett av värdena"),
    ),
)
EDITIONS: tuple[Edition, ...] = (FI, SV)
"""The first is the default (``hreflang="x-default"``)."""


def by_code(code: str) -> Edition:
    """The edition whose language is ``code`` (a page's ``<html lang>``); the first for any other."""
    return next((e for e in EDITIONS if e.code == code), EDITIONS[0])


def edition_of(path: str) -> Edition:
    """The edition of the page at ``path`` (under docs/ or the site root)."""
    return next((e for e in EDITIONS if e.prefix and path.startswith(e.prefix)), EDITIONS[0])


def counterpart(path: str, edition: Edition) -> str:
    """The page of ``edition`` at the same place as ``path``."""
    own = edition_of(path)
    return edition.prefix + path[len(own.prefix) :]


NAV_TITLES: dict[str, dict[str, str]] = {
    "sv": {
        "Etusivu": "Startsida",
        "Hakijalle": "För sökande",
        "Teemat": "Teman",
        "Tavoite–mittari-taulukko": "Tabell över mål och indikatorer",
        "Tarkistuslista": "Checklista",
        "Oma suunnitelma": "Egen plan",
        "Hae ja suodata": "Sök och filtrera",
        "Hakuteos": "Uppslagsverk",
        "Lainaukset": "Citat",
        "Tavoitteet ja mittarit": "Mål och indikatorer",
        "Sektorit": "Sektorer",
        "Hakijatyypit": "Typer av sökande",
        "Laatustandardit": "Kvalitetsstandarder",
        "Painopisteet": "Prioriteringar",
        "Sanasto": "Ordlista",
        "Tilastot": "Statistik",
        "Tietoa": "Om webbplatsen",
        "Tietoa tietopankista": "Om kunskapsbanken",
        "Neuvojille": "För rådgivare",
        "Avoin data": "Öppna data",
        "Toimittajille": "För redaktörer",
    }
}
"""The navigation's titles in each edition's language, by their Finnish title (mkdocs.yml ``nav``)."""


def page_url(path: str) -> str:
    """A page's address under the site root, as MkDocs gives it (``teemat/index.md`` → ``teemat/``)."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def navigation(nav: list[Any], edition: Edition) -> list[dict[str, Any]]:
    """mkdocs.yml's ``nav`` for ``edition``: each item's title in its language and its page's
    counterpart (``{"title", "url"}`` or ``{"title", "children"}``)."""
    titles = NAV_TITLES.get(edition.code, {})
    items: list[dict[str, Any]] = []
    for item in nav:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            shown = titles.get(title, title) if title else ""
            if isinstance(value, list):
                items.append({"title": shown, "children": navigation(value, edition)})
            else:
                items.append({"title": shown, "url": page_url(counterpart(str(value), edition))})
    return items


def for_templates(nav: list[Any]) -> dict[str, dict[str, Any]]:
    """What the page templates (``overrides/``) know of the editions, by language code."""
    return {
        e.code: {
            "prefix": e.prefix,
            "name": e.name,
            "site_name": e.site_name,
            "nav": navigation(nav, e),
            "words": dict(e.words),
        }
        for e in EDITIONS
    }
