"""Inline suppression directives.

In Markdown and HTML they are comments anywhere; in plain text a line of its own, with or
without the comment marks::

    <!-- attrlint-disable anonymous-source -->  ...  <!-- attrlint-enable anonymous-source -->
    <!-- attrlint-disable-next-line AT101 -- figure checked with the desk -->
    <!-- attrlint-disable-file -->
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# One expression, named groups; a comment form anywhere, or a bare directive on its own line.
DIRECTIVE = regex.compile(
    r"""
    (?:(?P<open><!--)|^[ \t]*)
    [ \t]*attrlint-(?P<action>[A-Za-z-]*)
    (?P<rules>(?:[ \t,]+(?!--)[^\s,]+)*)
    [ \t]*(?:--[ \t]*(?P<reason>.*?))?
    [ \t]*(?(open)-->|$)
    """,
    regex.VERBOSE | regex.MULTILINE,
)

ACTIONS = ("disable", "enable", "disable-next-line", "disable-file")


@dataclass(frozen=True, slots=True)
class Directive:
    """A parsed directive; ``rules`` empty means every rule."""

    action: str
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int
    comment: bool


def find_directives(source: str, fmt: str) -> list[Directive]:
    """Every directive in a source, in order (plain text needs a line of its own)."""
    if "attrlint-" not in source:
        return []
    out = []
    for match in DIRECTIVE.finditer(source):
        comment = match.group("open") is not None
        if not comment and fmt != "text":
            continue
        rules = tuple(r for r in regex.split(r"[\s,]+", match.group("rules")) if r)
        out.append(Directive(match.group("action"), rules, (match.group("reason") or "").strip(),
                             match.start(), match.end(), comment))
    return out
