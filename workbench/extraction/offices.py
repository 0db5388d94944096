"""Names the reading of a sentence cuts short: a body named for a list of things ("the
Ministry of Health, Labour and Welfare") and a person named after an office and what it is
for ("Secretary of State Marco Rubio", "the Minister for Finance").

The patterns that read a speaker stop at a comma and at "of" followed by a capital, so
they give "Welfare" and "State Marco Rubio"; :func:`whole_speaker` mends such a speaker
with the sentence it was read from.
"""

from __future__ import annotations

import re

from workbench.extraction.letters import CAP
from workbench.extraction.speech import BODY_HEADS, CORPORATE_TAILS, TITLES

# A title and what its office is for, before a name: "Secretary of State ", "the Attorney
# General of "; and an office named without its holder ("Chief Medical Officer for England").
OFFICE_OF = re.compile(
    rf"\b(?:(?!(?:The|An?)\s){CAP}[\w-]*\s+)*(?:{TITLES})\s+(?:of|for)\s+(?:the\s+)?$"
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
    Tun Alhaji Alhaja Hajia""".split()
)


def whole_speaker(plain: str, speaker: str) -> str | None:
    """The speaker mended, or None: the name without its honorific, the body a press office
    serves, the whole name of a listed body ``speaker`` is part of, else the person named
    after an office (``_after_office``)."""
    words = speaker.split()
    while words[0] in HONORIFICS and len(words) > 2 and words[-1] not in CORPORATE_TAILS:
        words.pop(0)  # a full name keeps no honorific; "Mr Patel", "Mrs Patel" keep theirs
    if len(words) < speaker.count(" ") + 1:
        return " ".join(words)
    press = _PRESS_OFFICE.match(speaker)
    if press:
        return press.group("body")
    if ", " in plain and " and " in plain:
        # "Welfare" read from "the Ministry of Health, Labour and Welfare said"
        for listed in LISTED_BODY.finditer(plain):
            if speaker in listed.group():
                return listed.group()
    if " of " in plain or " for " in plain:
        return _after_office(plain, speaker)
    return None


def _after_office(plain: str, speaker: str) -> str | None:
    """The person's name in a speaker read from the end of an office's name: "Marco Rubio"
    from "State Marco Rubio" ("Secretary of State Marco Rubio said"), its last two words
    (with an initial or "Jr" among them) or its last of two; or the office itself when a
    word is all there is ("Finance" from "The Minister for Finance said")."""
    at = plain.find(speaker)
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
