"""Phrase lists shipped as data in ``attrlint.rules/lexicons``, one entry a line."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def first_char_guard(words: list[str] | tuple[str, ...]) -> str:
    """A lookahead on the characters literal ``words`` start with: ``(?=[mos])``.

    Empty (always correct) when a word is empty, since then the pattern can match anywhere.
    """
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def first_letters(patterns: list[str] | tuple[str, ...]) -> str:
    """The letters ``patterns`` can start with, sorted: ``"aistw"``; empty when unsure.

    Each pattern must open with a lower-case letter or a group of literal alternatives
    (``(?:are|is|was)``); anything else, or no pattern at all, gives an empty string.
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
    return "".join(sorted(letters))


def first_letter_guard(patterns: list[str] | tuple[str, ...]) -> str:
    """A lookahead on the letters ``patterns`` can start with: ``(?=[aiw])``.

    A scan that opens with a word boundary makes the engine try the whole alternation at every
    word boundary; the guard rejects most of them on one character. Each pattern must open
    with a lower-case letter or a group of literal alternatives (``(?:are|is|was)``);
    anything else gives an empty guard, which is always correct.
    """
    letters = first_letters(patterns)
    return f"(?=[{letters}])" if letters else ""


class WordStartScan:
    r"""A scan for phrases at word starts, fast for the ``re`` engine: see :meth:`finditer`.

    Opening a pattern with ``\b`` makes the engine enter it at every position of the text.
    Here it is entered only at the character before a word: the spaces, found by the
    engine's quick search for a literal first character, and, in a second scan, the other
    characters that are not word characters (a class the engine skips through in a tight
    loop; the lookbehind rules out the non-ASCII word characters the class lets through).
    Together they are exactly the characters before the words ``\b`` finds the start of.
    """

    def __init__(self, letters: str, body: str) -> None:
        """A scan for ``body``, which opens with one of ``letters`` (ASCII lower case).

        ``letters`` must hold every letter ``body`` can open with (see :func:`first_letters`).
        """
        if not letters:
            raise ValueError("a word-start scan needs the letters its phrases open with")
        guarded = f"(?=[{letters}]){body}"
        self.after_space = re.compile(" " + guarded)
        self.after_other = re.compile(r"[^0-9A-Z_a-z ](?<!\w)" + guarded)

    def finditer(self, padded: str) -> Iterator[re.Match[str]]:
        """Matches at the word starts of a text, in order; ``padded`` is ``" " + text``.

        The space in front gives a word at the very start a character before it: a match's
        start is the offset in the text of the word, and the end of a group, less one, is
        the offset in the text where the group ends. For this ``body`` must consume nothing.
        """
        others = list(self.after_other.finditer(padded))
        if not others:  # the usual case: heapq.merge would cost more to set up than the scan
            return self.after_space.finditer(padded)
        return iter(sorted([*self.after_space.finditer(padded), *others], key=_start))

    def occurs(self, padded: str, start: int, end: int) -> bool:
        r"""Whether ``body`` matches at a word start of ``text[start:end]`` (``padded`` as above).

        As ``search(text, start, end)`` of the pattern with ``\b`` in front would find.
        """
        return self.after_space.search(padded, start, end + 1) is not None or \
            self.after_other.search(padded, start, end + 1) is not None


    def first(self, padded: str, start: int, end: int) -> re.Match[str] | None:
        """The first match at a word start of ``text[start:end]`` (``padded`` as above)."""
        one = self.after_space.search(padded, start, end + 1)
        other = self.after_other.search(padded, start, end + 1)
        if one is None or (other is not None and other.start() < one.start()):
            return other
        return one


def _start(match: re.Match[str]) -> int:
    return match.start()
