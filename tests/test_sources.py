"""The public sourcing ledger: attrlint.sources() lists every attribution of a draft."""

from __future__ import annotations

import attrlint

DRAFT = (
    "# Bridge to reopen\n\n"
    "The mayor, Ana Ruiz, said the bridge was safe. She added that repairs were due.\n\n"
    "Officials said the port would close. Experts say it is risky.\n\n"
    "The dam is reportedly full, according to the Wend Valley Rivers Authority.\n\n"
    '"We will rebuild," said Tom Ekwueme. The council said in a statement it agreed.\n'
)


def test_every_kind_of_source_is_listed_in_order() -> None:
    found = [(s.source, s.cue, s.kind, s.resolved) for s in attrlint.sources(DRAFT, "d.md")]
    assert found == [
        ("Ana Ruiz", "said", "named", "named"),
        ("She", "added", "pronoun", "named"),
        ("Officials", "said", "unnamed", "unnamed"),
        ("Experts", "say", "vague", "vague"),
        ("reportedly", "reportedly", "agentless", "agentless"),
        ("the Wend Valley Rivers Authority", "according to", "named", "named"),
        ("Tom Ekwueme", "said", "named", "named"),
        ("The council", "said", "named", "named"),
        ("in a statement", "in a statement", "named", "named"),
    ]


def test_positions_point_at_the_source_in_the_file() -> None:
    lines = DRAFT.splitlines()
    for source in attrlint.sources(DRAFT, "d.md"):
        line = lines[source.line - 1]
        assert line[source.column - 1:].startswith((source.source, source.cue)), source


def test_pronoun_after_an_unnamed_source_resolves_to_unnamed() -> None:
    text = "Officials said the talks had stalled. They said a deal was unlikely.\n"
    kinds = [(s.kind, s.resolved) for s in attrlint.sources(text, "d.md")]
    assert kinds == [("unnamed", "unnamed"), ("pronoun", "unnamed")]
