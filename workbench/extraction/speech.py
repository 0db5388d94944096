"""The words of attribution: speech verbs, names and titles, unnamed sources, bodies and
groups. The patterns that ``attribution`` and ``speakers`` read a sentence's speaker with,
kept apart from the rules so that each list can be read, and extended, on its own.
"""

from __future__ import annotations

import re

from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP, CAPITALS, LOW

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|wrote|writes|argued|noted|explained|"
    r"insisted|warned|declared(?! (?:a|an|the|its|his|her|their)\b)|stated|asked|"
    # "claimed £18,400 in rent" is money claimed, not speech
    r"claimed(?! (?:about |nearly |more than |over )?[$€£]?\d)|"
    r"replied|recalled|acknowledged|countered|contended|asserted|retorted|alleged(?= that\b)|"
    # "admitted that" (not "admitted to hospital"), "stressed that"
    r"(?:admitted|stressed|emphasi[sz]ed)(?= that\b)|"
    r"announced|read|reads|tweeted|testified|reported|reports|estimated|estimates|cautioned|"
    r"predicted|concluded|blamed|blames|accused|accuses|conceded|concedes|cited|cites|"
    r"credits|credited|pointed to|points to|disclosed|discloses|attributed|attributes|"
    # "the agency confirmed it had been told"; "has confirmed 47 cases" is a count, not speech
    r"confirm(?:ed|s)(?! \d)|"
    # "called the plan “a gimmick”": naming a thing with a quotation is speech (the quote
    # is blanked to spaces before this is matched)
    r"call(?:ed|s)(?= (?:the|its?|his|her|their|this|that|them)(?: [\w’'-]+){0,4} {3})|"
    # a forecast is attributed like speech: "The IMF projected in July that ..."
    r"(?:projected|forecasts?|projects?)"
    r"(?= (?:that|in|on|last|this|earlier|an?|the|[a-z]+-(?:quarter|year))\b)|estimate(?= that\b)"
)
# "Marks & Spencer", "Save Dunmore A&E": an ampersand joins the words of a name; an initial
# within it ("Antony J. Blinken") and "Jr." after it ("Robert F. Kennedy Jr.") belong to it
NAME = (
    rf"(?:{CAP}[\w’'.&-]*\.?(?:\s+(?:de|del|da|van|von|la|bin|al|&)?\s*"
    rf"(?:{CAP}\.(?=\s+{CAP})|{CAP}[\w’'&-]*)){{0,3}}(?:,?\s+(?:Jr|Sr)\b\.?)?)"
)
TITLE = (
    r"(?:(?:President|Sen\.|Senator|Rep\.|Gov\.|Governor|Secretary|Minister|Mr\.|Mrs\.|Ms\.|"
    r"Dr\.|Gen\.|Ambassador|Mayor|Judge)\s+)?"
)
PRONOUN = r"(?:he|she|they|He|She|They)"
# A named body's or person's estimate is reported like speech ("The agency expects cases
# to fall", "The union put the turnout at 20,000"); a group's is a general view
# ("Economists expect prices to rise"), not an unnamed source, so these are not in
# SPEECH_VERBS.
ESTIMATE_VERBS = (
    r"expects?(?= that\b| [^;:]{1,60}? to\b)|puts?(?= [^,;:]{1,40}? at (?:[a-z]+ ){0,3}[$€£]?\d)|"
    r"(?:found|finds)(?= that\b)"
)
VERB_AFTER = re.compile(rf"\b(?P<verb>{SPEECH_VERBS}|{ESTIMATE_VERBS})\b")
# Lower-case words after "said" that start a phrase of time or place, not a job title.
NOT_TITLE = (
    r"(?!(?:on|in|at|that|the|a|an|to|of|for|by|with|from|this|last|next|it|he|she|they|"
    r"we|and|but|or|as|after|before|during|while|when|earlier|later|today|early|late|also|"
    r"then|again|once|previously|recently|separately|privately|publicly|yesterday)\b)"
)
# A job title written in lower case before a name: "chief executive", "council member",
# "police chief", "the company's chief financial officer".
_JOB = (
    # "NCA branch commander Rachel Odunsi": the body a title belongs to may stand bare
    rf"(?:(?:the|his|her|their|its)\s+)?(?:(?:{CAP}[\w.-]*\s+)?{CAP}[\w.-]*[’']s\s+|"
    rf"(?:{CAP}[\w.&-]*\s+){{1,2}}(?=[a-z]))?"
    r"(?:[a-z][\w’'-]*\s+){0,3}?"
    r"(?:executive|officer|director|president|superintendent|spokes(?:man|woman|person)|"
    r"secretary|minister|senator|mayor|governor|manager|chair(?:man|woman)?|economist|"
    r"analyst|professor|commissioner|chancellor|principal|coach|lieutenant|sergeant|"
    r"detective|attorney|lawyer|prosecutor|judge|sheriff|chief|lawmaker|founder|leader|"
    r"head|dean|administrator|inspector|representative|adviser|advisor|member|author|"
    r"editor|researcher|scientist|engineer|physician|doctor|nurse|owner|partner|"
    r"strategist|consultant|counsel|treasurer|auditor|controller|clerk|commander)"
    # "the bill's sponsor", "the boy's mother": a role named by whose it is
    r"|(?:the|his|her|their|its)\s+[a-z][\w-]*[’']s\s+[a-z][\w-]*"
    # or any few lower-case words that are not a phrase of time or place ("vendor",
    # "longtime resident")
    rf"|(?:{NOT_TITLE}[a-z][\w’'-]*\s+){{0,2}}{NOT_TITLE}[a-z][\w’'-]*"
)
# "said Benjamin Gedan", "said Gedan.", "said chief executive Greg Halvorsen",
# "said her lawyer, David Ortiz"
SAID_NAME = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?:(?:{_JOB}),?\s+)?(?P<name>{TITLE}{NAME})(?=[\s,.;:]|$)"
)
# "said , who served" -- a speech verb whose subject or object was lost.
MISSING = re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\s+,|\b(?:said|says),\s+who\b")
ACCORDING = re.compile(rf"\baccording to\s+(?:the\s+)?(?P<name>{TITLE}{NAME})")
# What follows "according to", up to the end of the phrase; the full stop of an
# abbreviation ("the U.S. Energy Information Administration", "Dr. Lee") does not end it.
ACCORDING_PHRASE = re.compile(
    rf"\b[Aa]ccording to (?P<phrase>(?:[^,.;:“”\"()—–]|\.(?=[A-Za-z]|\s{CAP})|"
    rf"(?<=\b{CAP})\.(?=\s[a-z])){{1,90}})"
)
# What a group of people is said to think, in the present ("Experts caution that ...").
_GROUP_VIEWS = r"warn|caution|agree|argue|believe|fear|predict|estimate|point\s+out|note"
ANONYMOUS = re.compile(
    rf"(?P<who>(?:(?:{CAP}[\w.’'-]*|many|some|several|other|two|three|senior|former|local|"
    r"federal|government|administration|[a-z]+-?level)\s+){0,3}"
    r"(?i:officials?|experts?|analysts?|sources?|people familiar[\w ]{0,40}?|diplomats?|"
    r"observers|critics|aides?|advisers|spokesm[ae]n|spokeswom[ae]n|spokesperson|residents|"
    r"authorities|insiders|investigators|researchers|scientists|economists|supporters|"
    r"opponents|witnesses|traders|investors|doctors|astronomers|groups|professionals|"
    r"specialists|forecasters|brokers|bankers|dealers|exporters|importers|shippers|growers|"
    r"retailers|staffers|shopkeepers|vendors|stallholders|"
    r"[a-z]+ologists)"
    r"(?:\s+and\s+[a-z]+s)?"  # "researchers and advocates agree"
    r"(?:\s+(?:on|in|at|with|from|close to|to|of|around|near)\s+[\w ’'.-]{1,40}?)?)\s+"
    rf"(?:have\s+|had\s+|also\s+|privately\s+|publicly\s+)?(?:{SPEECH_VERBS}|{_GROUP_VIEWS})\b"
)
# A group described by where its members stand or who asked them ("Producers in
# neighbouring counties said", "Traders polled by ... put the crop at", "Some
# volcanologists not involved in the study caution"): people the article does not name,
# even when, unqualified, the group's view would be a general one ("Economists expect").
QUALIFIED_GROUP = re.compile(
    rf"^\s*(?P<who>(?:(?:{CAP}{LOW}+|[Mm]any|[Ss]ome|[Ss]everal|[Oo]ther)\s+)?"
    r"(?P<noun>[A-Za-z]+s|[Pp]eople)"
    r"\s+(?:in|from|across|inside|polled\s+by|surveyed\s+by|(?:not\s+)?involved\s+in)"
    r"\s+[^,;.“”]{2,50}?)\s+(?:have\s+|had\s+|also\s+)?"
    rf"(?:{SPEECH_VERBS}|{_GROUP_VIEWS}|expect|put|estimate)\b"
)
# "Analysts at Banque Cartier", "economists at the Bank of Canada": a firm's research desk
# speaks for the firm, as its published note does; officials and sources stay unnamed.
GROUP_WHO = re.compile(
    rf"(?:^\s*|[,;]\s+)(?:(?:{CAP}{LOW}+|[Mm]any|[Ss]ome|[Ss]everal)\s+)?(?P<who>[A-Za-z]+s)"
    r"\s+who\s+[^,;.“”]{3,80}?\s+(?:say|said|warn|warned)\b"
)
DEFINITE = re.compile(r"\b(?:the|[Tt]he study's|[Tt]heir)\s+$")
# Who "the" may point back to as a study's authors; "the officials said" and "the sources
# said" stay unnamed sources.
AUTHORS = frozenset("researchers authors scientists scholars".split())
RESEARCH_DESK = re.compile(
    r"(?i:analysts|economists|strategists|researchers|forecasters)\s+at\s+(?:the\s+)?"
    rf"(?P<firm>{CAP}[\w’'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}[\w’'.&-]*){{0,5}})$"
)
# A cheap first look: ANONYMOUS is tried only on sentences that name such a group.
GROUP_NOUNS = frozenset(
    """official officials expert experts analyst analysts source sources people diplomat
    diplomats observers critics aide aides advisers spokesman spokesmen spokeswoman
    spokeswomen spokesperson residents authorities insiders investigators researchers
    scientists economists supporters opponents witnesses traders investors doctors
    astronomers groups professionals specialists producers growers colleagues
    strategists forecasters brokers bankers dealers exporters importers shippers retailers
    staffers shopkeepers vendors stallholders""".split()
)
LOWER_WORDS = re.compile(r"[a-z]+")
# What a reporter writes about a source who is not named, wherever it stands.
UNNAMED = re.compile(
    r"\b(?:(?:on|under) (?:the )?condition (?:of|that \w+ not be) (?:anonymity|named|identified)|"
    r"(?:asked|declined|refused) (?:not )?to be (?:named|identified)|"
    r"(?:(?:did|does|do) not|didn[’']t|doesn[’']t) (?:want|wish) to be (?:named|identified)|"
    r"(?:speak|spoke|talk|talked) only if (?:not named|not identified|granted anonymity)|"
    r"(?:basis|understanding) that [\w ’']{1,40}? (?:not )?be (?:named|identified)|"
    r"asked that (?:his|her|their) names? (?:not be (?:used|published|given)|be withheld)|"
    r"(?:declined|refused) to (?:give|be identified by|share) (?:his|her|their) (?:full )?names?|"
    r"speaking (?:privately|anonymously|on background)|"
    r"(?:was|were|is|are) not authori[sz]ed to (?:speak|discuss|comment)|"
    r"requested anonymity|on background|(?:people|person|[Tt]hose) (?:familiar|close) (?:with|to)|"
    r"sources? (?:familiar with|close to)|unnamed|(?:people|persons?|officials|sources) "
    r"(?:briefed on|with (?:direct )?knowledge of|who (?:declined|asked|spoke|requested))|"
    r"according to (?:\w+ ){0,2}(?:people|persons?|officials|sources|insiders)|"
    # "according to a Republican leadership aide": one person, not named
    r"according to (?:an?|one|two|three) (?:[\w-]+ ){0,3}(?:aide|official|source|insider|"
    r"staffer|adviser|advisor|diplomat)|"
    # "the same person said": the unnamed source again
    rf"the (?:same )?(?:people|person|officials?|sources?) (?:{SPEECH_VERBS}))\b",
    re.I,
)
UNNAMED_WORDS = frozenset(
    "condition anonymity named identified authorized authorised background familiar close "
    "withheld name names privately anonymously "
    "unnamed briefed knowledge people person officials sources insiders aide official source "
    "insider staffer adviser advisor diplomat".split()
)
# "A senior aide to the majority leader, who ..., said" -- an indefinite, unnamed person.
SOMEONE = re.compile(
    r"^\s*(?P<who>(?:A|An|One|Two|Three|Four|Several|Some|a|an|one|two|three|four|several|"
    rf"some)\s+(?:(?:[a-z][\w’'-]*|{CAP}{{2,5}})\s+){{0,5}}?"  # "An EU official involved in"
    # "Two cases were reported": a passive names what was reported, not who
    r"[a-z][\w’'-]*(?<!\bwere)(?<!\bwas)(?<!\bbeen)(?<!\bare))(?:,[^,]{3,120},)?"
    rf"\s+(?:has\s+|had\s+|also\s+)?(?:{SPEECH_VERBS})\b"
)
# "the census bureau", "the mayor's office", "the state health department".
BODIES = (
    r"office|bureau|department|agency|ministry|council|committee|commission|court|union|"
    r"federation|organi[sz]ation|association|institute|university|company|government|"
    r"administration|service|board|authority|center|centre|bank|fund|foundation|party|police|"
    r"campaign|hospital|district|embassy|army|military|observatory|regulator|watchdog|"
    r"academy|programme|program|club|coalition|operator|college|society|system|secretariat|"
    r"think tank|chamber|laboratory|network|alliance|prosecution|town hall|city hall"
)
BODY_WORD = re.compile(rf"\b(?:{BODIES})s?\b", re.I)
BODY_BEFORE = re.compile(
    rf"\b(?P<body>[Tt]he\s+(?:[\w’'.-]+\s+){{0,5}}?(?:{BODIES}))"
    r"(?:\s+(?:also|then|later|has|had|have|once|previously))?$",
    re.I,
)
# "Spain's industry ministry", "the city's health department".
OWNED_BODY = re.compile(
    rf"(?P<body>\b{CAP}[\w.-]*[’']s\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?:{BODIES}))"
    r"(?:\s+(?:also|then|later|has|had|have))?$"
)
OWNED_BODY_FIRST = re.compile(
    rf"(?:the\s+)?(?P<body>(?:{CAP}[\w.-]*\s+)?[A-Za-z][\w.-]*[’']s\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?:{BODIES}))\b"
)
# "Nigeria's National Emergency Management Agency": a body's own name after its owner's
OWNED_NAME = re.compile(rf"{CAP}[\w.-]*[’']s\s+(?P<name>(?:{CAP}[\w&’'-]*\s+){{1,5}}{CAP}{LOW}+)\b")
# "the auditor's office, which estimated": the relative pronoun stands for the speaker.
RELATIVE = re.compile(r",\s+(?:which|who)$")
# "The airline, which carries 9 million passengers a year, said": the clause is dropped.
TRAILING_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|a|an|the|in|on|at)\b(?:[^,]|,(?=\d)){3,120},$"
)
# What stands between a name and its verb: an age ("Kell, 29, said"), a description or
# both ("Kell, 29, one of eight inmates who testified, said"); a comma inside a figure
# ("7,000") does not end it.
APPOSITION = r"(?:\d{1,3}|(?:\d{1,3},\s+)?(?:[^,]|,(?=\d)){3,120})"
# "the United Nations Office on Drugs and Crime", "the Bureau of Labor Statistics".
NAMED_BODY = re.compile(
    rf"(?:\b[Tt]he\s+)?(?P<body>{CAP}[\w’'.-]*(?:\s+(?:(?:of|on|and|for|the)\s+)*"
    rf"{CAP}[\w’'.-]*){{1,7}})(?:\s+(?:also|has|had|have))?$"
)
# Plural nouns for a group of people: a group is never named, so it is never the person a
# later "he said" refers to, and when it is not an unnamed source it is no speaker at all
# ("Prosecutors said", "Democrats say").
GROUPS = frozenset(
    """officials experts analysts sources people diplomats observers critics aides advisers
    spokesmen spokeswomen residents authorities insiders investigators researchers scientists
    economists supporters opponents witnesses traders investors doctors astronomers
    prosecutors lawmakers legislators democrats republicans conservatives liberals voters
    parents teachers students workers employees nurses police officers builders lawyers
    attorneys regulators executives activists advocates protesters organizers organisers
    leaders members owners farmers families patients neighbors neighbours shoppers
    consumers drivers pilots passengers customers historians engineers planners
    firefighters commuters retailers landlords tenants environmentalists inspectors
    auditors professionals specialists producers growers strategists physicians surgeons
    clinicians paramedics midwives brokers bankers dealers forecasters staffers shopkeepers
    vendors stallholders campaigners demonstrators""".split()
)
NOT_NAMES = frozenset(
    """The A An It This That These Those There Here If When While After Before But And Or
    So Yet In On At For To From As By With Despite Moments Just Last Relations Should
    Would Could May Might Will I We You Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Only Nearly Almost About Around Roughly More Fewer Less Most Many Some All
    Every""".split()
)


# Capitalised titles written before a name ("House Speaker Ron Kessler", "Fed Governor
# Lisa Moreno"): the speaker is the person, named without them.
# Titles that stand before a name only, never as a role that opens a sentence ("Frame Lake
# MLA Celeste Mandeville said", "Hon. Abena Manu"; not "MP Materials", "TD Bank Group").
MEMBER_TITLES = frozenset(
    "MP MEP MLA MSP MPP MNA MHA TD Hon. Barrister Advocate Member Councilmember Assemblymember"
    .split()
)
TITLE_WORDS = frozenset(
    """Speaker Governor Gov. Secretary Chief Prosecutor Minister Director Commissioner
    President Chairman Chairwoman Chair Senator Sen. Rep. Representative Mayor Judge Justice
    Sheriff Superintendent Councilman Councilwoman Councillor Councilor Ambassador General
    Attorney Officer Treasurer Auditor Controller Clerk Leader Whip Premier Chancellor
    Administrator Inspector Spokesman Spokeswoman Spokesperson Executive Manager Detective
    Sergeant Sgt. Lieutenant Lt. Captain Capt. Deputy Professor Prof Prof. Moderator
    Commander Marshal Admiral Colonel Brigadier Magistrate
    Selectman Selectwoman Alderman Alderwoman Comptroller Coroner Constable Provost Adviser
    Advisor Chairperson Director-General Secretary-General Cllr Dr Dr. Counsel""".split()
) | MEMBER_TITLES


# Titles that only ever stand before a person's name: "Cllr Gormley", "Deputy Finnerty",
# "Mayor Adams" name the person ("General Motors", "Premier Foods" are companies).
COURTESY_TITLES = frozenset(
    """Cllr Councillor Councilor Deputy Senator Sen. Rep. Representative Gov. Governor Mayor
    Judge Sheriff Prof Prof. Professor Commissioner Ambassador Detective Sergeant Sgt.
    Superintendent Constable President Alderman Alderwoman""".split()
)
# A body's name after what it is: "the charity End Cold Homes Alliance".
NAMED_TAIL = re.compile(
    rf"^[Tt]he\s+(?:[a-z][\w’'-]*\s+)+"
    rf"(?P<name>{CAP}[\w’'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}[\w’'.&-]*)*)$"
)


# What a sentence may say a name is before the name, capitalised as its first word
# ("Consultancy Harwell Energy Analytics forecast", "Pollster Ipsos found", "Economist
# Jane Roe said"): the speaker is the name.
DESCRIPTORS = frozenset(
    """Consultancy Consultant Pollster Broker Brokerage Lender Insurer Retailer Carmaker
    Automaker Drugmaker Chipmaker Miner Regulator Watchdog Airline Carrier Manufacturer
    Supplier Developer Startup Start-up Charity Firm Economist Analyst Strategist Researcher
    Astronomer Scientist Historian Activist Campaigner Landlord Farmer Novelist Author Nurse
    Teacher Coach Pastor Lawyer""".split()
)


# What ends a company's name: "Carrier Global", "Coach Inc." are companies whose first
# word is also a descriptor, not a carrier called "Global".
CORPORATE_TAILS = frozenset(
    """Global Group Inc Corp Co Ltd Holdings PLC Plc International Industries""".split()
)


# A body named in full: "the Kettle County Health Department", "the Department of Health
# and Social Care", "the Interior Ministry".
BODY_HEADS = (
    r"Office|Bureau|Department|Agency|Ministry|Council|Committee|Commission|Institute|"
    r"Administration|Service|Services|Board|Authority|Regulator|Centre|Center|Federation|"
    r"Union|Association|Trust|Coalition|Network|Alliance"
)
BODY_HEAD = re.compile(rf"\b(?:{BODY_HEADS})\b")
# The name a sentence opens with, as its subject: "Lilly will cut ...", "Brentwell
# Laboratories is recalling ...", after a dateline ("OSLO — ").
SUBJECT = re.compile(
    rf"(?:{CAP}[{CAPITALS}.,' -]+(?:\([A-Za-z]+\))?\s*(?:—|–|--)\s*)?"
    rf"(?P<name>{CAP}[\w&’'.-]*(?:\s+(?:(?:of|for|&)\s+)?{CAP}[\w&’'.-]*){{0,3}})(?:[’']s)?\s+"
    r"(?:is|was|has|had|will|would|plans|lost|made|cut|[a-z]+ed)\b"
)


# The title words as an alternation for the patterns: "Secretary|Minister|...".
TITLES = "|".join(sorted(re.escape(w) for w in TITLE_WORDS if "." not in w))


# Letters after a name ("Renata Silvestri, RN, director of ...", "Mark Liu, MD, said"):
# a qualification, not the speaker.
_CREDENTIALS = r"(?:RN|MD|M\.D\.|DO|NP|PhD|Ph\.D\.|MPH|DVM|PharmD|QC|KC|MP|MSP|OBE|MBE|CBE|Esq\.)"
CREDENTIAL = re.compile(
    rf",\s+{_CREDENTIALS},(?=\s+(?:said|says|told|tells|added|wrote)\b)|(?<=,)\s+{_CREDENTIALS},"
)
# A figure or a fact "reported by" a named body is that body's: "the 3.6 percent rise
# reported by the Bureau of Labor Statistics".
REPORTED_BY = re.compile(
    r"\b(?:reported|estimated|projected|forecast|announced) by (?:the )?"
    rf"(?P<who>{CAP}[\w’'.&-]*(?:\s+(?:(?:of|for|and|on|&)\s+)?{CAP}[\w’'.&-]*){{0,7}})"
)
# Plurals that stand for an office or a party, whose word is on the record ("Prosecutors
# in the case said", "Democrats in the Senate said"), not for unnamed people.
OFFICES = frozenset(
    "prosecutors police regulators auditors inspectors democrats republicans conservatives "
    "liberals".split()
)
# "a team at the University of Otago in New Zealand", "a study published in the Journal
# of Volcanic Processes": a place or a publication, not who speaks.
IN_PLACE = re.compile(
    rf"\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?{CAP}[\w’'.-]*"  # "in rural Ontario"
    rf"(?:\s+(?:(?:of|for|on|and|&)\s+)?{CAP}[\w’'.-]*){{0,5}}$"
)
# "..., police said", "State police said": the force speaks.
POLICE = re.compile(rf"(?:^|,\s+|\s(?:and|but)\s+)(?P<police>(?:{CAP}{LOW}+\s+)?[Pp]olice)$")
_BODY_NAME = rf"{CAP}[\w’'.&-]*(?:\s+(?:(?:of|for|and|on|&)\s+)?{CAP}[\w’'.&-]*){{0,7}}"
_SPOKES = r"spokes(?:man|woman|person)"
# "a Department of Transport spokesman said", "a spokesperson for the trust said", "a
# company spokeswoman said": a spokesperson speaks for the body, who is the speaker.
SPOKESPERSON = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|One)\s+(?:(?P<name>{_BODY_NAME})\s+{_SPOKES}|(?P<noun>[a-z]+)\s+{_SPOKES}"
    rf"|{_SPOKES}\s+(?:for|at)\s+(?:the\s+(?P<the>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,2}}?)\b|(?:the\s+)?(?P<for>{_BODY_NAME})))"
    rf"(?:,[^,]{{3,120}},)?\s+(?:also\s+)?(?:{SPEECH_VERBS})\b"
)
# What a spokesperson in lower case may speak for: "a company spokesman", "a club
# spokeswoman"; not "a senior spokesman".
SPOKEN_FOR = frozenset(
    """company firm carrier airline carmaker automaker lender retailer insurer chain
    manufacturer drugmaker bank utility club trust team school charity group network
    league""".split()
)


# "The shadow health secretary, Tom Idris,": a name in apposition to a title before it.
NAME_IN_APPOSITION = re.compile(
    r"(?:^\s*(?:(?:But|And|Yet)\s+)?|,\s+|(?<=\s\s))"
    rf"(?:[Tt]he|(?:[Tt]he\s+)?{CAP}[\w.-]*[’']s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
    # "Halvorsen's European chief executive, Bruno Castell,": one word of place may lead;
    # "the state TUC Chairman, Comrade ...": a body's letters before a capitalised title
    rf"(?:{CAP}{LOW}+\s+(?=[a-z]))?(?:(?:[a-z][\w’'-]*|{CAP}{{2,6}})\s+){{0,3}}"
    r"(?:[a-z][\w’'-]*|(?:Chairman|Chairwoman|Chairperson|President|Secretary|Leader)(?=,)|"
    rf"(?:{TITLES})(?: (?:{TITLES}))?(?: (?:of|for) (?:the )?"
    rf"(?:{CAP}[\w’'-]*\s+){{0,2}}{CAP}[\w’'-]*){{1,2}}),\s+"
    # "Her lawyer, Sam Reid of Reid & Co,": the firm the person is at is no part of the name;
    # "The study's lead author, hydrogeologist Marisol Pruitt,": a trade may come before it
    rf"(?:[a-z]+\s+)?(?P<name>{CAP}[\w’'.-]*(?:\s+(?:&\s+)?{CAP}[\w’'-]*){{0,3}})"
    rf"(?:\s+(?:of|from|at)\s+(?:the\s+)?{CAP}[\w’'.&-]*(?:\s+(?:&\s+)?{CAP}[\w’'.&-]*){{0,4}})?,$"
)


# A sentence that opens with a role, then the person in apposition: "Head of the
# Ministry's Wellness Unit, Dr Litia Naivalu, said", "Leader of Government Business in the
# Senate, Senator ..., says", "Mabaso Linen Services' managing director, Ayanda Mabaso,".
_ROLES = "|".join(sorted(re.escape(w) for w in TITLE_WORDS - MEMBER_TITLES | {"Head", "Vice"}
                         if "." not in w))
ROLE_THEN_NAME = re.compile(
    rf"\s*(?:(?:{_ROLES})\b[^,]{{0,80}}|"
    rf"(?:{CAP}[\w.&-]*\s+){{0,3}}{CAP}[\w.&-]*(?:[’']s|s[’'])(?:\s+[a-z][\w-]*){{1,3}}),\s+"
    rf"(?P<name>(?:{CAP}[\w’'.-]*\s+){{1,3}}{CAP}[\w’'-]*),"
)


# "Energy Minister Omar Said defended the rise, saying ...": the named subject of the
# sentence speaks in the participle clause after its act.
SAYING = re.compile(
    rf"\s*(?P<name>(?:{CAP}[\w’'.-]*\s+){{1,5}}?{CAP}[\w’'.-]*)\s+(?:[a-z]+ed|told)\b"
    r"[^.;:]*?,\s+saying\b"
)


# "Alberta Environment and Protected Areas": a body whose name holds "and".
JOINED_NAME = re.compile(
    rf"(?P<name>{CAP}[\w’'.-]*(?:\s+{CAP}[\w’'.-]*)*\s+and\s+{CAP}[\w’'.-]*"
    rf"(?:\s+{CAP}[\w’'.-]*)+)"
)


# A name after a description in lower case, with perhaps a place before it: "energy
# minister Callum Rhodes", "the Lisbon consultancy Harwell Energy Analytics".
DESCRIBED_NAME = re.compile(
    rf"(?:the\s+)?(?:{CAP}[\w’'.-]*\s+)?(?:{NOT_TITLE}[a-z][\w’'-]*\s+){{1,3}}"
    rf"(?P<name>{TITLE}{NAME})"
)
# "according to two shipbrokers": a few people of a trade, named by nobody.
COUNTED_PEOPLE = re.compile(
    r"(?:two|three|four|five|several|some|a few|a handful of|\d{1,2})\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?P<noun>[a-z]+s)"
)


# "City planning staff project": a capitalised word that only qualifies the lower-case
# noun after it is no one's name.
MODIFIER = re.compile(rf"{CAP}[\w’'.-]*(?:\s+[a-z][\w’'-]*)+$")
# "ecologist Priya Raman from Federation University said": a person placed at a body,
# who speaks, not the body.
PERSON_AT_BODY = re.compile(
    rf"(?:(?<=\s)|^)(?P<name>(?!(?:The|An?|This|That|Its|Their)\s){CAP}{LOW}+\s+{CAP}[\w’'-]+)"
    r"\s+(?:from|of|at)\s+"
    # "of the citizens' group Bengaluru Moving": what the body is may stand before its name
    r"(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,3}"
    rf"{CAP}[\w&’'.-]*(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}[\w&’'.-]*){{0,5}}$"
)


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    ACCORDING, ACCORDING_PHRASE, ANONYMOUS, BODY_HEAD, BODY_WORD, MISSING, NAMED_BODY,
    PERSON_AT_BODY, SUBJECT, UNNAMED, VERB_AFTER,
) = first_looks(
    ACCORDING, ACCORDING_PHRASE, ANONYMOUS, BODY_HEAD, BODY_WORD, MISSING, NAMED_BODY,
    PERSON_AT_BODY, SUBJECT, UNNAMED, VERB_AFTER,
)
