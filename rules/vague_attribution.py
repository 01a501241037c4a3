"""Flags attribution to nobody in particular: agentless phrases and faceless groups.

## What it does
Uses attrlint's attribution analysis to find claims credited to no identifiable source:
agentless constructions ("reportedly", "allegedly", "it is believed", "is thought to",
"it emerged that", "questions have been raised", a forecast of an amount credited to no
one: "the deficit is projected to rise to £42m") and generic groups, unnamed media or
unnamed documents used as the source ("experts say", "critics argue", "some say", "reports
suggest", "according to reports", "a study found"). The span covers the vague phrase.

Not flagged: named people, institutions speaking ("the ministry said", "police said"),
named outlets and documents, experts tied to a named body ("researchers at the University
of Oslo"), hedges such as "may", "could" or "likely" (uncertainty, not attribution),
schedules ("the ferry is expected to enter service on 14 May"), words
inside a quotation that has a speaker or inside what a named source says in the same
sentence ("The water authority said studies show ..."), and headlines (unless `check-headlines`).

## Why is this bad?
A reader weighs a claim by who makes it. "Experts say" and "it is believed" make the
outlet itself the guarantor while pretending otherwise; they are the classic weasel words
of standards guides.

## Example
    The dam is reportedly close to capacity, and experts say it could fail.

## Use instead
    The dam is at 97% of capacity, the regional water authority said on Monday, and
    Dr. Amal Haddad, a hydrologist at Lund University, said it could fail.

## Options
- `check-headlines` (bool, default false): also check headings.
- Phrases are configured for every sourcing rule together, under `[tool.attrlint.attribution]`:
  `vague-phrases` adds phrases, `ignore-phrases` removes shipped ones, and `named-sources`
  lists house names (a column, a desk) that count as named.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrlint.document import Document
from attrlint.finding import Severity, Violation
from attrlint.sourcing import reportable_frames

NAME = "vague-attribution"
CODE = "AT201"
SEVERITY: Severity = "warning"
OPTIONS: Mapping[str, object] = {"check-headlines": False}


def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Report agentless and faceless-group attribution."""
    prose = doc.prose
    reported_until = -1
    for frame in reportable_frames(doc, ("vague", "agentless"), options["check-headlines"]):
        start, end = frame.span
        if start < reported_until:
            continue
        reported_until = end
        if frame.kind == "agentless":
            phrase = prose[frame.cue_start:frame.cue_end]
            yield Violation(frame.cue_start, frame.cue_end,
                            f"'{phrase}' attributes the claim to no one",
                            "say who: name the person, agency or document behind it")
        else:
            phrase = " ".join(prose[start:end].split())
            yield Violation(start, end,
                            f"'{phrase}' credits an unidentified group or document",
                            "name them: which experts, which report or outlet?")
