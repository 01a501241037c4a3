"""Fixtures shared by the tests that build, install or hook attrlint from its own source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Version control, virtualenvs, caches and build output: never part of what is built.
_NOT_SOURCE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "venv", ".venv",
                                     "__pycache__", ".*_cache", ".hypothesis", ".tox")


def copy_checkout(dest: Path) -> Path:
    """Copy the working tree (uncommitted changes included) to ``dest``."""
    shutil.copytree(ROOT, dest, ignore=_NOT_SOURCE, symlinks=True)
    return dest


@pytest.fixture(scope="session")
def checkout_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the working tree to build from, so builds leave the checkout untouched."""
    return copy_checkout(tmp_path_factory.mktemp("checkout") / "attrlint")
