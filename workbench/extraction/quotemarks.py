"""Quote marks as typesetters read them: every outlet's marks written as one kind of
double quotation, passages in quotes blanked out, and whether a sentence opens, closes or
runs on inside a quotation (``attribution`` reads speakers with these).
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.extraction.firstlook import first_looks
from workbench.extraction.letters import CAP

_QUOTED_PASSAGE = re.compile(r"[“\"][^”\"]*[”\"]?|”")
_OPENING_STRAIGHT = re.compile(r'(^|[\s(\[{—–])"')
_PAIRED_SINGLE = re.compile(r"‘([^‘’]*(?:’\w[^‘’]*)*)’(?!\w)")
_CLOSING_SINGLE = re.compile(r"(?<=[,.!?])’(?=\s|$|[)—–])")
_CLOSING_SINGLE_LOOKS = (",’", ".’", "!’", "?’")  # a first look: most ’ are apostrophes
# Straight single marks ('We cut 40 jobs,' she said): a mark opening a word at the start or
# after a space, closed by one right after punctuation; "don't" and "the Joneses' car"
# keep their apostrophes.
_STRAIGHT_SINGLE = re.compile(
    rf"(?:(?<=^)|(?<=[\s(—–]))'({CAP}[^']*(?:'[a-z][^']*)*[,.!?])'(?=\s|$)"
)
_CLOSING_STRAIGHT_LOOKS = (",'", ".'", "!'", "?'")
# A quote that runs over sentences: its first opens with the mark (at its start, or after
# the colon of "said: 'The ..."), its last closes with one right after punctuation.
_OPENING_STRAIGHT_SINGLE = re.compile(rf"^'(?={CAP})|(?<=: )'(?={CAP})")
_CLOSING_STRAIGHT_SINGLE = re.compile(r"(?<=[,.!?])'(?=\s|$)")
# A quote after a colon closed in the sentence, its stop inside or out: "said: 'We are
# delighted to be here'. The plant ..."
_COLON_QUOTE = re.compile(rf"(?<=: )'({CAP}[^']*?(?:'[a-z][^']*?)*)'(?=[\s.,;:!?)]|$)")
# A mark opening a word in lower case ("voted, 'overwhelmingly,' to strike") quotes a
# phrase inside the sentence: its closing mark closes that, not a quote run on from before.
_PHRASE_OPENS = re.compile(r"(?:^|[\s(—–])'[a-z]")


def curly_quotes(text: str) -> str:
    """``text`` with its quote marks written as double opening and closing ones (same
    length), so that every rule reads one kind of quotation.

    Straight marks: a sentence cut out of a quote that runs over two sentences starts
    inside it, so its first straight mark may close the quote (`keep," Arruda told`): a
    mark at the start or after a space opens a quote, any other closes one, as typesetters
    read them. Single marks, which some outlets quote with (‘We cut 40 jobs,’ she said): ‘
    opens; ’ is also the apostrophe, so it closes only after an opening ‘ and not inside a
    word (‘We don’t know,’), or right after punctuation at the end of words (`jobs,’ said`).
    """
    if '"' in text:
        text = _OPENING_STRAIGHT.sub(r"\1“", text).replace('"', "”")
    if "‘" in text:
        text = _PAIRED_SINGLE.sub(r"“\1”", text).replace("‘", "“")
    if "’" in text and any(mark in text for mark in _CLOSING_SINGLE_LOOKS):
        text = _CLOSING_SINGLE.sub("”", text)
    if "'" in text and (text[:1] == "'" or ": '" in text
                        or any(m in text for m in _CLOSING_STRAIGHT_LOOKS)):
        text = _STRAIGHT_SINGLE.sub(r"“\1”", text)
        if ": '" in text:
            text = _COLON_QUOTE.sub(r"“\1”", text)
        text = _OPENING_STRAIGHT_SINGLE.sub("“", text)
        if not _PHRASE_OPENS.search(text):
            text = _CLOSING_STRAIGHT_SINGLE.sub("”", text)
    return text


def outside_quotes(text: str) -> str:
    """``text`` with quoted passages blanked out (same length), so verbs in quotes are ignored.

    A passage runs from “ or " to the next ” or " (or to the end); a stray ” is blanked too,
    and so is all before it: a sentence that closes a quote before opening one began
    inside it (`I'd expect it to stay,” the governor said`).
    """
    if "“" not in text and "”" not in text and '"' not in text:
        return text
    close = text.find("”")
    if close >= 0 and not 0 <= text.find("“") < close:
        text = " " * (close + 1) + text[close + 1 :]
    return _QUOTED_PASSAGE.sub(lambda m: " " * len(m.group()), text)


_QUOTE_CHARS = re.compile(r"[“”\"]")


@lru_cache(maxsize=4096)
def quote_state(text: str, open_before: bool) -> tuple[bool, bool, bool]:
    """(has quoted speech, starts inside/at a quote, quote still open at the end). Cached
    (a pure function of its arguments): the speakers and the quote groups ask it of each
    sentence several times, and of the sentence before."""
    text = curly_quotes(text)
    opens = text.count("“")
    closes = text.count("”")
    straight = text.count('"')
    starts = open_before or text.lstrip()[:1] in {"“", '"'}
    has_quote = bool(opens or closes or straight) or open_before
    still_open = open_before
    if not (opens or closes or straight):
        return has_quote, starts, still_open
    for ch in _QUOTE_CHARS.findall(text):
        if ch == "“":
            still_open = True
        elif ch == "”":
            still_open = False
        elif ch == '"':
            still_open = not still_open
    return has_quote, starts, still_open


# The same patterns with a first look in front: the same matches, found faster
# (see firstlook.py).
(
    _STRAIGHT_SINGLE,
) = first_looks(
    _STRAIGHT_SINGLE,
)
