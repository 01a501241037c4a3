"""HTML drafts and saved article pages: the visible article text, aligned with the source.

A small tokenizer (tags, comments, raw-text elements, character references) feeds a
simplified version of the browser's tree builder: it knows which elements close a
paragraph implicitly, which hold no article text (scripts, navigation, page headers and
footers, forms, hidden elements, footnote sections) and which start a new block. A form
around an ``<article>`` or ``<main>`` is a page wrapper, not a form, and is shown. A
block that is nothing but a link is a menu entry or a teaser and is left out.

Whitespace collapses as a browser collapses it, and every prose character keeps the
offset of the source text it came from: a character reference maps to the whole
reference, a collapsed run of whitespace to its first character. Malformed markup is
read the way browsers recover from it, never rejected. A paragraph alone on its lines
records them, so ``--fix`` can delete a repeated one.

Links become citations over their text; ``<cite>`` and footnote references such as
``<sup><a href="#fn1">1</a></sup>`` become footnote citations, and the reference label
is not prose. ``<q>`` gets quotation marks that map to the inner edges of its tags, and
the ``cite`` attribute of ``<q>`` and ``<blockquote>`` is a link citation.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import unescape
from html.entities import html5
from typing import Literal

from attrlint.document import BlockKind, Document, ProseBuilder, line_starts

CitationKind = Literal["link", "footnote", "url"]

# Elements whose content is never article text. Code is not prose, as in Markdown; a
# <pre> without <code> inside is prose (wire copy is often published that way).
_HIDDEN = frozenset({
    "applet", "aside", "audio", "button", "canvas", "code", "datalist", "dialog", "footer",
    "form", "head", "header", "iframe", "kbd", "map", "math", "nav", "noscript", "object",
    "samp", "script", "select", "style", "svg", "template", "textarea", "title", "video",
})
# ARIA landmark roles equivalent to the hidden elements above.
_HIDDEN_ROLES = frozenset({
    "alertdialog", "banner", "complementary", "contentinfo", "dialog", "menu", "menubar",
    "navigation", "search", "toolbar",
    # Footnote and endnote sections list sources; like Markdown footnotes, they are not prose.
    "doc-endnotes", "doc-footnote",
})
# Content is raw text up to the matching end tag; none of it is prose.
_RAW_TEXT = frozenset({"iframe", "noembed", "noframes", "noscript", "script", "style",
                       "textarea", "title", "xmp"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                   "link", "meta", "param", "source", "track", "wbr"})
# Everything else is inline, as unknown elements are in a browser.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol",
    "optgroup", "option", "p", "plaintext", "pre", "search", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav",
    "ol", "p", "plaintext", "pre", "search", "section", "summary", "table", "ul",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEAD_CONTENT = frozenset({"base", "link", "meta", "noscript", "script", "style", "template",
                           "title"})
# Elements that stop the search for an open element (the HTML "scope" of an end tag).
_SCOPE = frozenset({"applet", "caption", "html", "marquee", "object", "table", "td",
                    "template", "th"})
_KIND: dict[str, BlockKind] = {
    **dict.fromkeys(_HEADINGS, "heading"),
    "li": "list-item", "dt": "list-item", "dd": "list-item",
    "td": "table-cell", "th": "table-cell",
    "blockquote": "blockquote",
}
# Elements that, alone on their lines, --fix may delete whole.
_OWNABLE = frozenset({"blockquote", "dd", "div", "dt", "li", "p", *_HEADINGS})
_TABLE = frozenset({"table"})
_TABLE_PARTS = frozenset({"table", "tbody", "td", "tfoot", "th", "thead", "tr"})
# What a start tag closes when it is open, and where the search for it stops.
_IMPLIED_CLOSES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "li": (("li",), _SCOPE | {"menu", "ol", "ul"}),
    "dt": (("dd", "dt"), _SCOPE | {"dl"}),
    "dd": (("dd", "dt"), _SCOPE | {"dl"}),
    "td": (("td", "th"), _TABLE),
    "th": (("td", "th"), _TABLE),
    "tr": (("td", "th", "tr"), _TABLE),
    **dict.fromkeys(("tbody", "thead", "tfoot"),
                    (("td", "th", "tr", "tbody", "thead", "tfoot"), _TABLE)),
    "a": (("a",), _SCOPE),
}
_OPEN_QUOTES = ("“", "‘")
_CLOSE_QUOTES = ("”", "’")

_MARKUP = re.compile(r"<(?:(?P<start>[A-Za-z][^\t\n\f\r />]*)|/(?P<end>[A-Za-z][^\t\n\f\r />]*)"
                     r"|(?P<comment>!--)|[!?/])")
_ATTRIBUTE = re.compile(r"""([^\t\n\f\r />=][^\t\n\f\r />=]*)
                            (?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'|[^\t\n\f\r >]*))?""",
                        re.VERBOSE)
_TEXT = re.compile(r"(?P<space>[\t\n\f\r ]+)"
                   r"|&(?P<ref>\#[0-9]+;?|\#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)"
                   r"|(?P<word>[^\t\n\f\r &]+|&)")
_FOOTNOTE_LABEL = re.compile(r"\[?(?:[0-9]{1,3}|[a-z]|[*†‡§])\]?")
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LONGEST_ENTITY = max(len(name) for name in html5)


def _tag_end(source: str, i: int) -> int:
    """Offset just past the ``>`` that ends a tag whose name ends at ``i`` (quotes respected)."""
    n = len(source)
    while True:
        close = source.find(">", i)
        equals = source.find("=", i, close if close >= 0 else n)
        if equals < 0:
            return close + 1 if close >= 0 else n
        j = equals + 1
        while j < n and source[j] in "\t\n\f\r ":
            j += 1
        if j < n and source[j] in "\"'":
            quote_end = source.find(source[j], j + 1)
            if quote_end < 0:
                return n
            i = quote_end + 1
        else:
            i = j


def _attributes(text: str) -> dict[str, str]:
    """Attribute names (lower-cased) and values (references decoded); the first one wins."""
    attrs: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        if name in attrs:
            continue
        value = match.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[name] = unescape(value) if "&" in value else value
    return attrs


def _reference(ref: str) -> tuple[str, int] | None:
    """The text of a character reference (without its ``&``) and how much of it is used."""
    if ref[0] == "#":
        return unescape("&" + ref), len(ref)
    if ref.endswith(";") and ref in html5:
        return html5[ref], len(ref)
    # Legacy references work without the semicolon, and as a prefix: "&copy2024".
    for k in range(min(len(ref), _LONGEST_ENTITY), 1, -1):
        value = html5.get(ref[:k])
        if value is not None:
            return value, k
    return None


@cache
def _raw_text_close(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE)


def _visible_length(text: str) -> int:
    return len(text) - sum(1 for char in text if char.isspace())


def _is_hidden(name: str, attrs: dict[str, str]) -> bool:
    if name in _HIDDEN:
        return name != "dialog" or "open" not in attrs
    return ("hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"
            or attrs.get("role", "").lower() in _HIDDEN_ROLES
            or "footnotes" in attrs.get("class", "").split()
            or bool(_HIDING_STYLE.search(attrs.get("style", ""))))


@dataclass(slots=True)
class _Checkpoint:
    """Where the current block stood when a possible footnote reference opened."""

    pieces: int
    length: int
    citations: int
    pending: tuple[int, int] | None
    serial: int
    has_note: bool = False
    target: str = ""


@dataclass(slots=True)
class _Open:
    """An open element; ``kind`` is the kind of block its text makes (inherited if unset)."""

    name: str
    start: int
    hides: bool
    block: bool
    kind: BlockKind
    blocks_at_open: int
    href: str | None = None
    text_start: int | None = None
    first_piece: int = 0
    checkpoint: _Checkpoint | None = None


class _Reader:
    """Builds the prose of one page, block by block."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = ProseBuilder()
        self.stack: list[_Open] = []
        # How many elements of each name are open, and the open links and <cite>s: what
        # would otherwise be searched for in the stack, which can be very deep.
        self.open_count: Counter[str] = Counter()
        self.spans: list[_Open] = []
        self.hidden = 0
        self.quote_depth = 0
        self._line_starts: list[int] | None = None
        # The current block, handed to the builder when it ends.
        self.pieces: list[tuple[str, int, int]] = []
        self.length = 0
        # (start, end, kind, target, whether an <a> element made it), in block offsets.
        self.citations: list[tuple[int, int, CitationKind, str, bool]] = []
        self.pending: tuple[int, int] | None = None
        self.after_open_quote = False
        self.kind: BlockKind = "paragraph"
        self.serial = 0

    def run(self) -> None:
        source = self.source
        pos = 0
        n = len(source)
        while pos < n:
            match = _MARKUP.search(source, pos)
            if match is None:
                self.text(pos, n)
                break
            if match.start() > pos:
                self.text(pos, match.start())
            start = match.start()
            name = match.group("start")
            if name is not None:
                end = _tag_end(source, match.end())
                pos = self.start_tag(name.lower(), start, match.end(), end)
            elif match.group("end") is not None:
                end = _tag_end(source, match.end())
                self.end_tag(match.group("end").lower(), start, end)
                pos = end
            elif match.group("comment") is not None:
                pos = self.comment_end(match.end())
            else:
                close = source.find(">", match.end())
                pos = close + 1 if close >= 0 else n
        self.close_all()

    def comment_end(self, i: int) -> int:
        source = self.source
        for empty in (">", "->"):
            if source.startswith(empty, i):
                return i + len(empty)
        close = source.find("-->", i)
        bang = source.find("--!>", i)
        if bang >= 0 and (close < 0 or bang < close):
            return bang + 4
        return close + 3 if close >= 0 else len(source)

    # Text.

    def text(self, start: int, end: int) -> None:
        if self.hidden:
            return
        source = self.source
        for match in _TEXT.finditer(source, start, end):
            group = match.lastgroup
            if group == "space":
                if self.length and self.pending is None and not self.after_open_quote:
                    self.pending = (match.start(), match.start() + 1)
            elif group == "ref":
                ref = match.group("ref")
                decoded = _reference(ref)
                if decoded is None:
                    self.emit(match.group(), match.start(), match.end())
                    continue
                value, used = decoded
                at = match.start()
                self.emit(value, at, at + 1 + used)
                if used < len(ref):
                    self.emit(ref[used:], at + 1 + used, match.end())
            else:
                self.emit(match.group(), match.start(), match.end())

    def emit(self, text: str, start: int, end: int) -> None:
        if self.pending is not None:
            if self.length:
                self.pieces.append((" ", *self.pending))
                self.length += 1
            self.pending = None
        if not self.pieces:
            self.kind = self.stack[-1].kind if self.stack else "paragraph"
        self.pieces.append((text, start, end))
        self.length += len(text)
        self.after_open_quote = False

    def text_since(self, first_piece: int) -> str:
        return "".join(piece[0] for piece in self.pieces[first_piece:]).strip()

    def next_text_start(self) -> int:
        """Block offset at which the next visible character will land."""
        return self.length + (1 if self.pending is not None and self.length else 0)

    def cite(self, start: int, end: int, kind: CitationKind, target: str,
             anchor: bool = False) -> None:
        if end > start:
            self.citations.append((start, end, kind, target, anchor))

    # Blocks.

    def flush(self, own_lines: tuple[int, int] | None = None) -> None:
        """End the current block."""
        for entry in self.spans:
            self.close_span(entry)
            entry.text_start = entry.first_piece = 0
        pieces = self.pieces
        text = "".join(piece[0] for piece in pieces)
        if text.strip() and not self.mostly_linked(text):
            builder = self.builder
            base = builder.length
            for piece_text, start, end in pieces:
                builder.add(piece_text, start, end)
            for start, end, kind, target, _ in self.citations:
                builder.add_citation(base + start, base + end, kind, target)
            builder.end_block(self.kind, pieces[-1][2], own_lines)
        self.pieces = []
        self.length = 0
        self.citations = []
        self.pending = None
        self.after_open_quote = False
        self.serial += 1

    def mostly_linked(self, text: str) -> bool:
        """Whether links cover nine tenths of a block's text: a menu entry or a teaser."""
        covered = 0
        cursor = 0
        for start, end, _, _, anchor in sorted(self.citations):
            start = max(start, cursor)
            if anchor and end > start:
                covered += _visible_length(text[start:end])
                cursor = end
        return covered > 0 and covered >= 0.9 * _visible_length(text)

    def own_lines(self, start: int, end: int) -> tuple[int, int] | None:
        """The whole lines from ``start`` to ``end``, if nothing else is on them."""
        source = self.source
        if self._line_starts is None:
            self._line_starts = line_starts(source)
        starts = self._line_starts
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(end - 1, start)) - 1
        line_end = starts[last + 1] if last + 1 < len(starts) else len(source)
        if source[starts[first]:start].strip() or source[end:line_end].strip():
            return None
        return starts[first], line_end

    # Elements.

    def start_tag(self, name: str, start: int, name_end: int, end: int) -> int:
        """Handle a start tag; return where tokenizing resumes."""
        if name in _RAW_TEXT:
            return self.raw_text_end(name, end)
        self_closing = self.source.endswith("/>", start, end)
        if name == "br":
            if not self.hidden and self.length:
                # A space that stands for no source character: no finding starts or ends
                # inside the tag.
                self.pending = self.pending or (end, end)
            return end
        if name in _VOID:
            if name == "hr":
                self.close_p()
                self.flush()
            return end
        self.close_implied(name)
        block = name in _BLOCK
        if block:
            self.flush()
        attrs = _attributes(self.source[name_end:end])
        if name in ("article", "main") or attrs.get("role") == "main":
            self.reveal_forms()
        hides = _is_hidden(name, attrs)
        kind = _KIND.get(name) or (self.stack[-1].kind if self.stack else "paragraph")
        entry = _Open(name, start, hides, block, kind, len(self.builder.blocks))
        if hides:
            self.hidden += 1
        elif not self.hidden:
            self.open_element(entry, attrs, end)
            if entry.text_start is not None:
                entry.first_piece = len(self.pieces)
                self.spans.append(entry)
        if self_closing and name in ("svg", "math"):
            self.close(entry, None)
        else:
            self.stack.append(entry)
            self.open_count[name] += 1
        return end

    def reveal_forms(self) -> None:
        """Show the forms around an article: some sites wrap the whole page in one."""
        if not self.open_count["form"]:
            return
        for entry in self.stack:
            if entry.name == "form" and entry.hides:
                entry.hides = False
                self.hidden -= 1

    def open_element(self, entry: _Open, attrs: dict[str, str], end: int) -> None:
        """Start what a visible element adds: quotation marks, citations, checkpoints."""
        name = entry.name
        if name == "q":
            self.emit(_OPEN_QUOTES[self.quote_depth % 2], end, end)
            self.quote_depth += 1
            self.after_open_quote = True
        if name == "a":
            href = attrs.get("href", "").strip()
            if href and not href.lower().startswith("javascript:"):
                entry.href = href
                entry.text_start = self.next_text_start()
                if href.startswith("#"):
                    entry.checkpoint = self.checkpoint()
        elif name == "cite":
            entry.text_start = self.next_text_start()
        elif name == "sup":
            entry.checkpoint = self.checkpoint()
        elif name in ("blockquote", "q") and attrs.get("cite", "").strip():
            # The cite attribute names the quotation's source.
            entry.href = attrs["cite"].strip()
            entry.text_start = self.next_text_start()

    def raw_text_end(self, name: str, end: int) -> int:
        close = _raw_text_close(name).search(self.source, end)
        if close is None:
            return len(self.source)
        return _tag_end(self.source, close.start() + 2 + len(name))

    def checkpoint(self) -> _Checkpoint:
        return _Checkpoint(len(self.pieces), self.length, len(self.citations), self.pending,
                           self.serial)

    def rollback(self, point: _Checkpoint) -> bool:
        """Drop what was added since ``point``, if it is still in the current block."""
        if point.serial != self.serial:
            return False
        del self.pieces[point.pieces:]
        del self.citations[point.citations:]
        self.length = point.length
        self.pending = point.pending
        return True

    def find_open(self, name: str, stoppers: frozenset[str] = _SCOPE) -> int:
        """Index of the innermost open ``name`` element within scope, or -1."""
        if not self.open_count[name]:
            return -1
        for i in range(len(self.stack) - 1, -1, -1):
            other = self.stack[i].name
            if other == name:
                return i
            if other in stoppers:
                return -1
        return -1

    def close_p(self) -> None:
        index = self.find_open("p", _SCOPE | {"button"})
        if index >= 0:
            self.pop_to(index, None)

    def close_implied(self, name: str) -> None:
        """Close what a browser closes before opening ``name``."""
        stack = self.stack
        if name in _CLOSES_P:
            self.close_p()
        closes, stoppers = _IMPLIED_CLOSES.get(name, ((), _SCOPE))
        found = [i for i in (self.find_open(other, stoppers) for other in closes) if i >= 0]
        if name in _HEADINGS and stack and stack[-1].name in _HEADINGS:
            found.append(len(stack) - 1)
        if found:
            self.pop_to(min(found), None)
        if stack and (name == "body" or name not in _HEAD_CONTENT):
            head = self.find_open("head")
            if head >= 0:
                self.pop_to(head, None)

    def end_tag(self, name: str, start: int, end: int) -> None:
        if name == "br":
            self.start_tag(name, start, start + 3, end)
            return
        index = self.find_open(name, _TABLE if name in _TABLE_PARTS else _SCOPE - {name})
        if index < 0:
            if name == "p" or name in _BLOCK:
                self.flush()
            return
        self.pop_to(index, (start, end))

    def pop_to(self, index: int, end_tag: tuple[int, int] | None) -> None:
        """Close the open elements down to ``stack[index]``, which ``end_tag`` closes."""
        while len(self.stack) > index:
            entry = self.stack.pop()
            self.open_count[entry.name] -= 1
            self.close(entry, end_tag if len(self.stack) == index else None)

    def close_all(self) -> None:
        self.pop_to(0, None)
        self.flush()

    def close(self, entry: _Open, end_tag: tuple[int, int] | None) -> None:
        """Close an element that has left the stack."""
        if self.spans and self.spans[-1] is entry:
            self.spans.pop()
        if entry.hides:
            self.hidden -= 1
        elif not self.hidden:
            self.close_element(entry, end_tag)
        if entry.block:
            own = None
            if (end_tag is not None and entry.name in _OWNABLE and self.pieces
                    and len(self.builder.blocks) == entry.blocks_at_open):
                own = self.own_lines(entry.start, end_tag[1])
            self.flush(own)

    def close_element(self, entry: _Open, end_tag: tuple[int, int] | None) -> None:
        """Finish what a visible element added: quotation marks, citations, footnotes."""
        name = entry.name
        if name == "q":
            if entry.text_start is not None:
                self.close_span(entry)
            self.quote_depth = max(self.quote_depth - 1, 0)
            at = end_tag[0] if end_tag else (self.pieces[-1][2] if self.pieces else entry.start)
            self.pending = None
            self.emit(_CLOSE_QUOTES[self.quote_depth % 2], at, at)
            return
        point = entry.checkpoint
        if name == "a" and point is not None and entry.href is not None:
            label = self.text_since(point.pieces)
            sup = None
            if self.open_count["sup"]:
                sup = next(e.checkpoint for e in reversed(self.stack) if e.name == "sup")
            if sup is not None and sup.serial == self.serial:
                sup.has_note, sup.target = True, entry.href
                return
            if _FOOTNOTE_LABEL.fullmatch(label) and self.rollback(point):
                self.footnote(entry.href)
                return
        if name == "sup" and point is not None and point.has_note and self.rollback(point):
            self.footnote(point.target)
            return
        if entry.text_start is not None:
            self.close_span(entry)

    def close_span(self, entry: _Open) -> None:
        """Record the citation of an open link or ``<cite>`` over the text so far."""
        start = entry.text_start or 0
        if entry.href is not None:
            self.cite(start, self.length, "link", entry.href, entry.name == "a")
        else:
            self.cite(start, self.length, "footnote", self.text_since(entry.first_piece))

    def footnote(self, target: str) -> None:
        """Attach a footnote citation to the character before the reference."""
        if self.length:
            self.cite(self.length - 1, self.length, "footnote", target)


def read_html(path: str, source: str, notices: tuple[str, ...] = ()) -> Document:
    """Read an HTML draft or saved page."""
    reader = _Reader(source)
    reader.run()
    return reader.builder.build(path, source, "html", notices)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)


def declared_encoding(data: bytes) -> str | None:
    """The character encoding a page declares in a ``<meta>`` near its start, if any.

    As in browsers, a declared Latin-1 or ASCII means Windows-1252, and a declared UTF-16
    (impossible in a page whose ``<meta>`` is readable as ASCII) is ignored.
    """
    match = _META_CHARSET.search(data, 0, 4096)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if name in ("ascii", "iso8859-1", "latin-1") else name
