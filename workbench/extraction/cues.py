"""The cue patterns behind ``kinds``: the words and figures that show what kind of fact a
sentence states (a legal status, a number, a cause, a comparison, a forecast) and whether
its words judge, hedge or report a past event. Kept apart from the rules that weigh them
so that each list can be read, and extended, on its own.
"""

from __future__ import annotations

import re

from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP, CAPITALS

DESIGNATION = re.compile(
    r"\b(?:designat\w*|(?:classified|classed) (?:[\w’'-]+ ){0,10}?as|listed as|blacklist\w*|"
    r"sanction\w*|"
    r"(?:foreign )?terrorist organi[sz]ations?|state sponsors? of terrorism|"
    r"declared (?:a|an|the)\b|recogni[sz]ed as|outlaw\w*|indicted|(?<!if )convicted|"
    r"(?:is|are|was|were) (?:il)?legal\b|unconstitutional|signed into law|executive order|"
    r"charged (?:\w+ ){0,3}?with|pleaded (?:not )?guilty|acquitted|sentenced (?:\w+ ){0,2}?to|"
    # "were charged in court over", "jailed for 18 years": the same statuses, in other words
    # (not a price: "were charged over £40 a day to park")
    rf"(?:is|are|was|were|been|be) charged (?:in court\b|over\b(?! (?:{CAP}{{1,3}})?[$€£¥₹]|\d))|"
    r"(?:jailed|imprisoned) for (?:up to |life\b|(?:[\w-]+ ){1,2}?(?:years?|months?|weeks?)\b)|"
    r"term limits?|maximum (?:sentence|penalty)|(?:free|held) (?:[\w’'-]+ ){0,8}?on "
    r"(?:a |an )?(?:[$€£][\d,.]+ )?(?:bond|bail)\b|qualif(?:y|ies|ied) as|"
    r"(?<!would )(?<!could )(?<!might )(?:caps?|capped) (?:[\w-]+ ){0,4}?at\b(?= [$€£]?\d)|"
    r"term-limited|(?:is|are|was|were|been|being) accused of|fined\b|"
    r"under (?:a |the )?(?:[\w.-]+ ){0,3}?law\b(?! enforcement| firm| school)|"
    # ("released under the Official Information Act" names how a record was had, not a status)
    r"under (?:the |a |an )?(?!(?:[\w.-]+ ){0,3}?Information Act)"
    rf"(?:[\w.-]+ ){{0,3}}?(?:{CAP}\w+ (?:Act|Rules|Code|Treaty|Agreement)|"
    r"[\w-]+ (?:rules|agreement|treaty))\b|"
    r"under the (?:new )?(?:bill|measure|ordinance|act)\b|required by law|"
    r"(?:law|laws|rules|regulations|statutes?|constitution|code|act|ordinance|charter|treaty|"
    r"directive|convention|agreement|accord|licen[cs]e|permit|zoning),? (?:which )?"
    r"(?:(?:has|have) )?(?:requires?|required|bars?|barred|bans?|banned|forbids?|forbidden|"
    r"prohibits?|prohibited|says|allows|permits|commits|entitles)\b|"
    # what a law gives or allowed (not "the agreement gives Acme a 20% stake", "the malicious
    # code allowed hackers to ...")
    r"(?:law|laws|rules|regulations|statutes?|constitution|act|ordinance|charter|treaty|"
    r"directive),? (?:which )?(?:(?:has|have) )?(?:allowed|permitted|gives|grants)\b|"
    # a body's finding that a law was broken: "The commission found that the campaign
    # violated federal law" (not "the closure violated the contract")
    r"(?:found|ruled|concluded) (?:that )?(?:[\w’'.,-]+ ){1,16}?(?:violated|breached|broke) "
    r"(?:[\w-]+ ){0,2}?(?:law|laws|rules|regulations|act|code|constitution)\b|"
    r"criminal offen[cs]e|"
    r"placed (?:[\w’'-]+ ){0,3}?(?:in|into|on|under) (?:[\w-]+ )?(?:special measures|receivership|"
    r"administration|probation|"
    r"(?:state|federal) (?:control|oversight))|"
    r"(?:is|are|was|were|been|remains?|remained) (?:in|under) (?:special measures|receivership|"
    r"administration)|"
    r"(?:blocked|struck down|upheld|overturned|halted) (?:a |an |the )?(?:[\w-]+ ){0,3}?"
    r"(?:law|ordinance|rule|ban|order|regulation|statute|policy|conviction|sentence|"
    r"verdict|ruling)\b|"
    r"(?:cannot|can't|may not|is barred from|are barred from) (?:run|serve|stand) again|"
    r"found (?:[\w’'.,-]+ ){1,16}?(?:guilty|liable)\b|"
    # a status a body confers or keeps: "were sentenced", "has been suspended from competition",
    # "was cited for deficiencies", "remains in effect", "the alert level remained at yellow"
    # (a ranking is no status: "was rated the best in the city")
    r"(?:is|are|was|were|been) (?:sentenced|cited for|(?:\w+ )?barred from)\b|"
    r"(?:is|are|was|were|been) rated\b(?! (?:as )?(?:the |one of the |among the )?(?:best|worst|"
    r"top|most|least|\w+est)\b)|"
    r"\b(?:on|faces?|facing) (?:a |two |three |multiple )?charges? of\b|"
    r"placed on (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:list|register)\b|"
    r"(?:is|are|was|were|been) (?:\w+ )?suspended (?:[\w-]+ ){0,3}?(?:from|pending|"
    r"for (?:\w+ ){1,2}(?:years?|months?|weeks?|days?|games?|matches?|races?))\b|"
    # ("police were out in force" is a crowd, not a rule)
    r"(?:remains?|remained|remain|is|are|was|were|stays?|stayed) in effect\b|"
    r"(?:remains?|remained|remain|stays?|stayed|still|already) in force\b|"
    r"(?:alert|warning|threat|danger) level (?:[\w-]+ ){0,2}?(?:at|to)\b|"
    r"(?:is|are|was|were|been|declared|ruled) (?:null and )?void\b|"
    r"(?:rated|declared|deemed|ruled|found) (?:\w+ ){0,3}(?:deficient|unsafe|illegal|"
    r"unconstitutional|eligible|ineligible|guilty|liable|inadequate|failing|substandard|"
    r"uninhabitable))",
    re.I,
)
_WORD_NUMBER = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)"
)
STATISTIC = re.compile(
    r"\d|%|\b(?:percent|record(?!s\b)\w*|highest|lowest|largest|biggest|smallest|fewest|"
    r"(?:more|fewer|less) than any other|more \w+ than ever|than ever|all-time|doubled|"
    r"tripled|trebled|quadrupled|halved|"
    r"hundreds|thousands|millions|billions|trillions|hundred|thousand|million|billion|trillion|"
    r"dozens|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+|"
    r"(?:a )?majority of|minority of|"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:[\w-]+ ){0,5}?"
    r"(?:time|consecutive|straight|in a row|since|this year)|"
    # a place in a series is a count: "it is the third recall this year", "was the fourth
    # airline to file" (not "the second half", "the third quarter")
    r"(?:is|was|are|were|marks|marked) (?:only |now |also )?(?:the|its|their) (?:second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?!half|quarter|round|reading)(?=[a-z])|"
    r"rank\w*|[a-z]+-(?:year|month|week|decade) (?:low|high)|leading in the polls|"
    r"per capita|average|(?:nearly|almost) all|most of|"
    r"(?:a|one|two) (?:third|quarter|fifth|half)|half of|"
    # "nearly two-thirds", "three quarters of" (not "the last three quarters" of a year)
    r"(?:two|three|four)(?:-| (?=\w+ of\b))(?:thirds|quarters|fifths))\b",
    re.I,
)
# The same pattern run without re.I on lowercased text, where it is faster. That finds the
# same things only while the pattern holds no capital letter (``\D`` or ``\S`` included)
# and the text none of the letters that re.I matches to an ASCII letter but lower() leaves
# or spells apart (the Turkish dotted and dotless i, the long s).
_STATISTIC_LOWER = re.compile(STATISTIC.pattern)
_CASE_APART = re.compile("[\u0130\u0131\u017f]")
_DIGIT = re.compile(r"\d")
assert STATISTIC.pattern == STATISTIC.pattern.lower(), "STATISTIC is run on lowercased text"


def statistic(text: str) -> bool:
    """Whether ``STATISTIC`` finds something in ``text``."""
    if _DIGIT.search(text):
        return True
    if text.isascii() or not _CASE_APART.search(text):
        return _STATISTIC_LOWER.search(text.lower()) is not None
    return STATISTIC.search(text) is not None


# How often: "once every decade", "one in four patients" (tried when STATISTIC finds nothing).
FREQUENCY = re.compile(
    rf"\b(?:(?:once|twice) (?:a|an|every|per) \w+|(?:one|{_WORD_NUMBER}) (?:in|out of) "
    rf"(?:every )?(?:\d+|{_WORD_NUMBER}))\b",
    re.I,
)
# "at least six patients": a count written as a word, with a bound. In a forecast ("will
# replace at least four ministers") the check is whether it happens, not the count.
WORD_COUNT = re.compile(
    rf"\b(?:at least|at most|more than|fewer than|up to|as many as) {_WORD_NUMBER}\b", re.I
)
CAUSAL = re.compile(
    # "due to open in August", "due to be sentenced": a date set, not a cause
    r"\b(?:because|caus(?:e|ed|es|ing)|due to(?! (?:be|open|start|begin|close|end|expire|"
    r"take|come|arrive|resume|reopen|meet|vote|report|appear|finish|launch|return|sit|hold|"
    r"run|retire|publish|rule|decide|hear|testify|give|sign|visit)\b)|as a result|"
    r"result(?:ed|s)? in|led to|lead to|"
    r"(?:is|was|are|were|partly|largely|mainly|mostly) (?:the|a) (?:direct )?result of|"
    r"driven (?:\w+ ){0,2}?by|reflect(?:s|ed)?|thanks to|blamed|responsible for|so that|"
    r"attribut(?:e|es|ed|ing) \w+(?: \w+){0,4} to|(?:bring|brings|brought|bringing) "
    r"(?:[\w-]+ ){0,2}?back|prompted|triggered|"
    r"traced (?:[\w-]+ ){1,4}?to|"
    r"(?:(?<=\bbeen )|(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bwere ))linked to|"
    r"account(?:s|ed)? for [^.;]{0,40}?\b(?:increase|rise|rising|fall|drop|decline|growth|"
    r"gain|loss|jump|change)|"
    r"(?:drove|drives|pushed|pushes) (?!out of\b)(?:[\w,-]+ ){1,5}?(?:up|down|out)|"
    # (paying in is no cause: "workers contribute to the pension fund each month")
    r"sparked|fuell?ed|contributed to|contribut(?:e|es|ing) to(?! (?:the |a |an |its |their |"
    r"his |her )?(?:[\w-]+ )?(?:funds?|pensions?|schemes?|plans?|campaigns?|charit(?:y|ies)|"
    r"appeals?|budgets?|pots?|kitty|accounts?|savings)(?![\w-])| (?:the |its |their )?cost of\b)|"
    r"only after|(?:not|no) (?:a )?coincidence|"
    r"(?:main|chief|primary|principal|biggest|key|major|one) reasons?\b(?! to\b)|"
    r"in retaliation for|"
    r"forc(?:ed|ing) (?!to\b|entry\b|open\b|their way\b)(?:[\w’',.-]+ ){1,5}?to\b|"
    # "is explained by the rains" names a cause; "explains that ..." reports what was said
    r"without [^,.]{1,40}, [^.]{0,80}\bwould|explains?(?! that\b)|"
    r"(?:is|are|was|were|be|been|partly|largely|mostly|mainly) explained by)\b",
    re.I,
)
# Why a source is not named is not the claim: "who asked not to be named because they feared
# for their jobs" (up to the end of the aside).
ANONYMITY_ASIDE = re.compile(
    r"\b(?:anonymity|(?:not|want|wish|wished|wanted) to be (?:named|identified)|"
    r"declined to be (?:named|identified)|(?:not|never) be (?:named|identified)|"
    r"if not (?:named|identified)|names? (?:not be used|be withheld)|"
    r"speaking (?:privately|on background|off the record)|"
    r"not authori[sz]ed to (?:speak|comment|discuss|talk))\b[^,;]*"
)
ANONYMITY_KEYS = ("anonymity", "to be named", "to be identified", "authori", "name not",
                   "names not", "withheld", "be named", "be identified", "not named",
                   "not identified", "speaking")
# "the River Forecast Centre", "the Climate Prediction Center": a body's name forecasts nothing
NOT_A_BODYS_NAME = rf"(?!(?-i:{CAP}\w+ (?:Cent(?:re|er)|Office|Service|Unit))\b)"
PREDICTION = re.compile(
    NOT_A_BODYS_NAME + r"\b(?:will|won't|is going to|are going to|expected to|expects?|"
    r"forecast\w*|predict\w*|"
    r"(?<!\ba )(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bno )plans? to|"
    r"next (?:year|month|week)|likely to|on track to|(?:more|less) likely|"
    r"unlikely)\b",
    re.I,
)
# "it could derail the talks", "stock may return": what may happen (not "could have", which
# looks back; "might have to" looks ahead; "May" the month is capitalised). People who may do
# what they are let do are given leave, not a forecast ("Customers may return the heaters").
_LET = "customers visitors tenants residents passengers applicants drivers members parents " \
    "students shoppers users owners fans voters buyers employees travellers travelers".split()
_LET_DO = (r"(?:apply|return|bring|collect|claim|use|park|register|request|submit|call|contact|"
           r"visit|attend|choose|opt|keep|enter|wear|book|vote)")
# "may" that gives no leave (its checks run only where "may" is found).
MAY_NOT_LEAVE = ("may\\b(?:" + "".join(f"(?<!(?i:{word}) may)" for word in _LET)
                 + rf"|(?! (?:also |still )?{_LET_DO}\b))")
MAY_HAPPEN = re.compile(
    r"\b(?:could|might)\b(?! have\b(?! to\b))|\b" + MAY_NOT_LEAVE + r"(?! have\b(?! to\b))"
)
# Reported speech about what others would do: "officials said the government would ...".
REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|say|told \w+|warned|cautioned|predicted|estimated)(?:,| that)? "
    r"(?!it\b|they\b|he\b|she\b|we\b)(?:[\w’'.,-]+ ){1,6}?(?:would|could|will|might)\b"
)
# "The office said it would review ...": a body announcing what it will do, an event.
OWN_PLAN = re.compile(
    r"\b(?:said|says|announced)(?: (?:on|in) (?:a )?\w+)? (?:that )?(?:it|they) (?:would|will)\b"
)
# A ratio is a comparison before it is a number: "twice as far", "ten times as much as".
RATIO = re.compile(
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
EARLIER = re.compile(
    r"\bas \w+ as (?:[\w-]+ ){0,4}?(?:earlier|ago|before|"
    r"(?:in|at the start of|at the end of|since) (?:19|20)\d\d|last (?:year|month|week))\b"
)
DEGREE_COMPARISON = re.compile(
    r"\b(?:slightly|significantly|much|far|substantially|markedly|sharply|considerably) "
    r"(?:higher|lower|better|worse|fewer|faster|slower|larger|smaller)\b",
    re.I,
)
# A vote is checked against the record of the vote: its tally and the counts around it are
# context; only money and shares make it a statistic.
VOTE = re.compile(
    r"\bvot(?:ed|e of|ing) (?:\d+|[a-z]+)(?:-| to )(?:\d+|[a-z]+)\b|\b(?:won|received|got|"
    r"drew|secured) (?:only |just )?(?:\d+|[a-z]+) votes\b|\b\d+ votes? to \d+\b|"
    r"\b(?:no-)?confidence (?:motion|vote)|"
    r"\b(?:censure|no-confidence) motion|\bmotion (?:of|to) (?:no )?(?:confidence|censure)\b|"
    r"\b(?:in )?vot(?:ed|ing) (?:yes|no|aye|nay)\b|\bin voting (?:for|against)\b|"
    r"\b(?:passed|carried|adopted|approved|rejected|defeated)(?: [\w-]+){0,3}? (?:by \d{1,3}"
    r"(?:-| to )\d{1,3}|\d{1,3}-\d{1,3})\b|\b\d{1,3} of (?:the |its )?\d{1,3} (?:[\w-]+ ){0,2}?"
    r"vot(?:ed|ing)\b"
)
MONEY_OR_SHARE = re.compile(r"[$€£%]|\bper ?cent\b")
OPINION = re.compile(
    r"\b(?:I think|I thought|I believe|I feel|in my (?:view|opinion)|should|must)\b", re.I
)
_QUANTITY = (
    r"(?:(?:US|A|C|NZ|HK)?\$|€|£)?\d|"
    r"a (?:third|quarter|half|fifth|dozen|hundred|thousand|million|billion)|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half|"
    r"hundreds|thousands|millions|a few|once|twice"
)
HEDGES = re.compile(
    # "could not recover the costs" says what was impossible, not how sure anyone is ("could
    # not rule out" still hedges)
    r"\b(?:" + MAY_NOT_LEAVE + "|"
    r"(?i:(?:could(?!(?: not|n[’']t) (?!(?:be )?ruled? out\b))|might|perhaps|possibly|"
    r"probably|unlikely|considered|reportedly|"
    r"(?<!less )(?<!more )(?<!\bas )likely(?! [a-z]+ers?\b)|allegedly|apparent(?:ly)?|believed to|"
    r"believes?(?! in\b)|appeared to|appears to|seems?|suggest(?:s|ed)?|roughly|nearly|"
    r"almost|worries|expected to|typically|(?<!no )estimated|"
    # "DairyNZ estimates the price at ...": an estimate now, as "estimated" is one then; not
    # the noun ("the estimates", "its estimate")
    r"(?<!\bthe )(?<!\bits )(?<!\btheir )estimates(?= (?:that|the|its|their)\b|"
    r" [$€£]?\d| [\w’'-]+ (?:at|will|would|could)\b)|"
    r"(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\ban )(?<!\bAn )(?<![’']s )estimate(?= that\b))\b|"
    # "some 40 people": an approximate number, as "about 40" is
    rf"(?:about|around|approximately|roughly|some(?= \d)(?! (?:19|20)\d\d\b)|"
    rf"as (?:many|much|few) as) "
    rf"(?={_QUANTITY}|the size of)))"
)
# "expect prices to rise", "we expect to be back", "now expects only one cut", "a 60 per
# cent chance of": a forecast's own hedge
EXPECT_TO = re.compile(
    r"\b(?:[Ee]xpects? (?:[a-z][\w-]* ){0,6}?to\b|"
    r"(?:I|we|[Ww]e|[a-z]+|[Oo]fficials?) (?:now |still )?expects?\b(?! that\b)|"
    r"(?:per ?cent|percent|%) (?:chance|probability|likelihood)\b)"
)
QUOTE_MARKS = re.compile(r"[“”\"]")
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
EXPLICIT_COMPARISON = re.compile(
    # "rather than", "other than" offer an alternative, not a comparison
    r"\b(?:(?<!rather )(?<!other )than|compared (?:with|to)|versus|twice as|outpac\w+|"
    r"outperform\w*|surpass\w*|overt(?:ook|aken|akes))\b",
    re.I,
)
DATES = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?=,? (?:19|20)\d\d)|"
    # an older year after "in", "since", "until" ("last erupted in 1631"; not "in 1700 stores")
    r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil ))1[0-7]\d\d\b(?! [a-z])|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:[-–]\d{1,2})?\b|"
    r"\b\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\b\.?|\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:.]?\d)|"
    r"\b\d{1,3}-\d{1,3} (?:vote|decision)?|"
    r"\b\d{1,3}-\d{1,3}\b(?= (?:early|late|on|in|to|vote)|[.,;]?$)|\b\d{1,3}-year-old\b|"
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|"
    r"\b(?:Route|Highway|Interstate|Hwy|Motorway|Platform|Gate|Terminal|Flight|District|Ward|"
    r"Precinct) \d+\b|\b[Vv]ersion \d+(?:\.\d+)*\b|"
    # a street address: "at 2400 Orchard Lane", "4718 Rainier Ave. S.", "the 2200 block of"
    # (not a count of what a name qualifies: "40 High Street branches", "9 Supreme Court
    # justices")
    rf"\b\d{{1,5}} (?:(?:[NSEW]\.? )?(?:[{CAPITALS}0-9][\w’'.-]* ){{1,3}}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|"
    r"Lane|Ln|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Terrace|Way)\b"
    r"(?!\.?\s+(?!(?:was|is|has|as|its|his|this|thus|across|plus|unless|whereas|perhaps|"
    r"always|towards|afterwards|besides|sometimes)\b)[a-z][\w-]*s\b)|block of\b)|"
    # a span that dates an act: "within 90 days", "19 days before her death", "13 months later"
    r"\bwithin (?:the )?\d+ (?:days?|weeks?|months?|years?)\b|"
    r"\b\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) "
    r"(?:later|after|before|earlier|ago)\b|"
    # a measure that names the thing it qualifies: "a 48-hour strike", "a 21-metre mast",
    # "the 97-page accord"
    r"\b\d{1,3}-(?:hour|day|week|month|year|minute|mile|seat|bed|storey|story|member|acre|"
    r"metre|meter|foot|inch|km|kilometre|kilometer|page)\b"
    r"(?! (?:high|low|record|peak))|"
    # a medicine's strength names the product: "36mg tablets", "30mg, 50mg and 70mg capsules"
    r"\b\d+(?:\.\d+)? ?(?:mg|mcg|µg)\b(?=(?:[^.;\d]|\d+(?:\.\d+)? ?(?:mg|mcg|µg)\b){0,60}?"
    r"\b(?:tablets?|capsules?|pens?|vials?|patch(?:es)?|inhalers?|sachets?)\b)"
)
# An age after a name, "Ana Ruiz, 34, said": who speaks, not what is checked. (Left out of
# DATES: a named witness's account is still worth proposing.)
AGE = re.compile(rf"\b{CAP}[a-z’'-]+, \d{{1,3}},")


# Words that judge rather than state: a quote made only of them is an opinion to report,
# not a claim to check. A general list of evaluative English, not one article's phrases.
JUDGING_WORDS = frozenset(
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
    embarrassing embarrassed hypocritical insulting cruel brilliant terrific gutted gobsmacked
    horrified dismayed livid furious baffled bewildered elated ecstatic overjoyed""".split()
)
JUDGING_PHRASES = re.compile(
    r"\b(?:right (?:decision|thing|call|move)|(?:ir)?responsible thing|tired of|bad idea|"
    r"I (?:just )?(?:want|wish|love|hate|feel|think|believe)|I am|we are (?:proud|pleased|"
    r"disappointed|grateful|confident)|"
    # a vow of resolve, which promises nothing a desk could check ("We will not give up
    # without a fight", "Campaigners vowed to fight on", "we'll keep pushing")
    r"(?:will|'ll|would|won't|wouldn't|never|vow(?:ed|s)? to|pledged? to|promised? to)\s+"
    r"(?:not\s+|never\s+)?(?:back down|stop fighting|keep fighting|fight on|be silenced|"
    r"be intimidated|be bullied|go away quietly|"
    # with an object these are acts: "Glencore will give up its stake", "keep pushing rates"
    r"(?:give up|keep pushing|keep campaigning)(?=\s*(?:[.,;!?”\"’]|$)|\s+(?:without a fight|"
    r"now|yet)\b))|"
    # a commitment in the abstract ("the government was committed to decongesting the
    # city"): a figure or a date with it states something (see ``states_fact``)
    r"(?:is|was|are|were|remains?|remained) (?:\w+ly )?committed to(?! (?:stand )?trial| prison|"
    r" jail| hospital| a psychiatric| custody| the \w+ Court)|"
    # a boast, a feeling or a superlative of one's own experience ("Mark my words", "we're
    # going to win", "It feels like 1929 all over again", "at breaking point", "the best day
    # of my life", "the best atmosphere I've ever experienced")
    r"mark my words|(?:we|I)(?:'re| are|'m| am) going to win|fe(?:el|els|lt) like|"
    r"at (?:a )?breaking point|on (?:its|their|our) knees|lit up (?:every|any|the) room|"
    r"(?:best|worst|happiest|saddest|proudest) (?:day|night|moment|week|year)s? of (?:my|our|"
    r"his|her|their) (?:life|lives|career)|(?:I|we)(?:'ve| have) (?:\w+ )?ever (?:seen|"
    r"experienced|known|witnessed|felt)|"
    # a feeling, a pledge or a lesson in set words ("felt abandoned", "leave no stone
    # unturned", "learn lessons"; an inquiry's "failed to learn lessons" is a finding)
    r"fe(?:el|els|lt) (?:so |very |completely |totally )?(?:abandoned|ignored|betrayed|let down|"
    r"forgotten|powerless|helpless|unsafe|unwelcome|overwhelmed)|leave no stone unturned|"
    r"(?<!failed to )(?<!failing to )(?<!fail to )learn(?:ed|t)? (?:the |any |from the )?lessons|"
    # an answer that gives none ("We'll see", "Time will tell", "nothing to add")
    r"nothing (?:more |further )?to (?:add|say)|no further comment|"
    r"(?:we|I)(?:'ll| will) (?:just )?(?:have to )?(?:wait and )?see(?=[.!,]|$)|time will tell)\b",
    re.I,
)
LOWER_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Regular past tenses, and the irregular ones news copy uses most.
_IRREGULAR_PAST = (
    "made took gave went came saw kept won lost fell rose "
    "grew paid sold bought spent left led met ran cut hit shut set put sent built brought "
    "caught fought found held stood drew drove flew threw wrote broke chose froze spoke "
    "stole began sank shrank swore tore wore became overtook withdrew sought taught struck "
    "hid bit lent dealt slid split spread quit"
)
IRREGULAR_PAST = tuple(_IRREGULAR_PAST.split())
# after "had" (what had happened before the reported moment)
_PARTICIPLES = (
    "broken taken given done gone grown known shown thrown written driven fallen risen "
    "stolen begun chosen frozen spoken hidden seen eaten forgotten sunk shrunk withdrawn"
)
PAST_EVENT = re.compile(
    rf"\b(?:has been|have been|had been|[a-z]{{3,}}ed|{'|'.join(_IRREGULAR_PAST.split())}|"
    rf"had (?:already |not |never |just )?(?:{'|'.join(_PARTICIPLES.split())}))\b"
)


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    AGE, CAUSAL, DATES, DEGREE_COMPARISON, DESIGNATION, EARLIER, EXPLICIT_COMPARISON,
    FREQUENCY, HEDGES, JUDGING_PHRASES, MAY_HAPPEN, MONEY_OR_SHARE, OPINION, PAST_EVENT,
    PREDICTION, STATISTIC, VOTE, WORD_COUNT, _STATISTIC_LOWER,
) = first_looks(
    AGE, CAUSAL, DATES, DEGREE_COMPARISON, DESIGNATION, EARLIER, EXPLICIT_COMPARISON,
    FREQUENCY, HEDGES, JUDGING_PHRASES, MAY_HAPPEN, MONEY_OR_SHARE, OPINION, PAST_EVENT,
    PREDICTION, STATISTIC, VOTE, WORD_COUNT, _STATISTIC_LOWER,
)
