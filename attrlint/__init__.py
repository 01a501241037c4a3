"""attrlint: a source-attribution linter for news drafts.

Public API::

    from attrlint import lint_text, lint_paths
    findings = lint_text("Some 1,400 homes lost power.", path="draft.md")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrlint.finding import FileError, Finding

if TYPE_CHECKING:
    from attrlint.config import Config
    from attrlint.document import Document

__version__ = "0.1.0"
__all__ = ["FileError", "Finding", "__version__", "lint_paths", "lint_text", "read_text_document"]


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
    return lint_document(read_text_document(text, path, fmt, config), config)


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
