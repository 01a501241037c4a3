"""Phrase lists shipped as data in ``attrlint.rules/lexicons``, one entry a line."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> tuple[str, ...]:
    """Entries of ``lexicons/<name>.txt``: comments (``#``) and blank lines dropped."""
    # One name per joinpath: Traversable takes several only from Python 3.11.
    lexicons = resources.files("attrlint.rules").joinpath("lexicons")
    text = lexicons.joinpath(f"{name}.txt").read_text("utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


def alternation(entries: tuple[str, ...] | list[str]) -> str:
    """A regular-expression alternation of phrases, longest first, spaces matching any space.

    Entries are literal except that ``*`` stands for any word characters (``expert*``).
    """
    import regex

    parts = []
    for entry in sorted(set(entries), key=len, reverse=True):
        escaped = regex.escape(entry).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
        parts.append(escaped)
    return "|".join(parts) if parts else r"(?!x)x"
