"""``--format json``: a JSON array of findings, the contract CI tools build on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from attrlint.finding import FileError, Finding


def report(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO) -> None:
    """Write findings as a JSON array (file errors go to stderr, not into the array)."""
    del errors
    if not findings:
        out.write("[]\n")
        return
    # One finding a line: readable, diffable, and far faster than indent=2.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[\n  " + ",\n  ".join(encode(f.as_json()) for f in findings) + "\n]\n")
