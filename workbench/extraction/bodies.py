"""Which body an article means when it names one by a common noun ("the agency", "the
grid operator", "the health department"), by its letters ("IPSA") or as "police": the
name as the article first gave it in full, as labels and fact-checkers write it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from workbench.extraction.attribution import (
    COMPANY_NAME,
    Attribution,
    company_name,
    is_group,
)
from workbench.extraction.cues import IRREGULAR_PAST
from workbench.extraction.entities import MONTH_NAMES
from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP, CAPITALS
from workbench.extraction.offices import LISTED_BODY
from workbench.extraction.quotemarks import outside_quotes
from workbench.extraction.speech import BODIES, BODY_HEADS, BODY_WORD, NOT_NAMES

# A name of one to four capitalised words: "Nordvik Aerospace", "Harlow & Pike".
FIRM_NAME = rf"{CAP}[\w’'&.-]*(?:\s+(?:&\s+)?{CAP}[\w’'&.-]*){{0,3}}"


# What is most often the article's own subject: "Lilly will cut its price, the company
# said"; a regulator or an agency is more often someone else's ("Voltra raised its cap,
# the regulator said").
_COMPANY_LIKE_WORDS = (
    "company firm club group charity airline carrier lender bank retailer insurer chain "
    "manufacturer drugmaker carmaker automaker utility operator network league co-operative "
    "cooperative corporation"
).split()
# "the agency", "the club": an organisation the reader knows from before. Offices,
# departments, courts and the like are left as written: an article often has several.
REFERS_BACK = re.compile(
    # "the department store and homewares group": the words before it may be joined by "and";
    # "the UN agency", "the US lender": a country's or union's letters may come first
    r"[Tt]he (?:(?:U[NKS]|EU|UAE) )?(?:[a-z][a-z-]* ){0,2}(?:and [a-z][a-z-]* )?"
    r"(?:agency|union|trust|coalition|"
    r"regulator|watchdog|association|federation|think tank|chamber|laboratory|university|"
    + "|".join(_COMPANY_LIKE_WORDS) + ")"
)
# Words any kind of body answers to: "the agency" after the World Food Programme spoke
# means it, though its name does not say so.
_ANY_BODY = frozenset("agency operator organisation organization tank".split())


class Known(NamedTuple):
    """What the article has said before a sentence that names a body by a common noun."""

    before: str | None  # the body that spoke in the sentence just before, same paragraph
    earlier: list[str]  # the sentences before
    organisation: str | None  # the body or company last cited by name
    firm: str | None  # the last of those whose name is no public body's
    lead: str | None  # the name the article opens with
    last: Attribution | None  # the person last quoted


def referent(phrase: str, text: str, known: Known) -> str | None:
    """The body a common noun ("the agency", "the grid operator", "the health department")
    means: the body the sentence itself opens with ("The Electric Reliability Council of
    Texas issued ..., the grid operator said"); for a noun any body answers to, the body
    that spoke just before, or else the one the sentence before opened with; else the body
    named earlier whose name holds the words (in their order first: "the health
    department" is the Marlow County Health Department rather than the state's Department
    of Health); else, for a company's noun, the last company, and for the union or the
    trust, the body last cited if it is no company."""
    head = phrase.rsplit(None, 1)[-1].lower()
    generic = head in _ANY_BODY
    company_like = head in _COMPANY_LIKE_WORDS and not generic
    own = opening_body(text, known.last, company_like)
    if own:
        return own
    if generic and known.before:
        return known.before
    if generic and known.earlier:  # the body the sentence before opened with
        opened = opening_body(known.earlier[-1], known.last, False)
        if opened:
            return opened
    if BODY_PHRASE.fullmatch(phrase):
        named = _body_named(phrase, known.earlier)
        full = (known.organisation or "").removeprefix("the ")
        if named != phrase and full.endswith(" " + named):
            return full  # "Northfield and Carrow Valley ... Trust", every word of it
        if named != phrase:
            return named
    if company_like:
        # "the Save Millbrook Baths group had ..., the group said"; else the firm last cited,
        # the body that spoke just before ("The Consejo Minero said ... the group said"), the
        # name the article opens with, a name given earlier with the noun
        before = known.before if known.before and known.before[:1].isupper() else None
        return (_named_with_noun(head, [text]) or _called(head, known.earlier[-1:]) or known.firm
                or before or known.lead or _named_with_noun(head, known.earlier[::-1]))
    if known.organisation == known.firm and not generic:
        return None  # "the union" is not the company last named
    if head == "agency" and known.organisation and COMPANY_NAME.fullmatch(known.organisation):
        return None  # nor is "the agency" a name that says it is a company ("Harwell Energy")
    return known.organisation if REFERS_BACK.fullmatch(phrase) else None


def _called(noun: str, texts: list[str]) -> str | None:
    """A body the sentence just before calls by the noun: "... of the Mumbai Grahak Panchayat,
    a consumer group." is what "The group said ..." means next, not the firm last cited."""
    for text in texts:
        if noun in text:
            # the noun ends the phrase: "a group spokesman" is not a group
            found = re.search(rf"(?:^|\s)(?:[Tt]he )?(?P<name>{FIRM_NAME}), an? (?:[a-z-]+ )"
                              rf"{{0,2}}{re.escape(noun)}(?=[,.;)]|\s*$)", text)
            if found and found["name"].split()[0] not in NOT_NAMES:
                return found["name"]
    return None


def _named_with_noun(noun: str, texts: list[str]) -> str | None:
    """The name the article gives with the noun "the group" or "the co-operative" refers
    back by: "the Save Millbrook Baths group", "the campaign group Bengaluru Moving"."""
    pattern = None
    for text in texts:
        if noun in text:  # a first look
            pattern = pattern or re.compile(
                rf"\b[Tt]he (?P<before>{FIRM_NAME}) {re.escape(noun)}\b|"
                rf"\b{re.escape(noun)} (?P<after>{FIRM_NAME})(?![\w’'-])"
            )
            for found in reversed(list(pattern.finditer(text))):
                name = company_name(found.group("before") or found.group("after"))
                if name.split()[0] not in NOT_NAMES:
                    return name
    return None


_DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# "on Wednesday", "on March 3": a date after a name, not a word of it.
_DATE = rf"(?:{_DAY_NAMES}|{MONTH_NAMES})\b"
_ON = rf"on(?!\s+{_DATE})"
# A body the sentence opens with, its name perhaps after "The" and before an apposition
# ("Vortex Gaming, one of Europe's best-known esports organisations, is cutting ...").
_PAST = "|".join(IRREGULAR_PAST)
_OPENING_NAME = re.compile(
    rf"(?:{CAP}[{CAPITALS}.,' -]+(?:\([A-Za-z]+\))?\s*(?:—|–|--)\s*)?(?P<the>The\s+)?"
    rf"(?P<name>{CAP}[\w&’'.-]*(?:\s+(?:(?:of|for|{_ON}|and|&)\s+)?{CAP}[\w&’'.-]*){{0,6}})"
    rf"(?:\s+\({CAP}[A-Za-z]{{1,7}}\))?"  # its letters: "The World Food Programme (WFP) will"
    rf"(?:\s+on\s+{_DATE}(?:\s+\d{{1,2}})?)?"
    # its verb: "The Reserve Bank of India kept its rate ..., the central bank said"
    rf"(?:,\s+(?:the|an?|one)\s|\s+(?P<verb>is|was|has|had|have|will|would|[a-z]+ed|{_PAST})\b)"
)


def subject_name(found: re.Match[str] | None, person: Attribution | None) -> str | None:
    """The ``name`` a sentence opens with, unless it is no name ("The", a group) or the
    person the article last quoted ("Reyes said", after Ana Reyes)."""
    if not found:
        return None
    name = found.group("name")
    if name.split()[0] in NOT_NAMES or is_group(name):
        return None
    if person is not None and person.speaker and name.split()[-1] in person.speaker.split():
        return None
    return name


def opening_body(text: str, person: Attribution | None, company_like: bool) -> str | None:
    """The body or, for a company's noun, the name a sentence opens with as its subject."""
    found = _OPENING_NAME.match(text.lstrip())
    if found and found.group("verb") in IRREGULAR_PAST and not found.group("the") and (
            not names_organisation(found.group("name"))):
        found = None  # "Outages rose", "Jane Fraser became": a body's name after "The" kept
    name = subject_name(found, person)
    if name is None:
        return None
    if company_like:
        return name if not found.group("the") or names_organisation(name) else None
    if COMPANY_NAME.fullmatch(name):
        return None  # "Voltra Energy raised its cap, the regulator said": someone else
    # "The Southwest Power Pool issued ...": a name after "The" is no person's
    return name if found.group("the") or names_organisation(name) else None


# "Agrosafra, the national crop agency,": a name the article says is a body, which "the
# agency" then means.
_BODY_INTRODUCED = re.compile(
    rf"(?:^|[,;]\s+|\s)(?P<name>{FIRM_NAME}),\s+(?:the|an?)\s+(?:[\w’'-]+\s+){{0,4}}?"
    r"(?:agency|regulator|watchdog|authority|operator|organi[sz]ation|charity|union|think tank|"
    r"laboratory|university|chamber),"
)


def body_introduced(text: str) -> str | None:
    """The body a sentence introduces as one ("Agrosafra, the national crop agency,")."""
    if ", the " not in text and ", a" not in text:  # a first look
        return None
    found = _BODY_INTRODUCED.search(outside_quotes(text))
    if not found or found.group("name").split()[0] in NOT_NAMES:
        return None
    return found.group("name")


def names_organisation(speaker: str) -> bool:
    """Whether a speaker is a body or company named as such ("Mortgage Bankers
    Association", "Halvorsen Motors", "the FDA"), not a person or a description."""
    speaker = speaker.removeprefix("the ")  # "the Regional Transit Authority"
    if not speaker[:1].isupper() or speaker[:4] == "The " or is_group(speaker):
        return False
    return bool(BODY_WORD.search(speaker) or COMPANY_NAME.fullmatch(speaker)
                or speaker.isupper())


# A body named in full, a bank, a college or a school system among them ("the Bank of
# Ghana", "the Irish College of General Practitioners").
_NAMED_HEADS = rf"{BODY_HEADS}|Bank|College|Society|System|Chamber|University|Laboratory"
_NAMED_HEAD = re.compile(rf"\b(?:{_NAMED_HEADS})\b")
_NAMED_BODY_IN_TEXT = re.compile(
    rf"\b(?:{CAP}[\w’'.&-]*\s+(?:(?:of|for|{_ON}|and|&)\s+)?){{0,5}}(?:{_NAMED_HEADS})\b"
    rf"(?:\s+(?:of|for|{_ON})\s+{CAP}[\w’'-]*(?:\s+(?:(?:and|&)\s+)?{CAP}[\w’'-]*){{0,3}})?"
)
# "the county health department": lower-case words naming a kind of body.
BODY_PHRASE = re.compile(rf"the(?: [a-z]+){{0,3}} (?:{BODIES}|trust|coalition)")


def _body_named(speaker: str, earlier: list[str]) -> str:
    """The body that ``speaker`` ("the county health department", "the ministry")
    describes word for word, as the ``earlier`` sentences last named it in full: with the
    words in their order if one does ("the health department" is the Marlow County Health
    Department, not the Department of Health named since), first where the noun is what the
    name says the body is ("the university" is Northgate University, not the University and
    College Union named since), else in any order, else the
    only body whose name holds the last word ("the central bank", the Bank of Ghana); else
    the article's own phrase, since a name that does not say what it is ("Ofgem" for "the
    regulator") cannot be told from another body's."""
    words = speaker.split()[1:]
    phrase = f" {' '.join(words)} "
    holding = in_order = None
    heads: set[str] = set()
    for text in reversed(earlier):
        for found in reversed(_bodies_in(text)):
            full = found.removeprefix("The ").removeprefix("the ")
            # "the University System's Board of Regents": the board, or the system
            for name in reversed(re.split(r"[’']s\s+", full)):
                lowered = name.lower().split()
                if len(lowered) < 2:
                    continue
                if phrase in f" {' '.join(lowered)} " and _head(lowered) == words[-1]:
                    return name
                if in_order is None and phrase in f" {' '.join(lowered)} ":
                    in_order = name
                if holding is None and all(word in lowered for word in words):
                    holding = name
                if words[-1] in lowered:
                    heads.add(name)
    if in_order or holding:
        return in_order or holding
    return heads.pop() if len(heads) == 1 else speaker


def _head(words: list[str]) -> str:
    """What a body's name says it is: the word before "of" ("department" of the Department
    of Health), else its last ("union" of the University and College Union)."""
    for i, word in enumerate(words[1:], start=1):
        if word in ("of", "for", "on"):
            return words[i - 1]
    return words[-1]


_POLICE_FORCE = re.compile(
    rf"\b(?P<name>(?:{CAP}[\w.’'-]*\s+){{1,4}}Police(?:\s+(?:Department|Service|Force))?)\b"
)


def police_force(texts: list[str]) -> str | None:
    """The police force the article last named ("the Lakeport Police Department")."""
    for text in reversed(texts):
        if "Police" in text:  # a first look
            forces = [m.group("name") for m in _POLICE_FORCE.finditer(text)]
            names = [f for f in forces if f.split()[0] not in NOT_NAMES]
            if names:
                return names[-1]
    return None


def acronym_in_full(acronym: str, earlier: list[str]) -> str:
    """The name an acronym stands for, as the article first spelled it: "the UN Refugee
    Agency (UNHCR)", or a body whose words give its letters ("Electric Reliability
    Council of Texas" for ERCOT); the acronym itself when the article never spelled it."""
    spelled = re.compile(rf"(?P<name>{_FULL_NAME})\s+\({re.escape(acronym)}\)")
    for text in earlier:
        found = f"({acronym})" in text and spelled.search(text)
        if found:
            return found.group("name").removeprefix("The ").removeprefix("the ")
        for found in _bodies_in(text):
            name = found.removeprefix("The ").removeprefix("the ")
            if _initials(acronym, name.split()):
                return name
    return acronym


@lru_cache(maxsize=512)  # more than a look-back's worth of sentences
def _bodies_in(text: str) -> tuple[str, ...]:
    """The bodies ``text`` names in full (``_NAMED_BODY_IN_TEXT``), in order. Cached: each
    sentence is read again for every speaker up to ``speakers._LOOKBACK`` sentences on."""
    if not _NAMED_HEAD.search(text):  # a first look: most sentences name no body
        return ()
    found = [(m.start(), m.end(), m.group()) for m in _NAMED_BODY_IN_TEXT.finditer(text)]
    for listed in LISTED_BODY.finditer(text) if ", " in text else ():
        # "the Ministry of Health, Labour and Welfare": one name, not "Ministry of Health"
        found = [f for f in found if f[0] >= listed.end() or f[1] <= listed.start()]
        found.append((listed.start(), listed.end(), listed.group()))
    return tuple(name for _, _, name in sorted(found))


_FULL_NAME = rf"{CAP}[\w’'.&-]*(?:\s+(?:(?:of|for|on|and|&|the)\s+)*{CAP}[\w’'.&-]*){{0,7}}"
_SMALL_WORDS = frozenset("of for on and & the".split())


def _initials(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are the initials of ``words``: each capitalised word gives its
    first one to three letters, a small word ("of", "and") its first or none."""
    if not words:
        return not letters
    if not letters:
        return False
    word, rest = words[0], words[1:]
    if word in _SMALL_WORDS:
        return _initials(letters, rest) or (
            letters[0] == word[0].upper() and _initials(letters[1:], rest))
    return any(letters[:k] == word[:k].upper() and _initials(letters[k:], rest)
               for k in range(1, min(3, len(word)) + 1))


def is_body(speaker: str | None) -> bool:
    """Whether ``speaker`` is an institution or a company rather than a person."""
    return speaker is not None and bool(
        speaker[:4].lower() == "the " or BODY_WORD.search(speaker)
        or COMPANY_NAME.fullmatch(speaker)
    )


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _NAMED_BODY_IN_TEXT, _NAMED_HEAD, _OPENING_NAME,
) = first_looks(
    _NAMED_BODY_IN_TEXT, _NAMED_HEAD, _OPENING_NAME,
)
