"""Who says so: the speaker each sentence names (read across the article in ``speakers``).

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
from dataclasses import dataclass, replace

from workbench.extraction import documents
from workbench.extraction.letters import CAP, LOW
from workbench.extraction.offices import OFFICE_FOR, whole_speaker
from workbench.extraction.quotemarks import curly_quotes, outside_quotes
from workbench.extraction.speech import (
    ACCORDING,
    ACCORDING_PHRASE,
    ANONYMOUS,
    APPOSITION,
    AUTHORS,
    BODY_BEFORE,
    BODY_HEAD,
    BODY_WORD,
    CORPORATE_TAILS,
    COUNTED_PEOPLE,
    COURTESY_TITLES,
    CREDENTIAL,
    DEFINITE,
    DESCRIBED_NAME,
    DESCRIPTORS,
    GROUP_NOUNS,
    GROUP_WHO,
    GROUPS,
    IN_PLACE,
    JOINED_NAME,
    LOWER_WORDS,
    MISSING,
    MODIFIER,
    NAME,
    NAME_IN_APPOSITION,
    NAMED_BODY,
    NAMED_TAIL,
    NOT_NAMES,
    OFFICES,
    OWNED_BODY,
    OWNED_BODY_FIRST,
    OWNED_NAME,
    PERSON_AT_BODY,
    POLICE,
    PRONOUN,
    QUALIFIED_GROUP,
    RELATIVE,
    REPORTED_BY,
    RESEARCH_DESK,
    ROLE_THEN_NAME,
    SAID_NAME,
    SAYING,
    SOMEONE,
    SPOKEN_FOR,
    SPOKESPERSON,
    SUBJECT,
    TITLE,
    TITLE_WORDS,
    TRAILING_CLAUSE,
    UNNAMED,
    UNNAMED_WORDS,
    VERB_AFTER,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    flags: tuple[str, ...] = ()
    explicit: bool = False  # the sentence itself names (or loses) its speaker
    pronoun: bool = False  # the sentence attributes itself with a pronoun ("he said")


# Letters after a name: "the Philippine Statistics Authority (PSA)", "Rep. Jim Jordan (R-Ohio)"
_ACRONYM = re.compile(
    rf" \((?:{CAP}[A-Za-z]{{1,7}}|[DRI]-{CAP}[A-Za-z.]*(?: {CAP}[A-Za-z.]*)?)\)(?=[\s,])"
)


def _people(noun: str) -> bool:
    """Whether a plural names people who are not an office ("volcanologists", "traders",
    "tourism operators"); not a document ("papers", "letters")."""
    return (noun in GROUPS or noun.endswith(_PEOPLE_ENDINGS)) and noun not in OFFICES and (
        noun[:-1] not in documents.DOCUMENTS and noun not in documents.DOCUMENTS)


_PEOPLE_ENDINGS = ("ologists", "ers", "ors", "ists", "ians", "ants")


def is_group(speaker: str | None) -> bool:
    """Whether ``speaker`` names a group of people ("Supporters", "Two officials in ...")."""
    if not speaker:
        return False
    head = re.split(r"\s+(?:on|in|at|with|from|close|to|of|who|familiar)\b", speaker)[0]
    return head.split()[-1].lower() in GROUPS


def clean_name(name: str) -> str | None:
    name = name.strip().rstrip(".,;:")
    words = name.split()
    while words and words[0] in NOT_NAMES:
        words.pop(0)
    if len(words) >= 2 and words[0] in DESCRIPTORS and not (
        len(words) == 2 and words[1].rstrip(".") in CORPORATE_TAILS
    ):
        words.pop(0)
    if not words:
        return None
    return _without_title(words)


def _without_title(words: list[str]) -> str:
    """The name after the last title word, when a name of two words or more follows it
    ("the Office of the Director of Public Prosecutions" has none: "of" is no name)."""
    titles = [i for i, word in enumerate(words[:-2]) if word in TITLE_WORDS
              and words[i + 1][:1].isupper() and not BODY_HEAD.fullmatch(words[i + 1])]
    rest = " ".join(words[titles[-1] + 1:]) if titles else ""
    if rest and (OFFICE_FOR.search(rest) or BODY_WORD.search(rest) or words[-1] in CORPORATE_TAILS):
        return " ".join(words)  # an office ("Chief Medical Officer for England") or a firm
    if len(words) == 2 and words[0] in COURTESY_TITLES and (
            words[1] not in TITLE_WORDS | {"Head", "Editor", "Elect", "Principal"}):
        return words[1]  # "Cllr Gormley": the person, named as the article names them
    return " ".join(words[titles[-1] + 1:] if titles else words)


NAME_WORD = rf"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b){CAP}{LOW}+"


# "The White House", "The Consejo Minero": a name written after "The" is a body's.
_THE_NAME = re.compile(rf"The (?:{NAME_WORD}\s+){{0,2}}{NAME_WORD}")


def _subject_before(plain: str, verb_start: int) -> str | None:
    """The name right before a speech verb, allowing an appositive: ``X, a ..., said``."""
    before = plain[:verb_start].rstrip()
    # "The shadow health secretary, Tom Idris, said": the name in apposition to a title
    named = before.endswith(",") and NAME_IN_APPOSITION.search(before)
    if named:
        return named.group("name")
    role = before.endswith(",") and ROLE_THEN_NAME.fullmatch(before)
    if role:
        return clean_name(role.group("name"))
    appositive = re.search(
        rf"({TITLE}{NAME})(?:,\s+{APPOSITION}){{1,2}},(?:\s+(?:also|has|had|have))?$", before
    )
    if appositive and _THE_NAME.fullmatch(appositive.group(1)):
        return "the" + appositive.group(1)[3:]  # "The Consejo Minero, which ..., said": a body
    if appositive:
        return clean_name(appositive.group(1))
    # "Alberta Environment and Protected Areas says": a body whose name holds "and"
    joined = " and " in before and JOINED_NAME.fullmatch(before.rsplit(", ", 1)[-1])
    if joined:  # "Refugee Relief and Repatriation Commissioner Md ...": the person
        return _without_title(joined.group("name").split())
    direct = re.search(
        rf"({TITLE}{NAME})(?:\s+(?:also|then|later|has|had|have|once|previously))?$", before
    )
    if direct and direct.group(1).split()[0] not in NOT_NAMES | {"U.S."}:
        return clean_name(direct.group(1))
    if direct and _THE_NAME.fullmatch(direct.group(1)):
        return "the" + direct.group(1)[3:]  # "The White House said", "The Kremlin said"
    if direct and re.fullmatch(rf"[Tt]he {CAP}{{2,6}}", direct.group(1)):
        return direct.group(1)[4:]  # "The CDC estimated"
    # "A note from Trump read:" -- the last name in the clause before the verb.
    clause = re.split(r"[,;:—–]", before)[-1]
    names = re.findall(rf"(?<![.!?]\s)\b{TITLE}{NAME}", clause)
    names = [n for n in names if n.split()[0] not in NOT_NAMES]
    if names and len(clause.split()) <= 6 and not MODIFIER.match(clause.strip()):
        return clean_name(names[-1])
    return None


def attribute(text: str) -> tuple[Attribution | None, bool]:
    """The attribution written in this sentence, and whether it is a pronoun (``he said``);
    (None, False) when the sentence attributes nothing itself."""
    text = curly_quotes(text)
    found, pronoun = _attribute(text)
    whole = found and found.speaker and whole_speaker(outside_quotes(text), found.speaker)
    return (replace(found, speaker=whole) if whole else found), pronoun


def _attribute(text: str) -> tuple[Attribution | None, bool]:
    plain = outside_quotes(text)
    if "(" in plain:  # "the Philippine Statistics Authority (PSA) said": the name in full
        plain = _ACRONYM.sub(lambda m: " " * len(m.group()), plain)
    if ", " in plain and CREDENTIAL.search(plain):
        plain = CREDENTIAL.sub(lambda m: " " * len(m.group()), plain)
    if MISSING.search(plain):
        return Attribution(None, ("missing_speaker",), True), False
    words = set(LOWER_WORDS.findall(plain.lower()))
    if "spokes" in plain and UNNAMED_WORDS.isdisjoint(words):
        body = _spokesperson_for(plain)
        if body:
            return Attribution(body, (), True), False
    qualified = QUALIFIED_GROUP.match(plain)
    if qualified and _people(qualified.group("noun").lower()):
        return Attribution(qualified.group("who"), ("anonymous_source",), True), False
    groups = not GROUP_NOUNS.isdisjoint(words) or "ologists" in plain
    anonymous = (groups and ANONYMOUS.search(plain)) or SOMEONE.search(plain)
    if anonymous:
        who = anonymous.group("who").strip()
        if who.rsplit(None, 1)[-1].lower() in documents.DOCUMENTS:
            return Attribution(None, (), True), False  # "A BBC report said": a document
        firm = RESEARCH_DESK.match(who)
        if firm:  # "Analysts at Banque Cartier said": the firm's published view
            return Attribution(firm.group("firm"), (), True), False
        definite = DEFINITE.search(plain, 0, anonymous.start()) or who[:4] == "The "
        if definite and who.lower().removeprefix("the ") in AUTHORS:
            # "the researchers wrote": the study's authors, whom the article has named
            return Attribution(None, (), True), False
        return Attribution(who, ("anonymous_source",), True), False
    if not UNNAMED_WORDS.isdisjoint(words) and UNNAMED.search(plain):
        return Attribution(None, ("anonymous_source",), True), False
    who_group = " who " in plain and GROUP_WHO.search(plain)
    if who_group and who_group.group("who").lower() in GROUPS:
        # "Lawyers who practice before the court say": people described, not named
        return Attribution(None, ("anonymous_source",), True), False
    phrase = ACCORDING_PHRASE.search(plain)
    counted = phrase and COUNTED_PEOPLE.fullmatch(phrase.group("phrase").strip())
    if counted and _people(counted.group("noun")):
        return Attribution(None, ("anonymous_source",), True), False
    if phrase:
        return Attribution(_according(phrase.group("phrase")), (), True), False
    quoted = plain != text
    for match in VERB_AFTER.finditer(plain):
        before = plain[: match.start()].rstrip()
        raw_before = text[: match.start()].rstrip()
        by_quote = raw_before.endswith((",", "”", '"', "’"))
        # "..., it added." ends the sentence, "added that" reports: speech, not an object added
        ends = re.match(r"\s*(?:[.,;]|that\s|$)", plain[match.end("verb"):]) is not None
        if match.group("verb") in {"added", "adds", "asked"} and not (by_quote or quoted or ends):
            continue  # "employers added 212,000 jobs", "asked regulators to" are not speech
        if re.search(rf"\b{PRONOUN}(?:\s+(?:also|then|later|has|had))?$", before):
            return None, True
        if before.endswith(", it"):  # "Nordvik has signed 40 contracts, it says"
            return Attribution("it", (), True), False
        relative = RELATIVE.search(before)
        if relative:  # "a report by the state auditor's office, which estimated ..."
            before = before[: relative.start()]
        # "a team at the University of Otago in New Zealand reported": a place is no speaker
        place = " in " in before and IN_PLACE.search(before)
        if place and not BODY_WORD.search(place.group()):  # "in the Bank of England"
            before = before[: place.start()]
        if before.rsplit(None, 1)[-1:] and before.rsplit(None, 1)[-1] in documents.DOCUMENTS:
            continue  # "A Roanoke College poll found": a document, whose author says "by"
        after = SAID_NAME.match(plain, match.start())
        if after and by_quote:
            # "The minister, Steve Reed, told MPs": the comma closes an apposition to the
            # subject, not a statement before the verb
            subject = raw_before.endswith(",") and _subject_before(plain, len(before))
            name = subject or clean_name(after.group("name"))
            if name:
                return Attribution(name, (), True), False
        opening = before.endswith(" and") and SUBJECT.match(plain.lstrip())
        if opening and opening.group("name").split()[0] not in NOT_NAMES:
            # "The trust declared an incident on Monday and said ...": the sentence's subject
            return Attribution(opening.group("name"), (), True), False
        at_body = PERSON_AT_BODY.search(_without_clause(before))
        if at_body and _THE_NAME_GOES_ON.search(before, 0, at_body.start()):
            at_body = None  # "the Santa Inés County Registrar of Voters": one body's name
        if at_body and not (BODY_WORD.search(at_body[1]) or COMPANY_NAME.fullmatch(at_body[1])):
            return Attribution(at_body[1], (), True), False
        name = _body_before(before) or _subject_before(plain, len(before))
        if name and _kind_of_people(name):
            return Attribution(None, ("anonymous_source",), True), False
        if name:
            return Attribution(None if _unnamed_group(name) else name, (), True), False
    if "by " in plain:
        reported = REPORTED_BY.search(plain)
        if reported:  # "the 3.6 percent rise reported by the Bureau of Labor Statistics"
            return Attribution(clean_name(reported.group("who")), (), True), False
        author = documents.author_of_subject(plain)
        if author:
            return Attribution(author, (), True), False
    saying = ", saying " in plain and SAYING.match(plain)
    if saying and saying.group("name").split()[0] not in NOT_NAMES:
        return Attribution(clean_name(saying.group("name")), (), True), False
    return None, False


def _without_clause(before: str) -> str:
    """The words before a speech verb without a clause about them and the place after them:
    "Ana Ruiz at Otago University in Dunedin, who led the work," is Ana Ruiz at the
    university."""
    clause = before.endswith(",") and TRAILING_CLAUSE.search(before)
    if not clause:
        return before
    kept = before[: clause.start()].rstrip()
    place = " in " in kept and IN_PLACE.search(kept)
    return kept[: place.start()] if place and not BODY_WORD.search(place.group()) else kept


def _spokesperson_for(plain: str) -> str | None:
    """The body a spokesperson speaks for, when the sentence names it or says what it is
    ("the company"); a spokesperson whose body is not said is an unnamed source."""
    found = SPOKESPERSON.search(plain)
    if not found:
        return None
    name = found.group("name") or found.group("for")
    if name:
        return clean_name(name)
    noun = found.group("noun") or found.group("the")
    head = noun.rsplit(None, 1)[-1]  # "the health board": a board
    if head in SPOKEN_FOR or BODY_WORD.fullmatch(head):
        return "the " + noun
    return None


def _unnamed_group(name: str) -> bool:
    """A plural that names nobody: "Prosecutors", "the researchers", "Many economists";
    "police" speak for their force."""
    words = name.split()
    head = words[-1].lower()
    return len(words) <= 3 and head in GROUPS and head != "police" and not words[-1].isupper()


def _kind_of_people(name: str) -> bool:
    """One plural word for a kind of people, named by nobody ("Lessors say", as "Analysts
    say"); not "-ers", which ends surnames as often ("Rogers said")."""
    return " " not in name and name.endswith(_GROUP_ENDINGS) and not (
        name.isupper() or name.lower() in GROUPS)


_GROUP_ENDINGS = ("ologists", "ors", "ists", "ians", "ants")


_THE_NAMED = re.compile(
    rf"the\s+(?P<name>{CAP}[\w’'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}[\w’'.&-]*){{0,6}})"
    r"(?![\w’'-])"
)


_JOINED_BODY = re.compile(
    rf"{CAP}[\w’'.&-]*(?:\s+{CAP}[\w’'.&-]*)*\s+(?:of|for|and)\s+{CAP}[\w’'.&-]*"
    rf"(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}[\w’'.&-]*){{0,4}}(?![\w’'-])"
)


def _according(phrase: str) -> str | None:
    """Who "according to ..." names: a person or body, or None for a document (unless it
    says whose: "an analysis by the Legislative Research Department")."""
    words = phrase.split()
    body = _body_named_for(phrase.strip())
    if body:  # "the Bureau of Labor Statistics", "the Institute for Fiscal Studies": a body
        return body
    # a document's title ends with what it is ("the Air Travel Consumer Report"); "the
    # Border Court Data Project" is a body
    lowered = [w.strip("’'") for w in words] + [words[-1].lower().strip("’'")]
    if not documents.DOCUMENTS.isdisjoint(lowered):
        return documents.author_named(phrase)
    proper = ("'s " in phrase or "’s " in phrase) and OWNED_NAME.match(phrase)
    if proper and BODY_HEAD.fullmatch(proper.group("name").rsplit(None, 1)[-1]):
        return proper.group("name")  # "Kenya's Meteorological Department": the department
    owned = ("'s " in phrase or "’s " in phrase) and OWNED_BODY_FIRST.match(phrase)
    if owned:  # "Portugal's interior ministry" is the ministry, not a country
        return owned.group("body")
    described = DESCRIBED_NAME.match(phrase)
    if described:  # "energy minister Callum Rhodes", "the Lisbon consultancy Harwell"
        return clean_name(described.group("name"))
    the_named = _THE_NAMED.match(phrase)
    if the_named:  # "the Bank of England", "the Office for Budget Responsibility"
        return the_named.group("name")
    joined = _JOINED_BODY.match(phrase)
    if joined:  # "Transport for NSW", "Statistics and Research Scotland"
        return clean_name(joined.group())
    named = ACCORDING.search("according to " + phrase)
    if named:
        name = clean_name(named.group("name"))
        if name and words[0].lower() != "a":
            return name
    body = BODY_WORD.search(phrase)
    if body:
        return phrase[: body.end()].strip()
    return None


def _body_named_for(phrase: str) -> str | None:
    """A body named in full whose last word says what it studies, in capitals ("Bureau of
    Labor Statistics"): not a document, though the word is one's."""
    named = _THE_NAMED.fullmatch(phrase) or _JOINED_BODY.fullmatch(phrase)
    if not named:
        return None
    name = named.groupdict().get("name") or named.group()
    return name if BODY_HEAD.search(name.rsplit(None, 1)[0]) else None


def _body_before(before: str) -> str | None:
    """An institution right before a speech verb: "the census bureau", "the Bureau of ...",
    also when a clause about it stands between ("The airline, which ..., said")."""
    clause = TRAILING_CLAUSE.search(before)
    if clause:
        # "The Agency (MOCA), which ..., said"; "the Polar Institute in Tromsø, which ...,"
        kept = _without_clause(before)
        found = _body_before(kept) or _company_before(kept)
        if found:
            return found
    return _company_before(before) or _named_body_before(before)


def _named_body_before(before: str) -> str | None:
    police = before[-6:].lower() == "police" and POLICE.search(before)
    if police:  # "..., police said", "State police said": the force
        return police.group("police").replace("Police", "police")
    body = BODY_BEFORE.search(before) or (
        ("'s " in before or "’s " in before) and OWNED_BODY.search(before)
    )
    if body:
        found = body.group("body")
        if named := NAMED_TAIL.match(found):  # "the charity End Cold Homes Alliance"
            return named["name"]
        return "the" + found[3:] if found[:3] == "The" else found
    named = NAMED_BODY.search(before)
    if named and BODY_WORD.search(named.group("body")):
        words = named.group("body").split()
        owners = [i for i, word in enumerate(words[:-1]) if word.endswith(("'s", "’s"))]
        if owners:  # "the Justice Department's Executive Office for ...": the office
            words = words[owners[-1] + 1:]
        return _without_title(words)  # "Police Chief Tom Brandt"
    long_name = _THE_LONG_NAME.search(before)
    if long_name and (long_name["name"].count(" ") >= 3 or " of " in long_name["name"]):
        # "the Bangalore Metro Rail Corporation Limited announced": a body's name in full;
        # "the Prime Minister Keir Starmer said" is a person after a title, no body
        person = _without_title(long_name["name"].split())
        return person if person != long_name["name"] else "the " + long_name["name"]
    return None


# A name of three words or more after "the", which no person's is.
_THE_LONG_NAME = re.compile(
    rf"(?:^|\s)[Tt]he\s+(?P<name>(?!(?:Rev|Reverend|Hon|Honourable|Honorable)\b){CAP}[\w’'.&-]*"
    rf"(?:\s+(?:(?:of|for|and|&)\s+)?{CAP}[\w’'.&-]*){{2,7}})$"
)
# "the Santa Inés": capitalised words after "the" go on into the words after them.
_THE_NAME_GOES_ON = re.compile(rf"\b[Tt]he\s+(?:{CAP}[\w’'.&-]*\s+)+$")


# "the company", "the carrier": a company the article named before, when its name says so.
_COMPANY_NOUNS = (
    "company firm carrier airline carmaker automaker lender retailer insurer chain "
    "manufacturer drugmaker bank utility"
).split()
# "the power utility": a word or two may say what kind
_COMPANY_NOUN = re.compile(
    rf"\b[Tt]he (?P<noun>(?:[a-z][a-z-]* ){{0,2}}(?:{'|'.join(_COMPANY_NOUNS)}))$"
)
_COMPANY_HEADS = (
    "Motors Airways Airlines Inc Corp Corporation Co. Company Group Holdings Bank Energy "
    "Pharmaceuticals Technologies Systems Foods Industries Partners Capital Communications "
    "Entertainment Brands Insurance Financial Labs Media Steel Petroleum Electric Logistics "
    "Stores Therapeutics Semiconductor Software Networks Telecom Mining Chemicals Automotive "
    "Bancorp Health Mills Power Light Utilities Gas Chemical Laboratories Pharma Terminals "
    "Studios Games Ltd Limited PLC plc LLC"
).split()
COMPANY_HEAD = re.compile("|".join(re.escape(head) for head in _COMPANY_HEADS))
COMPANY_NAME = re.compile(
    rf"\b(?!(?:The|A|An|This|That)\s)(?:(?:{CAP}[\w&’'.-]*|&)\s+){{1,3}}"
    rf"(?:{'|'.join(re.escape(h) for h in _COMPANY_HEADS)})(?![\w-])\.?"
)
COMPANY_SPEAKERS = frozenset(f"{the} {noun}" for the in ("the", "The") for noun in _COMPANY_NOUNS)


def company_name(found: str) -> str:
    """A company's name as COMPANY_NAME found it, without the full stop that ended the
    sentence ("... of Lumen Foods.") unless it abbreviates ("Halvorsen Co.")."""
    name = found.strip()
    if name.endswith(".") and name.split()[-1] not in _ABBREVIATED_HEADS:
        name = name[:-1]
    return name


_ABBREVIATED_HEADS = frozenset({"Co.", "Inc.", "Corp."})


def _company_before(before: str) -> str | None:
    before = before.rstrip()
    found = _COMPANY_NOUN.search(before) or _ORGANISATION_NOUN.search(before)
    return "the " + found.group("noun") if found else None


# "the group", "the co-operative", "the trust", "the department store and homewares group":
# an organisation the article named before, by the noun for what it is (``speakers`` finds
# which); the words before it may be joined by "and".
_ORGANISATION_NOUN = re.compile(
    r"\b[Tt]he (?P<noun>(?:[a-z][a-z-]* ){0,2}(?:and [a-z][a-z-]* )?"
    r"(?:group|co-operative|cooperative|corporation|trust))$"
)

