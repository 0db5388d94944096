"""The extraction pipeline: article text in, candidate claims out.

The score of a body sentence is the model's (see ``model.py``) plus a small desk policy for
what the model cannot see in an isolated sentence: who is quoted and whether the quote says
something checkable, whether narration states a fact, whether the words only judge, and
whether an event is pinned to a date (``priors.news_prior``, documented in the model card).
``evaluate`` scores the model alone, so its figures are the model's and not the pipeline's.
A quote that runs over several sentences is one candidate with one speaker.

Every span refers to the string given to :func:`extract` (after :func:`decode_bytes`, which
normalises newlines, if the text came as bytes). Only ``body`` sentences can be proposed;
captions, credits, datelines and source lines come back only with ``include_all=True``,
always with ``checkworthy=False``, so a reviewer can see what was skipped and why.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from workbench.errors import InputError
from workbench.extraction import (
    attribution,
    entities,
    forked,
    kinds,
    quotemarks,
    restate,
    speakers,
)
from workbench.extraction.cues import QUOTED
from workbench.extraction.model import load_model, sigmoid
from workbench.extraction.priors import news_prior
from workbench.extraction.segment import Sentence, segment

_BATCH = 2_000  # sentences scored at once
_CHUNK = 2_000  # sentences a forked process reads before it sends their candidates back


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
        data = {name: getattr(self, name) for name in _FIELDS}
        data["flags"] = list(self.flags)
        data["entities"] = [dict(e) for e in self.entities]
        data["numbers"] = [dict(n) for n in self.numbers]
        return data


_FIELDS = tuple(f.name for f in fields(Candidate))


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
    text: str, *, threshold: float | None = None, include_all: bool = False, jobs: int = 1
) -> list[Candidate]:
    """Check-worthy body sentences at ``threshold`` (the model's default if None).

    With ``include_all`` every sentence is returned, each marked ``checkworthy`` or not.
    With ``jobs`` above 1 a long article is read by that many processes at once (forked:
    for a program with one thread, such as the command line); the result is the same.
    """
    if not isinstance(text, str):
        raise InputError("The article must be text; decode bytes with decode_bytes first.")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise InputError(f"The threshold must be between 0 and 1, not {threshold}.")
    if jobs < 1:
        raise InputError(f"The number of jobs must be at least 1, not {jobs}.")
    sentences = segment(text)
    if not sentences:
        return []
    model = load_model()
    body = [s for s in sentences if s.role == "body"]
    parts = jobs if jobs > 1 and len(body) >= PARALLEL_MIN and forked.can_fork() else 1
    # The article-wide pass (who speaks) and the names run here while the model scores
    # the sentences in one other process (each scoring process would build its own model
    # caches, some 100 MB, for no gain: the scores take less time than the pass here).
    texts = [s.text for s in body]
    read = forked.run(
        [lambda: (speakers.resolve([(s.text, s.paragraph) for s in body]),
                  [entities.find_entities(s.text, s.start) for s in body])]
        + [(lambda r=r: _logits(texts[r.start : r.stop]))
           for r in forked.chunks(0, len(body), _BATCH)],
        processes=min(parts, 2),
    )
    whos, found = read[0]
    logits = [logit for part in read[1:] for logit in part]
    article = _Article(
        text=text, sentences=sentences, body=body, whos=whos, found=found,
        people=_people(found), logits=logits,
        groups={group[0]: group for group in _quote_groups(body, whos)},
        cut=model.threshold if threshold is None else threshold, include_all=include_all,
    )
    # Body sentences before each sentence: where a slice of the article starts counting.
    before = [0]
    for s in sentences:
        before.append(before[-1] + (s.role == "body"))
    return [candidate for part in forked.run(
        [(lambda r=r: _candidates(article, r, before[r.start]))
         for r in forked.slices(len(sentences), parts, _CHUNK)],
        processes=parts,
    ) for candidate in part]


PARALLEL_MIN = 4_000  # body sentences: below this, starting processes costs more than it saves


@dataclass(frozen=True, slots=True)
class _Article:
    """What the article-wide passes found, read by every slice of sentences."""

    text: str
    sentences: list[Sentence]
    body: list[Sentence]
    whos: list[attribution.Attribution]
    found: list[list[dict]]
    people: frozenset[str]
    logits: list[float]
    groups: dict[int, list[int]]
    cut: float
    include_all: bool


def _logits(texts: list[str]) -> list[float]:
    """The model's log-odds for each sentence."""
    model = load_model()
    logits: list[float] = []
    for at in range(0, len(texts), _BATCH):  # bounded batches keep the memory flat
        logits.extend(model.logits(texts[at : at + _BATCH]).tolist())
    return logits


def _candidates(article: _Article, span: range, index: int) -> list[Candidate]:
    """The candidates of ``article.sentences[span]``; ``index`` is the number of body
    sentences before the span."""
    a = article
    out: list[Candidate] = []
    index -= 1
    for s in a.sentences[span.start : span.stop]:
        if s.role != "body":
            if a.include_all:
                out.append(_furniture(s))
            continue
        index += 1
        group = a.groups.get(index)
        if group is None:
            continue  # a later sentence of a quote, proposed with the quote's first
        first, last = a.body[group[0]], a.body[group[-1]]
        span_text = a.text[first.start : last.end]
        who = next((a.whos[i] for i in group if a.whos[i].explicit), a.whos[group[0]])
        quote_run = _quote_run(a.body, group)
        score = sigmoid(max(a.logits[i] for i in group)
                        + news_prior(span_text, who, quote_run))
        worthy = score >= a.cut
        if not worthy and not a.include_all:
            continue
        kind = kinds.classify(span_text, speaker=who.speaker, quote_run=quote_run,
                              flags=who.flags)
        flags = list(who.flags)
        if kinds.hedged(span_text):
            flags.append("hedged")
        ents = [e for i in group for e in a.found[i]]
        out.append(
            Candidate(
                text=span_text,
                start=first.start,
                end=last.end,
                score=round(score, 4),
                checkworthy=worthy,
                kind=kind,
                speaker=who.speaker,
                flags=tuple(dict.fromkeys(flags)),
                entities=tuple(entities.with_people(ents, a.people)),
                numbers=tuple(entities.find_numbers(span_text, first.start)),
                restatement=restate.restate(span_text, kind=kind, speaker=who.speaker),
                role="body",
            )
        )
    return out


def _quote_groups(body: list[Sentence], whos: list[attribution.Attribution]
                  ) -> list[list[int]]:
    """Body sentences grouped so that a quote running over several sentences is one claim.

    A sentence joins the one before it (same paragraph) when the quote opened there is
    still open, or when it is itself a quote with no attribution of its own that goes on
    the previous sentence's quote, by the same speaker (“..,” she said. “...”). A quote
    attributed again (“...,” he said. “...,” Shaw said.) is a new claim.
    """
    groups: list[list[int]] = []
    open_quote = False
    for i, s in enumerate(body):
        prev = body[i - 1] if i else None
        same_paragraph = prev is not None and prev.paragraph == s.paragraph
        if not same_paragraph:
            open_quote = False
        has_quote, starts_quoted, still_open = quotemarks.quote_state(s.text, open_quote)
        joins = same_paragraph and (
            open_quote
            or (starts_quoted and whos[i].speaker is not None
                and whos[i].speaker == whos[i - 1].speaker
                and quotemarks.quote_state(prev.text, False)[0]
                and not _attributed_again(body, whos, i))
            or _lead_in(prev, s, whos[i - 1], whos[i], starts_quoted)
        )
        if joins:
            groups[-1].append(i)
        else:
            groups.append([i])
        open_quote = still_open
    return groups


def _lead_in(prev: Sentence | None, s: Sentence, before: attribution.Attribution,
             this: attribution.Attribution, starts_quoted: bool) -> bool:
    """Whether a quote attributed by a pronoun backs up the sentence before it, which
    reports the same person's words without quote marks ("X has accused the government of
    letting coca double. “There are now 253,000 hectares ...,” he said."). A quote that only
    reacts ("“This government has run out of ideas,” he said.") stands on its own."""
    return (prev is not None and starts_quoted and this.pronoun and before.explicit
            and this.speaker is not None and this.speaker == before.speaker
            and not quotemarks.quote_state(prev.text, False)[0]
            and kinds.states_fact(" ".join(QUOTED.findall(s.text))))


def _attributed_again(body: list[Sentence], whos: list[attribution.Attribution], i: int
                      ) -> bool:
    """Whether the quote opening at sentence ``i`` names its speaker itself, in one of its
    sentences ("he said", "Shaw said")."""
    still_open = False
    for j in range(i, len(body)):
        if body[j].paragraph != body[i].paragraph:
            return False
        if whos[j].explicit or whos[j].pronoun:
            return True
        still_open = quotemarks.quote_state(body[j].text, still_open)[2]
        if not still_open:
            return False
    return False


def _quote_run(body: list[Sentence], group: list[int]) -> bool:
    """Whether the group is direct speech throughout: it opens with a quote mark and ends
    inside the quote or on its closing mark."""
    first = quotemarks.curly_quotes(body[group[0]].text).lstrip()
    last = quotemarks.curly_quotes(body[group[-1]].text).rstrip()
    still_open = False
    for i in group:
        still_open = quotemarks.quote_state(body[i].text, still_open)[2]
    return first[:1] in {"“", '"'} and (still_open or last.endswith(("”", '"')))


def _furniture(s: Sentence) -> Candidate:
    """A caption, credit, dateline or source line: shown, never proposed."""
    return Candidate(
        text=s.text, start=s.start, end=s.end, score=0.0, checkworthy=False, kind="event",
        speaker=None, flags=(), entities=(), numbers=(), restatement=s.text, role=s.role,
    )
