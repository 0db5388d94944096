"""A checkable restatement of a claim: its sentence without who said it or quote marks."""

from __future__ import annotations

import re

from workbench.extraction.attribution import is_group
from workbench.extraction.cues import QUOTE_MARKS
from workbench.extraction.letters import CAP

_SAY = (
    r"(?:said|says|say|told (?:reporters|\w+)|added|argue[ds]?|believe[ds]?|warned|noted|"
    r"reported|estimated|announced|cautioned|wrote|testified|concluded)"
)
# "on Monday", "last week", "in a statement", "Wednesday": when and where it was said.
_WHEN = (
    r"(?:\s+(?:on|in|last|this|early|late|earlier|later)\s+[\w’']+|\s+in a \w+|"
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))*"
)
# "The mayor's office said on Monday that ...", "A council aide, who ..., said ..."
_LEAD_ATTRIBUTION = re.compile(
    rf"^(?P<lead>[^“”\"]{{1,200}}?)\s+{_SAY}{_WHEN}(?P<mark>\s+that\b|:)?\s+"
    r"(?=[“\"]?[\w$€£])"
)
# "..., Hollis said.", "..., the census bureau reported on Friday, ...", "..., according to ..."
_TAIL_ATTRIBUTION = re.compile(
    rf",\s+(?:according to [^,.“”\"]+|(?:[^,.“”\"]{{1,80}}?\s+)?{_SAY}"
    rf"(?:\s+{CAP}[\w.’'-]*(?:\s+{CAP}[\w.’'-]*){{0,3}})?{_WHEN})(?=\s*(?:,|[.!?]?$))"
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
    core = _strip_attribution(core)
    if speaker and not is_group(speaker) and _OWN_SUBJECT.match(core):
        # "The office said it would review ..." -> "The office would review ..."
        core = speaker + core[_OWN_SUBJECT.match(core).end() - 1:]
    core = re.sub(r",?\s+(?:said|says)\s*,\s*who\b.*$", "", core)
    core = QUOTE_MARKS.sub("", core).strip(" ,;:—–")
    if not core:
        core = QUOTE_MARKS.sub("", body)
    core = core[:1].upper() + core[1:]
    if not core.endswith((".", "!", "?")):
        core += "."
    if speaker and kind in {"quote", "opinion"} and core != body:
        return f"According to {speaker}: {core}"
    return core


# A clause left lower-case by a stripped "X said" whose subject is the speaker.
_OWN_SUBJECT = re.compile(
    r"(?:it|they|he|she) (?=(?:would|will|had|has|have|could|plans?|planned|intends?)\b)"
)


def _strip_attribution(core: str) -> str:
    """``core`` without who said it: a leading "X said (on Monday) that" and a trailing or
    inserted ", X said", so that what is left is a grammatical sentence."""
    stripped = _TAIL_ATTRIBUTION.sub("", core)
    if len(stripped.split()) >= 3:
        core = stripped
    lead = _LEAD_ATTRIBUTION.match(core)
    if lead and len(core[lead.end():].split()) >= 3 and (
        lead.group("mark") or lead.group("lead").endswith(",")
        or len(lead.group("lead")) <= 80
    ):
        core = core[lead.end():]
    return core
