"""``--format text``: findings for people, rendered with rich.

Each finding shows ``path:line:col``, code, rule and severity, the message, the source
line with the span underlined, and a hint. Colour only on a terminal without NO_COLOR.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.text import Text

from attrlint.document import line_starts
from attrlint.finding import FileError, Finding

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MAX_WIDTH = 160


def console_for(out: TextIO) -> Console:
    """A console that styles only real terminals, and not at all under NO_COLOR."""
    # rich's own NO_COLOR handling drops colours but still writes bold and dim escapes.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(file=out, highlight=False, soft_wrap=True, emoji=False,
                   color_system=None if plain else "auto")


def _source_lines(finding: Finding, sources: dict[str, str]) -> list[str]:
    source = sources.get(finding.path)
    if source is None:
        return []
    starts = line_starts(source)
    lines = []
    for number in range(finding.line, finding.end_line + 1):
        if number - 1 >= len(starts):
            break
        start = starts[number - 1]
        end = starts[number] if number < len(starts) else len(source)
        lines.append(source[start:end].rstrip("\r\n"))
    return lines


def _excerpt(finding: Finding, sources: dict[str, str]) -> Text | None:
    lines = _source_lines(finding, sources)
    if not lines:
        return None
    line = lines[0]
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(end, start + 1)
    # Long lines (one-paragraph-a-line drafts) are cut around the span.
    left = max(0, start - 40) if len(line) > _MAX_WIDTH else 0
    right = min(len(line), max(end, left + _MAX_WIDTH))
    shown = line[left:right].expandtabs(1)
    gutter = f"{finding.line:>5} | "
    text = Text(gutter, style="dim")
    text.append(("…" if left else "") + shown + ("…" if right < len(line) else ""))
    caret_start = start - left + (1 if left else 0)
    caret_len = max(1, min(end, right) - start)
    text.append("\n" + " " * (len(gutter) - 2) + "| " + " " * caret_start)
    text.append("^" * caret_len, style=_STYLE[finding.severity])
    if finding.end_line > finding.line:
        text.append(f" (to line {finding.end_line})", style="dim")
    return text


def report(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO,
           sources: dict[str, str] | None = None, files: int = 0) -> None:
    """Print findings, file errors and a summary."""
    console = console_for(out)
    sources = sources or {}
    for f in findings:
        head = Text()
        head.append(f"{f.path}:{f.line}:{f.column}", style="bold")
        head.append(": ")
        head.append(f"{f.code} {f.rule}", style=_STYLE[f.severity])
        head.append(f" [{f.severity}] ", style="dim")
        head.append(f.message)
        console.print(head)
        excerpt = _excerpt(f, sources)
        if excerpt is not None:
            console.print(excerpt)
        console.print(Text("      = hint: ", style="dim") + Text(f.hint, style="green"))
        console.print()
    for e in errors:
        console.print(Text(f"{e.path}: ", style="bold") + Text(f"error: {e.message}",
                                                               style="bold red"))
    by_rule = Counter(f"{f.code} {f.rule}" for f in findings)
    summary = Text()
    noun = "file" if files == 1 else "files"
    if findings:
        summary.append(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}",
                       style="bold")
        summary.append(f" in {files} {noun}: ")
        summary.append(", ".join(f"{name} ×{n}" for name, n in sorted(by_rule.items())))
    else:
        summary.append(f"No findings in {files} {noun}.", style="bold green")
    if errors:
        summary.append(f" {len(errors)} file{'s' if len(errors) != 1 else ''} not linted.",
                       style="bold red")
    console.print(summary)
