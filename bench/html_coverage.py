"""How much of a real article page's text the HTML reader keeps as prose, and how much else.

    python bench/html_coverage.py                  # summary over ../shared/corpus/html
    python bench/html_coverage.py --pages          # also one line per page, worst first
    python bench/html_coverage.py --corpus DIR     # another folder of *.html.gz pages

Each page's ground truth is the human-extracted article body in ground-truth.json (keyed by
the file's hash). Words are case-folded runs of letters and digits, counted as multisets:
recall is the share of ground-truth words the reader keeps as prose (its coverage), and
precision the share of prose words that belong to the article (the rest is page
furniture the reader failed to leave out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from attrlint.formats import decode
from attrlint.formats.html import declared_encoding, read_html

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class PageScore:
    """Word overlap of one page's prose with its ground truth."""

    name: str
    truth_words: int
    prose_words: int
    shared: int

    @property
    def recall(self) -> float:
        return self.shared / self.truth_words if self.truth_words else 1.0

    @property
    def precision(self) -> float:
        return self.shared / self.prose_words if self.prose_words else 1.0


def words(text: str) -> Counter[str]:
    """Case-folded words of a text, with their counts."""
    return Counter(w.casefold() for w in _WORD.findall(text))


def page_prose(data: bytes) -> str:
    """The prose the HTML reader keeps from a page's bytes."""
    return read_html("page.html", decode(data, declared_encoding(data)).text).prose


def score_corpus(corpus: Path = CORPUS) -> list[PageScore]:
    """Scores of every page in ``corpus`` that has a ground truth."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for path in sorted(corpus.glob("*.html.gz")):
        key = path.name.split(".")[0]
        if key not in truth:
            continue
        expected = words(truth[key]["articleBody"])
        kept = words(page_prose(gzip.decompress(path.read_bytes())))
        shared = sum((expected & kept).values())
        scores.append(PageScore(key, sum(expected.values()), sum(kept.values()), shared))
    return scores


def summary(scores: list[PageScore]) -> str:
    """The figures recorded in docs/accuracy.md."""
    recall = [s.recall for s in scores]
    precision = [s.precision for s in scores]
    at_90 = sum(1 for r in recall if r >= 0.90)
    return (f"pages: {len(scores)}\n"
            f"recall (coverage): mean {statistics.mean(recall):.3f}, "
            f"median {statistics.median(recall):.3f}; "
            f"{at_90} of {len(scores)} pages at 0.90 or more\n"
            f"precision: mean {statistics.mean(precision):.3f}, "
            f"median {statistics.median(precision):.3f}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pages", action="store_true", help="one line per page, worst first")
    args = parser.parse_args(argv)
    if not (args.corpus / "ground-truth.json").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    scores = score_corpus(args.corpus)
    if args.pages:
        for s in sorted(scores, key=lambda s: s.recall):
            print(f"{s.name[:12]}  recall {s.recall:.3f}  precision {s.precision:.3f}  "
                  f"truth {s.truth_words:6d}  prose {s.prose_words:6d}")
    print(summary(scores), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
