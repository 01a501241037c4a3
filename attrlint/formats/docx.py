"""Word ``.docx`` drafts, opened with python-docx (the optional ``docx`` extra).

The document's paragraphs, table cells included, are read in order; each becomes one line
of a synthetic source, so a finding's line is the paragraph's number and its column a
position within the paragraph. Headings (``Title``, ``Heading 1``... and styles based on
them or given an outline level) and list paragraphs keep their kind. Tracked insertions
are text, tracked deletions are not. Hyperlinks, ``HYPERLINK`` fields and footnote or
endnote references become citations. The synthetic source cannot be written back to the
file, so ``--fix`` never changes a ``.docx``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from attrlint.document import BlockKind, Document, ProseBuilder
from attrlint.formats import ReadError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement as Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Containers whose children are read as if they stood in the paragraph or body itself.
_TRANSPARENT = frozenset(f"{_W}{name}" for name in (
    "ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml", "dir", "bdo",
))
_NOTE_REFERENCES = frozenset({f"{_W}footnoteReference", f"{_W}endnoteReference"})
_HEADING_NAMES = frozenset({"title", "subtitle"})
_LIST_NAMES = ("list bullet", "list number", "list paragraph", "list continue")
_FIELD_HYPERLINK = re.compile(r'\s*HYPERLINK\s+(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s\\]\S*))?'
                              r'(?:.*?\\l\s+"(?P<anchor>[^"]*)")?', re.IGNORECASE)
_DIRECTIVE_LINE = re.compile(r"\s*<!--.*-->\s*")
_STREAM_NAME = re.compile(r"^file '<[^>]*>' ")
_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " "})

CitationKind = Literal["link", "footnote", "url"]


@dataclass(slots=True)
class _Paragraph:
    """The visible text of one paragraph and its citations, in paragraph offsets."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    citations: list[tuple[int, int, CitationKind, str]] = field(default_factory=list)
    fields: list[tuple[str, int | None]] = field(default_factory=list)

    def add(self, text: str) -> None:
        text = text.translate(_LINE_BREAKS)
        self.parts.append(text)
        self.length += len(text)

    def cite(self, start: int, end: int, kind: CitationKind, target: str) -> None:
        self.citations.append((start, end, kind, target))

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: bool
    numbered: bool


class _Reader:
    """Turns the body of one Word document into lines and prose blocks."""

    def __init__(self, document: WordDocument) -> None:
        self.rels = {rel_id: str(rel.target_ref) for rel_id, rel in document.part.rels.items()}
        self.styles = _styles(document.styles.element)
        self.body: Element = document.element.body
        self.lines: list[str] = []
        self.builder = ProseBuilder()
        self.offset = 0

    def read(self) -> None:
        self.container(self.body, None)

    def container(self, element: Element, cell: BlockKind | None) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child, cell)
            elif tag == f"{_W}tbl":
                for row in _rows(child):
                    for cell_element in row.iterchildren(f"{_W}tc"):
                        self.container(cell_element, "table-cell")
            elif tag in _TRANSPARENT:
                self.container(child, cell)

    def paragraph(self, element: Element, cell: BlockKind | None) -> None:
        para = _Paragraph()
        self.inline(element, para)
        text = para.text
        line_start = self.offset
        self.lines.append(text)
        self.offset += len(text) + 1
        if _DIRECTIVE_LINE.fullmatch(text):
            return
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if end <= start:
            return
        builder = self.builder
        base = builder.length - start
        builder.add(text[start:end], line_start + start)
        for c_start, c_end, kind, target in para.citations:
            c_start = min(max(c_start, start), end - 1)
            c_end = min(max(c_end, c_start + 1), end)
            builder.add_citation(base + c_start, base + c_end, kind, target)
        builder.end_block(cell or self.kind(element), line_start + end)

    def kind(self, element: Element) -> BlockKind:
        properties = element.find(f"{_W}pPr")
        style_id = None
        if properties is not None:
            if _numbered(properties):
                return "list-item"
            if _outline(properties):
                return "heading"
            style = properties.find(f"{_W}pStyle")
            if style is not None:
                style_id = style.get(f"{_W}val")
        return self.style_kind(style_id)

    def style_kind(self, style_id: str | None) -> BlockKind:
        seen = set()
        while style_id is not None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            name = style.name.lower()
            if style.outline or name in _HEADING_NAMES or name.startswith("heading "):
                return "heading"
            if style.numbered or name.startswith(_LIST_NAMES):
                return "list-item"
            style_id = style.based_on
        return "paragraph"

    def inline(self, element: Element, para: _Paragraph) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_W}r":
                self.run(child, para)
            elif tag == f"{_W}hyperlink":
                start = para.length
                self.inline(child, para)
                target = self.rels.get(child.get(_R_ID) or "", "")
                anchor = child.get(f"{_W}anchor")
                if anchor:
                    target = f"{target}#{anchor}"
                if target and para.length > start:
                    para.cite(start, para.length, "link", target)
            elif tag == f"{_W}fldSimple":
                start = para.length
                self.inline(child, para)
                self.field_link(para, child.get(f"{_W}instr") or "", start)
            elif tag in _TRANSPARENT:
                self.inline(child, para)

    def run(self, element: Element, para: _Paragraph) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_W}t":
                para.add(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                para.add("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                para.add(" ")
            elif tag == f"{_W}noBreakHyphen":
                para.add("-")
            elif tag == f"{_W}sym":
                try:
                    para.add(chr(int(child.get(f"{_W}char") or "", 16)))
                except ValueError:
                    continue
            elif tag in _NOTE_REFERENCES:
                note = "endnote" if tag.endswith("endnoteReference") else "footnote"
                at = max(para.length - 1, 0)
                para.cite(at, at + 1, "footnote", f"{note} {child.get(f'{_W}id')}")
            elif tag == f"{_W}fldChar":
                self.field_char(para, child.get(f"{_W}fldCharType"))
            elif tag == f"{_W}instrText" and para.fields:
                instruction, start = para.fields[-1]
                para.fields[-1] = (instruction + (child.text or ""), start)

    def field_char(self, para: _Paragraph, kind: str | None) -> None:
        """Follow a complex field: its instruction, then its visible result."""
        if kind == "begin":
            para.fields.append(("", None))
        elif kind == "separate" and para.fields:
            instruction, _ = para.fields[-1]
            para.fields[-1] = (instruction, para.length)
        elif kind == "end" and para.fields:
            instruction, start = para.fields.pop()
            if start is not None:
                self.field_link(para, instruction, start)

    def field_link(self, para: _Paragraph, instruction: str, start: int) -> None:
        match = _FIELD_HYPERLINK.match(instruction)
        if match is None or para.length <= start:
            return
        target = match.group("quoted") or match.group("bare") or ""
        if match.group("anchor"):
            target = f"{target}#{match.group('anchor')}"
        para.cite(start, para.length, "link", target)


def _rows(table: Element) -> Iterator[Element]:
    """A table's own rows, those in content controls included, not those of nested tables."""
    for row in table.iter(f"{_W}tr"):
        parent = row.getparent()
        while parent is not None and parent.tag != f"{_W}tbl":
            parent = parent.getparent()
        if parent is table:
            yield row


def _numbered(properties: Element) -> bool:
    numbering = properties.find(f"{_W}numPr")
    if numbering is None:
        return False
    number_id = numbering.find(f"{_W}numId")
    # numId 0 removes the numbering a style would otherwise give.
    return number_id is None or number_id.get(f"{_W}val") != "0"


def _outline(properties: Element) -> bool:
    level = properties.find(f"{_W}outlineLvl")
    if level is None:
        return False
    # Levels 0 to 8 are the outline (heading) levels; 9 is body text.
    value = level.get(f"{_W}val") or ""
    return value.isdigit() and int(value) < 9


def _styles(element: Element) -> dict[str, _Style]:
    styles = {}
    for style in element.iterchildren(f"{_W}style"):
        if style.get(f"{_W}type") not in (None, "paragraph"):
            continue
        name = style.find(f"{_W}name")
        based_on = style.find(f"{_W}basedOn")
        properties = style.find(f"{_W}pPr")
        styles[style.get(f"{_W}styleId") or ""] = _Style(
            (name.get(f"{_W}val") or "") if name is not None else "",
            based_on.get(f"{_W}val") if based_on is not None else None,
            properties is not None and _outline(properties),
            properties is not None and _numbered(properties),
        )
    return styles


def _open(data: bytes) -> WordDocument:
    try:
        import docx
    except ImportError as exc:
        raise ReadError("reading .docx needs the docx extra: pip install 'attrlint[docx]'") from exc
    try:
        return docx.Document(io.BytesIO(data))
    # A damaged package surfaces as zipfile, KeyError, ValueError or lxml errors, among
    # others, from deep inside python-docx; every one of them means the same to a user.
    except Exception as exc:
        reason = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        # python-docx names the file by the repr of the in-memory stream it was given.
        reason = _STREAM_NAME.sub("it ", reason) or type(exc).__name__
        raise ReadError(f"not a readable Word .docx file: {reason}") from exc


def read_docx(path: str, data: bytes) -> Document:
    """Read a Word document: one line of the synthetic source per paragraph."""
    reader = _Reader(_open(data))
    reader.read()
    source = "\n".join(reader.lines)
    return reader.builder.build(path, source, "docx")
