"""Helpers the sourcing rules share: which frames a rule may report, and where."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.attribution import Frame, SourceKind
from attrlint.document import Document


def reportable_frames(doc: Document, kinds: tuple[SourceKind, ...],
                      check_headlines: bool) -> Iterator[Frame]:
    """Frames of the given kinds outside headlines and outside attributed quotations."""
    analysis = doc.analysis
    attribution = analysis.attribution
    sentences = analysis.sentences
    blocks = doc.blocks
    for frame in attribution.suspect_frames():
        if frame.kind not in kinds:
            continue
        if not check_headlines and blocks[sentences[frame.sentence].block].kind == "heading":
            continue
        if frame.in_quote and attribution.quoted_with_speaker(frame.cue_start):
            continue
        if frame.kind in ("vague", "agentless", "unnamed") and attribution.reported_by_named(
                frame):
            continue  # inside a named source's account: 'The authority said studies show'
        yield frame
