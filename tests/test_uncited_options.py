"""uncited-number's options and the policies its documentation promises, through lint_text."""

from __future__ import annotations

from attrlint import lint_text, sources
from attrlint.config import parse

MARKET = "Shares in Marlow Freight fell 25 pence to 318 pence in early trading.\n"
CONTINUED = "Exports rose 4%, the ministry said. Imports fell 2%.\n"


def _figures(text: str, options: dict[str, object] | None = None) -> list[str]:
    config = parse({"rules": {"uncited-number": options or {}}}, "<test>")
    return [f.text for f in lint_text(text, "d.md", config) if f.rule == "uncited-number"]


def test_market_data_is_exempt_by_default_and_flagged_on_request() -> None:
    assert _figures(MARKET) == []
    assert _figures(MARKET, {"market-data": "flag"}) == ["25 pence", "318 pence"]


def test_a_statistic_beside_a_market_is_still_flagged() -> None:
    assert _figures("Cocoa exports rose 12% to 310,000 tonnes last season.\n") == [
        "12%", "310,000"]


def test_attribution_scope_sentence_stops_at_the_sentence() -> None:
    assert _figures(CONTINUED) == []
    assert _figures(CONTINUED, {"attribution-scope": "sentence"}) == ["2%"]


def test_headlines_are_checked_only_on_request() -> None:
    text = "# Storm floods 4,200 homes\n\nThe river burst its banks, the council said.\n"
    assert _figures(text) == []
    assert _figures(text, {"check-headlines": True}) == ["4,200"]


def test_an_own_act_covers_its_sentence_only_and_is_no_source() -> None:
    text = "Orrin Mills agreed to buy the plant for $12m. Its output was 4,000 tonnes.\n"
    assert _figures(text) == ["4,000"]
    assert sources(text, "d.md") == []


def test_an_act_by_someone_unnamed_carries_nothing() -> None:
    assert _figures("Buyers paid £3m for the riverside site.\n") == ["£3m"]
