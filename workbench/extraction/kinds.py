"""What kind of claim a sentence makes, whether it is hedged, and how to restate it.

The kind tells a reviewer where to look: a ``designation`` is checked against an official
list (the State Department's FTO list), a ``statistic`` against the data behind it, a
``quote`` against a recording or transcript. When a sentence carries several kinds, the
one with the most specific source of truth wins, in the order of ``KINDS``.
"""

from __future__ import annotations

import re

KINDS = ("designation", "statistic", "causal", "comparison", "prediction", "quote", "opinion",
         "event")

_DESIGNATION = re.compile(
    r"\b(?:designat\w*|classified as|listed as|blacklist\w*|sanction\w*|"
    r"(?:foreign )?terrorist organi[sz]ations?|state sponsors? of terrorism|"
    r"declared (?:a|an|the)\b|recogni[sz]ed as|outlaw\w*|indicted|convicted|"
    r"(?:is|are|was|were) (?:il)?legal\b|unconstitutional|signed into law|executive order)",
    re.I,
)
_STATISTIC = re.compile(
    r"\d|%|\b(?:percent|record\w*|highest|lowest|largest|biggest|smallest|fewest|"
    r"more \w+ than ever|than ever|all-time|doubled|tripled|halved|"
    r"hundreds|thousands|millions|billions|trillions|dozens|majority|minority|"
    r"rank\w*|leading in the polls|per capita|average|rate)\b",
    re.I,
)
_CAUSAL = re.compile(
    r"\b(?:because|caus(?:e|ed|es|ing)|due to|as a result|result(?:ed|s)? in|led to|lead to|"
    r"driven by|reflects?|thanks to|blamed|responsible for|so that)\b",
    re.I,
)
_COMPARISON = re.compile(
    r"\b(?:than|compared (?:with|to)|versus|as (?:much|many) as|twice as|the same as|"
    r"more|less|fewer|higher|lower|better|worse)\b",
    re.I,
)
_PREDICTION = re.compile(
    r"\b(?:will|won't|is going to|are going to|expected to|expects?|forecast\w*|"
    r"predict\w*|plans? to|next (?:year|month|week)|likely to|on track to)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:I think|I thought|I believe|I feel|in my (?:view|opinion)|should|must)\b", re.I
)
_HEDGES = re.compile(
    r"\b(?:could|might|may|perhaps|possibly|probably|likely|unlikely|considered|"
    r"reportedly|allegedly|apparent(?:ly)?|believed to|appeared to|appears to|seems?|"
    r"suggest(?:s|ed)?|estimated|about|roughly|nearly|almost|worries)\b"
)
_QUOTE_MARKS = re.compile(r"[“”\"]")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_EXPLICIT_COMPARISON = re.compile(r"\b(?:than|compared (?:with|to)|versus|twice as)\b", re.I)
_MORE_THAN = re.compile(r"\b(?:more|less|fewer)\b.*\bthan\b")
_DATES = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?=,? (?:19|20)\d\d)")


def hedged(text: str) -> bool:
    """Hedges are matched case-sensitively: "May" the month is not "may" the modal."""
    return bool(_HEDGES.search(text))


def _quoted_share(text: str) -> float:
    quoted = _QUOTED.findall(text)
    return sum(len(q) for q in quoted) / max(len(text), 1)


def classify(
    text: str, *, speaker: str | None, quote_run: bool, flags: tuple[str, ...] = ()
) -> str:
    """The most specific kind this sentence supports (see module docstring)."""
    if _DESIGNATION.search(text):
        return "designation"
    if _STATISTIC.search(_strip_dates(text)):
        return "statistic"
    if _CAUSAL.search(text):
        return "causal"
    mostly_quote = quote_run or _quoted_share(text) > 0.5
    if _OPINION.search(text) and (mostly_quote or not speaker):
        return "opinion" if not speaker else "quote"
    if _EXPLICIT_COMPARISON.search(text):
        return "comparison"
    if _PREDICTION.search(text) and not mostly_quote:
        return "prediction"
    if mostly_quote or (speaker and _QUOTE_MARKS.search(text)):
        return "quote"
    if "missing_speaker" in flags:
        return "quote"
    if _COMPARISON.search(text) and _MORE_THAN.search(text):
        return "comparison"
    return "event"


def _strip_dates(text: str) -> str:
    """Days and years do not make a statistic: "On Tuesday", "in 2026" are context."""
    return _DATES.sub(" ", text)


# --- restatement --------------------------------------------------------------------------

_LEAD_ATTRIBUTION = re.compile(
    r"^(?:[\w’'.,\- ]{1,80}?\b(?:said|say|says|told \w+|added|argue[ds]?|believe[ds]?|"
    r"warned|noted)(?: that)?:?\s+)(?=[“\"]?[A-Za-z])"
)
_SPEECH_AFTER = re.compile(r"\b(?:said|says|told|added|wrote|according to)\b")
_DESIGNATION_CLAUSE = re.compile(
    r"(?:\bby|,|^)\s*(?P<subject>[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:that|which|who)\s+"
    r"(?:[^,]*?\band\s+)?(?P<be>are|is|were|was)\s+(?:considered\s+|now\s+|formally\s+)?"
    r"(?:classified(?:\s+as)?|designated(?:\s+as)?|listed\s+as)\s+(?P<what>.+?)\.?$"
)


def restate(text: str, *, kind: str, speaker: str | None) -> str:
    """A plain, checkable sentence: attribution and quote marks stripped, relatives undone."""
    design = _DESIGNATION_CLAUSE.search(text) if kind == "designation" else None
    if design:
        subject = re.sub(r"^.*\bby\s+", "", design.group("subject").strip())
        subject = subject[:1].upper() + subject[1:]
        be = design.group("be")
        what = design.group("what").strip()
        return f"{subject} {be} designated {what}" + ("" if what.endswith(".") else ".")
    body = text.strip()
    core = body
    if body[:1] in "“\"":
        close = max(body.rfind("”"), body.rfind('"', 1))
        if close > 0 and _SPEECH_AFTER.search(body[close:]):
            core = body[1:close]
    core = _LEAD_ATTRIBUTION.sub("", core)
    core = re.sub(r",?\s+(?:said|says)\s*,\s*who\b.*$", "", core)
    core = _QUOTE_MARKS.sub("", core).strip(" ,;:—–")
    if not core:
        core = _QUOTE_MARKS.sub("", body)
    core = core[:1].upper() + core[1:]
    if not core.endswith((".", "!", "?")):
        core += "."
    if speaker and kind in {"quote", "opinion"} and core != body:
        return f"According to {speaker}: {core}"
    return core
