"""Notices: what a page tells its readers rather than claims.

A schedule note says when something is due ("The next report is due on April 3", "The
board meets Nov. 12 at 7 p.m."); a service note says how to reach a service (a number to
call, a place to book, hours of opening). Neither is a claim a desk checks, unless the
sentence also states a fact beside the appointment or the number: :func:`bare_schedule`
and :func:`service_note` take the notice's own words out and look at what is left. The
news prior (``priors``) lowers both.
"""

from __future__ import annotations

import re

from workbench.extraction import kinds
from workbench.extraction.entities import MONTH_NAMES
from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP

_MONTH = f"(?:{MONTH_NAMES})"
# "The next report is due on April 3": a date in a schedule is a notice, not an event.
SCHEDULE = re.compile(
    r"\b(?:(?:is|are) (?:due|scheduled|set) (?:for|on|to)\b|"
    rf"(?:is|are) due (?:in|by) (?:early |mid-|late )?(?:{_MONTH}|spring|summer|autumn|fall|"
    r"winter|the new year)\b|"
    r"will be (?:held|published|released|announced|delivered|unveiled)|"
    # "The case was adjourned to 22 November", "The teams meet again on 6 March"
    r"(?:was|were|has been|have been|is|are) adjourned (?:to|until|till) [^,;]{1,30}$|"
    r"meets? again\b|"
    r"(?:closes|opens) on\b|"  # "The consultation closes on 28 February"
    r"will (?:hold|meet|open|publish|release|vote|decide|hear|consider|"
    r"announce|unveil|rule|resume|reconvene)\b|"
    r"(?:is|are) expected to (?:meet|vote|decide|rule|hear|resume|reconvene)\b|"
    r"will be (?:open|closed)(?: again)? (?:on|next|this|from|until|between)\b|"
    r"(?:is|are) expected to (?:publish|release|report|present) (?:(?!record\b)[\w-]+ ){0,3}?"
    r"(?:results|figures|report|findings|decision|earnings|accounts)\b|"
    # "The next hearing has been fixed for December 9", "will present its report at a
    # conference in Alicante on Feb. 12"
    r"(?:has been|have been|was|were|is|are) (?:fixed|set|scheduled|slated|listed) for\b|"
    r"will present (?:its|their|his|her|the) (?:[\w-]+ ){0,2}(?:report|findings|results)\b|"
    r"(?:runs|resumes|reconvenes|reopens) (?:on|until|at|in|from)\b|"
    r"(?:takes?|took) effect|goes into effect|go into effect|"
    # "The board's next meeting is on May 2", "A ruling is expected before the recess",
    # "The bill returns to the Senate next week"
    r"next (?:[\w-]+ ){0,2}(?:meeting|session|sitting|hearing) (?:is|will be)\b|"
    rf"(?:is|are) expected (?:before|by) (?:the|{CAP}\w+)\b|"
    rf"(?:returns?|goes|go) (?:back )?(?:to|before) the {CAP}[\w’'-]* (?:on|next|in|for)\b|"
    # "The Senate returns Dec. 7", "will host an investor day on May 4", "is expected to be
    # reviewed again within a year", "will set rates at its June meeting"
    rf"(?:returns?|reconvenes?|resumes?) (?:on )?(?:{CAP}[a-z]{{2}}\. \d|"
    rf"{_MONTH} \d)|will (?:host\b|set (?:[\w-]+ ){{0,5}}?at (?:its|the|a) )|"
    # "Results come out next Thursday", "The figures are out on May 4"
    r"comes? out (?:on|next|this)\b|(?:is|are) (?:out|published) (?:on|next)\b|"
    r"(?:is|are) expected to be (?:[\w-]+ )?(?:inspected|reviewed|heard|debated|considered|"
    r"published|released|announced)\b)"
)
# More of the diary, a notice only when it states nothing else (what else it holds keeps
# its date): what will be presented or debated, and the diary in the present tense, as the
# sentence's own clause ("The planning board meets Nov. 12 at 7 p.m.").
DIARY = re.compile(
    r"\bwill be (?:presented|debated|discussed|considered|heard|tabled|voted on)\b"
    r"|^(?:The|A|An|Its|Their)? ?(?:[\w’'-]+ ){0,4}?(?:committee|council|board|panel|court|"
    r"commission|assembly|Senate|House|[Pp]arliament|cabinet|legislature|[Ll]awmakers|"
    r"[Cc]ouncill?ors|[Cc]ommissioners|[Tt]rustees|MPs|[Ss]enators) (?:meets?|votes?|sits?|"
    rf"(?:re)?convenes?|decides?|debates?|considers?|takes? up)\b(?=[^.;]*?\b(?:{_MONTH} \d|"
    rf"{CAP}[a-z]{{2}}\. \d|\d{{1,2}} {_MONTH}|next (?:week|month)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))"
)
# A date or a span of time, set aside to see whether a schedule states anything else.
WHEN = re.compile(
    # "June 18", "18 and 19 June", "Nov. 12-13"
    rf"\b(?:{_MONTH}|{CAP}[a-z]{{2}}\.) \d{{1,2}}\b(?:(?:-| and | to )\d{{1,2}}\b)?(?:, \d{{4}})?|"
    rf"\b\d{{1,2}}(?:(?:-| and | to )\d{{1,2}})? {_MONTH}\b|"
    r"\b(?:within|in|for) (?:[\w-]+ ){1,2}(?:days?|weeks?|months?|years?)\b|"
    r"\b\d{1,2}(?::\d\d)? ?[ap]\.?m\.?"
)
# The next step of a criminal case is a court record, not a routine notice.
CASE_STEP = re.compile(r"\b(?:[Ss]entencing|[Tt]rial|[Aa]rraignment|[Ee]xtradition)\b")
# A service note tells the reader how to reach a service: a telephone number ("616-555-0133",
# "(02) 9555 0123", "0800 555 0199", "+44 20 7946 0958") or an invitation to call, book or
# visit ("can call", "can be booked at").
_PHONE = re.compile(
    r"(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])"  # (1-)616-555-0133
    r"|(?<![\d.,-])\d{3}-\d{4}(?![\w-])"  # a local number without its area code: 555-0162
    r"|(?:\+\d{1,3} (?:\d{1,4} )?|\(0\d{1,4}\) ?|0\d{1,4} )\d{3,4}[ -]?\d{3,4}(?![\w-])"
    # a trunk prefix and the number in groups: "0800 20 5050", "03-5510 6767"
    r"|(?<![\d.,])0\d{1,3}[ -]\d{2,4}[ -]\d{4}(?![\w-])"
    # an area code and the local number in one group: "091 56789", "021 4567890"
    r"|(?<![\d.,])0\d{1,4} \d{5,8}(?![\w-]|[.,]\d)"
    # a free or local-rate line without a trunk prefix: "1800 555 019", "1300 655 506"
    r"|(?<![\d.,])1[38]00[ -]?\d{3}[ -]?\d{3}(?![\w-]|[.,]\d)"
)
_DIGIT = re.compile(r"\d")
_DIGIT_GAP = re.compile(r"\d[ .-]\d")  # in every _PHONE match: a first look
_CONTACT_KEYS = ("can ", "should ", "urged", "asked", "encouraged", "advised",
                 " open ", "anyone", "anybody", "witnesses", "the public")
_CONTACT = re.compile(
    # "can" and "should", not "may": "The president may visit Kyiv" is news, not a service
    # "should stop using it and call": one more step may come before the call
    r"\b(?:can|should|are (?:urged|asked|encouraged|advised) to) (?:also |still |continue to )?"
    r"(?:[a-z]+ (?:[a-z]+ )?(?:and|or) )?"
    r"(?:call|phone|ring|text|email|contact|visit|book)\b"
    # "can be contacted free, day or night, on ...": a few words may come between
    # the reader told how to do it: "You can report a sighting by calling ...", "Listeners
    # can apply online or by texting ..."
    r"|\b(?:[Yy]ou|[Rr]eaders|[Ll]isteners|[Vv]iewers) can (?:[\w-]+ ){1,8}?by (?:calling|"
    r"phoning|ringing|texting|sending|emailing|visiting|writing)\b"
    r"|\bcan be (?:booked|reached|contacted|made|ordered)(?:,? [\w ]{1,20}?,?){0,2} "
    r"(?:at|by|on|online|through|via)\b"
    r"|\b(?:is|are) open (?:from )?\d{1,2}(?::\d\d)? ?[ap]\.?m\.? (?:to|until)\b"  # hours
    # a call for information: "Detectives are urging anyone who saw the car to contact ...",
    # "Investigators appealed to witnesses to come forward"
    # "Police have appealed for dashcam footage from anyone who ..."
    r"|\bappeal(?:ed|ing|s)? (?:to the public )?for (?:[\w-]+ ){0,2}(?:footage|information|"
    r"witnesses|sightings)\b"
    r"|\b(?:ask|urg|appeal|encourag)\w* (?:to |for )?(?:anyone|anybody|witnesses|members of the "
    r"public|the public)\b[^.;]{0,80}?\bto (?:call|contact|phone|ring|email|text|come forward|"
    r"get in touch)\b"
)
# Part of the note, not a figure: when a service is open ("open 24 hours a day", "open
# 24/7") and the reference to quote ("quoting incident 455", "quote reference 4471").
_NOTE_DETAIL = re.compile(
    r"\bopen (?:24 hours a day|24/7|around the clock|round the clock|(?:seven|7) days a week)"
    r"|\bquot(?:e|ing) (?:the )?(?:reference|ref|incident|file|crime|log|case|occurrence)"
    r"(?: number| no\.?)? [\w/-]+"
)
# An instruction to the reader, at the start of the sentence or after "If you ...,":
# "Call 988 ...", "If you have information, contact the police at ...", "For confidential
# support, call Lifeline on 13 11 14"
_INSTRUCTION = re.compile(
    r"^(?:(?:If you\b|For (?:confidential |free |more |further )?(?:support|help|advice|"
    r"information|details)\b)[^.]{0,120}?,\s*)?(?:please\s+)?(?:[Cc]all|[Tt]ext|[Rr]ing|[Pp]hone|[Cc]ontact|"
    rf"[Ee]mail|[Vv]isit)(?: or (?:call|text|email))? (?:\d|us\b|the\b|{CAP}|www)"
    # "More information is available at www.gov.ie/housing"
    r"|^(?:More|Further) (?:information|details) (?:is|are|can be) (?:available|found)\b"
)
_CLAUSE_END = re.compile(r"[,;]")
# A street address is where to go, not a figure: "1124 Fulton St.", "40 Harbour Road",
# "1400 N. Elm St.".
ADDRESS = re.compile(
    rf"\b\d{{1,5}}(?: (?:[NSEW]\.|{CAP}[\w'’-]*)){{1,3}} (?:St|Street|Ave|Avenue|Rd|Road|Blvd|"
    r"Boulevard|Dr|Drive|Lane|Ln|Way|Place|Pl|Square|Sq|Court|Ct|Parkway|Highway|Hwy)\b\.?"
)



def bare_schedule(text: str, schedule: re.Match[str]) -> bool:
    """Whether a schedule states nothing but the appointment: with the schedule's own words,
    its dates and its address taken out, no fact is left ("The board will hold a hearing on
    May 2 at 40 Elm St." is a notice; "The plant, which employs 400, is due to close on
    May 2" still holds news)."""
    rest = WHEN.sub(" ", text[: schedule.start()] + " " + text[schedule.end():])
    rest = ADDRESS.sub(" ", rest) if _DIGIT.search(rest) else rest  # where: "at 12 Elm St."
    # a count left over ("an inspection of 1,500 buildings") is news, not a notice
    return not _DIGIT.search(rest) and not kinds.fact_kinds(rest) and not kinds.forecast(rest)


def service_note(text: str) -> bool:
    """Whether ``text`` tells readers how to reach a service (a phone number to call, a
    place to book): a notice, not a claim. The number and the place are not the claim,
    but a fact stated beside them is ("The hotline, 0800 123 4567, took 12,000 calls",
    "Patients can book at 40 clinics, up from 12 last year"): that is news."""
    if text[:1] in "CcTtRrPpEeVvIFM" and _INSTRUCTION.match(text):
        return True
    contact = any(key in text for key in _CONTACT_KEYS) and _CONTACT.search(text)
    if contact:  # what is left once the invitation's own clause is taken out
        end = _CLAUSE_END.search(text, contact.end())
        while end and text.startswith(" or ", end.end()):  # "call 111, or 999 in an emergency"
            end = _CLAUSE_END.search(text, end.end())
        rest = text[: contact.start()] + (text[end.start():] if end else "")
    elif _DIGIT_GAP.search(text) and any(
        m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in ",.$€£-")
        for m in _PHONE.finditer(text)
    ):
        rest = text
    else:
        return False
    rest = _NOTE_DETAIL.sub(" ", rest) if " open " in rest or "quot" in rest else rest
    return not kinds.states_fact(ADDRESS.sub(" ", _PHONE.sub(" ", rest)))


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
CASE_STEP, _CONTACT, _PHONE = first_looks(CASE_STEP, _CONTACT, _PHONE)
