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

ROLES = ("body", "caption", "credit", "dateline", "source_line", "byline", "heading")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article; ``paragraph`` counts non-empty lines from 0."""

    text: str
    start: int
    end: int
    role: str = "body"
    paragraph: int = 0


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\w+day,?\s+)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?)?"
    r"(?:\s+updated\s+(?:\d{1,2}|an?|one)\s+(?:minutes?|hours?|days?)\s+ago)?\s*$",
    re.I,
)
# A date line of another form than _DATE_LINE's: every word of it is a date, a time, a
# time zone or a word such as "Posted", "Updated", "Issued on" ("Issued on: 27/11/2026 -
# 19:42 Modified: 27/11/2026 - 21:05", "Posted Mon 30 Nov 2026 at 6:04am, updated ...").
_STAMP_WORDS = frozenset(
    """posted published updated modified issued last first created edited revised
    originally on at am pm a.m. p.m. ago an a one minute minutes min mins hour hours hr hrs
    day days read""".split()  # "December 1, 2026 · 8 min read"
)
_STAMP_DAY_OR_MONTH = re.compile(
    rf"^(?:{_MONTHS}|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|\w+day)$", re.I
)
_STAMP_NUMBER = re.compile(
    r"^(?:\d{1,4}(?:[/.:-]\d{1,4}){0,2}(?:st|nd|rd|th)?(?:[ap]\.?m\.?)?|[A-Z]{1,4}T"
    r"(?:[+-]\d{1,2})?|UTC(?:[+-]\d{1,2})?|GMT(?:[+-]\d{1,2})?)$"
)
_STAMP_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")
_DIGIT = re.compile(r"\d")
_STAMP_SPLIT = re.compile(r"[\s,|·•:–—()]+|\s-\s")
# "Carlos Mendes Lobo / AFP", "Jane Doe/Getty Images", "AFP / Getty Images": a photo credit
# on a line of its own (a person or agency, a slash, an agency).
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo|image|picture)s?\s*:\s*)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*/\s*"
    r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}$"
)
# A credit after the caption's last stop: "... on Nov. 25. Carlos Mendes Lobo / AFP",
# "... months old. (ABC News: Tom Hollis)" (a first look: "/" or "(" in the line).
_CREDIT_AFTER_STOP = re.compile(
    r"(?<=[.!?])\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*/\s*[A-Z][\w.&'’-]*"
    r"(?:\s+[A-Z][\w.&'’-]*){0,3}(?<![.!?])"
    # "(ABC News: Tom Hollis)": an outlet and a person's name, every word capitalised;
    # "(Source: Bureau of Labor Statistics)" ends a body paragraph, not a caption
    r"|\((?!(?:Sources?|Data|Notes?|Figures?|Update|Correction)\s*:)[A-Z][\w.&'’ -]{1,40}:\s*"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\))\s*$"
)
# "– Jonathan Ernst/Reuters", "— AP Photo/Evan Vucci", "(Photo: Getty Images)"
_CREDIT_TAIL = re.compile(
    r"(?:\s[–—-]{1,2}\s*[A-Z][^\n–—]{0,60}?/\s*[A-Z][^\n/]{1,40}"
    r"|(?<!\s)\s*\((?:photo|image|credit|pictured|submitted by|supplied by|courtesy of|"
    r"handout)[^)\n]{0,80}\)"
    r"|\s(?:photo|photograph|image)(?:\s+by|\s*:)\s+[A-Z][^\n.]{1,60}"
    r"|\s[–—-]{1,2}\s*(?:Getty Images|Reuters|AP|AFP|Bloomberg|EPA)\b[^\n]{0,30}"
    r"|\s(?:photo\s+)?credits?\s*:\s*[^\n]{1,80}"
    r"|\s©\s*[^\n©]{1,60}"  # "... on Nov. 3. © JANE DOE / AFP"
    r"|\s\([^()\n]{1,60}/[^()\n]{1,60}\))\s*$",
    re.I,
)
# "Photo: Senators leave the Capitol.", "Pictured: ...", "Image: ..." -- a caption line.
_CAPTION_LEAD = re.compile(
    r"^(?:photo|photograph|pictured|picture|image|caption|illustration|video|above|top|"
    r"left|right|inset)\s*:\s|^(?:image|photo|video|media) (?:caption|source|credit),\s", re.I
)
# A photo described in the present tense, as captions are: "Traders work on the floor of
# the exchange on Wednesday", "The prosecutor speaks at a news conference Monday".
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PHOTO_VERBS = (
    r"(?:speaks?|talks?|stands?|sits?|walks?|works?|gathers?|waits?|looks?|listens?|"
    r"attends?|march(?:es)?|watch(?:es)?|points?|poses?|rides?|inspects?|waves?|"
    r"address(?:es)?|arrives?|prepares?|protests?|holds? up)"
)
# The photo's date is a weekday or, in agency captions, a full date ("on November 25, 2026").
_PHOTO_DATE = (
    rf"(?:{_WEEKDAYS}\b|(?:January|February|March|April|May|June|July|August|September|"
    rf"October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{{1,2}}, \d{{4}})"
)
_PHOTO_DESCRIPTION = re.compile(
    rf"^[A-Z][^.,;:“”\"]{{0,80}}? {_PHOTO_VERBS} (?:at|on|in|outside|near|during|with|to|"
    rf"from|before|after|as|the|a|an|past|along|through|across|into|by|behind|beside)\b[^“”\"]{{0,160}}?\b{_PHOTO_DATE}[^“”\"]{{0,80}}$"
)
# The outlet's own notes at the foot of a report (and what each of them holds: a first look).
_NOTE_KEYS = ("contribut", "covers ", "reports on", "writes about", "version of", "information",
              "reported from", "reporter", "correspondent", "editor", "writer")
_NOTE_LINE = re.compile(
    r"^(?:[^.]{3,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)|"
    # "Jane Doe reported from Lisbon.", "Jane Doe is a health reporter at The Sentinel."
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?: and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})? "
    r"(?:reported from [A-Z][^.]{1,60}\.?$|is (?:a|an|the) (?:[\w-]+ ){0,3}(?:reporter|"
    r"correspondent|editor|writer|columnist) (?:at|for|with) (?:the )?[A-Z][\w.'’&-]*"
    r"(?: (?:of |the |and |& )?[A-Z][\w.'’&-]*){0,5}\.?$)|"
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:covers|reports on|writes about) [^.]{1,80} "
    r"for (?:the )?[A-Z][^.]{1,60}|"
    # "Jane Doe covers the courts. Reach her at ...": the beat, then how to reach the writer
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:covers|reports on|writes about) [^.]{1,80}\. "
    r"(?:Reach|Contact|Email|Write to) (?:him|her|them)\b|"
    r"A version of this (?:article|story) appear|"
    r"(?:Anyone|Those|People|Residents) with (?:any )?information\b[^\n]{0,160}?"
    r"\b(?:call|contact|email|text)\b)",
)
_SOURCE_LINE = re.compile(
    # "Source: WSJ", not "Sources close to ..."; "Contact Jane Doe at", not "Contact tracing"
    r"^\(?(?:courtesy\s*/\s*)?(?:sources?(?=\s*[:/|])|courtesy|copyright|©|\(c\)|"
    r"additional reporting|reporting by|editing by|edited by|write to|"
    r"contact(?=\s*:|\s+(?:us|the|(?-i:[A-Z])))|read more|subscribe|sign up|"
    # "Related:", "Related coverage"; "Related charges were filed" is a sentence
    r"related(?=\s*(?::|$|articles?\b|stories\b|coverage\b|content\b|links?\b|news\b|"
    r"reading\b|topics?\b))|"
    r"advertisement|this article|originally published|appeared in|follow us|see also|"
    # "Recommended:" heads a list of links; "Recommended doses were cut" is a sentence
    r"recommended(?=\s*(?::|$|for you\b|stories\b|reading\b|articles\b))|"
    r"most read|more on this|you may also like|further reading|"
    r"click here|email us|have a (?:news )?tip|this (?:is a )?(?:developing|breaking) "
    # "— With assistance from Jane Doe", "Follow the topics in this article: ..."
    r"(?:story|news)|this story is developing|[—–-]*\s*with assistance from|"
    r"follow (?:the )?topics|(?:this|the) (?:story|article|report|series) (?:was|is) "
    r"(?:produced|reported|published) in (?:partnership|collaboration) with)\b"
    # "Correction:", and with the date of the note: "Correction, 1 December 2026:",
    # "Update, Nov. 5, 6:48 p.m.:" (a date and a time, no verb, before the colon)
    r"|^(?:correction|clarification|editor['’]s note|update)"
    r"(?:,?\s+(?=[^:]{0,50}\d)[\w.,]+(?:\s+[\w.,]+){0,5})?\s*:"
    # "To contact the reporter on this story:", "To contact the editors responsible ..."
    r"|^to contact the (?:reporters?|editors?|writers?|authors?)\b",
    re.I,
)
_CAPTION_TOGGLE = re.compile(r"\s(?:hide|show|toggle) caption$", re.I)
# A prompt to subscribe, sign up or download: "Sign up for our weekday newsletter",
# "Get the latest news in your inbox", "Support local journalism: subscribe ...", "Download
# the app for alerts". The opening verb alone is not enough ("Get ready for higher bills").
_PROMO_OPEN = re.compile(
    r"^(?:get|download|sign up|subscribe|support (?:local |independent |our )?journalism|"
    r"like what you['’]re reading|enjoying this|don['’]t miss|want more)\b",
    re.I,
)
_PROMO_WORDS = re.compile(r"\b(?:newsletters?|inbox|subscri\w+|sign up|app|alerts|podcast)\b", re.I)
# A line that heads a list of links to other reports ("Related Articles", "More on this story").
_LINKS_HEAD = re.compile(
    r"^(?:related|read more|more on this|more from|see also|recommended|most read|"
    r"more stories|you may also like|further reading)\b[^.!?]{0,40}:?$",
    re.I,
)
# The outlet's notes about the report itself: "This story has been updated to correct ...",
# "An earlier version of this article misstated ...", "Corrected to show ...".
_REVISION_NOTE = re.compile(
    # "This story has been updated": the outlet's own piece ("The report was revised in
    # June" is about some other report, and a claim)
    r"^(?:(?:This (?:story|article|report|post|piece|version)|The (?:story|article|post))"
    r"(?: \w+){0,2} (?:has been|"
    r"was|is being|had been) (?:updated|corrected|amended|changed|edited|clarified|revised)\b"
    r"|An? (?:earlier|previous) version of this (?:story|article|report|post)\b"
    r"|This version (?:corrects|updates|adds|removes|clarifies)\b"
    # an outlet's funding note: "The Daily Ledger receives support from ... for its coverage"
    r"|(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4} receives? (?:financial )?(?:support|"
    r"funding) from [^.]{3,120}\bfor (?:its )?coverage\b"
    r"|(?:This|Our) (?:coverage|reporting|series) (?:is|was) (?:supported|funded|"
    r"made possible) by\b"
    # where and when the piece ran: "This report by The Canadian Press was first published
    # Nov. 30", "This story appears in the Dec. 3 print edition", "This story was compiled
    # from our live coverage"
    r"|This (?:story|article|report|piece)(?: by [^.]{1,60}?)? (?:was (?:first|originally) "
    r"published|was (?:compiled|adapted) from|(?:first )?appear(?:s|ed) in (?:the |our )?"
    r"[^!?]{0,40}?\b(?:print|edition|issue)\b)"
    r"|(?:Updated|Corrected|Clarified|Amended) (?:to|with) (?:correct|show|include|add|"
    r"reflect|clarify|remove|comments?|details?)\b)"
)
# A wire's exchange-rate note: "($1 = 0.7912 pounds)", "(£1 = $1.2701)", "(1 euro = $1.08)".
_RATE_NOTE = re.compile(r"^\(\s*\S{0,4}\s?1\s?\w{0,6} = \S{0,4}\s?[\d.,]+[^()]{0,30}\)$")
_BYLINE = re.compile(
    r"^(?:[Bb][Yy]\s+[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,6}\s*"
    # "By health reporter Jane Doe", "By Jane Doe · Illustrations by ...": short, no stop
    r"|(?:(?:Words|Text|Written|Story|Reported) [Bb]y|By)\s+[\w.'’-]+(?:\s+[^\s.!?]+){1,11}"
    # "Jane Doe @janedoe": a name and the writer's social handle
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+@\w+)$"
)
# "WASHINGTON, D.C. —", "BOGOTÁ, Colombia —", "NEW YORK (Reuters) -"
_DATELINE_PREFIX = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}(?:,\s*[A-ZÀ-Þ][\w.'’ ]{0,30})?"
    r"(?:\s*\([A-Za-z. ]{1,30}\))?)\s*(?:—|–|--|-)\s*"
)

# "Lisbon (AFP) -", "Nairobi, Kenya (Reuters) —": a place in ordinary case is a dateline
# only with the agency's tag after it.
_AGENCY_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){0,3}(?:, [A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*)"
    r"{0,2})?(?:, [A-Z][a-z]{2}\.? \d{1,2})? \((?:AFP|AP|Reuters|Bloomberg|dpa|EFE|ANSA|PA|"
    r"AAP|CP|UPI|Xinhua|Kyodo|Yonhap)\)\s*(?:—|–|--|-)\s*"
)

# Abbreviations after which a period does not end a sentence (lowercased, no period).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen sens rep reps gov gen lt col maj capt cmdr adm sgt cpl pvt
    st jr sr rev fr hon pres supt atty det insp amb messrs mme mlle
    inc corp co ltd llc plc bros dept univ assn est no nos vol vols pp ed eds fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs etc al approx ca cf ie eg viz mt ft ave blvd rd hwy
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
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9À-Þ])")
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


def _line_role(line: str) -> str | None:
    """A role for a whole line that is not article body, or None."""
    stripped = line.strip()
    if _DATE_LINE.match(stripped) or _timestamp(stripped):
        return "dateline"
    if len(stripped) <= 200 and (
        _SOURCE_LINE.match(stripped) or _REVISION_NOTE.match(stripped)
        or (stripped[:1] == "(" and _RATE_NOTE.match(stripped))
    ):
        return "source_line"
    if stripped[-7:].lower() == "caption" and _CAPTION_TOGGLE.search(stripped):
        return "caption"  # a web caption ends with its toggle: "... Jane Doe/AP hide caption"
    if len(stripped) <= 250 and _PROMO_OPEN.match(stripped) and _PROMO_WORDS.search(stripped):
        return "source_line"
    if len(stripped) <= 100 and "/" in stripped and _CREDIT_LINE.match(stripped):
        return "credit"
    if len(stripped) <= 300 and any(key in stripped for key in _NOTE_KEYS) and (
        _NOTE_LINE.match(stripped)
    ):
        return "source_line"
    if len(stripped) <= 250 and ("day" in stripped or ", 20" in stripped) and (
        _PHOTO_DESCRIPTION.match(stripped)
    ):
        return "caption"
    if _BYLINE.match(stripped) or _signed_and_dated(stripped):
        return "byline"
    return None


# "Jane Doe, Housing Reporter • November 30, 2026": a name (and job title), a bullet, a date.
_SIGNATURE = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:, [A-Z][\w'’ -]{2,40})?$")
# the date after a bullet, or after the stamp word that opens it ("... Reporter Updated Nov. 30")
_BULLET = re.compile(r"\s[•·|]\s|\s(?=(?:Updated|Published|Posted)\b)")


def _signed_and_dated(line: str) -> bool:
    """A byline that carries the date: the writer's name before a bullet, a date after it."""
    if len(line) > 120 or not _DIGIT.search(line):
        return False
    parts = _BULLET.split(line, maxsplit=1)
    if len(parts) != 2:
        return False
    name, date = parts[0].strip(), parts[1].strip()
    return bool(_SIGNATURE.match(name)) and bool(_DATE_LINE.match(date) or _timestamp(date))


def _timestamp(line: str) -> bool:
    """Whether ``line`` is only a time stamp: every word is a date, a time, a time zone or
    a stamp word ("Posted", "Updated"), and it holds a month, a weekday or a full date."""
    if len(line) > 160 or not _DIGIT.search(line, 0, 40):
        return False
    dated = False
    for word in _STAMP_SPLIT.split(line):
        if not word or word == "-" or word.lower() in _STAMP_WORDS:
            continue
        if _STAMP_DAY_OR_MONTH.match(word) or _STAMP_DATE.fullmatch(word):
            dated = True
        elif not _STAMP_NUMBER.match(word):
            return False
    return dated


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
    dateline = _DATELINE_PREFIX.match(stripped)
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
        role = _line_role(body)
        if not role and links and _standfirst(body):
            role = "source_line"  # a headline in a list of links
        if role:
            out.append(Sentence(text[start:end], start, end, role, paragraph))
            if role in ("byline", "dateline") and top_end is None and paragraph <= _TOP_LINES:
                top_end = paragraph
            links = role == "source_line" and (links or bool(_LINKS_HEAD.match(body.strip())))
            continue
        links = False
        content = text[start:end]
        credit = _CREDIT_TAIL.search(content)
        if not credit and (")" in content[-2:] or "/" in content[-60:]):
            credit = _CREDIT_AFTER_STOP.search(content)
        if credit and credit.start() > 0:
            cut = start + credit.start()
            credit_start = cut + (len(credit.group()) - len(credit.group().lstrip()))
            _emit(out, text, start, cut, "caption", paragraph)
            out.append(Sentence(text[credit_start:end], credit_start, end, "credit", paragraph))
            continue
        if _CAPTION_LEAD.match(content):
            out.append(Sentence(content, start, end, "caption", paragraph))
            continue
        if _is_heading(content, paragraph) or (
            paragraph == 1 and out and out[0].role == "heading" and _standfirst(content)
        ) or (paragraph == 0 and _standfirst(content) and not _lead_without_stop(content)):
            # a first line with no final stop (up to 60 words) is a headline (and perhaps its
            # standfirst run on): body copy always ends as a sentence does
            out.append(Sentence(content, start, end, "heading", paragraph))
            continue
        dateline = _DATELINE_PREFIX.match(content)
        if not (dateline and _looks_like_place(dateline.group("place"))):
            dateline = "(" in content[:60] and _AGENCY_DATELINE.match(content)
        if dateline:
            stop = start + dateline.end()
            trimmed = text[start:stop].rstrip()
            out.append(Sentence(trimmed, start, start + len(trimmed), "dateline", paragraph))
            start = stop
        _emit(out, text, start, end, "body", paragraph)
    return _top_matter(out, top_end)


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
        if role == "body" and after_credit and _line_role(piece) == "source_line":
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
