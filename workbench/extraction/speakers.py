"""Who speaks, read across the article: "he said" means the person the article last
quoted, "the company said" the company it last named, and a quote that runs on keeps its
speaker (see ``attribution`` for what one sentence says by itself).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from workbench.extraction.attribution import (
    COMPANY_HEAD,
    COMPANY_NAME,
    COMPANY_SPEAKERS,
    NAME_WORD,
    Attribution,
    attribute,
    clean_name,
    company_name,
    curly_quotes,
    is_group,
    outside_quotes,
    quote_state,
)
from workbench.extraction.entities import MONTH_NAMES
from workbench.extraction.speech import (
    BODIES,
    BODY_HEAD,
    BODY_HEADS,
    BODY_WORD,
    ESTIMATE_VERBS,
    NOT_NAMES,
    SPEECH_VERBS,
    SUBJECT,
)


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
    firm: str | None = None  # the last of those whose name is no public body's
    public: set[str] = set()  # names the article says are an agency, a regulator ...
    lead: str | None = None  # the name the article's first sentence opens with
    previous_paragraph = -1
    open_quote = False
    for text, paragraph in sentences:
        if paragraph != previous_paragraph:
            open_quote = False  # a quote never runs past its paragraph unannounced
        _, starts_quoted, still_open = quote_state(text, open_quote)
        if COMPANY_HEAD.search(text):  # a first look: most sentences name no company
            names = COMPANY_NAME.findall(text)
            company = company_name(names[-1]) if names else company
        introduced = _company_introduced(text)
        company = introduced or company
        found, pronoun = attribute(text)
        it_said = False
        if found is not None and found.speaker and " " not in found.speaker:
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            found = Attribution(_in_full(found.speaker, text, earlier), found.flags,
                                found.explicit)
        if not out:
            lead = _named_subject(text, None)
            if lead and _a_person(lead, [t for t, _ in sentences[1:_LOOKBACK]]):
                lead = None  # "Sarah Grant was named coach ... Grant, 44, ...": no company
        body = found is not None and found.speaker is not None and (
            found.speaker in COMPANY_SPEAKERS or found.speaker[:4].lower() == "the "
        )
        introduced_body = _body_introduced(text)
        if introduced_body:
            organisation = introduced_body
            public.add(introduced_body)
        if body and company and found.speaker in COMPANY_SPEAKERS:
            found = Attribution(company, found.flags, found.explicit)
            organisation = company
        elif body and (_BODY_PHRASE.fullmatch(found.speaker)
                       or _REFERS_BACK.fullmatch(found.speaker)):
            before = out[-1].speaker if out and paragraph == previous_paragraph else None
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            if not (_is_body(before) or before == organisation or (before or "").isupper()):
                before = None  # a person's words: "the agency" is no person
            elif before and before[:4] == "the " and before[4:5].isupper():
                before = before[4:]  # "the World Food Programme"
            known = _Known(before, earlier, organisation, firm, lead, last)
            named = _referent(found.speaker, text, known)
            if named:
                found = Attribution(named, found.flags, found.explicit)
                organisation = named
        elif found is not None and found.speaker == "it":
            it_said = True
            found = Attribution(_named_subject(text, last) or organisation, found.flags,
                                found.explicit)
        elif found is not None and found.speaker and _names_organisation(found.speaker):
            organisation = found.speaker
        if organisation and organisation not in public and not BODY_HEAD.search(organisation):
            firm = organisation  # "the company" is no Food and Drug Administration
        if found is not None and found.speaker and " " not in found.speaker and it_said:
            # "Nordvik has signed 40 contracts, it says": Nordvik as first written in full
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            found = Attribution(_in_full(found.speaker, text, earlier), found.flags,
                                found.explicit)
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


# What is most often the article's own subject: "Lilly will cut its price, the company
# said"; a regulator or an agency is more often someone else's ("Voltra raised its cap,
# the regulator said").
_COMPANY_LIKE_WORDS = (
    "company firm club group charity airline carrier lender bank retailer insurer chain "
    "manufacturer drugmaker carmaker automaker utility operator network league"
).split()
# "the agency", "the club": an organisation the reader knows from before. Offices,
# departments, courts and the like are left as written: an article often has several.
_REFERS_BACK = re.compile(
    r"[Tt]he (?:[a-z]+ ){0,2}(?:agency|union|trust|coalition|regulator|watchdog|association|"
    r"federation|" + "|".join(_COMPANY_LIKE_WORDS) + ")"
)
# Words any kind of body answers to: "the agency" after the World Food Programme spoke
# means it, though its name does not say so.
_ANY_BODY = frozenset("agency regulator watchdog operator organisation organization".split())


class _Known(NamedTuple):
    """What the article has said before a sentence that names a body by a common noun."""

    before: str | None  # the body that spoke in the sentence just before, same paragraph
    earlier: list[str]  # the sentences before
    organisation: str | None  # the body or company last cited by name
    firm: str | None  # the last of those whose name is no public body's
    lead: str | None  # the name the article opens with
    last: Attribution | None  # the person last quoted


def _referent(phrase: str, text: str, known: _Known) -> str | None:
    """The body a common noun ("the agency", "the grid operator", "the health department")
    means: the body the sentence itself opens with ("The Electric Reliability Council of
    Texas issued ..., the grid operator said"); for a noun any body answers to, the body
    that spoke just before; else the body named earlier whose name holds the words (in
    their order first: "the health department" is the Marlow County Health Department
    rather than the state's Department of Health); else, for a company's noun, the last
    company, and for the union or the trust, the body last cited if it is no company."""
    head = phrase.rsplit(None, 1)[-1].lower()
    generic = head in _ANY_BODY
    company_like = head in _COMPANY_LIKE_WORDS and not generic
    own = _opening_body(text, known.last, company_like)
    if own:
        return own
    if generic and known.before:
        return known.before
    if _BODY_PHRASE.fullmatch(phrase):
        named = _body_named(phrase, known.earlier)
        if named != phrase:
            return named
    if company_like:
        return known.firm or known.lead
    if known.organisation == known.firm and not generic:
        return None  # "the union" is not the company last named
    return known.organisation if _REFERS_BACK.fullmatch(phrase) else None


# A body the sentence opens with, its name perhaps after "The" and before an apposition
# ("Vortex Gaming, one of Europe's best-known esports organisations, is cutting ...").
_OPENING_NAME = re.compile(
    r"(?:[A-Z][A-Z.,' -]+(?:\([A-Za-z]+\))?\s*(?:—|–|--)\s*)?(?P<the>The\s+)?"
    r"(?P<name>[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?[A-Z][\w&’'.-]*){0,6})"
    r"(?:,\s+(?:the|an?|one)\s|\s+(?:is|was|has|had|have|will|would|[a-z]+ed)\b)"
)


def _opening_body(text: str, person: Attribution | None, company_like: bool) -> str | None:
    """The body or, for a company's noun, the name a sentence opens with as its subject."""
    found = _OPENING_NAME.match(text.lstrip())
    if not found:
        return None
    name = found.group("name")
    if name.split()[0] in NOT_NAMES or is_group(name):
        return None
    if person is not None and person.speaker and name.split()[-1] in person.speaker.split():
        return None
    if company_like:
        return name if not found.group("the") or _names_organisation(name) else None
    # "The Southwest Power Pool issued ...": a name after "The" is no person's
    return name if found.group("the") or _names_organisation(name) else None


# "the Norwegian company Nordvik Aerospace", "state operator Harbour Rail", "Halsey's, the
# UK's fourth-largest supermarket chain,": a name the article says is a company, which
# "the company" then means even when the name does not say so.
_COMPANY_WORDS = frozenset(
    "company firm carrier airline carmaker automaker lender retailer insurer chain "
    "manufacturer drugmaker operator".split()
)
_KIND_OF_COMPANY = "(?:" + "|".join(sorted(_COMPANY_WORDS)) + ")"
_FIRM_NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:&\s+)?[A-Z][\w’'&.-]*){0,3}"
_COMPANY_INTRODUCED = re.compile(
    rf"\b{_KIND_OF_COMPANY}\s+(?P<before>{_FIRM_NAME})|"
    rf"(?:^|[,;]\s+|\s)(?P<after>{_FIRM_NAME}),\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?"
    rf"{_KIND_OF_COMPANY}\b(?!\s+(?:also\s+)?(?:{SPEECH_VERBS})\b)"  # not "..., the carrier said"
)


def _company_introduced(text: str) -> str | None:
    """The company a sentence introduces as one ("the Norwegian company Nordvik")."""
    if _COMPANY_WORDS.isdisjoint(text.replace(",", " ").split()):  # a first look
        return None
    found = _COMPANY_INTRODUCED.search(outside_quotes(text))
    if not found:
        return None
    name = found.group("before") or found.group("after")
    return None if name.split()[0] in NOT_NAMES else name


# "Agrosafra, the national crop agency,": a name the article says is a body, which "the
# agency" then means.
_BODY_INTRODUCED = re.compile(
    rf"(?:^|[,;]\s+|\s)(?P<name>{_FIRM_NAME}),\s+(?:the|an?)\s+(?:[\w’'-]+\s+){{0,4}}?"
    r"(?:agency|regulator|watchdog|authority|operator|organi[sz]ation|charity|union),"
)


def _body_introduced(text: str) -> str | None:
    """The body a sentence introduces as one ("Agrosafra, the national crop agency,")."""
    if ", the " not in text and ", a" not in text:  # a first look
        return None
    found = _BODY_INTRODUCED.search(outside_quotes(text))
    if not found or found.group("name").split()[0] in NOT_NAMES:
        return None
    return found.group("name")


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
    found = SUBJECT.match(text.lstrip())
    if not found:
        return None
    name = found.group("name")
    if name.split()[0] in NOT_NAMES or is_group(name):
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


def _in_full(name: str, text: str, earlier: list[str]) -> str:
    """A one-word name as the article first wrote it in full: "Sunbelt said" after
    "Sunbelt Airways will pay ...", "IPSA said" after "the Independent Parliamentary
    Standards Authority", "police said" after "the Lakeport Police Department". A surname
    alone is a person's, named before it; "an FDA spokesperson" keeps the letters."""
    if name.lower() == "police":
        return _police_force(earlier + [text]) or "police"
    if name.isupper() and len(name) > 1 and "spokes" not in text:
        return _acronym_in_full(name, earlier)
    if not name[:1].isupper() or name.isupper():
        return name
    pattern = None
    for text in earlier:
        if name + " " in text:  # a first look
            pattern = pattern or re.compile(rf"\b{re.escape(name)}\s+(?P<rest>{NAME_WORD})\b")
            found = pattern.search(text)
            if found and found.group("rest") not in NOT_NAMES | _MONTHS:
                return f"{name} {found.group('rest')}"
    return name


_MONTHS = frozenset(MONTH_NAMES.split("|"))
_POLICE_FORCE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w.’'-]*\s+){1,4}Police(?:\s+(?:Department|Service|Force))?)\b"
)


def _police_force(texts: list[str]) -> str | None:
    """The police force the article last named ("the Lakeport Police Department")."""
    for text in reversed(texts):
        if "Police" in text:  # a first look
            forces = [m.group("name") for m in _POLICE_FORCE.finditer(text)]
            names = [f for f in forces if f.split()[0] not in NOT_NAMES]
            if names:
                return names[-1]
    return None


def _acronym_in_full(acronym: str, earlier: list[str]) -> str:
    """The name an acronym stands for, as the article first spelled it: "the UN Refugee
    Agency (UNHCR)", or a body whose words give its letters ("Electric Reliability
    Council of Texas" for ERCOT); the acronym itself when the article never spelled it."""
    spelled = re.compile(rf"(?P<name>{_FULL_NAME})\s+\({re.escape(acronym)}\)")
    for text in earlier:
        found = f"({acronym})" in text and spelled.search(text)
        if found:
            return found.group("name").removeprefix("The ").removeprefix("the ")
        if BODY_HEAD.search(text):  # a first look: most sentences name no body
            for match in _NAMED_BODY_IN_TEXT.finditer(text):
                name = match.group().removeprefix("The ").removeprefix("the ")
                if _initials(acronym, name.split()):
                    return name
    return acronym


_FULL_NAME = r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|on|and|&|the)\s+)*[A-Z][\w’'.&-]*){0,7}"
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


def _person_mentioned(text: str) -> str | None:
    """The person a sentence without attribution introduces, if it names one."""
    plain = outside_quotes(curly_quotes(text))
    found = ", " in plain and _INTRODUCED.search(plain)
    if found and _OBJECT_OF.search(plain, 0, found.start()):
        found = None
    if not found and any(verb in plain for verb in _CHARACTERISING_VERBS):
        found = _CHARACTERISES.search(plain)
    if not found:
        return None
    name = clean_name(found.group("name"))
    if not name or len(name.split()) < 2 or is_group(name) or _is_body(name):
        return None
    return name


def _names_organisation(speaker: str) -> bool:
    """Whether a speaker is a body or company named as such ("Mortgage Bankers
    Association", "Halvorsen Motors", "the FDA"), not a person or a description."""
    speaker = speaker.removeprefix("the ")  # "the Regional Transit Authority"
    if not speaker[:1].isupper() or speaker[:4] == "The " or is_group(speaker):
        return False
    return bool(BODY_WORD.search(speaker) or COMPANY_NAME.fullmatch(speaker)
                or speaker.isupper())


_NAMED_BODY_IN_TEXT = re.compile(
    rf"\b(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|on|and|&)\s+)?){{0,5}}(?:{BODY_HEADS})\b"
    r"(?:\s+(?:of|for|on)\s+[A-Z][\w’'-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w’'-]*){0,3})?"
)
# How far back a body named in full is looked for: an article's length, so that the cost
# of a long text stays linear.
_LOOKBACK = 200
# "the county health department": lower-case words naming a kind of body.
_BODY_PHRASE = re.compile(rf"the(?: [a-z]+){{0,3}} (?:{BODIES}|trust|coalition)")


def _body_named(speaker: str, earlier: list[str]) -> str:
    """The body that ``speaker`` ("the county health department", "the ministry")
    describes word for word, as the ``earlier`` sentences last named it in full; else the
    article's own phrase, since a name that does not say what it is ("Ofgem" for "the
    regulator") cannot be told from another body's."""
    words = speaker.split()[1:]
    for text in reversed(earlier):
        if not BODY_HEAD.search(text):  # a first look: most sentences name no body
            continue
        for match in reversed(list(_NAMED_BODY_IN_TEXT.finditer(text))):
            name = match.group().removeprefix("The ").removeprefix("the ")
            lowered = set(name.lower().split())
            if len(lowered) >= 2 and all(word in lowered for word in words):
                return name
    return speaker


_IT_SAID = re.compile(
    rf"It\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:{SPEECH_VERBS}|{ESTIMATE_VERBS})\b"
)


def _is_body(speaker: str | None) -> bool:
    """Whether ``speaker`` is an institution or a company rather than a person."""
    return speaker is not None and bool(
        speaker[:4].lower() == "the " or BODY_WORD.search(speaker)
        or COMPANY_NAME.fullmatch(speaker)
    )


def _statement_goes_on(before: Attribution) -> bool:
    """A body's statement or an unnamed source's words may run on in quote marks without
    a new verb (“...,” the attorney's office said. “...”); a person's quote is attributed
    each time."""
    if before.speaker is None:
        return "anonymous_source" in before.flags
    return (bool(BODY_WORD.search(before.speaker) or COMPANY_NAME.fullmatch(before.speaker))
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
