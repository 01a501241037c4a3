"""uncited-number, sentence by sentence: what each documented policy flags and leaves alone.

Each row is one draft and the exact figures the rule must flag in it (an empty list: none).
The labelled corpus measures the rule as a whole with floors; these rows pin each policy, so
that losing one fails a test by name.
"""

from __future__ import annotations

import pytest

from attrlint import lint_text

CASES = [
    # A named party's own act stands behind the figures after its subject.
    ("Orrin Mills agreed to buy the Tolland plant for $12m.", []),
    ("Harbour Water is to invest £40m in new mains.", []),
    ("Tolland Air planned to increase its flights to Harwick to 19 a week.", []),
    ("Orrin Mills is due to complete its $4.5bn purchase of Kestrel Foods next month.", []),
    ("The board set its final dividend at 12 cents a share.", []),
    ("The directors also approved 15 mln dlrs of loans for the port.", []),
    ("Buyers paid £3m for the riverside site.", ["£3m"]),
    ("The town's arts budget was cut by 18% last year.", ["18%"]),
    ("After nine fishermen were rescued, the coastguard lifted its ban on sailing.", ["nine"]),
    ("Households in Tolland paid an average of £96 a month for water.", ["£96"]),
    ("The film set a Harwick box office record, taking £1.5m in two days.", ["£1.5m"]),
    ("Orrin Mills agreed to buy the plant for $12m. Its output was 4,000 tonnes.", ["4,000"]),
    # Market reports.
    ("May cocoa closed 12 stg higher at 1,310 stg a tonne.", []),
    ("Harrow Mills rose 25 cents to 3.95 dlrs in early trading.", []),
    ("Shares in Harbour Foods sank 14% - or $1.83 - to close at $10.48.", []),
    ("Their sales helped send Harwick stocks down 508 points to 1,738.", []),
    ("Among the miners, Harwick Mining closed 10 up at 7.80.", []),
    ("Trade was thin all morning and the\ndollar opened at 145.33 in Tokyo.", []),
    ("Cocoa exports rose 12% to 310,000 tonnes last season.", ["12%", "310,000"]),
    ("House prices in Tolland rose 12% last year.", ["12%"]),
    # A report's account runs on in its paragraph.
    ("Commuters are abandoning the car, the council's travel survey found. Bus journeys "
     "rose 14% in a year.", []),
    ("Commuting fell last year, according to figures from the Norland Statistics Office. "
     "Rail journeys dropped sharply in the spring. Bus journeys fell 9% over the year.", []),
    ("Rents are rising fastest in the north, according to the letting agency. Separately, "
     "300 homes will be built on the old depot site.", ["300"]),
    ("\"We expect a busy summer,\" the harbour master said. About 2,000 yachts visited last "
     "year.", ["About 2,000"]),
    # Forecasts credited to no one are vague-attribution's, not this rule's.
    ("Norland's wheat imports were projected at 15 mln tonnes.", []),
    ("The profit was 33 cents a share, but analysts had expected 34 cents.", []),
    # Spans cover the whole figure.
    ("Output rose 12 pct last year.", ["12 pct"]),
    ("The notes are sold in denominations of five mln yen.", ["five mln yen"]),
    ("The plant will make two and a half million engines.", ["two and a half million"]),
    ("Hundreds of thousands of people lined the route.", ["Hundreds of thousands"]),
    # Not claims.
    ("The console costs $250 (about £132) in the shops.", ["$250"]),
    ("Okafor was 22 when she retired from the national team.", []),
    ("If the single sold 500,000 copies, more than £1m would be raised.", ["more than £1m"]),
    ("Two firms, Orrin Mills and Kestrel Foods, bid for the contract.", []),
    ("Four people, all from Tolland, were hurt in the crash.", ["Four"]),
    ("Norland shipped 14.5 pct protein wheat and 34 API crude to the port.", []),
    ("Ruiz, ranked 12 places above her opponent, lost in straight sets.", []),
    ("Eastport is one of two towns in the race to list its harbour company.", []),
    ("Ms Ruiz points out that 40% of the pupils left before the exams.", []),
    ("Tolland are six points clear after 40,000 fans watched them win.", ["40,000"]),
]


@pytest.mark.parametrize(("text", "flagged"), CASES, ids=[c[0][:48] for c in CASES])
def test_case(text: str, flagged: list[str]) -> None:
    found = [f.text for f in lint_text(text + "\n", "draft.md") if f.rule == "uncited-number"]
    assert found == flagged


def test_forecasts_credited_to_no_one_go_to_vague_attribution() -> None:
    text = "Norland's wheat imports were projected at 15 mln tonnes.\n"
    assert [f.rule for f in lint_text(text, "draft.md")] == ["vague-attribution"]
