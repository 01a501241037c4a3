"""Inline suppression directives.

In Markdown and HTML they are comments anywhere; in plain text a line of its own, with or
without the comment marks::

    <!-- attrlint-disable anonymous-source -->  ...  <!-- attrlint-enable anonymous-source -->
    <!-- attrlint-disable-next-line AT101 -- figure checked with the desk -->
    <!-- attrlint-disable-file -->

A directive quoted in code is an example, not an instruction. A comment that opens like a
directive but cannot be read is returned with a ``problem``, for the engine to report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

# One expression, named groups; a comment form anywhere, or a bare directive on its own line.
# A line ends at \r\n, \r or \n alike, as everywhere else in attrlint.
DIRECTIVE = regex.compile(
    r"""
    (?:(?P<open><!--)|(?<![^\r\n])[ \t]*)
    [ \t]*attrlint-(?P<action>[A-Za-z-]*)
    (?P<rules>(?:[ \t,]+(?!--)[^\s,]+)*[ \t,]*)
    [ \t]*(?:--(?!>)[ \t]*(?P<reason>[^\r\n]*?))?
    [ \t]*(?(open)-->|(?=[\r\n]|\Z))
    """,
    regex.VERBOSE,
)

# A comment that opens like a directive; one that DIRECTIVE cannot read is reported.
DIRECTIVE_OPENING = regex.compile(r"<!--\s*attrlint-")

_REST_OF_LINE = regex.compile(r"[^\r\n]*?(?:-->|(?=[\r\n])|\Z)")
_LINE_END = regex.compile(r"[\r\n]")
MALFORMED = "malformed directive: a directive is one comment on one line"
NOT_ALONE = "in plain text a directive needs a line of its own"

ACTIONS = ("disable", "enable", "disable-next-line", "disable-file")


@dataclass(frozen=True, slots=True)
class Directive:
    """A parsed directive; ``rules`` empty means every rule.

    ``problem`` says why a directive could not be read; such a directive suppresses nothing.
    """

    action: str
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int
    comment: bool
    problem: str = ""


def find_directives(source: str, fmt: str,
                    code: Sequence[tuple[int, int]] = ()) -> list[Directive]:
    """Every directive in a source, in order (plain text needs a line of its own).

    A directive inside ``code`` (source ranges of code blocks and spans) is an example
    being quoted, not an instruction.
    """
    if "attrlint-" not in source:
        return []

    def quoted(offset: int) -> bool:
        return any(start <= offset < end for start, end in code)

    out = []
    for match in DIRECTIVE.finditer(source):
        comment = match.group("open") is not None
        if (not comment and fmt != "text") or quoted(match.start()):
            continue
        rules = tuple(r for r in regex.split(r"[\s,]+", match.group("rules")) if r)
        problem = ""
        if fmt == "text" and not _alone_on_its_line(source, match.start(), match.end()):
            problem = NOT_ALONE
        elif not rules and "," in match.group("rules"):
            # 'attrlint-disable ,' names no rule; it must not silently mean every rule.
            problem = "empty rule list in directive"
        out.append(Directive(match.group("action"), rules, (match.group("reason") or "").strip(),
                             match.start(), match.end(), comment, problem))
    read = [d.start for d in out]
    for opening in DIRECTIVE_OPENING.finditer(source):
        rest = _REST_OF_LINE.match(source, opening.end())
        end = rest.end() if rest is not None else len(source)
        if quoted(opening.start()) or any(opening.start() <= r < end for r in read):
            continue
        out.append(Directive("", (), "", opening.start(), end, True, MALFORMED))
    out.sort(key=lambda d: d.start)
    return out


def _alone_on_its_line(source: str, start: int, end: int) -> bool:
    line_start = max(source.rfind("\n", 0, start), source.rfind("\r", 0, start)) + 1
    line_end = _LINE_END.search(source, end)
    rest = source[end:line_end.start() if line_end is not None else len(source)]
    return not source[line_start:start].strip() and not rest.strip()
