"""Fixtures shared by the tests that build, install or hook attrlint from its own source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Version control, virtualenvs, caches and build output: never part of what is built.
_NOT_SOURCE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "venv", ".venv",
                                     "__pycache__", ".*_cache", ".hypothesis", ".tox")


@pytest.fixture(scope="session")
def checkout_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working tree, uncommitted changes included, copied so builds leave it untouched."""
    dest = tmp_path_factory.mktemp("checkout") / "attrlint"
    shutil.copytree(ROOT, dest, ignore=_NOT_SOURCE, symlinks=True)
    return dest


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A command-line run as in a plain terminal session: no CI or colour settings, in tmp."""
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
