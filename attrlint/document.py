"""A draft as the rules see it: the original source, its prose, and a map between the two.

Readers (``attrlint.formats``) turn a file into a :class:`Document`. The prose is the
visible text of every prose block, blocks separated by a blank line, with markup such as
link targets, emphasis markers and code removed. Every prose character maps back to an
exact offset in ``source``, so a finding computed on the prose reports the line and
column of the original file, whatever the markup or line endings.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from attrlint.memo import cached_property

if TYPE_CHECKING:
    from attrlint.analysis import Analysis

BlockKind = Literal["paragraph", "heading", "list-item", "blockquote", "table-cell", "footnote"]

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    """One prose unit: a paragraph, heading, list item, block quote line or table cell.

    ``start``/``end`` are prose offsets; ``source_start``/``source_end`` bound the block's
    text in the source (markup included), and ``line_start``/``line_end`` the source span of
    whole lines that hold nothing but this block, or ``None`` when the block shares a line.
    """

    kind: BlockKind
    start: int
    end: int
    source_start: int
    source_end: int
    own_lines: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """A link, footnote reference or bare URL, in prose offsets (the text it is attached to)."""

    start: int
    end: int
    kind: Literal["link", "footnote", "url"]
    target: str


@dataclass(frozen=True, slots=True)
class Segment:
    """Prose ``[start, end)`` came from source ``[source_start, source_end)``.

    Equal lengths map character by character; otherwise (an entity, an escape) every
    character maps to the whole source range.
    """

    start: int
    end: int
    source_start: int
    source_end: int


@dataclass(slots=True)
class ProseBuilder:
    """Accumulates prose pieces with their source ranges; used by every reader."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    segments: list[Segment] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    non_prose: list[tuple[int, int]] = field(default_factory=list)
    _block_start: int = 0
    _block_source_start: int = -1

    def add(self, text: str, source_start: int, source_end: int | None = None) -> None:
        """Append prose ``text`` that came from ``source[source_start:source_end]``."""
        if not text:
            return
        end = source_start + len(text) if source_end is None else source_end
        if self._block_source_start < 0:
            self._block_source_start = source_start
        self.segments.append(Segment(self.length, self.length + len(text), source_start, end))
        self.parts.append(text)
        self.length += len(text)

    def add_citation(self, start: int, end: int, kind: Literal["link", "footnote", "url"],
                     target: str) -> None:
        """Record a citation over prose ``[start, end)``."""
        self.citations.append(Citation(start, end, kind, target))

    def add_code(self, source_start: int, source_end: int) -> None:
        """Record source ``[source_start, source_end)`` as code: quoted, never prose."""
        self.non_prose.append((source_start, source_end))

    def end_block(self, kind: BlockKind, source_end: int,
                  own_lines: tuple[int, int] | None = None) -> None:
        """Close the current block; empty blocks are dropped."""
        if self.length > self._block_start:
            self.blocks.append(Block(kind, self._block_start, self.length,
                                     self._block_source_start, source_end, own_lines))
            self.parts.append(BLOCK_SEPARATOR)
            self.length += len(BLOCK_SEPARATOR)
        self._block_start = self.length
        self._block_source_start = -1

    def build(self, path: str, source: str, fmt: str, notices: tuple[str, ...] = ()) -> Document:
        """Return the finished document."""
        return Document(path, source, "".join(self.parts), tuple(self.blocks),
                        tuple(self.segments), tuple(self.citations), fmt, notices,
                        tuple(self.non_prose))


def line_starts(source: str) -> list[int]:
    r"""Offsets where each line begins; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    starts = [0]
    if "\r" not in source:
        # Most drafts end lines with \n alone: one search a line.
        at = source.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = source.find("\n", at + 1)
        return starts
    i = 0
    n = len(source)
    find_n = source.find
    while True:
        j = find_n("\n", i)
        k = find_n("\r", i, j if j >= 0 else n)
        if k >= 0:
            nxt = k + 2 if k + 1 < n and source[k + 1] == "\n" else k + 1
        elif j >= 0:
            nxt = j + 1
        else:
            break
        if nxt > n:
            break
        starts.append(nxt)
        i = nxt
    return starts


class Document:
    """A parsed draft. Analysis (sentences, quotes, attribution, figures) is computed once."""

    __slots__ = ("__dict__", "blocks", "citations", "format", "non_prose", "notices", "path",
                 "prose", "segments", "source")

    def __init__(self, path: str, source: str, prose: str, blocks: tuple[Block, ...],
                 segments: tuple[Segment, ...], citations: tuple[Citation, ...], fmt: str,
                 notices: tuple[str, ...] = (),
                 non_prose: tuple[tuple[int, int], ...] = ()) -> None:
        self.path = path
        self.source = source
        self.prose = prose
        self.blocks = blocks
        self.segments = segments
        self.citations = citations
        self.format = fmt
        self.notices = notices
        # Source ranges of code (blocks and spans): an example there is not a directive.
        self.non_prose = non_prose

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.start for s in self.segments]

    @cached_property
    def line_starts(self) -> list[int]:
        """Source offsets at which lines begin."""
        return line_starts(self.source)

    @cached_property
    def analysis(self) -> Analysis:
        """Sentences, quotations, attribution frames and figures, shared by every rule."""
        from attrlint.analysis import Analysis

        return Analysis(self)

    def release_analysis(self) -> None:
        """Drop the cached analysis once the rules are done with the draft.

        The analysis and its attribution refer back to the document, so a linted draft left
        as it is can only be freed by the cycle collector: drafts pile up between its passes
        and each pass walks them. Released, a draft is freed as soon as its last reference
        goes, and the next one reuses its memory (a tenth of the time of linting many
        drafts in one process). Reading ``analysis`` again builds a new, unconfigured one.
        """
        analysis: Analysis | None = self.__dict__.pop("analysis", None)
        if analysis is not None:
            analysis.release_attribution()

    def source_offset(self, prose_offset: int, *, end: bool = False) -> int:
        """Map a prose offset to a source offset (``end`` for an exclusive end)."""
        if end:
            prose_offset -= 1
        i = bisect.bisect_right(self._segment_starts, prose_offset) - 1
        if i < 0:
            return 0
        seg = self.segments[i]
        if prose_offset >= seg.end:
            # In a block separator: clamp to the end of the previous segment.
            return seg.source_end
        if seg.end - seg.start == seg.source_end - seg.source_start:
            pos = seg.source_start + prose_offset - seg.start
            return pos + 1 if end else pos
        return seg.source_end if end else seg.source_start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map prose ``[start, end)`` to source ``[start, end)``."""
        return self.source_offset(start), self.source_offset(end, end=True)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, source_offset) - 1
        return line + 1, source_offset - starts[line] + 1

    def block_text(self, block: Block) -> str:
        """The prose of one block."""
        return self.prose[block.start:block.end]
