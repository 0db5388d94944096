"""Names the reading of a sentence cuts short: a body named for a list of things ("the
Ministry of Health, Labour and Welfare") and a person named after an office and what it is
for ("Secretary of State Marco Rubio", "the Minister for Finance").

The patterns that read a speaker stop at a comma and at "of" followed by a capital, so
they give "Welfare" and "State Marco Rubio"; :func:`whole_speaker` mends such a speaker
with the sentence it was read from.
"""

from __future__ import annotations

import re

from workbench.extraction.letters import CAP, LOW
from workbench.extraction.speech import (
    BODY_HEADS,
    CORPORATE_TAILS,
    MEMBER_TITLES,
    TITLE_WORDS,
    TITLES,
)

_MEMBERS = "|".join(re.escape(title) for title in sorted(MEMBER_TITLES) if "." not in title)
# A title and what its office is for, before a name: "Secretary of State ", "the Attorney
# General of ", "MP for "; and an office named without its holder ("Chief Medical Officer
# for England").
OFFICE_OF = re.compile(
    rf"\b(?:(?!(?:The|An?)\s){CAP}[\w-]*\s+)*(?:{TITLES}|{_MEMBERS})\s+(?:of|for)\s+(?:the\s+)?$"
)

# What an office is for or where it sits, in the words governments and bodies name their
# portfolios and themselves with. They end the office's part of "Minister for Health
# Jennifer Carroll MacNeill" and "Chief Executive of the Health Service Executive Bernard
# Gloster"; what follows them is the holder's name.
PORTFOLIOS = frozenset(
    """Affairs Agriculture Arts Aviation Budget Business Care Children Climate Commerce
    Communications Communities Culture Defence Defense Development Digital Disability
    Economy Education Employment Energy Enterprise Environment Equality Equalities
    Families Finance Fisheries Food Forestry Government Health Heritage Home
    Housing Immigration Industry Infrastructure Innovation Integration Interior Investment Justice
    Labor Labour Land Lands Marine Media Migration Mines Mining Planning Policing Policy
    Prisons Research Resources Revenue Schools Science Security Services Skills
    Sport Sports State Technology Tourism Trade Transport Transportation Treasury
    Veterans Water Welfare Women Works Youth""".split()  # nouns: "Social", "Public" qualify one
)
_BODY_NOUNS = frozenset(
    """Bank College Company Corporation Court Foundation Fund Hospital Organisation
    Organization Party School Society University""".split()
)
_MARKERS = (PORTFOLIOS | _BODY_NOUNS | TITLE_WORDS | CORPORATE_TAILS
            | frozenset(BODY_HEADS.split("|")))
# "Chief Executive of the ", "Minister of State at the ", "CEO of ": an office, and where
# the run of capitalised words that names its body and then its holder begins.
_OFFICE_START = re.compile(
    rf"\b(?:{TITLES}|{_MEMBERS}|CEO|Head|MEC)\s+(?:of|at|for)\s+(?:the\s+)?"
)
_PORTFOLIO = "|".join(sorted(PORTFOLIOS))
# The particles of a surname ("Marie-Claire van der Berg", "Ursula von der Leyen", "Abelardo
# de la Espriella"), which the patterns that read a name stop at.
_PARTICLES = (
    r"(?:van|von|der|den|de|la|le|du|da|das|dos|di|del|della|bin|binti|ibn|al|el|ter|ten|Ó)"
)
# A comma goes on with a list of portfolios ("Minister for Children, Equality, Disability,
# Integration and Youth Roderic O'Gorman") and nothing else.
_RUN = re.compile(
    rf"{CAP}[\w&’'.-]*(?:(?:\s+|,\s+(?=(?:{_PORTFOLIO})\b))(?:(?:of|for|and|&|the|at|on|"
    rf"{_PARTICLES})\s+)*"
    rf"{CAP}[\w&’'.-]*)*"
)
_NAME_WORD = re.compile(rf"{CAP}[\w’'-]*{LOW}")
_TITLE_BEFORE = re.compile(rf"(?:^|(?<=\s))((?:{CAP}[\w’'-]*\s+)*(?:{TITLES}|{_MEMBERS})\s+)$")
_INITIAL = re.compile(rf"{CAP}\.")
# A name in apposition after the place an office is for: "MP for Bristol East, Kerry
# McCarthy, said", and the office before that place ("MP for Bristol ").
_OFFICE_BEFORE_PLACE = re.compile(
    rf"\b(?:{TITLES}|{_MEMBERS}|MEC)\s+(?:of|for)\s+(?:the\s+)?(?:{CAP}[\w’'-]*\s+){{0,3}}$"
)
_NAME_APPOSED = re.compile(
    rf",\s+(?P<name>{_NAME_WORD.pattern}(?:\s+{_NAME_WORD.pattern}){{1,3}}),"
)
OFFICE_FOR = re.compile(rf"\b(?:{TITLES})\s+(?:of|for)\s+(?:the\s+)?(?:{CAP}[\w’'-]*\s*){{1,2}}$")
# "the Ministry of Health, Labour and Welfare", "the Department of Agriculture, Food and the
# Marine": a body named for the things it looks after, listed with commas, is one name.
_LISTED = rf"{CAP}[\w’'-]*(?:\s+{CAP}[\w’'-]*){{0,2}}"
LISTED_BODY = re.compile(
    rf"\b(?:(?!(?:The|An?)\s){CAP}[\w.-]*\s+){{0,2}}(?:{BODY_HEADS})\s+(?:of|for)\s+{_LISTED}"
    rf"(?:,\s+{_LISTED}){{1,5}},?\s+and\s+(?:the\s+)?{_LISTED}"  # "... Food and the Marine"
)


# "the Department of Education's press office": the office speaks for the body it serves.
_PRESS_OFFICE = re.compile(
    rf"^(?:[Tt]he )?(?P<body>{CAP}[^’']*)[’']s (?:press|media|communications?|public affairs) "
    r"(?:office|team|department|unit|desk|section)$"
)


# Honorifics before a person's name, which the name is given without: "Mr. Okafor",
# "Dame Sarah Storey", "Datuk Seri Anwar Ibrahim", "Alhaji Aliko Dangote".
HONORIFICS = frozenset(
    """Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Sir Dame Sheikh Shaikh Datuk Dato Dato' Datin Seri
    Tun Alhaji Alhaja Hajia Madam Mdm Mdm. Rev Rev. Revd Reverend Fr Fr. Rabbi Imam Pastor
    """.split()
) | frozenset(  # ranks written short, one after another: "Lt. Gen. Mark Hertling"
    "Lt. Gen. Maj. Col. Brig. Adm. Capt. Cmdr. Sgt. Cpl. Pvt.".split()
)
_BEFORE_PARTICLES = re.compile(
    rf"(?:^|(?<=\s))((?:{CAP}[\w’'.-]*\s+){{1,3}}(?:{_PARTICLES}\s+){{1,3}})$"
)
# A body's person named after their job: "said Kenya Ports Authority managing director
# Daniel Wambua", "Acme Corp chief executive Jane Doe said".
_JOB_THEN_NAME = re.compile(
    r"\s+(?:(?:managing|chief|executive|deputy|general|senior|acting|interim|vice|finance|"
    r"operating|technical|regional|national|assistant|associate|founding|former|country|"
    r"medical|financial|commercial)\s+){0,2}(?:director|executive|officer|manager|chief|head|spokesperson|"
    r"spokesman|spokeswoman|chairman|chairwoman|chair|president|secretary|commissioner|"
    r"economist|analyst|governor|founder|editor)\s+"
    rf"(?P<name>{_NAME_WORD.pattern}(?:\s+{_NAME_WORD.pattern}){{1,2}})\b"
)
_AFTER_PARTICLES = re.compile(rf"\s+((?:{_PARTICLES}\s+){{1,3}}{CAP}[\w’'-]*{LOW})\b")


def whole_speaker(plain: str, speaker: str, particles: bool = True) -> str | None:
    """The speaker mended, or None: the name without its honorific or with its particles
    ("van der Berg"), the body a press office
    serves, the whole name of a listed body ``speaker`` is part of, else the person named
    after an office (``_after_office``). ``particles`` is False once they are added."""
    words = speaker.split()
    while words[0] in HONORIFICS and len(words) > 2 and words[-1] not in CORPORATE_TAILS:
        words.pop(0)  # a full name keeps no honorific; "Mr Patel", "Mrs Patel" keep theirs
    if len(words) < speaker.count(" ") + 1:
        return " ".join(words)
    at = plain.find(speaker)
    given = _BEFORE_PARTICLES.search(plain, 0, at) if at > 0 and particles else None
    if given:  # "Berg" read from "Marie-Claire van der Berg, a spokesperson ..., said"
        named = given.group(1) + speaker
        return whole_speaker(plain, named, particles=False) or named
    job = _JOB_THEN_NAME.match(plain, at + len(speaker)) if at >= 0 else None
    if job:  # "Daniel Wambua" after "Kenya Ports Authority managing director"
        return job.group("name")
    if at >= 0 and plain.startswith(" plc", at + len(speaker)):
        return speaker + " plc"  # "Ryanair Holdings plc said": the name as the firm writes it
    rest = _AFTER_PARTICLES.match(plain, at + len(speaker)) if at >= 0 and particles else None
    if rest:  # "Ursula" read from "said Ursula von der Leyen"
        return speaker + " " + rest.group(1)
    press = _PRESS_OFFICE.match(speaker)
    if press:
        return press.group("body")
    if all(word in PORTFOLIOS for word in words):
        # "Health Care" read from "Advocate Health Care said": what a body is for names no
        # person, so the title word before it belongs to the body's name
        lead = _TITLE_BEFORE.search(plain, 0, at) if at > 0 else None
        if lead:
            return lead.group(1) + speaker
    if ", " in plain and " and " in plain:
        # "Welfare" read from "the Ministry of Health, Labour and Welfare said"
        for listed in LISTED_BODY.finditer(plain):
            if speaker in listed.group():
                return listed.group()
    if " of " in plain or " for " in plain or " at " in plain:
        return _holder(plain, speaker) or _after_office(plain, speaker)
    return None


def _holder(plain: str, speaker: str) -> str | None:
    """The person who holds an office named with its body or place before the name, when
    ``speaker`` was read from that run of words: "Ken Paxton" from "Attorney General of
    Texas Ken Paxton said", "Mary Butler" from "Minister of State at the Department of
    Health Mary Butler said"."""
    at = plain.find(speaker)
    if at < 0:  # the speaker as written elsewhere ("the Metropolitan Police" from "The ...")
        return None
    end = at + len(speaker)
    for office in _OFFICE_START.finditer(plain):
        if office.start() >= end:
            break
        run = _RUN.match(plain, office.end())
        if run and _NAME_APPOSED.match(plain, run.end()):
            return None  # the holder named after a comma ("MP for Bristol North West, Helen ...")
        if run and at < run.end() and end > office.start():  # the speaker read from the run
            name = _trailing_name(run.group().split())
            return name if name != speaker else None
    return None


def _trailing_name(words: list[str]) -> str | None:
    """The holder's name at the end of the words that name an office's body and then its
    holder: the name words after the last word that belongs to a body (a portfolio, a
    body's head noun, a title, an acronym), at most three; when nothing marks where the
    body ends, the name is the last two."""
    suffix = 1 if words[-1].rstrip(".") in {"Jr", "Sr"} else 0
    name = [words[-1].rstrip(".")] if suffix else []  # "Jr.": the name as the rules give it
    core = 0
    i = len(words) - 1 - suffix
    while i >= 0 and core < 3:
        word = words[i]
        if (_INITIAL.fullmatch(word) or re.fullmatch(_PARTICLES, word)) and core:
            name.insert(0, word)  # "Antony J. Blinken", "Ursula von der Leyen"
        elif _NAME_WORD.fullmatch(word) and word not in _MARKERS:
            name.insert(0, word)
            core += 1
        else:
            break
        i -= 1
    # A name of three words follows a portfolio, a title or a body's letters ("Health
    # Jennifer Carroll MacNeill", "WHO Tedros Adhanom Ghebreyesus"); after anything else,
    # a place or a body's name may end in the first ("Texas Ken Paxton", "Trinity College
    # Dublin Philip Lane"), so the name is the last two.
    if i < 0:  # every word read as a name: the body or the place is at least the first
        core -= _drop_first_name(name)  # "New York", "Texas Ken Paxton": the place, the name
    # ... and only when the words before it are all of the office ("Public Health Scotland
    # Paul Johnston" names a body, then a place or a name)
    office = all(word in PORTFOLIOS or word in TITLE_WORDS or word.isupper() or word.islower()
                 for word in (w.rstrip(",") for w in words[:i + 1]))
    before = words[i] if i >= 0 else ""
    if not (office and (before in PORTFOLIOS or before in TITLE_WORDS or before.isupper())):
        while core > 2:
            core -= _drop_first_name(name)
    return " ".join(name) if core >= 2 else None


def _drop_first_name(name: list[str]) -> int:
    """Take the first name word off ``name``, with the initials and particles before it and
    after it (no name opens with "J." or "von"); how many name words went (0 or 1)."""
    while name and not _NAME_WORD.fullmatch(name[0]):
        name.pop(0)
    if not name:
        return 0
    name.pop(0)
    while name and not _NAME_WORD.fullmatch(name[0]):
        name.pop(0)
    return 1


def _after_office(plain: str, speaker: str) -> str | None:
    """The person's name in a speaker read from the end of an office's name: "Marco Rubio"
    from "State Marco Rubio" ("Secretary of State Marco Rubio said"), its last two words
    (with an initial or "Jr" among them) or its last of two; or the office itself when a
    word is all there is ("Finance" from "The Minister for Finance said")."""
    at = plain.find(speaker)
    apposed = _NAME_APPOSED.match(plain, at + len(speaker)) if at > 0 else None
    if apposed and _OFFICE_BEFORE_PLACE.search(plain, 0, at):
        return apposed.group("name")  # "Labour MP for Bristol North West, Helen Coatbridge,"
    office = OFFICE_OF.search(plain, 0, at) if at > 0 else None
    if not office:
        return None
    words = speaker.split()
    if len(words) == 1:
        return plain[office.start():at] + speaker
    keep = 1 if len(words) == 2 else 2 + (words[-1] in {"Jr", "Sr"})
    while keep < len(words) - 1 and re.fullmatch(rf"{CAP}\.", words[-keep]):
        keep += 1
    return " ".join(words[-keep:])
