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


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a draft: a BOM decides, then UTF-8, then ``declared``, then Windows-1252.

    ``declared`` is the encoding the file names for itself (an HTML page's ``<meta
    charset>``); falling back to Windows-1252 adds a notice. Raises :class:`ReadError`
    for binary data (a NUL byte with no UTF-16/32 BOM).
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
    if declared:
        try:
            return Decoded(data.decode(declared), declared, b"")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    notice = f"not UTF-8 (first bad byte at offset {where}); read as {encoding}"
    return Decoded(text, encoding, b"", notice)


TextReader = Callable[[str, str, tuple[str, ...]], Document]


def reader_for(fmt: str) -> TextReader:
    """The reader of a text format (imported lazily to keep start-up lean).

    Raises :class:`ReadError` for ``docx``, which is read from bytes by :func:`read_bytes`.
    """
    reader: TextReader
    if fmt == "markdown":
        from attrlint.formats.markdown import read_markdown

        reader = read_markdown
    elif fmt == "html":
        from attrlint.formats.html import read_html

        reader = read_html
    elif fmt == "docx":
        raise ReadError("a .docx file is binary: lint it from its bytes, not from text")
    else:
        from attrlint.formats.text import read_text

        reader = read_text
    return reader


def read_bytes(path: str, data: bytes, fmt: str) -> tuple[Document, Decoded | None]:
    """Read a file's bytes as ``fmt``; the :class:`Decoded` text is ``None`` for ``docx``.

    Without a :class:`Decoded` text a file cannot be written back, so ``--fix`` leaves it
    alone.
    """
    if fmt == "docx":
        from attrlint.formats.docx import read_docx

        return read_docx(path, data), None
    declared = None
    if fmt == "html":
        from attrlint.formats.html import declared_encoding

        declared = declared_encoding(data)
    decoded = decode(data, declared)
    notices = (decoded.notice,) if decoded.notice else ()
    return reader_for(fmt)(path, decoded.text, notices), decoded
