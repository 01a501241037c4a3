"""Annotated fixture drafts: every annotation is asserted, every finding must be annotated.

A fixture is a draft in tests/fixtures. The line before each annotated line carries
``<!-- expect: rule-a, rule-b -->`` (the multiset of rules whose findings start on the
next line) or ``<!-- ok -->`` (no finding there). A finding on a line without an
annotation fails the test, and so does an annotation that does not hold.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from attrlint import lint_text
from attrlint.config import all_rules

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
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt", ".html"))


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.name)
def test_fixture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _expectations(text)
    assert expected, f"{path.name} has no annotations"
    found: dict[int, Counter[str]] = {}
    for finding in lint_text(text, str(path)):
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
