"""Readers: bytes in, :class:`~attrlint.document.Document` out, one module per format."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from attrlint.document import Document

#: Extensions recognised without configuration, and the format each one is read as.
DEFAULT_EXTENSIONS: Mapping[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}

FORMATS = ("markdown", "text", "html", "docx")


class ReadError(Exception):
    """A file that cannot be linted: binary, undecodable, too large, or malformed."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with what is needed to write it back byte for byte."""

    text: str
    encoding: str
    bom: bytes
    notice: str | None = None

    def encode(self, text: str) -> bytes:
        """Encode ``text`` the way the original was encoded."""
        return self.bom + text.encode(self.encoding)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> Decoded:
    """Decode a draft: a BOM decides, then UTF-8, then Windows-1252 with a notice.

    Raises :class:`ReadError` for binary data (a NUL byte with no UTF-16/32 BOM).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                raise ReadError(f"not valid {encoding} despite its byte-order mark: {exc}") from exc
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), skipped")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", b"")
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    notice = f"not UTF-8 (first bad byte at offset {where}); read as {encoding}"
    return Decoded(text, encoding, b"", notice)


Reader = Callable[[str, str], Document]


def _unavailable(fmt: str, exc: ModuleNotFoundError) -> ReadError:
    return ReadError(f"cannot read {fmt} drafts: module '{exc.name}' is not installed")


def reader_for(fmt: str) -> Callable[[str, str, tuple[str, ...]], Document]:
    """The text reader for a format name (imported lazily to keep start-up lean)."""
    if fmt == "markdown":
        from attrlint.formats.markdown import read_markdown

        return read_markdown
    if fmt == "html":
        try:
            from attrlint.formats.html import read_html
        except ModuleNotFoundError as exc:
            raise _unavailable(fmt, exc) from exc
        return read_html
    from attrlint.formats.text import read_text

    return read_text


def read_bytes(path: str, data: bytes, fmt: str) -> tuple[Document, Decoded | None]:
    """Read a file's bytes as ``fmt``; ``Decoded`` is ``None`` for formats never rewritten."""
    if fmt == "docx":
        try:
            from attrlint.formats.docx import read_docx
        except ModuleNotFoundError as exc:
            raise _unavailable(fmt, exc) from exc
        return read_docx(path, data), None
    decoded = decode(data)
    notices = (decoded.notice,) if decoded.notice else ()
    return reader_for(fmt)(path, decoded.text, notices), decoded
