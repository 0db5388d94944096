"""Colour: what a report shows rather than states, set aside by the news prior whatever
numbers or dates it holds.

A scene set at an hour or on the reporter's visit, a crowd counted roughly and where it
stands or queues, a crowd's reaction, and a vox pop (a member of the public introduced by
their life or their age rather than a role). Each is a convention of news writing: the
reader is shown the story, and nothing in the sentence is the claim.
"""

from __future__ import annotations

import re

from workbench.extraction import kinds
from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP

_DIGIT = re.compile(r"\d")
# A vox pop: a voice the article introduces by their life rather than a role ("said Gail
# Hornby, who has lived on the street for 31 years", "Tom Ferris, 64, who has fished out of
# the harbour since 1979, said ..."); not "who led the study". The name may carry a home
# town ("asked Mary Doyle from Ballina, whose ...") and come before the verb or after it.
_NAME = (
    rf"{CAP}[\w’'.-]*(?:\s+{CAP}[\w’'.-]*){{0,3}}"
    rf"(?:\s+from\s+{CAP}[\w’'-]+(?:\s+{CAP}[\w’'-]+)?)?"
)
_VOICE_VERBS = ("said", "says", "asked", "added", "told", "declared")
_VOICE_VERB = f"(?:{'|'.join(_VOICE_VERBS)})"
_LIFE = (
    r"(?:who|whose)\s+(?!(?:led|leads|directs|directed|heads|headed|runs|ran|chairs|chaired|"
    r"oversees|oversaw|manages|managed|founded|co-founded|wrote|co-wrote|authored|represents|"
    r"represented|studies|studied|researches|tracks|teaches|advises|sponsored|proposed|"
    r"coordinates|coordinated|is|was|serves|served|helped)\b)"
)
_VOX_POP = re.compile(
    rf"\b{_VOICE_VERB}\s+{_NAME},(?:\s+\d{{1,3}},)?\s+{_LIFE}"
    rf"|^{_NAME},(?:\s+\d{{1,3}},)?\s+{_LIFE}[^“”\"]{{3,120}}?,\s+{_VOICE_VERB}\b"
)
# A voice given an age and an everyday line is a member of the public ("said Ana Reyes, 58, a
# retired teacher", "Tom Lee, 34, a cab driver, said"): news gives ages to passers-by, titles
# to officials and experts.
_EVERYDAY = (
    r"an?\s+(?!(?:[\w-]+ ){0,2}(?:professor|researcher|scientist|economist|analyst|director|"
    r"chief|head|spokes\w+|official|doctor|physician|surgeon|consultant|lawyer|attorney|expert|"
    r"manager|executive|founder|owner|minister|member|officer)\b)"
    # "a nurse at the hospital": staff of a place in the story speak as witnesses to it
    rf"(?![^,.;“”\"]{{0,40}}\bat\s+(?:the\b|{CAP}))"
)
# An age and no office at all is the same: "said shop owner Ana Reyes, 58." at the end of the
# sentence, or "Her son, Tom Lee, 34, said: ..." before the quote. So is an everyday line with
# a home or a family ("said Ana Reyes, a cook who lives in Vila Nova", "a mother of three"),
# and an age given as many English editions of French and Spanish papers give it ("said Ana
# Reyes, a fish trader of 41 years.").
_AGED_VOICE = re.compile(
    rf"\b{_VOICE_VERB}\s+{_NAME},\s+{_EVERYDAY}[^,.;“”\"]{{0,40}}?\b(?:who (?:lives|has lived|"
    r"grew up)\b|(?:mother|father|parent|grandmother|grandfather) of (?:\d+|[a-z]+)\b)"
    rf"|\b{_VOICE_VERB}\s+{_NAME},\s+{_EVERYDAY}[a-z -]{{1,30}}? of \d{{1,2}} years\.?$"
    rf"|\b{_VOICE_VERB}\s+{_NAME},\s+\d{{1,3}},\s+{_EVERYDAY}"
    rf"|^{_NAME},\s+\d{{1,3}},\s+{_EVERYDAY}[^,.;“”\"]{{1,60}},\s+{_VOICE_VERB}\b"
    rf"|\b{_VOICE_VERB}\s+(?:{CAP}[\w’'-]*\s+)?(?:[a-z-]+\s+){{0,2}}{_NAME},\s+\d{{1,3}}\.?$"
    rf"|^(?:(?:His|Her|Their) [a-z-]+(?: [a-z-]+)?, )?{_NAME},\s+\d{{1,3}},\s+{_VOICE_VERB}\b"
    # what they are in daily life, before the name: "said pensioner Margaret Hughes", "said
    # Bega resident Kylie Nguyen", "said 19-year-old Aoife Kelly", "said mother of three ..."
    rf"|\b{_VOICE_VERB}\s+(?:{CAP}[\w’'-]*\s+)?(?:\d{{1,3}}-year-old\s+)?(?:pensioner|retiree|"
    r"resident|local|shopper|commuter|villager|homeowner|tenant|passer-by|onlooker|student|"
    r"pupil|fan|voter|worshipper|mourner|survivor|neighbou?r|(?:mother|father|grandmother|"
    rf"grandfather|parent) of (?:\d+|[a-z]+))\s+{_NAME}(?:,\s+\d{{1,3}})?\.?$"
    rf"|\b{_VOICE_VERB}\s+\d{{1,3}}-year-old\s+{_NAME}\.?$"
)
# Scene-setting: "On a recent afternoon, ...", "At the hospital on Wednesday afternoon, ..."
# An hour with an indefinite article is a scene too: "On a Tuesday morning last week, ...",
# "Under the bridge on a cold morning this month, ..." ("On Tuesday morning, ..." is a date).
# Only an opening phrase of place sets a scene: "The fire broke out on a Sunday night, ..."
# is the event itself.
_SCENE = re.compile(
    r"^(?:(?:On|One) (?:a )?(?:[a-z]+ )?recent|(?:At|In|Outside|Inside) [^,]{3,80}? on "
    r"(?:a )?(?:[a-z]+ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|recent)) "
    r"(?:morning|afternoon|evening|night|day),"
    r"|^(?:(?:At|In|Under|Outside|Inside|Behind|Beside|Along|Near|Across|Around|By) [^,]{0,80}? "
    r"[Oo]n|On) (?:a|an|one) (?:[\w-]+ ){0,2}(?:morning|afternoon|"
    r"evening|night)(?: (?:last|this|in|of|outside|near|at|on) [^,]{2,60}?)?,"
    # the reporter's own visit: "On a visit last week, ...", "During a recent visit to the
    # farm, ..." (no name in it: "On a visit to Kyiv on Monday, the minister ..." is news)
    r"|^(?:On|During) (?:a|an|one) (?:recent |brief |earlier )?visit\b[^,A-Z]{0,60},"
    # "It was a warm Sunday afternoon in late August when ...": the hour of what follows
    r"|^It was an? (?:[\w-]+ ){0,3}(?:morning|afternoon|evening|night|day)\b[^,.;]{0,40}? "
    r"when\b"
)
# A scene set at a place on a day and shown as it was, in the reporter's words: "At the
# depot on Monday, drivers were still waiting for their pay", "Outside the court on Friday,
# a few supporters stood in the rain" (what people were doing then, or where they sat or
# stood). "At the depot on Monday, the company said it would cut 40 jobs" is news.
_SET_SCENE = re.compile(
    r"^(?:At|On|In|Outside|Inside|Along|Near|Under|Across) [^,]{3,80}? on (?:a |an )?"
    r"(?:recent )?(?:[\w-]+ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"weekday)(?: (?:morning|afternoon|evening|night))?, [^.;“”\"]{0,80}?\b(?:(?:were|was) "
    r"(?:still |already )?[a-z]{3,}ing|sat|stood|waited|queued|huddled|milled|lingered|"
    r"spilled|crowded)\b"
)
# A crowd counted roughly that fills a room or looks on ("About 40 people filled the
# gallery", "More than 150 parents packed the hall"): colour, whatever number it holds.
# Where a crowd stands, sits or queues is colour too ("About 30 nurses sat in the public
# gallery", "Some 50 parents stood outside in the rain"), and so is a queue that formed
# ("a queue of about 80 people had formed by dawn").
_CROWD_WHO = (
    r"(?:people|residents|parents|supporters|fans|spectators|onlookers|neighbou?rs|relatives|"
    r"family members|students|teachers|workers|commuters|colleagues|protesters|demonstrators|"
    r"campaigners|mourners|nurses|shoppers|voters)"
)
# A phrase of time or place may come first: "By Sunday, about 300 residents had gathered";
# a crowd that gathered or protested is colour only in the reporter's words ("About 2,500
# fans gathered ..., police said" is the police's count).
_ROUGH_CROWD = re.compile(
    r"^(?:(?:On|By|At|In|Outside|Inside|Near|Later|Earlier)\b[^,.;]{1,60}, )?"
    r"(?:[Aa]bout|[Aa]round|[Rr]oughly|[Nn]early|[Aa]lmost|[Mm]ore than|[Oo]ver|[Ss]ome|"
    r"[Ss]everal|[Dd]ozens|[Hh]undreds|[Ss]cores|A few (?:dozen|hundred))\b"
    rf"[^.;]{{0,40}}?\b{_CROWD_WHO}\b"
    r"[^.;]{0,60}?\b(?:packed|filled|crowded|thronged|lined|watched|looked on|stood|sat|"
    r"waited|queued|(?P<gathered>gathered|protested|demonstrated|marched|sang|danced|chanted|"
    r"cheered|celebrated|partied))\b(?! to\b)"
)
# More of the scene, in the reporter's words and with no figure of its own: a crowd that
# reacts ("The audience of about 300 jeered"), a queue that stretched ("the queue outside
# the bakery snaked around the corner") and people waiting, sitting or wearing ("families
# slept on the terminal floor", "Tourists wore ponchos").
_SCENE_GROUP = (
    r"(?:families|children|women|men|people|residents|volunteers|passengers|commuters|"
    r"office workers|shoppers|pedestrians|villagers|mourners|fans|protesters|crowds|mothers|"
    r"fathers|parents|patients|"
    r"onlookers|spectators|worshippers|tourists|queues|lines)"
)
_MORE_SCENE = re.compile(
    r"^(?:The|A) (?:crowd|audience|gallery|room|hall)(?: of (?:about|around|roughly|some|"
    r"nearly|more than|over) [\d,]+(?: [a-z]+)?)? (?:[a-z]+ )?(?:booed|cheered|applauded|"
    r"jeered|laughed|gasped|groaned|erupted|fell silent|went quiet|heckled)\b"
    r"|\b(?:line|queue)s? (?:[^,.;]{0,60} )?(?:stretched|snaked|wound|curled) (?:around|down|"
    r"along|out|past|through|into|back)\b"
    # how a room took it: "The verdict was met with gasps", "Tempers flared"
    r"|\b(?:was|were) (?:met|greeted|received) with (?:gasps|applause|cheers|boos|jeers|"
    r"silence|laughter|tears|groans|derision|dismay|a standing ovation)\b"
    r"|^Tempers (?:flared|frayed|ran high)\b[^,;]{0,60}$"
    # the place may take two phrases: "In the town, at the door of the mosque, mothers waited"
    rf"|^(?:{CAP}[^,.;]{{2,80}}, (?:[a-z][^,.;]{{2,80}}, )?)?(?:{CAP}\w+ )?(?i:{_SCENE_GROUP})"
    r"(?: (?:in|at|on|outside|inside|near|along|under) [^,.;]{1,40}?)? (?:waited|sat|stood|"
    r"queued|huddled|milled|lingered|slept|sheltered|wore|clutched|chatted|sang|prayed|wept|"
    r"hugged|lined up)\b"
)
# A group's mood: "Investors on Friday were unconvinced", "Local traders seemed unmoved".
_MOOD = re.compile(
    r"^(?:[\w’'-]+ ){0,3}?(?i:fans|traders|investors|residents|voters|supporters|critics|"
    r"viewers|readers|users|markets?|shoppers|parents|members)(?: [\w ]{1,20}?)? (?:were|was|"
    r"looked|seemed|appeared|remained|sounded) (?:(?:less|more|far|much|not|still|very|deeply|"
    r"clearly) ){0,2}(?:forgiving|"
    r"convinced|unconvinced|impressed|unimpressed|happy|unhappy|pleased|sceptical|skeptical|"
    r"divided|wary|cautious|nervous|jittery|upbeat|optimistic|pessimistic|enthusiastic|"
    r"receptive|unmoved|calm|angry)\b"
)
# A person in the scene: given an age and shown watching or waiting ("Okafor, 61,
# watched the vote from the public seats"), or described by their dress ("Ruiz, in a grey
# suit, showed no emotion"); a bio of a voice ("She has farmed there for 30 years").
_FIGURE = re.compile(
    rf"^{CAP}[\w’'-]+(?: {CAP}[\w’'-]+){{0,2}}, "
    r"(?:\d{1,3}, (?:[a-z]+ ){0,2}(?:watched|sat|stood|"
    r"waited|listened|looked on|wept|clutched)\b|(?:in|wearing|dressed in) (?:a|an|his|her|their) "
    r"(?:[\w-]+ ){0,3}(?:suit|uniform|jacket|shirt|t-shirt|dress|coat|jumpsuit|hoodie|sweater|"
    r"jersey|robes?|gown|scarf|hat|cap|blazer|tie)s?, )"
    r"|^(?:He|She|They) (?:has|have) (?:lived|worked|traded|farmed|fished|taught|sold|kept|"
    r"run|driven|owned) [^,;]{0,60}?\bfor (?:\d+|[a-z]+(?:-[a-z]+)?) (?:years|decades)\.?$"
)
_TOLD = re.compile(r"\b(?:said|says|say|told|reported|according to|estimated|counted)\b")
# a count in words after the scene is news of its own ("Passengers sat on the tarmac for
# six hours")
_WORD_FIGURE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand)\b", re.I
)
_CODE = re.compile(r"\b[A-Za-z]+\d[\w-]*")  # a mask, a plane, a road: "KF94", "A320"
_QUEUE = re.compile(
    r"^(?:[^,;]{1,40}, )?an? (?:queue|line) of (?:about|around|roughly|nearly|some|more than|"
    rf"over|at least) [\d,]+ {_CROWD_WHO}\b"
)
_REACTION = re.compile(
    r"\b(?:cheered|applauded|booed|jeered|celebrated|chanted|wept|packed|rallied|"
    r"gathered|erupted|filled|crowded|thronged|queued)\b"
)


def scene(text: str, speaker: str | None) -> bool:
    """Whether ``text`` sets a scene, or shows a crowd or a queue: colour told by the
    reporter (a visit told by a source, "During a visit ..., engineers found ..., the
    ministry said", is the source's finding)."""
    if (" morning" in text or " afternoon" in text or " evening" in text or " night" in text
            or " day," in text or " visit" in text) and _SCENE.match(text) and not (
            " visit" in text and speaker):
        return True
    if (" queue of " in text or " line of " in text) and _QUEUE.match(text):
        return True  # who waits in a queue, whatever they carry
    crowd = _ROUGH_CROWD.match(text)
    told = bool(speaker) or bool(_TOLD.search(text))
    if crowd and not (crowd.group("gathered") and told) and not _figure_after(
            text, crowd.end()):
        return True
    more = not told and (_MORE_SCENE.search(text) or _MOOD.match(text) or _FIGURE.match(text)
                         or (" on " in text and _SET_SCENE.match(text)))
    if not more:
        return False
    rest = _CODE.sub(" ", text[more.end():])
    return not kinds.fact_kinds(rest) and not _WORD_FIGURE.search(rest)


# The words of an office: a post or the body it is held in.
_OFFICE = re.compile(
    r"\b(?:chief|executive|officer|director|president|chair(?:man|woman|person)?|minister|"
    r"secretary|mayor|governor|senator|commissioner|councill?or|manager|spokes\w+|board|"
    r"committee|council|cabinet|parliament|senate|assembly|congress|department|ministry|"
    r"agency|authority|commission)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,.;]")


def vox_pop(text: str) -> bool:
    """Whether a named voice is a member of the public: introduced by their life ("who has
    lived on the street for 31 years") or by an age and an everyday line ("58, a retired
    teacher"). A clause that gives an office ("who took over as finance director in May",
    "who sits on the transport committee") introduces a role, not a life."""
    life = "who" in text and _VOX_POP.search(text)
    if life:
        start = text.find(" who", life.start())
        end = _CLAUSE_END.search(text, start)
        if _OFFICE.search(text, start, end.start() if end else len(text)):
            life = None
    if life:
        return True
    aged = any(verb in text for verb in _VOICE_VERBS) and _AGED_VOICE.search(text)
    if not aged:
        return False
    # an office in the introduction is a role ("said Mayor Tom Hale, 58.", "a mother of two
    # who chairs the board": the introduction runs on to the end of its clause)
    end = _CLAUSE_END.search(text, aged.end())
    stop = end.start() if end else len(text)
    if aged.group().endswith(_VOICE_VERBS) or any(
            mark in text[aged.end():stop] for mark in "“”\""):
        stop = aged.end()
    return not _OFFICE.search(text, aged.start(), stop)


def crowd_reacts(text: str, facts: frozenset[str]) -> bool:
    """Whether ``text`` tells how a crowd reacted: a reaction verb, and any vague count
    ("hundreds of") counts the crowd before it, not what it acted on ("Floodwater filled
    hundreds of basements" is damage, not a crowd)."""
    reaction = _REACTION.search(text)
    return bool(reaction) and (
        not facts or "statistic" in kinds.fact_kinds(text[: reaction.start()])
    )


def _figure_after(text: str, start: int) -> bool:
    """Whether a figure other than a date or a time follows a crowd's count: "About 500
    workers filled the car park after managers announced 300 layoffs" is news of its own;
    "... packed the hall for the meeting, which ran past 11 p.m." is not."""
    rest = _CLOCK.sub(" ", text[start:])  # "at 11:42 local time"
    return bool(_DIGIT.search(rest)) and "statistic" in kinds.fact_kinds(rest)


_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _AGED_VOICE, _OFFICE, _WORD_FIGURE,
) = first_looks(
    _AGED_VOICE, _OFFICE, _WORD_FIGURE,
)
