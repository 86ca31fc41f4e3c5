"""Problems found in content, reported like a compiler: ``path:line:col: message``.

Every stage appends to one list instead of raising, so a run shows all problems at once.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str

    def __post_init__(self) -> None:
        # One problem, one line: a value quoted in a message may hold line breaks or tabs.
        object.__setattr__(self, "message", " ".join(self.message.split()))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def github(self, level: str = "error") -> str:
        """The problem as a GitHub Actions annotation, shown on the line in a pull request's diff."""
        return (
            f"::{level} file={_escape(self.path, property=True)},line={self.line},col={self.col}"
            f"::{_escape(self.message)}"
        )


def _escape(text: str, *, property: bool = False) -> str:
    """GitHub's workflow-command escaping: % CR LF always, and : , inside a property value."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory when possible."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:  # outside the working directory: the absolute path is clearer than ../../
        return absolute.as_posix()


def did_you_mean(value: str, known: list[str] | tuple[str, ...] | set[str]) -> str:
    """A Finnish '; tarkoititko …?' suffix naming the closest known value, or ''."""
    folded = {k.casefold(): k for k in sorted(known)}
    if value.casefold() in folded:  # SECTORS → sectors
        return f"; tarkoititko '{folded[value.casefold()]}'?"
    close = difflib.get_close_matches(value.casefold(), sorted(folded), n=1, cutoff=0.6)
    return f"; tarkoititko '{folded[close[0]]}'?" if close else ""


def listing(values: list[str] | tuple[str, ...] | set[str], limit: int = 12) -> str:
    """Allowed values for a message: sorted, cut short when there are many."""
    items = sorted(values)
    if not items:
        return "ei yhtään"
    shown = ", ".join(items[:limit])
    return shown + (f", … ({len(items)} kaikkiaan)" if len(items) > limit else "")


def without_consequences(causes: list[Problem], others: list[Problem]) -> list[Problem]:
    """``causes`` and every problem of ``others`` not at the same place as a cause, sorted.

    A refused tag or a placeholder makes the value wrong for the model too; saying so twice at
    one position would only hide the message that tells the editor what to do.
    """
    taken = {(p.path, p.line, p.col) for p in causes}
    return sorted(set(causes) | {p for p in others if (p.path, p.line, p.col) not in taken})


def format_problems(problems: list[Problem], style: str = "text") -> str:
    """All problems, sorted, one per line: ``path:line:col: message`` or GitHub annotations."""
    return "\n".join(p.github() if style == "github" else str(p) for p in sorted(problems))


WARNING = "varoitus: "


def format_warnings(warnings: list[Problem] | tuple[Problem, ...], style: str = "text") -> str:
    """Warnings like problems, marked as warnings: ``path:line:col: varoitus: message``."""
    return "\n".join(
        w.github("warning") if style == "github" else f"{w.path}:{w.line}:{w.col}: {WARNING}{w.message}"
        for w in sorted(warnings)
    )
