"""What kind of claim a sentence makes and whether it is hedged (its restatement: restate.py).

The kind tells a reviewer where to look: a ``designation`` is checked against an official
list (the State Department's FTO list), a ``statistic`` against the data behind it, a
``quote`` against a recording or transcript. When a sentence carries several kinds, the
one with the most specific source of truth wins, in the order of ``KINDS``.
"""

from __future__ import annotations

import re
from functools import lru_cache

KINDS = ("designation", "statistic", "causal", "comparison", "prediction", "quote", "opinion",
         "event")

_DESIGNATION = re.compile(
    r"\b(?:designat\w*|classified as|listed as|blacklist\w*|sanction\w*|"
    r"(?:foreign )?terrorist organi[sz]ations?|state sponsors? of terrorism|"
    r"declared (?:a|an|the)\b|recogni[sz]ed as|outlaw\w*|indicted|(?<!if )convicted|"
    r"(?:is|are|was|were) (?:il)?legal\b|unconstitutional|signed into law|executive order|"
    r"charged (?:\w+ ){0,3}?with|pleaded (?:not )?guilty|acquitted|sentenced (?:\w+ ){0,2}?to|"
    r"term limits?|maximum (?:sentence|penalty)|(?:free|held) (?:[\w’'-]+ ){0,8}?on "
    r"(?:a |an )?(?:[$€£][\d,.]+ )?(?:bond|bail)\b|qualif(?:y|ies|ied) as|"
    r"(?<!would )(?<!could )(?<!might )(?:caps?|capped) (?:[\w-]+ ){0,4}?at\b(?= [$€£]?\d)|"
    r"term-limited|(?:is|are|was|were|been|being) accused of|fined\b|"
    r"under (?:a |the )?(?:[\w.-]+ ){0,3}?law\b(?! enforcement| firm| school)|"
    r"under (?:the |a |an )?(?:[\w.-]+ ){0,3}?(?:[A-Z]\w+ (?:Act|Rules|Code|Treaty|Agreement)|"
    r"[\w-]+ (?:rules|agreement|treaty))\b|"
    r"under the (?:new )?(?:bill|measure|ordinance|act)\b|required by law|"
    r"(?:law|laws|rules|regulations|statutes?|constitution|code|act|ordinance|charter|treaty|"
    r"directive|convention|agreement|accord),? (?:which )?"
    r"(?:requires?|bars?|bans?|forbids?|prohibits?|says|allows|permits|commits|entitles)\b|"
    r"criminal offen[cs]e|"
    r"placed (?:[\w’'-]+ ){0,3}?(?:in|into|on|under) (?:[\w-]+ )?(?:special measures|receivership|"
    r"administration|probation|"
    r"(?:state|federal) (?:control|oversight))|"
    r"(?:blocked|struck down|upheld|overturned|halted) (?:a |an |the )?(?:[\w-]+ ){0,3}?"
    r"(?:law|ordinance|rule|ban|order|regulation|statute|policy)\b|"
    r"(?:cannot|can't|may not|is barred from|are barred from) (?:run|serve|stand) again|"
    r"found (?:[\w’'.,-]+ ){1,16}?(?:guilty|liable)\b|"
    r"(?:rated|declared|deemed|ruled|found) (?:\w+ ){0,3}(?:deficient|unsafe|illegal|"
    r"unconstitutional|eligible|ineligible|guilty|liable|inadequate|failing|substandard|"
    r"uninhabitable))",
    re.I,
)
_WORD_NUMBER = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)"
)
_STATISTIC = re.compile(
    r"\d|%|\b(?:percent|record(?!s\b)\w*|highest|lowest|largest|biggest|smallest|fewest|"
    r"(?:more|fewer|less) than any other|more \w+ than ever|than ever|all-time|doubled|"
    r"tripled|halved|"
    r"hundreds|thousands|millions|billions|trillions|hundred|thousand|million|billion|trillion|"
    r"dozens|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+|"
    r"(?:a )?majority of|minority of|"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:[\w-]+ ){0,5}?"
    r"(?:time|consecutive|straight|in a row|since|this year)|"
    r"rank\w*|[a-z]+-(?:year|month|week|decade) (?:low|high)|leading in the polls|"
    r"per capita|average|(?:nearly|almost) all|most of|"
    r"(?:a|one|two) (?:third|quarter|fifth|half)|half of)\b",
    re.I,
)
# How often: "once every decade", "one in four patients" (tried when _STATISTIC finds nothing).
_FREQUENCY = re.compile(
    rf"\b(?:(?:once|twice) (?:a|an|every|per) \w+|(?:one|{_WORD_NUMBER}) (?:in|out of) "
    rf"(?:every )?(?:\d+|{_WORD_NUMBER}))\b",
    re.I,
)
# "at least six patients": a count written as a word, with a bound. In a forecast ("will
# replace at least four ministers") the check is whether it happens, not the count.
_WORD_COUNT = re.compile(
    rf"\b(?:at least|at most|more than|fewer than|up to|as many as) {_WORD_NUMBER}\b", re.I
)
_CAUSAL = re.compile(
    r"\b(?:because|caus(?:e|ed|es|ing)|due to|as a result|result(?:ed|s)? in|led to|lead to|"
    r"(?:is|was|are|were|partly|largely|mainly|mostly) (?:the|a) (?:direct )?result of|"
    r"driven (?:\w+ ){0,2}?by|reflects?|thanks to|blamed|responsible for|so that|"
    r"attribut(?:e|es|ed|ing) \w+(?: \w+){0,4} to|(?:bring|brings|brought|bringing) "
    r"(?:[\w-]+ ){0,2}?back|prompted|triggered|"
    r"traced (?:[\w-]+ ){1,4}?to|"
    r"(?:(?<=\bbeen )|(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bwere ))linked to|"
    r"account(?:s|ed)? for [^.;]{0,40}?\b(?:increase|rise|rising|fall|drop|decline|growth|"
    r"gain|loss|jump|change)|"
    r"(?:drove|drives|pushed|pushes) (?!out of\b)(?:[\w,-]+ ){1,5}?(?:up|down|out)|"
    r"sparked|fuell?ed|contributed to|only after|(?:not|no) (?:a )?coincidence|"
    r"forc(?:ed|ing) (?!to\b|entry\b|open\b|their way\b)(?:[\w’',.-]+ ){1,5}?to\b|"
    r"without [^,.]{1,40}, [^.]{0,80}\bwould|explains?)\b",
    re.I,
)
# Why a source is not named is not the claim: "who asked not to be named because they feared
# for their jobs" (up to the end of the aside).
_ANONYMITY_ASIDE = re.compile(
    r"\b(?:anonymity|not to be (?:named|identified)|declined to be (?:named|identified)|"
    r"names? (?:not be used|be withheld)|"
    r"not authori[sz]ed to (?:speak|comment|discuss|talk))\b[^,;]*"
)
_ANONYMITY_KEYS = ("anonymity", "to be named", "to be identified", "authori", "name not",
                   "names not", "withheld")
_PREDICTION = re.compile(
    r"\b(?:will|won't|is going to|are going to|expected to|expects?|forecast\w*|"
    r"predict\w*|(?<!\ba )(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )plans? to|"
    r"next (?:year|month|week)|likely to|on track to|(?:more|less) likely|"
    r"unlikely)\b",
    re.I,
)
# "it could derail the talks": what may happen (not "could have", which looks back).
_MAY_HAPPEN = re.compile(r"\b(?:could|might)\b(?! have\b)")
# Reported speech about what others would do: "officials said the government would ...".
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|say|told \w+|warned|cautioned|predicted|estimated)(?:,| that)? "
    r"(?!it\b|they\b|he\b|she\b|we\b)(?:[\w’'-]+ ){1,6}?(?:would|could|will|might)\b"
)
# "The office said it would review ...": a body announcing what it will do, an event.
_OWN_PLAN = re.compile(r"\b(?:said|says|announced) (?:that )?(?:it|they) (?:would|will)\b")
# A ratio is a comparison before it is a number: "twice as far", "ten times as much as".
_RATIO = re.compile(
    r"\b(?:twice|half|a (?:third|quarter|fifth|tenth)|(?:\w+ )?times) as (?:\w+ ){0,3}?as\b|"
    r"\b(?:twice|half|double|triple|(?:\w+ )?times) (?:that|those) (?:of|in|at|for|on)\b|"
    r"\b(?:twice|double|triple|\w+ times) the (?:[\w-]+ )?(?:rate|level|average|price|cost|"
    r"size|number|amount|pay|wage|salary|speed)s?\b|"
    r"\bthan (?:half|twice|double|a (?:third|quarter|fifth|tenth)) (?:the|its|their) "
    r"(?:[\w-]+ )?(?:pay|wage|salary|price|cost|rate|level|size|amount|number|speed)s? of\b|"
    r"\btimes (?:more|less|higher|lower|larger|smaller|faster|slower|greater)\b|"
    r"\btwice as\b",
    re.I,
)
# A figure set against the same figure at an earlier time is a change in one series, checked
# as the number: "2,140 patients, twice as many as a fortnight earlier" (like "up from").
_EARLIER = re.compile(
    r"\bas \w+ as (?:[\w-]+ ){0,4}?(?:earlier|ago|before|"
    r"(?:in|at the start of|at the end of|since) (?:19|20)\d\d|last (?:year|month|week))\b"
)
_DEGREE_COMPARISON = re.compile(
    r"\b(?:slightly|significantly|much|far|substantially|markedly|sharply|considerably) "
    r"(?:higher|lower|better|worse|fewer|faster|slower|larger|smaller)\b",
    re.I,
)
# A vote is checked against the record of the vote: its tally and the counts around it are
# context; only money and shares make it a statistic.
_VOTE = re.compile(
    r"\bvot(?:ed|e of|ing) (?:\d+|[a-z]+)(?:-| to )(?:\d+|[a-z]+)\b|\b(?:won|received|got|"
    r"drew|secured) (?:only |just )?(?:\d+|[a-z]+) votes\b|\b\d+ votes? to \d+\b|"
    r"\b(?:no-)?confidence (?:motion|vote)|"
    r"\b(?:censure|no-confidence) motion|\bmotion (?:of|to) (?:no )?(?:confidence|censure)\b"
)
_MONEY_OR_SHARE = re.compile(r"[$€£%]|\bper ?cent\b")
_OPINION = re.compile(
    r"\b(?:I think|I thought|I believe|I feel|in my (?:view|opinion)|should|must)\b", re.I
)
_QUANTITY = (
    r"(?:\$|€|£)?\d|a (?:third|quarter|half|fifth|dozen|hundred|thousand|million|billion)|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half|"
    r"hundreds|thousands|millions|a few|once|twice"
)
_HEDGES = re.compile(
    r"\b(?:may\b|(?i:(?:could|might|perhaps|possibly|probably|unlikely|considered|reportedly|"
    r"(?<!less )(?<!more )(?<!\bas )likely(?! [a-z]+ers?\b)|allegedly|apparent(?:ly)?|believed to|"
    r"believes?(?! in\b)|appeared to|appears to|seems?|suggest(?:s|ed)?|roughly|nearly|"
    r"almost|worries|expected to|typically|(?<!no )estimated)\b|"
    rf"(?:about|around|approximately|roughly|as (?:many|much|few) as) "
    rf"(?={_QUANTITY}|the size of)))"
)
# "expect prices to rise", "we expect to be back", "now expects only one cut", "a 60 per
# cent chance of": a forecast's own hedge
_EXPECT_TO = re.compile(
    r"\b(?:[Ee]xpects? (?:[a-z][\w-]* ){0,6}?to\b|"
    r"(?:I|we|[Ww]e|[a-z]+|[Oo]fficials?) (?:now |still )?expects?\b(?! that\b)|"
    r"(?:per ?cent|percent|%) (?:chance|probability|likelihood)\b)"
)
_QUOTE_MARKS = re.compile(r"[“”\"]")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_EXPLICIT_COMPARISON = re.compile(
    # "rather than", "other than" offer an alternative, not a comparison
    r"\b(?:(?<!rather )(?<!other )than|compared (?:with|to)|versus|twice as|outpac\w+|"
    r"outperform\w*|surpass\w*|overt(?:ook|aken|akes))\b",
    re.I,
)
_DATES = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?=,? (?:19|20)\d\d)|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2}(?::\d\d)? ?[ap]\.?m\b\.?|\b\d{1,3}-\d{1,3} (?:vote|decision)?|"
    r"\b\d{1,3}-\d{1,3}\b(?= (?:early|late|on|in|to|vote)|[.,;]?$)|\b\d{1,3}-year-old\b|"
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|"
    r"\b(?:Route|Highway|Interstate|Hwy|Motorway|Platform|Gate|Terminal|Flight) \d+\b|"
    r"\b\d{1,3}-(?:hour|day|week|month|year|minute|mile|seat|bed|storey|story|member|acre)\b"
    r"(?! (?:high|low|record|peak))"
)
# An age after a name, "Ana Ruiz, 34, said": who speaks, not what is checked. (Left out of
# _DATES: a named witness's account is still worth proposing.)
_AGE = re.compile(r"\b[A-Z][a-z’'-]+, \d{1,3},")


# Words that judge rather than state: a quote made only of them is an opinion to report,
# not a claim to check. A general list of evaluative English, not one article's phrases.
_JUDGING_WORDS = frozenset(
    """wrong good great terrible awful horrible dreadful wonderful beautiful lovely
    heartbreaking heartbroken encouraging disappointed disappointing proud outstanding
    excellent fantastic amazing incredible unfair fair unacceptable overdue frightening
    scary shameful disgrace disgraceful outrage outrageous outraged happy sad glad pleased
    thrilled grateful hardest toughest relief relieved welcome welcomed welcomes optimism
    optimistic pessimistic hope hopeful dignity ridiculous absurd nonsense confident
    concerned worried upset angry delighted shocked saddened stunned i'm exhausting
    exhausted surprised surprising striking shocking devastating devastated frustrating
    frustrated painful unreliable shortsighted short-sighted reckless irresponsible
    appalling appalled heartening thankful unbelievable sorry blessed honored honoured
    embarrassing embarrassed hypocritical insulting cruel brilliant terrific""".split()
)
_JUDGING_PHRASES = re.compile(
    r"\b(?:right (?:decision|thing|call|move)|(?:ir)?responsible thing|tired of|bad idea|"
    r"I (?:just )?(?:want|wish|love|hate|feel|think|believe)|I am|we are (?:proud|pleased|"
    r"disappointed|grateful|confident))\b",
    re.I,
)
_LOWER_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Regular past tenses, and the irregular ones news copy uses most.
_IRREGULAR_PAST = (
    "made took gave went came saw kept won lost fell rose "
    "grew paid sold bought spent left led met ran cut hit shut set put sent built brought "
    "caught fought found held stood drew drove flew threw wrote broke chose froze spoke "
    "stole began sank shrank swore tore wore became overtook withdrew sought taught struck "
    "hid bit lent dealt slid split spread quit"
)
# after "had" (what had happened before the reported moment)
_PARTICIPLES = (
    "broken taken given done gone grown known shown thrown written driven fallen risen "
    "stolen begun chosen frozen spoken hidden seen eaten forgotten sunk shrunk withdrawn"
)
_PAST_EVENT = re.compile(
    rf"\b(?:has been|have been|had been|[a-z]{{3,}}ed|{'|'.join(_IRREGULAR_PAST.split())}|"
    rf"had (?:already |not |never |just )?(?:{'|'.join(_PARTICIPLES.split())}))\b"
)


def value_judgement(text: str) -> bool:
    """Whether ``text`` judges (praise, blame, feelings) rather than states."""
    plain = text.replace("’", "'")
    if not _JUDGING_WORDS.isdisjoint(_LOWER_WORDS.findall(plain.lower())):
        return True
    return bool(_JUDGING_PHRASES.search(plain))


# Every _DESIGNATION match holds one of these (lowercased): a fast first look.
_DESIGNATION_KEYS = (
    "designat", "classified as", "listed as", "blacklist", "sanction", "terrorist",
    "state sponsor", "declared", "recogni", "outlaw", "indicted", "convicted", "legal",
    "unconstitutional", "signed into law", "executive order", "charged", "pleaded",
    "accused of", "fined", "acquitted", "sentenced", "term limit", "term-limited", " again",
    "maximum sentence", "maximum penalty", "bond", "bail", "qualif", "regarded as", "caps ",
    " cap ", "capped", "agreement",
    "deficient", " law", "under the", "unsafe", "inadequate", "failing", "substandard",
    "uninhabitable", "eligible", "guilty", "liable", "rules",
    "regulations",
    "statute", "constitution", "code ", "code,", "code.", "act ", "act,", "act.", "ordinance",
    "charter", "treaty", "directive",
    "convention", "placed", "blocked", "accord ", "accord,", "criminal offen",
    "struck down", "upheld", "overturned", "halted",
)


def designation(text: str) -> bool:
    """Whether ``text`` states a legal or official status (see ``_DESIGNATION``)."""
    low = text.lower()
    return any(key in low for key in _DESIGNATION_KEYS) and bool(_DESIGNATION.search(text))


# Substrings that every match of a pattern holds (lowercased): a cheap first look that
# spares the pattern's search on most sentences. They change no answer, only the speed.
_CAUSAL_KEYS = (
    "because", "caus", "due to", "result", "led to", "lead to", "driven", "reflect",
    "coincidence", "forc", "only after",
    "thanks to", "blamed", "responsible for", "so that", "attribut", " back", "prompted",
    "triggered", "sparked", "fuel", "contributed to", "without", "explain", "traced",
    "linked to", "account", "drove", "drives", "pushe",
)
_COMPARISON_KEYS = ("than", "compared", "versus", "twice as", "outp", "surpass", "overt")
_PREDICTION_KEYS = (
    "will", "won't", "going to", "expect", "forecast", "predict", "plan", "next ", "likely",
    "on track",
)
_HEDGE_KEYS = (
    "may", "could", "might", "perhaps", "possibl", "probabl", "likely", "considered",
    "reportedly", "allegedly", "apparent", "believe", "appear", "seem", "suggest",
    "estimated", "roughly", "nearly", "almost", "worries", "expect", "about", "around",
    "approximately", "as many", "as much", "as few", "typically",
)


def _keyed(keys: tuple[str, ...], pattern: re.Pattern[str], text: str,
           low: str | None = None) -> bool:
    low = text.lower() if low is None else low
    return any(key in low for key in keys) and bool(pattern.search(text))


@lru_cache(maxsize=1024)
def fact_kinds(text: str) -> frozenset[str]:
    """The kinds of fact ``text`` states: a number (``statistic``), a legal or official
    status (``designation``), a cause (``causal``), an explicit ``comparison``. Cached: the
    prior, the kind and the checks of one sentence all ask."""
    found = set()
    low = text.lower()
    if _statistic(text):
        found.add("statistic")
    if designation(text):
        found.add("designation")
    if _causal(text, low):
        found.add("causal")
    if _keyed(_COMPARISON_KEYS, _EXPLICIT_COMPARISON, text, low) or ratio(text):
        found.add("comparison")
    return frozenset(found)


def _causal(text: str, low: str) -> bool:
    """A cause named outside the aside that says why a source is anonymous."""
    if not _keyed(_CAUSAL_KEYS, _CAUSAL, text, low):
        return False
    if any(key in low for key in _ANONYMITY_KEYS):
        return _keyed(_CAUSAL_KEYS, _CAUSAL, _ANONYMITY_ASIDE.sub(" ", text))
    return True


def _statistic(text: str) -> bool:
    """A number, a record or a share, other than a date, an age or a vote's tally."""
    if not (_STATISTIC.search(_strip_dates(text)) or _FREQUENCY.search(text) or (
        _BOUNDS.search(text) and _WORD_COUNT.search(text) and not _prediction(text)
    )):
        return False
    low = text.lower()
    return (("vot" not in low and "motion" not in low) or not _VOTE.search(text)
            or bool(_MONEY_OR_SHARE.search(text)))


_BOUNDS = re.compile(r"\b(?:at least|at most|than|up to|as many)\b", re.I)  # a first look


def states_fact(text: str) -> bool:
    """Whether ``text`` states a fact (see :func:`fact_kinds`): what keeps a judging
    sentence checkable ("a disgrace that cost us $3 million")."""
    return bool(fact_kinds(text))


def ratio(text: str) -> bool:
    """Whether ``text`` compares by a ratio ("twice as far as", "ten times as much")."""
    low = text.lower()
    return any(key in low for key in _RATIO_KEYS) and bool(_RATIO.search(text))


_RATIO_KEYS = (" as ", "times ", "twice", "half", "double", "triple")


@lru_cache(maxsize=1024)
def forecast(text: str) -> bool:
    """Whether ``text`` says what will happen: "will", "is expected to", "next month", or
    reported speech about what someone would do ("said the company would move ...")."""
    if _prediction(text):
        return True
    return any(modal in text for modal in _MODALS) and bool(
        _REPORTED_FUTURE.search(text) or _OWN_PLAN.search(text)
    )


_MODALS = ("would", "could", "will", "might")


def _prediction(text: str) -> bool:
    return _keyed(_PREDICTION_KEYS, _PREDICTION, text)


def own_plan(text: str) -> bool:
    """ "The office said it would review ...": a body announcing what it will do."""
    return ("would" in text or "will" in text) and bool(_OWN_PLAN.search(text))


# "are already stretched", "I'm not convinced": a participle after "is" or "feel" describes
# a state, not an event ("was discovered" is one).
_STATE_BEFORE = re.compile(
    r"(?:\b(?:is|are|am|be|being|seems?|feels?|looks?|gets?)|['’](?:re|m|s))"
    r"(?:\s+(?:already|not|so|very|too|really|just|still|quite|all))*\s+$",
    re.I,
)


def past_event(text: str) -> bool:
    """Whether ``text`` reports something that happened (a past tense, regular or not)."""
    for m in _PAST_EVENT.finditer(text):
        at = m.start()
        if not (m.group().endswith("ed") and _STATE_BEFORE.search(text[max(0, at - 40):at])):
            return True
    return False


def checkable(text: str) -> bool:
    """Whether ``text`` states something a record could confirm: a fact as above, a
    forecast or a past event."""
    return bool(states_fact(text) or forecast(text) or _MAY_HAPPEN.search(text)
                or past_event(text))


def hedged(text: str) -> bool:
    """Hedges are matched case-sensitively: "May" the month is not "may" the modal."""
    low = text.lower()
    return _keyed(_HEDGE_KEYS, _HEDGES, text, low) or (
        ("expect" in low or "chance" in low or "probab" in low or "likelihood" in low
         or "odds" in low) and bool(_EXPECT_TO.search(text)))


def _quoted_words_only(text: str) -> bool:
    """Whether the facts of a sentence of reported speech are all in the words it quotes
    (a characterisation in quote marks inside the sentence)."""
    if "“" not in text or text.lstrip()[:1] == "“":
        return False
    for quote in _QUOTED.finditer(text):
        before = text[:quote.start()].rstrip()
        if not before[-1:].isalpha():  # a quoted sentence, not words within one
            return False
    return not fact_kinds(_QUOTED.sub(" ", text))


# "resigned in March, two weeks after a grand jury indicted him": a status in a clause of
# time dates what the sentence reports; it is not its claim.
_TIME_CLAUSE = re.compile(r"\b(?:after|before|until|since|when)\b[^,;]*$", re.I)


def _background_status(text: str) -> bool:
    """Whether every legal status ``text`` names sits in a clause of time that follows the
    main clause ("..., days after he was charged")."""
    matches = list(_DESIGNATION.finditer(text))
    return bool(matches) and all(
        (clause := _TIME_CLAUSE.search(text, 0, m.start())) and clause.start() > 0
        for m in matches
    )


def _quoted_share(text: str) -> float:
    quoted = _QUOTED.findall(text)
    return sum(len(q) for q in quoted) / max(len(text), 1)


def classify(
    text: str, *, speaker: str | None, quote_run: bool, flags: tuple[str, ...] = ()
) -> str:
    """The most specific kind this sentence supports (see module docstring)."""
    facts = fact_kinds(text)
    if facts and speaker and _quoted_words_only(text):
        # 'told MPs that the NHS was “better prepared than ever”': what was said is checked
        return "quote"
    if "statistic" in facts and _AGE.search(text) and not _statistic(_AGE.sub(" ", text)):
        facts = facts - {"statistic"}
    if "designation" in facts and _background_status(text):
        facts = facts - {"designation"}
    # the most specific first; a number in a causal claim or a ratio is not the check itself
    for kind in ("designation", "causal"):
        if kind in facts:
            return kind
    low = text.lower()
    if "statistic" in facts and _keyed(_COST_KEYS, _COST_ESTIMATE, text, low):
        return "statistic"  # what a plan costs or saves is checked against its estimate now
    if _keyed(_OUTLOOK_KEYS, _OUTLOOK, text, low) or (
            "statistic" in facts and _keyed(_HORIZON_KEYS, _HORIZON, text, low)):
        return "prediction"  # a forecast is checked when its date comes, whatever its numbers
    if "statistic" in facts and _uncertain_figure(text):
        return "prediction"  # "could reach C$880", "may be needed": the figure is an outlook
    if ratio(text) and not ("statistic" in facts and _EARLIER.search(text)):
        return "comparison"
    if "statistic" in facts:
        if (_keyed(_GAP_KEYS, _GAP, text, low) or _keyed(_PEERS_KEYS, _PEERS, text, low)
                or ("compared" in low and _COMPARED_ELSEWHERE.search(text))):
            return "comparison"
        if _keyed(_ACTION_KEYS, _ACTION, text, low):
            return "event"
        return "statistic"
    mostly_quote = quote_run or _quoted_share(text) > 0.5
    if _OPINION.search(text) and (mostly_quote or not speaker):
        return "opinion" if not speaker else "quote"
    if _keyed(_COMPARISON_KEYS, _EXPLICIT_COMPARISON, text, low):
        return "comparison"
    if not mostly_quote and own_plan(text):
        return "event"
    if not mostly_quote and (forecast(text) or _MAY_HAPPEN.search(text)):
        return "prediction"
    if mostly_quote or (speaker and _QUOTE_MARKS.search(text)):
        # what a quote says happened is checked as an event; the rest, as words said
        said = " ".join(_QUOTED.findall(text)) or text
        if past_event(said):
            return "event"
        return "prediction" if forecast(said) or _MAY_HAPPEN.search(said) else "quote"
    if "missing_speaker" in flags:
        return "quote"
    if _DEGREE_COMPARISON.search(text):  # "significantly higher" (an explicit "than" is above)
        return "comparison"
    return "event"


# "could", "might", "may" (not "could have", which looks back; "May" the month is capitalised).
_UNSURE = re.compile(r"\b(?:could|might|may)\b(?! have\b)")
# A break between sentences or between clauses that each state their own thing ("Tenants
# may apply for relief, which has hired 12 inspectors"; "declined to say whether more
# plants could close, but filings show it cut 1,100 jobs").
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+|;\s+|,\s+(?=(?:but|which|while|although|though|and)\b)"
)
# An aside set off by commas ("The law, which may be challenged, affects 2 million renters")
# is a clause of its own: it is checked apart from the sentence around it.
_ASIDE = re.compile(r",\s+(?:which|who)\b(?:[^,;]|,(?=\d))*,(?=\s)")
_WHETHER = re.compile(r"\b(?:whether|if)\b")


def _uncertain_figure(text: str) -> bool:
    """Whether a figure and a "could", "might" or "may" share one sentence: what may come to
    pass is checked when it does, whatever its number ("hundreds of hearings could be
    postponed"). What a plan costs is kept apart above; "will" and "would" are not here, as
    an announced cut of 1,400 jobs is checked as the number now. The "may" and the figure
    must share a clause, and a "could" after "whether" asks rather than forecasts."""
    if not any(word in text for word in ("could", "might", "may")):
        return False
    asides = _ASIDE.findall(text) if ", wh" in text else []
    plain = _ASIDE.sub(" ", text) if asides else text
    for part in _SENTENCE_BREAK.split(plain) + asides:
        unsure = _UNSURE.search(part)
        # "whether other plants could close" asks; it forecasts nothing
        if unsure and not _WHETHER.search(part, 0, unsure.start()) and _statistic(part):
            return True
    return False


# The words of a forecast: "expects one cut in 2027", "projected that growth would slow to
# 1.6 percent", "a 60 per cent chance of", "likely to peak" (not "had forecast", "than expected").
_OUTLOOK = re.compile(
    r"\b(?:(?<!than )(?<!as )expects?|expected to|(?<!had )(?:projected|forecasts?)(?! \w+ed\b)|"
    r"projects? that|projections?|predicts?|predicted|outlook|likely to|"
    r"(?:per ?cent|percent|%) chance|modell?ing)\b",
    re.I,
)
_OUTLOOK_KEYS = (
    "expect", "project", "forecast", "predict", "outlook", "likely to", "chance", "modell",
    "modeling",
)
# A figure that will, would or could be reached by a date to come: "could reach 9,000 by
# 2029", "will be handing out eight inches next year", "would add 0.2 points in early 2027".
_HORIZON = re.compile(
    # "would have" looks back at what did not happen; "will have 400 beds" looks ahead
    r"(?:(?<!which )(?<!who )\b(?:[Ww]ill\b|(?:would|could|might)\b(?! have\b))|['’]ll\b)"
    r"(?:[^.;]|\.\d){0,80}?\b(?:"
    r"by (?:the (?:end|middle|start) of )?(?:early |late |mid-)?(?:(?:19|20)\d\d|next \w+)|"
    r"next (?:year|month|decade|spring|summer|autumn|fall|winter)|"
    r"in (?:early|late|mid-) ?(?:19|20)\d\d)\b"
)
_HORIZON_KEYS = ("by ", "next ", "early", "late", "mid-")
# What a plan or a change costs, saves or loses in money: "is expected to cost about $4.5
# million a year", "could cost counties up to $60 million" (a statistic, even in the future).
_COST_ESTIMATE = re.compile(
    r"\b(?:cost|costs|save|saves|lose|loses)\b[^.;]{0,40}?(?:[$€£]|\b(?:dollars|euros|pounds)\b)"
)
_COST_KEYS = ("cost", "save", "lose")
# A gap between two figures is the comparison itself: "about a million fewer than last
# year", "for 20% to 30% less", ", fewer than in any year since".
_GAP = re.compile(
    r"(?:\d%?|\b(?:million|billion|thousand|hundred|dozen|percent|cent))\s+(?:fewer|less|"
    r"cheaper)\b|,\s+(?:fewer|more|less) than (?:in|at|during|the same)\b"
)
_GAP_KEYS = ("fewer", "less", "cheaper", "more than")
# A figure set against its peers is the comparison itself: "the second-lowest of any state",
# "the highest rate among the five largest economies", "less than any of its neighbours",
# "outpacing a 9% rise in", "below every estimate" (a record against earlier years, "the
# most in any year since 2011", is a number).
_PEERS = re.compile(
    r"\bthe (?:[\w-]+ )?(?:[\w-]+est|most|least|fewest) (?:[\w-]+ ){0,2}?(?:of|among) any\b|"
    r"\b(?:[\w-]+est|most(?! of\b)|least(?! of\b)|fewest) (?:[\w.-]+ ){0,4}?among\b|"
    r"\bthan any (?:other|of)\b|\boutpac(?:e|es|ed|ing)\b|\b(?:below|above) (?:every|all)\b",
    re.I,
)
_PEERS_KEYS = (" any", "among", "outpac", " every", " all")
# A figure set against another place or group is the comparison itself ("52% at the trust,
# compared with 59% across England"); against an earlier time it is a change in one series,
# checked as the number ("612 cases, compared with 285 in 2025").
_COMPARED_ELSEWHERE = re.compile(
    r"\bcompared (?:with|to)\b(?!(?:[^,;]|,(?=\d))*\b(?:(?:19|20)\d\d|years?|months?|weeks?|"
    r"period|ago|earlier|before|last)\b)"
)
# Actions whose number is a detail of what was done: a rate left unchanged, bond set at
# $250,000, men arrested.
_ACTION = re.compile(
    r"\b(?:(?:left|kept|held) (?:[\w’'-]+ ){0,4}?(?:unchanged|steady)|(?:set|posted|denied|"
    r"granted) (?:bail|bond)|arrest(?:ed|s)|(?:bail|bond) (?:was |of |at )|detained)\b"
)
_ACTION_KEYS = ("unchanged", "steady", "bail", "bond", "arrest", "detained")


def _strip_dates(text: str) -> str:
    """Days, years, times, ages and vote tallies do not make a statistic: "on April 3",
    "in 2026", "at 2 a.m.", "a 34-year-old man", "voted 61-38", "on 28 November", "Route 9",
    "a 48-hour strike" are context. Each of them holds a digit: a sentence without one is
    left as it is, unsearched."""
    return _DATES.sub(" ", text) if _DIGIT.search(text) else text


_DIGIT = re.compile(r"\d")
