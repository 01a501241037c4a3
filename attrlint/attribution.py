"""Who says so? Attribution frames for every sentence, computed once per document.

A frame is a cue ("said", "according to", "data show", "reportedly") with the span of its
source and the kind of source:

- ``named``: a person with a name, a named institution, outlet or document, an institution
  speaking ("police said", "hospital officials said"), or a person the story introduced
  ("the farmer said");
- ``unnamed``: an unidentifiable individual or official ("officials", "a senior official",
  "people familiar with the matter");
- ``vague``: a faceless group, unnamed media or an unnamed document ("experts", "critics",
  "reports", "a study");
- ``agentless``: no source at all ("reportedly", "it is believed", "is thought to");
- ``pronoun``: "she said", "they told reporters", resolved to the kind of the source the
  story introduced before it (``resolved``).

Quotations get a speaker (the nearest frame outside the quote in the same or an adjacent
sentence), and each block records whether it gives a reason for anonymity.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

import regex

from attrlint import lexicon
from attrlint.memo import cached_property

if TYPE_CHECKING:
    from attrlint.analysis import Analysis, Quote
    from attrlint.config import AttributionOptions

SourceKind = Literal["named", "unnamed", "vague", "agentless", "pronoun"]


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution: cue and source spans in prose offsets, and the source's kind."""

    sentence: int
    cue_start: int
    cue_end: int
    source_start: int
    source_end: int
    kind: SourceKind
    resolved: SourceKind
    in_quote: bool
    phrase_start: int = -1
    phrase_end: int = -1

    @property
    def start(self) -> int:
        """Start of the whole frame (source and cue)."""
        return min(self.cue_start, self.source_start)

    @property
    def span(self) -> tuple[int, int]:
        """What a finding underlines: the phrase that makes the source what it is, and the cue.

        'analysts said' in 'senior market analysts said'.
        """
        if self.phrase_start < 0:
            return self.start, self.end
        return min(self.phrase_start, self.cue_start), max(self.phrase_end, self.cue_end)

    @property
    def end(self) -> int:
        """End of the whole frame."""
        return max(self.cue_end, self.source_end)


# Verbs that attribute: 'said', 'told', 'estimated', 'the survey found'.
_SPEECH = (
    "accused", "acknowledged", "acknowledges", "added", "adding", "adds", "admitted", "allege",
    "alleged", "alleges", "announced", "anticipated", "anticipates", "anticipating", "argue",
    "argued",
    "argues", "arguing", "asked", "asserted", "attribute", "attributed", "attributes",
    "believe", "believed", "believes", "blamed", "boasted", "calculated", "calculates",
    "cautioned", "cited", "cites", "claim", "claimed", "claiming", "complained", "conceded",
    "concluded", "confirmed", "confirms", "contend", "contended", "contends", "countered",
    "declared", "denied", "denies", "describe", "described", "describes", "describing",
    "disclosed", "emphasised", "emphasized", "estimate", "estimated", "estimates", "estimating",
    "expect", "expects", "forecasting", "predicting",
    "explained", "explains", "fear", "feared", "find", "finds", "forecast", "forecasts",
    "found", "gave", "gives", "hinted", "indicate", "indicated", "indicates", "insisted",
    "insists", "joked", "maintain", "maintained", "maintains", "note", "noted", "noting",
    "notified", "observed", "outlined", "pledged", "pointed", "points", "predict",
    "predicted", "predicts",
    "projected", "promised", "propose", "proposed", "proposes", "put", "puts", "quipped",
    "recalled", "recalls", "reiterated", "remarked", "replied", "report", "reported", "reports",
    "repeated", "responded", "revealed", "reveals", "ruled", "said", "say", "saying", "says",
    "sees", "show", "showed", "shown", "shows", "signaled", "signalled", "stated", "states",
    "stressed", "suggest", "suggested", "suggests", "tells", "termed", "testified", "think",
    "thinks", "told", "tweeted", "unveiled", "urged", "vowed", "warn", "warned", "warning", "warns",
    "writes", "wrote",
)
# Cues whose subject must be a document or data ("the survey found"), not any noun.
_DATA_CUES = frozenset({"showed", "show", "shows", "shown", "found", "find", "finds",
                        "gives", "gave",
                        "suggest", "suggests", "suggested", "indicate", "indicates", "indicated",
                        "put", "puts", "report", "reports"})
# Of those, the ones a person never does: 'officials have shown interest' is no attribution.
_SHOW_CUES = frozenset({"showed", "show", "shows", "shown", "found", "find", "finds", "put",
                        "puts", "gives", "gave"})
# A named party's own act, which carries its own figures ('USAir has offered 71 dlrs a
# share', 'Cooper Companies filed with the SEC for an offering of 300 mln dlrs'); done by
# anyone else ('dealers bid 104 and offered 106') it is no attribution.
_OWN_ACT_CUES = frozenset(lexicon.load("acts"))
# Parties named by what they are, after 'the': 'the trust has granted', 'the utility will
# redeem' (beside the institutions lexicon's nouns).
_PARTY_NOUNS = frozenset({"trust", "partnership", "fund", "consortium", "utility", "insurer",
                          "lender", "brewer", "carrier", "retailer", "exchange", "union",
                          "council", "issuer", "borrower", "seller", "buyer", "owner",
                          "operator", "developer", "manufacturer", "maker", "producer",
                          "publisher", "studio", "club", "league", "federation", "senate",
                          "congress", "parliament", "assembly", "directors", "board"})
# The acts are looked for only in a sentence whose figures have no other source (see
# Attribution.own_act), at its word starts.
_ACT_SCAN = lexicon.WordStartScan(lexicon.first_letters(sorted(_OWN_ACT_CUES)),
                                  rf"(?:{lexicon.trie_pattern(sorted(_OWN_ACT_CUES))})\b")
# What follows 'set' when it sets no terms: 'set a new record', 'set up', 'set to rise'.
_SET_NOT_AN_ACT = re.compile(r"\s+(?:(?:a|an|the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
                             r"(?:record|best|high|low|precedent|example|standard|pace|tone)\b"
                             r"|up|out|off|for|to|about|aside|apart|in|on|fire)\b")
_SET_AS_NOUN = re.compile(r"\b(?:first|second|third|fourth|fifth|final|opening|deciding|next"
                          r"|last|each|every|one|a|the)\s+$")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "around", "near", "throughout", "among"})
# What may stand between a party and its act: 'Harbour Water is to invest', 'Orrin Mills
# plans to buy', 'the board voted to cut'.
_PLAN_BEFORE = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:seeking|planning|aiming|hoping|preparing"
                          r"|looking|due)|is|are|was|were|agreed|agrees|plans|planned|intends"
                          r"|intended|aims|decided|voted|wants|hopes|seeks|opted|opts|arranged)"
                          r"\s+to\s+$")
# Acts whose subject may be a relative pronoun's antecedent: 'Harcourt, which offered ...'.
_ANTECEDENT_CUES = ("offered", "filed", "announced", "reported", "disclosed")
# 'put the death toll at 60': an estimate credited to the subject.
_PUT_AT = re.compile(r"\s+(?:[\w’'-]+,?\s+){0,8}?at\s")
# Matched against the lower-cased prose; the verbs as a prefix tree for speed. No named
# groups inside (entering one costs the engine at every word): a match's kind follows from
# its text. The scan itself is built with the agentless phrases, in _lexicons.
_CUE_LETTERS = lexicon.first_letters(["according", "quoted", "cited", "in", *_SPEECH])
_CUE = (r"(?:according\s+to|quoted\s+by|cited\s+by"
        r"|in\s+(?:a|an|its|his|her|their|the)\s+(?:(?!(?:of|on|to)\s)[\w/-]+\s+){0,4}?"
        r"(?:filing|statement|report|letter|release|interview|prospectus|submission|notice"
        r"|presentation|survey|poll|list)"
        + rf"|{lexicon.trie_pattern(_SPEECH)})\b")
# A cue or agentless phrase found by the scan: prose offsets and which of the two.
_Cue = tuple[int, int, Literal["cue", "agentless"]]


def _cue_kind(text: str) -> Literal["according", "document", "verb"]:
    """Which alternative of the cue scan matched ``text``.

    The verbs are single words; of the phrases with a space in them, only the document
    ('in a statement') opens with 'in', and 'cited' as a verb has no 'by' after it.
    """
    if text.isalpha():
        return "verb"
    return "document" if text.startswith("in") else "according"


_AUXILIARY = regex.compile(
    r"(?:\s+(?:has|have|had|would|will|also|later|previously|further|separately|repeatedly"
    r"|long|have\s+long|widely|privately|publicly|earlier|now|recently|already|often|today"
    r"|yesterday|tonight|then|again|once\s+again|reportedly|also\s+reportedly"
    r"|on\s+\w+day|last\s+\w+|this\s+\w+|do|does|did|not|n't|may|might|could|can|should"
    r"|must|been|had\s+been|generally|still|too|once|all|both|is|are|was|were))+\s*$",
    regex.IGNORECASE | regex.REVERSE,
)
# Last words that can end a run of auxiliaries: only then is the expression above tried.
_AUXILIARY_WORDS = frozenset({
    "has", "have", "had", "would", "will", "also", "later", "previously", "further",
    "separately", "repeatedly", "long", "widely", "privately", "publicly", "earlier", "now",
    "recently", "already", "often", "today", "yesterday", "tonight", "then", "again",
    "reportedly", "week", "month", "year", "morning", "evening", "afternoon", "night", "do",
    "weekend", "quarter", "spring", "summer", "autumn", "winter", "time",
    "does", "did", "not", "n't", "may", "might", "could", "can", "should", "must", "been",
    "generally", "still", "too", "once", "all", "both", "is", "are", "was", "were"})
# How an aside between a subject and its verb opens: a time, a place, a manner.
_ASIDE_OPENINGS = ("in ", "on ", "at ", "during ", "after ", "before ", "speaking ",
                   "writing ", "quoting ", "citing ", "asked ", "interviewed ", "when ")
# An aside that opens with a participle: 'Harrow Widgets Inc, clarifying an earlier
# statement, said', 'Ana Ruiz, named to the post in May, said'.
_PARTICIPLE = re.compile(r"(?:[a-z]+ly\s+|earlier\s+|later\s+|also\s+)?[a-z]{3,}(?:ing|ed)\s")
# A relative clause closed by a comma, with the subject after it: '..., which would help
# farmers, sources said'.
_COMMA_THEN_WORD = re.compile(r",\s*\w")
_NOT_SUBJECT_START = frozenset({"up", "down", "from", "in", "on", "at", "to", "with", "by",
                                "for", "of", "after", "before", "and", "or", "but", "compared",
                                "against", "while", "than", "as"})
# A comma that separates words, not the thousands of a number.
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
# Words that make a phrase a clause, not a name with a title.
_CLAUSE_WORDS = frozenset({"will", "would", "is", "are", "was", "were", "has", "have", "had",
                           "can", "could", "may", "might", "should", "must", "this", "it",
                           "they", "he", "she", "we", "there"})
_CLAUSE_BREAK = regex.compile(
    r"""[;:—–(\[]|["“”]|\s-\s|\b(?:and|but|while|as|because|although|though|after|before"""
    r"""|when|so|that|if|since|whereas|whether|which|who|where|than|or|nor|yet|until|unless"""
    r"""|said|says|say)\b""",
    regex.IGNORECASE | regex.REVERSE,
)
_AFTER_END = re.compile(r"[,.;:!?—–()\[\]\"“”]|\s(?:that|on|in|last|this|when|after|as|who"
                        r"|because|and|but)\s", re.IGNORECASE)
# Asides between commas: ', who asked not to be named,', ', speaking on condition of ...,'.
_ASIDE = re.compile(r",\s*(?:who|which|speaking|citing|according|as|published|released"
                    r"|issued|conducted|commissioned|carried)\b[^,]*,[\"”]?"
                    # a discourse adverb: 'Some arbitragers, however, said'
                    r"|,\s*(?:however|though|meanwhile|moreover|nevertheless|nonetheless"
                    r"|indeed|in\s+turn|in\s+fact|for\s+(?:example|instance)|too|also"
                    r"|therefore|instead|likewise)\s*,")
# An abbreviation in brackets after a name: 'The World Health Organisation (WHO) said'.
_BRACKETED = re.compile(r"(?<=\w )\([A-Z][A-Z&]{1,10}\)(?=\s*$)")
_VERB_START = regex.compile(r"\s+(?:\w+ed|is|was|are|were|has|had|have|spoke|works|worked|knows"
                            r"|declined|asked|requested|sits|sat|led|leads|runs|ran)\b",
                            regex.IGNORECASE)
# 'the sources', 'the official', 'these analysts': a source the story already introduced.
_ANAPHOR = re.compile(r"(?i)^(?:the|these|those|both|such)\s+(?:[\w.’'&-]+\s+){0,3}"
                      r"(?:sources?|officials?|analysts?|diplomats?|aides?|experts?|economists?|dealers?|traders?"
                      r"|bankers?|people|person|executives?)$")
_REPORTING_NEXT = re.compile(
    r"\s+(?:that|on\s+\w+day|in\s+(?:a|an|its|his|her|their)\b|last|earlier|yesterday|today"
    r"|this)\b", re.IGNORECASE)
_NOTIFYING = re.compile(r"\s+[^,.;]{0,60}?(?<!compared\s)(?<!up\s)(?<!close\s)(?<!due\s)"
                        r"(?<!rose\s)(?<!fell\s)(?<!increased\s)(?<!declined\s)(?<!grew\s)"
                        r"(?<!dropped\s)(?<!jumped\s)(?<!climbed\s)(?<!gained\s)"
                        r"\bto\s+(?:the|his|her|their|its|a|an|police|authorities"
                        r"|investigators|regulators)\b")
_APPOSITIVE = regex.compile(r",?\s+(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}")
_BY_SOMEONE = regex.compile(r"\b(?:by|at|from|of|with|for)\s+(?:the\s+)?(?:\p{Lu}|\w+'s\b)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|these|those|our"
                                r"|my|your)\s+$")
# Cues that are also plural nouns, and a number before them: 'in 14 states', 'two reports'.
_PLURAL_NOUN_CUES = frozenset({"states", "reports", "estimates", "shows", "finds", "forecasts",
                               "notes", "claims", "fears"})
_NUMBER_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten))\s+$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|by|without|after|before|of|from|on)\s+$",
                                 re.IGNORECASE)
_AS_ANNOUNCED = re.compile(r"\bas\s+(?:previously\s+|earlier\s+|already\s+)?$",
                           re.IGNORECASE)
_DOCUMENT_NEXT = regex.compile(r"\s+(?:statement|report|figures|data|estimate|forecast|letter"
                               r"|document|release|communique|notice|newspaper|paper|journal"
                               r"|publication|gazette|radio|television|broadcaster|news"
                               r"|agency)", regex.IGNORECASE)
# Verbs that put their speaker after them: '"...," said the minister'.
_INVERTIBLE = frozenset({"said", "says", "added", "adds", "wrote", "explained", "insisted",
                         "warned", "stated", "noted", "asked", "replied", "argued", "recalled",
                         "admitted", "predicted", "predicts", "concluded", "reported",
                         "reports", "estimated"})
# The rest of a sentence after a cue when it is only the source: ', predicts the report by BT.'
_TAIL = re.compile(r"\s+(?!(?:it|he|she|they|we|i|you|that|there|this)\b)"
                   r"(?:[\w.’'&-]+\s+){0,10}?[\w.’'&-]+(?:\s+\([A-Z][A-Z&]{1,10}\))?"
                   r"[.!?\"”’]*\s*$", re.IGNORECASE)
# 'The mayor, Ana Ruiz, said ...': a name in apposition, so the speaker comes before the verb.
_NAME_BETWEEN_COMMAS = regex.compile(
    r"(?:^|,)\s*\p{Lu}[\w.’'-]*(?:\s+(?:\p{Lu}[\w.’'-]*|de|van|von|al|bin)){0,3}\s*,\s*$")
_BY_AGENT = re.compile(r"\s+by\s+(?=\S)")
# The subject at the start of a sentence: words up to the first verb-like word.
_CLAUSE_HEAD = regex.compile(r"\s*((?:the\s+|a\s+|an\s+)?(?:[\p{Lu}][\w’'.-]*\s+|[\w’'-]+-\s*)*"
                             r"(?:[\p{Lu}][\w’'.-]*|[a-z][\w-]*(?=\s+\w+ed\b)))")
# The nouns an unnamed source is named by, singular, for telling later mentions apart.
_HEAD_NOUNS = frozenset({"source", "official", "diplomat", "aide", "insider", "analyst",
                         "executive", "banker", "trader", "dealer", "person", "people",
                         "member"})
_DETERMINER_WORDS = frozenset({"a", "an", "one", "some", "another", "the", "this", "these",
                               "those", "two", "three", "four", "several", "other", "many",
                               "most", "both", "said"})
# A second clause, with its own attribution: ', while sources said', '; officials said'.
_COORDINATION = re.compile(r"[;:]|,\s*(?:while|but|whereas|although|though|and|as)\b"
                           r"|\b(?:but|while|whereas)\b")
# Participles that attribute through the clause they hang from: ', saying ...'.
_QUOTED_AS = regex.compile(r"\bquoted\s+([^,]+?)(?:,[^,]*,)?\s+as\s+$")
_PARTICIPLES = frozenset({"saying", "adding", "noting", "warning", "arguing", "claiming",
                          "describing", "estimating", "forecasting", "predicting"})
# After an inverted cue, a source is short and ends at a comma or the sentence's end:
# '"...," said Ana Ruiz, the mayor.' but not '..., said it had offered ...'.
_SHORT_SOURCE = re.compile(r"\s+(?!(?:it|he|she|they|we|i|you|that|there|this)\b)"
                           r"(?:[\w.’'&-]+\s+){0,5}?[\w.’'&-]+\s*(?:,|[.!?\"”’]*\s*$)",
                           re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:should|must|shall|to)\s+$")
# Voices of a named party, like its spokespeople: 'a Samjens lawyer', 'counsel for the bank'.
_ADVOCATES = frozenset({"lawyer", "lawyers", "attorney", "attorneys", "counsel"})
# Government departments that officials speak for: 'defense officials' are the ministry's.
_DEPARTMENTS = frozenset({"defense", "defence", "commerce", "treasury", "agriculture",
                          "justice", "interior", "transportation", "labor", "labour"})
_PASSIVE = regex.compile(r"\b(?:is|are|was|were|be|been|being|'s)\s+(?:(?-i:[a-z]+ly)\s+)?$",
                         regex.IGNORECASE | regex.REVERSE)
_PRONOUN = re.compile(r"(?i)^(?:he|she|they|it|we|i|you|one)$")
_WORD = re.compile(r"[\w'’.&-]+")
_NAME_PART = regex.compile(r"^[\p{Lu}][\p{L}'’.&-]*$")
# The same for a word of ASCII letters (most words), with the cheaper engine.
_ASCII_NAME_PART = re.compile(r"[A-Z][A-Za-z'.&-]*")
_REASON = regex.compile(
    r"(?:not|n't)\s+(?:been\s+)?(?:authori[sz]ed|permitted|allowed|cleared|entitled|empowered)"
    r"\s+to|for\s+fear\s+of|fear(?:ing|ed)?\s+(?:reprisals?|retaliation|for\s+(?:their|his|her))"
    r"|to\s+protect\s+(?:their|his|her|the)\b|(?:anonymity|anonymous|named|identified|unnamed)"
    r"[^.;]{0,60}?\b(?:because|since|citing|as\s+(?:they|he|she|the))\b"
    r"|because\s+of\s+the\s+(?:sensitivity|confidential)|citing\s+(?:company\s+)?policy"
    r"|because\s+(?:they|he|she)\s+(?:was|were|is|are)\s+not"
    r"|(?:were|was|is|are)\s+not\s+(?:authori[sz]ed|permitted|allowed)",
    regex.IGNORECASE,
)
_MID_CAPITAL = regex.compile(r"(?<=[\p{Ll},;]\s+)\p{Lu}[\w’'.&-]*")
_PERSON_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our", "my", "a", "an",
                                 "one", "both", "all", "each", "another", "two", "three", "four",
                                 "five", "six", "seven", "eight", "nine", "ten", "several"})
_FUNCTION_WORDS = frozenset({"with", "to", "of", "on", "in", "who", "the", "a", "an", "by"})
# Verbs that only people and institutions do: a capitalised subject of one is a name.
_STRONG_CUES = frozenset({
    "said", "says", "told", "tells", "stated", "announced", "reported", "wrote", "testified",
    "described", "warned", "insisted", "argued", "predicted", "estimated", "explained",
    "confirmed", "denied", "admitted", "acknowledged", "claimed", "noted", "disclosed",
    "revealed", "asserted", "conceded", "declared", "cautioned", "urged", "vowed", "outlined",
    "sees", "forecasts", "anticipates",
})
_TITLES = frozenset({"minister", "president", "chairman", "chairwoman", "governor", "secretary",
                     "mayor", "senator", "chancellor", "commissioner", "premier", "prosecutor",
                     "judge", "coach", "manager", "ambassador", "director", "economist"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_QUANTIFIERS = frozenset({"some", "many", "others", "most people", "some people", "many people"})
_STARTERS = frozenset({
    "a", "an", "the", "but", "and", "yet", "so", "some", "many", "most", "however", "in", "on",
    "at", "for", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "its",
    "his", "her", "their", "our", "one", "two", "three", "four", "five", "several", "other",
    "others", "meanwhile", "still", "also", "now", "then", "when", "while", "after", "before",
    "if", "as", "both", "all", "no", "not", "there", "what", "why", "how", "senior", "top",
    "local", "state", "federal", "government", "western", "former",
})


@dataclass(frozen=True)
class _Lexicons:
    unnamed: regex.Pattern[str]
    vague: regex.Pattern[str]
    scan: lexicon.WordStartScan
    institutions: frozenset[str]
    documents: frozenset[str]
    nationalities: frozenset[str]
    named: regex.Pattern[str] | None
    common: frozenset[str]
    indefinite_role: regex.Pattern[str]
    suspect: re.Pattern[str]
    suspect_scan: lexicon.WordStartScan | None  # the same, faster on a long text


@cache
def _lexicons(options: AttributionOptions | None) -> _Lexicons:
    ignore = {p.lower() for p in options.ignore_phrases} if options else set()

    def phrases(name: str, extra: Iterable[str]) -> list[str]:
        return [p for p in (*lexicon.load(name), *(e.lower() for e in extra)) if p not in ignore]

    unnamed = phrases("unnamed", options.unnamed_phrases if options else ())
    vague = phrases("vague", options.vague_phrases if options else ())
    agentless = [p for p in lexicon.load("agentless") if p not in ignore]
    named = None
    if options and options.named_sources:
        named = regex.compile(rf"\b(?:{lexicon.alternation(list(options.named_sources))})\b",
                              regex.IGNORECASE)
    suspect, suspect_scan = _suspect_patterns(
        [*unnamed, *vague, *lexicon.load("roles"), "spokes*"])
    return _Lexicons(
        unnamed=regex.compile(rf"\b(?:{lexicon.alternation(unnamed)})\b", regex.IGNORECASE),
        vague=regex.compile(rf"\b(?:{lexicon.alternation(vague)})\b", regex.IGNORECASE),
        scan=_scan_pattern(agentless),
        institutions=frozenset(lexicon.load("institutions")),
        documents=frozenset(lexicon.load("documents")),
        nationalities=frozenset(lexicon.load("nationalities")),
        named=named,
        common=frozenset(w.rstrip("*") for p in (*unnamed, *vague) for w in p.split())
        | frozenset(lexicon.load("institutions")) | frozenset(lexicon.load("documents"))
        | _STARTERS,
        suspect=suspect,
        suspect_scan=suspect_scan,
        indefinite_role=regex.compile(
            r"(?:a|an|one|another|two|three|four|five|several|multiple)\s+"
            r"(?:[\w’'-]+\s+){0,3}?"
            rf"(?P<role>{lexicon.alternation([*lexicon.load('roles'), 'spokes*'])})\b",
            regex.IGNORECASE),
    )


def _scan_pattern(agentless: list[str]) -> lexicon.WordStartScan:
    """One scan of the prose for cues and agentless phrases: see ``Attribution._scan``.

    At each word start it looks ahead for an agentless phrase and then a cue (group
    ``agentless``, and ``cue`` after it), or for a cue alone (``cue_only``), consuming
    nothing after the character before the word.
    """
    if not agentless:  # every phrase ignored
        return lexicon.WordStartScan(_CUE_LETTERS, rf"(?=(?P<cue_only>{_CUE}))")
    letters = lexicon.first_letters(agentless)
    return lexicon.WordStartScan(
        "".join(sorted({*letters, *_CUE_LETTERS})),
        rf"(?:(?=[{letters}])(?=(?P<agentless>(?:{'|'.join(agentless)})))(?=(?P<cue>{_CUE}))?"
        rf"|(?=(?P<cue_only>{_CUE})))")


def _suspect_patterns(
        phrases: list[str]) -> tuple[re.Pattern[str], lexicon.WordStartScan | None]:
    """What a sentence must contain to hold one of ``phrases`` as a source.

    The last content word of each phrase stands for it (a sentence without it cannot hold the
    phrase); quantifiers ('some', 'many', 'others') count only right before a verb of
    attribution, where they can be the whole source ('some say').
    """
    exact: set[str] = set()
    stems: set[str] = set()
    for phrase in phrases:
        if phrase in _QUANTIFIERS:
            continue
        words = [w for w in phrase.split() if w not in _FUNCTION_WORDS]
        word = words[-1] if words else phrase.split()[-1]
        (stems if word.endswith("*") else exact).add(word.rstrip("*"))
    verbs = lexicon.trie_pattern(_SPEECH)
    body = (rf"(?:{lexicon.trie_pattern(sorted(exact))}\b|{lexicon.trie_pattern(sorted(stems))}"
            rf"|(?:some|many|others|most)(?:\s+\w+)?\s+{verbs}\b)")
    words = [*exact, *stems, "some", "many", "others", "most"]
    # The guard lets the search reject most word starts on their first character.
    letters = "".join(sorted({w[:1] for w in words}))
    scan = None
    if all(words) and all("a" <= c <= "z" for c in letters):
        scan = lexicon.WordStartScan(letters, body)
    return re.compile(rf"\b{lexicon.first_char_guard(words)}{body}"), scan


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


class Attribution:
    """Frames, quotation speakers and anonymity reasons of one document."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc = analysis.doc
        self.lex = _lexicons(analysis.options)

    @cached_property
    def _proper_memo(self) -> dict[str, bool]:
        return {}

    def _proper(self, word: str) -> bool:
        """Whether a capitalised word is also seen mid-sentence: a name wherever it appears.

        Only the word's own occurrences are looked at, so the few sentence-initial words
        asked about do not pay for a scan of the whole draft. ``_MID_CAPITAL`` matches only
        after a space, so a match at an occurrence is one a scan would have found.
        """
        memo = self._proper_memo
        known = memo.get(word)
        if known is None:
            prose = self.doc.prose
            match = _MID_CAPITAL.match
            at = prose.find(word)
            known = False
            while at >= 0 and not known:
                found = match(prose, at)
                known = found is not None and found.group() == word
                at = prose.find(word, at + 1)
            memo[word] = known
        return known

    # -- frames --------------------------------------------------------------------------

    @cached_property
    def frames(self) -> tuple[Frame, ...]:
        """Every attribution frame, in document order."""
        return tuple(f for i in range(len(self.analysis.sentences)) for f in self.frames_in(i))

    @cached_property
    def _padded(self) -> str:
        """The lower-cased prose with a space in front, for word-start scans."""
        return self.analysis.padded

    @cached_property
    def _scan(self) -> tuple[dict[int, list[_Cue]], dict[int, list[_Cue]]]:
        """Cues and agentless phrases by sentence: one scan of the whole prose.

        The scan looks for both at every word start, since one may start inside the other
        (the agentless 'a reported' in 'in a reported statement'). Of each kind it keeps
        what a scan for that kind alone finds: a match, then the next one starting at or
        after its end.
        """
        sentence_at = self.analysis.sentence_at
        cues: dict[int, list[_Cue]] = {}
        agentless: dict[int, list[_Cue]] = {}
        cue_end = agentless_end = 0
        for match in self.lex.scan.finditer(self._padded):
            start = match.start()
            group = match.lastgroup  # agentless, cue (after agentless) or cue_only
            assert group is not None
            if group != "cue_only" and start >= agentless_end:
                agentless_end = match.end("agentless") - 1
                agentless.setdefault(sentence_at(start), []).append(
                    (start, agentless_end, "agentless"))
            if group != "agentless" and start >= cue_end:
                cue_end = match.end(group) - 1
                cues.setdefault(sentence_at(start), []).append((start, cue_end, "cue"))
        return cues, agentless

    @cached_property
    def _cue_table(self) -> dict[int, list[_Cue]]:
        """Cues by sentence."""
        return self._scan[0]

    @cached_property
    def _agentless(self) -> dict[int, list[_Cue]]:
        """Agentless phrases by sentence."""
        return self._scan[1]

    def _cues(self, index: int) -> list[_Cue]:
        """Cue and agentless matches of one sentence."""
        return [*self._cue_table.get(index, ()), *self._agentless.get(index, ())]

    @cached_property
    def _frames_memo(self) -> dict[int, list[Frame]]:
        return {}

    def frames_in(self, sentence: int) -> list[Frame]:
        """Frames whose cue lies in a sentence, computed on first request."""
        memo = self._frames_memo
        found = memo.get(sentence)
        if found is None:
            found = self._sentence_frames(sentence)
            memo[sentence] = found
        return found

    def _sentence_frames(self, index: int) -> list[Frame]:
        cues = self._cues(index)
        if not cues:
            return []  # most sentences
        analysis = self.analysis
        prose = self.doc.prose
        sentence = analysis.sentences[index]
        found: list[Frame] = []
        for cue in cues:
            if cue[2] == "agentless":
                start, end = cue[0], cue[1]
                while end > start and prose[end - 1].isspace():
                    end -= 1
                quoted = analysis.quote_at(start) is not None
                found.append(Frame(index, start, end, start, end, "agentless", "agentless",
                                   quoted))
                continue
            frame = self._cue_frame(cue, index, sentence.start, sentence.end)
            if frame is not None:
                found.append(frame)
        found.sort(key=lambda f: f.cue_start)
        if any(f.kind == "pronoun" for f in found):
            found = self._resolve_pronouns(index, found)
        return found

    @cached_property
    def _cue_frames(self) -> dict[int, Frame | None]:
        return {}

    def _cue_frame(self, cue: _Cue, index: int, s_start: int, s_end: int) -> Frame | None:
        """The frame of one cue, if it is one, computed once: :meth:`sourced` asks cue by cue."""
        memo = self._cue_frames
        start = cue[0]  # cue matches do not overlap: the start identifies one
        if start in memo:
            return memo[start]
        frame = memo[start] = self._frame(cue, index, s_start, s_end)
        return frame

    def _antecedent(self, sentence: int) -> SourceKind:
        """Kind of the last source named before a sentence, in its block or the one before."""
        sentences = self.analysis.sentences
        floor = sentences[sentence].block - 1
        index = sentence - 1
        while index >= 0 and sentences[index].block >= floor:
            for frame in reversed(self.frames_in(index)):
                if frame.kind not in ("agentless", "pronoun"):
                    return frame.kind
                if frame.kind == "pronoun":
                    return frame.resolved
            index -= 1
        return "named"

    def _frame(self, found: _Cue, index: int, s_start: int, s_end: int) -> Frame | None:
        prose = self.doc.prose
        start, end = found[0], found[1]
        cue = self.analysis.lower[start:end]
        is_act = cue in _OWN_ACT_CUES  # a party's own act: see Attribution.own_act
        cue_kind = _cue_kind(cue)
        in_quote = self.analysis.quote_at(start) is not None
        if cue_kind == "document":
            # 'in a filing with the SEC', 'in its annual report': the sentence's own source.
            return Frame(index, start, end, start, end, "named", "named", in_quote)
        if cue_kind == "according":
            src_start, src_end = self._after(end, s_end)
            if src_end <= src_start:
                return None
            kind, phrase = self._classify(prose[src_start:src_end], src_start, s_start,
                                          data=True)
            kind = kind or "named"
            return Frame(index, start, end, src_start, src_end, kind, kind, in_quote,
                         *(phrase or (src_start, src_end)))
        if cue in ("reported", "report", "reports") and not self._reporting(end, s_end):
            return None
        if cue == "points" and not self.analysis.lower.startswith(" out", end):
            return None  # 'points out' attributes; 'six points clear' does not
        if cue == "set" and (_SET_NOT_AN_ACT.match(self.analysis.lower, end) or
                             _SET_AS_NOUN.search(self.analysis.lower, max(s_start, start - 12),
                                                 start)):
            return None  # 'set a record', 'set up', 'is set to', 'the first set': no terms set
        if _DETERMINER_BEFORE.search(self.analysis.lower, max(s_start, start - 8), start) or (
                cue in _PLURAL_NOUN_CUES
                and _NUMBER_BEFORE.search(self.analysis.lower, max(s_start, start - 8), start)):
            return None  # a noun: 'the forecast', 'a report', 'her claim'
        subject_end = start
        if is_act:
            # A party's plan is its own act too: 'Harbour Water is to invest £40m'.
            plan = _PLAN_BEFORE.search(self.analysis.lower, max(s_start, start - 24), start)
            if plan is not None:
                subject_end = plan.start()
        if subject_end == start and _MODAL_BEFORE.search(self.analysis.lower,
                                                         max(s_start, start - 10), start):
            return None  # an obligation or a plan: 'employees should report for work'

        agent = _BY_AGENT.match(prose, end, s_end)
        if agent:
            # 'estimated by private sources', 'forecast by the IMF': the agent is the source.
            src_start, src_end = self._after(agent.end(), s_end)
            if src_end > src_start:
                kind, phrase = self._classify(prose[src_start:src_end], src_start, s_start,
                                              data=False)
                kind = kind or "named"
                if is_act and (kind != "named" or not self._party(
                        prose[src_start:src_end], False)):
                    return None  # 'a petition signed by several members', 'cut by 18%'
                return Frame(index, start, end, src_start, src_end, kind, kind, in_quote,
                             *(phrase or (src_start, src_end)))
        before = _blank_asides(prose[s_start:subject_end])
        if cue == "saying" and (quoted := _QUOTED_AS.search(before)):
            # 'The Harbour Standard quoted Ana Ruiz as saying': the quoting outlet's account,
            # which names whom it quotes (an unnamed source inside a named outlet's account
            # is not the anonymous-source rule's finding).
            src_start, src_end = s_start + quoted.start(1), s_start + quoted.end(1)
            return Frame(index, start, end, src_start, src_end, "named", "named", in_quote)
        if _PASSIVE.search(before) and not cue.endswith("ing"):
            return None  # 'it is believed': agentless, found by the agentless lexicon
        if (cue in _PARTICIPLES or cue == "repeated") and _PREPOSITION_BEFORE.search(before):
            return None  # 'criticised for saying': not attribution
        if cue in _PARTICIPLES and before.rstrip().endswith(","):
            # 'Christian Aid condemned the move, saying ...': the main clause's subject speaks.
            subject = _CLAUSE_HEAD.match(before)
            if subject is None or not subject.group(1).strip():
                return None
            src_start, src_end = s_start + subject.start(1), s_start + subject.end(1)
            kind, phrase = self._classify(prose[src_start:src_end], src_start, s_start,
                                          data=False, strong=True)
            if kind is None:
                return None
            return Frame(index, start, end, src_start, src_end, kind, kind, in_quote,
                         *(phrase or (src_start, src_end)))
        if prose[start].isupper() and start > s_start + 1:
            return None  # part of a name, as in the Harrow Home Show
        if cue in ("announced", "disclosed", "stated") and _AS_ANNOUNCED.search(before):
            # 'as previously announced': the issuer's own announcement.
            return Frame(index, start, end, start, end, "named", "named", in_quote)
        trimmed = before.rstrip()
        # (The quote test reads the text as written: an aside blanked before it may end in
        # the closing mark, as in '..., which is "hungry for news," said Ana Ruiz'.)
        inverted = prose[s_start:start].rstrip().endswith(('"', "”", "’")) or (
            trimmed.endswith(",") and not _NAME_BETWEEN_COMMAS.search(before)) or (
            not trimmed and cue in ("says", "said"))
        if inverted and not is_act and (
                _SHORT_SOURCE.match(prose, end, s_end) or _TAIL.match(prose, end, s_end)) \
                and (cue in _INVERTIBLE or (
                cue not in _DATA_CUES and cue not in ("told", "tells", "asked")
                and _TAIL.match(prose, end, s_end))):
            src_start, src_end = self._after(end, s_end)
            if src_end > src_start:
                kind, phrase = self._classify(prose[src_start:src_end], src_start, s_start,
                                              data=False)
                kind = kind or "named"
                return Frame(index, start, end, src_start, src_end, kind, kind, in_quote,
                             *(phrase or (src_start, src_end)))
        src_start, src_end = self._before(s_start, subject_end, before)
        if src_end <= src_start:
            return None
        if is_act and self._figure_before(index, src_start):
            # An act carries the figures of its own clause, not ones before its subject:
            # 'after nine soldiers were killed, the president lifted the curfew'.
            return None
        text = prose[src_start:src_end]
        kind, phrase = self._classify(text, src_start, s_start, data=cue in _DATA_CUES,
                                      strong=is_act or cue in _STRONG_CUES)
        if is_act and kind == "named" and not self._party(text, src_start <= s_start + 1):
            return None  # 'Buyers paid £3m', 'the man bought two cars': no one to ask
        if is_act and kind == "pronoun" and _PRONOUN.match(text.strip()) and \
                self._antecedent(index) == "named":
            kind = "named"  # 'It bought 349 mln stg of bills', after the bank is named
        if kind is None or (kind == "unnamed" and cue in _SHOW_CUES and not (
                cue in ("put", "puts") and _PUT_AT.match(prose, end, s_end))) or (
                kind != "named" and is_act):
            # 'officials have shown interest' is not attribution; 'sources put the cost at
            # $5 million' is.
            return None
        return Frame(index, start, end, src_start, src_end, kind, kind, in_quote,
                     *(phrase or (src_start, src_end)))

    @cached_property
    def _figure_starts(self) -> list[int]:
        """Starts of the document's figures, in order."""
        return [f.start for f in self.analysis.figures]

    def _figure_before(self, sentence: int, offset: int) -> bool:
        """Whether a figure of the sentence starts before ``offset``."""
        if sentence not in self._figure_sentences:
            return False
        starts = self._figure_starts
        i = bisect.bisect_left(starts, offset)
        return i > 0 and starts[i - 1] >= self.analysis.sentences[sentence].start

    def _party(self, text: str, at_start: bool) -> bool:
        """Whether a subject is a party a reader can hold to its own act.

        A name ('Orrin Mills', 'The Bank of Tolland'), an institution ('the court', 'the
        company'), or a titled person ('the prime minister'); not people described by what
        they do ('Buyers', 'the man').
        """
        words = _words(text)
        lower = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
        # The party is the head, not a place or group after it: 'Parents in Eastbury'.
        for i, w in enumerate(lower):
            if i and w in _PLACE_PREPOSITIONS:
                words, lower = words[:i], lower[:i]
                break
        if any(w in self.lex.institutions or w in _TITLES or w in _PARTY_NOUNS for w in lower):
            return True
        for i, word in enumerate(words):
            if not word[:1].isupper() or lower[i] in ("the", "a", "an"):
                continue
            if i > 0 or not at_start or self._proper(word):
                return True
            # Alone at the start of a sentence: a name, unless it reads as a plural noun.
            if len(words) == 1 and not (word.endswith("s") and len(word) > 3) and \
                    lower[0] not in self.lex.common:
                return True
        return False

    def _reporting(self, end: int, s_end: int) -> bool:
        """'reported' as attribution, not as notifying ('reported the theft to police')."""
        rest = self.doc.prose[end:min(s_end, end + 80)]
        if not rest.strip() or rest.lstrip()[:1] in ",.;:":
            return True
        if _REPORTING_NEXT.match(rest):
            return True
        return not _NOTIFYING.match(rest)

    def _after_aside(self, s_start: int, text: str) -> int:
        """Where a subject can start: after the last blanked aside when words follow it.

        '..., which would help farmers, sources said': the aside closes the clause before,
        and the subject is 'sources'. 'An official, who asked not to be named, said': no
        words follow, and the subject is before the aside.
        """
        if "   " not in text:  # a blanked aside leaves a run of spaces
            return 0
        asides = list(_ASIDE.finditer(self.doc.prose, s_start, s_start + len(text)))
        if not asides:
            return 0
        end = asides[-1].end() - s_start
        words = text[end:].split()
        # A short noun phrase ('sources', 'money market dealers'), not the rest of the aside
        # ('up from 2.5 billion in 1985').
        if not words or len(words) > 5 or words[0].lower() in _NOT_SUBJECT_START or \
                words[0][:1].isdigit() or _VERB_START.match(text, end):
            return 0  # (a verb: 'which visited Paris, issued a report': the aside's subject)
        return end

    def _before(self, s_start: int, cue_start: int, text: str) -> tuple[int, int]:
        """The subject before a cue: the nearest clause, stepping over appositives.

        ``text`` is the sentence up to the cue with its asides blanked out.
        """
        last_word = text.rsplit(None, 1)[-1:]
        if last_word and (last_word[0].lower() in _AUXILIARY_WORDS
                          or last_word[0].endswith("day")):
            aux = _AUXILIARY.search(text)
            if aux:
                text = text[:aux.start()]
        limit = len(text)
        clause_start = self._after_aside(s_start, text)
        breaks = _CLAUSE_BREAK.finditer(text)  # from the end backwards
        nearest = next(breaks, None)
        if nearest is not None and nearest.end() > clause_start:
            clause_start = nearest.end()
            if nearest.group().lower() in ("who", "which") and nearest.start() > 0 and \
                    _VERB_START.match(text, nearest.end()) and \
                    not _COMMA_THEN_WORD.search(text, nearest.end()):
                # 'a government official who requested anonymity confirmed': the head first.
                limit = nearest.start()
                earlier = next(breaks, None)
                clause_start = earlier.end() if earlier is not None else 0
        segment = text[clause_start:limit]
        if not segment.strip() and nearest is not None and nearest.group().lower() in (
                "and", "but") and _CLAUSE_HEAD.match(text):
            # 'The party chairman attacked the plan and said ...': the sentence's subject.
            subject = _CLAUSE_HEAD.match(text)
            assert subject is not None
            return s_start + subject.start(1), s_start + subject.end(1)
        if not segment.strip() and nearest is not None and nearest.group().lower() in (
                "who", "which") and text[:nearest.start()].rstrip().endswith(",") and \
                self.analysis.lower.startswith(_ANTECEDENT_CUES, cue_start):
            # 'Harcourt, which offered 44 dlrs a share, ...': the relative pronoun's antecedent.
            return self._before(s_start, cue_start, text[:nearest.start()].rstrip()[:-1])
        # Step over "Tom Ekwueme, the league's treasurer," to the name.
        pieces = _COMMA.split(segment.rstrip().rstrip(","))  # not '4,120'
        if len(pieces) >= 2:
            last = pieces[-1].strip().lower()
            head = ",".join(pieces[:-1])
            head_piece = pieces[-2].strip()
            head_words = head_piece.split()
            # A name ('Tom Ekwueme', 'lawyer Lena de Vries'), not a clause ('this will help
            # Welsh farms, the sources said').
            named_head = len(head_words) <= 5 and any(
                w[:1].isupper() for w in head_words[1:] or head_words) and not any(
                w.lower() in _CLAUSE_WORDS for w in head_words)
            if (last.startswith(("who ", "which ")) or not last or last.isdigit() or (
                    named_head and last.startswith(
                    ("the ", "a ", "an ", "his ", "her ", "its ", "their ")))):
                offset = clause_start + len(head) - len(head.lstrip())
                return s_start + offset, s_start + clause_start + len(segment.rstrip())
            if (last.startswith(_ASIDE_OPENINGS) or (named_head and _PARTICIPLE.match(last))) \
                    and segment.rstrip().endswith(","):
                # 'Ana Ruiz, in a speech on Monday, said' / 'The paper, quoting officials,
                # said': the aside says when or how; the subject is before it.
                offset = clause_start + len(head) - len(head.lstrip())
                return s_start + offset, s_start + clause_start + len(head.rstrip())
            tail = pieces[-1]
            offset = clause_start + len(",".join(pieces[:-1])) + 1
            offset += len(tail) - len(tail.lstrip())
            return s_start + offset, s_start + clause_start + len(segment.rstrip().rstrip(","))
        stripped = segment.strip()
        if not stripped:
            return cue_start, cue_start
        offset = clause_start + (len(segment) - len(segment.lstrip()))
        return s_start + offset, s_start + offset + len(stripped.rstrip(","))

    def _after(self, cue_end: int, s_end: int) -> tuple[int, int]:
        """The source after a cue ('according to X', ', said X'), to the next break."""
        prose = self.doc.prose
        text = prose[cue_end:s_end]
        stop = _AFTER_END.search(text)
        span = text[:stop.start()] if stop else text
        words = span.split()
        if len(words) > 12:
            span = span[:span.find(words[12])]
        stripped = span.strip()
        lead = len(span) - len(span.lstrip())
        return cue_end + lead, cue_end + lead + len(stripped)

    def _classify(self, text: str, offset: int, s_start: int, *, data: bool,
                  strong: bool = False) -> tuple[SourceKind | None, tuple[int, int] | None]:
        """Kind of source named by ``text`` (``None``: not a source, e.g. 'the symptoms').

        For an unnamed or vague source, also the prose span of the phrase that makes it so
        ('analysts' in 'senior market analysts'), which is what the rules underline.
        """
        lex = self.lex
        stripped = text.strip().strip(",")
        if not stripped:
            return None, None
        base = offset + text.find(stripped)
        if (len(stripped) <= 5 and _PRONOUN.match(stripped)) or _ANAPHOR.match(stripped):
            return "pronoun", None  # (no pronoun with its line end is longer than 'they\n')
        if lex.named is not None and lex.named.search(stripped):
            return "named", None
        words = _words(stripped)
        if not words:
            return None, None
        lower = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
        at_start = offset <= s_start + 1
        names = [w for i, w in enumerate(words)
                 if w[:1].isupper() and (_ASCII_NAME_PART.fullmatch(w) if w.isascii()
                                         else _NAME_PART.match(w))
                 and lower[i] not in lex.nationalities
                 and not (i == 0 and at_start and (lower[0] in lex.common
                                                   or not self._proper(w)))]
        folded = stripped.lower()
        if folded not in _QUANTIFIERS and lex.suspect.search(folded) is None:
            return self._plain_source(stripped, lower, names, data, strong), None
        if lower[0] == "another" and len(words) <= 4:
            return "pronoun", None  # 'another official': one of those already introduced
        role = lex.indefinite_role.match(stripped)
        if role and _inside_name(stripped, role.start("role"), offset, s_start):
            role = None  # 'Aide Systems Ltd said'
        if role and _DOCUMENT_NEXT.match(stripped, role.end()):
            role = None  # 'an official statement': the institution's document
        if role and not _appositive_name(stripped, role.end()):
            span = (base + role.start(), base + role.end())
            noun = role.group("role").lower()
            if "spokes" in noun or (noun in _ADVOCATES and (
                    _prenominal_name(stripped, role.start("role"), names)
                    or _by_someone(stripped, role.end()))):
                # The institution's voice, unless the story says the name was withheld.
                declined = _DECLINED_NAME.search(self.doc.prose, offset, offset + len(text) + 80)
                return ("unnamed", span) if declined else ("named", None)
            if noun.endswith("s") and _prenominal_name(stripped, role.start("role"), names):
                return "named", None  # 'several Nordic Union members': an institution
            # One person, unnamed, however precisely described: 'a senior Bank of Japan
            # official', 'an aide to the senator' (institutions speak in the plural).
            return "unnamed", span
        if lower[0] in ("the", "these", "those") and len(words) <= 4:
            return "pronoun", None  # 'the researchers', 'the sources': introduced before
        unnamed = lex.unnamed.search(stripped)
        if unnamed and (_inside_name(stripped, unnamed.start(), offset, s_start)
                        or stripped[unnamed.start() - 1:unnamed.start()] == "-"):
            unnamed = None  # part of a name, or of a compound: 'the open-source movement'
        if unnamed and _DOCUMENT_NEXT.match(stripped, unnamed.end()):
            unnamed = None  # 'an official newspaper', 'an official estimate': a document
        if unnamed:
            phrase = unnamed.group().lower()
            span = (base + unnamed.start(), base + unnamed.end())
            if phrase in ("officials", "employees", "staffers", "associates") and (
                    names or any(w in lex.institutions or w in _DEPARTMENTS for w in lower)):
                return "named", None
            if _prenominal_name(stripped, unnamed.start(), names):
                return "named", None  # 'EC sources', 'FDA officials'
            if phrase.startswith(("source", "a source", "people", "person", "insider")) or \
                    not _appositive_name(stripped, unnamed.end()):
                return "unnamed", span
            return "named", None
        vague = None
        for candidate in lex.vague.finditer(stripped):
            if candidate.group().lower() not in _QUANTIFIERS:
                vague = candidate
                break
            if candidate.start() == 0 and candidate.end() == len(stripped):
                vague = candidate
        if vague and _inside_name(stripped, vague.start(), offset, s_start):
            return "named", None  # 'Calder Research Corp said'
        if vague:
            modifier = stripped[:vague.start()].split()[-1:]
            following = stripped[vague.end():].split()[:1]
            if (modifier and modifier[0] in names) or _by_someone(stripped, vague.end()) or any(
                    w in lex.institutions for w in lower) or (
                    following and following[0][:1].isupper()):  # 'analysts Gartner said'
                return "named", None
            return "vague", (base + vague.start(), base + vague.end())
        return self._plain_source(stripped, lower, names, data, strong), None

    def _plain_source(self, stripped: str, lower: list[str], names: list[str],
                      data: bool, strong: bool = False) -> SourceKind | None:
        """A source with no unnamed or vague phrase: named, or not a source at all."""
        lex = self.lex
        if names or any(w in lex.institutions for w in lower):
            return "named"
        if lower[-1] in _PRONOUNS:
            return "pronoun"  # 'Today it reported', 'Later she told reporters'
        if any(w in _TITLES for w in lower):
            return "named"  # a titled person: 'finance minister manuel azpurua'
        if strong and stripped[:1].isupper() and lower[0] not in lex.common:
            return "named"  # 'Harrow Motors said': no phrase to mistake it for
        if data:
            if any(w in lex.documents or w.removesuffix("s") in lex.documents for w in lower):
                return "named"
            return None
        if lower[-1] in ("what", "which", "this", "that", "there", "who", "it's"):
            return None
        if lower[0] in _PERSON_DETERMINERS or lex.indefinite_role.search(stripped):
            return "named"  # a person the story introduced: 'the farmer said'
        if len(lower) <= 3 and lower[-1].endswith("s") and lower[-1].isalpha():
            return "named"  # people at the scene: 'witnesses said', 'residents told the BBC'
        return None

    def _resolve_pronouns(self, sentence: int, frames: list[Frame]) -> list[Frame]:
        out: list[Frame] = []
        last: SourceKind | None = None
        for frame in frames:
            if frame.kind == "pronoun":
                if last is None:
                    last = self._antecedent(sentence)
                frame = Frame(frame.sentence, frame.cue_start, frame.cue_end, frame.source_start,
                              frame.source_end, "pronoun", last, frame.in_quote)
            elif frame.kind != "agentless":
                last = frame.kind
            out.append(frame)
        return out

    # -- per sentence and block ------------------------------------------------------------

    @cached_property
    def _reasons(self) -> frozenset[int]:
        doc = self.doc
        return frozenset(i for i, block in enumerate(doc.blocks)
                         if _REASON.search(doc.prose, block.start, block.end))

    def introduced_before(self, frame: Frame) -> bool:
        """Whether an unnamed source is a later mention of one the story already has.

        It is when it adds nothing to an earlier source with the same head noun: 'one
        official' or 'officials' after 'Harrow Motors officials said', 'a trade source' after
        'trade sources said'. A new description ('sources close to the family') is a new
        source.
        Bare 'officials' right after a named institution spoke are that institution's.
        """
        mine = self._described(frame)
        if mine is None:
            return False
        head, modifiers, described, plural = mine
        opening = self.doc.prose[frame.source_start:frame.source_end].lower()
        # 'the source close to the talks' after 'a source close to the talks': the article
        # points back, however described.
        definite = opening.startswith(("the ", "these ", "those "))
        if described and not definite:
            return False
        # 'one senior banker' after 'bankers said': one of them, however described.
        member = opening.startswith(("one ", "another "))
        sentences = self.analysis.sentences
        block = sentences[frame.sentence].block
        low = self.analysis.lower
        for index in range(frame.sentence, -1, -1):
            sentence = sentences[index]
            bare_official = not modifiers and head == "official" and sentence.block >= block - 1
            if not bare_official and low.find(head, sentence.start, sentence.end) < 0:
                continue  # no earlier source with that noun here: spare computing its frames
            for other in self.frames_in(index):
                if other.cue_start >= frame.cue_start or other.kind in ("agentless", "pronoun"):
                    continue
                theirs = self._described(other)
                if theirs is not None and theirs[0] == head and (
                        modifiers <= theirs[1] or modifiers <= self._words_of(other)
                        or definite or (member and theirs[3])) and (
                        theirs[3] or not plural):  # 'officials' never refers back to one person
                    return True
                if not modifiers and head == "official" and other.kind == "named" and \
                        sentences[index].block >= block - 1 and self._identifies(other):
                    return True
        return False

    def _described(self, frame: Frame) -> tuple[str, frozenset[str], bool, bool] | None:
        """How a source is described: head noun (singular), modifiers, more after it, plural."""
        words = [w.strip(",.’'\"").lower()
                 for w in self.doc.prose[frame.source_start:frame.source_end].split()]
        heads = [i for i, w in enumerate(words) if w.removesuffix("s") in _HEAD_NOUNS]
        if not heads:
            return None
        at = heads[-1]
        # Nationalities and place adverbs add nothing: 'a Peruvian energy ministry official
        # here' is one of the 'energy ministry officials'.
        modifiers = frozenset(words[:at]) - _DETERMINER_WORDS - self.lex.nationalities
        head = words[at]
        plural = head.endswith("s") or head == "people"
        after = [w for w in words[at + 1:] if w not in ("here", "there", "too", "also")]
        return head.removesuffix("s"), modifiers, bool(after), plural

    def _closes(self, frame: Frame) -> bool:
        """Whether a frame is the sentence's closing attribution (', officials said.')."""
        sentence = self.analysis.sentences[frame.sentence]
        prose = self.doc.prose
        return frame.cue_start > frame.source_start and "," in prose[
            max(sentence.start, frame.start - 3):frame.start + 1] and not prose[
            frame.end:sentence.end].strip(" .!?\"”’")

    def _words_of(self, frame: Frame) -> frozenset[str]:
        """Every word of a frame's source, lower case: 'officials at the energy ministry'."""
        return frozenset(w.strip(",.’'\"").lower()
                         for w in self.doc.prose[frame.source_start:frame.source_end].split())

    def _identifies(self, frame: Frame) -> bool:
        """A source with a name or an institution in it, not just people at the scene."""
        words = self.doc.prose[frame.source_start:frame.source_end].split()
        return any(w[:1].isupper() for w in words[1:]) or any(
            w.lower().strip(",.") in self.lex.institutions for w in words) or (
            len(words) == 1 and words[0][:1].isupper() and not words[0].lower().endswith("s"))

    def reported_by_named(self, frame: Frame) -> bool:
        """Whether a frame lies inside the reported speech of a named source.

        'The water authority said studies show ...' (the named source speaks first) and
        '..., studies show, the authority said.' (it closes the sentence) are the authority's
        claims, not the writer's.
        """
        sentence = self.analysis.sentences[frame.sentence]
        prose = self.doc.prose
        for other in self.frames_in(frame.sentence):
            named = (other.kind == "named" and self._identifies(other)) or (
                other.kind == "pronoun" and other.resolved == "named")
            if other is frame or other.in_quote or not named:
                continue
            if other.end <= frame.start and not _COORDINATION.search(
                    prose, other.cue_end, frame.start) and not self._closes(frame):
                return True  # 'The authority said studies show ...': inside its account
            if other.cue_start > frame.end and \
                    prose[other.cue_start:other.cue_end].lower() in _INVERTIBLE and \
                    "," in prose[frame.end:other.start] and \
                    not prose[other.end:sentence.end].strip(" .!?\"”’"):
                return True
        return False

    def anonymity_reason(self, block: int) -> bool:
        """Whether a block says why a source is anonymous."""
        return block in self._reasons

    @cached_property
    def _speakers(self) -> dict[int, Frame | None]:
        return {}

    def speaker_of(self, quote: Quote) -> Frame | None:
        """The frame that attributes a quotation, found on first request.

        The nearest frame outside it in the same or an adjacent sentence, or at the end of
        the paragraph before a quote that opens one.
        """
        memo = self._speakers
        if quote.start in memo:
            return memo[quote.start]
        analysis = self.analysis
        if quote.continues:
            earlier = analysis.quote_at(quote.start - 2)  # ends at the full stop before
            found = self.speaker_of(earlier) if earlier is not None else None
            if found is not None:
                memo[quote.start] = found
                return found
        sentences = analysis.sentences
        first = analysis.sentence_at(quote.start)
        last = analysis.sentence_at(max(quote.end - 1, quote.start))
        candidates: list[Frame] = []
        for index in (first, last, last + 1, first - 1):
            if 0 <= index < len(sentences) and sentences[index].block == quote.block:
                candidates.extend(f for f in self.frames_in(index)
                                  if not (quote.start <= f.cue_start < quote.end)
                                  and analysis.quote_at(f.cue_start) is None)
            if candidates:
                break
        if not candidates and first > 0 and sentences[first].start == quote.start:
            # A quote opening a paragraph, introduced at the end of the one before.
            candidates.extend(f for f in self.frames_in(first - 1)
                              if analysis.quote_at(f.cue_start) is None)
        found = min(candidates, key=lambda f: abs(f.cue_start - quote.start), default=None)
        memo[quote.start] = found
        return found

    def quoted_with_speaker(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation that has a speaker.

        The speaker is attributed by a frame nearby (:meth:`speaker_of`) or, for a quotation
        that opens a sentence, named in the sentence before it in the paragraph: '...
        but Ruiz is keen to wait. "A film will come, but not yet."'
        """
        quote = self.analysis.quote_at(offset)
        return quote is not None and (
            self.speaker_of(quote) is not None or self._named_before(quote)
            or _SPEECH_TAG.match(self.doc.prose, quote.end) is not None)

    def _named_before(self, quote: Quote) -> bool:
        analysis = self.analysis
        while quote.continues:  # a reopened quotation: where the first part opens
            earlier = analysis.quote_at(quote.start - 2)
            if earlier is None:
                break
            quote = earlier
        index = analysis.sentence_at(quote.start)
        sentences = analysis.sentences
        if index == 0 or sentences[index].start != quote.start or \
                sentences[index - 1].block != sentences[index].block:
            return False
        before = sentences[index - 1]
        common = self.lex.common
        return any(self._proper(word) and word.lower() not in common
                   for word in _MID_CAPITAL.findall(self.doc.prose, before.start, before.end))

    @cached_property
    def _cited(self) -> frozenset[int]:
        """Sentences holding a link, footnote reference or URL."""
        sentence_at = self.analysis.sentence_at
        return frozenset(sentence_at(c.start) for c in self.doc.citations)

    def sourced(self, sentence: int) -> bool:
        """Whether a sentence has a source of its own: a frame or a citation."""
        if sentence in self._cited:
            return True
        # (The answer must not depend on whether the sentence's frames were already worked
        # out: only the frames are read from them, then the same tests as without.)
        frames = self._frames_memo.get(sentence)
        if frames:
            return True
        if sentence in self._agentless:
            return True  # an agentless phrase is always a frame
        s = self.analysis.sentences[sentence]
        low = self.analysis.lower[s.start:s.end]  # cheap tests before the expressions
        if (("'s " in low or "’s " in low or "index" in low)
                and _OWNED_DATA.search(self.doc.prose, s.start, s.end)) or (
                any(noun in low for noun in _DATA_NOUNS) and self._named_data(s.start, s.end)):
            return True  # 'the CBI's February survey', 'Nationwide's house price index'
        # Whether one cue makes a frame does not depend on the others (pronouns are only
        # resolved): stop at the first, and leave the sentence's frames for when asked.
        return frames is None and any(self._cue_frame(cue, sentence, s.start, s.end) is not None
                                      for cue in self._cue_table.get(sentence, ()))

    def own_act(self, sentence: int) -> bool:
        """Whether a named party's own act in the sentence stands behind its figures.

        'Orrin Mills agreed to buy the plant for $12m': the party is the act's subject and
        the figures follow it; it is no attribution a later sentence can continue.
        """
        # A party's own acts ('bought', 'agreed') only ever stand behind figures: they are
        # looked for here, in a sentence with figures and no other source, not in the scan
        # of the whole draft.
        s = self.analysis.sentences[sentence]
        padded, first = self._padded, _ACT_SCAN.first
        found = first(padded, s.start, s.end)
        while found is not None:
            # A match starts at the character before the word: in the prose, the word's
            # offset.
            if self._cue_frame((found.start(), found.end() - 1, "cue"), sentence, s.start,
                               s.end) is not None:
                return True
            found = first(padded, found.end() - 1, s.end)
        return False

    def _named_data(self, start: int, end: int) -> bool:
        """Data named by its publisher without a possessive: 'Harbour Board figures showing'.

        A capitalised word opening the sentence counts only when the draft also capitalises
        it mid-sentence: 'Barclays results were' does, 'Sales figures were' does not.
        """
        for found in _NAMED_DATA.finditer(self.doc.prose, start, end):
            first = found.group(1)
            if found.start() != start or self._proper(first):
                return True
        return False

    def has_source(self, sentence: int, scope: str = "paragraph") -> bool:
        """A source in the sentence, or (paragraph scope) in a sentence it continues.

        A named party's own act is asked about apart (own_act): it stands behind the
        figures of its own sentence only, and costs more to find.
        """
        sourced = self.sourced
        if sourced(sentence):
            return True
        if scope != "paragraph":
            return False
        sentences = self.analysis.sentences
        index = sentence
        while index > 0 and sentences[index - 1].block == sentences[index].block:
            if not self._continues(index):
                return self._in_data_account(index)
            index -= 1
            if sourced(index):
                return True
        return self._listed_under_source(sentences[index].block)

    def _in_data_account(self, sentence: int) -> bool:
        """Whether a sentence gives more figures of a report or data credited just before.

        'The type of spam has changed, according to the Email Systems analysis. Half of
        spam received since Christmas was health-related.' The account runs on through the
        paragraph, up to three sentences, until another source speaks or a sentence turns
        away ('Separately, ...').
        """
        sentences = self.analysis.sentences
        low = self.analysis.lower
        block = sentences[sentence].block
        # First the cheap tests: the nearest sentence that may credit a report, and no turn
        # away on the way to it. Only then the frames.
        index = sentence
        while True:
            if index == 0 or sentence - index >= _DATA_ACCOUNT_REACH or \
                    sentences[index - 1].block != block or \
                    _NEW_TOPIC.match(low, sentences[index].start) is not None:
                return False
            index -= 1
            if self._may_be_account(index):
                break
        return self._data_account(index) and not any(
            self.sourced(between) for between in range(index + 1, sentence))

    def _may_be_account(self, index: int) -> bool:
        """The cheap half of _data_account: a cue, and a word of a data account."""
        if index not in self._cue_table:
            return False
        s = self.analysis.sentences[index]
        return _ACCOUNT_GATE.occurs(self._padded, s.start, s.end)

    def _data_account(self, index: int) -> bool:
        """Whether a sentence credits a report or data, whose account the next ones continue.

        'According to figures from X', 'the survey found', 'X has reported that', 'in its
        annual report'; not a person's words ('she said', 'in a statement').
        """
        if not self._may_be_account(index):
            return False  # most attributions are someone's words: 'said', 'told'
        low = self.analysis.lower
        documents = self.lex.documents
        for frame in self.frames_in(index):
            if frame.kind not in ("named", "pronoun") or frame.in_quote:
                continue
            cue = low[frame.cue_start:frame.cue_end]
            if cue in _ACCOUNT_CUES or (cue.startswith("in ") and _REPORT_DOCUMENT.search(
                    cue) is not None) or (
                    cue.startswith("according") and any(
                        w.removesuffix("s") in documents or w in documents
                        for w in _CONTENT_WORD.findall(low, frame.source_start,
                                                       frame.source_end))):
                return True
        return False

    def _listed_under_source(self, block: int) -> bool:
        """An item of a list whose lead-in, ending in a colon, is attributed.

        'Company officials unveiled the following plans:' and then '- cut output by 29 pct'.
        """
        blocks = self.doc.blocks
        prose = self.doc.prose

        def is_item(i: int) -> bool:
            return blocks[i].kind == "list-item" or prose.startswith(_ITEM_MARKS, blocks[i].start)

        if not is_item(block):
            return False
        lead = block - 1
        while lead >= 0 and is_item(lead):
            lead -= 1
        if lead < 0 or not prose[blocks[lead].start:blocks[lead].end].rstrip().endswith(":"):
            return False
        return self.sourced(self.analysis.sentence_at(blocks[lead].end - 1))

    def _continues(self, sentence: int) -> bool:
        """Whether a sentence carries on the account of the one before it.

        It does when it opens by referring back ('It', 'The report', 'They', 'And'), when
        the sentence before gives figures too (a run: 'Exports rose 4%, the ministry said.
        Imports fell 2%.'), or when it opens with the name of that sentence's source
        ('Harrow Motors said ... . Harrow's van sales ...').
        """
        prose = self.doc.prose
        s = self.analysis.sentences[sentence]
        if _CONTINUATION.match(prose, s.start, s.end) or sentence - 1 in self._figure_sentences \
                or _RESPONDENTS.search(prose, s.start, s.end):
            return True
        first = prose[s.start:s.end].split(None, 1)[:1]
        if not first or not first[0][:1].isupper():
            return False
        name = first[0].removesuffix("'s").removesuffix("’s")
        # A source lies within its sentence or its cue (a document cue, 'in a statement', may
        # run on past the paragraph's end): when the name is not there, spare the frames.
        previous = self.analysis.sentences[sentence - 1]
        end = max([previous.end, *(cue[1] for cue in self._cue_table.get(sentence - 1, ()))])
        if prose.find(name, previous.start, end) < 0:
            return False
        return any(name in prose[f.source_start:f.source_end].split()
                   for f in self.frames_in(sentence - 1) if f.kind == "named")

    @cached_property
    def _figure_sentences(self) -> frozenset[int]:
        """Sentences holding a figure that is a claim."""
        return frozenset(f.sentence for f in self.analysis.figures)

    @cached_property
    def _suspects(self) -> list[int]:
        """Sentences that could hold an unnamed, vague or agentless source: a lexicon hit."""
        analysis = self.analysis
        sentences = analysis.sentences
        # Only a sentence with a cue can hold a source; look for the phrases only there.
        scan = self.lex.suspect_scan
        if scan is not None:
            occurs, padded = scan.occurs, self._padded
            hits = {i for i in self._cue_table
                    if occurs(padded, sentences[i].start, sentences[i].end)}
        else:  # phrases that do not open with a letter
            search, low = self.lex.suspect.search, analysis.lower
            hits = {i for i in self._cue_table
                    if search(low, sentences[i].start, sentences[i].end) is not None}
        hits.update(self._agentless)
        return sorted(hits)

    def suspect_frames(self) -> Iterator[Frame]:
        """Frames of the sentences that could hold an unnamed, vague or agentless source."""
        for index in self._suspects:
            yield from self.frames_in(index)


# A sentence that carries on the account before it: one opening with 'And', 'Also',
# 'Furthermore', 'After that', 'Of those' or 'From these', one with 'also' among its first
# words ('Sales in Asia also rose'), or one referring back ('It', 'That', 'The figure',
# 'But they').
_CONTINUATION = re.compile(
    r"""(?:["“]?\s*)?(?:(?:and|also|furthermore|similarly|after\s+that|on\s+top\s+of\s+that"""
    r"""|in\s+total|in\s+all|overall|altogether|by\s+contrast|in\s+contrast"""
    r"""|(?:of|from|among|in|for)\s+(?:those|these|them|this|that)\b),?\s"""
    r"""|(?:\S+\s+){1,3}also\s"""
    r"""|(?:(?:but|and|however|also|meanwhile|still|in\s+addition),?\s+)?"""
    r"""(?:it|they|he|she|this|that|these|those|the\s+(?:\w+\s+)?(?:report|study|survey|data"""
    r"""|figures?|number|total|rate|rise|fall|increase|drop|index|list|research"""
    r"""|document|filing|audit|analysis|review|statement|results|census|statistics"""
    r"""|poll|findings|agency|company|firm|ministry|department|office|council|board|group"""
    r"""|bank|government|authority|police|estimate|estimates|records)|its|their|his|her)\b)""",
    re.IGNORECASE,
)


# Cues that credit a report or data, not a person's words: see Attribution._data_account.
_ACCOUNT_CUES = frozenset({"found", "finds", "find", "showed", "show", "shows", "shown",
                           "reported", "reports", "report", "suggests", "suggested",
                           "indicated", "indicates", "estimated", "estimates", "calculated",
                           "calculates", "revealed", "reveals", "concluded"})
_CONTENT_WORD = re.compile(r"[a-z]{3,}")
# How many sentences a report's account runs on without a marker of continuation.
_DATA_ACCOUNT_REACH = 3
# Openings that turn to something else: 'Separately, 300 jobs will go at the plant.'
_NEW_TOPIC = re.compile(r"[\"“'‘]?(?:separately|meanwhile|elsewhere|in\s+(?:a\s+)?separate"
                        r"|in\s+other|on\s+the\s+other\s+hand)\b")
# A word every data account has, tried before its frames are worked out.
_ACCOUNT_WORDS = ["accord", "found", "find", "show", "report", "suggest", "indicat", "estimat",
                  "calculat", "reveal", "conclud", "filing", "prospectus", "survey", "poll",
                  "list", "submission"]
_ACCOUNT_GATE = lexicon.WordStartScan(lexicon.first_letters(_ACCOUNT_WORDS),
                                      lexicon.trie_pattern(_ACCOUNT_WORDS))
# Documents that carry data, in a document cue ('in its annual report'; not 'in a statement').
_REPORT_DOCUMENT = re.compile(r"\b(?:report|filing|prospectus|survey|poll|list|submission)$")
# Data named by its publisher without a possessive ('Harbour Board figures showing'), and
# the nouns that must be in a sentence before the expression is worth trying.
_DATA_NOUNS = ("figures", "data", "statistics", "survey", "poll", "study", "research", "results")
_NAMED_DATA = regex.compile(
    r"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her)\s)"
    r"(\p{Lu}[\w&.-]*)(?:\s+\p{Lu}[\w&.-]*){0,4}\s+(?i:figures|data|statistics|survey|poll"
    r"|study|research|results)\s+(?:showing|suggesting|indicating|were|was|showed|published"
    r"|released|put|based)\b")
# Data a named body publishes, as the subject or the setting of a sentence: "the CBI's
# February survey", "Nationwide's house price index", "in the ISM's 'new orders' index".
# Not a day's or a month's ('Friday's data', 'February's figures'), and with no verb
# between ('Indonesia's output is forecast').
_OWNED_DATA = regex.compile(
    r"""\b(?!(?:It|That|There|What|He|She|Let|Here|Who|Where|This|Today|Yesterday"""
    r"""|Tomorrow|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April"""
    r"""|May|June|July|August|September|October|November|December)['’]s)"""
    r"""\p{Lu}[\w&.-]*(?:\s+\p{Lu}[\w&.-]*){0,3}['’]s\s+"""
    r"""(?:(?!(?:is|was|are|were|has|have|had|will|would|could|may|might|be|been|to|and|or"""
    r"""|but|of)\s)[\w"“”'-]+\s+){0,3}?"""
    r"""(?:survey|poll|study|report|index|figures|data|statistics|estimates?|forecasts?|census"""
    r"""|research|analysis|count|tally|tables?|ratings|rankings|results|accounts)\b"""
    # A market index by its name, moving: 'the Nikkei index closed', 'the FTSE 100 index
    # of leading shares fell' (not 'the January index', a month's reading).
    r"""|\b[Tt]he\s+(?!(?:January|February|March|April|May|June|July|August|September"""
    r"""|October|November|December)\s)(?:\p{Lu}[\w&.-]*\s+){1,3}(?:\d+\s+)?"""
    r"""(?:share\s+|stock\s+)?index\s+(?:of\s+(?:\d+\s+)?[a-z]+\s+shares\s+)?(?:had\s+)?"""
    r"""(?:closed|ended|rose|risen|fell|fallen|gained|lost|dropped|was|stood|finished|jumped"""
    r"""|slipped|climbed|added|shed|eased|edged|crashed|plunged|surged|hit|touched)\b""")


# A speech tag after a quotation with a verb that is not a cue elsewhere ('Sales
# continued to fall'): '"...," he continued.'
_SPEECH_TAG = regex.compile(r"\s*(?:he|she|they|we|I|\p{Lu}[\p{L}'’-]+)\s+(?:continued|went\s+on)"
                            r"\s*[.,:;]")


# How a list item opens in plain text, where it is a paragraph of its own.
_ITEM_MARKS = ("- ", "* ", "• ")
# The people a survey asked, which refers back to the survey: '65% of the 1,000 people
# interviewed said'.
_RESPONDENTS = re.compile(r"\b(?:respondents|(?:interviewed|surveyed|polled|questioned)"
                          r"\s+(?:said|say|says|thought|think|believed|believe|agreed|felt))\b")


_DECLINED_NAME = regex.compile(
    r"(?:declined|refused|asked|requested|wished)\s+(?:not\s+)?(?:to\s+)?(?:be\s+)?"
    r"(?:named|identified|give\s+(?:his|her|their)\s+name)|requested\s+anonymity|anonymously"
    r"|on\s+condition\s+of\s+anonymity", regex.IGNORECASE)


def _appositive_name(text: str, end: int) -> bool:
    """'a senior official, Jane Roe,' names the official after all."""
    return bool(_APPOSITIVE.match(text, end))


def _by_someone(text: str, end: int) -> bool:
    """'a study by the Grattan Institute', 'experts at Oslo University', 'polled by Reuters'."""
    return bool(_BY_SOMEONE.search(text, end))


def _inside_name(text: str, at: int, offset: int, s_start: int) -> bool:
    """A capitalised word mid-sentence, or followed by another, is part of a name."""
    if not text[at:at + 1].isupper():
        return False
    if offset + at > s_start + 1:
        return True
    following = text[at:].split(None, 2)
    return len(following) > 1 and following[1][:1].isupper()  # Media Partners Inc said


def _blank_asides(text: str) -> str:
    """Blank out asides between commas and short brackets, keeping offsets.

    'The World Health Organisation (WHO) said': the bracketed abbreviation is no clause
    break.
    """
    if "(" in text:
        text = _BRACKETED.sub(lambda m: " " * len(m.group()), text)
    if "," not in text:
        return text
    return _ASIDE.sub(lambda m: " " * len(m.group()), text)


def _prenominal_name(text: str, head_start: int, names: list[str]) -> bool:
    """A proper name before the head noun: 'World Bank sources', 'a senior FDA official'."""
    return any(word in names for word in _words(text[:head_start]))
