"""What a whole line of an article is when it is not body copy: the page's furniture.

Date lines and time stamps, bylines, photo captions and their credits, outlet notes
(corrections, updates, "contributed to this report", subscription prompts), source and
links lines, and the patterns ``segment`` uses to cut a dateline or a credit off a
paragraph. ``line_role`` answers for one line; ``segment`` applies it.
"""

from __future__ import annotations

import re

from workbench.extraction.letters import CAP, CAPITALS

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\w+day,?\s+)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    rf"(?:[\s,]+(?:at\s+)?\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*{CAP}{{2,4}}(?:[+-]\d{{1,2}})?)?)?"
    r"(?:\s+updated\s+(?:\d{1,2}|an?|one)\s+(?:minutes?|hours?|days?)\s+ago)?\s*$",
    re.I,
)
# A date line of another form than _DATE_LINE's: every word of it is a date, a time, a
# time zone or a word such as "Posted", "Updated", "Issued on" ("Issued on: 27/11/2026 -
# 19:42 Modified: 27/11/2026 - 21:05", "Posted Mon 30 Nov 2026 at 6:04am, updated ...");
# a time may be written the French way, "10h22".
_STAMP_WORDS = frozenset(
    """posted published updated modified issued last first created edited revised
    originally on at am pm a.m. p.m. ago an a one minute minutes min mins hour hours hr hrs
    day days read""".split()  # "December 1, 2026 · 8 min read"
)
_STAMP_DAY_OR_MONTH = re.compile(
    rf"^(?:{_MONTHS}|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|\w+day)$", re.I
)
_STAMP_NUMBER = re.compile(
    rf"^(?:\d{{1,4}}(?:[/.:-]\d{{1,4}}){{0,2}}(?:st|nd|rd|th)?(?:[ap]\.?m\.?)?|\d{{1,2}}h\d\d|{CAP}{{1,4}}T"
    r"(?:[+-]\d{1,2})?|UTC(?:[+-]\d{1,2})?|GMT(?:[+-]\d{1,2})?)$"
)
# A live page's entry stamp: a time of day alone on its line ("19:58", "7.41pm", "10:05 a.m.
# ET"); a sentence always has a word.
_CLOCK_LINE = re.compile(rf"^\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*{CAP}{{2,4}})?$", re.I)
_STAMP_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")
_DIGIT = re.compile(r"\d")
_STAMP_SPLIT = re.compile(r"[\s,;|·•:–—()]+|\s-\s")
# "Carlos Mendes Lobo / AFP", "Jane Doe/Getty Images", "AFP / Getty Images": a photo credit
# on a line of its own (a person or agency, a slash, an agency).
_CREDIT_LINE = re.compile(
    rf"^(?:(?:photo|image|picture)s?\s*:\s*)?{CAP}[\w.'’-]*(?:\s+{CAP}[\w.'’-]*){{0,4}}\s*/\s*"
    rf"{CAP}[\w.&'’-]*(?:\s+{CAP}[\w.&'’-]*){{0,3}}$"
)
# A credit after the caption's last stop: "... on Nov. 25. Carlos Mendes Lobo / AFP",
# "... months old. (ABC News: Tom Hollis)" (a first look: "/" or "(" in the line).
CREDIT_AFTER_STOP = re.compile(
    rf"(?<=[.!?])\s+(?:{CAP}[\w.'’-]*(?:\s+{CAP}[\w.'’-]*){{0,4}}\s*/\s*{CAP}[\w.&'’-]*"
    rf"(?:\s+{CAP}[\w.&'’-]*){{0,3}}(?<![.!?])"
    # "(ABC News: Tom Hollis)": an outlet and a person's name, every word capitalised;
    # "(Source: Bureau of Labor Statistics)" ends a body paragraph, not a caption
    rf"|\((?!(?:Sources?|Data|Notes?|Figures?|Update|Correction)\s*:){CAP}[\w.&'’ -]{{1,40}}:\s*"
    rf"{CAP}[\w.'’-]*(?: {CAP}[\w.'’-]*){{0,3}}\)"
    # "... on Nov. 18. Jane Doe Staff photographer": the photographer's name and post
    rf"|{CAP}[\w.'’-]*(?: {CAP}[\w.'’-]*){{1,3}} (?:[Ss]taff|[Cc]ontributing|[Ff]reelance) "
    r"(?:[Pp]hotographer|[Pp]hotojournalist)"
    # "... in August. JANE DOE": the photographer's name in capitals, as Spanish and Latin
    # American papers print it (two to four words; a body sentence never ends so)
    rf"|{CAP}{{2,}}(?: {CAP}{{2,}}){{1,3}})\s*$"
)
# "– Jonathan Ernst/Reuters", "— AP Photo/Evan Vucci", "(Photo: Getty Images)"
CREDIT_TAIL = re.compile(
    rf"(?:\s[–—-]{{1,2}}\s*{CAP}[^\n–—]{{0,60}}?/\s*{CAP}[^\n/]{{1,40}}"
    r"|(?<!\s)\s*\((?:photo|image|credit|pictured|submitted by|supplied by|courtesy of|"
    r"handout)[^)\n]{0,80}\)"
    rf"|\s(?:photo|photograph|image|picture|pic)(?:\s+by|\s*:)\s+{CAP}[^\n.]{{1,60}}"
    r"|\s[–—-]{1,2}\s*(?:Getty Images|Reuters|AP|AFP|Bloomberg|EPA)\b[^\n]{0,30}"
    r"|\s(?:photo\s+)?credits?\s*:\s*[^\n]{1,80}"
    r"|\s©\s*[^\n©]{1,60}"  # "... on Nov. 3. © JANE DOE / AFP"
    r"|\s\([^()\n]{1,60}/[^()\n]{1,60}\))\s*$",
    re.I,
)
# What every form of CREDIT_TAIL holds: a slash, a closing bracket, ©, a dash after a space
# or one of its words (lowered; re.I also matches "ı" and "İ", lowered "i\u0307", to an i).
_CREDIT_MARKS = ("/", ")", "©")
_CREDIT_WORDS = ("photo", "image", "pic", "credit", "\u0131", "i\u0307")
_SPACED_DASH = re.compile(r"\s[–—-]")


def credit_tail(line: str) -> re.Match | None:
    """``CREDIT_TAIL.search(line)``, after a first look that spares most lines the search."""
    if any(mark in line for mark in _CREDIT_MARKS):
        return CREDIT_TAIL.search(line)
    low = line.lower()
    if any(word in low for word in _CREDIT_WORDS) or _SPACED_DASH.search(line):
        return CREDIT_TAIL.search(line)
    return None


# "Photo: Senators leave the Capitol.", "Pictured: ...", "Image: ..." -- a caption line.
CAPTION_LEAD = re.compile(
    r"^(?:(?:file|archive|stock|main|lead|top|featured?) )?(?:photo|photograph|pictured|picture|"
    r"image|caption|illustration|video|above|top|left|right|inset)\s*:\s"
    r"|^(?:image|photo|video|media) (?:caption|source|credit)[,:]\s",
    re.I,
)
# A photo described in the present tense, as captions are: "Traders work on the floor of
# the exchange on Wednesday", "The prosecutor speaks at a news conference Monday".
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PHOTO_VERBS = (
    r"(?:speaks?|talks?|stands?|sits?|walks?|works?|gathers?|waits?|looks?|listens?|"
    r"attends?|march(?:es)?|watch(?:es)?|points?|poses?|rides?|inspects?|waves?|"
    r"address(?:es)?|arrives?|prepares?|protests?|holds? up|cross(?:es)?|greets?|wears?|"
    r"queues?|shops?|boards?|sorts?|cycles?|rests?|shelters?|lines? up|crowd|fill|throng)"
)
# The photo's date is a weekday or, in agency captions, a full date ("on November 25, 2026").
_PHOTO_DATE = (
    rf"(?:{_WEEKDAYS}\b|(?:January|February|March|April|May|June|July|August|September|"
    rf"October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{{1,2}}"
    rf"(?:, \d{{4}}|\.$))"
)
_PHOTO_DESCRIPTION = re.compile(
    rf"^{CAP}[^.,;:“”\"]{{0,80}}? {_PHOTO_VERBS} (?:at|on|in|outside|near|during|with|to|"
    rf"from|before|after|as|the|a|an|past|along|through|across|into|by|behind|beside)\b[^“”\"]{{0,160}}?\b{_PHOTO_DATE}[^“”\"]{{0,80}}$"
)
# What a caption never holds: a reporting verb ("..., the company said on Monday"), or a
# modal before the verb, which makes the "verb" a noun ("Penrose will close 30 shops by
# June ... Monday").
_NOT_A_PHOTO = re.compile(
    r"\b(?:said|says|told|according to)\b|"
    rf"^[^.,;:“”\"]{{0,80}}?\b(?:will|would|can|could|may|might|must|should|shall)\b"
    rf"[^.,;:“”\"]{{0,80}}? {_PHOTO_VERBS}\b"
)
# The outlet's own notes at the foot of a report (and what each of them holds: a first look).
_NOTE_KEYS = ("contribut", "covers ", "reports on", "writes about", "version of", "information",
              "reported from", "reporter", "correspondent", "editor", "writer", "helpline",
              "hotline", "report ", "call ", "contact ")
_NOTE_LINE = re.compile(
    r"^(?:[^.]{3,120}\bcontributed (?:(?:to )?(?:this|the) (?:report|story|article)|reporting\b)|"
    # "Jane Doe reported from Lisbon.", "Jane Doe is a health reporter at The Sentinel."
    rf"{CAP}[\w.'’-]+(?: {CAP}[\w.'’-]+){{1,3}}(?: and {CAP}[\w.'’-]+(?: {CAP}[\w.'’-]+){{1,3}})? "
    rf"(?:reported from {CAP}[^.]{{1,60}}\.?$|is (?:a|an|the) (?:[\w-]+ ){{0,3}}(?:reporter|"
    rf"correspondent|editor|writer|columnist) (?:at|for|with) (?:the )?{CAP}[\w.'’&-]*"
    rf"(?: (?:of |the |and |& )?{CAP}[\w.'’&-]*){{0,5}}\.?$)|"
    rf"{CAP}[\w.'’-]+(?: {CAP}[\w.'’-]+){{1,3}} (?:covers|reports on|writes about) [^.]{{1,80}} "
    rf"for (?:the )?{CAP}[^.]{{1,60}}|"
    # "Jane Doe covers the courts. Reach her at ...": the beat, then how to reach the writer
    rf"{CAP}[\w.'’-]+(?: {CAP}[\w.'’-]+){{1,3}} (?:covers|reports on|writes about) [^.]{{1,80}}\. "
    r"(?:Reach|Contact|Email|Write to) (?:him|her|them)\b|"
    r"A version of this (?:article|story) appear|"
    r"(?:Anyone|Those|People|Residents) with (?:any )?information\b[^\n]{0,160}?"
    r"\b(?:call|contact|email|text)\b|"
    # "Members of the public can report ... on 1800-555-0187", "The police urged the public
    # to report such calls on the helpline 1930": where to call, not a fact
    r"(?![^\n]*\b(?:said|says|told|according to)\b)"
    r"[^.]{0,60}?\b(?:can|may|should|(?:urged|asked|encouraged|advised) (?:the public|residents|"
    r"people|citizens|anyone|victims|members of the public)(?: [\w-]+){0,3}? to) (?:report|call|"
    r"contact)\b[^.]{0,120}?\b(?:helpline|hotline|\d{3,4}[ -]?\d{3}[ -]?\d{3,4}|www\.\S+|\S+@\S+)"
    r"[^.]{0,60}\.?$)",
)
_SOURCE_LINE = re.compile(
    # "Source: WSJ", not "Sources close to ..."; "Contact Jane Doe at", not "Contact tracing"
    r"^\(?(?:courtesy\s*/\s*)?(?:sources?(?=\s*[:/|])|courtesy|copyright|©|\(c\)|"
    r"additional reporting|reporting by|editing by|edited by|write to|authors?(?=\s*:)|"
    r"(?:read|up|watch) next(?=\s*:)|(?:topics?|tags?|filed under|categor(?:y|ies))(?=\s*:)|"
    r"have your say|"
    rf"contact(?=\s*:|\s+(?:us|the|(?-i:{CAP})))|read more|subscribe|sign up|"
    # "Related:", "Related coverage"; "Related charges were filed" is a sentence
    r"related(?=\s*(?::|$|articles?\b|stories\b|coverage\b|content\b|links?\b|news\b|"
    r"reading\b|topics?\b))|"
    r"advertisement|this article|originally published|appeared in|follow us|see also|"
    # "Recommended:" heads a list of links; "Recommended doses were cut" is a sentence
    r"recommended(?=\s*(?::|$|for you\b|stories\b|reading\b|articles\b))|"
    r"most read|more on this|you may also like|further reading|also read|read also|"
    r"also (?:see|watch)(?=\s*:)|(?:watch|listen)(?=\s*:)|"
    r"click here|email us|have a (?:news )?tip|this (?:is a )?(?:developing|breaking) "
    # "— With assistance from Jane Doe", "Follow the topics in this article: ..."
    r"(?:story|news)|this story is developing|[—–-]*\s*with assistance from|"
    r"follow (?:the )?topics|(?:this|the) (?:story|article|report|series) (?:was|is) "
    r"(?:produced|reported|published) in (?:partnership|collaboration) with)\b"
    # "Correction:", and with the date of the note: "Correction, 1 December 2026:",
    # "Update, Nov. 5, 6:48 p.m.:" (a date and a time, no verb, before the colon); an update
    # named by what it is about is the news of a live page ("Update from the sheriff: ..."),
    # unless it is about the piece itself ("Update to this story:")
    r"|^(?:correction|clarification|editor['’]s note|update)"
    r"(?:,?\s+(?=[^:]{0,50}\d)[\w.,]+(?:\s+[\w.,]+){0,5}"
    r"|(?<!update)\s+(?:from|to|on|of|for) [\w'’ ]{1,40}?"
    r"|\s+(?:to|on|of|for) (?:this|our|the|an? earlier) (?:story|article|report|post|piece|"
    r"version|edition))?\s*:"
    # "To contact the reporter on this story:", "To contact the editors responsible ..."
    r"|^to contact the (?:reporters?|editors?|writers?|authors?)\b",
    re.I,
)
# A note at the foot of a report, headed by the label of what it is: how the data were
# handled ("Methodology:", "How we did this:"), the paper and disclosures under a study
# report ("Primary source:", "Disclosures:", "Citation:"), a chart's title ("Chart: ..."),
# the outlet's corrections and notes to editors. A body sentence does not open with them.
_LABELLED_NOTE = re.compile(
    r"^(?:methodology|how we (?:did|reported|analy[sz]ed|calculated|counted|got) (?:this|it|"
    r"the (?:data|numbers|figures))|about (?:this|the|our) (?:data|analysis|story|methodology)|"
    r"disclosures?|conflicts? of interest|primary source|source reference|(?:journal )?"
    r"(?:information|reference)|more information|citation|chart|graph|graphic|map|table|"
    r"notes? to editors?|corrections? and clarifications|about the author|read|see more)"
    r"\s*:|^notes? to editors\b|^about the (?:authors?|writers?|reporters?)\b",
    re.I,
)
# The notes a court report ends with: the case's caption ("The case is State v. Doe, No.
# 24-1187, Superior Court ..."), who represents each side, and the notice that a charge is
# no proof of guilt; and a copyright notice ("This article is subject to copyright. ...").
_CLOSING_NOTE = re.compile(
    r"^(?:The (?:case|cases|lawsuit|suit|appeal) (?:is|are) [^.]{1,80}? v\. "
    rf"|(?:The )?{CAP}[\w.'’-]*(?: [\w.'’-]+){{0,5}} (?:is|are) represented by "
    r"(?![^\n]*\b(?:said|says|told|according)\b)[^\n]{3,240}$"
    rf"|(?:All )?(?:{CAP}?[a-z]+ )?(?i:charges|allegations|accusations) (?:are|is) "
    r"(?:only |merely )?(?:accusations|allegations)\b"
    r"|This (?:document|article|story|content|material|report) is (?:subject to|protected by) "
    r"copyright\b"
    r"|(?:All |Every |Each )?(?i:suspects?|defendants?|persons?|people|those|anyone|everyone)"
    r"(?: [\w-]+){0,2} (?:is|are) (?:presumed|considered) innocent until proven guilty\b)"
)
_CAPTION_TOGGLE = re.compile(r"\s(?:hide|show|toggle) caption$", re.I)
# A prompt to subscribe, sign up or download: "Sign up for our weekday newsletter",
# "Get the latest news in your inbox", "Support local journalism: subscribe ...", "Download
# the app for alerts". The opening verb alone is not enough ("Get ready for higher bills").
# A label in capitals may head it ("GET ALERTS: Sign up for ..."), and a question may open
# it ("Like what you read? Become a member ...").
_PROMO_OPEN = re.compile(
    rf"^(?:(?-i:{CAP}[{CAPITALS}' ]{{2,40}}):\s*|"
    r"(?:enjoy(?:ed|ing)|like|liked|love|loved|valued?) (?:this|"
    r"what you)[^.?!]{0,40}\?\s*)?"
    r"(?:get|download|sign up|subscribe|support (?:[\w-]+ ){0,2}journalism|"
    r"like what you['’]re reading|enjoying this|(?:don['’]t|never) miss|want more|donate|"
    r"keep up(?: to date)? with|stay (?:up to date|informed|in the know)|"
    r"become a (?:member|subscriber|supporter|patron))\b",
    re.I,
)
# what a prompt offers: a newsletter, an app, alerts, or the paper for a price a period
_PROMO_WORDS = re.compile(
    r"\b(?:newsletters?|inbox|subscri\w+|sign up|app|alerts|notifications|podcast|delivered|"
    r"journalism)\b|[$£€]\d+(?:\.\d\d)? (?:a|per) (?:week|month|year)\b",
    re.I,
)
# A line that heads a list of links to other reports ("Related Articles", "More on this story").
LINKS_HEAD = re.compile(
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
    rf"|(?:The )?{CAP}[\w.&'’-]*(?: {CAP}[\w.&'’-]*){{0,4}} receives? (?:financial )?(?:support|"
    r"funding) from [^.]{3,120}\bfor (?:its )?coverage\b"
    r"|(?:This|Our) (?:coverage|reporting|series) (?:is|was) (?:supported|funded|"
    r"made possible) by\b"
    # "This investigation was funded with a grant from ...", "... with support from ..."
    r"|(?:This|Our) (?:story|article|report|series|coverage|reporting|piece|investigation|"
    r"bulletin|programme|program|broadcast|podcast|newsletter)"
    r"(?: \w+){0,2} (?:is|was|were) (?:produced|made|reported|published|funded|supported)"
    r" (?:with (?:the )?(?:financial )?(?:support|help|funding|a grant) (?:of|from)|"
    r"(?:with|through|by) (?:a )?(?:grant|funding) from)\b"
    # a market-data note: "Price tables are refreshed hourly", "Quotes delayed 15 minutes"
    r"|[^.]{0,60}\b(?:tables?|prices|quotes|data|charts?|listings) (?:are|is) (?:updated|"
    r"refreshed) (?:daily|hourly|weekly|monthly|every)\b"
    r"|(?:[^.]{0,40} )?(?:[Pp]rices|[Qq]uotes|[Dd]ata) (?:are |is )?delayed (?:by )?(?:at least )?"
    r"\d+ min"
    # where and when the piece ran: "This report by The Canadian Press was first published
    # Nov. 30", "This story appears in the Dec. 3 print edition", "This story was compiled
    # from our live coverage"
    # "This story is co-published with The Ledger", "... is part of our series ..."
    r"|(?:This|The) (?:story|article|report|piece) (?:is|was) (?:co-published|co-produced|"
    r"part of (?:our|a|the) (?:\w+ )?series)\b"
    # the outlet about itself and its terms: "WKXL is listener-supported public radio",
    # "The content is provided for information purposes only"
    rf"|(?:The )?{CAP}[\w.&'’-]*(?: {CAP}[\w.&'’-]*){{0,3}} is (?:an? )?(?:listener|reader|viewer|"
    r"member|donor|audience)[- ](?:supported|funded|powered)\b"
    r"|(?:The|This) (?:content|information|article|material) (?:is|was) provided for "
    r"(?:general )?information(?:al)? purposes\b"
    r"|This (?:story|article|report|piece)(?: by [^.]{1,60}?)? (?:was (?:first|originally) "
    r"published|was (?:compiled|adapted) from|(?:first )?appear(?:s|ed) in (?:the |our )?"
    r"[^!?]{0,40}?\b(?:print|edition|issue)\b)"
    r"|(?:Updated|Corrected|Clarified|Amended) (?:to|with) (?:correct|show|include|add|"
    r"reflect|clarify|remove|comments?|details?)\b)"
)
# More of a page's own lines, as any outlet prints them: "Posted by Jane Doe on December 3,
# 2026", "6 comments", "-END-", "Follow us on Instagram", a plea for money ("Support our
# reporting with a tax-deductible donation today.", "Independent journalism costs money.",
# "Our journalism relies on 12,000 readers like you."),
# a syndication note ("The ... Service is funded by the BBC and provided to ..."), an
# election notice's authorisation ("Authorised by Jane Doe, Secretary, ..."), a court
# report's case box ("Case: State v. Doe, No. ..."), a highlights box in capitals.
_PAGE_LINE = re.compile(
    rf"^(?:posted by (?-i:{CAP})[^.]{{1,60}}? on \S"
    r"|\d{1,5} comments?$|comments? \(\d{1,5}\)$"
    r"|[-–—]+\s*(?-i:END)\s*[-–—]+"
    rf"|follow (?:us|(?:the )?(?-i:{CAP})[\w.&'’ -]{{1,40}}?) on (?:X|Twitter|Instagram|Facebook|"
    r"TikTok|Threads|YouTube|WhatsApp|LinkedIn|Bluesky|Telegram)\b"
    r"|support (?:our|us|local|independent|(?:the )?"
    rf"(?-i:{CAP})[\w.&'’-]*(?: (?-i:{CAP})[\w.&'’-]*){{0,4}})\b[^.]{{0,80}}"
    r"\b(?:donat\w+|price of a (?:coffee|cup)|member(?:ship)?|contribution)\b"
    r"|(?:independent|local|quality|good|our) (?:journalism|reporting|news) (?:costs|needs|"
    r"takes|relies on|depends on) (?:money|you|your support|(?:[\d,]+ )?(?:readers|supporters|"
    r"members|subscribers))\b"
    rf"|(?:the )?(?-i:{CAP})[\w&'’-]*(?: (?-i:{CAP})[\w&'’-]*){{1,5}} is (?:jointly )?funded by "
    r"(?:the )?"
    rf"(?-i:{CAP})[^.]{{1,60}}? and (?:provided|distributed|supplied|offered) to\b"
    rf"|authori[sz]ed by (?-i:{CAP})[\w.'’-]*(?: (?-i:{CAP})[\w.'’-]*){{1,3}}, "
    r"|case: [^.]{1,80}?\bv\. "
    r"|(?-i:HIGHLIGHTS|KEY POINTS|AT A GLANCE|IN BRIEF)\b"
    # "Watch the full report in the video player above", a wire's "(END)", a paper's
    # print line: "Published in The Daily Chronicle, November 27th, 2026."
    r"|(?:watch|listen to) [^.]{0,80}\b(?:in the (?:video |audio )?player|player (?:above|below)|"
    r"video (?:above|below))"
    r"|\(end\)(?:\s|$)"
    rf"|published in (?:the )?(?-i:{CAP})[^.,]{{1,60}},\s+(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r",?\s+\d{4}\.?$)",
    re.I,
)
# A wire's exchange-rate note: "($1 = 0.7912 pounds)", "(£1 = $1.2701)", "(1 euro = $1.08)".
_RATE_NOTE = re.compile(r"^\(\s*\S{0,4}\s?1\s?\w{0,6} = \S{0,4}\s?[\d.,]+[^()]{0,30}\)$")
_BYLINE = re.compile(
    rf"^(?:[Bb][Yy]\s+{CAP}[\w.'’-]+(?:\s+(?:and\s+)?{CAP}[\w.'’-]+){{0,6}}\s*"
    # "By health reporter Jane Doe", "By Jane Doe · Illustrations by ...": short, no stop
    r"|(?:(?:Words|Text|Written|Story|Reported) [Bb]y|By)\s+[\w.'’-]+(?:\s+[^\s.!?]+){1,11}"
    r"(?:(?<=\d{4})\s+at\s+\d{1,2}[:.]\d\d\s*[ap]\.m\.)?"
    # "Jane Doe @janedoe": a name and the writer's social handle
    rf"|{CAP}[\w.'’-]+(?:\s+{CAP}[\w.'’-]+){{1,3}}\s+@\w+"
    # "Jane Doe 30 Nov 2026 Listen to this article 5 min": a name, the date, a player's prompt
    rf"|{CAP}[\w.'’-]+(?:\s+{CAP}[\w.'’-]+){{1,3}}\s+\d{{1,2}}\s+(?i:{_MONTHS})\s+\d{{4}}"
    r"(?:\s+(?:(?i:listen to this (?:article|story))|\d+ min(?:ute)?s?(?: read| listen)?|"
    r"\d{1,2}[:.]\d\d(?:\s*[ap]m)?))*"
    # "Jane Doe December 2, 2026 06:30 4 min read": the date the American way
    rf"|{CAP}[\w.'’-]+(?:\s+{CAP}[\w.'’-]+){{1,3}}\s+(?i:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}"
    r"(?:\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)?(?:\s+\d+ min(?:ute)?s? read)?)$"
)
# "WASHINGTON, D.C. —", "BOGOTÁ, Colombia —", "NEW YORK (Reuters) -"
DATELINE_PREFIX = re.compile(
    rf"^(?P<place>{CAP}[{CAPITALS}.'’ -]{{2,40}}(?:,\s*{CAP}[\w.'’ ]{{0,30}})?"
    r"(?:\s*\([A-Za-z. ]{1,30}\))?)\s*(?:—|–|--|-)\s*"
)

# "Lisbon (AFP) -", "Nairobi, Kenya (Reuters) —": a place in ordinary case is a dateline
# only with the agency's tag after it.
AGENCY_DATELINE = re.compile(
    rf"^{CAP}[\w.'’-]*(?: {CAP}[\w.'’-]*){{0,3}}(?:, {CAP}[\w.'’-]*(?: {CAP}[\w.'’-]*)"
    rf"{{0,2}})?(?:, {CAP}[a-z]{{2}}\.? \d{{1,2}})? \((?:AFP|AP|Reuters|Bloomberg|dpa|EFE|ANSA|PA|"
    r"AAP|CP|UPI|Xinhua|Kyodo|Yonhap)\)\s*(?:—|–|--|-)\s*"
)

def line_role(line: str) -> str | None:
    """A role for a whole line that is not article body, or None."""
    stripped = line.strip()
    if _DATE_LINE.match(stripped) or _timestamp(stripped) or _CLOCK_LINE.match(stripped) or (
            stripped[:1].isupper() and _placed_stamp(stripped)):
        return "dateline"
    if len(stripped) <= 200 and (
        _SOURCE_LINE.match(stripped) or _REVISION_NOTE.match(stripped)
        or (stripped[:1] == "(" and _RATE_NOTE.match(stripped))
    ):
        return "source_line"
    if len(stripped) <= 600 and (":" in stripped[:40] or "editors" in stripped[:20] or (
            stripped[:10].lower() == "about the ")) and (
        _LABELLED_NOTE.match(stripped)
    ):
        return "source_line"
    if len(stripped) <= 300 and ("v. " in stripped or "represented by" in stripped or (
        "guilt" in stripped or "copyright" in stripped)) and _CLOSING_NOTE.match(stripped):
        return "source_line"
    if stripped[-7:].lower() == "caption" and _CAPTION_TOGGLE.search(stripped):
        return "caption"  # a web caption ends with its toggle: "... Jane Doe/AP hide caption"
    if len(stripped) <= 250 and _PROMO_OPEN.match(stripped) and _PROMO_WORDS.search(stripped):
        return "source_line"
    if len(stripped) <= 250 and _PAGE_LINE.match(stripped):
        return "source_line"
    if len(stripped) <= 100 and "/" in stripped and _CREDIT_LINE.match(stripped):
        return "credit"
    if len(stripped) <= 300 and any(key in stripped for key in _NOTE_KEYS) and (
        _NOTE_LINE.match(stripped)
    ):
        return "source_line"
    if len(stripped) <= 250 and ("day" in stripped or ", 20" in stripped or (
            stripped[-2:-1].isdigit() and stripped[-1:] == ".")) and (
        _PHOTO_DESCRIPTION.match(stripped) and not _NOT_A_PHOTO.search(stripped)
    ):
        return "caption"
    if _BYLINE.match(stripped) or _signed_and_dated(stripped):
        return "byline"
    return None


# "Jane Doe, Housing Reporter • November 30, 2026": a name (and job title), a bullet, a date.
# Two writers are joined by "and" or "&": "Jane Doe & Tom Lee • ..."
_SIGNATURE = re.compile(
    rf"^{CAP}[\w.'’-]+(?: {CAP}[\w.'’-]+){{1,3}}"
    rf"(?: (?:&|and) {CAP}[\w.'’-]+(?: {CAP}[\w.'’-]+){{1,3}})?"
    rf"(?:, {CAP}[\w'’ -]{{2,40}})?$"
)
# the place the writers filed from, between bullets: "Jane Doe · Lagos · 3 Dec 2027 08:15"
_PLACE = re.compile(rf"^{CAP}[\w.'’-]*(?: {CAP}[\w.'’-]*){{0,3}}$")
# the date after a bullet, or after the stamp word that opens it ("... Reporter Updated Nov. 30")
_BULLET = re.compile(r"\s[•·|]\s|\s(?=(?:Updated|Published|Posted)\b)")


def _signed_and_dated(line: str) -> bool:
    """A byline that carries the date: the writer's name before a bullet, a date after it."""
    if len(line) > 120 or not _DIGIT.search(line):
        return False
    parts = _BULLET.split(line)
    if len(parts) < 2:
        return False
    if not _SIGNATURE.match(parts[0].strip()):
        return False
    # after the name: places or outlets, stamps ("Last Updated: 2 hours ago"), one of them dated
    dated = False
    for part in (p.strip() for p in parts[1:]):
        if _DATE_LINE.match(part) or _timestamp(part):
            dated = True
        elif not (_PLACE.match(part) or _timestamp(part, dated=False)):
            return False
    return dated


# "Madrid - Nov 30, 2026 - 07:15 CET": the city filed from, a dash, then the time stamp
_PLACE_DASH = re.compile(rf"^{CAP}[\w.'’-]*(?: {CAP}[\w.'’-]*){{0,2}} [-–—] (?=\S)")


def _placed_stamp(line: str) -> bool:
    """A date line that opens with the place: the rest of the line is a time stamp."""
    place = _PLACE_DASH.match(line)
    rest = line[place.end():] if place else ""
    return bool(rest) and bool(_DATE_LINE.match(rest) or _timestamp(rest))


def _timestamp(line: str, dated: bool = True) -> bool:
    """Whether ``line`` is only a time stamp: every word is a date, a time, a time zone or
    a stamp word ("Posted", "Updated"), and it holds a month, a weekday or a full date
    (unless ``dated`` is False: "Last updated: 2 hours ago")."""
    if len(line) > 160 or not _DIGIT.search(line, 0, 40):
        return False
    dated = not dated
    for word in _STAMP_SPLIT.split(line):
        if not word or word == "-" or word.lower() in _STAMP_WORDS:
            continue
        if _STAMP_DAY_OR_MONTH.match(word) or _STAMP_DATE.fullmatch(word):
            dated = True
        elif not _STAMP_NUMBER.match(word):
            return False
    return dated
