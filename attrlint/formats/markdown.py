"""Markdown drafts, parsed with markdown-it-py (CommonMark, tables, front matter, footnotes).

The parser decides the block structure; the visible text of each inline run is then
aligned with the source so that every prose character keeps its exact source offset.
Front matter, code, HTML and link targets are not prose. Links and footnote references
become citations attached to the text they follow. Code is recorded on the document too,
so that a directive quoted in code is not obeyed.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import TYPE_CHECKING

from attrlint.document import BlockKind, Document, ProseBuilder, line_starts

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


# Stands in the prose for inline code or an image between words: U+2063 INVISIBLE SEPARATOR.
GAP = "\u2063"
# A backslash escape or a character reference: the parser shows one character for several.
_ESCAPE = re.compile(
    r"\\[!-/:-@\[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _source_unit(source: str, i: int, end: int) -> tuple[str, int]:
    """The visible text at ``source[i]`` and how many source characters make it."""
    match = _ESCAPE.match(source, i, end)
    if match is not None:
        written = match.group()
        if written[0] == "\\":
            return written[1], 2
        decoded = html.unescape(written)
        if decoded != written:
            return decoded, len(written)
    if source[i] == "\0":
        return "\ufffd", 1
    return source[i], 1


def _skip_space(source: str, i: int, end: int) -> int:
    while i < end and source[i] in " \t\r\n":
        i += 1
    return i


def _inline_link_tail(source: str, i: int, end: int) -> int | None:
    """The end of ``destination "title")`` read as the parser reads it, or ``None``.

    Counting brackets is not enough: a title may hold an unmatched one.
    """
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    i = _skip_space(source, i, end)
    destination = parseLinkDestination(source, i, end)
    if destination.ok:
        i = _skip_space(source, destination.pos, end)
        title = parseLinkTitle(source, i, end)
        if title.ok:
            i = _skip_space(source, title.pos, end)
    return i + 1 if source[i:i + 1] == ")" else None


class _Aligner:
    """Walks one inline token's children and adds their visible text to the builder."""

    def __init__(self, builder: ProseBuilder, source: str, start: int, end: int) -> None:
        self.builder = builder
        self.source = source
        self.start = start
        self.cursor = start
        self.end = end
        self.block_start = builder.length
        self.gap: tuple[int, int] | None = None

    def leave_gap(self, source_start: int) -> None:
        """Source ``[source_start, cursor)`` showed text that is not prose (code, an image)."""
        self.gap = (source_start, self.cursor)

    def text(self, content: str) -> None:
        source, builder = self.source, self.builder
        gap, self.gap = self.gap, None
        if gap is not None and builder.length > self.block_start and content:
            # Code or an image stands between the words either side: '0`code`12%' is not the
            # figure 012%, and 'some`x` 4,200' is not 'some 4,200'. An invisible separator in
            # its place keeps them apart: it is neither a word character nor a space, so no
            # phrase or figure runs across it.
            builder.add(GAP, *gap)
        found = source.find(content, self.cursor, self.end)
        if found >= 0:
            builder.add(content, found)
            self.cursor = found + len(content)
            return
        # Escapes and entities: the visible text differs from the source. Decode the source
        # as the parser did, one unit at a time, stepping over markup the text leaves out.
        i, k, end = self.cursor, 0, self.end
        while k < len(content) and i < end:
            unit, width = _source_unit(source, i, end)
            if content.startswith(unit, k):
                builder.add(unit, i, i + width)
                k += len(unit)
                i += width
            elif content[k] == source[i]:
                builder.add(content[k], i)
                k += 1
                i += 1
            else:
                i += 1
        if k < len(content):
            # Not in the source as written (the parser normalised it): map it to the region.
            builder.add(content[k:], self.cursor if self.cursor < end else self.start, end)
        self.cursor = i

    def skip_past(self, needle: str) -> None:
        found = self.source.find(needle, self.cursor, self.end)
        if found >= 0:
            self.cursor = found + len(needle)

    def skip_html(self, content: str) -> None:
        """Move the cursor past inline HTML, though the parser unified its line endings."""
        lines = content.split("\n")
        if len(lines) == 1:
            self.skip_past(content)
            return
        written = re.compile("(?:\r\n|\r|\n)".join(map(re.escape, lines)))
        found = written.search(self.source, self.cursor, self.end)
        if found is not None:
            self.cursor = found.end()

    def skip_code(self, fence: str) -> None:
        """Move the cursor past a code span, to the backtick run that closes it.

        The span's content is no guide: the parser turns its line endings into spaces.
        """
        opening = self.source.find(fence, self.cursor, self.end)
        if opening < 0:
            return
        closing = re.compile(rf"(?<!`){fence}(?!`)").search(
            self.source, opening + len(fence), self.end)
        self.cursor = closing.end() if closing is not None else opening + len(fence)
        self.builder.add_code(opening, self.cursor)

    def line_break(self) -> None:
        self.gap = None
        source = self.source
        i = self.cursor
        while i < self.end and source[i] not in "\r\n":
            i += 1
        self.builder.add(" ", i, min(i + 1, self.end))
        self.cursor = i + 1

    def close_link(self) -> None:
        """Move the cursor past a link's ``](target)``, ``][ref]`` or ``]``."""
        source = self.source
        i = source.find("]", self.cursor, self.end)
        if i < 0:
            return
        i += 1
        if source[i:i + 1] == "(":
            tail = _inline_link_tail(source, i + 1, self.end)
            if tail is not None:
                self.cursor = tail
                return
            depth = 0
            while i < self.end:
                if source[i] == "(":
                    depth += 1
                elif source[i] == ")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
        elif source[i:i + 1] == "[":
            close = source.find("]", i, self.end)
            i = close + 1 if close >= 0 else i
        self.cursor = i

    def skip_image(self) -> None:
        """Move the cursor past an image: its alt text may hold brackets of its own."""
        source = self.source
        i = source.find("![", self.cursor, self.end)
        if i < 0:
            return
        depth = 0
        i += 1
        while i < self.end:
            if source[i] == "\\":
                i += 1
            elif source[i] == "[":
                depth += 1
            elif source[i] == "]":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        self.cursor = i
        self.close_link()

    def walk(self, children: list[Token]) -> None:
        builder = self.builder
        link_starts: list[tuple[int, str, bool]] = []
        for child in children:
            kind = child.type
            if kind == "text":
                if link_starts and link_starts[-1][2]:
                    continue  # an autolink's text is its URL: not prose
                self.text(child.content)
            elif kind in ("softbreak", "hardbreak"):
                self.line_break()
            elif kind == "code_inline":
                start = self.cursor
                self.skip_code(child.markup)
                self.leave_gap(start)
            elif kind == "html_inline":
                self.skip_html(child.content)
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                autolink = child.markup == "autolink"
                link_starts.append((builder.length, href, autolink))
                if not autolink:
                    self.skip_past("[")
            elif kind == "link_close" and link_starts:
                start, href, autolink = link_starts.pop()
                at = start if builder.length > start else max(start - 1, 0)
                builder.add_citation(at, max(builder.length, at + 1), "link", href)
                if autolink:
                    start = self.cursor
                    self.skip_past(">")
                    self.leave_gap(start)
                else:
                    self.close_link()
            elif kind == "footnote_ref":
                at = max(builder.length - 1, 0)
                label = str(child.meta.get("label", "")) if child.meta else ""
                builder.add_citation(at, at + 1, "footnote", label)
                self.skip_past("]")
            elif kind == "image":
                start = self.cursor
                self.skip_image()
                self.leave_gap(start)


_CONTAINER_KINDS: dict[str, BlockKind] = {
    "blockquote_open": "blockquote",
    "list_item_open": "list-item",
}


_TOML_FRONT_MATTER = re.compile(
    r"\A\+\+\+[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)\+\+\+[ \t]*(?=\r|\n|\Z)", re.DOTALL)


def _without_toml_front_matter(source: str) -> str:
    """The source with a leading TOML front-matter block (+++ ... +++) blanked out.

    markdown-it's plugin knows only YAML (---) front matter. Blanking keeps every offset and
    line, so what is parsed still lines up with the source.
    """
    match = _TOML_FRONT_MATTER.match(source)
    if match is None:
        return source
    blank = "".join(c if c in "\r\n" else " " for c in match.group())
    return blank + source[match.end():]


def read_markdown(path: str, source: str, notices: tuple[str, ...] = ()) -> Document:
    """Read a Markdown draft."""
    tokens = _parser().parse(_without_toml_front_matter(source))
    starts = line_starts(source)
    n_lines = len(starts)

    def offset(line: int) -> int:
        return starts[line] if line < n_lines else len(source)

    builder = ProseBuilder()
    containers: list[BlockKind] = []
    kind: BlockKind = "paragraph"
    block_map: list[int] | None = None
    in_footnote = 0
    row = (-1, 0)
    for token in tokens:
        ttype = token.type
        if ttype in _CONTAINER_KINDS:
            containers.append(_CONTAINER_KINDS[ttype])
        elif ttype in ("blockquote_close", "list_item_close") and containers:
            containers.pop()
        elif ttype == "footnote_open":
            in_footnote += 1
        elif ttype == "footnote_close":
            in_footnote -= 1
        elif ttype == "heading_open":
            kind, block_map = "heading", token.map
        elif ttype == "paragraph_open":
            kind = containers[-1] if containers else "paragraph"
            block_map = token.map
        elif ttype in ("th_open", "td_open"):
            kind, block_map = "table-cell", None
        elif ttype in ("fence", "code_block") and token.map:
            builder.add_code(offset(token.map[0]), offset(token.map[1]))
        elif ttype == "inline" and token.map and not in_footnote:
            line0, line1 = token.map
            region_start, region_end = offset(line0), offset(line1)
            # The cells of a table row share the row's line: each starts where the last ended.
            start = row[1] if kind == "table-cell" and row[0] == region_start else region_start
            aligner = _Aligner(builder, source, start, region_end)
            aligner.walk(token.children or [])
            row = (region_start, aligner.cursor)
            own = None
            if kind in ("paragraph", "heading") and not containers and block_map:
                own = (offset(block_map[0]), offset(block_map[1]))
            end = region_end
            while end > region_start and source[end - 1] in "\r\n":
                end -= 1
            builder.end_block(kind, end, own)
    return builder.build(path, source, "markdown", notices)
