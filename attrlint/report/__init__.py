"""Reporters: one module per output format. Only these print."""

from __future__ import annotations

import os
from collections.abc import Mapping

FORMATS = ("text", "json", "github")


def default_format(environ: Mapping[str, str] | None = None) -> str:
    """``github`` inside GitHub Actions, ``text`` elsewhere."""
    env = os.environ if environ is None else environ
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
