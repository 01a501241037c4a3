"""Flags a sentence of substance that appears twice in a draft.

## What it does
Reports the later copy of a sentence that already appeared elsewhere in the draft,
outside paragraphs that the paragraph rules already report (an exact or near copy of a
whole paragraph is one finding, not one per sentence). Short sentences ("He declined to
comment.") are left alone.

## Why is this bad?
A sentence repeated in two different paragraphs is usually left over from an edit: a
paragraph was rewritten around it and the old one kept.

## Example
    The bridge has been closed since March. Engineers found cracks in two piers.
    ...
    Traffic now runs through the town centre. Engineers found cracks in two piers.

## Use instead
Delete one of the copies, or rewrite the later one to add something new.

## Options
- `min-words` (int, default 6): shorter sentences are not compared.
- `paragraph-threshold` (float, default 0.85): two paragraphs at least this similar are
  the paragraph rules' finding, so their sentences are not reported again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrlint.document import Document
from attrlint.finding import Severity, Violation
from attrlint.repetition import as_written, block_texts, exact_groups, similarity

NAME = "repeated-sentence"
CODE = "AT303"
SEVERITY: Severity = "warning"
OPTIONS: Mapping[str, object] = {"min-words": 6, "paragraph-threshold": 0.85}


def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Report later copies of repeated sentences."""
    if len(doc.blocks) < 2:
        return  # a copy in the same paragraph is not reported
    min_words = options["min-words"]
    threshold = float(options["paragraph-threshold"])
    repeated = exact_groups(doc, 1)
    texts = block_texts(doc)
    plain = as_written(doc)
    prose = doc.prose
    sentences = doc.analysis.sentences
    if all(plain):
        # Every block is normalised already, so a sentence repeats only if it is written
        # twice: most drafts have no such pair, and one set in C tells.
        written = [prose[sentence.start:sentence.end] for sentence in sentences]
        if len(set(written)) == len(written):
            return
    seen: dict[str, tuple[int, int]] = {}
    for sentence in sentences:
        text = prose[sentence.start:sentence.end]
        if plain[sentence.block]:
            # Single spaces between words already: count them instead of splitting.
            if text.count(" ") + 1 < min_words:
                continue
        else:
            words = text.split()
            if len(words) < min_words:
                continue
            text = " ".join(words)
        earlier = seen.get(text)
        if earlier is None:
            seen[text] = (sentence.block, sentence.start)
            continue
        first_block, first_start = earlier
        if sentence.block in repeated or first_block == sentence.block:
            continue
        if similarity(texts[first_block], texts[sentence.block]) >= threshold:
            continue
        line = doc.position(doc.source_offset(first_start))[0]
        yield Violation(sentence.start, sentence.end,
                        f"sentence repeats one on line {line}",
                        "delete one copy, or rewrite this one to add something new")
