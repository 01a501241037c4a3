"""Per-document analysis shared by every rule: sentences, quotations, attribution, figures.

Each part is computed on first use and cached on the document, so a run of the
repeated-content rules alone never pays for attribution, and a run of every rule pays
for each part once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from typing import TYPE_CHECKING

import regex

from attrlint import lexicon
from attrlint.memo import cached_property

if TYPE_CHECKING:
    from attrlint.attribution import Attribution
    from attrlint.config import AttributionOptions
    from attrlint.document import Document
    from attrlint.numbers import Figure


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence in prose offsets, and the index of its block."""

    start: int
    end: int
    block: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation in prose offsets (marks included)."""

    start: int
    end: int
    block: int
    continues: bool = False  # reopened mid-paragraph: the same speaker's next sentences


# A candidate end of sentence: terminal punctuation, closing marks, then space. The next
# character decides (not lower case, not punctuation that continues the sentence). Group 1
# ends where the sentence does, before the space.
_BOUNDARY = re.compile(r"""([.!?…]["'”’)\]]*)\s+""")
_CONTINUES = frozenset(",;:.)]")
# Quotation marks, found with the plain engine; a single curly mark counts only where it
# is not an apostrophe or an elision: '‘' not after a word character, '’' not before one
# (checked with the ``regex`` engine's \w, as the one expression with lookarounds did).
_QUOTE_CHAR = re.compile("[\"“”‘’]")
_STRAIGHT_QUOTE = re.compile('"')  # a literal: searched far faster than a class
_WORD_CHAR = regex.compile(r"\w")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon.load("abbreviations"))


@cache
def _plain_word_window() -> int:
    """Letters before a full stop that rule out an abbreviation, one more than the longest.

    A word of that many letters is in no list, is no initial, and has no dotted part of
    one or two letters, so most full stops skip the token work of :func:`_is_abbreviation`.
    """
    return max(map(len, _abbreviations()), default=0) + 1


def _is_abbreviation(prose: str, stop: int, floor: int) -> bool:
    """Whether the word ending at the full stop ``stop`` is an abbreviation or an initial."""
    space = max(prose.rfind(" ", max(floor, stop - 30), stop), prose.rfind("\n", floor, stop),
                floor - 1)
    token = prose[space + 1:stop].lstrip("\"'“‘([").rstrip(".").lower()
    if token in _abbreviations() or (len(token) == 1 and token.isalpha()):
        return True
    # Initials run together: 'N.Z.', 'U.A.E.', 'e.g.'.
    return "." in token and all(len(part) <= 2 and part.isalpha() for part in token.split("."))


def _reopens(prose: str, pos: int, end: int) -> bool:
    """Whether a straight mark inside a quotation opens a new quoted sentence instead."""
    return pos >= 2 and prose[pos - 1] == " " and prose[pos - 2] in ".?!" and \
        pos + 1 < end and prose[pos + 1].isupper()


def out_has(quotes: list[Quote], block: int) -> bool:
    """Whether a block already holds a quotation."""
    return bool(quotes) and quotes[-1].block == block


def is_data_line(text: str) -> bool:
    """A results-table row or data line ('Revs 4.2 mln vs 3.9 mln'), not a sentence."""
    stripped = text.rstrip()
    if stripped.startswith(_NOTE_OR_SOURCE):
        return True  # a note or source line under a table
    if "--" in stripped and _VALUE_AFTER_DASHES.search(stripped):
        return True  # a table row: 'Average spot price -- 9.98'
    if "(" in stripped and len(_PRIOR_IN_BRACKETS.findall(stripped)) >= 2:
        return True  # figures with last period's in brackets: 'pellets 163 (164), meal 153 (152)'
    if stripped[:1].isdigit() and stripped.count(" ") < 8 and \
            not stripped.endswith((".", "!", "?", '"', "”", ":")):
        return True  # a row of a ranked list: '14 Marta Oliveira (Portugal)'
    if "(" in stripped and len(_SUBSTITUTION.findall(stripped)) >= (
            1 if stripped.count(",") >= 6 else 2):
        return True  # a team line-up: 'Carver, Penhale (Dunstan 62), Treloar (Vance 81)'
    if " - " in stripped and _LABELLED_VALUES.match(stripped):
        return True  # figures under a label: 'Harbour Quay - Wheat 12,400, maize 3,100.'
    if "vs" in stripped and len(_NUMBER_VS_NUMBER.findall(stripped)) >= 2:
        return True  # a wrapped listing: 'Stocks March 31 at 412, vs 398 last month. Exports ...'
    count = stripped.count(" ") + 1  # words, near enough, without splitting long text
    if count <= 25:
        words = stripped.split()
        if "vs" in words or "vs." in words:
            return True  # 'Shr profit four vs loss seven cts'
        if len(words) <= 8 and _FIGURE_PAIR.search(stripped):
            return True  # 'Surplus on commission 208.8 mln marks 188.1 mln'
        # Number words are letters only; the other figures are the words with a digit. Plain
        # words are sorted out in C, so only the few with punctuation or digits take a loop.
        numeric = sum(map(_NUMBER_WORDS.__contains__, map(str.lower, words)))
        count = len(words)
        for word in filterfalse(str.isalpha, words):
            if any(map(str.isdigit, word)):
                numeric += 1
            elif not any(map(str.isalnum, word)):
                count -= 1  # not a word: '---'
        count = max(count, 1)
        if numeric >= 2 and stripped.startswith(("- ", "* ", "• ")):
            return True  # an item of a data list: '- On station ... 135 pct bid/140 offered'
    elif stripped.endswith(_SENTENCE_END) and stripped.isascii() and 5 * (len(stripped) - len(
            stripped.encode("ascii").translate(None, b"0123456789"))) < 2 * count:
        # Prose: too few digits for two words in five to be figures, and it ends like a
        # sentence. Counting ASCII digits in bytes is much cheaper than finding the numbers.
        return False
    else:
        numeric = len(_NUMBER.findall(stripped))
        if "  " in stripped:  # columns aligned with runs of spaces: count words, not spaces
            count = max(1, sum(1 for word in stripped.split() if word.strip("-")))
    if numeric * 5 >= count * 2:
        return True  # figures make up two words in five: a list of data, not prose
    if stripped.endswith(_SENTENCE_END):
        return False
    return numeric * 4 >= count if count <= 16 else numeric * 3 >= count


_NOTE_OPENINGS = ("NOTE", "Note:", "Notes:", "Note -", "Note --")
_NOTE_OR_SOURCE = (*_NOTE_OPENINGS, "Source:", "SOURCE:")
_SENTENCE_END = (".", "!", "?", '"', "”", ":")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A label, a dash, then only figures, each perhaps named: 'Eastport - 4, 1, 1'.
_LABELLED_VALUES = regex.compile(
    r"\p{Lu}[\p{L}.' ]{0,30}\s[-–]{1,2}\s+(?:[\p{L}-]+\s+)?\d[\d,.]*(?:\s+\p{L}+)?"
    r"(?:(?:,\s*|\s+and\s+)(?:[\p{L}-]+\s+)?\d[\d,.]*(?:\s+\p{L}+)?)*\.?$")
# Two figures side by side, perhaps with units between: a results row that lost its 'vs'
# ('Surplus on commission 208.8 mln marks 188.1 mln').
_FIGURE_PAIR = re.compile(r"\d[\d.,]*(?:\s+(?:mln|bln|billion|million|pct|dlrs|marks|francs"
                          r"|yen|stg|lire|guilders|crowns|pence|cts))*\s+\d")
_VALUE_AFTER_DASHES = re.compile(r"\s--+\s*[-+]?\d[\d.,]*\s*$")
_SUBSTITUTION = re.compile(r"\([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* \d{1,3}\)")
_NUMBER_VS_NUMBER = re.compile(r"\d,?\s+vs\.?\s+[-+]?\d")
_PRIOR_IN_BRACKETS = re.compile(r"\d\s+\([-+]?\d[\d.,]*\)")
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "eleven", "twelve"})


class Analysis:
    """Sentences, quotations, attribution and figures of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.options: AttributionOptions | None = None

    def configure(self, options: AttributionOptions) -> None:
        """Set the lexicon changes the attribution analysis uses (before first use)."""
        if "attribution" not in self.__dict__:
            self.options = options

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of every block, in order (one scan of the whole prose)."""
        prose = self.doc.prose
        blocks = self.doc.blocks
        out: list[Sentence] = []
        if not blocks:
            return ()

        def close_block(start: int, end: int, block: int) -> None:
            while end > start and prose[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Sentence(start, end, block))

        window = _plain_word_window()
        index = 0
        current = blocks[0].start
        block_end = blocks[0].end
        count = len(blocks)
        size = len(prose)
        for match in _BOUNDARY.finditer(prose):
            after = match.end()
            if after >= size or prose[after].islower() or prose[after] in _CONTINUES:
                continue
            at = match.start() + 1
            if at >= block_end:
                while index < count and at >= blocks[index].end:
                    close_block(current, blocks[index].end, index)
                    index += 1
                    if index < count:
                        current = blocks[index].start
                if index >= count:
                    break
                block_end = blocks[index].end
            if after > block_end or at < current:
                continue  # the end of the block closes the sentence
            stop = at - 1
            while stop > current and prose[stop] in "\"'”’)]":
                stop -= 1
            if prose[stop] == "." and not (stop - window >= current and prose[
                    stop - window:stop].isalpha()) and _is_abbreviation(prose, stop, current):
                continue
            # Group 1 stops before the space, so the sentence needs no trimming.
            out.append(Sentence(current, match.end(1), index))
            current = after
        while index < count:
            close_block(current, blocks[index].end, index)
            index += 1
            if index < count:
                current = blocks[index].start
        return tuple(out)

    @cached_property
    def data_blocks(self) -> frozenset[int]:
        """Blocks that are table rows, data lines or the notes under a table: not sentences.

        Notes run from a block opening with 'NOTE' or 'Note:' to the end of the story.
        """
        prose = self.doc.prose
        out: set[int] = set()
        for i, block in enumerate(self.doc.blocks):
            if prose.startswith(_NOTE_OPENINGS, block.start):
                out.update(range(i, len(self.doc.blocks)))
                break
            if is_data_line(prose[block.start:block.end]):
                out.add(i)
        return frozenset(out)

    @cached_property
    def padded(self) -> str:
        """The lower-cased prose with a space in front, for word-start scans.

        A match found from the space before a word starts, in the prose, where the word does.
        """
        return " " + self.lower

    @cached_property
    def lower(self) -> str:
        """The prose in lower case, offset for offset, for case-blind scanning."""
        prose = self.doc.prose
        low = prose.lower()
        if len(low) == len(prose):
            return low
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in prose)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding a prose offset (the nearest one before it)."""
        after = bisect_right(self._sentence_starts, offset)  # called per figure and cue
        return after - 1 if after else 0

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        """Direct quotations; one left open at the end of a block closes there."""
        prose = self.doc.prose
        out: list[Quote] = []
        # Most drafts use straight marks only (a text without wide characters cannot hold a
        # curly one, so the test costs nothing there).
        marks = _QUOTE_CHAR if any(q in prose for q in "“”‘’") else _STRAIGHT_QUOTE
        for index, block in enumerate(self.doc.blocks):
            opened = -1
            curly = False
            continued = False
            for match in marks.finditer(prose, block.start, block.end):
                mark = match.group()
                pos = match.start()
                if mark == "‘" and pos and _WORD_CHAR.match(prose, pos - 1):
                    continue
                if mark == "’" and pos + 1 < block.end and _WORD_CHAR.match(prose, pos + 1):
                    continue
                if opened < 0:
                    if mark in "”’":
                        continue
                    opened, curly, continued = pos, mark in "“‘", False
                elif mark == '"' and not curly and _reopens(prose, pos, block.end):
                    # 'this. "I think ...': a new sentence reopens the quotation without closing
                    # it, as when quoted paragraphs run together.
                    out.append(Quote(opened, pos - 1, index, continued))  # before the space
                    opened, continued = pos, True
                elif (mark in "”’") or (mark == '"' and not curly):
                    out.append(Quote(opened, pos + 1, index, continued))
                    opened = -1
                elif curly and mark in "“‘":
                    opened = pos
            if opened >= 0 and block.end - opened > 1:
                out.append(Quote(opened, block.end, index, continued))
            elif opened >= 0 and opened >= block.end - 1 and not out_has(out, index):
                # A lone mark closing the block ends a quotation that began in an earlier
                # paragraph: the whole block is quoted.
                out.append(Quote(block.start, block.end, index))
        return tuple(out)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation that holds a prose offset, if any."""
        i = bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    @cached_property
    def attribution(self) -> Attribution:
        """Attribution frames of every sentence and the speakers of quotations."""
        from attrlint.attribution import Attribution

        return Attribution(self)

    def release_attribution(self) -> None:
        """Drop the cached attribution: it refers back to this analysis.

        See :meth:`Document.release_analysis`.
        """
        self.__dict__.pop("attribution", None)

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure that is a claim (years, dates, ages, identifiers left out)."""
        from attrlint.numbers import find_figures

        return find_figures(self)
