"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import io

from attrlint.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `attrlint ARGV`."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()
