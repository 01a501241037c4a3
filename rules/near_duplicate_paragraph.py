"""Flags a paragraph that is nearly a copy of an earlier one.

## What it does
Finds pairs of paragraphs whose texts differ only slightly: a word changed, a figure
updated, a clause added. Similarity is the normalised edit (Indel) similarity of the two
texts after folding whitespace; pairs at or above `threshold` are reported on the later
paragraph, naming the earlier one's line. Candidates share a run of five words at their
start, middle or end (any word trigram below a threshold of 0.8), so long drafts are not
compared pair by pair. List items are left out, and so is a paragraph close to two or
more others: the entries of a results table, an awards list or a sheet of price quotes
share their pattern by design.

## Why is this bad?
When a wire story is updated, the new paragraph often lands beside the old one instead of
replacing it: the draft then states two versions of the same fact, usually with different
numbers.

## Example
    Flooding closed 14 schools across the county, the education office said.
    ...
    Flooding closed 16 schools across the county, the education office said.

## Use instead
Keep the version that is current and delete the other. These are never removed
automatically: only a person can tell which version is right.

## Options
- `threshold` (float, default 0.85): similarity from 0 to 1 at which two paragraphs count
  as near-duplicates. On the labelled pairs in tests/corpus/near_duplicates.jsonl, 0.80
  gives precision 0.96 and recall 0.99, 0.85 gives 1.00 and 0.87; on real wire copy the
  pairs between 0.80 and 0.85 were mostly formulaic lines about different things (price
  quotes, fund listings, "X also raised its prime rate"), so the default is 0.85.
- `min-words` (int, default 8): shorter paragraphs are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrlint.document import Document
from attrlint.finding import Severity, Violation
from attrlint.repetition import exact_groups, near_pairs

NAME = "near-duplicate-paragraph"
CODE = "AT302"
SEVERITY: Severity = "warning"
OPTIONS: Mapping[str, object] = {"threshold": 0.85, "min-words": 8}


def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Report each paragraph that nearly repeats an earlier one."""
    exact = exact_groups(doc, 1)
    skip = set(exact)
    for later, earlier, score in near_pairs(doc, float(options["threshold"]),
                                            options["min-words"], skip):
        block = doc.blocks[later]
        line = doc.position(doc.blocks[earlier].source_start)[0]
        yield Violation(block.start, block.end,
                        f"paragraph is {score:.0%} similar to line {line}",
                        "keep one version: merge the two or delete the stale one")
