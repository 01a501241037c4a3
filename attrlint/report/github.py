"""``--format github``: GitHub Actions workflow annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from attrlint.finding import FileError, Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def report(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO) -> None:
    """One ``::warning file=...`` line per finding, and an ``::error`` per unreadable file."""
    for f in findings:
        props = (f"file={_escape(f.path, prop=True)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},"
                 f"title={_escape(f'{f.code} {f.rule}', prop=True)}")
        out.write(f"::{_LEVEL[f.severity]} {props}::{_escape(f'{f.message}. {f.hint}')}\n")
    for e in errors:
        out.write(f"::error file={_escape(e.path, prop=True)}::{_escape(e.message)}\n")
