"""Figures that are claims: counts, amounts, percentages, proportions, with their approximators.

One expression finds candidate figures across the whole prose; each candidate is then
checked against its context and dropped when it is not a claim needing a source: a year,
decade, date or time, an age, a duration, an identifier ("Route 9", "G20", "Form 10-K"),
a score, a name ("Formula One"), "one" as a pronoun, or a small number after "the"
referring back ("the two sides").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from attrlint.lexicon import trie_pattern

if TYPE_CHECKING:
    from attrlint.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in prose offsets and the sentence holding it."""

    start: int
    end: int
    sentence: int


_UNITS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          "|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE = r"hundred|thousand|million|billion|trillion"
# 'two and a half million': the half belongs to the figure only before a scale word.
_AND_A_HALF = r"(?:\s+and\s+a\s+half(?=\s+(?:million|billion|trillion|mln|bln)\b))?"
_WORD_NUMBER = (rf"(?:(?:{_TENS})(?:[-\s](?:{_UNITS}))?|(?:{_UNITS})|a|an)"
                rf"{_AND_A_HALF}(?:\s+(?:{_SCALE}))*")
_PLURAL_SCALE = (r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|hundreds|thousands"
                 r"|millions|billions|dozens)(?=\s+of\b)")
_FRACTION = (
    r"(?:(?:a|one)\s+(?:quarter|third)\s+of\s+|half\s+(?:of\s+)?)an?\s+"
    r"(?:million|billion|trillion)|"
    rf"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out\s+of)\s+"
    rf"(?:every\s+)?(?:{_UNITS}|{_TENS}|(?!(?:1[5-9]|20)\d\d\b)\d+))"
    r"|(?:two|three|four|five|one)[-\s](?:thirds|quarters|fifths|tenths|halves)"
    r"|(?:a|one)\s+(?:quarter|third|fifth|tenth)(?=\s+of\b)"
    r"|(?<=\bby\s)(?:a|one)\s+(?:quarter|third|fifth|tenth)\b"
    r"|half(?=\s+(?:of|the|a|an|its|their|his|her|our|all|that|those|these)\b)"
    r"|scores(?=\s+of\b)|a\s+dozen|half\s+a\s+dozen"
)
_CURRENCY = r"(?:us\$|a\$|c\$|hk\$|nz\$|rs\.?\s?|[$€£¥₹])"
# Separators as printed, and as sometimes mistyped: '3.817.69', '$1,8923'.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+){2,}|\d,\d{4}|\d+(?:\.\d+)?"
_MAGNITUDE = (r"(?:\s?(?:million|billion|trillion|bn|mn|mln|bln|m|k|thousand|hundred)"
              r"(?![\w]))?")
_PERCENT = r"(?:\s?(?:%|per\s?cent|percent|pct|percentage\s+points?)(?![\w]))?"
_MONEY_WORD = r"(?:\s+(?:dollars|euros|pounds|yen|yuan|rupees|dlrs|pence|cents|francs))?"
_APPROX = (
    r"(?:(?:about|around|approximately|almost|nearly|some|roughly|more\s+than|less\s+than"
    r"|fewer\s+than|over|under|up\s+to|at\s+least|at\s+most|upwards\s+of|as\s+many\s+as"
    r"|as\s+much\s+as|an\s+estimated|close\s+to|just\s+over|just\s+under|well\s+over"
    r"|well\s+under|barely|just|a\s+record|a\s+further|another)\s+)?"
)
_AMOUNT = (rf"(?<![\w.,$£€¥-])(?:{_CURRENCY}\s?)?(?:{_DIGITS})(?![\d])"
           rf"{_MAGNITUDE}{_PERCENT}{_MONEY_WORD}")
# A number in words, with the wire's abbreviated scale and a currency: 'five mln yen'.
_SPOKEN = rf"(?:{_WORD_NUMBER})(?:\s(?:mln|bln|bn|mn)(?![\w]))?{_PERCENT}{_MONEY_WORD}"
_CORE = rf"{_FRACTION}|{_PLURAL_SCALE}|(?<![\w]){_AMOUNT}|\b{_SPOKEN}\b"
# A range ('between 40 and 60') or one figure with its approximator. Standard `re`: every
# lookbehind here has a fixed width, and `re` matches these short spans faster.
_FIGURE = re.compile(
    rf"(?<![\w])(?:between\s+(?P<ranged>{_CORE})\s+and\s+(?:{_AMOUNT}|\b{_SPOKEN}\b)"
    rf"|{_APPROX}(?P<core>{_CORE}))"
)
# Where a figure can be: a digit or a number word. The full expression above is then tried
# only from the word starts just before each anchor, which is many times faster than
# scanning the whole text with it.
_NUMBER_WORDS = trie_pattern([
    *_UNITS.split("|"), *_TENS.split("|"), *_SCALE.split("|"), "hundreds", "thousands",
    "millions", "billions", "dozen", "dozens", "half", "halves", "quarter", "quarters",
    "third", "thirds", "fifth", "fifths", "tenth", "tenths", "scores", "tens",
])
# Both kinds of anchor in one scan that consumes the character before a number word instead
# of looking behind for it: an expression that opens with a character set lets the engine
# skip the letters (four characters in five) in C, while a leading lookbehind is tried at
# every position. A match is either a lone character, the first digit of a run, or a
# character that is not a letter followed by a number word; that character may itself be
# the first digit of a run ('5million').
_ANCHOR = re.compile(rf"[^a-z](?:(?:{_NUMBER_WORDS})(?![a-z])|(?<=\d)(?<!\d\d))")
_NUMBER_WORD_FIRST = re.compile(rf"(?:{_NUMBER_WORDS})(?![a-z])")  # at offset 0: nothing before
# First words of everything that can come before the number itself: approximators,
# currency, and the number words that open a compound ('twenty-five', 'a hundred').
_LEAD_WORDS = frozenset({
    "about", "around", "approximately", "almost", "nearly", "some", "roughly", "more", "less",
    "fewer", "over", "under", "up", "at", "upwards", "as", "an", "close", "just", "well",
    "barely", "only", "between", "a", "another", "by", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "half", "hundreds", "thousands", "millions", "billions",
    "dozens", "tens", "scores", "us", "a$", "c$", "hk$", "nz$", "rs", "rs.", "than", "to",
    "least", "most", "many", "much", "of", "estimated", "average", "record", "further",
})
_CURRENCY_CHARS = frozenset("$€£¥₹")
_DASH_DIGIT = re.compile(r"[-–]\d")

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?(?:\s*(?:and|to|&|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s*(?:of\s+)?"
    rf"(?:{_MONTHS})\b", re.IGNORECASE)
_ERA_AFTER = re.compile(r"\s?(?:a\.d\.|ad\b|b\.c\.|bc\b|bce\b|ce\b)", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"^(?:[:.]\d{2})?\s?(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|noon|midnight|gmt|bst|utc|et|edt|est"
    r"|pst|hrs|h\b)",
    re.IGNORECASE)
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:years?[-\s]olds?|yrs?\.?\s+old)", re.IGNORECASE)
_NAME_BEFORE_AGE = regex.compile(r"\p{Lu}[\p{L}'’.-]*\s*[,(]\s*$")
_SCORE = regex.compile(r"^\d{1,3}\s?[-–]\s?\d{1,3}$")
_SMALL_WORD = frozenset(_UNITS.split("|")[:10]) | {"a", "an"}
_FRACTION_WORD = regex.compile(r"(?:thirds?|quarters?|fifths?|tenths?|halves)\b", regex.IGNORECASE)
_RACE = re.compile(r"^\d[\d,]{1,5}m$|^\d{1,2}k$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[0-9]|20)\d{2}(?:s|['’]s)?$")
_DECADE = re.compile(r"^['’]?\d0['’]?s$")


def _is_name_word(text: str, core_start: int, prose: str, sentence_start: int) -> bool:
    """A capitalised number word mid-sentence is part of a name ('Formula One')."""
    first = prose[core_start]
    return first.isupper() and core_start > sentence_start + 1 and prose[core_start:
                                                                          core_start + 1].isalpha()


def find_figures(analysis: Analysis) -> tuple[Figure, ...]:
    """Every figure in the document that is a claim needing a source."""
    prose = analysis.doc.prose
    low = analysis.lower
    sentences = analysis.sentences
    out: list[Figure] = []
    figure_match = _FIGURE.match
    last_end = 0
    # Candidates come in order, so the sentence holding each one is found by walking the
    # sentences forward (what analysis.sentence_at finds by bisection).
    sentence_index = 0
    next_start = sentences[1].start if len(sentences) > 1 else len(prose) + 1
    for at in _anchors(low):
        if at < last_end:
            continue
        match = None
        for start in _starts(low, at, last_end):
            candidate = figure_match(low, start)
            if candidate is not None and candidate.end() > at:
                match = candidate
                break
        if match is None:
            continue
        last_end = match.end()
        group = "core" if match.group("core") is not None else "ranged"
        core_start, core_end = match.span(group)
        core = prose[core_start:core_end]
        start, end = match.start(), match.end()
        while start >= next_start:
            sentence_index += 1
            next_start = sentences[sentence_index + 1].start \
                if sentence_index + 1 < len(sentences) else len(prose) + 1
        s_start = sentences[sentence_index].start if sentences else 0
        if not _is_claim(prose, core, core_start, core_end, start, end, s_start):
            continue
        while end > start and prose[end - 1] in " -–":
            end -= 1
        out.append(Figure(start, end, sentence_index))
    return tuple(out)


def _anchors(low: str) -> list[int]:
    """Starts of digit runs and of number words (not inside a longer word), in order."""
    out = [0] if _NUMBER_WORD_FIRST.match(low) else []
    append = out.append
    for match in _ANCHOR.finditer(low):
        at = match.start()
        if match.end() - at > 1:  # a number word after the character at ``at``
            if low[at].isdecimal() and (at == 0 or not low[at - 1].isdecimal()):
                append(at)  # '5million': the digit opens a run too (what \d matches: isdecimal)
            at += 1
        append(at)
    return out


def _starts(low: str, at: int, floor: int) -> list[int]:
    """Where a figure anchored at ``at`` may begin: before its approximators and currency."""
    start = at
    if start > floor and low[start - 1] in _CURRENCY_CHARS:
        start -= 1
        while start > floor and low[start - 1].isalpha():
            start -= 1  # 'us$', 'hk$'
    starts = [at] if start == at else [at, start]
    for _ in range(4):
        gap = start - 1
        if gap <= floor or low[gap] != " ":
            break
        # The word before the space: the last run of non-spaces in the 16 characters before
        # it (str.split finds it in C; no lead word is that long).
        word = low[max(floor, gap - 16):gap]
        word = "" if word[-1].isspace() else word.rsplit(None, 1)[-1]
        if word not in _LEAD_WORDS:
            break
        word_start = gap - len(word)
        if word_start > 0 and not low[word_start - 1].isspace() and low[word_start - 1] not in \
                "(\"“‘'":
            break
        start = word_start
        starts.append(start)
    starts.reverse()
    return starts


def _is_claim(prose: str, core: str, core_start: int, core_end: int, start: int, end: int,
              s_start: int) -> bool:
    """Whether a candidate figure is a claim, judged by the words just before and after."""
    low = core.lower()
    if low in ("a", "an", "one"):
        return False  # an article, or 'one' alone (as a pronoun, or with nothing to count)
    after = prose[core_end:core_end + 24]
    # A year is the commonest figure that is not a claim: settle it before reading the words
    # around it (every other test below only ever rejects, so the order cannot matter).
    if len(core) == 4 and core.isdigit() and _YEAR.match(core) and not _PERCENT_AFTER.match(after):
        return False
    before = prose[max(0, start - 24):start]
    tail = before.lower().split()[-3:]
    last = tail[-1].rstrip(".,") if tail else ""
    # The last two words, joined only when they can be a pair compared below.
    two = " ".join(tail[-2:]) if tail and tail[-1] in _PAIR_ENDS else ""
    words = low.split()
    alpha = core[0].isalpha()
    nxt = _next_word(after)  # the word after the figure, asked about by many tests below
    if last == "last" and low in _ROUNDS and nxt in _AFTER_ROUND:
        return False  # a round of a cup: 'a place in the Uefa Cup last 16'
    if "I" in before and after[:1] in ("", ",", ".", "!", "?", ";") and core.isdigit() and \
            len(core) <= 2 and _FIRST_PERSON_AGE.search(before):
        return False  # an age: 'I'm only 27.'
    if not alpha and ((after[1:2].isdigit() and _MODEL_AFTER.match(after))
                      or nxt == "octane"):
        return False  # a model or a grade: 'the Sharp 902 3G handset', '97 octane petrol'
    if last in _IDIOM_WORDS or two in _IDIOM_PAIRS or (
            two == "of the" and " ".join(tail) == "one of the") or (
            last == "of" and tail[-2:-1] == ["one"] and alpha):
        return False  # 'the top 10', 'the big three', 'one of the'
    if not alpha and ((core_start > 0 and prose[core_start - 1] == "/") or (
            after[:1] == "/" and after[1:2].isdigit())):
        # Either half of a pair or a fraction: '30-5/8 dlrs', '40,000/45,000 tons'.
        return False
    if after[:1] == ")" and start == s_start:
        return False  # list numbering: '1) to use surplus liquidity ...'
    if last in _RANGE_WORDS and core.isdigit() and len(core) <= 2 and \
            _MONTH_DAY_BEFORE.search(prose, max(s_start, start - 24), start):
        return False  # the end of a date range: 'from March 9 to 23'
    if (after and after[0] in "+=×") or (core_start > 0 and prose[core_start - 1] in "+=×"):
        return False  # arithmetic, not a count: '2+2=5'
    if after[:1] == "-" and after.startswith(("- to ", "- and ")):
        return False  # the first half of a range of compounds: 'six- to eight-year-olds'
    if last in ("to", "at", "from", "ranked") and core.isdigit() and len(core) <= 3 and \
            _RANK_AFTER.match(after):
        return False  # a ranking: 'dropped to 87 in the world'
    small = low in _SMALL_WORD or (core.isdigit() and len(core) <= 3)
    if last in ("at", "to") and start == core_start and small and nxt in _AFTER_MARK \
            and _CHART_BEFORE.search(prose, max(s_start, start - 100), start):
        return False  # a chart position: 'at number 12 and The Zutons at 20'
    if tail and tail[-1] in ("these", "those"):
        return False  # a figure given before: 'Of these 43 reductions', 'those 250 million'
    if _MARK.match(core) and (nxt in _AFTER_MARK or (
            last == "of" and _MARK_BEFORE.search(before))):
        return False  # a result in metres: 'cleared 4.88m to win', 'a leap of 17.30m.'
    if (alpha or (core.isdigit() and len(core) <= 3)) and (
            nxt in _SPORT_GATE or _SPORT_PLAY.search(after)) and \
            (play := _SPORT_AFTER.match(prose, core_end, core_end + 48)) and not (
            "point" in play.group().lower() and _POLL.search(prose, s_start, core_end + 200)):
        # Play and records: 'shot wide from 18 yards', 'won five caps', 'five points behind
        # Chelsea' (not a lead in a poll, which is a claim).
        return False
    if last in ("kicked", "scored", "landed") and nxt == "point":
        return False  # a player's points in a match: 'O'Gara, who kicked 13 points'
    if last == "from" and after.startswith(" to number "):
        return False  # a chart move: 'moved from 13 to number four'
    if last in _MOVED and nxt in ("place", "spot", "position"):
        return False  # a move in a ranking: 'climbed seven places to number one'
    if alpha and low in _SMALL_WORD and ("-" in after or "–" in after or ":" in after
                                         or "," in after or " and " in prose[
                                             core_end:core_end + 80]) and \
            _NAMES_AFTER.match(prose, core_end, core_end + 120):
        return False  # counts the names that follow: 'two airlines - Harbour Air and Eastjet'
    if alpha and before.endswith(", ") and _NAMED_PAIR_BEFORE.search(
            prose, max(0, start - 80), start):
        return False  # counts the names just listed: 'Brightwave and Solenta, two providers'
    if before.endswith(("(", "; ", ", or ")):
        converted_at = start
    elif before.endswith(_APPROX_IN_BRACKET):  # '$250 (about £132)'
        converted_at = start - len(before) + before.rindex("(") + 1
    else:
        converted_at = -1
    if converted_at >= 0 and _CONVERTED.search(prose, max(0, start - 60), converted_at):
        return False  # a conversion of the figure before it: '$12m (£9.4m)', '85 in (2.2m)'
    if last == "of" and tail[-2:-1] in (["times"], ["time"]) and "." in core and \
            core.replace(".", "").isdigit():
        return False  # a race time: 'his times of 6.61 and 6.62 seconds'
    if last == "the" and _NAMED_LIMIT_AFTER.match(after):
        return False  # a rule named by its number: 'the 3% deficit ceiling', 'the 2% target'
    if not alpha and after[:1] in "snrt" and _ORDINAL_AFTER.match(after):
        return False  # an ordinal: 'the club's 1,000th match'
    if low == "half" and _AGE_RATIO_AFTER.match(after):
        return False  # a comparison of ages: 'a man half her age'
    if after[1:2].isupper() and core[0].isdigit() and _NAME_AFTER.match(after):
        return False  # a name or an address: '50 Cent', '221 Baker Street'
    if alpha and last == "or" and low in ("two", "three") and after[:1] in ("", ".", ",", ";"):
        return False  # an idiom: 'a week or two'
    if alpha and _SCORE_STATE_AFTER.match(after):
        return False  # the state of a match: 'came back from two goals down'
    if alpha and two in _SCORE_PAIRS:
        return False  # a running score: 'made it two before the break'
    if last in ("per", "every") and start == core_start:
        return False  # a denominator: 'marks per 100', 'one share for every 50'
    if (last in _POSSESSIVES or last.endswith(("'s", "’s"))) and \
            _SECURITY_AFTER.match(prose, end, end + 80) and not _AMOUNT_SCALE.search(low):
        # A security named by its rate: 'its 11.25 dlrs convertible preferred' (not an amount
        # of it: 'the firm's 151.89 mln preference shares').
        return False
    if alpha:
        if low == "half" and last in _ORDINAL_WORDS:
            return False  # the second half, the other half
        if low.endswith("s") and last == "in":
            return False  # a unit, not a count: 'in thousands of tonnes'
        if last in _ID_WORDS or last in _MONTH_WORDS:
            return False  # 'band two', 'June eight'
        if after[:1] == "-" and after[1:2].isalpha() and not _FRACTION_WORD.match(after[1:]):
            return False  # a compound: 'four-door', 'three-for-two', 'two-day'
        if low in _SMALL_WORD and (chosen := _SUPERLATIVE_AFTER.match(after)) and \
                chosen.group(1) not in _NOT_SUPERLATIVES:
            return False  # a choice, not a count: 'two of the busiest months'
        if _is_name_word(core, core_start, prose, s_start):
            return False
        if len(words) == 1 and words[0] in _SMALL_WORD and (
                last in _DEFINITE_WORDS or two == "of the") and \
                (last == "the" or nxt not in _UNIT_WORDS):
            return False  # 'the two sides', 'the five pct tax'; not 'its remaining nine pct'
        if words[0] in ("a", "an") and not any(w in _SCALE for w in words):
            return False
    elif _RACE.match(core) and (last == "the" or last.replace("’", "'") in _RACE_OWNERS
                                or _RACE_AFTER.match(after) or after[:1] == ":" or (
                                    last in ("and", "or") and len(core) >= 4)):
        # A race: 'won the 200m', 'the women's 1500m', 'her 5,000m record', 'the marathon
        # and 10,000m', a results heading '60m: ...'.
        return False
    digits_only = core.replace(".", "").isdigit()
    if digits_only:
        if core[0] == "0" and len(core) > 1 and core[1].isdigit():
            return False  # a code or a clock time: '007', '0227 GMT'
        if (core_start > 0 and prose[core_start - 1] in "-/#:'’") or after[:1] in ("/", ":") or (
                after[:1] == "-" and after[1:2].isalpha()):
            return False
        if last in _MONTH_WORDS or last in ("the", "on") or last in _ID_WORDS or \
                before.endswith("#") or _TIME_AFTER.match(after) or _DATE_AFTER.match(after) \
                or _ERA_AFTER.match(after):
            return False  # dates, times, 'page 5', 'No. 10'
        prev = before.split()[-1] if before.strip() else ""
        # (A word for which islower() holds has no upper-case letter: no need to look.)
        if start == core_start and prev.replace("-", "").isalpha() and \
                not prev.islower() and any(c.isupper() for c in prev) and \
                prev.lower() not in _APPROX_WORDS and prev.lower() not in _MONTH_WORDS:
            return False  # an identifier: Route 9, Terminal 2, iPhone 15, Half-Life 2
        if _DASH_DIGIT.match(after):
            return False  # a score or a day range: 28-14, 9-10 November
        if after[:1] == "s" or (after[:1].isalpha() and not after[:1].isspace()):
            return False  # '1990s', '3G', '4x4', '6ft'
    if (len(core) == 1 or low in _SMALL_WORD) and nxt == "figure":
        return False  # a size, not a figure: 'a six figure salary', 'fees of seven figures'
    # Every core ends in a letter, a digit or '%' (never a line break, which '$' would also
    # allow before), so a decade ends in 's'.
    if core[-1] == "s" and _DECADE.match(core):
        return False
    if last in _AGE_WORDS or two == "age of" or (
            "y" in after[:2].lower() and _AGE_AFTER.match(after)) or (  # 'years', 'yrs'
            last == "at" and start == core_start and start - s_start <= 4
            and core.isdigit() and len(core) <= 3 and after.startswith(_AGE_OPENING_AFTER)) or (
            core.isdigit() and len(tail) == 3 and tail[0] in _AGE_WORDS
            and tail[2] in ("to", "and", "or")) or (
            after[:1] == " " and _AGE_RANGE_AFTER.match(after)):
        # An age: 'aged 67', '67-year-old', 'At 19, Okafor ...', 'aged 18 to 21', '18 to 21
        # year olds'.
        return False
    if last in _BEFORE_AGE_LIMIT and core.isdigit() and len(core) <= 3 and \
            _AGE_NOUN.search(prose, max(s_start, start - 60), start):
        return False  # an age limit: 'the pension age for council workers from 60 to 65'
    if core.isdigit() and len(core) == 2 and start == core_start and \
            after.startswith(" when ") and before.endswith((" was ", " is ", " were ")):
        return False  # an age: 'Hingis was 22 when she retired'
    if after[:1] in ",)" and (_NAME_BEFORE_AGE.search(before) or (
            before.endswith(", ") and len(core) <= 3 and start == core_start)):
        return False  # an age: Lena Varga, 52, / Varga (52) / the girl, six,
    whole = prose[start:end]
    if "%" not in whole and "per" not in whole.lower() and not _TICKETS_AFTER.match(after) and (
            nxt in _DURATION_WORDS
            or (end != core_end and _next_word(prose[end:end + 24]) in _DURATION_WORDS)
            or (_DURATION_HINT.search(prose, core_end, core_end + 40)
                and _DESCRIBED_DURATION.match(prose, core_end, core_end + 40))):
        # A duration: 'two years', 'between five and seven years', 'five hectic minutes'.
        return False
    if nxt == "time" and _FREQUENCY_AFTER.match(after):
        return False  # a frequency: 'falls four times a year'
    if last in ("clocking", "clocked") and _MARK_TIME.match(core):
        return False  # a race time: 'clocking 7.37'
    if last == "to" and _STREAK_BEFORE.search(before):
        return False  # a run in a sports record: 'extended their winless streak to six'
    if last in ("made", "make", "makes", "making") and nxt == "change" and alpha:
        return False  # a team's selection: 'Wales have made two changes'
    if prose.startswith("If ", s_start) and _CLAUSE_COMMA.search(prose, s_start, start) is None \
            and (comma := _CLAUSE_COMMA.search(prose, end, end + 150)) is not None \
            and ". " not in prose[end:comma.start()]:
        return False  # a condition, not a claim: 'If the track sold 500,000 copies, ...'
    if last == "in" and _NOMINATED_BEFORE.search(before):
        return False  # 'nominated in six Oscar categories'
    if last == "in" and _MARK_TIME.match(core) and _FINISHED_BEFORE.search(
            prose, s_start, start):
        return False  # a race time: 'finished fifth in 7.35'
    if nxt in _GRADE_NEXT or (last == "of" and _PACKAGE_BEFORE.search(before)):
        return False  # a grade or a pack size: '34 API crude', '14.5 pct protein', 'bags of 60'
    if alpha and low in _SMALL_WORD and nxt in _DESCRIPTOR_NEXT:
        return False  # a description, not a count: 'a two tier system', 'four star petrol'
    if last in ("and", "or", "to") and len(tail) == 3 and tail[0] in _ID_WORDS:
        return False  # numbering: 'parts one and two'
    if nxt == "place" and _PLACES_AFTER.match(after):
        return False  # a gap in a ranking: '184 places below Henman', 'two places above'
    if nxt in _LEAD_UNITS and _LEAD_BEFORE.search(before) and not _POLL.search(
            prose, s_start, core_end + 200):
        return False  # a lead in a table: 'reduces Barca's lead to four points'
    if alpha and low in _SMALL_WORD and _CHOICE_AMONG_AFTER.match(after):
        return False  # a choice among named ones: 'Two of Britain's biggest unions'
    if last == "at" and start == core_start and core.isdigit() and len(core) == 2 and \
            (after[:1] in ("", ".", ",", ";") or after.startswith(" and ")) and \
            _CAREER_BEFORE.search(prose, s_start, start):
        return False  # an age: 'the youngest store manager at 19', 'an MP at 27 and ...'
    # A score needs a dash: most figures are settled without the expression.
    return not (("-" in whole or "–" in whole) and _SCORE.match(whole.strip()))


def _next_word(text: str) -> str:
    """The word right after a figure ('years' in ' years ago', 'year' in '-year-old').

    'and a half' is stepped over: 'three and a half months' is a duration.
    """
    text = text.lstrip(" -")
    if text.startswith("and a half "):
        text = text[11:]
    parts = text.split(None, 1)
    if not parts:
        return ""
    return parts[0].lower().split("-", 1)[0].rstrip(".,;:!?)'’\"”s")


_RANGE_WORDS = frozenset({"to", "and", "through", "until", "till"})
_NOMINATED_BEFORE = re.compile(r"\bnominated\s+in\s+$", re.IGNORECASE)
# A comma that ends a clause, not one inside a number ('500,000').
_CLAUSE_COMMA = re.compile(r",(?!\d)")
_STREAK_BEFORE = re.compile(r"\b(?:streak|(?:winless|unbeaten|losing|winning|scoring|goalless"
                            r"|undefeated)\s+(?:run|sequence))\s+to\s+$", re.IGNORECASE)
_MARK_TIME = re.compile(r"\d{1,2}\.\d{2}$")
_FINISHED_BEFORE = re.compile(r"\b(?:finished|clocked|ran|won|came)\b[^.;]{0,30}$", re.IGNORECASE)
# What a grade is measured in, after its figure: '34 API crude', '14.5 pct protein wheat'.
_GRADE_NEXT = frozenset({"api", "protein", "moisture", "octane", "sulphur", "sulfur", "proof",
                         "carat"})
_PACKAGE_BEFORE = re.compile(r"\b(?:bags?|sacks?|bales?|cases|boxes|cartons|drums|packs?)\s+of\s+$",
                             re.IGNORECASE)
# Words after a small number that make it a description: 'a two tier system'.
_DESCRIPTOR_NEXT = frozenset({"tier", "star", "speed", "door", "seater", "stroke", "way"})
_PLACES_AFTER = re.compile(r"\s+places?\s+(?:above|below|behind|ahead|higher|lower|up|down|to)\b")
_LEAD_UNITS = frozenset({"point", "goal", "shot", "stroke", "game", "length"})
_LEAD_BEFORE = re.compile(r"\b(?:lead|advantage|margin|deficit|gap)\s+(?:to|of|over)\s+$",
                          re.IGNORECASE)
_CHOICE_AMONG_AFTER = regex.compile(
    r"\s+of\s+(?:the\s+)?(?:world|country|nation|city|\p{Lu}[\w.]*)['’]s\s+(?:\w+\s+){0,2}?"
    r"(?:big|biggest|largest|leading|main|major|top|best|oldest|most|richest)\b")
# What a sentence says of a career before 'at <age>': 'became the youngest manager at 19'.
_CAREER_BEFORE = re.compile(r"\b(?:youngest|oldest|became|becoming|retired|retiring|died"
                            r"|debut|elected|appointed)\b", re.IGNORECASE)
_APPROX_IN_BRACKET = ("(about ", "(around ", "(roughly ", "(some ", "(approximately ",
                      "(nearly ", "(almost ")
_MONTH_DAY_BEFORE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:to|and|through|until|till)\s+$",
    re.IGNORECASE)
_ROUNDS = frozenset({"16", "32", "64", "eight", "sixteen"})
_AFTER_ROUND = frozenset({"", "of", "and", "with", "after", "on", "in", "at", "for", "stage",
                          "tie", "ties", "round", "draw", "clash", "place", "spot", "but"})
_FIRST_PERSON_AGE = re.compile(r"\bI(?:'m|’m|\s+am)\s+(?:only\s+|just\s+|now\s+|nearly\s+)?$")
_MODEL_AFTER = re.compile(r"\s\d[A-Z]{1,2}\b")  # '902 3G'
_IDIOM_WORDS = frozenset({"top", "big", "final", "catch", "leading", "best"})
_IDIOM_PAIRS = frozenset({"group of", "the last"})  # 'into the last 16' (a round)
# A jump or throw measured in metres, and the words that can follow one (a figure in
# millions is followed by what it counts: '6.25m viewers').
_MARK = re.compile(r"\d{1,2}\.\d{2}m$")
_AFTER_MARK = frozenset({"", "to", "in", "at", "and", "on", "which", "but", "with", "for", "as",
                         "while", "before", "after", "-", "–"})
# What a sports report counts in play and in a career, and an awards report in a
# ceremony, which the reporter saw or the record shows: 'two tries', 'from 18 yards', '12
# goals in 68 appearances', 'five points behind Chelsea', 'just two games into the
# season', 'two of the side's seven tries', 'won three awards', 'five nominations'. Not
# 'up to 20 mobile games'.
_SPORT_UNITS = (r"(?:goals?|tries|try|wickets?|innings|sets?(?!\s+of\b)"
                r"|frames?(?!\s+(?:a|an|per|each)\b)|holes?|birdies|eagles|bogeys|laps?"
                r"|yards?(?!\s+(?:capable|each|of)\b)|penalties|penalty|caps?|appearances?"
                r"|starts|medals?|wins|victories|defeats|draws|fixtures|corners|fouls|outings"
                r"|attempts|finals|titles(?=\s+(?:from|in\s+a\s+row)\b)"
                r"|golden\s+globes?|academy\s+awards?|brit\s+awards?|accolades"
                r"|touchdowns|matches|races|breaks?|aces|errors|awards|prizes|oscars|baftas"
                r"|grammys|emmys|trophies|nominations)")
_SPORT_ADJECTIVE = (
    r"(?:league|international|senior|test|first-team|gold|silver|bronze|olympic|world"
    r"|unforced|service|missed|straight|consecutive|successive|home|away|opening|remaining"
    r"|premiership|grand\s+slam|major|european|domestic|career|competitive|championship"
    r"|national|cup|six\s+nations|previous|other)")
# A mark named before it: 'to better her own mark of 6.52m'.
_MARK_BEFORE = re.compile(r"\b(?:mark|best|record|jump|throw|leap|height)\s+of\s+$")
# A frequency, not a count: 'falls four times a year'.
_FREQUENCY_AFTER = re.compile(r"\s+times\s+(?:a|an|each|every|per)\s+(?:day|week|month|year)\b")
# Cheap tests before the longer expressions: a unit that may follow a describing word ('two
# kickable tries'; with _SPORT_GATE, below), and a duration word within reach.
_SPORT_PLAY = re.compile("goals|tries|wickets|birdies|touchdowns")
_DURATION_HINT = re.compile("second|minute|hour|days|week|month|year")
_SPORT_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:goals|tries|wickets|birdies|touchdowns)\b"  # 'two kickable tries'
    rf"|\s+(?:{_SPORT_ADJECTIVE}\s+(?:and\s+{_SPORT_ADJECTIVE}\s+)?(?:{_SPORT_UNITS}|games"
    rf"|titles?)|{_SPORT_UNITS}"
    rf"|of\s+(?:the|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?{_SPORT_UNITS}"
    r"|of\s+(?:the|his|her|their|its)\s+(?:[\w'’]+\s+){0,3}?(?:games|meetings|visits)"
    r"|(?:personal\s+)?bests|(?:championship|match|set|break|game)\s+points?"
    r"|games\s+(?:into|unbeaten|without|in\s+charge|left|to\s+go)"
    r"|points?\s+(?:behind|clear|ahead|adrift|off|from|short))\b", re.IGNORECASE)
# What follows an age that opens a sentence: 'At 19, Okafor ...', 'At 34 I ...'.
_AGE_OPENING_AFTER = (",", " I ", " I'", " I’")
_TICKETS_AFTER = re.compile(r"\s+(?:season|day|week|month|year)\s+(?:tickets?|passes)\b")
_POLL = re.compile(r"\b(?:polls?|survey|surveys|ratings?|votes?|voters|voting)\b", re.IGNORECASE)
_MOVED = frozenset({"up", "down", "climbed", "climbing", "rose", "rising", "fell", "falling",
                    "dropped", "dropping", "slipped", "slipping", "jumped", "jumping", "moved",
                    "moving"})
# What a sentence holding a chart position says before it: 'in at number 12', 'the chart'.
_CHART_BEFORE = re.compile(
    r"\b(?:charts?|rankings?)\s|\b(?:number|no\.)\s+(?:one|two|three|four|five|six|seven"
    r"|eight|nine|ten|\d+)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:places?|spots?)\b", re.IGNORECASE)
# A duration with a word describing it: 'within five mesmerising minutes'.
_DESCRIBED_DURATION = re.compile(
    rf"\s+(?!(?:of|per|a|an|the|and|or|to|more|less|man|person|human|user|viewer|passenger"
    rf"|patient|machine|labou?r|kilowatt|megawatt|gigawatt|terawatt|{_UNITS}|{_TENS})\s)"
    r"[a-z]+\s+(?:seconds|minutes|hours|days|weeks|months|years)\b")
# The names a count introduces: 'two airlines - Harbour Air and Eastjet'.
_NAMES_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}[a-z]+\s*[-–:,]?\s*(?:the\s+)?"
                          r"[A-Z0-9][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*)*"
                          r"(?:,\s+[A-Z0-9][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*)*)*,?\s+(?:and|&)\s+"
                          r"[A-Z0-9]")
_SUPERLATIVE_AFTER = re.compile(r"\s+of\s+the\s+(most|least|best|worst|\w{2,}est)\b")
_NOT_SUPERLATIVES = frozenset({"interest", "honest", "modest", "forest", "protest", "request",
                               "harvest", "contest", "inquest", "arrest", "suggest"})
_RANK_AFTER = re.compile(r"\s+in\s+the\s+world\b(?!'s)")
_NAMED_PAIR_BEFORE = regex.compile(r"\p{Lu}[\w'’-]*\s+(?:and|&)\s+\p{Lu}[\w'’-]*,\s$")
_AGE_RATIO_AFTER = re.compile(r"\s+(?:his|her|their|my|your|its)\s+age\b")
_NAME_AFTER = re.compile(r"\s(?:Cent\b|(?:[A-Z][a-z]+\s)?(?:Street|Road|Avenue|Lane|Boulevard"
                         r"|Square|Place|Drive|Terrace|Crescent)\b)")
_NAMED_LIMIT_AFTER = re.compile(
    r"(?:\s?%|\s+per\s?cent|\s+percent)?(?:\s+[a-z]+){0,2}?\s+(?:ceiling|limit|target|threshold"
    r"|cap|rule)\b")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_AGE_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|and|or)\s*\d{1,3}[-\s]years?[-\s]olds?\b",
                              re.IGNORECASE)
_SCORE_STATE_AFTER = re.compile(r"\s+(?:goals?|sets?|games?|frames?)\s+(?:down|up)\b")
_SCORE_PAIRS = frozenset({"made it", "make it", "makes it", "making it"})
# Last words of the pairs _is_claim compares: _IDIOM_PAIRS, _SCORE_PAIRS, 'of the', 'age of'.
_PAIR_ENDS = frozenset({pair.rsplit(" ", 1)[1] for pair in _IDIOM_PAIRS | _SCORE_PAIRS}
                       | {"of", "the"})
# A figure (not a year), perhaps with its unit, right before an opening bracket (and perhaps
# a first conversion: '2.4bn francs ($2.7bn; £2.1bn)').
_CONVERTED = re.compile(
    r"(?:(?<![\w.,])(?!(?:1[0-9]|20)\d\d\s)[$€£¥]?\d[\d,.]*(?:[a-z]{1,2}\b|-\w+)?"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s(?:hundred|thousand|million"
    r"|billion|trillion))"
    r"(?:\s[A-Za-z]+){0,2}(?:\s?\((?:[$€£¥]?\d[\d,.]*[a-z]{0,2};\s)?|,\sor\s)$")
# What follows a race distance: 'the 800m and 1500m titles', 'his 400m hurdles'.
_RACE_AFTER = re.compile(
    r"\s+(?:(?:and|or)\s+\d[\d,]{1,5}m\b|(?:world|olympic|european|commonwealth|indoor"
    r"|national|british|record|hurdles|relay|freestyle|backstroke|breaststroke|butterfly"
    r"|medley|steeplechase|final|heats?|title|race|road|fun|gold|silver|bronze|champion)\b)",
    re.IGNORECASE)
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "final", "other", "latter",
                            "former", "back", "front", "top", "bottom", "northern", "southern",
                            "eastern", "western", "opposite", "same", "upper", "lower"})
_DEFINITE_WORDS = frozenset({"the", "these", "those", "both", "all", "its", "their", "his",
                             "her", "our", "my", "your", "whose", "first", "last", "next",
                             "past", "other", "another", "latter", "former", "remaining"})
# Units after a small number that make it an amount: 'the remaining four dlrs'.
_UNIT_WORDS = frozenset({"pct", "percent", "per", "dlr", "dollar", "cent", "pound", "euro",
                         "yen", "mln", "million", "billion", "bln", "franc", "mark", "tonne",
                         "ton"})
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b)")
_MONTH_WORDS = frozenset({
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december"})
_ID_WORDS = frozenset({
    "no", "nos", "number", "page", "pages", "chapter", "section", "article", "route", "room",
    "flight", "gate", "platform", "bus", "seat", "level", "grade", "version", "junction",
    "exit", "paragraph", "clause", "rule", "item", "vol", "volume", "issue", "episode",
    "series", "phase", "stage", "category", "class", "division", "tier", "zone", "ward",
    "district", "unit", "band", "channel", "highway", "interstate", "lot", "squad", "model",
    "mark", "form", "type", "step", "question", "p", "pp", "part", "parts"})
_AGE_WORDS = frozenset({"aged", "age", "ages", "turned", "turn", "turns"})
_AMOUNT_SCALE = re.compile(r"\b(?:mln|million|bln|billion|trillion|thousand|hundred)")
_BEFORE_AGE_LIMIT = frozenset({"from", "to", "at", "of", "between", "and", "over", "under", "is",
                               "was", "be"})
# An age limit or a person's age, not a statistic of ages ('the average age rose to 14').
_AGE_NOUN = re.compile(r"(?<!average )(?<!median )(?<!mean )\bages?\b", re.IGNORECASE)
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "your", "my"})
# What follows a rate or dividend that names a security rather than stating a figure.
_SECURITY_AFTER = re.compile(
    r"(?:\s*(?:pct|percent|%|dlrs?|cents?|dollars?))?"
    r"(?:\s+(?:cumulative|convertible|exchangeable|subordinated|senior|junior|secured"
    r"|unsecured|guaranteed|redeemable|participating|sinking[-\s]fund|first[-\s]mortgage"
    r"|coupon|series\s+\w+|class\s+\w+))*"
    r"\s+(?:preferred|preference|debentures?|notes?|bonds?|eurobonds?|loan\s+stock)\b",
    re.IGNORECASE)
# Words before a race distance: 'the women's 1500m', 'the indoor 60m'.
_RACE_OWNERS = frozenset({"men's", "women's", "boys'", "girls'", "junior", "senior", "indoor"})
# Singular stems: _next_word strips a plural 's'.
_DURATION_WORDS = frozenset({
    "second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
    "century", "centurie", "season", "night", "generation", "inning", "lap", "term",
    "semester", "shift"})


# Capitalised words before a number that open a sentence rather than name something.
_APPROX_WORDS = frozenset({"about", "around", "some", "nearly", "almost", "over", "under",
                           "approximately", "roughly", "just", "only", "between", "by", "and",
                           "but", "or", "so", "yet", "with", "of", "in", "for", "from", "to",
                           "at", "on", "since", "after", "before", "until", "another", "all"})


# The first words _SPORT_AFTER can open with, as _next_word returns them.
_SPORT_GATE = frozenset(_next_word(" " + word) for word in (
    "league", "international", "senior", "test", "first-team", "gold", "silver", "bronze",
    "olympic", "world", "unforced", "service", "missed", "straight", "consecutive",
    "successive", "home", "away", "opening", "remaining", "premiership", "grand", "major",
    "european", "domestic", "career", "competitive", "championship", "national", "cup", "six",
    "goals", "try", "tries", "wickets", "innings", "sets", "frames", "holes", "birdies",
    "eagles", "bogeys", "laps", "yards", "penalties", "penalty", "caps", "appearances",
    "starts", "medals", "wins", "victories", "defeats", "draws", "fixtures", "corners",
    "fouls", "touchdowns", "matches", "races", "breaks", "aces", "errors", "awards", "prizes",
    "outings", "attempts", "titles", "finals", "golden", "academy", "brit", "accolades",
    "previous", "other",
    "oscars", "baftas", "grammys", "emmys", "trophies", "nominations", "of", "games", "points",
    "personal", "bests", "championship", "match", "set", "break", "game", "meetings",
))
