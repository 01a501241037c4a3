"""``--fix`` and ``--diff``: remove exact repeated paragraphs, atomically, byte for byte."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Sequence

from attrlint.finding import Finding
from attrlint.formats import Decoded


def apply(source: str, findings: Sequence[Finding]) -> str:
    """The source with every fixable finding's range deleted (overlaps merged)."""
    ranges = sorted(f.delete for f in findings if f.delete is not None)
    if not ranges:
        return source
    parts = []
    cursor = 0
    for start, end in ranges:
        if end <= cursor:
            continue
        parts.append(source[cursor:max(start, cursor)])
        cursor = end
    parts.append(source[cursor:])
    return "".join(parts)


def diff(path: str, before: str, after: str) -> str:
    """A unified diff of what ``--fix`` would change."""
    lines = []
    for line in difflib.unified_diff(before.splitlines(keepends=True),
                                     after.splitlines(keepends=True), f"a/{path}", f"b/{path}"):
        lines.append(line)
        # A last line without a line ending would run into whatever is printed next.
        if not line.endswith(("\n", "\r")):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def write_atomic(path: str, text: str, decoded: Decoded) -> None:
    """Replace a file's contents in one step, in its original encoding, keeping its mode."""
    data = decoded.encode(text)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".attrlint-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
