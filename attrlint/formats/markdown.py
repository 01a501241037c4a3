"""Markdown drafts, parsed with markdown-it-py (CommonMark, tables, front matter, footnotes).

The parser decides the block structure; the visible text of each inline run is then
aligned with the source so that every prose character keeps its exact source offset.
Front matter, code, HTML and link targets are not prose. Links and footnote references
become citations attached to the text they follow.
"""

from __future__ import annotations

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


class _Aligner:
    """Walks one inline token's children and adds their visible text to the builder."""

    def __init__(self, builder: ProseBuilder, source: str, start: int, end: int) -> None:
        self.builder = builder
        self.source = source
        self.cursor = start
        self.end = end

    def text(self, content: str) -> None:
        source, builder = self.source, self.builder
        found = source.find(content, self.cursor, self.end)
        if found >= 0:
            builder.add(content, found)
            self.cursor = found + len(content)
            return
        # Escapes and entities: the visible text differs from the source; align by character.
        for char in content:
            found = source.find(char, self.cursor, self.end)
            if found < 0:
                builder.add(char, self.cursor, self.cursor)
                continue
            nxt = found + 1
            if found > self.cursor and source[found - 1] == "\\":
                builder.add(char, found - 1, nxt)
            else:
                builder.add(char, found, nxt)
            self.cursor = nxt
            if source[self.cursor:self.cursor + 1] == ";" and char != ";":
                # The tail of an entity such as &amp; belongs to the character before it.
                self.cursor += 1

    def skip_past(self, needle: str) -> None:
        found = self.source.find(needle, self.cursor, self.end)
        if found >= 0:
            self.cursor = found + len(needle)

    def line_break(self) -> None:
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
                self.skip_past(child.markup)
                self.skip_past(child.content)
                self.skip_past(child.markup)
            elif kind == "html_inline":
                self.skip_past(child.content)
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
                    self.skip_past(">")
                else:
                    self.close_link()
            elif kind == "footnote_ref":
                at = max(builder.length - 1, 0)
                label = str(child.meta.get("label", "")) if child.meta else ""
                builder.add_citation(at, at + 1, "footnote", label)
                self.skip_past("]")
            elif kind == "image":
                self.close_link()


_CONTAINER_KINDS: dict[str, BlockKind] = {
    "blockquote_open": "blockquote",
    "list_item_open": "list-item",
}


def read_markdown(path: str, source: str, notices: tuple[str, ...] = ()) -> Document:
    """Read a Markdown draft."""
    tokens = _parser().parse(source)
    starts = line_starts(source)
    n_lines = len(starts)

    def offset(line: int) -> int:
        return starts[line] if line < n_lines else len(source)

    builder = ProseBuilder()
    containers: list[BlockKind] = []
    kind: BlockKind = "paragraph"
    block_map: list[int] | None = None
    in_footnote = 0
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
        elif ttype == "inline" and token.map and not in_footnote:
            line0, line1 = token.map
            region_start, region_end = offset(line0), offset(line1)
            _Aligner(builder, source, region_start, region_end).walk(token.children or [])
            own = None
            if kind in ("paragraph", "heading") and not containers and block_map:
                own = (offset(block_map[0]), offset(block_map[1]))
            end = region_end
            while end > region_start and source[end - 1] in "\r\n":
                end -= 1
            builder.end_block(kind, end, own)
    return builder.build(path, source, "markdown", notices)
