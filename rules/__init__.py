"""The registry of rules: an explicit tuple of rule modules, in code order."""

from __future__ import annotations

from attrlint.rules import (
    anonymous_source,
    near_duplicate_paragraph,
    repeated_paragraph,
    repeated_sentence,
    uncited_number,
    vague_attribution,
)

RULES = (
    uncited_number,
    vague_attribution,
    anonymous_source,
    repeated_paragraph,
    near_duplicate_paragraph,
    repeated_sentence,
)
