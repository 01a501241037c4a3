"""The pre-commit hook, run by the real pre-commit against a throwaway clone of this tree.

pre-commit installs the hook into its own virtualenv with pip, so these tests need the
package index for attrlint's dependencies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PRE_COMMIT = Path(sys.executable).with_name("pre-commit.exe" if sys.platform == "win32"
                                            else "pre-commit")

pytestmark = [
    pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

REPEATED = "The harbour master, Tom Ellis, said the quay would stay open all year."

BAD_DRAFT = f"""\
# Harbour plan

The harbour board approved the new breakwater on Monday, its chair, Ruth Ames, said.

{REPEATED}

{REPEATED}
"""

GOOD_DRAFT = f"""\
# Harbour plan

The harbour board approved the new breakwater on Monday, its chair, Ruth Ames, said.

{REPEATED}
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment isolated from the user's git and pre-commit configuration."""
    home = tmp_path_factory.mktemp("home")
    gitconfig = home / "gitconfig"
    gitconfig.write_text("")
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("SKIP", "PYTHONPATH")}
    environ.update({
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "GIT_CONFIG_GLOBAL": str(gitconfig),
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    })
    return environ


def _run(argv: list[str | Path], cwd: Path, env: dict[str, str],
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, text=True,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=600,
                          check=False)


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    result = _run(["git", *args], cwd, env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


def _git_init(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    _git(path, env, "init", "--quiet")
    _git(path, env, "config", "user.name", "Attrlint Tests")
    _git(path, env, "config", "user.email", "tests@attrlint.invalid")
    _git(path, env, "config", "commit.gpgsign", "false")
    return path


@pytest.fixture(scope="module")
def hook_repo(checkout_copy: Path, tmp_path_factory: pytest.TempPathFactory,
              env: dict[str, str]) -> tuple[Path, str]:
    """The working tree committed to a throwaway repository: (path, rev)."""
    repo = tmp_path_factory.mktemp("hook") / "attrlint"
    shutil.copytree(checkout_copy, repo, symlinks=True)
    _git_init(repo, env)
    _git(repo, env, "add", "--all")
    _git(repo, env, "commit", "--quiet", "--no-verify", "-m", "attrlint under test")
    return repo, _git(repo, env, "rev-parse", "HEAD")


@pytest.fixture
def newsroom(tmp_path: Path, env: dict[str, str]) -> Path:
    """A repository of drafts."""
    repo = _git_init(tmp_path / "newsroom", env)
    (repo / "README").write_text("Drafts for the harbour desk.\n")
    _git(repo, env, "add", "README")
    _git(repo, env, "commit", "--quiet", "--no-verify", "-m", "start")
    return repo


def test_try_repo(hook_repo: tuple[Path, str], newsroom: Path, env: dict[str, str]) -> None:
    (newsroom / "draft.md").write_text(BAD_DRAFT)
    (newsroom / "notes.txt").write_text(GOOD_DRAFT)
    _git(newsroom, env, "add", "draft.md", "notes.txt")
    result = _run([PRE_COMMIT, "try-repo", hook_repo[0], "attrlint", "--files", "draft.md",
                   "notes.txt"], newsroom, env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "draft.md:7:1: AT301 repeated-paragraph" in output
    assert "notes.txt:" not in output


def test_commit_is_refused_then_accepted(hook_repo: tuple[Path, str], newsroom: Path,
                                         env: dict[str, str]) -> None:
    path, rev = hook_repo
    (newsroom / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {path.as_posix()}\n  rev: {rev}\n  hooks:\n  - id: attrlint\n")
    _git(newsroom, env, "add", ".pre-commit-config.yaml")
    installed = _run([PRE_COMMIT, "install"], newsroom, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (newsroom / "draft.md").write_text(BAD_DRAFT)
    (newsroom / "wire.txt").write_text(BAD_DRAFT.replace("# ", ""))
    _git(newsroom, env, "add", "draft.md", "wire.txt")
    refused = _run(["git", "commit", "-m", "harbour draft"], newsroom, env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "draft.md:7:1: AT301 repeated-paragraph" in output
    assert "wire.txt:7:1: AT301 repeated-paragraph" in output
    assert _git(newsroom, env, "rev-list", "--count", "HEAD") == "1"

    (newsroom / "draft.md").write_text(GOOD_DRAFT)
    (newsroom / "wire.txt").write_text(GOOD_DRAFT.replace("# ", ""))
    _git(newsroom, env, "add", "draft.md", "wire.txt")
    accepted = _run(["git", "commit", "-m", "harbour draft"], newsroom, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "attrlint" in accepted.stdout + accepted.stderr
    assert _git(newsroom, env, "rev-list", "--count", "HEAD") == "2"
