"""Annotated fixture drafts: every annotation is asserted, every finding must be annotated.

A fixture is a draft in tests/fixtures. The line before each annotated line carries
``<!-- expect: rule-a, rule-b -->`` (the multiset of rules whose findings start on the
next line) or ``<!-- ok -->`` (no finding there). A finding on a line without an
annotation fails the test, and so does an annotation that does not hold.

In Markdown and HTML the annotations are comments, which are not prose. Plain-text
fixtures (``.txt``) have their annotation lines taken out before linting, and Word fixtures
(``.docxspec``: one paragraph a line, ``# `` for a heading) are built into a .docx first;
either way the expectations follow the lines they annotate.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

from attrlint import Finding, lint_text
from attrlint.config import Config, all_rules
from attrlint.engine import lint_document

FIXTURES = Path(__file__).parent / "fixtures"
ANNOTATION = re.compile(r"<!--\s*(?:expect:\s*(?P<rules>[\w\s,-]+?)|(?P<ok>ok))\s*-->")


def _expectations(text: str) -> dict[int, Counter[str]]:
    expected: dict[int, Counter[str]] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        match = ANNOTATION.fullmatch(line.strip())
        if match is None:
            continue
        rules = match.group("rules")
        names = [r.strip() for r in rules.split(",")] if rules else []
        expected[number + 1] = Counter(names)
    return expected


def _fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir()
                  if p.suffix in (".md", ".txt", ".html", ".docxspec"))


def _without_annotations(text: str) -> tuple[str, dict[int, Counter[str]]]:
    """The draft with its annotation lines removed, and expectations for the lines left."""
    expected = _expectations(text)
    kept: list[str] = []
    remapped: dict[int, Counter[str]] = {}
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if ANNOTATION.fullmatch(line.strip()):
            continue
        kept.append(line)
        if number in expected:
            remapped[len(kept)] = expected[number]
    return "".join(kept), remapped


def _lint_word(spec: str) -> list[Finding]:
    docx = pytest.importorskip("docx")
    from attrlint.formats.docx import read_docx

    document = docx.Document()
    for line in spec.splitlines():
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return lint_document(read_docx("draft.docx", buffer.getvalue()), Config())


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.name)
def test_fixture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".txt", ".docxspec"):
        text, expected = _without_annotations(text)
        findings = _lint_word(text) if path.suffix == ".docxspec" else lint_text(text, "d.txt")
    else:
        expected = _expectations(text)
        findings = lint_text(text, str(path))
    assert expected, f"{path.name} has no annotations"
    found: dict[int, Counter[str]] = {}
    for finding in findings:
        if finding.severity == "info":
            continue
        found.setdefault(finding.line, Counter())[finding.rule] += 1
    problems = []
    for line, rules in sorted(found.items()):
        if line not in expected:
            problems.append(f"line {line}: unannotated finding(s) {dict(rules)}")
    for line, rules in sorted(expected.items()):
        got = found.get(line, Counter())
        if got != rules:
            problems.append(f"line {line}: expected {dict(rules) or 'ok'}, got {dict(got) or 'ok'}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_every_rule_has_a_fixture() -> None:
    names = {p.stem for p in _fixtures()}
    missing = [r.NAME for r in all_rules() if r.NAME not in names]
    assert not missing, f"rules without a fixture: {missing}"


def test_every_rule_is_exercised_by_its_fixture() -> None:
    for rule in all_rules():
        text = (FIXTURES / f"{rule.NAME}.md").read_text(encoding="utf-8")
        assert any(rule.NAME in c for c in _expectations(text).values()), rule.NAME
