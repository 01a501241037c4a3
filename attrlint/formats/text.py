r"""Plain-text drafts: blank-line paragraphs, hard-wrapped or not, or one paragraph a line.

A group of lines between blank lines is one paragraph when it is hard-wrapped, and one
paragraph per line when it is a CMS export that puts each paragraph on its own line. An
indented line starts a new paragraph (wire copy indents instead of leaving blank lines).
A short first line followed by a blank line, or a short all-capitals line, is a headline.
Suppression directives on a line of their own are not prose, nor is the ``&\t`` marker
that some wire archives put at the start of each paragraph.
"""

from __future__ import annotations

import regex

from attrlint.document import BlockKind, Document, ProseBuilder, line_starts
from attrlint.suppress import DIRECTIVE

_URL = regex.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
_FOOTNOTE = regex.compile(r"\[\^?\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+")
_TERMINAL = tuple(".!?:\"”’)'")
# A line this long was not hard-wrapped by a person or a wire system.
_WRAP_LIMIT = 100
# Initials that end a short line inside a paragraph, not a sentence: 'J.P.', 'U.S.'.
_INITIALS_END = regex.compile(r"(?:^|\s)(?:\p{Lu}\.){2,}$")


def _lines(source: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of every line's content, without its line ending."""
    if "\r" not in source:
        # Every line but the last ends with the \n just before the next one starts.
        ends = [start - 1 for start in starts[1:]]
        ends.append(len(source))
        return list(zip(starts, ends, strict=True))
    spans = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(source)
        while end > start and source[end - 1] in "\r\n":
            end -= 1
        spans.append((start, end))
    return spans


# A literal ampersand, backslash and "t" opening each paragraph of some wire archives.
_WIRE_MARKER = "&\\t"


def _is_indented(line: str) -> bool:
    return line[:1] in (" ", "\t") or "\t" in line[:2] or line.startswith(_WIRE_MARKER)


def _paragraphs(source: str, group: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split one blank-line-separated group of lines into paragraphs."""
    if len(group) == 1:
        return [group]
    texts = [source[s:e] for s, e in group]
    width = max(len(t.rstrip()) for t in texts)
    if width > _WRAP_LIMIT:
        return [[line] for line in group]
    ends = sum(1 for t in texts if t.rstrip().endswith(_TERMINAL))
    if ends >= 0.8 * len(texts):
        # Every line ends a sentence: one paragraph a line, however short the lines.
        return [[line] for line in group]
    indented = [_is_indented(t) for t in texts]
    uniform = all(indented) or not any(indented[1:])
    paragraphs: list[list[tuple[int, int]]] = [[group[0]]]
    for i in range(1, len(group)):
        prev = texts[i - 1].rstrip()
        starts_new = (not uniform and indented[i]) or (
            prev.endswith(_TERMINAL) and len(prev) < 0.6 * width
            and not _INITIALS_END.search(prev)  # 'Clevite Industries said J.P.' / 'Industries'
        )
        if starts_new:
            paragraphs.append([group[i]])
        else:
            paragraphs[-1].append(group[i])
    return paragraphs


def _is_headline(text: str) -> bool:
    words = text.split()
    end = text.rstrip()
    if not words or len(words) > 16 or (end.endswith((".", ",", ";"))
                                        and not end.endswith(("...", "…"))):
        return False  # a sentence; a headline may trail off ('Who wins the £200 tablet war...')
    letters = [c for c in text if c.isalpha()]
    return bool(letters)


def read_text(path: str, source: str, notices: tuple[str, ...] = ()) -> Document:
    """Read a plain-text draft."""
    builder = ProseBuilder()
    starts = line_starts(source)
    lines = _lines(source, starts)
    groups: list[list[tuple[int, int]]] = [[]]
    directives = "attrlint-" in source  # most drafts have none: spare each line the check
    for span in lines:
        line = source[span[0]:span[1]]
        if line.strip() and not (directives and _is_directive(line)):
            groups[-1].append(span)
        elif groups[-1]:
            groups.append([])
    if not groups[-1]:
        groups.pop()
    line_of = {start: i for i, start in enumerate(starts)}
    first = True
    for group in groups:
        for para in _paragraphs(source, group):
            kind: BlockKind = "paragraph"
            text = source[para[0][0]:para[-1][1]]
            if len(para) == 1 and (
                (first and _is_headline(text)) or (text.isupper() and len(text.split()) <= 12)
            ):
                kind = "heading"
            first = False
            for k, (start, end) in enumerate(para):
                if source.startswith(_WIRE_MARKER, start):
                    start += len(_WIRE_MARKER)
                while start < end and source[start] in " \t":
                    start += 1
                if k:
                    builder.add(" ", start - 1, start)
                _add_line(builder, source, start, end)
            last_line = line_of[para[-1][0]]
            own_end = starts[last_line + 1] if last_line + 1 < len(starts) else len(source)
            builder.end_block(kind, para[-1][1], (para[0][0], own_end))
    doc = builder.build(path, source, "text", notices)
    doc.__dict__["line_starts"] = starts  # already computed: spare the document a second pass
    return doc


def _add_line(builder: ProseBuilder, source: str, start: int, end: int) -> None:
    """Add one line's text, leaving URLs out of the prose and recording them as citations."""
    cursor = start
    text = source[start:end]
    if "://" in text or "www." in text:
        for match in _URL.finditer(source, start, end):
            builder.add(source[cursor:match.start()], cursor)
            at = max(builder.length - 1, 0)
            builder.add_citation(at, at + 1, "url", match.group())
            cursor = match.end()
        text = source[cursor:end]
    base = builder.length
    builder.add(text, cursor)
    if "[" not in text and text.isascii():
        return
    for match in _FOOTNOTE.finditer(text):
        builder.add_citation(base + match.start(), base + match.end(), "footnote", match.group())


def _is_directive(line: str) -> bool:
    if "attrlint-" not in line:
        return False
    match = DIRECTIVE.search(line)
    return match is not None and not line[:match.start()].strip() and not line[
        match.end():].strip()
