"""Precision and recall of the sourcing rules on the labelled corpora in tests/corpus.

    python bench/accuracy.py            # table per rule
    python bench/accuracy.py --errors   # also list every miss and false alarm

attribution.jsonl items carry ``expect``: the rules that must fire somewhere in the
item. numbers.jsonl items carry ``flag``: the figure spans that must be flagged; a
finding matches an expected span when one contains the other.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from attrlint import lint_text
from attrlint.config import Config

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
SOURCING = ("vague-attribution", "anonymous-source")


@dataclass
class Score:
    """Counts for one rule, and the items behind each error."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def exactness(self) -> float:
        """Share of true positives whose span is exactly the expected text."""
        return self.exact / self.tp if self.tp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _items(name: str) -> list[dict[str, object]]:
    with open(CORPUS / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_sourcing() -> dict[str, Score]:
    """Item-level scores of AT201 and AT202 on attribution.jsonl."""
    config = Config().with_overrides(select=list(SOURCING))
    scores = {rule: Score() for rule in SOURCING}
    for item in _items("attribution.jsonl"):
        text = str(item["text"])
        expected = set(item["expect"])  # type: ignore[call-overload]
        found = lint_text(text, "item.md", config)
        fired = {f.rule for f in found if f.severity != "info"}
        for rule, score in scores.items():
            want, got = rule in expected, rule in fired
            if want and got:
                score.tp += 1
            elif got:
                score.fp += 1
                spans = [f.text for f in found if f.rule == rule]
                score.errors.append(f"FP {spans} | {text}")
            elif want:
                score.fn += 1
                score.errors.append(f"FN | {text}")
    return scores


def score_numbers() -> dict[str, Score]:
    """Span-level score of AT101 on numbers.jsonl."""
    config = Config().with_overrides(select=["uncited-number"])
    score = Score()
    for item in _items("numbers.jsonl"):
        text = str(item["text"])
        expected = list(item["flag"])  # type: ignore[call-overload]
        found = [f.text for f in lint_text(text, "item.md", config)]
        unmatched = list(found)
        for span in expected:
            hit = next((f for f in unmatched if span in f or f in span), None)
            if hit is None:
                score.fn += 1
                score.errors.append(f"FN {span!r} | {text}")
            else:
                score.tp += 1
                score.exact += hit == span
                if hit != span:
                    score.errors.append(f"SPAN {hit!r} for {span!r} | {text}")
                unmatched.remove(hit)
        for extra in unmatched:
            score.fp += 1
            score.errors.append(f"FP {extra!r} | {text}")
    return {"uncited-number": score}


def main() -> None:
    """Print the table (and the errors with --errors)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rule", help="only this rule")
    args = parser.parse_args()
    scores = {**score_sourcing(), **score_numbers()}
    print(f"{'rule':<22} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"
          f" {'exact spans':>11}")
    for rule, s in scores.items():
        if args.rule and rule != args.rule:
            continue
        exact = f"{s.exactness:>11.3f}" if rule == "uncited-number" else ""
        print(f"{rule:<22} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>9.3f} {s.recall:>7.3f}"
              f" {exact}")
    if args.errors:
        for rule, s in scores.items():
            if args.rule and rule != args.rule:
                continue
            for line in s.errors:
                print(f"[{rule}] {line}")


if __name__ == "__main__":
    main()
