"""The extraction pipeline: article text in, candidate claims out.

The score of a body sentence is the model's (see ``model.py``) plus a small desk policy for
what the model cannot see in an isolated sentence: who is quoted, and whether an event is
pinned to a date (``news_prior``, documented in the model card). ``evaluate`` scores the
model alone, so its figures are the model's and not the pipeline's.

Every span refers to the string given to :func:`extract` (after :func:`decode_bytes`, which
normalises newlines, if the text came as bytes). Only ``body`` sentences can be proposed;
captions, credits, datelines and source lines come back only with ``include_all=True``,
always with ``checkworthy=False``, so a reviewer can see what was skipped and why.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from workbench.errors import InputError
from workbench.extraction import attribution, entities, kinds
from workbench.extraction.model import load_model, sigmoid
from workbench.extraction.segment import Sentence, segment


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed claim, anchored to ``article[start:end]``."""

    text: str
    start: int
    end: int
    score: float
    checkworthy: bool
    kind: str
    speaker: str | None
    flags: tuple[str, ...]
    entities: tuple[dict, ...]
    numbers: tuple[dict, ...]
    restatement: str
    role: str = "body"

    def to_dict(self) -> dict:
        """JSON-ready: tuples become lists, nothing else changes."""
        data = asdict(self)
        data["flags"] = list(self.flags)
        data["entities"] = [dict(e) for e in self.entities]
        data["numbers"] = [dict(n) for n in self.numbers]
        return data


def _people(found: list[list[dict]]) -> frozenset[str]:
    """Single names that the article also writes in full ("Petro" for "Gustavo Petro")."""
    names: set[str] = set()
    for ents in found:
        for ent in ents:
            words = ent["text"].split()
            if ent["label"] == "PERSON" and len(words) > 1:
                names.update(w for w in words if w[:1].isupper() and not w.endswith("."))
    return frozenset(names)


def extract(
    text: str, *, threshold: float | None = None, include_all: bool = False
) -> list[Candidate]:
    """Check-worthy body sentences at ``threshold`` (the model's default if None).

    With ``include_all`` every sentence is returned, each marked ``checkworthy`` or not.
    """
    if not isinstance(text, str):
        raise InputError("The article must be text; decode bytes with decode_bytes first.")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise InputError(f"The threshold must be between 0 and 1, not {threshold}.")
    sentences = segment(text)
    if not sentences:
        return []
    model = load_model()
    cut = model.threshold if threshold is None else threshold
    body = [s for s in sentences if s.role == "body"]
    speakers = iter(attribution.resolve([(s.text, s.paragraph) for s in body]))
    found = [entities.find_entities(s.text, s.start) for s in body]
    people = _people(found)
    logits = iter(model.logits([s.text for s in body]).tolist() if body else ())
    found_iter = iter(found)
    out: list[Candidate] = []
    previous_paragraph, open_quote = -1, False
    for s in sentences:
        if s.role != "body":
            if include_all:
                out.append(_furniture(s))
            continue
        who = next(speakers)
        ents = next(found_iter)
        logit = next(logits)
        if s.paragraph != previous_paragraph:
            open_quote = False
        _, starts_quoted, still_open = attribution.quote_state(s.text, open_quote)
        quote_run = starts_quoted and (still_open or s.text.rstrip().endswith(("”", '"')))
        previous_paragraph, open_quote = s.paragraph, still_open
        score = sigmoid(logit + news_prior(s.text, who, quote_run))
        worthy = score >= cut
        if not worthy and not include_all:
            continue
        kind = kinds.classify(s.text, speaker=who.speaker, quote_run=quote_run, flags=who.flags)
        flags = list(who.flags)
        if kinds.hedged(s.text):
            flags.append("hedged")
        out.append(
            Candidate(
                text=s.text,
                start=s.start,
                end=s.end,
                score=round(score, 4),
                checkworthy=worthy,
                kind=kind,
                speaker=who.speaker,
                flags=tuple(dict.fromkeys(flags)),
                entities=tuple(entities.with_people(ents, people)),
                numbers=tuple(entities.find_numbers(s.text, s.start)),
                restatement=kinds.restate(s.text, kind=kind, speaker=who.speaker),
                role="body",
            )
        )
    return out


# --- news prior ---------------------------------------------------------------------------
# The model was trained on isolated sentences of spoken debate. Two things that make a news
# sentence worth checking are invisible to it: who is being quoted (resolved across the
# article by ``attribution``) and whether the sentence reports a dated event. Both are
# general conventions of news writing, not features of one article, and both are added as
# fixed log-odds on top of the model's score. The sizes were set by hand, with the seed
# article in view (see the model card): they are a desk policy, not fitted values.
QUOTE_PRIOR = 3.5  # direct speech attributed to a named person
DATE_PRIOR = 1.5  # an event pinned to a day, month, year or relative date
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DATE_ANCHOR = re.compile(
    r"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"yesterday|(?:last|this|earlier this|late last|early last) (?:week|month|year|night)|"
    rf"(?:in|on|since|by|until|from|early|late) {_MONTH}|{_MONTH} \d{{1,2}}\b|"
    r"(?:in|since|by|until) (?:19|20)\d\d)\b"
)


def news_prior(text: str, who: attribution.Attribution, quote_run: bool) -> float:
    """Log-odds added to the model's for an attributed direct quote and a dated event."""
    prior = 0.0
    named = who.speaker is not None and not who.flags
    if named and (quote_run or "“" in text or '"' in text):
        prior += QUOTE_PRIOR
    if _DATE_ANCHOR.search(text):
        prior += DATE_PRIOR
    return prior


def _furniture(s: Sentence) -> Candidate:
    """A caption, credit, dateline or source line: shown, never proposed."""
    return Candidate(
        text=s.text, start=s.start, end=s.end, score=0.0, checkworthy=False, kind="event",
        speaker=None, flags=(), entities=(), numbers=(), restatement=s.text, role=s.role,
    )
