"""Meta-tests: every rule is documented and tabled; every lexicon is clean data."""

from __future__ import annotations

from importlib import resources

import pytest

from attrlint import lint_text
from attrlint.config import Config, all_rules

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Options")

# Should-flag / should-pass sentences per rule (proselint's table); every rule has both.
EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "uncited-number": (
        ["The storm destroyed some 4,200 homes.", "Unemployment fell 3.9% in March.",
         "Nearly half of the town's shops have closed.", "Repairs will cost $1.8 billion."],
        ["The storm destroyed some 4,200 homes, the county said.",
         "Ana Ruiz, 67, has farmed here since 1984.", "It was the fourth round of talks.",
         "Route 9 reopened on Sept. 14 at 7:30 p.m.",
         "\"We lost 40 jobs,\" said Ana Ruiz.", "Four diplomats said the talks had stalled.",
         "Is this the wettest spring of the last 25 years?", "Copies of Star-Runner 2 sold out."],
    ),
    "vague-attribution": (
        ["The mayor reportedly plans to resign.", "Experts say the bridge is unsafe.",
         "Reports suggest the plant will close.", "It is believed the fire started upstairs."],
        ["The ministry said in a statement that the plant will close.",
         "Researchers at the University of Oslo said the bridge is unsafe.",
         "The symptoms suggest an infection.", "He reported the burglary to his insurer.",
         "The plant may close next year.", "\"Experts say it is safe,\" Mayor Ana Ruiz said."],
    ),
    "anonymous-source": (
        ["The port will be sold, officials said.", "A senior official said talks had stalled.",
         "People familiar with the matter said the deal was close."],
        ["Police said the road was closed.", "Hospital officials said two patients were hurt.",
         "A senior official said talks had stalled. The official spoke on condition of "
         "anonymity because the talks are private."],
    ),
    "repeated-paragraph": (
        ["The council met on Monday to discuss the bridge.\n\n"
         "The council met on Monday to discuss the bridge."],
        ["Subscribe\n\nSubscribe", "The council met on Monday.\n\nThe board met on Friday."],
    ),
    "near-duplicate-paragraph": (
        ["Flooding closed 14 schools across the county on Monday, the office said.\n\n"
         "Flooding closed 16 schools across the county on Monday, the office said."],
        ["Flooding closed schools across the county on Monday, the office said.\n\n"
         "Rail services resumed on Tuesday after crews cleared the line, the operator said."],
    ),
    "repeated-sentence": (
        ["The bridge closed in March. Engineers found cracks in two of its piers.\n\n"
         "Traffic now runs through town. Engineers found cracks in two of its piers."],
        ["He declined to comment.\n\nHe declined to comment on Friday either way, he said."],
    ),
}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.NAME)
def test_documentation(rule) -> None:  # type: ignore[no-untyped-def]
    doc = rule.__doc__ or ""
    for section in SECTIONS:
        assert section in doc, f"{rule.NAME} lacks {section}"
    assert rule.CODE.startswith("AT") and rule.NAME.lower() == rule.NAME
    for option in rule.OPTIONS:
        assert f"`{option}`" in doc, f"{rule.NAME} does not document {option}"


def test_every_rule_has_examples() -> None:
    assert set(EXAMPLES) == {r.NAME for r in all_rules()}


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_examples(rule: str) -> None:
    config = Config().with_overrides(select=[rule])
    flag, ok = EXAMPLES[rule]
    for text in flag:
        found = [f for f in lint_text(text, "x.md", config) if f.severity != "info"]
        assert found, f"{rule} should flag: {text!r}"
    for text in ok:
        found = [f for f in lint_text(text, "x.md", config) if f.severity != "info"]
        assert not found, f"{rule} should pass: {text!r} but found {found}"


def _lexicons() -> list[str]:
    folder = resources.files("attrlint.rules").joinpath("lexicons")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", _lexicons())
def test_lexicon_is_clean(name: str) -> None:
    text = resources.files("attrlint.rules").joinpath("lexicons", name).read_text("utf-8")
    lines = text.splitlines()
    assert lines and lines[0].startswith("#"), f"{name} needs a header comment"
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries, name
    assert all(line == line.strip() for line in lines), f"{name}: stray whitespace"
    assert entries == sorted(entries), f"{name} is not sorted"
    assert len(entries) == len(set(entries)), f"{name} has duplicates"
    assert all(e == e.lower() for e in entries if name != "agentless.txt"), name
