"""The news prior: a desk policy added to the model's score for what the model cannot see.

The model was trained on isolated sentences of spoken debate. Two things that make a news
sentence worth checking are invisible to it: who is being quoted (resolved across the
article by ``speakers``) and whether the sentence reports a dated event. Both are
general conventions of news writing, not features of one article, and both are added as
fixed log-odds on top of the model's score. The sizes were set by hand, with the seed
article in view (see the model card): they are a desk policy, not fitted values.
"""

from __future__ import annotations

import re

from workbench.extraction import attribution, colour, kinds, notices, quotemarks, quotes
from workbench.extraction.cues import QUOTED
from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP

QUOTE_PRIOR = 3.5  # direct speech attributed to a named person, saying something checkable
DATE_PRIOR = 1.5  # an event pinned to a day, month, year or relative date
OPINION_PRIOR = -3.0  # words that only judge (praise, blame, feelings), quoted or not
# a fact stated in narration: per kind of fact it states, at most FACT_PRIOR_CAP in all
FACT_PRIOR = {"designation": 2.0, "statistic": 1.0, "causal": 1.0, "comparison": 1.0,
              "prediction": 1.0}
FACT_PRIOR_CAP = 3.0
# reported speech (no quote marks) of a named, institutional or unnamed source that states
# a fact or what will happen ("The governor's office said it would review ...")
REPORTED_PRIOR = 2.5
REPORTED_EVENT_PRIOR = 1.5  # the same, of something that happened ("said the money had been moved")
# speech that states nothing checkable ("“We've given up,” said ...", "Supporters say she
# is the strongest candidate")
EMPTY_QUOTE_PRIOR = -2.0
REACTION_PRIOR = -1.5  # colour: how a crowd reacted ("Supporters cheered outside")
# colour: a scene set at an hour ("On a recent afternoon, ...") and a vox pop (a passer-by
# quoted on what they lived through), whatever numbers or dates they hold
COLOUR_PRIOR = -4.0
SCHEDULE_PRIOR = -1.5  # a notice of what is due on a date ("The report is due on April 3")
# a service note: where to call, book or go ("Appointments can be booked at 555-0100")
SERVICE_PRIOR = -4.0
_DATE_ANCHOR = quotes.DATE_ANCHOR
# 'called the cuts “shortsighted”', 'praised the minister as "a steady hand"', "described
# the offer as 'an insult'": a characterisation in quote marks is an opinion (not "had
# described ...": what a text once said, or "whom he has called ...": background to an
# event).
_CHARACTERISED = re.compile(
    r"(?<!had )(?<!has )(?<!have )(?<!that )\b(?:call(?:ed|s)|describe[ds]|prais(?:ed|es)|"
    r"hail(?:ed|s)|dismiss(?:ed|es)|derided|brand(?:ed|s)|label(?:l?ed|s)|denounc(?:ed|es)|laud(?:ed|s)|"
    r"slamm?(?:ed|s)|term(?:ed|s)|liken(?:ed|s)"
    r") (?:it|them|this|that|him|her|(?:the|a|an|its|his|her|their|this|that|"
    rf"{CAP}[\w’'-]+) [\w’'& -]{{1,30}}?|{CAP}[\w’'-]+) (?:as )?[“\"‘']"
    # reported speech whose complement is a characterisation in quote marks: 'said the
    # result was "a slap in the face"', "said the town had been 'left at the back of the queue'"
    r"|(?P<reported>\b(?:said|says|told [\w ]{1,30}?|added|argued|insisted)\s+(?:that\s+)?"
    r"(?:[^\s“”\"‘’,;]+\s+){1,6}?(?:was|is|were|are|had been|has been|have been|would be|"
    r"will be|remained|remains?)\s+[“\"‘'])"
)
_OPENING_MARKS = ("“", '"', "‘", "'")
# How a quoted judgement opens: "a slap in the face", "yet more proof", "no more money ..."
_JUDGING_OPEN = re.compile(r"(?:a|an|the|yet|no|not|nothing|just|one|another)\b", re.I)
# A clause of its own after such a quote: '... was "transitory" and was largely on account of'
# ; and a quote that measures against something ("better prepared than ever", "the worst on
# record"), which can be checked.
_MEASURED = re.compile(
    r"\b(?:than|ever|record|highest|lowest|largest|biggest|smallest|best|worst|most|least)\b"
)
_SECOND_CLAUSE = re.compile(
    r"\s*and\s+(?:could|would|will|may|might|can|was|were|had|has|have|is|are)\b"
)
# A demand beside a characterisation ("... and renewed its call for the tax to be cut on homes
# under $1.5 million"): what is asked for states no fact, whatever figure it names.
_DEMAND = re.compile(
    r"\b(?:(?:renewed|repeated|reiterated) (?:its|their|his|her) (?:calls?|demands?)|called for|"
    r"called on|urged|demanded)\b[^.;]*"
)
_CLOSE_QUOTE = re.compile(r"[”\"’']")
# A view or forecast put to a loose group that no one could ask ("Some traders expect ...",
# "Other ecologists cautioned that ...", "Many analysts say ..."): not a source
# to check against, unlike "people familiar with the talks" or "economists polled by ...".
_LOOSE_GROUP = re.compile(
    r"^(?:Some|Other|Several|Many|Most|Not all) (?:[\w-]+ ){0,3}"
    r"(?:analysts|economists|traders|experts|scientists|researchers|ecologists|oceanographers|"
    r"investors|observers|critics|strategists|academics|specialists)\b(?! polled| surveyed)"
    r"[^,.]{0,60}? (?:said|say|says|warned|warn|cautioned|caution|expect|expected|believe|"
    r"argued|argue|agree|agreed|disagree|disagreed)\b"
    # members of the public as a group, where they were: "Residents on the estate said ...",
    # "Commuters at the station complained of ..." (a vox pop without a name)
    rf"|^(?:{CAP}[\w’'-]* )?(?:[Ss]hoppers|[Rr]esidents|[Nn]eighbou?rs|[Pp]assers-by|[Cc]ommuters|"
    r"[Pp]arents|[Cc]ustomers|[Ll]ocals|[Oo]nlookers|[Ff]ans|[Vv]isitors|[Pp]assengers|"
    r"[Dd]rivers|[Tt]enants|[Vv]illagers|[Dd]iners) (?:at|in|on|near|from|outside|"
    r"along|of) [^,.;]{1,60}? (?:said|say|says|told|described|recalled|complained)\b"
)
# An appeal: "The prosecutor urged the jury to look at the evidence", "The union called on
# ministers to reopen talks": a request, which states nothing unless it holds a fact.
_APPEAL = re.compile(
    r"^(?:(?!\b(?:said|says|say|told|had|has|have)\b)[^,;]){3,80}? (?:urged|called on|called "
    r"for|appealed (?:for|to)|pleaded (?:for|with)|demanded)\b"
)
# No answer: "The company declined to comment", "... did not respond to a request for comment"
# (not "an official, who declined to be named, said ...": that one did answer).
_NO_ANSWER = re.compile(
    r"(?<!who )\b(?:declined|refused) to (?:comment|say|disclose|discuss|elaborate|specify|"
    r"confirm|answer)\b"
)
# ... and in the sentence's own clause, not a relative one ("The company, which did not
# respond to a request for comment, cut 900 jobs")
_NO_REPLY = re.compile(
    r"[^,]*?\b(?:respond(?:ed)?|repl(?:y|ied)) to (?:a |our |the |several |repeated )?"
    r"requests? for comment(?:\s+[\w.]+){0,2}\.?$"
)
# A sentence that points back to a quote to attribute it: "That is how the ecologist
# described the results", "That was the assessment of the fire chief", "Those were the
# words his daughter read to the court".
_POINTER = re.compile(
    r"^(?:That|This|Those|These) (?:is|was|were|are) (?:how [^.]{1,80}? (?:described|put it|"
    r"summed (?:it )?up|characteri[sz]ed|explained)\b|the (?:words|assessment|verdict|view|"
    rf"message|warning) of\b|the words {CAP})"
    # where a quoted statement came from: "That was the message the union posted on Monday",
    # "It is a letter the minister sent to MPs", "The remarks were read out by her lawyer"
    r"|^(?:It|That|This) (?:is|was) (?:a|the|an) (?:[\w-]+ )?(?:statement|message|post|letter|"
    r"email|note|tweet)s? (?:that )?(?:[\w’'-]+ ){1,4}?(?:released|issued|posted|sent|published|"
    r"put out|read out|wrote|shared)\b"
    r"|^The (?:statement|remarks|comments|quotes?|words|message|post|letter) (?:was|were) "
    r"(?:attributed to|issued in the name of|read out by)\b"
)
# A study's funding note, the close of a science report: "The study was funded by the
# national science foundation", "The work received funding from ..." (not a sum granted:
# "The project received $2 million from the state" is news).
_FUNDING_NOTE = re.compile(
    r"^(?:The|This|Their|Her|His) (?:[\w-]+ )?(?:study|work|research|project|trial|survey|"
    r"analysis)(?: was| is)? (?:funded|supported|paid for) by\b"
    r"|^(?:The|This|Their|Her|His) (?:[\w-]+ )?(?:study|work|research|project|trial|survey|"
    r"analysis) (?:received|receives|had) (?:funding|support|financial support) from\b"
)
_DIGIT = re.compile(r"\d")
# Words a speaker uses to give a view, not a fact: a stance adverb ("finally", "frankly"),
# a belief in the first person, negated or not ("I don't think"), blame in words that judge
# ("betrayed every family") or a simile ("ran this like a business"). They make a quote an
# opinion only when it states no fact. A feeling about news is not a view ("Sadly, the
# clinic closed in May"), nor is "looks like" before a clause ("It looks like they will
# close the plant"): a report and a forecast.
# The set phrases of a statement issued to the press, which commit to values, not facts:
# "Safety is our highest priority", "out of an abundance of caution", "we take this very
# seriously", "working around the clock", "our thoughts are with", "I regret", "we
# apologise", "will cooperate fully". Taken out, what is left must still state a fact.
_BOILERPLATE = re.compile(
    r"\b(?:(?:is|are|remains?) (?:our|my|the|a) (?:highest|top|first|number one|absolute|"
    r"overriding) priority|(?:out of|with) an abundance of caution|tak(?:e|es|ing) (?:this|these|"
    r"that|it|the (?:matter|issue|concerns?|allegations?|safety [\w ]{1,20}?)) (?:very |extremely |"
    r"incredibly |most )?seriously|(?:work|working|worked) (?:around|round) the clock|"
    r"(?:[Oo]ur|[Mm]y) (?:thoughts|hearts) (?:and prayers )?(?:are|go) (?:with|out to)|"
    r"(?:will |would |to )?(?:co-?operate|cooperating|co-operating) fully|fully (?:co-?operat\w+)|"
    r"(?:I|[Ww]e) (?:deeply |sincerely |truly |bitterly )?regret|"
    r"(?:I|[Ww]e) (?:sincerely |unreservedly |deeply )?apologi[sz]e|"
    r"(?:I|[Ww]e) (?:have )?always (?:tried|strived|sought|endeavoured|endeavored) to|"
    # pledges and reassurance: "we will leave no stone unturned", "help is on the way",
    # "no one will be left behind", "we understand people's frustration"
    r"(?:I|[Ww]e) will (?:not let|do (?:everything|whatever it takes)|leave no stone unturned|"
    r"not rest)|[Hh]elp is on (?:the|its) way|(?:[Nn]o one|[Nn]obody)(?: [\w-]+){0,3} (?:is "
    r"going to be|will be) left (?:behind|on (?:their|his|her) own|alone)|(?:I|[Ww]e) "
    r"(?:recogni[sz]e the urgency|(?:understand|share) (?:the |their |people['’]s |your )?"
    r"(?:frustration|concerns?|anger))|"
    # a witness's measure of it: "We have never seen anything like it in 20 years"
    r"(?:I|[Ww]e)(?:['’]ve| have) never seen (?:it|anything|something|things|them) (?:this|so|"
    r"like (?:this|it|that))\b(?: (?!in\b)\w+)?"
    r"(?: in (?:all )?(?:my |our )?(?:\d+|[a-z]+)? ?years)?|"
    r"in all (?:my|our) years)\b"
)
_STANCE = re.compile(
    r"\b(?:finally|frankly|honestly|obviously|clearly|surely|hopefully)\b"
    r"|\b(?:I|[Ww]e) (?:don['’]t |do not |didn['’]t |did not |really |honestly |still )?"
    r"(?:think|believe|feel|suspect|doubt|reckon)\b|\bin (?:my|our) (?:view|opinion)\b"
    # a wish or a preference in the first person ("I'd want to see ...", "We'd much rather")
    r"|\b(?:I|[Ww]e)(?:['’]d| would) (?:much |really |still |far )?(?:rather|prefer|want to see|"
    r"like to see)\b"
    # a prescription ("What we need is ...", "What matters is ...") and a concession
    # ("Nobody in this room wants to raise taxes")
    r"|\bWhat (?:we|they|you|the [\w-]+|this [\w-]+) (?:really )?(?:need|needs|want|wants) "
    r"(?:is|are)\b|\bWhat matters (?:is|now)\b"
    r"|\b(?:[Nn]obody|[Nn]o one) (?:on|in|at|around) (?:this|the|our) [\w-]+ (?:wants?|wanted|"
    r"believes?|likes?|enjoys?|relishes)\b"
    # a vote or a stand refused in the first person ("I can't vote for this")
    r"|\b(?:I|[Ww]e) (?:can['’]t|cannot|won['’]t|will not) (?:vote for|support|accept|back)\b"
    # "It is a scandal that ...", "It's a disgrace"
    r"|\b(?:[Ii]t is|[Ii]t['’]s|[Tt]his is|[Tt]hat is) (?:a|an|an absolute|a national) "
    r"(?:scandal|disgrace|outrage|travesty|shame|insult)\b"
    # blame: what someone did to people, in words that judge it ("betrayed every family",
    # "failed our children", "left families at the mercy of", "turned it into a crime")
    r"|\b(?:betray(?:ed|s|ing)?|let (?:\w+ ){1,2}down|sold (?:\w+ ){1,2}out|"
    r"turn(?:ed|s|ing)? a blind eye|at the mercy of|(?:threw|thrown|throw) (?:\w+ ){1,2}under "
    r"the bus|turn(?:ed|s)? (?:it|this|that|them|him|her) into)\b"
    r"|\bfail(?:ed|s|ing)? (?:our|their|its|every|the) (?:\w+ )?(?:children|families|"
    r"patients|residents|workers|people|voters|taxpayers|students|profession|community)\b"
    r"|\b(?:ran|runs?|running|treats?|treated|treating|acts?|acted|behaves?|behaved|looks?|"
    r"looked|reads?|sounds?|sounded) (?:[\w’'-]+ ){0,3}like (?:a|an|one)\b"
    # "treated the account like his own wallet"
    r"|\b(?:ran|runs?|running|treats?|treated|treating|used|uses) (?:[\w’'-]+ ){0,4}like "
    r"(?:his|her|their|its|my|our|your) own\b"
)


def news_prior(text: str, who: attribution.Attribution, quote_run: bool) -> float:
    """Log-odds added to the model's: checkable speech (quoted by a named person, or
    reported by a named, institutional or unnamed source; reported speech with a quoted
    phrase counts as checkable when it reports what will be done), facts and forecasts stated in
    narration and dated events lift a sentence; words that only judge (in a quote, only the
    quoted words count, and a stance word, a simile or the set phrases of a press statement
    there judge too; a characterisation in quote marks is a view, and a view gains nothing
    from a date), speech that states nothing checkable and a crowd's reaction lower it
    unless they also state a fact, and so do a notice of what is scheduled and a service
    note (a number to call, a place to book). Colour (see ``colour``: a scene, a vox pop, a
    roughly counted crowd) is set aside first, whatever else it holds, and so are a sentence
    that only points back to a quote, a refusal to comment, a study's funding note, a view
    put to a loose group ("some analysts") or to the public ("shoppers at the mall said")
    and an appeal that states no fact. Single quote marks quote as double ones do."""
    # single marks quote too (‘We cut 40 jobs,’ she said), read as double ones
    marked = quotemarks.curly_quotes(text) if "'" in text or "‘" in text else text
    quoted = quote_run or "“" in marked or '"' in marked
    if text[:2] in ("Th", "It") and _POINTER.match(text) and not _DIGIT.search(
            notices.WHEN.sub(" ", text)):  # a pointer holds no figure, but may say when
        return EMPTY_QUOTE_PRIOR
    if (" by " in text or " from " in text) and _FUNDING_NOTE.match(text) and (
        not _DIGIT.search(text)
    ):
        return SERVICE_PRIOR  # who paid for a study, no sum: a disclosure, like a service note
    if "to " in text and (_NO_ANSWER.search(text) or _NO_REPLY.match(text)) and not quoted:
        return EMPTY_QUOTE_PRIOR
    said = text if quote_run or not quoted else " ".join(QUOTED.findall(marked)) or text
    named = who.speaker is not None and not who.flags
    if colour.scene(text, who.speaker) or (named and colour.vox_pop(text)):
        return COLOUR_PRIOR
    boilerplate = quoted and bool(_BOILERPLATE.search(said))
    words = said
    if boilerplate:
        said = _BOILERPLATE.sub(" ", said)
    judges = kinds.value_judgement(said) or (quoted and bool(_STANCE.search(said)))
    # whether the words state a fact only tempers a judgement: asked only when they judge
    opinion = (judges and not (
        quotes.states_measure(said) if quoted else kinds.states_fact(said))) or (
        boilerplate and not kinds.states_fact(said) and not _plain_sentence_checkable(words)
    ) or _characterised(text)
    if opinion:
        prior = OPINION_PRIOR
    elif notices.service_note(text):
        return SERVICE_PRIOR
    elif quoted:
        if named and (quotes.checkable(said) or (not quote_run and kinds.forecast(text) and (
                kinds.quoted_phrase(marked) or kinds.forecast(QUOTED.sub(" ", marked))))):
            prior = QUOTE_PRIOR
        elif named and not quote_run and kinds.quoted_phrase(marked) and not (
                "accus" in marked or _characterising(marked)):
            prior = QUOTE_PRIOR  # a neutral phrase quoted in reported speech of a fact, not
            # a characterisation ('called the extension "a plaster, not a cure"')
        elif named:
            prior = EMPTY_QUOTE_PRIOR
        else:
            prior = 0.0
    else:
        # a street address says where, not how many: "at 1400 N. Elm St." is no statistic
        plain = notices.ADDRESS.sub(" ", text) if _DIGIT.search(text) else text
        facts = set(kinds.fact_kinds(plain))
        if kinds.forecast(text) and not notices.SCHEDULE.search(text):
            facts.add("prediction")
        prior = min(FACT_PRIOR_CAP, sum(FACT_PRIOR[k] for k in facts))
        reported = who.explicit and (who.speaker is not None or "anonymous_source" in who.flags)
        if _LOOSE_GROUP.match(text) and not _past_figure(text, facts):
            return EMPTY_QUOTE_PRIOR  # a view of "some analysts", whatever it forecasts
        if not facts and " " in text and _APPEAL.match(text):
            return EMPTY_QUOTE_PRIOR
        if reported and facts:
            prior = max(prior, REPORTED_PRIOR)
        elif reported and kinds.past_event(text):
            prior = REPORTED_EVENT_PRIOR
        elif reported:
            prior = EMPTY_QUOTE_PRIOR  # a view reported without quote marks
        elif facts <= {"statistic"} and not _DIGIT.search(text) and (
                colour.crowd_reacts(text, facts)):
            return REACTION_PRIOR  # a crowd counted only as "dozens", on whatever day
    schedule = notices.SCHEDULE.search(text)
    diary = schedule or notices.DIARY.search(text)
    if diary and not notices.CASE_STEP.search(text) and notices.bare_schedule(text, diary):
        return SERVICE_PRIOR  # a date in the diary and nothing else: a notice
    if schedule:
        prior += 0.0 if notices.CASE_STEP.search(text) else SCHEDULE_PRIOR
    elif _DATE_ANCHOR.search(text) and not opinion:  # a dated view is still a view
        prior += DATE_PRIOR
    return prior


# The introduction of whoever characterises: ", who has taught there for 19 years,".
_APPOSITION = re.compile(r",\s+(?:who|whose|which|an?|the)\b[^,“”\"]*,")


def _characterising(text: str) -> re.Match[str] | None:
    """``_CHARACTERISED.search(text)``, but not a quote in reported speech that a clause of its
    own or a fact follows ('said it was "reviewing the decision" and could ask the court to
    ...'), nor one that measures."""
    if not any(mark in text for mark in _OPENING_MARKS):  # a first look: no quote, no match
        return None
    found = _CHARACTERISED.search(text)
    if found and found["reported"]:
        close = _CLOSE_QUOTE.search(text, found.end())
        after = text[close.end():] if close else ""
        if _SECOND_CLAUSE.match(after) or _DIGIT.search(after) or kinds.states_fact(after):
            return None  # '... had been "well over the limit" when his van hit two cyclists'
        words = text[found.end(): close.start() if close else len(text)]
        if _MEASURED.search(words) or not (_JUDGING_OPEN.match(words) or words.count(" ") >= 5):
            # 'told MPs the NHS was “better prepared than ever”', 'said the water was “safe to
            # drink”', 'had been “contained”': a state or a measure to check, no judgement
            return None
    return found


def _characterised(text: str) -> bool:
    """Whether ``text`` characterises in quote marks, the quoted words hold no figure
    ("described the outbreak as “the largest since 2015”" can be checked; "“a blunt
    instrument that will fall hardest on the smallest towns”" cannot) and the rest of the
    sentence states no fact."""
    found = _characterising(text)
    if not found:
        return False
    close = _CLOSE_QUOTE.search(text, found.end())
    end = close.end() if close else len(text)
    words = text[found.end(): end]
    # the rest of the sentence may state a fact of its own ("..., affecting 2.1 million"); who
    # characterises is introduced before the verb ("Ana Ruiz, who has taught there for 19
    # years, called ..."), and that introduction is not the claim, nor is a demand
    before = _APPOSITION.sub(" ", text[: found.start()])
    rest = _DEMAND.sub(" ", before + text[found.start():found.end()] + " " + text[end:])
    return not (_DIGIT.search(words) and kinds.states_fact(words)) and not kinds.states_fact(rest)


def _plain_sentence_checkable(text: str) -> bool:
    """Whether a sentence of a quote that holds none of a statement's set phrases says
    something checkable ("We take this very seriously. Three staff have been suspended"):
    the set phrase judges its own sentence, not the next."""
    rest = " ".join(part for part in _SENTENCE_BREAK.split(text)
                    if not _BOILERPLATE.search(part))
    return kinds.checkable(rest) if rest.strip() else False


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _past_figure(text: str, facts: set[str]) -> bool:
    """Whether a loose group's view states a figure as what has happened ("Many scientists
    say temperatures have risen 1.2C since 1900"): that can be checked, whoever says it; a
    forecast of theirs cannot yet ("Some traders expect the peso to reach P56")."""
    return "statistic" in facts and bool(_DIGIT.search(text)) and not kinds.forecast(text)


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
_BOILERPLATE, _CHARACTERISED, _NO_ANSWER, _STANCE = first_looks(
    _BOILERPLATE, _CHARACTERISED, _NO_ANSWER, _STANCE,
)
