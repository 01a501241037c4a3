"""Shared by the repeated-content rules: paragraph keys, exact groups, near pairs."""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from attrlint import lexicon
from attrlint.document import Block, Document

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# No boilerplate line is longer than this; longer units skip the lookup.
_BOILERPLATE_WORDS = 6
_EDGE = regex.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """Fold whitespace, line wrapping and quote styles."""
    return " ".join(text.translate(_QUOTES).split())


def _fold_space(text: str) -> str:
    # Most blocks are folded already. Every whitespace character but the ASCII space is
    # unprintable, so a printable text without doubled, leading or trailing spaces comes
    # back as it is, without splitting it into words and joining them again.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _is_label(text: str) -> bool:
    """A short line that is no sentence: a table header or a label ('Yield (tonnes) --')."""
    return not text.rstrip().endswith(_SENTENCE_END) and text.count(" ") < _LABEL_WORDS - 1


_SENTENCE_END = (".", "!", "?", '"', "'", ")")
_LABEL_WORDS = 8


def is_boilerplate(text: str, min_words: int) -> bool:
    """Too short to matter, or a line that recurs by design (``text`` normalised)."""
    words = text.count(" ") + 1
    if words < 2 * min_words:
        # Count words, not figures and dashes: 'May - 21 ov May bid, 22 offered.' has five.
        words = sum(1 for w in text.split() if not w.isdigit() and any(map(str.isalpha, w)))
    if words < min_words:
        return True
    if words > _BOILERPLATE_WORDS:
        return False
    bare = _EDGE.sub("", text.lower())
    return bare in _boilerplate() or not any(map(str.isalpha, bare))


@cache
def _boilerplate() -> frozenset[str]:
    return frozenset(lexicon.load("boilerplate"))


def _cached(doc: Document, key: str) -> dict[Any, Any]:
    """A per-document memo shared by the repeated-content rules."""
    # Asked for several times per rule and document: look up before creating anything.
    memo: dict[str, dict[Any, Any]] | None = doc.__dict__.get("_repetition")
    if memo is None:
        memo = doc.__dict__["_repetition"] = {}
    entry: dict[Any, Any] | None = memo.get(key)
    if entry is None:
        entry = memo[key] = {}
    return entry


def block_texts(doc: Document) -> list[str]:
    """Every block's text, normalised once per document."""
    memo = _cached(doc, "texts")
    if not memo:
        prose = doc.prose
        fold = normalise if any(q in prose for q in "“”‘’") else _fold_space
        memo[0] = [fold(prose[block.start:block.end]) for block in doc.blocks]
    texts: list[str] = memo[0]
    return texts


def as_written(doc: Document) -> list[bool]:
    """Whether each block's prose is already normalised, so that any span of it is too.

    A span of such a block (a sentence) can be compared as written, without splitting.
    """
    memo = _cached(doc, "as-written")
    if not memo:
        prose = doc.prose
        memo[0] = [prose[block.start:block.end] == text
                   for block, text in zip(doc.blocks, block_texts(doc), strict=True)]
    flags: list[bool] = memo[0]
    return flags


def exact_groups(doc: Document, min_words: int) -> dict[int, int]:
    """Map each later copy's block index to its first copy's block index (cached)."""
    memo = _cached(doc, "exact")
    if min_words not in memo:
        texts = block_texts(doc)
        # Most drafts repeat no block at all: one set in C says so without the filters.
        distinct = len(set(texts)) == len(texts)
        memo[min_words] = {} if distinct else _exact_groups(doc, min_words)
    groups: dict[int, int] = memo[min_words]
    return groups


def _exact_groups(doc: Document, min_words: int) -> dict[int, int]:
    first: dict[tuple[bool, str], int] = {}
    copies: dict[int, int] = {}
    data = doc.analysis.data_blocks
    for index, (block, text) in enumerate(zip(doc.blocks, block_texts(doc), strict=True)):
        heading = block.kind == "heading"
        if is_boilerplate(text, 1 if heading else min_words) or index in data or (
                (not heading or doc.format == "text") and _is_label(text)):
            continue  # table rows and labels recur by design: 'Shr 12 cts vs 9 cts' in two tables
        key = (heading, text)
        if key in first:
            copies[index] = first[key]
        else:
            first[key] = index
    return copies


def similarity(a: str, b: str) -> float:
    """Normalised Indel similarity of two texts, 0 to 1 (rapidfuzz, C++)."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(a, b))


_BULLETS = ("- ", "* ", "• ", "– ")
_KEY_WORDS = 5
# From this similarity up, near-copies share a run of _KEY_WORDS words (measured on the
# labelled pairs); below it, any shared word trigram makes a candidate.
_KEYED_THRESHOLD = 0.8


def _keys(text: str) -> tuple[tuple[str, ...], ...]:
    """Word runs at the start, middle and end: a small edit leaves at least one intact.

    ``text`` is normalised (one space between words), so the words are counted by their
    spaces and only those up to the end of the middle run, and the last few, are split off.
    """
    low = text.lower()
    middle = max(0, (low.count(" ") + 1) // 2 - _KEY_WORDS // 2)
    head = low.split(" ", middle + _KEY_WORDS) if low else []
    tail = low.rsplit(" ", _KEY_WORDS) if low else []
    return (("^", *head[:_KEY_WORDS]), ("|", *head[middle:middle + _KEY_WORDS]),
            ("$", *tail[-_KEY_WORDS:]))


def _trigrams(text: str) -> set[tuple[str, ...]]:
    """Every word trigram: looser thresholds allow edits anywhere, so any shared run counts."""
    words = text.lower().split()
    return {("~", *words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def near_pairs(doc: Document, threshold: float, min_words: int,
               skip: set[int]) -> list[tuple[int, int, float]]:
    """(later, earlier, similarity) for paragraphs nearly equal, exact copies excluded.

    Candidates share a run of words at their start, middle or end (a near-copy with one
    word changed or a clause added keeps at least one), so a draft is indexed in linear
    time instead of comparing every pair; the length ratio bounds the similarity before
    any comparison. All 67 near-duplicate pairs of tests/corpus/near_duplicates.jsonl
    share such a run. Under 0.8, any shared word trigram makes a candidate.
    """
    if len(doc.blocks) < 2:
        return []  # nothing to pair
    texts = block_texts(doc)
    index: dict[tuple[str, ...], list[int]] = {}
    candidates: set[tuple[int, int]] = set()
    blocks = doc.blocks
    data = doc.analysis.data_blocks
    for i, text in enumerate(texts):
        if i in skip or i in data or is_boilerplate(text, min_words) or \
                blocks[i].kind == "list-item" or text.startswith(_BULLETS):
            continue  # items of a list share their pattern by design: results, awards
        keys = _keys(text) if threshold >= _KEYED_THRESHOLD else _trigrams(text)
        for key in keys:
            members = index.setdefault(key, [])
            if members:
                candidates.update((i, j) for j in members[-20:])
            members.append(i)
    close: list[tuple[int, int, float]] = []
    partners: dict[int, int] = {}
    for later, earlier in candidates:
        a, b = texts[later], texts[earlier]
        if a == b:
            continue
        short, long_ = sorted((len(a), len(b)))
        if 2 * short / (short + long_) < threshold:
            continue
        score = similarity(a, b)
        if score >= threshold:
            close.append((later, earlier, score))
            partners[later] = partners.get(later, 0) + 1
            partners[earlier] = partners.get(earlier, 0) + 1
    best: dict[int, tuple[int, float]] = {}
    for later, earlier, score in close:
        if partners[later] > 1 or partners[earlier] > 1:
            continue  # three or more alike: a formulaic series (price quotes), not a copy
        if later not in best or score > best[later][1] or (
                score == best[later][1] and earlier < best[later][0]):
            best[later] = (earlier, score)
    return [(later, earlier, score) for later, (earlier, score) in sorted(best.items())]


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
