"""Flags a paragraph, heading or list item that repeats an earlier one word for word.

## What it does
Compares every prose unit of the draft (paragraphs, headings, list items, block quotes,
table cells) after folding whitespace, line wrapping and quote styles. A unit that equals
an earlier one is reported on the later copy, which it spans; the message names the line
of the first copy. Very short units and boilerplate ("Subscribe", "* * *", "Read more:")
are left alone, and so are table rows and labels (a line of under eight words that does
not end like a sentence): two tables share their row labels by design. The limits come
from ../shared/corpus, where repeated units under eight words are almost all table rows
and labels ("Shr 12 cts vs 9 cts", "Yield (tonnes) --") and repeated prose starts at
about eleven words; headings are compared whatever their length.

## Why is this bad?
A paragraph pasted twice is the commonest CMS accident: a write-through re-inserts a
paragraph, or two versions are merged. Readers notice at once.

## Example
    Rescue crews reached the valley on Tuesday, the fire service said.
    ...
    Rescue crews reached the valley on Tuesday, the fire service said.

## Use instead
Delete the later copy. `attrlint --fix` does it for you (the first copy stays; nothing
else in the file changes), and `attrlint --diff` shows the change first. Where a
repetition is deliberate (a standfirst that repeats the lede), suppress it:
`<!-- attrlint-disable-next-line repeated-paragraph -- standfirst -->`.

## Options
- `min-words` (int, default 4): paragraphs shorter than this are never reported; headings
  are compared whatever their length (boilerplate aside).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrlint.document import Document
from attrlint.finding import Severity, Violation
from attrlint.repetition import deletion_range, exact_groups

NAME = "repeated-paragraph"
CODE = "AT301"
SEVERITY: Severity = "error"
OPTIONS: Mapping[str, object] = {"min-words": 4}


def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Report each later copy of a repeated unit."""
    for later, first in exact_groups(doc, options["min-words"]).items():
        block = doc.blocks[later]
        original = doc.blocks[first]
        line = doc.position(original.source_start)[0]
        unit = "heading" if block.kind == "heading" else "paragraph"
        yield Violation(block.start, block.end,
                        f"{unit} repeats line {line} word for word",
                        "delete this copy (attrlint --fix removes it)",
                        delete=deletion_range(doc, block))
