"""Split an article into sentences with exact character spans and a role for each.

A fact-checker reads the body and skips the furniture around it: the date line at the top,
photo captions and their credits, the ``WASHINGTON —`` dateline that opens the first
paragraph, the ``Source: WSJ`` line at the bottom. Those spans are kept (so a reviewer can
see them, and the spans tile the text) but they get a role other than ``body`` and are
never proposed as claims.

Offsets are indexes into the exact string given, so ``text[s.start:s.end] == s.text``
always holds; nothing is normalised here. Splitting works paragraph by paragraph (one line
is one paragraph, as in pasted and extracted news text), so an unbalanced quote mark can
never swallow more than its own paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from workbench.extraction.letters import CAPITALS
from workbench.extraction.pagelines import (
    AGENCY_DATELINE,
    CAPTION_LEAD,
    CREDIT_AFTER_STOP,
    DATELINE_PREFIX,
    LINKS_HEAD,
    credit_tail,
    line_role,
)

ROLES = ("body", "caption", "credit", "dateline", "source_line", "byline", "heading")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article; ``paragraph`` counts non-empty lines from 0."""

    text: str
    start: int
    end: int
    role: str = "body"
    paragraph: int = 0


# Abbreviations after which a period does not end a sentence (lowercased, no period).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen sens rep reps gov gen lt col maj capt cmdr adm sgt cpl pvt
    st jr sr rev fr hon pres supt atty det insp amb messrs mme mlle eng cllr
    inc corp co ltd llc plc bros dept univ assn est no nos vol vols pp ed eds fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    v vs etc al approx ca cf ie eg viz mt ft ave blvd rd hwy
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
# Words that, after an initialism such as "U.S.", show that a new sentence has begun.
_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and or so yet if when while after before since although though however meanwhile
    in on at for to from as despite still then now last next some many most all both
    what who why how""".split()
)
_OPENERS = "“‘\"'(["
_CLOSERS = "”’\"')]"
# The look-behind makes a run of stops match once, from its start: without it the regex
# retries from every position inside a long run ("....") and takes quadratic time.
_BOUNDARY = re.compile(rf"(?<![.!?…])[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[{CAPITALS}0-9])")
_NEXT_WORD = re.compile(r"\s*+[“‘\"'(\[]*+([\w’']+)")
_WORDISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")

MAX_SENTENCE_CHARS = 2_000


def _is_break(para: str, match: re.Match[str], depth: int) -> bool:
    """Decide whether the punctuation at ``match`` ends a sentence."""
    if depth > 0:  # inside parentheses: "(R., Ky.)"
        return False
    dot = match.group()
    if not dot.startswith("."):
        return True
    token = _word_before(para, match.start())
    if not token:
        return True
    following = _NEXT_WORD.match(para, match.end())
    next_word = following.group(1).lower() if following else ""
    if "." in token or (len(token) == 1 and token.isupper()):
        # "U.S.", "D.C.", "J." -- an initialism ends a sentence only before a clear starter.
        return next_word in _STARTERS
    if token.lower() in _ABBREVIATIONS:
        return False
    return True


def _word_before(para: str, end: int) -> str:
    """The run of letters and periods ending at ``end`` that starts with a letter, or "".

    Same answer as ``re.search(r"([A-Za-z][A-Za-z.]*)$", para[:end])``, found by walking
    back from ``end`` instead of scanning the paragraph from its start at every period.
    """
    start = end
    while start > 0 and para[start - 1] in _WORDISH:
        start -= 1
    while start < end and para[start] == ".":
        start += 1
    return para[start:end]


def _split_paragraph(para: str) -> list[tuple[int, int]]:
    """Sentence spans (relative to ``para``) of one paragraph, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    begin = 0
    depth = 0
    last = 0
    for match in _BOUNDARY.finditer(para):
        chunk = para[last : match.start()]
        depth = max(0, depth + chunk.count("(") - chunk.count(")"))
        last = match.start()
        if _is_break(para, match, depth):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, len(para)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for cs, ce in _cap_length(para, s, e):
            while cs < ce and para[cs].isspace():
                cs += 1
            while ce > cs and para[ce - 1].isspace():
                ce -= 1
            if ce > cs:
                out.append((cs, ce))
    return out


def _cap_length(para: str, start: int, end: int) -> list[tuple[int, int]]:
    """Break run-on text (tables, lists without punctuation) into bounded pieces."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = para.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _standfirst(line: str) -> bool:
    """A line under the headline that does not end as a sentence does (a subheadline such
    as "Commissioners say ...; health officials warn of ..."): body copy always does."""
    stripped = line.strip()
    return stripped[-1] not in ".!?:;,”\"’)…" and len(stripped.split()) <= 60


# What opens or closes a lead but no headline: an article and a common noun ("The city
# council voted ...", "A magnitude 6.1 earthquake struck ..."), or a past-tense
# attribution at the end (", officials said"; a headline says "says").
_LEAD_OPEN = re.compile(r"^(?:The|A|An)\s+[a-z]")
_LEAD_CLOSE = re.compile(r",\s+[^,]{1,40}\bsaid$")


def _lead_without_stop(line: str) -> bool:
    """Whether a long first line with no final stop reads as a lead that lost its stop in
    copying rather than a headline with its standfirst run on: it opens with a dateline or
    an article, or ends with "..., officials said"."""
    stripped = line.strip()
    dateline = DATELINE_PREFIX.match(stripped)
    if dateline and _looks_like_place(dateline.group("place")):
        return True
    return bool(_LEAD_OPEN.match(stripped) or _LEAD_CLOSE.search(stripped))


def _is_heading(line: str, paragraph: int) -> bool:
    """Short, unpunctuated lines at the top are titles; elsewhere they are sub-heads."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 16 or stripped[-1] in ".!?:;,”\"’)…":
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return paragraph == 0 or capitals >= max(1, len(words) // 2)


def segment(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, non-overlapping, each with its role."""
    out: list[Sentence] = []
    paragraph = -1
    top_end: int | None = None  # the paragraph of the first byline or date line, if near the top
    links = False  # under a "Related" line: the headlines of other reports follow
    for line_start, body in _lines(text):
        if not body.strip():
            continue
        paragraph += 1
        lead = len(body) - len(body.lstrip())
        start, end = line_start + lead, line_start + len(body.rstrip())
        role = line_role(body)
        if not role and links and _standfirst(body):
            role = "source_line"  # a headline in a list of links
        if role:
            out.append(Sentence(text[start:end], start, end, role, paragraph))
            if role in ("byline", "dateline") and top_end is None and paragraph <= _TOP_LINES:
                top_end = paragraph
            links = role == "source_line" and (links or bool(LINKS_HEAD.match(body.strip())))
            continue
        links = False
        bullet = _BULLET.match(text, start, end)
        if bullet:  # "• Inflation rose to 3.2%": the claim starts after the list's mark
            start = bullet.end()
        content = text[start:end]
        credit = credit_tail(content)
        if not credit and (")" in content[-2:] or "/" in content[-60:] or (
                "hoto" in content[-16:] or content[-3:].isupper())):  # photographer, -journalist
            credit = CREDIT_AFTER_STOP.search(content)
        if credit and credit.start() > 0:
            cut = start + credit.start()
            credit_start = cut + (len(credit.group()) - len(credit.group().lstrip()))
            _emit(out, text, start, cut, "caption", paragraph)
            out.append(Sentence(text[credit_start:end], credit_start, end, "credit", paragraph))
            continue
        if CAPTION_LEAD.match(content):
            out.append(Sentence(content, start, end, "caption", paragraph))
            continue
        if _is_heading(content, paragraph) or (
            paragraph == 1 and out and out[0].role == "heading" and _standfirst(content)
        ) or (paragraph == 0 and _standfirst(content) and not _lead_without_stop(content)):
            # a first line with no final stop (up to 60 words) is a headline (and perhaps its
            # standfirst run on): body copy always ends as a sentence does
            out.append(Sentence(content, start, end, "heading", paragraph))
            continue
        dateline = DATELINE_PREFIX.match(content)
        if not (dateline and _looks_like_place(dateline.group("place"))):
            dateline = "(" in content[:60] and AGENCY_DATELINE.match(content)
        if dateline:
            stop = start + dateline.end()
            trimmed = text[start:stop].rstrip()
            out.append(Sentence(trimmed, start, start + len(trimmed), "dateline", paragraph))
            start = stop
        _emit(out, text, start, end, "body", paragraph)
    return _top_matter(out, top_end)


# The mark of an item in a list: a bullet, or a hyphen or an asterisk and a space.
_BULLET = re.compile(r"[•▪●◦‣∙*-]\s+(?=\S)")
_TOP_LINES = 7  # how far down a byline or date line still closes the top matter
_TOP_BODY = 4  # at most so many sentences of top matter: more is the article itself


def _top_matter(out: list[Sentence], top_end: int | None) -> list[Sentence]:
    """Lines between the headline and the byline or date line under it are top matter (a
    standfirst, a summary, "key points"), not body: news copy runs headline, standfirst,
    byline, date, body. Only when the text opens with a headline, no lead paragraph (one
    that opens with a dateline such as ``WASHINGTON —``) comes before the byline, the
    lines above it are few and the article goes on under it (a byline at the foot of a
    short item closes the item, not its top matter)."""
    if top_end is None or not out or out[0].paragraph != 0 or not (
        out[0].role == "heading" or _short_headline(out, top_end)
    ):
        return out
    top = [s for s in out if 0 < s.paragraph < top_end]
    above = sum(s.role == "body" for s in top)
    below = any(s.role == "body" for s in out if s.paragraph > top_end)
    if any(s.role == "dateline" for s in top) or above > _TOP_BODY or not below:
        return out
    return [replace(s, role="heading") if s.role == "body" and s.paragraph < top_end
            else s for s in out]


_HEADLINE_WORDS = 25  # a first paragraph no longer than this can be a headline with a stop
_HEADLINE_BLOCK_WORDS = 60  # the same, with its standfirst, right above the byline


def _short_headline(out: list[Sentence], top_end: int) -> bool:
    """Some outlets end a headline with a full stop ("Rents rose 9% this year, survey
    finds."): a short first paragraph can be one, if a byline follows (checked by the
    caller), and it is no dateline lead. Right above the byline the first paragraph may
    hold the standfirst too, run on after a headline in title case: a page sets them as
    two lines, but a copy of it may not."""
    first = [s for s in out if s.paragraph == 0]
    block = top_end == 1 and bool(first) and _title_case(first[0].text)
    limit = _HEADLINE_BLOCK_WORDS if block else _HEADLINE_WORDS
    return all(s.role == "body" for s in first) and (
        sum(len(s.text.split()) for s in first) <= limit
    )


# Words a headline in title case leaves in lower case.
_SMALL_WORDS = frozenset(
    "a an the and but or nor as at by for from in into of off on onto per to up upon via "
    "vs with".split()
)


def _title_case(line: str) -> bool:
    """Whether ``line`` opens in title case ("City Raises Fees as Budget Gap Widens"): every
    word of its first eight but the small ones capitalised, as no sentence of prose is
    ("Former Gov. Tom Haverford leads ..." has a verb in lower case)."""
    words = [w for w in line.split()[:8] if w[:1].isalpha()]
    return len(words) >= 4 and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)


def _looks_like_place(place: str) -> bool:
    """``WASHINGTON`` or ``NEW YORK`` -- an upper-case first word of three letters or more."""
    first = re.split(r"[ ,(]", place.strip(), maxsplit=1)[0]
    letters = [c for c in first if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _emit(out: list[Sentence], text: str, start: int, end: int, role: str, paragraph: int) -> None:
    for s, e in _split_paragraph(text[start:end]):
        piece = text[start + s : start + e]
        own = role
        # a note run on after a caption's credit ("... (Jane Doe/AP) Jo Li contributed.");
        # the paragraph's first sentence was looked at as a line already, and after a
        # sentence's stop a line's words may be prose ("Editing by hand is banned ...")
        after_credit = s > 0 and (
            text[start : start + s].rstrip()[-1:] == ")" or piece[:1] == "("
        )
        if role == "body" and after_credit and line_role(piece) == "source_line":
            own = "source_line"
        out.append(Sentence(piece, start + s, start + e, own, paragraph))


# An outlet's note that opens after a word with no stop, where a page had a line break:
# "... Photo: Jane Doe Correction: An earlier version ...", "... weekly This article was
# amended on ...". Prose never puts these capitals mid-sentence.
_JOINED_NOTE = re.compile(
    r"(?<=[\w)])\s+(?=(?:Correction|Clarification|Editor['’]s note)\s*:|"
    r"This (?:story|article|report) (?:was|has been) (?:amended|updated|corrected|produced)\b)"
)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with its start, without its line break; a line that runs an
    outlet's note on after a word with no stop is two lines, as on the page."""
    pos = 0
    for line in text.splitlines(keepends=True):
        base = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        start = 0
        if "Correction" in body or "Clarification" in body or "note" in body or "This " in body:
            for cut in _JOINED_NOTE.finditer(body):
                yield base + start, body[start : cut.start()]
                start = cut.end()
        yield base + start, body[start:]
