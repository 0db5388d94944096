"""Who says so: the speaker of each sentence, read across the article as a whole.

A fact-checker checks a quote against the person it is attributed to, so the speaker
matters as much as the words. Three habits of news writing drive the rules here:

* the speaker is named next to a speech verb (``Trump said``, ``said Benjamin Gedan``,
  ``Paloma Valencia, a conservative presidential hopeful, said``, ``according to ...``);
* later sentences refer back with a pronoun (``..., he said.``) or simply continue the
  quote, and both mean the person the article last quoted;
* a quote without a name is a defect to flag, not to guess: ``said , who served as ...``
  lost its name in production, and the ``he said`` after it refers to that missing person,
  so it inherits the ``missing_speaker`` flag instead of a wrong name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.extraction import documents

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|wrote|writes|argued|noted|explained|"
    r"insisted|warned|declared(?! (?:a|an|the|its|his|her|their)\b)|stated|claimed|asked|"
    r"replied|recalled|acknowledged|"
    r"announced|read|reads|tweeted|testified|reported|reports|estimated|estimates|cautioned|"
    r"predicted|concluded|blamed|blames|accused|accuses|conceded|concedes|cited|cites|"
    r"credits|credited|pointed to|points to|disclosed|discloses|"
    # a forecast is attributed like speech: "The IMF projected in July that ..."
    r"(?:projected|forecasts?|projects?)"
    r"(?= (?:that|in|on|last|this|earlier|an?|the|[a-z]+-(?:quarter|year))\b)|estimate(?= that\b)"
)
_NAME = r"(?:[A-Z][\w’'.-]*\.?(?:\s+(?:de|del|da|van|von|la|bin|al)?\s*[A-Z][\w’'-]*){0,3})"
_TITLE = (
    r"(?:(?:President|Sen\.|Senator|Rep\.|Gov\.|Governor|Secretary|Minister|Mr\.|Mrs\.|Ms\.|"
    r"Dr\.|Gen\.|Ambassador|Mayor|Judge)\s+)?"
)
_PRONOUN = r"(?:he|she|they|He|She|They)"
# A named body's or person's estimate is reported like speech ("The agency expects cases
# to fall", "The union put the turnout at 20,000"); a group's is a general view
# ("Economists expect prices to rise"), not an unnamed source, so these are not in
# SPEECH_VERBS.
_ESTIMATE_VERBS = (
    r"expects?(?= that\b| [^;:]{1,60}? to\b)|put(?= [^,;:]{1,40}? at (?:[a-z]+ ){0,2}[$€£]?\d)|"
    r"(?:found|finds)(?= that\b)"
)
_VERB_AFTER = re.compile(rf"\b(?P<verb>{SPEECH_VERBS}|{_ESTIMATE_VERBS})\b")
# Lower-case words after "said" that start a phrase of time or place, not a job title.
_NOT_TITLE = (
    r"(?!(?:on|in|at|that|the|a|an|to|of|for|by|with|from|this|last|next|it|he|she|they|"
    r"we|and|but|or|as|after|before|during|while|when|earlier|later|today|early|late|also|"
    r"then|again|once|previously|recently|separately|privately|publicly|yesterday)\b)"
)
# A job title written in lower case before a name: "chief executive", "council member",
# "police chief", "the company's chief financial officer".
_JOB = (
    r"(?:(?:the|his|her|their|its)\s+)?(?:(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*[’']s\s+)?"
    r"(?:[a-z][\w’'-]*\s+){0,3}?"
    r"(?:executive|officer|director|president|superintendent|spokes(?:man|woman|person)|"
    r"secretary|minister|senator|mayor|governor|manager|chair(?:man|woman)?|economist|"
    r"analyst|professor|commissioner|chancellor|principal|coach|lieutenant|sergeant|"
    r"detective|attorney|lawyer|prosecutor|judge|sheriff|chief|lawmaker|founder|leader|"
    r"head|dean|administrator|inspector|representative|adviser|advisor|member|author|"
    r"editor|researcher|scientist|engineer|physician|doctor|nurse|owner|partner|"
    r"strategist|consultant|counsel|treasurer|auditor|controller|clerk)"
    # or any few lower-case words that are not a phrase of time or place ("vendor",
    # "longtime resident")
    rf"|(?:{_NOT_TITLE}[a-z][\w’'-]*\s+){{0,2}}{_NOT_TITLE}[a-z][\w’'-]*"
)
# "said Benjamin Gedan", "said Gedan.", "said chief executive Greg Halvorsen",
# "said her lawyer, David Ortiz"
_SAID_NAME = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?:(?:{_JOB}),?\s+)?(?P<name>{_TITLE}{_NAME})(?=[\s,.;:]|$)"
)
# "said , who served" -- a speech verb whose subject or object was lost.
_MISSING = re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\s+,|\b(?:said|says),\s+who\b")
_ACCORDING = re.compile(rf"\baccording to\s+(?:the\s+)?(?P<name>{_TITLE}{_NAME})")
# What follows "according to", up to the end of the phrase; the full stop of an
# abbreviation ("the U.S. Energy Information Administration", "Dr. Lee") does not end it.
_ACCORDING_PHRASE = re.compile(
    r"\b[Aa]ccording to (?P<phrase>(?:[^,.;:“”\"()—–]|\.(?=[A-Za-z]|\s[A-Z])|"
    r"(?<=\b[A-Z])\.(?=\s[a-z])){1,90})"
)
_ANONYMOUS = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w.’']*|many|some|several|other|two|three|senior|former|local|"
    r"federal|government|administration|[a-z]+-?level)\s+){0,3}"
    r"(?i:officials?|experts?|analysts?|sources?|people familiar[\w ]{0,40}?|diplomats?|"
    r"observers|critics|aides?|advisers|spokesm[ae]n|spokeswom[ae]n|spokesperson|residents|"
    r"authorities|insiders|investigators|researchers|scientists|economists|supporters|"
    r"opponents|witnesses|traders|investors|doctors|astronomers|groups)"
    r"(?:\s+(?:on|in|at|with|from|close to|to|of)\s+[\w ’'.-]{1,40}?)?)\s+"
    rf"(?:have\s+|had\s+|also\s+|privately\s+|publicly\s+)?(?:{SPEECH_VERBS})\b"
)
# "Analysts at Banque Cartier", "economists at the Bank of Canada": a firm's research desk
# speaks for the firm, as its published note does; officials and sources stay unnamed.
_GROUP_WHO = re.compile(
    r"(?:^\s*|[,;]\s+)(?:(?:[A-Z][a-z]+|[Mm]any|[Ss]ome|[Ss]everal)\s+)?(?P<who>[A-Za-z]+s)"
    r"\s+who\s+[^,;.“”]{3,80}?\s+(?:say|said|warn|warned)\b"
)
_DEFINITE = re.compile(r"\b(?:the|[Tt]he study's|[Tt]heir)\s+$")
# Who "the" may point back to as a study's authors; "the officials said" and "the sources
# said" stay unnamed sources.
_AUTHORS = frozenset("researchers authors scientists scholars".split())
_RESEARCH_DESK = re.compile(
    r"(?i:analysts|economists|strategists|researchers)\s+at\s+(?:the\s+)?"
    r"(?P<firm>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w’'.&-]*){0,5})$"
)
# A cheap first look: _ANONYMOUS is tried only on sentences that name such a group.
_GROUP_NOUNS = frozenset(
    """official officials expert experts analyst analysts source sources people diplomat
    diplomats observers critics aide aides advisers spokesman spokesmen spokeswoman
    spokeswomen spokesperson residents authorities insiders investigators researchers
    scientists economists supporters opponents witnesses traders investors doctors
    astronomers groups""".split()
)
_LOWER_WORDS = re.compile(r"[a-z]+")
# What a reporter writes about a source who is not named, wherever it stands.
_UNNAMED = re.compile(
    r"\b(?:(?:on|under) (?:the )?condition (?:of|that \w+ not be) (?:anonymity|named|identified)|"
    r"(?:asked|declined|refused) (?:not )?to be (?:named|identified)|"
    r"asked that (?:his|her|their) names? (?:not be (?:used|published|given)|be withheld)|"
    r"(?:declined|refused) to (?:give|be identified by|share) (?:his|her|their) (?:full )?names?|"
    r"speaking (?:privately|anonymously|on background)|"
    r"(?:was|were|is|are) not authori[sz]ed to (?:speak|discuss|comment)|"
    r"requested anonymity|on background|(?:people|person) (?:familiar|close) (?:with|to)|"
    r"sources? (?:familiar with|close to)|unnamed|(?:people|persons?|officials|sources) "
    r"(?:briefed on|with (?:direct )?knowledge of|who (?:declined|asked|spoke|requested))|"
    r"according to (?:\w+ ){0,2}(?:people|persons?|officials|sources|insiders)|"
    rf"the (?:people|person|officials|sources) (?:{SPEECH_VERBS}))\b",
    re.I,
)
_UNNAMED_WORDS = frozenset(
    "condition anonymity named identified authorized authorised background familiar close "
    "withheld name names privately anonymously "
    "unnamed briefed knowledge people person officials sources insiders".split()
)
# "A senior aide to the majority leader, who ..., said" -- an indefinite, unnamed person.
_SOMEONE = re.compile(
    r"^\s*(?P<who>(?:A|An|One|Two|Three|Four|Several|Some|a|an|one|two|three|four|several|"
    r"some)\s+(?:[a-z][\w’'-]*\s+){0,5}?"
    r"[a-z][\w’'-]*)(?:,[^,]{3,120},)?\s+(?:has\s+|had\s+|also\s+)?"
    rf"(?:{SPEECH_VERBS})\b"
)
# "the census bureau", "the mayor's office", "the state health department".
_BODIES = (
    r"office|bureau|department|agency|ministry|council|committee|commission|court|union|"
    r"federation|organi[sz]ation|association|institute|university|company|government|"
    r"administration|service|board|authority|center|centre|bank|fund|foundation|party|police|"
    r"campaign|hospital|district|embassy|army|military|observatory|regulator|watchdog|"
    r"academy|programme|program|club|coalition"
)
_BODY_WORD = re.compile(rf"\b(?:{_BODIES})s?\b", re.I)
_BODY_BEFORE = re.compile(
    rf"\b(?P<body>[Tt]he\s+(?:[\w’'.-]+\s+){{0,5}}?(?:{_BODIES}))"
    r"(?:\s+(?:also|then|later|has|had|have|once|previously))?$",
    re.I,
)
# "Spain's industry ministry", "the city's health department".
_OWNED_BODY = re.compile(
    rf"(?P<body>\b[A-Z][\w.-]*[’']s\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?:{_BODIES}))"
    r"(?:\s+(?:also|then|later|has|had|have))?$"
)
_OWNED_BODY_FIRST = re.compile(
    rf"(?:the\s+)?(?P<body>(?:[A-Z][\w.-]*\s+)?[A-Za-z][\w.-]*[’']s\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?:{_BODIES}))\b"
)
# "the auditor's office, which estimated": the relative pronoun stands for the speaker.
_RELATIVE = re.compile(r",\s+(?:which|who)$")
# "The airline, which carries 9 million passengers a year, said": the clause is dropped.
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|a|an|the|in|on|at)\b(?:[^,]|,(?=\d)){3,120},$"
)
# What stands between a name and its verb: an age ("Kell, 29, said"), a description or
# both ("Kell, 29, one of eight inmates who testified, said"); a comma inside a figure
# ("7,000") does not end it.
_APPOSITION = r"(?:\d{1,3}|(?:\d{1,3},\s+)?(?:[^,]|,(?=\d)){3,90})"
# "the United Nations Office on Drugs and Crime", "the Bureau of Labor Statistics".
_NAMED_BODY = re.compile(
    r"(?:\b[Tt]he\s+)?(?P<body>[A-Z][\w’'.-]*(?:\s+(?:(?:of|on|and|for|the)\s+)*"
    r"[A-Z][\w’'.-]*){1,7})(?:\s+(?:also|has|had|have))?$"
)
# Plural nouns for a group of people: a group is never named, so it is never the person a
# later "he said" refers to, and when it is not an unnamed source it is no speaker at all
# ("Prosecutors said", "Democrats say").
_GROUPS = frozenset(
    """officials experts analysts sources people diplomats observers critics aides advisers
    spokesmen spokeswomen residents authorities insiders investigators researchers scientists
    economists supporters opponents witnesses traders investors doctors astronomers
    prosecutors lawmakers legislators democrats republicans conservatives liberals voters
    parents teachers students workers employees nurses police officers builders lawyers
    attorneys regulators executives activists advocates protesters organizers organisers
    leaders members owners farmers families patients neighbors neighbours shoppers
    consumers drivers pilots passengers customers historians engineers planners
    firefighters commuters retailers landlords tenants environmentalists inspectors
    auditors""".split()
)
_NOT_NAMES = frozenset(
    """The A An It This That These Those There Here If When While After Before But And Or
    So Yet In On At For To From As By With Despite Moments Just Last Relations Should
    Would Could May Might Will I We You Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday""".split()
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    flags: tuple[str, ...] = ()
    explicit: bool = False  # the sentence itself names (or loses) its speaker
    pronoun: bool = False  # the sentence attributes itself with a pronoun ("he said")


_ACRONYM = re.compile(r" \([A-Z][A-Za-z]{1,7}\)(?=[\s,])")
_QUOTED_PASSAGE = re.compile(r"[“\"][^”\"]*[”\"]?|”")
_OPENING_STRAIGHT = re.compile(r'(^|[\s(\[{—–])"')
_PAIRED_SINGLE = re.compile(r"‘([^‘’]*(?:’\w[^‘’]*)*)’(?!\w)")
_CLOSING_SINGLE = re.compile(r"(?<=[,.!?])’(?=\s|$|[)—–])")
_CLOSING_SINGLE_LOOKS = (",’", ".’", "!’", "?’")  # a first look: most ’ are apostrophes


def curly_quotes(text: str) -> str:
    """``text`` with its quote marks written as double opening and closing ones (same
    length), so that every rule reads one kind of quotation.

    Straight marks: a sentence cut out of a quote that runs over two sentences starts
    inside it, so its first straight mark may close the quote (`keep," Arruda told`): a
    mark at the start or after a space opens a quote, any other closes one, as typesetters
    read them. Single marks, which some outlets quote with (‘We cut 40 jobs,’ she said): ‘
    opens; ’ is also the apostrophe, so it closes only after an opening ‘ and not inside a
    word (‘We don’t know,’), or right after punctuation at the end of words (`jobs,’ said`).
    """
    if '"' in text:
        text = _OPENING_STRAIGHT.sub(r"\1“", text).replace('"', "”")
    if "‘" in text:
        text = _PAIRED_SINGLE.sub(r"“\1”", text).replace("‘", "“")
    if "’" in text and any(mark in text for mark in _CLOSING_SINGLE_LOOKS):
        text = _CLOSING_SINGLE.sub("”", text)
    return text


def _outside_quotes(text: str) -> str:
    """``text`` with quoted passages blanked out (same length), so verbs in quotes are ignored.

    A passage runs from “ or " to the next ” or " (or to the end); a stray ” is blanked too,
    and so is all before it: a sentence that closes a quote before opening one began
    inside it (`I'd expect it to stay,” the governor said`).
    """
    if "“" not in text and "”" not in text and '"' not in text:
        return text
    close = text.find("”")
    if close >= 0 and not 0 <= text.find("“") < close:
        text = " " * (close + 1) + text[close + 1 :]
    return _QUOTED_PASSAGE.sub(lambda m: " " * len(m.group()), text)


def is_group(speaker: str | None) -> bool:
    """Whether ``speaker`` names a group of people ("Supporters", "Two officials in ...")."""
    if not speaker:
        return False
    head = re.split(r"\s+(?:on|in|at|with|from|close|to|of|who|familiar)\b", speaker)[0]
    return head.split()[-1].lower() in _GROUPS


# Capitalised titles written before a name ("House Speaker Ron Kessler", "Fed Governor
# Lisa Moreno"): the speaker is the person, named without them.
_TITLE_WORDS = frozenset(
    """Speaker Governor Gov. Secretary Chief Prosecutor Minister Director Commissioner
    President Chairman Chairwoman Chair Senator Sen. Rep. Representative Mayor Judge Justice
    Sheriff Superintendent Councilman Councilwoman Councillor Councilor Ambassador General
    Attorney Officer Treasurer Auditor Controller Clerk Leader Whip Premier Chancellor
    Administrator Inspector Spokesman Spokeswoman Spokesperson Executive Manager Detective
    Sergeant Sgt. Lieutenant Lt. Captain Capt. Deputy Professor Prof Prof.""".split()
)


# What a sentence may say a name is before the name, capitalised as its first word
# ("Consultancy Harwell Energy Analytics forecast", "Pollster Ipsos found", "Economist
# Jane Roe said"): the speaker is the name.
_DESCRIPTORS = frozenset(
    """Consultancy Consultant Pollster Broker Brokerage Lender Insurer Retailer Carmaker
    Automaker Drugmaker Chipmaker Miner Regulator Watchdog Airline Carrier Manufacturer
    Supplier Developer Startup Start-up Charity Firm Economist Analyst Strategist Researcher
    Astronomer Scientist Historian Activist Campaigner Landlord Farmer Novelist Author Nurse
    Teacher Coach Pastor Lawyer""".split()
)


# What ends a company's name: "Carrier Global", "Coach Inc." are companies whose first
# word is also a descriptor, not a carrier called "Global".
_CORPORATE_TAILS = frozenset(
    """Global Group Inc Corp Co Ltd Holdings PLC Plc International Industries""".split()
)


def _clean_name(name: str) -> str | None:
    name = name.strip().rstrip(".,;:")
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    if len(words) >= 2 and words[0] in _DESCRIPTORS and not (
        len(words) == 2 and words[1].rstrip(".") in _CORPORATE_TAILS
    ):
        words.pop(0)
    if not words:
        return None
    return _without_title(words)


def _without_title(words: list[str]) -> str:
    """The name after the last title word, when a name of two words or more follows it."""
    titles = [i for i, word in enumerate(words[:-2])
              if word in _TITLE_WORDS and not _BODY_HEAD.fullmatch(words[i + 1])]
    return " ".join(words[titles[-1] + 1:] if titles else words)


# "City planning staff project": a capitalised word that only qualifies the lower-case
# noun after it is no one's name.
_MODIFIER = re.compile(r"[A-Z][\w’'.-]*(?:\s+[a-z][\w’'-]*)+$")
_NAME_WORD = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+"
_IN_PLACE = re.compile(rf"\s+in\s+{_NAME}$")
_NAME_IN_APPOSITION = re.compile(
    r"(?:^\s*|,\s+|(?<=\s\s))(?:[Tt]he|[A-Z][\w.-]*[’']s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w’'-]*\s+){0,3}"
    r"(?:[a-z][\w’'-]*|(?:Minister|Secretary|Director|Commissioner|Chair) (?:of|for) "
    r"(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*),\s+"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:&\s+)?[A-Z][\w’'-]*){1,3}),$"
)
_JOINED_NAME = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+and\s+[A-Z][\w’'.-]*"
    r"(?:\s+[A-Z][\w’'.-]*)+)"
)


def _subject_before(plain: str, verb_start: int) -> str | None:
    """The name right before a speech verb, allowing an appositive: ``X, a ..., said``."""
    before = plain[:verb_start].rstrip()
    # "The shadow health secretary, Tom Idris, said": the name in apposition to a title
    named = before.endswith(",") and _NAME_IN_APPOSITION.search(before)
    if named:
        return named.group("name")
    appositive = re.search(
        rf"({_TITLE}{_NAME})(?:,\s+{_APPOSITION}){{1,2}},(?:\s+(?:also|has|had|have))?$", before
    )
    if appositive:
        return _clean_name(appositive.group(1))
    # "Alberta Environment and Protected Areas says": a body whose name holds "and"
    joined = " and " in before and _JOINED_NAME.fullmatch(before.rsplit(", ", 1)[-1])
    if joined:
        return joined.group("name")
    direct = re.search(
        rf"({_TITLE}{_NAME})(?:\s+(?:also|then|later|has|had|have|once|previously))?$", before
    )
    if direct and direct.group(1).split()[0] not in _NOT_NAMES | {"U.S."}:
        return _clean_name(direct.group(1))
    if direct and re.fullmatch(rf"The (?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}", direct.group(1)):
        return "the" + direct.group(1)[3:]  # "The White House said", "The Kremlin said"
    if direct and re.fullmatch(r"[Tt]he [A-Z]{2,6}", direct.group(1)):
        return direct.group(1)[4:]  # "The CDC estimated"
    # "A note from Trump read:" -- the last name in the clause before the verb.
    clause = re.split(r"[,;:—–]", before)[-1]
    names = re.findall(rf"(?<![.!?]\s)\b{_TITLE}{_NAME}", clause)
    names = [n for n in names if n.split()[0] not in _NOT_NAMES]
    if names and len(clause.split()) <= 6 and not _MODIFIER.match(clause.strip()):
        return _clean_name(names[-1])
    return None


def attribute(text: str) -> tuple[Attribution | None, bool]:
    """The attribution written in this sentence, and whether it is a pronoun (``he said``).

    Returns (None, False) when the sentence attributes nothing itself.
    """
    text = curly_quotes(text)
    plain = _outside_quotes(text)
    if "(" in plain:  # "the Philippine Statistics Authority (PSA) said": the name in full
        plain = _ACRONYM.sub(lambda m: " " * len(m.group()), plain)
    if _MISSING.search(plain):
        return Attribution(None, ("missing_speaker",), True), False
    words = set(_LOWER_WORDS.findall(plain.lower()))
    if "spokes" in plain and _UNNAMED_WORDS.isdisjoint(words):
        body = _spokesperson_for(plain)
        if body:
            return Attribution(body, (), True), False
    groups = not _GROUP_NOUNS.isdisjoint(words)
    anonymous = (groups and _ANONYMOUS.search(plain)) or _SOMEONE.search(plain)
    if anonymous:
        who = anonymous.group("who").strip()
        firm = _RESEARCH_DESK.match(who)
        if firm:  # "Analysts at Banque Cartier said": the firm's published view
            return Attribution(firm.group("firm"), (), True), False
        if _DEFINITE.search(plain, 0, anonymous.start()) and who.lower() in _AUTHORS:
            # "the researchers wrote": the study's authors, whom the article has named
            return Attribution(None, (), True), False
        return Attribution(who, ("anonymous_source",), True), False
    if not _UNNAMED_WORDS.isdisjoint(words) and _UNNAMED.search(plain):
        return Attribution(None, ("anonymous_source",), True), False
    who_group = " who " in plain and _GROUP_WHO.search(plain)
    if who_group and who_group.group("who").lower() in _GROUPS:
        # "Lawyers who practice before the court say": people described, not named
        return Attribution(None, ("anonymous_source",), True), False
    phrase = _ACCORDING_PHRASE.search(plain)
    if phrase:
        return Attribution(_according(phrase.group("phrase")), (), True), False
    quoted = plain != text
    for match in _VERB_AFTER.finditer(plain):
        before = plain[: match.start()].rstrip()
        raw_before = text[: match.start()].rstrip()
        by_quote = raw_before.endswith((",", "”", '"', "’"))
        if match.group("verb") in {"added", "adds", "asked"} and not (by_quote or quoted):
            continue  # "employers added 212,000 jobs", "asked regulators to" are not speech
        if re.search(rf"\b{_PRONOUN}(?:\s+(?:also|then|later|has|had))?$", before):
            return None, True
        if before.endswith(", it"):  # "Nordvik has signed 40 contracts, it says"
            return Attribution("it", (), True), False
        relative = _RELATIVE.search(before)
        if relative:  # "a report by the state auditor's office, which estimated ..."
            before = before[: relative.start()]
        # "a team at the University of Otago in New Zealand reported": a place is no speaker
        place = " in " in before and _IN_PLACE.search(before)
        if place:
            before = before[: place.start()]
        if before.rsplit(None, 1)[-1:] and before.rsplit(None, 1)[-1] in documents.DOCUMENTS:
            continue  # "A Roanoke College poll found": a document, whose author says "by"
        after = _SAID_NAME.match(plain, match.start())
        if after and by_quote:
            # "The minister, Steve Reed, told MPs": the comma closes an apposition to the
            # subject, not a statement before the verb
            subject = raw_before.endswith(",") and _subject_before(plain, len(before))
            name = subject or _clean_name(after.group("name"))
            if name:
                return Attribution(name, (), True), False
        opening = before.endswith(" and") and _SUBJECT.match(plain.lstrip())
        if opening and opening.group("name").split()[0] not in _NOT_NAMES:
            # "The trust declared an incident on Monday and said ...": the sentence's subject
            return Attribution(opening.group("name"), (), True), False
        name = _body_before(before) or _subject_before(plain, len(before))
        if name:
            return Attribution(None if _unnamed_group(name) else name, (), True), False
    if "by " in plain:
        author = documents.author_of_subject(plain)
        if author:
            return Attribution(author, (), True), False
    return None, False


_BODY_NAME = r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|&)\s+)?[A-Z][\w’'.&-]*){0,7}"
_SPOKES = r"spokes(?:man|woman|person)"
# "a Department of Transport spokesman said", "a spokesperson for the trust said", "a
# company spokeswoman said": a spokesperson speaks for the body, who is the speaker.
_SPOKESPERSON = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|One)\s+(?:(?P<name>{_BODY_NAME})\s+{_SPOKES}|(?P<noun>[a-z]+)\s+{_SPOKES}"
    rf"|{_SPOKES}\s+(?:for|at)\s+(?:the\s+(?P<the>[a-z]+)\b|(?:the\s+)?(?P<for>{_BODY_NAME})))"
    rf"(?:,[^,]{{3,120}},)?\s+(?:also\s+)?(?:{SPEECH_VERBS})\b"
)
# What a spokesperson in lower case may speak for: "a company spokesman", "a club
# spokeswoman"; not "a senior spokesman".
_SPOKEN_FOR = frozenset(
    """company firm carrier airline carmaker automaker lender retailer insurer chain
    manufacturer drugmaker bank utility club trust team school charity group network
    league""".split()
)


def _spokesperson_for(plain: str) -> str | None:
    """The body a spokesperson speaks for, when the sentence names it or says what it is
    ("the company"); a spokesperson whose body is not said is an unnamed source."""
    found = _SPOKESPERSON.search(plain)
    if not found:
        return None
    name = found.group("name") or found.group("for")
    if name:
        return _clean_name(name)
    noun = found.group("noun") or found.group("the")
    if noun in _SPOKEN_FOR or _BODY_WORD.fullmatch(noun):
        return "the " + noun
    return None


def _unnamed_group(name: str) -> bool:
    """A plural that names nobody: "Prosecutors", "the researchers", "Many economists"."""
    words = name.split()
    return len(words) <= 3 and words[-1].lower() in _GROUPS and not words[-1].isupper()


# A name after a description in lower case, with perhaps a place before it: "energy
# minister Callum Rhodes", "the Lisbon consultancy Harwell Energy Analytics".
_DESCRIBED_NAME = re.compile(
    rf"(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)?(?:{_NOT_TITLE}[a-z][\w’'-]*\s+){{1,3}}"
    rf"(?P<name>{_TITLE}{_NAME})"
)


_THE_NAMED = re.compile(
    r"the\s+(?P<name>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w’'.&-]*){0,6})"
    r"(?![\w’'-])"
)


_JOINED_BODY = re.compile(
    r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*\s+(?:of|for|and)\s+[A-Z][\w’'.&-]*"
    r"(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w’'.&-]*){0,4}(?![\w’'-])"
)


def _according(phrase: str) -> str | None:
    """Who "according to ..." names: a person or body, or None for a document (unless it
    says whose: "an analysis by the Legislative Research Department")."""
    words = phrase.split()
    # a document's title ends with what it is ("the Air Travel Consumer Report"); "the
    # Border Court Data Project" is a body
    lowered = [w.strip("’'") for w in words] + [words[-1].lower().strip("’'")]
    if not documents.DOCUMENTS.isdisjoint(lowered):
        return documents.author_named(phrase)
    owned = ("'s " in phrase or "’s " in phrase) and _OWNED_BODY_FIRST.match(phrase)
    if owned:  # "Portugal's interior ministry" is the ministry, not a country
        return owned.group("body")
    described = _DESCRIBED_NAME.match(phrase)
    if described:  # "energy minister Callum Rhodes", "the Lisbon consultancy Harwell"
        return _clean_name(described.group("name"))
    the_named = _THE_NAMED.match(phrase)
    if the_named:  # "the Bank of England", "the Office for Budget Responsibility"
        return the_named.group("name")
    joined = _JOINED_BODY.match(phrase)
    if joined:  # "Transport for NSW", "Statistics and Research Scotland"
        return _clean_name(joined.group())
    named = _ACCORDING.search("according to " + phrase)
    if named:
        name = _clean_name(named.group("name"))
        if name and words[0].lower() != "a":
            return name
    body = _BODY_WORD.search(phrase)
    if body:
        return phrase[: body.end()].strip()
    return None


def _body_before(before: str) -> str | None:
    """An institution right before a speech verb: "the census bureau", "the Bureau of ...",
    also when a clause about it stands between ("The airline, which ..., said")."""
    clause = _TRAILING_CLAUSE.search(before)
    if clause:
        found = _body_before(before[: clause.start()]) or _company_before(before[: clause.start()])
        if found:
            return found
    return _company_before(before) or _named_body_before(before)


def _named_body_before(before: str) -> str | None:
    body = _BODY_BEFORE.search(before) or (
        ("'s " in before or "’s " in before) and _OWNED_BODY.search(before)
    )
    if body:
        found = body.group("body")
        return "the" + found[3:] if found[:3] == "The" else found
    named = _NAMED_BODY.search(before)
    if named and _BODY_WORD.search(named.group("body")):
        words = named.group("body").split()
        owners = [i for i, word in enumerate(words[:-1]) if word.endswith(("'s", "’s"))]
        if owners:  # "the Justice Department's Executive Office for ...": the office
            words = words[owners[-1] + 1:]
        return _without_title(words)  # "Police Chief Tom Brandt"
    return None


# "the company", "the carrier": a company the article named before, when its name says so.
_COMPANY_NOUNS = (
    "company firm carrier airline carmaker automaker lender retailer insurer chain "
    "manufacturer drugmaker bank utility"
).split()
_COMPANY_NOUN = re.compile(rf"\b[Tt]he (?P<noun>{'|'.join(_COMPANY_NOUNS)})$")
_COMPANY_HEADS = (
    "Motors Airways Airlines Inc Corp Corporation Co. Company Group Holdings Bank Energy "
    "Pharmaceuticals Technologies Systems Foods Industries Partners Capital Communications "
    "Entertainment Brands Insurance Financial Labs Media Steel Petroleum Electric Logistics "
    "Stores Therapeutics Semiconductor Software Networks Telecom Mining Chemicals Automotive "
    "Bancorp Health Mills Power Light Utilities Gas"
).split()
_COMPANY_HEAD = re.compile("|".join(re.escape(head) for head in _COMPANY_HEADS))
COMPANY_NAME = re.compile(
    r"\b(?!(?:The|A|An|This|That)\s)(?:(?:[A-Z][\w&’'.-]*|&)\s+){1,3}"
    rf"(?:{'|'.join(re.escape(h) for h in _COMPANY_HEADS)})(?![\w-])\.?"
)
_COMPANY_SPEAKERS = frozenset(f"{the} {noun}" for the in ("the", "The") for noun in _COMPANY_NOUNS)


def _company_name(found: str) -> str:
    """A company's name as COMPANY_NAME found it, without the full stop that ended the
    sentence ("... of Lumen Foods.") unless it abbreviates ("Halvorsen Co.")."""
    name = found.strip()
    if name.endswith(".") and name.split()[-1] not in _ABBREVIATED_HEADS:
        name = name[:-1]
    return name


_ABBREVIATED_HEADS = frozenset({"Co.", "Inc.", "Corp."})


def _company_before(before: str) -> str | None:
    found = _COMPANY_NOUN.search(before.rstrip())
    return "the " + found.group("noun") if found else None


_QUOTE_CHARS = re.compile(r"[“”\"]")


def quote_state(text: str, open_before: bool) -> tuple[bool, bool, bool]:
    """(has quoted speech, starts inside/at a quote, quote still open at the end)."""
    text = curly_quotes(text)
    opens = text.count("“")
    closes = text.count("”")
    straight = text.count('"')
    starts = open_before or text.lstrip()[:1] in {"“", '"'}
    has_quote = bool(opens or closes or straight) or open_before
    still_open = open_before
    if not (opens or closes or straight):
        return has_quote, starts, still_open
    for ch in _QUOTE_CHARS.findall(text):
        if ch == "“":
            still_open = True
        elif ch == "”":
            still_open = False
        elif ch == '"':
            still_open = not still_open
    return has_quote, starts, still_open


def resolve(sentences: list[tuple[str, int]]) -> list[Attribution]:
    """Attributions for body sentences given as (text, paragraph), in article order.

    "he said" means the person the article last quoted, never a group ("Supporters say")
    or a body ("the mayor's office said");
    "the company said" means the company the article last named, when its name says it is
    one ("Halvorsen Motors").
    """
    sentences = [(curly_quotes(text), paragraph) for text, paragraph in sentences]
    out: list[Attribution] = []
    last: Attribution | None = None  # the person the article last quoted
    company: str | None = None
    organisation: str | None = None  # the body or company the article last cited by name
    lead: str | None = None  # the name the article's first sentence opens with
    previous_paragraph = -1
    open_quote = False
    for text, paragraph in sentences:
        if paragraph != previous_paragraph:
            open_quote = False  # a quote never runs past its paragraph unannounced
        _, starts_quoted, still_open = quote_state(text, open_quote)
        if _COMPANY_HEAD.search(text):  # a first look: most sentences name no company
            names = COMPANY_NAME.findall(text)
            company = _company_name(names[-1]) if names else company
        found, pronoun = attribute(text)
        if not out:
            lead = _named_subject(text, None)
            if lead and _a_person(lead, [t for t, _ in sentences[1:_LOOKBACK]]):
                lead = None  # "Sarah Grant was named coach ... Grant, 44, ...": no company
        body = found is not None and found.speaker is not None and (
            found.speaker in _COMPANY_SPEAKERS or found.speaker[:4].lower() == "the "
        )
        if body and company and found.speaker in _COMPANY_SPEAKERS:
            found = Attribution(company, found.flags, found.explicit)
        elif body and _BODY_PHRASE.fullmatch(found.speaker):
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            found = Attribution(_body_named(found.speaker, earlier), found.flags,
                                found.explicit)
        if found is not None and found.speaker == "it":
            found = Attribution(_named_subject(text, last) or organisation, found.flags,
                                found.explicit)
        elif body and _REFERS_BACK.fullmatch(found.speaker):
            named = organisation
            if _COMPANY_LIKE.fullmatch(found.speaker):  # not "the regulator": see _body_named
                named = _named_subject(text, last) or organisation or lead
            if named:
                found = Attribution(named, found.flags, found.explicit)
                organisation = named
        elif found is not None and found.speaker and _names_organisation(found.speaker):
            organisation = found.speaker
        if found is not None and found.speaker and " " not in found.speaker:
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            found = Attribution(_in_full(found.speaker, earlier), found.flags, found.explicit)
        if found is None and not pronoun:
            mentioned = _person_mentioned(text)
            last = Attribution(mentioned) if mentioned else last
        if found is not None:
            result = found
            # "he said" is a person: not a group ("Supporters"), not a body ("the office")
            person = found.speaker is not None and not body and not is_group(found.speaker)
            if person or "missing_speaker" in found.flags:
                last = found
        elif pronoun and last is not None:
            result = Attribution(last.speaker, last.flags, False, True)
        elif pronoun:
            result = Attribution(None, ("missing_speaker",), False, True)
        elif text[:3] == "It " and out and _is_body(out[-1].speaker) and _IT_SAID.match(text):
            # "The ministry said ... It said ...": "it" is the body that spoke just before
            result = Attribution(out[-1].speaker, (), False, True)
        elif starts_quoted and not open_quote and _unattributed_quote(sentences, len(out)) and not (
            paragraph == previous_paragraph and out and _statement_goes_on(out[-1])
        ):
            # a new quotation with no verb of its own: the reader is left to guess who said
            # it from the sentence before
            result = Attribution(None, ("missing_speaker",), False)
        elif starts_quoted and paragraph == previous_paragraph and out and (
            out[-1].speaker is not None or out[-1].flags
        ):
            result = Attribution(out[-1].speaker, out[-1].flags, False)  # the quote goes on
        else:
            result = Attribution(None, (), False)
        out.append(result)
        open_quote = still_open
        previous_paragraph = paragraph
    _backfill(sentences, out)
    return out


# "the agency", "the club": an organisation the reader knows from before. Offices,
# departments, courts and the like are left as written: an article often has several.
_REFERS_BACK = re.compile(
    r"[Tt]he (?:company|firm|agency|club|union|trust|coalition|regulator|watchdog|"
    r"association|federation|group|charity|airline|carrier|lender|bank|retailer|insurer|"
    r"chain|manufacturer|drugmaker|carmaker|automaker|utility|operator|network|league)"
)
# What is most often the article's own subject: "Lilly will cut its price, the company
# said"; a regulator or an agency is more often someone else's ("Voltra raised its cap,
# the regulator said").
_COMPANY_LIKE = re.compile(
    r"[Tt]he (?:company|firm|club|group|charity|airline|carrier|lender|bank|retailer|insurer|"
    r"chain|manufacturer|drugmaker|carmaker|automaker|utility|operator|network|league)"
)
# The name a sentence opens with, as its subject: "Lilly will cut ...", "Brentwell
# Laboratories is recalling ...", after a dateline ("OSLO — ").
_SUBJECT = re.compile(
    r"(?:[A-Z][A-Z.,' -]+(?:\([A-Za-z]+\))?\s*(?:—|–|--)\s*)?"
    r"(?P<name>[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|&)\s+)?[A-Z][\w&’'.-]*){0,3})(?:[’']s)?\s+"
    r"(?:is|was|has|had|will|would|plans|lost|made|cut|[a-z]+ed)\b"
)


def _a_person(name: str, later: list[str]) -> bool:
    """Whether the article goes on to treat the name its lead opens with as a person's:
    by the last name alone with an age or a verb of speech ("Grant, 44, spent ...", "Grant
    said"), or with "she" or "he" opening the next sentence. A company or a club is not
    written so, and "the club said" may then mean it."""
    words = name.split()
    if len(words) < 2:
        return False
    if later and later[0][:3] in ("He ", "She"):
        return True
    surname = re.compile(rf"(?<!{re.escape(words[-2])} )\b{re.escape(words[-1])}"
                         rf"(?:,\s+\d{{1,3}},|\s+(?:said|says|told)\b)")
    return any(words[-1] in text and surname.search(text) for text in later)


def _named_subject(text: str, person: Attribution | None) -> str | None:
    """The name the sentence opens with, when it is no one the article quoted as a person:
    in "Lilly will cut its price, the company said" the company is Lilly."""
    found = _SUBJECT.match(text.lstrip())
    if not found:
        return None
    name = found.group("name")
    if name.split()[0] in _NOT_NAMES or is_group(name):
        return None
    if person is not None and person.speaker and name.split()[-1] in person.speaker.split():
        return None
    return name


# A person the narration introduces, whom a later "she said" means: a name with an age
# or a description after it ("Dana Roe, 44, a nurse, ..."), or a named person's
# characterisation of something ("Housing critic Dana Roe called the plan ...").
_INTRODUCED = re.compile(
    r"\b(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+(?:\d{1,3},|(?:an?|the)\s+[a-z])"
)
_CHARACTERISES = re.compile(
    r"\b(?P<name>(?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'-]+)\s+(?:called|described|dismissed)\b"
    r"(?!\s+(?:for|on|off|in|up|out|back)\b)"  # "called for calm" characterises nothing
)
# A name after a preposition is no one the narration introduces as its subject: "drafted
# by Anna Cole, the finance director, ..."
_OBJECT_OF = re.compile(r"\b(?:by|to|with|from|for|of|and|against|about|on|at)\s+$")
_CHARACTERISING_VERBS = ("called", "described", "dismissed")


def _in_full(name: str, earlier: list[str]) -> str:
    """A one-word name as the article first wrote it in full: "Sunbelt said" after
    "Sunbelt Airways will pay ...". A surname alone is a person's, named before it."""
    if not name[:1].isupper() or name.isupper():
        return name
    pattern = None
    for text in earlier:
        if name + " " in text:  # a first look
            pattern = pattern or re.compile(rf"\b{re.escape(name)}\s+(?P<rest>{_NAME_WORD})\b")
            found = pattern.search(text)
            if found and found.group("rest") not in _NOT_NAMES | _MONTHS:
                return f"{name} {found.group('rest')}"
    return name


_MONTHS = frozenset(
    "January February March April May June July August September October November December"
    .split()
)


def _person_mentioned(text: str) -> str | None:
    """The person a sentence without attribution introduces, if it names one."""
    plain = _outside_quotes(curly_quotes(text))
    found = ", " in plain and _INTRODUCED.search(plain)
    if found and _OBJECT_OF.search(plain, 0, found.start()):
        found = None
    if not found and any(verb in plain for verb in _CHARACTERISING_VERBS):
        found = _CHARACTERISES.search(plain)
    if not found:
        return None
    name = _clean_name(found.group("name"))
    if not name or len(name.split()) < 2 or is_group(name) or _is_body(name):
        return None
    return name


def _names_organisation(speaker: str) -> bool:
    """Whether a speaker is a body or company named as such ("Mortgage Bankers
    Association", "Halvorsen Motors", "the FDA"), not a person or a description."""
    speaker = speaker.removeprefix("the ")  # "the Regional Transit Authority"
    if not speaker[:1].isupper() or speaker[:4] == "The " or is_group(speaker):
        return False
    return bool(_BODY_WORD.search(speaker) or COMPANY_NAME.fullmatch(speaker)
                or speaker.isupper())


# A body named in full: "the Kettle County Health Department", "the Department of Health
# and Social Care", "the Interior Ministry".
_BODY_HEADS = (
    r"Office|Bureau|Department|Agency|Ministry|Council|Committee|Commission|Institute|"
    r"Administration|Service|Services|Board|Authority|Regulator|Centre|Center|Federation|"
    r"Union|Association|Trust|Coalition"
)
_BODY_HEAD = re.compile(rf"\b(?:{_BODY_HEADS})\b")
_NAMED_BODY_IN_TEXT = re.compile(
    rf"\b(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|on|and|&)\s+)?){{0,5}}(?:{_BODY_HEADS})\b"
    r"(?:\s+(?:of|for|on)\s+[A-Z][\w’'-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w’'-]*){0,3})?"
)
# How far back a body named in full is looked for: an article's length, so that the cost
# of a long text stays linear.
_LOOKBACK = 200
# "the county health department": lower-case words naming a kind of body.
_BODY_PHRASE = re.compile(rf"the(?: [a-z]+){{0,3}} (?:{_BODIES}|trust|coalition)")


def _body_named(speaker: str, earlier: list[str]) -> str:
    """The body that ``speaker`` ("the county health department", "the ministry")
    describes word for word, as the ``earlier`` sentences last named it in full; else the
    article's own phrase, since a name that does not say what it is ("Ofgem" for "the
    regulator") cannot be told from another body's."""
    words = speaker.split()[1:]
    for text in reversed(earlier):
        if not _BODY_HEAD.search(text):  # a first look: most sentences name no body
            continue
        for match in reversed(list(_NAMED_BODY_IN_TEXT.finditer(text))):
            name = match.group().removeprefix("The ").removeprefix("the ")
            lowered = set(name.lower().split())
            if len(lowered) >= 2 and all(word in lowered for word in words):
                return name
    return speaker


_IT_SAID = re.compile(
    rf"It\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:{SPEECH_VERBS}|{_ESTIMATE_VERBS})\b"
)


def _is_body(speaker: str | None) -> bool:
    """Whether ``speaker`` is an institution or a company rather than a person."""
    return speaker is not None and bool(
        speaker[:4].lower() == "the " or _BODY_WORD.search(speaker)
        or COMPANY_NAME.fullmatch(speaker)
    )


def _statement_goes_on(before: Attribution) -> bool:
    """A body's statement or an unnamed source's words may run on in quote marks without
    a new verb (“...,” the attorney's office said. “...”); a person's quote is attributed
    each time."""
    if before.speaker is None:
        return "anonymous_source" in before.flags
    return (bool(_BODY_WORD.search(before.speaker) or COMPANY_NAME.fullmatch(before.speaker))
            or "anonymous_source" in before.flags)


def _unattributed_quote(sentences: list[tuple[str, int]], i: int) -> bool:
    """Whether the quotation opening sentence ``i`` is nothing but a quotation, over one
    sentence or more, with no attribution in any of them."""
    paragraph = sentences[i][1]
    for text, at in sentences[i:]:
        text = text.strip()
        if at != paragraph or text.count("“") > (1 if text.startswith("“") else 0):
            return False
        close = text.find("”")
        if close >= 0:
            return close >= len(text) - 2
    return False


def _backfill(sentences: list[tuple[str, int]], out: list[Attribution]) -> None:
    """A quote opening one sentence and attributed in the next belongs to that speaker."""
    for i in range(len(out) - 2, -1, -1):
        text, paragraph = sentences[i]
        nxt_text, nxt_paragraph = sentences[i + 1]
        if out[i].speaker is None and not out[i].flags and paragraph == nxt_paragraph:
            _, starts, still_open = quote_state(text, False)
            if starts and still_open and out[i + 1].explicit:
                out[i] = Attribution(out[i + 1].speaker, out[i + 1].flags, False)
