"""YAML syntax errors explained in Finnish, where the editor wrote them.

Part of stage 1, load. In: a ``yaml.MarkedYAMLError`` and the file's text. Out: line, column and a
message that says what to change (libyaml's own words only as a fallback).
"""

from __future__ import annotations

import yaml

SYNTAX_HINTS = {
    "tab": "sarkainmerkki (tab) ei kelpaa YAML-tiedostoon; sisennä välilyönneillä",
    "colon": "kaksoispiste väärässä kohdassa; jos tekstissä on ': ', kirjoita teksti |- -lohkona",
    "could not find expected ':'": "rivi ei ole muotoa 'kenttä: arvo'",
    "did not find expected key": "sisennys ei täsmää: saman tason kenttien pitää alkaa samasta sarakkeesta",
    "did not find expected '-' indicator": "luettelon kohdan pitää alkaa '- ' samassa sarakkeessa kuin "
    "edelliset kohdat",
    "did not find expected node content": "arvo puuttuu tai jää kesken; tarkista sulkeet ja lainausmerkit",
    "found unknown escape character": 'kenoviiva \\ aloittaa lainausmerkeissä "…" erikoismerkin; kirjoita '
    "teksti heittomerkkeihin '…' tai |- -lohkona",
    "expected a single document in the stream": "tiedostossa saa olla vain yksi YAML-dokumentti",
    "found unknown directive name": "rivin alussa oleva % aloittaa YAML-direktiivin; kirjoita teksti "
    "lainausmerkkeihin",
    "did not find expected directive name": "rivin alussa oleva % aloittaa YAML-direktiivin; kirjoita "
    "teksti lainausmerkkeihin",
    "found duplicate %YAML directive": "YAML-direktiivi % on annettu kahdesti; poista direktiivit",
    "found duplicate %TAG directive": "YAML-direktiivi % on annettu kahdesti; poista direktiivit",
    "found incompatible YAML document": "tiedosto ilmoittaa tuntemattoman YAML-version; poista %YAML-rivi",
    "did not find expected alphabetic or numeric character": "merkki & tai * aloittaa YAML-ankkurin tai "
    "-viittauksen; kirjoita arvo lainausmerkkeihin",
    "did not find expected tag URI": "merkki ! aloittaa YAML-tunnisteen; kirjoita arvo lainausmerkkeihin",
    "found undefined tag handle": "merkki ! aloittaa YAML-tunnisteen; kirjoita arvo lainausmerkkeihin",
    "did not find expected whitespace or line break": "merkin ! tai % jälkeen odotettiin välilyöntiä; "
    "kirjoita arvo lainausmerkkeihin",
    "did not find expected hexdecimal number": "kenoviivaa seuraava \\x-, \\u- tai \\U-merkintä on "
    "vaillinainen; kirjoita teksti heittomerkkeihin '…'",
    "found invalid Unicode character escape code": "kenoviivalla kirjoitettu merkki ei ole kelvollinen; "
    "kirjoita teksti heittomerkkeihin '…'",
    "found unexpected document indicator": "rivin alussa oleva --- tai ... päättää YAML-dokumentin; "
    "sisennä teksti tai kirjoita se lainausmerkkeihin",
    "block sequence entries are not allowed in this context": "luettelon kohta '- ' väärässä kohdassa; "
    "aloita luettelo omalta riviltään",
    "found an indentation indicator equal to 0": "lohkon sisennyksen merkintä ei voi olla 0",
    "exceeded maximum nesting depth": "rakenne on liian syvä (sisäkkäisiä luetteloita tai joukkoja "
    "satoja tasoja); sisällössä tarvitaan enintään muutama taso",
    "found a tab character that violates indentation": "sarkainmerkki (tab) ei kelpaa YAML-tiedostoon; "
    "sisennä välilyönneillä",
}
# Constructs left open are reported where they start (the context mark): that is the line the
# editor wrote, while the problem mark is wherever the parser gave up, often the end of the file.
UNCLOSED = {
    "did not find expected ',' or ']'": "hakasulkeella [ alkava luettelo ei sulkeudu; lisää loppuun ] ja "
    "erota kohdat pilkuilla",
    "did not find expected ',' or '}'": "aaltosulkeella { alkava joukko ei sulkeudu; lisää loppuun } ja "
    "erota kohdat pilkuilla",
    "found unexpected end of stream": "lainausmerkillä alkava teksti ei pääty; lisää loppuun sama "
    "lainausmerkki",
}


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and a Finnish explanation for a YAML syntax error (libyaml's words as fallback)."""
    problem = error.problem or str(error)
    mark = error.problem_mark or error.context_mark
    if problem in UNCLOSED and error.context_mark is not None:
        mark, hint = error.context_mark, UNCLOSED[problem]
    elif (mark is not None and text[mark.index : mark.index + 1] == "\t") or "tab character" in problem:
        hint = SYNTAX_HINTS["tab"]
    elif problem.startswith("mapping values are not allowed"):  # "…here" (Python), "…in this context" (C)
        hint = SYNTAX_HINTS["colon"]
    elif problem == "found character that cannot start any token" and mark is not None:
        char = text[mark.index : mark.index + 1]
        hint = f"merkki {char} ei voi aloittaa arvoa; kirjoita arvo lainausmerkkeihin"
    else:
        hint = SYNTAX_HINTS.get(problem) or (
            f"tiedosto ei ole tässä kohdassa kelvollista YAML:ää (jäsentimen selitys englanniksi: {problem})"
        )
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, col, f"YAML-syntaksivirhe: {hint}"
