"""Finnish messages for model validation errors, written for editors.

In: one pydantic error (its type, location and input) and the model it was raised for.
Out: the message and whether it points at the key (unknown field) or at the value.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pydantic import BaseModel

from .collections import SYNONYM_PATTERN
from .fields import WEB_ADDRESS_PATTERN
from .problems import did_you_mean, listing

_TYPE_NAMES = {
    "string_type": "tekstiä",
    "list_type": "luettelo (jokainen kohta omalla rivillään '- ' -alkuisena)",
    "model_type": "joukko kenttiä (kenttä: arvo)",
    "dict_type": "joukko kenttiä (kenttä: arvo)",
    "int_type": "kokonaisluku",
    "int_parsing": "kokonaisluku",
    "float_type": "luku",
    "float_parsing": "luku",
    "bool_type": "true tai false",
    "bool_parsing": "true tai false",
}


def field_label(loc: tuple[str | int, ...]) -> str:
    """'source.section' or 'themes[2]' for a location inside a document."""
    label = ""
    for part in loc:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label or "(tiedosto)"


def describe(error: dict[str, Any], model: type[BaseModel]) -> tuple[str, bool]:
    kind = error["type"]
    loc = tuple(error["loc"])
    name = field_label(loc)
    value = error.get("input")
    if kind == "missing":
        return f"pakollinen kenttä '{name}' puuttuu", False
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed)
        return (f"tuntematon kenttä '{name}' (sallitut kentät: {listing(allowed, 30)}){hint}", True)
    if kind == "blank":
        return f"kenttä '{name}' ei saa olla tyhjä", False
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        allowed = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), allowed)
        return f"kentän '{name}' arvo {show(value)} ei kelpaa (sallitut: {listing(allowed)}){hint}", False
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == WEB_ADDRESS_PATTERN:
        return (
            f"kentän '{name}' arvo {show(value)} ei ole verkko-osoite: kirjoita se muodossa "
            "https://… ilman välilyöntejä"
        ), False
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == SYNONYM_PATTERN:
        return (
            f"kentän '{name}' arvo {show(value)} ei kelpaa hakusanaksi: käytä kirjaimia, "
            "yksittäisiä välilyöntejä ja yhdysmerkkejä"
        ), False
    if kind == "string_pattern_mismatch":
        return (
            f"kentän '{name}' arvo {show(value)} ei kelpaa tunnisteeksi{_odd_characters(value)}: käytä "
            "pieniä kirjaimia a–z, numeroita ja yksittäisiä väliviivoja (ä → a, ö → o)"
        ), False
    if kind == "term_line_break":
        return (
            f"kentän '{name}' termi on kirjoitettu usealle riville; kirjoita termi yhdelle riville "
            "(sanaston termistä tulee sivujen vihjeen avain)"
        ), False
    if kind == "term_character":
        char = error.get("ctx", {}).get("char", "]")
        return (
            f"kentän '{name}' arvossa {show(value)} on merkki {char}, jota termissä ei voi käyttää "
            "(sanaston termistä tulee sivujen vihjeen avain); poista se"
        ), False
    if kind in ("string_too_long",):
        return f"kentän '{name}' arvo on liian pitkä", False
    if kind in ("too_short",):
        least = error.get("ctx", {}).get("min_length", 1)
        return f"kentässä '{name}' pitää olla vähintään {'yksi' if least == 1 else least} kohta" + (
            "a" if least != 1 else ""
        ), False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"kentän '{name}' arvo {show(value)} on sallitun alueen ulkopuolella", False
    if kind in _TYPE_NAMES:
        return f"kentän '{name}' pitää olla {_TYPE_NAMES[kind]}, nyt {show(value)}", False
    return f"kenttä '{name}': {error.get('msg', kind)}", False


def _odd_characters(value: Any) -> str:
    """' (merkki 'а' (U+0430 CYRILLIC SMALL LETTER A) ei kelpaa)' for look-alike characters."""
    if not isinstance(value, str):
        return ""
    # Only what the eye cannot tell apart from a–z (a Cyrillic а, a no-break space): ASCII and
    # the Finnish letters are plain to see and the rest of the message explains them.
    odd = [c for c in dict.fromkeys(value) if not c.isascii() and c not in "ÄÖÅäöå"]
    if not odd:
        return ""
    named = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'nimetön merkki')})" for c in odd[:3])
    return f" (merkki {named} ei kelpaa)" if len(odd) == 1 else f" (merkit {named} eivät kelpaa)"


def show(value: Any) -> str:
    if value is None:
        return "tyhjä"
    if isinstance(value, dict):
        return "joukko kenttiä"
    if isinstance(value, list):
        return "luettelo"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _allowed_fields(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (following nested models)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return sorted(current.model_fields) if _is_model(current) else []


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
