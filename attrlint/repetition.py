"""Shared by the repeated-content rules: paragraph keys, exact groups, near pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import regex

from attrlint import lexicon
from attrlint.document import Block, Document

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_EDGE = regex.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """Fold whitespace, line wrapping and quote styles."""
    return " ".join(text.translate(_QUOTES).split())


def is_boilerplate(text: str, min_words: int) -> bool:
    """Too short to matter, or a line that recurs by design."""
    if len(text.split()) < min_words:
        return True
    bare = _EDGE.sub("", text.lower())
    return bare in _boilerplate() or not any(c.isalpha() for c in bare)


def _boilerplate() -> frozenset[str]:
    return frozenset(lexicon.load("boilerplate"))


def exact_groups(doc: Document, min_words: int) -> dict[int, int]:
    """Map each later copy's block index to its first copy's block index (cached)."""
    cache: dict[int, dict[int, int]] = doc.__dict__.setdefault("_exact_groups", {})
    if min_words not in cache:
        cache[min_words] = _exact_groups(doc, min_words)
    return cache[min_words]


def _exact_groups(doc: Document, min_words: int) -> dict[int, int]:
    first: dict[str, int] = {}
    copies: dict[int, int] = {}
    for index, block in enumerate(doc.blocks):
        key = normalise(doc.block_text(block))
        if is_boilerplate(key, 1 if block.kind == "heading" else min_words):
            continue
        key = f"{block.kind == 'heading'}:{key}"
        if key in first:
            copies[index] = first[key]
        else:
            first[key] = index
    return copies


def _shingles(words: Sequence[str]) -> set[int]:
    if len(words) < 3:
        return {hash(" ".join(words))}
    return {hash((words[i], words[i + 1], words[i + 2])) for i in range(len(words) - 2)}


def similarity(a: str, b: str) -> float:
    """Normalised Indel similarity of two texts, 0 to 1 (rapidfuzz, C++)."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(a, b))


def near_pairs(doc: Document, threshold: float, min_words: int,
               skip: set[int]) -> list[tuple[int, int, float]]:
    """(later, earlier, similarity) for paragraphs nearly equal, exact copies excluded.

    Candidates share a word trigram; a trigram found in many paragraphs is ignored so long
    documents stay near linear. The length ratio bounds the best possible similarity, so
    most candidates are rejected before any comparison.
    """
    texts: list[str | None] = []
    index: defaultdict[int, list[int]] = defaultdict(list)
    for i, block in enumerate(doc.blocks):
        text = normalise(doc.block_text(block))
        if i in skip or is_boilerplate(text, min_words):
            texts.append(None)
            continue
        texts.append(text)
        for shingle in _shingles(text.lower().split()):
            index[shingle].append(i)
    shared: defaultdict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > 40:
            continue
        for x in range(len(members)):
            for y in range(x):
                shared[(members[x], members[y])] += 1
    out = []
    best: dict[int, tuple[int, float]] = {}
    for later, earlier in shared:
        a, b = texts[later], texts[earlier]
        if a is None or b is None or a == b:
            continue
        short, long_ = sorted((len(a), len(b)))
        if 2 * short / (short + long_) < threshold:
            continue
        score = similarity(a, b)
        if score >= threshold and (later not in best or score > best[later][1]):
            best[later] = (earlier, score)
    for later, (earlier, score) in sorted(best.items()):
        out.append((later, earlier, score))
    return out


def deletion_range(doc: Document, block: Block) -> tuple[int, int] | None:
    """Source range that removes a block's own lines and the blank lines after it.

    At the end of the file the blank lines before it go instead, so the file keeps its
    final line ending (or its absence).
    """
    if block.own_lines is None:
        return None
    source = doc.source
    start, end = block.own_lines
    n = len(source)
    while end < n:
        line_end = end
        while line_end < n and source[line_end] not in "\r\n":
            line_end += 1
        if source[end:line_end].strip():
            break
        if line_end < n:
            line_end += 2 if source.startswith("\r\n", line_end) else 1
        end = line_end
    if end < n:
        return start, end
    # Last block: remove from the end of the previous content instead.
    cut = start
    while cut > 0 and source[cut - 1] in " \t\r\n":
        cut -= 1
    if cut == 0:
        return start, end
    tail = source[start:end]
    keep_newline = tail.endswith(("\n", "\r"))
    if keep_newline:
        nl = source[cut:start]
        first_break = 2 if nl.startswith("\r\n") else 1
        return cut + first_break, end
    return cut, end
