"""Who speaks, read across the article: "he said" means the person the article last
quoted, "the company said" the company it last named, and a quote that runs on keeps its
speaker (see ``attribution`` for what one sentence says by itself, ``bodies`` for which
body "the agency" or "IPSA" is).
"""

from __future__ import annotations

import re

from workbench.extraction.attribution import (
    COMPANY_HEAD,
    COMPANY_NAME,
    COMPANY_SPEAKERS,
    NAME_WORD,
    Attribution,
    attribute,
    clean_name,
    company_name,
    is_group,
)
from workbench.extraction.bodies import (
    BODY_PHRASE,
    FIRM_NAME,
    REFERS_BACK,
    Known,
    acronym_in_full,
    body_introduced,
    is_body,
    names_organisation,
    opening_body,
    police_force,
    referent,
    subject_name,
)
from workbench.extraction.entities import MONTH_NAMES
from workbench.extraction.letters import CAP
from workbench.extraction.quotemarks import curly_quotes, outside_quotes, quote_state
from workbench.extraction.speech import (
    BODY_HEAD,
    BODY_HEADS,
    BODY_WORD,
    ESTIMATE_VERBS,
    NOT_NAMES,
    OWNED_BODY_FIRST,
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
            company = _with_place(company_name(names[-1]), text) if names else company
        introduced = _company_introduced(text)
        company = introduced or company
        found, pronoun = attribute(text)
        if open_quote and still_open and "“" not in text and "”" not in text:
            found, pronoun = None, False  # “... Nobody at City Hall said a word. ...”
        it_said = False
        in_full = None  # the body's name in full, when the sentence gives its letters
        if found is not None and found.speaker and " " not in found.speaker:
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            in_full = _in_full(found.speaker, text, earlier)
            if not (found.speaker.isupper() and "spokes" in text):  # "an FDA spokesperson"
                found = Attribution(in_full, found.flags, found.explicit)
        if not out:
            lead = _named_subject(text, None)
            if lead and _a_person(lead, [t for t, _ in sentences[1:_LOOKBACK]]):
                lead = None  # "Sarah Grant was named coach ... Grant, 44, ...": no company
        body = found is not None and found.speaker is not None and (
            found.speaker in COMPANY_SPEAKERS or found.speaker[:4].lower() == "the "
        )
        if body and _CAPITAL_NOUN.fullmatch(found.speaker):
            # "The Ministry said": the ministry the article named, in capitals by house style
            found = Attribution(found.speaker.lower(), found.flags, found.explicit)
        introduced_body = body_introduced(text)
        if introduced_body:
            organisation = introduced_body
            public.add(introduced_body)
        if body and company and found.speaker in COMPANY_SPEAKERS:
            found = Attribution(company, found.flags, found.explicit)
            organisation = company
        elif body and (BODY_PHRASE.fullmatch(found.speaker)
                       or REFERS_BACK.fullmatch(found.speaker)):
            before = out[-1].speaker if out and paragraph == previous_paragraph else None
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            if not (is_body(before) or before == organisation or (before or "").isupper()):
                before = None  # a person's words: "the agency" is no person
            elif before and before[:4] == "the " and before[4:5].isupper():
                before = before[4:]  # "the World Food Programme"
            known = Known(before, earlier, organisation, firm, lead, last)
            named = referent(found.speaker, text, known)
            if named:
                found = Attribution(named, found.flags, found.explicit)
                organisation = named
            elif found.speaker.lower() == "the group":
                found = None  # no body of that name before: hikers, a family, a crowd
        elif found is not None and found.speaker == "it":
            it_said = True
            named = _named_subject(text, last) or opening_body(text, last, True)
            owned = not named and OWNED_BODY_FIRST.match(text.lstrip())
            if owned and _OWNER.match(owned.group("body")):  # "Brazil's central bank ..., it said"
                named = re.sub(r"^The ", "the ", owned.group("body"))
            found = Attribution(named or organisation, found.flags, found.explicit)
        elif found is not None and found.speaker and names_organisation(found.speaker):
            organisation = in_full or found.speaker
        if organisation and organisation not in public and not BODY_HEAD.search(organisation):
            firm = organisation  # "the company" is no Food and Drug Administration
        if found is not None and found.speaker and " " not in found.speaker and it_said:
            # "Nordvik has signed 40 contracts, it says": Nordvik as first written in full
            earlier = [t for t, _ in sentences[max(0, len(out) - _LOOKBACK) : len(out)]]
            found = Attribution(_in_full(found.speaker, text, earlier), found.flags,
                                found.explicit)
        if found is None and not pronoun and " the " in f" {text.lower()}":
            titled = _titled_person(text, [t for t, _ in sentences[max(0, len(out) - 20):len(out)]])
            found = Attribution(titled, (), True) if titled else None
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
        elif text[:3] == "It " and out and (is_body(out[-1].speaker) or (
                out[-1].speaker and out[-1].speaker == organisation)) and _IT_SAID.match(text):
            # "The ministry said ... It said ...": "it" is the body that spoke just before,
            # also when its name does not say it is one ("The retailer said ... It blamed")
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


_CAPITAL_NOUN = re.compile(rf"[Tt]he (?:{BODY_HEADS})")


# "the Norwegian company Nordvik Aerospace", "state operator Harbour Rail", "Halsey's, the
# UK's fourth-largest supermarket chain,": a name the article says is a company, which
# "the company" then means even when the name does not say so.
_COMPANY_WORDS = frozenset(
    "company firm carrier airline carmaker automaker lender retailer insurer chain "
    "manufacturer drugmaker operator".split()
)
_KIND_OF_COMPANY = "(?:" + "|".join(sorted(_COMPANY_WORDS)) + ")"
_COMPANY_INTRODUCED = re.compile(
    rf"\b{_KIND_OF_COMPANY}\s+(?P<before>{FIRM_NAME})|"
    rf"(?:^|[,;]\s+|\s)(?P<after>{FIRM_NAME}),\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?"
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
    return subject_name(SUBJECT.match(text.lstrip()), person)


# A person the narration introduces, whom a later "she said" means: a name with an age
# or a description after it ("Dana Roe, 44, a nurse, ..."), or a named person's
# characterisation of something ("Housing critic Dana Roe called the plan ...").
_INTRODUCED = re.compile(
    rf"\b(?P<name>{CAP}[\w’'-]+(?:\s+{CAP}[\w’'-]+){{1,2}}),\s+"
    r"(?:\d{1,3},|(?:an?|the)\s+[a-z]|who\s+(?:runs|owns|lives|has|works|heads|leads)\b)"
)
# "For Marit Olsen, who runs a fish plant, the decision is ...": the person a feature
# opens on, whom "she says" then means.
_FOR_PERSON = re.compile(r"^\s*For\s+$")
_CHARACTERISES = re.compile(
    rf"\b(?P<name>(?:{CAP}[\w’'.-]*\s+){{1,4}}{CAP}[\w’'-]+)\s+(?:called|described|dismissed)\b"
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
    alone is a person's, named before it."""
    if name.lower() == "police":
        return police_force(earlier + [text]) or "police"
    if name.isupper() and len(name) > 1:
        return acronym_in_full(name, earlier)
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


def _person_mentioned(text: str) -> str | None:
    """The person a sentence without attribution introduces, if it names one."""
    plain = outside_quotes(curly_quotes(text))
    found = ", " in plain and _INTRODUCED.search(plain)
    if found and _OBJECT_OF.search(plain, 0, found.start()) and not _FOR_PERSON.match(
            plain, 0, found.start()):
        found = None
    if not found and any(verb in plain for verb in _CHARACTERISING_VERBS):
        found = _CHARACTERISES.search(plain)
    if not found:
        return None
    name = clean_name(found.group("name"))
    if not name or len(name.split()) < 2 or is_group(name) or is_body(name):
        return None
    return name


# How far back a body named in full is looked for: an article's length, so that the cost
# of a long text stays linear.
_LOOKBACK = 200


_IT_SAID = re.compile(
    rf"It\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:{SPEECH_VERBS}|{ESTIMATE_VERBS})\b"
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
    for j in range(i, len(sentences)):  # not sentences[i:], a copy of the rest of the article
        text, at = sentences[j]
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


# "the health secretary said": the person the article introduced by that title before.
# After a quote (blanked to spaces): "“We have hired 6,000 nurses,” the minister told the BBC".
_TITLE_SAID = re.compile(
    r"(?:^\s*|,\s+|\s\s)[Tt]he (?P<title>(?:[a-z]+ ){0,2}(?:mayor|minister|secretary|"
    r"governor|president|commissioner|premier|chancellor|senator|sheriff|coach|judge|"
    r"ambassador|director|prosecutor|chair(?:man|woman)?))"
    r" (?:said|says|told|added|argued|noted|warned|explained|insisted|conceded|acknowledged)\b"
)


# A proper name owning what follows: "Brazil's", "The Kremlin's" (not "Last year's").
_OWNER = re.compile(
    rf"(?:The\s+)?(?!(?:Last|This|Next|That)\b){CAP}[\w.-]*(?:\s+{CAP}[\w.-]*)?[’']s\s"
)


def _titled_person(text: str, earlier: list[str]) -> str | None:
    """The person "the health secretary said" means: the one the earlier sentences named
    with that title ("Health Secretary Fiona Blake", "Fiona Blake, the health secretary,")."""
    said = _TITLE_SAID.search(outside_quotes(curly_quotes(text)))
    if not said:
        return None
    title = re.escape(said.group("title")).replace(r"\ ", r"\s+")
    named = re.compile(
        rf"\b(?i:{title})\s+(?P<name>{CAP}[\w’'-]+(?:\s+{CAP}[\w’'-]+){{1,2}})"
        rf"|(?P<before>{CAP}[\w’'-]+\s+{CAP}[\w’'-]+),\s+(?:the\s+)?(?i:{title})\b"
    )
    for sentence in reversed(earlier):
        found = list(named.finditer(sentence))
        if found:  # "Prosecutor General Andriy Kostin": the person, without the title
            return clean_name(found[-1].group("name") or found[-1].group("before"))
    return None


# "State Bank of Pakistan": a bank's name goes on with the place it serves ("Halvern Pharma of
# Cork" is a firm and where it is).
_OF_PLACE = re.compile(rf" of (?:the )?{CAP}[\w’'-]*(?: {CAP}[\w’'-]*)?")


def _with_place(name: str, text: str) -> str:
    """``name`` with the "of ..." a bank's name goes on with in ``text``."""
    if not name.endswith(" Bank"):
        return name
    at = text.rfind(name)
    place = _OF_PLACE.match(text, at + len(name)) if at >= 0 else None
    return name + place.group() if place else name
