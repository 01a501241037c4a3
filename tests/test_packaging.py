"""The wheel ships every module and lexicon, and works installed into a fresh virtualenv."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DRAFT = """\
# Harbour plan

The harbour board will reportedly approve the new breakwater on Monday.

The harbour master, Tom Ellis, said the quay would stay open all year.

The harbour master, Tom Ellis, said the quay would stay open all year.
"""

CLEAN = """\
# Harbour plan

The harbour board approved the new breakwater on Monday, its chair, Ruth Ames, said.
"""


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["NO_COLOR"] = "1"
    return env


def _run(argv: list[str | Path], cwd: Path, timeout: float = 600
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=_clean_env(), text=True,
                          capture_output=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def wheel(checkout_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    outdir = tmp_path_factory.mktemp("dist")
    result = _run([sys.executable, "-m", "build", "--wheel", "--outdir", outdir, checkout_copy],
                  cwd=outdir)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = outdir.glob("attrlint-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _bin(env_dir: Path, name: str) -> Path:
    scripts = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    return scripts / (f"{name}.exe" if sys.platform == "win32" else name)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain virtualenv (no system site-packages) with the wheel and its dependencies."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    result = _run([_bin(env_dir, "python"), "-m", "pip", "install", "--no-input", wheel],
                  cwd=env_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return env_dir


def test_wheel_ships_the_rules_package(wheel_names: set[str]) -> None:
    assert "attrlint/rules/__init__.py" in wheel_names
    modules = sorted(p.name for p in (ROOT / "rules").glob("*.py"))
    assert "repeated_paragraph.py" in modules
    for name in modules:
        assert f"attrlint/rules/{name}" in wheel_names


def test_wheel_ships_every_lexicon(wheel_names: set[str]) -> None:
    lexicons = sorted(p.name for p in (ROOT / "rules" / "lexicons").glob("*.txt"))
    assert lexicons
    for name in lexicons:
        assert f"attrlint/rules/lexicons/{name}" in wheel_names


def test_wheel_ships_every_attrlint_module(wheel_names: set[str]) -> None:
    for path in sorted((ROOT / "attrlint").rglob("*.py")):
        if "__pycache__" not in path.parts:
            assert f"attrlint/{path.relative_to(ROOT / 'attrlint').as_posix()}" in wheel_names
    assert "attrlint/py.typed" in wheel_names


def test_wheel_ships_nothing_else(wheel_names: set[str]) -> None:
    top_level = {name.split("/", 1)[0] for name in wheel_names}
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"attrlint"}


def test_wheel_declares_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        text = archive.read(entry_points).decode()
    assert "attrlint = attrlint.cli:run" in text


def test_installed_wheel_runs_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    python = _bin(installed, "python")
    where = _run([python, "-c", "import attrlint; print(attrlint.__file__)"], cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).resolve().is_relative_to(installed.resolve())

    rules = _run([_bin(installed, "attrlint"), "rules"], cwd=tmp_path)
    assert rules.returncode == 0, rules.stderr
    assert [line.split()[0] for line in rules.stdout.splitlines()] == [
        "AT101", "AT201", "AT202", "AT301", "AT302", "AT303"]

    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    lint = _run([_bin(installed, "attrlint"), "--format", "json", "draft.md"], cwd=tmp_path)
    assert lint.returncode == 1, lint.stderr
    # vague-attribution reads its phrases from a shipped lexicon.
    assert '"code": "AT201"' in lint.stdout
    assert '"code": "AT301"' in lint.stdout
    clean = _run([python, "-m", "attrlint", "clean.md"], cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "No findings in 1 file." in clean.stdout
