"""``--format json``: a JSON array of findings, the contract CI tools build on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from attrlint.finding import FileError, Finding


def report(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO) -> None:
    """Write findings as a JSON array (file errors go to stderr, not into the array)."""
    json.dump([f.as_json() for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")
    del errors
