"""The lexicon helpers that build the scans: a guard never changes what a pattern finds."""

from __future__ import annotations

import re

import pytest

from attrlint import lexicon

TEXT = ("it is believed the talks stalled. reportedly, word is that rumours of a deal "
        "were said to be false; there were reports of delays, as officials said, and "
        "questions have been raised. quoted by aides, it emerged in a statement.")


def test_guard_lists_the_opening_letters() -> None:
    assert lexicon.first_letter_guard(["said", "(?:are|is|was)\\s+x", "told"]) == \
        "(?=[aistw])"


@pytest.mark.parametrize("patterns", [
    ["said", "\\d+ people"],         # opens with a class, not a letter
    ["(?:a(?:b|c)|d)"],              # a nested group
    ["Said"],                        # capitals: the scans run on lower-cased prose
    [],
])
def test_guard_is_empty_when_it_cannot_be_sure(patterns: list[str]) -> None:
    assert lexicon.first_letter_guard(patterns) == ""


def test_guarded_agentless_scan_finds_the_same_matches() -> None:
    phrases = list(lexicon.load("agentless"))
    body = "(?:" + "|".join(phrases) + ")"
    plain = re.compile(r"\b" + body)
    guarded = re.compile(r"\b" + lexicon.first_letter_guard(phrases) + body)
    assert lexicon.first_letter_guard(phrases)
    expected = [m.span() for m in plain.finditer(TEXT)]
    assert len(expected) >= 5
    assert [m.span() for m in guarded.finditer(TEXT)] == expected
