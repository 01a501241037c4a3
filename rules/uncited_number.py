"""Flags a figure that has no source in reach.

## What it does
Finds every figure that is a claim (counts, amounts of money, percentages, number words,
fractions and proportions, with approximators such as "almost", "some" or "at least"
inside the span) and checks, with attrlint's attribution analysis, that a source stands
behind it:

- an attribution in the same sentence ("firefighters said", "according to the Federal
  Reserve", "figures from the Office for National Statistics show", "the Harbour
  Standard quoted Ana Ruiz as saying", a court's ruling);
- a named party's own act, which it stands behind: an offer, a purchase, a plan, a
  decision, the terms it sets ("Orrin Mills agreed to buy the plant for $12m", "The Bank
  of Tolland left its rate at 4.5%", "Harbour Water is to invest £40m"). The party is a
  name, an institution ("the council", "the court") or a titled person, and the act's
  subject; figures before that subject are not the act's ("after nine soldiers were
  killed, the president lifted the curfew" is still flagged), and neither are people
  described by what they do ("Buyers paid £3m") or a passive ("the budget was cut by
  18%"). An act covers its own sentence only: it is no attribution a later sentence
  can continue;
- data that a named body publishes, named in the sentence ("in the Chamber of
  Commerce's spring survey, 41% ...", "Harbourside Bank's house price index rose 0.8%",
  "the Harbourside 50 index closed 23 points higher");
- a Markdown/HTML link or a footnote reference in the same sentence;
- with `attribution-scope = "paragraph"` (the default), a source earlier in the same
  paragraph that the sentence clearly continues: it opens by referring back ("The
  district released its enrolment report on Monday. It shows that 3,400 pupils ...") or
  with the name of the source it continues ("Harrow Motors said ... .
  Harrow's van sales rose 3 pct"), or with "And" or "Also", or as the next figure of a run
  ("Exports rose 4%, the ministry said. Imports fell 2%."): a sentence right after one
  that gives figures carries on that account, and so does one about a survey's
  respondents ("... of the 1,000 people interviewed said"), and so do the sentences after
  one crediting a report or data ("Spam has changed, according to the Email Systems
  analysis. Half of it was health-related."), up to three of them in its paragraph, until
  another source speaks or one turns away ("Separately, ..."); a person's words ("she
  said") need one of the markers above;
- an item of a list whose lead-in, ending in a colon, is attributed ("The board
  announced the following changes:" and then "- Pilot fees will rise by 4%.").

A figure credited only to a vague source ("reports suggest 300 jobs will go", "analysts
expect", "analysts had expected 34 cents", "the $61bn widely expected", "the deficit is
projected to rise to £42m", "imports were projected at 15 mln tonnes") is left to
`vague-attribution`. These are not
findings:

- years, eras ("240 BC"), decades, dates and day ranges ("from 14 to 17 August", "from
  March 9 to 23"), list numbering ("1) to cut the dues"), times
  ("12 noon"), ages ("At 19, ...", "half her age", "aged 18 to 21") and age limits ("the
  pension age from 60 to 65"), ordinals ("the 1,000th"), rankings ("dropped to 87 in the
  world", "climbed seven places", "the last 16", "came in at 14" after "at number
  nine", "slipped one place to four"), durations ("three and a half months", "five
  frantic minutes") and frequencies ("four times a year"),
  scores and results ("made it two", "two goals down", "cleared 1.94m to win"), play
  and records in a sports report ("a shot from 20 yards", "nine points behind the
  leaders", "41 caps", "the cup's last 16"; a lead in a poll is still a claim) and
  results at an awards ceremony ("won three awards", "seven nominations");
- names and identifiers ("Route 9", "G20", "Form 10-K", "Half-Life 2", "50 Cent", "221
  Baker Street", "the Orion 902 3G"), arithmetic ("2+2=5"), prices in fractions
  ("30-5/8 dlrs": not the half after the slash), race distances ("the women's 1500m"),
  a security named by its rate ("its 9.75 pct debentures"), "one of the", "one of two
  areas", "two of the busiest months", "Two of Britain's biggest unions", "a year or two",
  "a six figure salary", "a two tier system", grades and pack sizes ("0.3 pct sulphur",
  "14.5 pct protein wheat", "bags of 60 kilos");
- a conversion of the figure just before it ("$12m (£9.4m)", "$5, or four euros"),
  a number that counts the names just listed ("Brightwave and Solenta, two providers"),
  numbers that refer back ("the latter two", "those 40") and ones that count the names
  after them ("two airlines - Harbour Air and Eastjet");
- market data (option `market-data`): prices, levels, moves and yields in a sentence
  reporting how a market traded ("May cocoa closed 12 stg higher at 1,310 stg a tonne",
  "Harrow Mills rose 25 cents to 3.95 dlrs", "the dollar opened at 145.33 yen in Tokyo").
  The market's own record stands behind them, as a scoreboard does behind a result. Not
  a sentence that also speaks of output, trade, results or forecasts ("exports rose 12
  pct to 2.1 billion dlrs", "prices are expected to reach $50"): those need a source;
- figures in a question the draft asks ("Should the county spend £4m on it?") and in a
  sentence in the writer's own voice ("I would sell him for £40m"), as in a column or a
  reader's comment;
- figures inside a quotation with a speaker: one attributed nearby or tagged after it
  ('..., she went on'), one reopened mid-paragraph, or one opening a sentence right after
  a sentence that names a person;
  figures that count the sources ("four diplomats said"); and headlines;
- data lines that are not sentences: a results-table row such as "Revs 4.2 mln vs 3.9 mln"
  or "Spot price -- 9.98" or one that lost its "vs" ("Surplus on fees 208.8 mln crowns
  188.1 mln"), tables whose columns are lined up with spaces, figures listed
  under a label ("Eastport - Wheat 12,400, maize 3,100."), listings that give last
  period's figures in brackets (their source is the table's caption), ranked lists ("14
  Marta Oliveira (Portugal)"), team line-ups, and the notes under a table from its
  "NOTE:" line on.

## Why is this bad?
A number is the claim readers repeat and the one corrections most often concern. Without
a source, the outlet vouches for it alone.

## Example
    The storm destroyed some 4,200 homes.

## Use instead
    The storm destroyed some 4,200 homes, the county's emergency office said.

## Options
- `attribution-scope` ("sentence" | "paragraph", default "paragraph"): how far back a
  source reaches.
- `check-headlines` (bool, default false): also check headings.
- `market-data` ("exempt" | "flag", default "exempt"): "flag" also reports prices in
  market reports, for a desk that wants every price credited to its exchange or feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from attrlint import lexicon
from attrlint.analysis import Sentence
from attrlint.document import Document
from attrlint.finding import Severity, Violation

NAME = "uncited-number"
CODE = "AT101"
SEVERITY: Severity = "warning"
OPTIONS: Mapping[str, object] = {"attribution-scope": "paragraph", "check-headlines": False,
                                 "market-data": "exempt"}


def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Report figures with no source in their sentence or the account they continue."""
    scope = options["attribution-scope"]
    if scope not in ("sentence", "paragraph"):
        scope = "paragraph"
    analysis = doc.analysis
    attribution = analysis.attribution
    sentences = analysis.sentences
    blocks = doc.blocks
    prose = doc.prose
    low = analysis.lower
    market_data = options["market-data"] != "flag"
    # Whether each sentence holding figures needs no source of its figures, asked once per
    # sentence: it has one, it asks a question ('Is £50m too much for one player?'), it
    # speaks in the writer's own voice ('I would take £50m for him.'), it reports a market,
    # or a named party's own act stands behind it (asked last: it costs the most).
    covered: dict[int, bool] = {}
    for figure in analysis.figures:
        sentence = sentences[figure.sentence]
        block = blocks[sentence.block]
        if block.kind == "heading" and not options["check-headlines"]:
            continue
        if sentence.block in analysis.data_blocks and block.kind != "heading":
            continue  # (a short headline with a figure reads like a data line; it is not)
        is_covered = covered.get(figure.sentence)
        if is_covered is None:
            is_covered = covered[figure.sentence] = (
                attribution.has_source(figure.sentence, scope) or _question(prose, sentence)
                or prose.startswith(_FIRST_PERSON, sentence.start)
                or (market_data and _market_report(low, analysis.padded, sentence))
                or attribution.own_act(figure.sentence))
        if is_covered:
            continue
        if attribution.quoted_with_speaker(figure.start):
            continue
        # A figure inside the source part of a frame ('four diplomats said') needs no test of
        # its own: its sentence has a frame, which has_source accepts.
        text = " ".join(prose[figure.start:figure.end].split())
        yield Violation(figure.start, figure.end,
                        f"'{text}' has no source in its sentence",
                        "say who counted it: '..., according to <source>' or link the source")


def _market_report(low: str, padded: str, sentence: Sentence) -> bool:
    """A sentence reporting a market's trading: its prices are the market's public record.

    'May cocoa closed 12 stg higher at 1,310 stg a tonne', 'The dollar opened at 145.33
    yen in Tokyo', 'Harrow Mills rose 25 cents to 3.95 dlrs'. It says how the market traded
    (a price move to a level, a close or an opening at a price, trading in a session, a
    price per ounce or barrel, basis points) about something that trades; it holds none of
    the words of statistics and forecasts ('exports', 'output', 'expected'), which need a
    source of their own.
    """
    start, end = sentence.start, sentence.end
    if not _MARKET_GATE.occurs(padded, start, end) and (
            low.find("/", start, end) < 0 or _FRACTION.search(low, start, end) is None) and \
            _PENCE.search(low, start, end) is None and \
            _LISTED_CLOSE.search(low, start, end) is None:
        return False
    # A price move in the units prices move in ('down 508 points to 1,738') or a session
    # named ('in morning trade', 'at the close') is a market report whatever else the
    # sentence mentions ('as analysts worried over earnings growth').
    if _PRICE_MOVE.search(low, start, end) is not None or \
            _LISTED_CLOSE.search(low, start, end) is not None:
        return True
    if _MARKET_SETTING.search(low, start, end) is None \
            or _MARKET_VERB.search(low, start, end) is None \
            or _MARKET_THING.search(low, start, end) is None:
        return False
    return _SESSION.search(low, start, end) is not None or \
        _STATISTICS.search(low, start, end) is None


# Openings of a sentence in the writer's own voice (a column, a reader's comment).
_FIRST_PERSON = ("I ", "I'm ", "I’m ", "I'd ", "I’d ", "I've ", "I’ve ", "I'll ", "I’ll ")


def _question(prose: str, sentence: Sentence) -> bool:
    """A sentence of the writer's that asks rather than states.

    Not one that ends in a quoted question (its speaker's) or in a title ('... were
    surveyed for the report Trust and Action?').
    """
    text = prose[sentence.start:sentence.end].rstrip()
    if not text.endswith("?") or text.endswith(".?") or '"' in text or "“" in text:
        return False
    last_two = text[:-1].split()[-2:]
    return not (len(last_two) == 2 and all(w[:1].isupper() or w == "and" for w in last_two))


# The market rule's expressions, on lower-cased prose. A cheap gate first: what every
# market report names, a thing that trades (_MARKET_THING) or a unit a price moves in
# (_PRICE_MOVE). A phrase is known by its last word ('heating oil': 'oil').
_MARKET_GATE_WORDS = sorted({entry.split()[-1] for entry in lexicon.load("markets")}
                            | {"cts", "cent", "cents", "point", "points", "pence", "p",
                               "pfennig", "pfennigs", "centime", "centimes", "stg", "yen",
                               "penny"})
# Searched in the padded prose (see Analysis.padded) from the character before a word.
_MARKET_GATE = lexicon.WordStartScan(lexicon.first_letters(_MARKET_GATE_WORDS),
                                     rf"(?:{lexicon.trie_pattern(_MARKET_GATE_WORDS)})\b")
_FRACTION = re.compile(r"\d/\d")
_PENCE = re.compile(r"\dp\b")
_NUMBER = r"(?:\d[\d.,/-]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+half|a\s+quarter)"
_MOVE_VERB = (r"(?:rose|fell|gained|lost|added|shed|climbed|dropped|eased|firmed|slipped|dipped"
              r"|declined|jumped|edged\s+(?:up|down)|(?:was|were)\s+(?:up|down|off)|closed"
              r"|ended|finished|opened|shedding|tumbled|plunged|soared|surged|slumped|up|down"
              r"|off)")
# A move to a price, in the units prices move in: 'rose 25 cents to 3.95 dlrs', 'fell 1-1/2
# to 77-1/4', 'dipped 10.20 points to 3871.00' (not 'rose 12 pct to 2.1 billion dlrs').
_PRICE_MOVE = re.compile(
    rf"\b{_MOVE_VERB}\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?"
    rf"(?:{_NUMBER}\s+(?:cts|cents?|points?|pence|p|pfennigs?|centimes|stg|yen)|\d+(?:\.\d+)?p"
    r"|\d+-\d+/\d+|\d+/\d+|a\s+penny)"
    r"(?:\s+(?:higher|lower|up|down|firmer|weaker|easier))?(?:,\s+or\s+[\d.]+\s?(?:%|pct),)?"
    r"\s+(?:to|at)\s+\$?\d")
# A share's close in a market listing, with no word for what trades: 'CRA closed 10 up at 7.80'.
_LISTED_CLOSE = re.compile(r"\bclosed\s+[\d.]+\s+(?:up|down|higher|lower)\s+at\s+\d")
# Where and how trading is reported: a session, an exchange, a unit of price or volume, a
# close or a fixing at a level.
_MARKET_SETTING = re.compile(
    r"\bin\s+(?:[a-z'’.-]+\s+){0,3}(?:trade|trading|dealings|dealing)\b"
    r"|\bat\s+the\s+(?:close|opening|open|fixing|fix)\b"
    r"|\bon\s+the\s+(?:[\w&.-]+\s+){0,4}(?:exchange|bourse|board\s+of\s+trade)\b"
    r"|\b(?:stock|commodity|commodities|futures|metals?|mercantile|cotton)\s+exchange\b"
    r"|\bbasis\s+points?\b"
    r"|\b(?:cts|cents?|points|pence|pfennigs?|centimes|stg|dlrs?)\s+(?:higher|lower|firmer|weaker"
    r"|easier|up|down)\b"
    r"|\b(?:an|per|a)\s+(?:ounce|troy\s+ounce|barrel|bushel|gallon|lb|tonne)\b"
    r"|\b\d[\d,]*\s+lots\b|\bclosed\s+at\s+the\s+(?:low|high)\b"
    r"|\bclose\s+(?:yesterday|today|last\s+night)\b"
    r"|\baveraged\s+[\d.,]+\s+(?:yen|marks|francs|dlrs|cents|stg)\b"
    r"|\bprevious\s+close\b|\b(?:yesterday|friday|thursday|monday|tuesday|wednesday)['’]s"
    r"\s+(?:close|finish|level|closing)\b"
    r"|\b(?:new\s+york|london|tokyo|frankfurt|zurich|paris|hong\s+kong|singapore|sydney"
    r"|toronto|chicago)\s+(?:close|finish|trade|trading)\b"
    r"|\b(?:closed|ended|finished|opened)\s+(?:sharply\s+|slightly\s+)?(?:up|down|higher|lower)\b"
    r"|\b(?:stock|share|equity|exchange)\s+turnover\b"
    r"|\bvolume\s+of\s+(?:more\s+than\s+)?[\d.,]+\s+(?:mln\s+|million\s+)?shares\b"
    r"|\bshares\s+(?:in\s+[^.;,]{1,40}?\s+)?(?:have\s+|had\s+|were\s+|was\s+)?(?:risen|fallen"
    r"|rose|fell|jumped|up|down|climbed|dropped|slipped|gained|lost|tumbled|plunged|soared"
    r"|surged|slumped)\b"
    r"|\bprices?\s+of\s+(?:[a-z-]+\s+){0,3}(?:crudes?|oil|gold|silver|copper|shares|bonds?"
    r"|gilts|wheat|cocoa|coffee|sugar)\b"
    rf"|\b{_MOVE_VERB}\s+(?:by\s+)?{_NUMBER}(?:%|\s+dlrs?)?(?:\s+on\s+\w+)?\s+(?:to|at)\s+"
    r"(?:an?\s+(?:record\s+|new\s+)?(?:high|low)\s+of\s+)?\$?\d"
    r"|\b(?:higher|lower|firmer|weaker|easier|stronger|unchanged)\s+at\s+\$?\d"
    r"|\bto\s+yield\b"
    r"|\b(?:(?:was|were)\s+(?:up|down)\s+(?:about\s+)?[\d.]+%\s+at\s+\$?\d)"
    r"|\bto\s+an?\s+(?:record\s+|new\s+|session\s+)?(?:high|low)\s+of\s+\$?\d"
    r"|\b(?:closed|close|closing|opened|ended|finished|settled|quoted|indicated|traded|trading"
    r"|fixed|offered|bid)\s+(?:\w+\s+)?(?:at|around|near|between|about)\s+\$?\d")
# A trading session named: whatever else the sentence says, it reports the market.
_SESSION = re.compile(
    r"\bin\s+(?:early|late|morning|afternoon|midday|thin|quiet|active|light|heavy|moderate"
    r"|nervous|busy|brisk|hectic|volatile|choppy|slow|after-hours|overnight|[a-z]+\s+stock)"
    r"(?:\s+[a-z]+)?\s+(?:trade|trading|dealings)\b"
    r"|\bat\s+the\s+(?:close|opening)\b"
    r"|\bon\s+the\s+(?:[\w&.-]+\s+){0,4}(?:stock\s+exchange|bourse)\b")
# How a market report says what prices did.
_MARKET_VERB = re.compile(
    r"\b(?:close|closed|closing|opened|ended|finished|settled|traded|trading|quoted|indicated"
    r"|fixed|averaged|exchanged|touched|hit|changed\s+hands|bid|offered|rally|rallied|firmed"
    r"|eased|weakened|strengthened|slipped|dipped|gained|lost|rose|rising|risen|fell|falling"
    r"|fallen|climbed|dropped|dropping|jumped|edged|shed|shedding|tumbled|plunged|soared"
    r"|surged|slumped|sank|unchanged|higher|lower|firmer|easier|weaker|steady"
    r"|(?:was|were)\s+(?:up|down))\b")
_MARKET_THING = re.compile(rf"\b(?:{lexicon.alternation(lexicon.load('markets'))})\b")
# Words of statistics, results and forecasts, whose figures need a source even in a
# sentence about a market.
_STATISTICS = re.compile(
    r"\b(?:production|output|exports?|imports?|harvest|crops?|planted|hectares|consumption"
    r"|sales|profits?|earnings|revenues?|deficit|surplus|gdp|gnp|inflation|unemployment"
    r"|money\s+supply|reserves|holdings|budget|targets?|forecasts?|estimates?|expected|will"
    r"|would|suppliers)\b")
