"""Phrase lists shipped as data in ``attrlint.rules/lexicons``, one entry a line."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


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


def trie_pattern(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of literal words as a prefix tree: 'th(?:ree|irty)' for speed.

    A regex engine tries the branches of a flat alternation one by one at every position;
    shared prefixes make it test each character once. Longer words win over their
    prefixes ('tenth' before 'ten').
    """
    import re

    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (f"(?:{body})?" if len(branches) == 1 else body + "?")
        return body

    return emit(trie) if trie else r"(?!x)x"


def first_letter_guard(patterns: list[str] | tuple[str, ...]) -> str:
    """A lookahead on the letters ``patterns`` can start with: ``(?=[aiw])``.

    A scan that opens with a word boundary makes the engine try the whole alternation at every
    word boundary; the guard rejects most of them on one character. Each pattern must open
    with a lower-case letter or a group of literal alternatives (``(?:are|is|was)``);
    anything else gives an empty guard, which is always correct.
    """
    letters: set[str] = set()
    for pattern in patterns:
        if pattern.startswith("(?:"):
            depth, close = 0, -1
            for index, char in enumerate(pattern):
                depth += char == "("
                depth -= char == ")"
                if depth == 0:
                    close = index
                    break
            if close < 0 or "(" in pattern[3:close]:
                return ""
            heads = [alt[:1] for alt in pattern[3:close].split("|")]
        else:
            heads = [pattern[:1]]
        if not all(head.isalpha() and head.islower() for head in heads):
            return ""
        letters.update(heads)
    return f"(?=[{''.join(sorted(letters))}])" if letters else ""
