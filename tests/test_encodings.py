"""Drafts as they arrive from newsrooms: byte-order marks, old Windows encodings, every line
ending, binary files mistaken for drafts, oversized exports and empty files.

Columns count characters of the decoded text, whatever the bytes on disk.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest
from cli_helpers import run

# A real Latin-1 article, outside the repository; the test skips when it is absent.
CORPUS_FILE = Path(__file__).resolve().parents[2] / "shared/corpus/bbc/sport/199.txt"

# A figure with no source, after non-ASCII characters on its line (one outside the BMP).
DRAFT = "# Café reopens\n\nThe café 🌊 on Quay Street lost some 4,200 customers in March.\n"
FIGURE_LINE = 3


pytestmark = pytest.mark.usefixtures("cli_env")


def run_json(*paths: str) -> tuple[int, list[dict[str, object]], str]:
    code, out, err = run("--format", "json", *paths)
    return code, json.loads(out), err


def assert_points_at_text(text: str, finding: dict[str, object]) -> None:
    """The finding's lines and columns slice its text out of the decoded source."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line, column, end_line, end_column = (
        int(str(finding[key])) for key in ("line", "column", "end_line", "end_column"))
    start = starts[line - 1] + column - 1
    end = starts[end_line - 1] + end_column - 1
    assert text[start:end] == finding["text"]


def write_bytes(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def figure_finding(findings: list[dict[str, object]]) -> dict[str, object]:
    (finding,) = [f for f in findings if f["code"] == "AT101"]
    assert "4,200" in str(finding["text"])
    return finding


@pytest.mark.parametrize(("bom", "encoding"), [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_byte_order_marks(tmp_path: Path, bom: bytes, encoding: str) -> None:
    path = write_bytes(tmp_path / "draft.md", bom + DRAFT.encode(encoding))
    code, findings, err = run_json(path)
    assert code == 1
    assert err == ""  # a byte-order mark is not worth a notice
    finding = figure_finding(findings)
    assert finding["line"] == FIGURE_LINE
    # The BOM is not a character of the first line, and the emoji is one character.
    assert finding["column"] == DRAFT.splitlines()[2].index("some 4,200") + 1 == 32
    assert_points_at_text(DRAFT, finding)


def test_utf16_without_a_bom_is_binary(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "draft.md", DRAFT.encode("utf-16-le"))
    code, out, err = run(path)
    assert code == 2
    assert f"{path}: error: binary file (contains NUL bytes), skipped" in out
    assert "notice" not in err


def test_bom_followed_by_invalid_bytes_is_an_error(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "draft.md", codecs.BOM_UTF8 + b"The caf\xe9 lost 12%.\n")
    code, out, _ = run(path)
    assert code == 2
    assert f"{path}: error: not valid utf-8 despite its byte-order mark" in out


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_line_endings(tmp_path: Path, newline: str, suffix: str) -> None:
    text = DRAFT.replace("\n", newline)
    path = write_bytes(tmp_path / f"draft{suffix}", text.encode())
    code, findings, _ = run_json(path)
    assert code == 1
    finding = figure_finding(findings)
    assert (finding["line"], finding["end_line"]) == (FIGURE_LINE, FIGURE_LINE)
    assert_points_at_text(text, finding)


def test_mixed_line_endings_count_every_break(tmp_path: Path) -> None:
    text = "# Café reopens\r\rIts owner said so.\n\rThe café 🌊 lost some 4,200 customers.\r\n"
    path = write_bytes(tmp_path / "draft.md", text.encode())
    _, findings, _ = run_json(path)
    finding = figure_finding(findings)
    assert finding["line"] == 5
    assert_points_at_text(text, finding)


def test_windows_1252_is_read_with_a_notice(tmp_path: Path) -> None:
    text = ("Café owners count the cost\r\n\r\n"
            "The \u201cnew\u201d café on Quay Street \u2014 open since May \u2014 lost "
            "some 4,200 customers.\r\n")
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = write_bytes(tmp_path / "draft.txt", data)
    code, findings, err = run_json(path)
    assert code == 1
    first_bad = data.index(b"\xe9")
    assert err == f"{path}: notice: not UTF-8 (first bad byte at offset {first_bad}); " \
                  "read as cp1252\n"
    finding = figure_finding(findings)
    assert finding["line"] == 3
    # Curly quotes and dashes are one character each, not the bytes that held them.
    assert finding["column"] == text.splitlines()[2].index("some 4,200") + 1 == 55
    assert_points_at_text(text, finding)


def test_bytes_undefined_in_windows_1252_are_read_as_latin_1(tmp_path: Path) -> None:
    # 0x81 has no character in Windows-1252; Latin-1 maps every byte.
    data = "Storm\n\nThe caf\u00e9 lost some 4,200 customers.\n".encode("latin-1") + b"\x81\n"
    path = write_bytes(tmp_path / "draft.txt", data)
    code, findings, err = run_json(path)
    assert code == 1
    first_bad = data.index("é".encode("latin-1"))
    assert err == f"{path}: notice: not UTF-8 (first bad byte at offset {first_bad}); " \
                  "read as latin-1\n"
    assert figure_finding(findings)["column"] == len("The café lost ") + 1


def test_notice_goes_to_stderr_and_json_stays_valid(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "draft.md", DRAFT.encode("cp1252", errors="replace"))
    code, out, err = run("--format", "json", path)
    assert code == 1
    assert json.loads(out)
    assert err.count("notice:") == 1


def test_binary_file_is_skipped_with_one_message(tmp_path: Path) -> None:
    binary = write_bytes(tmp_path / "scan.txt", b"PK\x03\x04\x14\x00\x00\x00 some 4,200 homes")
    draft = write_bytes(tmp_path / "draft.md", DRAFT.encode())
    code, out, err = run(binary, draft)
    assert code == 2
    assert (out + err).count(binary) == 1
    assert f"{binary}: error: binary file (contains NUL bytes), skipped" in out
    assert f"{draft}:{FIGURE_LINE}:32: AT101 uncited-number" in out


def test_file_over_max_file_size_is_skipped_with_one_message(tmp_path: Path) -> None:
    (tmp_path / "attrlint.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_bytes(("The storm destroyed some 4,200 homes.\n\n" * 4).encode())
    small = write_bytes(tmp_path / "small.md", b"The storm destroyed some 4,200 homes.\n")
    code, out, err = run(str(big), small)
    assert code == 2
    assert (out + err).count(str(big)) == 1
    assert f"{big}: error: skipped: 156 bytes is over max-file-size (100)" in out
    assert f"{small}:1:21: AT101" in out


def test_file_at_max_file_size_is_linted(tmp_path: Path) -> None:
    (tmp_path / "attrlint.toml").write_text("max-file-size = 38\n", encoding="utf-8")
    path = write_bytes(tmp_path / "draft.md", b"The storm destroyed some 4,200 homes.\n")
    assert run(path)[0] == 1


@pytest.mark.parametrize("data", [b"", b"   \n\t\n\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n",
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_empty_and_blank_files_are_clean(tmp_path: Path, data: bytes, suffix: str) -> None:
    code, out, err = run(write_bytes(tmp_path / f"empty{suffix}", data))
    assert code == 0
    assert "No findings in 1 file." in out
    assert err == ""


def test_real_latin_1_article(tmp_path: Path) -> None:
    if not CORPUS_FILE.is_file():
        pytest.skip("the shared BBC corpus is not available")
    data = CORPUS_FILE.read_bytes()
    path = write_bytes(tmp_path / "article.txt", data)
    code, findings, err = run_json(path)
    assert code in (0, 1)
    assert re.fullmatch(rf"{re.escape(path)}: notice: not UTF-8 \(first bad byte at offset "
                        r"\d+\); read as (cp1252|latin-1)\n", err)
    text = data.decode("cp1252")
    for finding in findings:
        assert_points_at_text(text, finding)
