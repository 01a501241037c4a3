"""Flags an unnamed source when the paragraph gives no reason for the anonymity.

## What it does
Finds attribution to an unidentified individual or official ("officials said", "a senior
official said", "sources said", "people familiar with the matter", "an aide said"), using
attrlint's attribution analysis. Plural officials tied to an institution ("hospital
officials", "officials at the Health Ministry") are the institution speaking and are not
flagged; a nationality alone ("US officials") does not identify anyone. One person
described by role is an unnamed source however precisely described ("a senior Bank of
Japan official", "an aide to the senator"); a spokesperson is the institution's voice.

When the same paragraph says why the source is anonymous ("spoke on condition of
anonymity because they were not authorized to discuss the talks", "for fear of
reprisals"), the source is acceptable practice: the finding becomes `info`, which does
not fail a run unless `--fail-on info`; set `report-with-reason = false` to drop it.

An unnamed source inside what a named source says ("Ana Ruiz noted that farm sources
say ...") is the named source's claim, not the draft's. Each distinct unnamed source is
reported once per draft (its first unexplained use), and a
later mention of one ("the source said", "another official", "one official" after
"officials said" in this or the last paragraph) is not a new source.

## Why is this bad?
Newsroom policies allow anonymity only for vital information that cannot be had on the
record, and require the story to tell readers why it was granted. An unexplained
anonymous source asks readers for trust they have no way to give.

## Example
    The port will be sold to a private operator, officials said.

## Use instead
    The port will be sold to a private operator, according to two officials involved in
    the talks who spoke on condition of anonymity because the sale has not been announced.

## Options
- `check-headlines` (bool, default false): also check headings.
- `report-with-reason` (bool, default true): report an unnamed source with a stated reason
  as `info` (true) or not at all (false).
- Phrases: `unnamed-phrases`, `ignore-phrases` and `named-sources` under
  `[tool.attrlint.attribution]`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrlint.document import Document
from attrlint.finding import Severity, Violation
from attrlint.sourcing import reportable_frames

NAME = "anonymous-source"
CODE = "AT202"
SEVERITY: Severity = "warning"
OPTIONS: Mapping[str, object] = {"check-headlines": False, "report-with-reason": True}


def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Report unnamed sources without a stated reason for anonymity."""
    attribution = doc.analysis.attribution
    sentences = doc.analysis.sentences
    prose = doc.prose
    seen: set[str] = set()
    for frame in reportable_frames(doc, ("unnamed",), options["check-headlines"]):
        start, end = frame.span
        phrase = " ".join(prose[start:end].split())
        source = " ".join(prose[frame.source_start:frame.source_end].lower().split())
        cue = prose[frame.cue_start:frame.cue_end].lower()
        if cue in _ACTIONS:
            continue  # 'officials proposed an extension': an act, not a claim sourced to them
        if source in seen or attribution.introduced_before(frame):
            continue  # the same source again ('one official' after 'officials'): found once
        seen.add(source)
        if attribution.anonymity_reason(sentences[frame.sentence].block):
            if options["report-with-reason"]:
                yield Violation(start, end,
                                f"'{phrase}' is unnamed; the paragraph says why",
                                "describe the source as precisely as safety allows",
                                severity="info")
            continue
        yield Violation(start, end,
                        f"'{phrase}' is an unnamed source with no reason given for anonymity",
                        "name the source, or say why anonymity was granted "
                        "('... spoke on condition of anonymity because ...')")


# Verbs for what a source does rather than what it tells: not attribution of a claim.
_ACTIONS = frozenset({"proposed", "proposes", "propose", "urged", "vowed", "pledged",
                      "promised", "agreed"})
