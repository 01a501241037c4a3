"""attrlint: a source-attribution linter for news drafts.

Public API::

    from attrlint import lint_text, lint_paths
    findings = lint_text("Some 1,400 homes lost power.", path="draft.md")
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from attrlint.finding import FileError, Finding

if TYPE_CHECKING:
    from attrlint.config import Config
    from attrlint.document import Document

__version__ = "0.1.0"
__all__ = ["FileError", "Finding", "Source", "__version__", "lint_paths", "lint_text",
           "read_text_document", "sources"]


@dataclass(frozen=True, slots=True)
class Source:
    """One attribution in a draft: who is credited, how, and where.

    ``kind`` is named, unnamed, vague, agentless or pronoun; for a pronoun ``resolved`` is
    the kind of the source it refers back to. Lines and columns are 1-based, in the file.
    """

    source: str
    cue: str
    kind: str
    resolved: str
    line: int
    column: int
    sentence: str
    quoted: bool


def read_text_document(text: str, path: str | None = None, fmt: str | None = None,
                       config: Config | None = None) -> Document:
    """Parse a draft held in memory (format from ``fmt``, else the path's extension)."""
    from attrlint.config import Config
    from attrlint.engine import format_of
    from attrlint.formats import reader_for

    config = config or Config()
    name = path or "<text>"
    return reader_for(fmt or (format_of(path, config) if path else "markdown"))(name, text, ())


def lint_text(text: str, path: str | None = None, config: Config | None = None,
              fmt: str | None = None) -> list[Finding]:
    """Lint a draft held in memory; Markdown unless ``path``'s extension or ``fmt`` says else."""
    from attrlint.config import Config
    from attrlint.engine import lint_document

    config = config or Config()
    doc = read_text_document(text, path, fmt, config)
    findings = lint_document(doc, config)
    doc.release_analysis()
    return findings


def lint_paths(paths: Iterable[str], config: Config | None = None
               ) -> tuple[list[Finding], list[FileError]]:
    """Lint files and directories; returns findings and the files that could not be read."""
    from attrlint.config import ConfigFinder
    from attrlint.engine import iter_files, lint_file

    finder = ConfigFinder(config)
    errors: list[FileError] = []
    findings: list[Finding] = []
    for path in iter_files(list(paths), finder, errors):
        result = lint_file(path, finder)
        findings.extend(result.findings)
        if result.error:
            errors.append(result.error)
    return findings, errors


def sources(text: str, path: str | None = None, config: Config | None = None,
            fmt: str | None = None) -> list[Source]:
    """Every attribution in a draft, in order: the story's sources for a sourcing ledger."""
    from attrlint.config import Config

    config = config or Config()
    doc = read_text_document(text, path, fmt, config)
    doc.analysis.configure(config.attribution)
    prose = doc.prose
    sentences = doc.analysis.sentences
    out = []
    for frame in doc.analysis.attribution.frames:
        start = doc.source_offset(min(frame.source_start, frame.cue_start))
        line, column = doc.position(start)
        sentence = sentences[frame.sentence]
        out.append(Source(" ".join(prose[frame.source_start:frame.source_end].split()),
                          " ".join(prose[frame.cue_start:frame.cue_end].split()),
                          frame.kind, frame.resolved, line, column,
                          " ".join(prose[sentence.start:sentence.end].split()), frame.in_quote))
    return out
