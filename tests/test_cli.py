"""The command line as users and CI see it: exit codes, output formats, config, --fix."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run

import attrlint
from attrlint.cli import main

ALL_CODES = ("AT101", "AT201", "AT202", "AT301", "AT302", "AT303")
JSON_KEYS = {"path", "rule", "code", "severity", "line", "column", "end_line", "end_column",
             "message", "hint"}

CLEAN = """\
# Harbour plan

The harbour board approved the new breakwater on Monday, its chair, Ruth Ames, said.
"""

REPEATED_PARAGRAPH = "The harbour master, Tom Ellis, said the quay would stay open all year."

# Three rules fire, each once: AT101 on line 3, AT201 on line 5, AT301 on line 9.
MIXED = f"""\
# Ferry timetable changes

Some 14 sailings a week will be cut from March.

Passengers are said to be unhappy about the change to the winter timetable.

{REPEATED_PARAGRAPH}

{REPEATED_PARAGRAPH}
"""

# Only a warning: AT201 on line 3.
WARNING_ONLY = """\
# Ferry timetable changes

Passengers are said to be unhappy about the change to the winter timetable.
"""

LIBRARY_BEFORE = ("The council said on Friday that the new library on Station Road would open "
                  "to readers in early June after a delay caused by flooding.")
# About 68% similar to LIBRARY_BEFORE: under the default threshold.
LIBRARY_AFTER = ("The council confirmed on Monday that the library on Station Road will now "
                 "welcome its first readers in late July, after flood repairs overran.")
NEAR_DUPLICATES = f"# Library\n\n{LIBRARY_BEFORE}\n\n{LIBRARY_AFTER}\n"

ANSI = re.compile(r"\x1b\[")


pytestmark = pytest.mark.usefixtures("cli_env")


def run_json(*argv: str) -> tuple[int, list[dict[str, object]]]:
    code, out, _ = run("--format", "json", *argv)
    return code, json.loads(out)


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


def codes(findings: list[dict[str, object]]) -> list[object]:
    return [f["code"] for f in findings]


def source_slice(source: str, finding: dict[str, object]) -> str:
    """The source between a finding's (line, column) and (end_line, end_column)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    line, column = finding["line"], finding["column"]
    end_line, end_column = finding["end_line"], finding["end_column"]
    assert isinstance(line, int) and isinstance(column, int)
    assert isinstance(end_line, int) and isinstance(end_column, int)
    return source[starts[line - 1] + column - 1:starts[end_line - 1] + end_column - 1]


def test_clean_draft_exits_0(tmp_path: Path) -> None:
    code, out, err = run(write(tmp_path / "clean.md", CLEAN))
    assert code == 0
    assert "No findings in 1 file." in out
    assert err == ""


def test_findings_exit_1(tmp_path: Path) -> None:
    code, out, _ = run(write(tmp_path / "draft.md", MIXED))
    assert code == 1
    assert "draft.md:9:1: AT301 repeated-paragraph [error]" in out


def test_missing_file_exits_2_and_other_files_are_still_linted(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.md", MIXED)
    code, out, _ = run(str(tmp_path / "missing.md"), draft)
    assert code == 2
    assert "missing.md: error: no such file or directory" in out
    assert "draft.md:9:1: AT301 repeated-paragraph" in out


def test_unknown_select_rule_exits_2(tmp_path: Path) -> None:
    code, out, err = run("--select", "no-such-rule", write(tmp_path / "draft.md", MIXED))
    assert code == 2
    assert "unknown rule 'no-such-rule' in --select" in err
    assert out == ""


def test_no_path_exits_2() -> None:
    code, _, err = run()
    assert code == 2
    assert "give at least one PATH" in err


def test_bad_config_key_exits_2_naming_key_and_file(tmp_path: Path) -> None:
    config = write(tmp_path / "attrlint.toml", 'fail-on = "error"\nselcet = ["AT101"]\n')
    code, out, _ = run(write(tmp_path / "draft.md", CLEAN))
    assert code == 2
    assert "unknown key 'selcet'" in out
    assert config in out


def test_json_contract(tmp_path: Path) -> None:
    code, findings = run_json(write(tmp_path / "draft.md", MIXED))
    assert code == 1
    assert [(f["code"], f["line"]) for f in findings] == [
        ("AT101", 3), ("AT201", 5), ("AT301", 9)]
    for finding in findings:
        assert finding.keys() >= JSON_KEYS
        assert finding["path"] == str(tmp_path / "draft.md")
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(finding[key], int) and finding[key] >= 1
    repeated = findings[2]
    assert repeated["rule"] == "repeated-paragraph"
    assert repeated["severity"] == "error"
    assert repeated["message"] == "paragraph repeats line 7 word for word"
    assert repeated["hint"]


def test_json_positions_slice_out_the_finding_text(tmp_path: Path) -> None:
    # Non-ASCII before a span, CRLF endings and a hard-wrapped (multi-line) span.
    wrapped = ("The café on Quay Street, the only one in the village,\r\n"
               "will close in October, its owner, Ana Ruiz, said.")
    source = ("# Café closes\r\n\r\n"
              "Résidents say the café will reportedly become a bakery.\r\n\r\n"
              f"{wrapped}\r\n\r\n{wrapped}\r\n")
    code, findings = run_json(write(tmp_path / "draft.md", source))
    assert code == 1
    assert {f["code"] for f in findings} >= {"AT201", "AT301"}
    for finding in findings:
        assert source_slice(source, finding) == finding["text"]
    repeated = next(f for f in findings if f["code"] == "AT301")
    assert (repeated["line"], repeated["end_line"]) == (8, 9)


def test_github_annotations(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.md", WARNING_ONLY)
    code, out, _ = run("--format", "github", draft)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1
    match = re.fullmatch(
        r"::warning file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
        r"endLine=\d+,endColumn=(?P<end>\d+),title=(?P<title>[^:]+)::(?P<message>.+)",
        lines[0])
    assert match is not None, lines[0]
    assert match["file"] == draft
    assert (match["line"], match["col"]) == ("3", "12")
    assert int(match["end"]) > int(match["col"])
    assert match["title"] == "AT201 vague-attribution"


def test_github_format_is_the_default_under_github_actions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(write(tmp_path / "draft.md", WARNING_ONLY))
    assert code == 1
    assert out.startswith("::warning file=")


def test_github_format_reports_unreadable_files(tmp_path: Path) -> None:
    code, out, _ = run("--format", "github", str(tmp_path / "missing.md"))
    assert code == 2
    assert f"::error file={tmp_path / 'missing.md'}::no such file or directory" in out


def test_non_tty_output_has_no_ansi_escapes(tmp_path: Path) -> None:
    code, out, err = run(write(tmp_path / "draft.md", MIXED))
    assert code == 1
    assert "AT301" in out
    assert not ANSI.search(out + err)


def _run_on_terminal(argv: list[str], env: dict[str, str]) -> bytes:
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "attrlint", *argv],
                                   stdout=follower, stderr=follower, env=env)
    finally:
        os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_on_a_terminal_has_no_ansi_escapes(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.md", MIXED)
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    env["TERM"] = "xterm-256color"
    styled = _run_on_terminal([draft], env)
    assert b"AT301" in styled
    assert b"\x1b[" in styled, "a terminal without NO_COLOR should be styled"
    plain = _run_on_terminal([draft], {**env, "NO_COLOR": "1"})
    assert b"AT301" in plain
    assert b"\x1b[" not in plain


@pytest.mark.parametrize(("argv", "expected"), [
    ([], ["AT101", "AT201", "AT301"]),
    (["--select", "AT3"], ["AT301"]),
    (["--select", "repeated-"], ["AT301"]),
    (["--select", "uncited-number"], ["AT101"]),
    (["--select", "AT101,AT201"], ["AT101", "AT201"]),
    (["--select", "AT101", "--select", "AT301"], ["AT101", "AT301"]),
    (["--ignore", "AT301"], ["AT101", "AT201"]),
    (["--ignore", "vague-attribution"], ["AT101", "AT301"]),
    (["--ignore", "AT2", "--ignore", "AT1"], ["AT301"]),
    (["--ignore", "repeated-"], ["AT101", "AT201"]),
    (["--select", "AT1,AT3", "--ignore", "AT301"], ["AT101"]),
])
def test_select_and_ignore(tmp_path: Path, argv: list[str], expected: list[str]) -> None:
    _, findings = run_json(*argv, write(tmp_path / "draft.md", MIXED))
    assert codes(findings) == expected


def test_fail_on_error_lets_warnings_pass(tmp_path: Path) -> None:
    warnings = write(tmp_path / "warnings.md", WARNING_ONLY)
    assert run(warnings)[0] == 1
    assert run("--fail-on", "error", warnings)[0] == 0
    assert run("--fail-on", "error", write(tmp_path / "errors.md", MIXED))[0] == 1


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(ALL_CODES)
    assert "repeated-paragraph" in out


@pytest.mark.parametrize("name", ["AT301", "repeated-paragraph"])
def test_explain_prints_the_rule_documentation(name: str) -> None:
    code, out, _ = run("explain", name)
    assert code == 0
    assert out.startswith("AT301 repeated-paragraph (default severity: error)")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                    "## Options"):
        assert heading in out


def test_explain_unknown_rule_exits_2() -> None:
    code, _, err = run("explain", "AT999")
    assert code == 2
    assert "unknown rule 'AT999'" in err


def test_version_from_python_m() -> None:
    result = subprocess.run([sys.executable, "-m", "attrlint", "--version"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"attrlint {attrlint.__version__}"


def test_attrlint_toml_found_walking_up(tmp_path: Path) -> None:
    write(tmp_path / "desk" / "attrlint.toml", 'ignore = ["AT301"]\n')
    governed = write(tmp_path / "desk" / "politics" / "2024" / "draft.md", MIXED)
    outside = write(tmp_path / "other" / "draft.md", MIXED)
    _, findings = run_json(governed, outside)
    assert [(Path(str(f["path"])).parts[-2], f["code"]) for f in findings] == [
        ("2024", "AT101"), ("2024", "AT201"),
        ("other", "AT101"), ("other", "AT201"), ("other", "AT301")]


def test_pyproject_tool_table_found_walking_up(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.attrlint]\nselect = ["AT3"]\n')
    # A pyproject.toml without [tool.attrlint] does not stop the search.
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "desk"\n')
    _, findings = run_json(write(tmp_path / "desk" / "draft.md", MIXED))
    assert codes(findings) == ["AT301"]


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.attrlint]\nselect = ["AT3"]\n')
    write(tmp_path / "desk" / ".attrlint.toml", 'select = ["AT1"]\n')
    _, findings = run_json(write(tmp_path / "desk" / "draft.md", MIXED))
    assert codes(findings) == ["AT101"]


def test_explicit_config_replaces_the_search(tmp_path: Path) -> None:
    write(tmp_path / "attrlint.toml", 'select = ["AT3"]\n')
    explicit = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["AT2"]\n')
    _, findings = run_json("--config", explicit, write(tmp_path / "draft.md", MIXED))
    assert codes(findings) == ["AT201"]


def test_per_file_ignores_by_glob(tmp_path: Path) -> None:
    write(tmp_path / "attrlint.toml",
          '[per-file-ignores]\n"wire/*.md" = ["repeated-paragraph", "AT1"]\n')
    wire = write(tmp_path / "wire" / "draft.md", MIXED)
    desk = write(tmp_path / "desk" / "draft.md", MIXED)
    _, findings = run_json(wire, desk)
    assert [(Path(str(f["path"])).parent.name, f["code"]) for f in findings] == [
        ("wire", "AT201"), ("desk", "AT101"), ("desk", "AT201"), ("desk", "AT301")]


def test_rule_option_changes_the_rule(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.md", NEAR_DUPLICATES)
    assert "AT302" not in codes(run_json(draft)[1])
    write(tmp_path / "pyproject.toml",
          "[tool.attrlint.rules.near-duplicate-paragraph]\nthreshold = 0.6\n")
    _, findings = run_json(draft)
    assert [(f["code"], f["line"]) for f in findings if f["code"] == "AT302"] == [("AT302", 5)]


@pytest.mark.parametrize(("table", "expected"), [
    ('threshold = "high"', "'rules.near-duplicate-paragraph.threshold' must be float"),
    ("threshold = true", "'rules.near-duplicate-paragraph.threshold' must be float"),
    ("treshold = 0.9", "unknown option 'rules.near-duplicate-paragraph.treshold'"),
    ('severity = "fatal"', "'rules.near-duplicate-paragraph.severity'"),
])
def test_rule_options_are_validated(tmp_path: Path, table: str, expected: str) -> None:
    config = write(tmp_path / "pyproject.toml",
                   f"[tool.attrlint.rules.near-duplicate-paragraph]\n{table}\n")
    code, out, _ = run(write(tmp_path / "draft.md", NEAR_DUPLICATES))
    assert code == 2
    assert expected in out
    assert config in out


def _fix_case(tmp_path: Path, name: str, data: bytes, expected: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, _, _ = run("--fix", str(path))
    assert code == 0
    assert path.read_bytes() == expected
    code, _, _ = run("--fix", str(path))
    assert code == 0
    assert path.read_bytes() == expected


def test_fix_removes_the_later_copy(tmp_path: Path) -> None:
    before = MIXED.encode()
    after = MIXED.rsplit(f"\n\n{REPEATED_PARAGRAPH}\n", 1)[0].encode() + b"\n"
    path = tmp_path / "draft.md"
    path.write_bytes(before)
    code, out, _ = run("--fix", "--format", "json", str(path))
    assert code == 1
    assert codes(json.loads(out)) == ["AT101", "AT201"]
    assert path.read_bytes() == after
    assert path.read_bytes().count(REPEATED_PARAGRAPH.encode()) == 1


def test_fix_keeps_crlf_line_endings(tmp_path: Path) -> None:
    head = "# Quay\r\n\r\n"
    tail = "\r\n\r\nThe harbour office said the tide tables would follow.\r\n"
    _fix_case(tmp_path, "crlf.md",
              f"{head}{REPEATED_PARAGRAPH}\r\n\r\n{REPEATED_PARAGRAPH}{tail}".encode(),
              f"{head}{REPEATED_PARAGRAPH}{tail}".encode())


def test_fix_keeps_a_utf8_bom(tmp_path: Path) -> None:
    text = "# Café\n\n{0}\n\nThe owner, Ana Ruiz, said it would reopen.\n\n{0}\n"
    _fix_case(tmp_path, "bom.md",
              b"\xef\xbb\xbf" + text.format(REPEATED_PARAGRAPH).encode(),
              b"\xef\xbb\xbf" + text.format(REPEATED_PARAGRAPH).rsplit("\n\n", 1)[0].encode()
              + b"\n")


def test_fix_keeps_cp1252_bytes(tmp_path: Path) -> None:
    head = "Café \u2014 the \u201cquay\u201d plan\n\n"
    tail = "\n\nThe owner, Ana Ruiz, said the café would stay open.\n"
    before = f"{head}{REPEATED_PARAGRAPH}\n\n{REPEATED_PARAGRAPH}{tail}".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        before.decode("utf-8")
    _fix_case(tmp_path, "cp1252.txt", before,
              f"{head}{REPEATED_PARAGRAPH}{tail}".encode("cp1252"))


@pytest.mark.parametrize("ending", ["", "\n", "\r\n"])
def test_fix_keeps_the_final_newline_state(tmp_path: Path, ending: str) -> None:
    nl = ending or "\n"
    head = f"# Quay{nl}{nl}{REPEATED_PARAGRAPH}"
    _fix_case(tmp_path, "last.md",
              f"{head}{nl}{nl}{REPEATED_PARAGRAPH}{ending}".encode(),
              f"{head}{ending}".encode())


def test_fix_in_one_paragraph_a_line_text(tmp_path: Path) -> None:
    lines = ["Harbour board approves breakwater",
             "The harbour board approved a new breakwater on Monday, its chair, Ruth Ames, "
             "said in a statement that ran to several pages.",
             REPEATED_PARAGRAPH,
             "The crews' association welcomed the decision in a short statement on its website.",
             REPEATED_PARAGRAPH,
             "The board will publish the contract when it is signed, Ames said."]
    expected = "\n".join(lines[:4] + lines[5:]) + "\n"
    _fix_case(tmp_path, "wire.txt", ("\n".join(lines) + "\n").encode(), expected.encode())


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(MIXED.encode())
    code, out, _ = run("--diff", str(path))
    assert code == 1
    assert f"--- a/{path}\n+++ b/{path}\n@@ " in out
    removed = [line for line in out.splitlines() if line.startswith("-") and
               not line.startswith("---")]
    assert removed == ["-", f"-{REPEATED_PARAGRAPH}"]
    assert path.read_bytes() == MIXED.encode()


def test_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(f"# Quay\n\n{REPEATED_PARAGRAPH}\n\n{REPEATED_PARAGRAPH}".encode())
    code, out, _ = run("--diff", "--format", "json", str(path))
    assert code == 1
    diff, _, findings = out.partition("\\ No newline at end of file\n")
    assert diff.endswith(f" {REPEATED_PARAGRAPH}\n")
    assert codes(json.loads(findings)) == ["AT301"]


def test_binary_file_gives_one_message_and_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run(str(binary), write(tmp_path / "draft.md", MIXED))
    assert code == 2
    assert (out + err).count("binary file") == 1
    assert f"{binary}: error: binary file (contains NUL bytes), skipped" in out
    assert "draft.md:9:1: AT301" in out


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_with_stdin_filename(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(MIXED.encode()))
    code, findings = run_json("-", "--stdin-filename", "draft.md")
    assert code == 1
    assert codes(findings) == ["AT101", "AT201", "AT301"]
    assert {f["path"] for f in findings} == {"draft.md"}


def test_stdin_filename_chooses_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    # In Markdown the indented copy is a code block, not prose; in plain text it is prose.
    text = f"    {REPEATED_PARAGRAPH}\n\n{REPEATED_PARAGRAPH}\n"
    monkeypatch.setattr(sys, "stdin", _Stdin(text.encode()))
    assert codes(run_json("-", "--stdin-filename", "draft.md")[1]) == []
    monkeypatch.setattr(sys, "stdin", _Stdin(text.encode()))
    assert codes(run_json("-", "--stdin-filename", "draft.txt")[1]) == ["AT301"]


def test_fix_never_writes_stdin_to_the_stdin_filename(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_disk = tmp_path / "draft.md"
    on_disk.write_bytes(CLEAN.encode())
    monkeypatch.setattr(sys, "stdin", _Stdin(MIXED.encode()))
    code, out, _ = run("--fix", "-", "--stdin-filename", "draft.md")
    assert code == 1
    assert "AT301" in out
    assert on_disk.read_bytes() == CLEAN.encode()


def _one_paragraph_a_line(lines: list[str]) -> str:
    return "\n".join(["Ferry timetable changes", *lines, REPEATED_PARAGRAPH]) + "\n"


def test_one_paragraph_a_line_text(tmp_path: Path) -> None:
    draft = _one_paragraph_a_line([
        "The ferry company announced its winter timetable on Tuesday, cutting the late "
        "sailings on weekdays, its spokesman, Ian Boyd, said.",
        REPEATED_PARAGRAPH,
        "The company did not say whether the cafe on board would stay open on the shorter "
        "crossings, or whether fares would change.",
    ])
    _, findings = run_json(write(tmp_path / "draft.txt", draft))
    assert [(f["code"], f["line"], f["end_line"]) for f in findings] == [("AT301", 5, 5)]


def test_one_short_paragraph_a_line_text(tmp_path: Path) -> None:
    draft = _one_paragraph_a_line([
        "The ferry company announced its winter timetable, Ian Boyd said.",
        REPEATED_PARAGRAPH,
        "The company did not say whether fares would change.",
    ])
    _, findings = run_json(write(tmp_path / "draft.txt", draft))
    assert [(f["code"], f["line"], f["end_line"]) for f in findings] == [("AT301", 5, 5)]


def test_hard_wrapped_text(tmp_path: Path) -> None:
    wrapped = ("The harbour master, Tom Ellis, said the quay\n"
               "would stay open all year and that the ferry\n"
               "would keep its berth, whatever the weather.\n")
    draft = (f"Ferry timetable changes\n\n{wrapped}\n"
             "The ferry company announced its winter timetable\n"
             "on Tuesday, its spokesman, Ian Boyd, said.\n\n"
             f"{wrapped}")
    _, findings = run_json(write(tmp_path / "draft.txt", draft))
    assert [(f["code"], f["line"], f["end_line"], f["message"]) for f in findings] == [
        ("AT301", 10, 12, "paragraph repeats line 3 word for word")]


def test_word_lock_files_are_not_linted(tmp_path: Path) -> None:
    write(tmp_path / "draft.md", "The council met on Monday, its clerk said.\n")
    (tmp_path / "~$draft.docx").write_bytes(b"\x00lock")
    out, err = io.StringIO(), io.StringIO()
    assert main([str(tmp_path)], stdout=out, stderr=err) == 0
    assert "~$" not in out.getvalue() + err.getvalue()
