"""Floors on precision and recall over the labelled corpora (bench/accuracy.py prints them)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from attrlint.repetition import normalise, similarity

ROOT = Path(__file__).resolve().parent.parent
FLOOR = 0.90


def _accuracy():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    module = _accuracy()
    return {**module.score_sourcing(), **module.score_numbers()}


def test_uncited_number_spans_cover_exactly_the_figure(scores) -> None:  # type: ignore[no-untyped-def]
    """Spans include approximators and units the corpus marks ('some 7,250'), nothing more."""
    assert scores["uncited-number"].exactness >= 0.95, scores["uncited-number"].errors[:10]


@pytest.mark.parametrize("rule", ["vague-attribution", "anonymous-source", "uncited-number"])
def test_floor(scores, rule: str) -> None:  # type: ignore[no-untyped-def]
    score = scores[rule]
    assert score.precision >= FLOOR, (rule, score.precision, score.errors[:10])
    assert score.recall >= FLOOR, (rule, score.recall, score.errors[:10])


def test_corpora_are_big_and_balanced() -> None:
    attribution = [json.loads(line) for line in (ROOT / "tests/corpus/attribution.jsonl").open()]
    numbers = [json.loads(line) for line in (ROOT / "tests/corpus/numbers.jsonl").open()]
    assert len(attribution) >= 300 and len(numbers) >= 300
    positive = sum(bool(item["expect"]) for item in attribution)
    assert 0.4 <= positive / len(attribution) <= 0.6
    flagged = sum(bool(item["flag"]) for item in numbers)
    assert 0.4 <= flagged / len(numbers) <= 0.6
    for item in numbers:
        for span in item["flag"]:
            assert span in item["text"], span


def test_near_duplicate_threshold_separates_labelled_pairs() -> None:
    """Default threshold 0.85: precision 1.000, recall 0.866 on the 137 labelled pairs."""
    pairs = [json.loads(line) for line in (ROOT / "tests/corpus/near_duplicates.jsonl").open()]
    tp = fp = fn = 0
    for pair in pairs:
        score = similarity(normalise(pair["a"]), normalise(pair["b"]))
        flagged = score >= 0.85
        tp += flagged and pair["near_duplicate"]
        fp += flagged and not pair["near_duplicate"]
        fn += (not flagged) and pair["near_duplicate"]
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.85
