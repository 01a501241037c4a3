"""House lexicons: phrases added, shipped phrases ignored, house names counted as named."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrlint import lint_text, sources
from attrlint.config import ConfigError, load_file, parse


def _rules(text: str, table: dict[str, object]) -> list[str]:
    config = parse({"attribution": table}, "<test>")
    return [f.rule for f in lint_text(text, "d.md", config)]


def test_added_vague_group_is_flagged() -> None:
    text = "Bloggers say the mayor will resign.\n"
    assert "vague-attribution" not in _rules(text, {})
    assert _rules(text, {"vague-phrases": ["bloggers"]}) == ["vague-attribution"]


def test_added_unnamed_phrase_is_flagged() -> None:
    text = "Well-placed voices said the plant would close.\n"
    assert _rules(text, {"unnamed-phrases": ["well-placed voices"]}) == ["anonymous-source"]


def test_ignore_phrases_silences_a_shipped_phrase() -> None:
    text = "Analysts said the shares were undervalued.\n"
    assert _rules(text, {}) == ["vague-attribution"]
    assert _rules(text, {"ignore-phrases": ["analysts"]}) == []


def test_named_sources_mark_a_house_name_as_named() -> None:
    text = "The Data Desk estimated that 4,000 homes flooded.\n"
    config = parse({"attribution": {"named-sources": ["the data desk"]}}, "<test>")
    kinds = [s.kind for s in sources(text, "d.md", config)]
    assert kinds == ["named"]
    assert lint_text(text, "d.md", config) == []


def test_attribution_table_is_validated(tmp_path: Path) -> None:
    config_file = tmp_path / "attrlint.toml"
    config_file.write_text('[attribution]\nvague-phrase = ["x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"attribution\.vague-phrase") as caught:
        load_file(config_file)
    assert str(config_file) in str(caught.value)
