"""Score the whole extraction pipeline on labelled news reports (``tests/news/``).

A labelled report is a ``.news`` file: one unit a line, a blank line between paragraphs.
Each line is ``label | kind | speaker | flags | text``: ``Y`` or ``N`` (worth checking or
not), the kind a checker would file it under (or ``-``), the speaker the claim is
attributed to (or ``-``), the flags (comma-separated, or ``-``) and the text. The article
is the units of a paragraph joined by a space, paragraphs joined by a blank line, so the
labels cover every character of the text and cannot drift from it. A unit is usually one
sentence; a quote that runs over several sentences is one unit, because it is one claim.

The figures compare the pipeline's proposals (``extract``) with the units they overlap:

* recall: check-worthy units overlapped by at least one proposal;
* precision: proposals that overlap a check-worthy unit (the rest are not worth checking);
* kinds, speakers, flags: among the check-worthy units found, the share whose proposal
  (the one overlapping most) has the labelled kind, speaker and flags. A speaker matches
  when the names are equal once titles are dropped, or one is a person's surname
  ("Kim" for "Rachel Kim"); a unit
  flagged ``anonymous_source`` matches when the proposal carries that flag too;
* split: check-worthy units cut into more than one proposal.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from workbench.errors import InputError
from workbench.extraction.claims import Candidate, extract
from workbench.extraction.kinds import KINDS

__all__ = ["Candidate", "NewsScores", "Report", "Unit", "compare_labellings", "evaluate_reports",
           "read_reports", "same_speaker", "score_report"]

FLAGS = ("anonymous_source", "missing_speaker", "hedged")
_TITLES = frozenset(
    "mr mrs ms dr sen rep gov lt gen president senator mayor judge superintendent".split()
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One labelled unit of a report: ``text[start:end]`` of the article."""

    start: int
    end: int
    worthy: bool
    kind: str | None
    speaker: str | None
    flags: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    text: str
    units: tuple[Unit, ...]


@dataclass
class NewsScores:
    """The pipeline's figures on a folder of reports, with what it got wrong."""

    articles: int = 0
    units: int = 0
    checkworthy: int = 0
    proposals: int = 0
    found: int = 0
    good_proposals: int = 0
    kinds_right: int = 0
    speakers_right: int = 0
    flags_right: int = 0
    split: int = 0
    mistakes: list[dict] = field(default_factory=list)

    @staticmethod
    def _share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    @property
    def recall(self) -> float:
        return self._share(self.found, self.checkworthy)

    @property
    def precision(self) -> float:
        return self._share(self.good_proposals, self.proposals)

    def to_dict(self) -> dict:
        data = asdict(self)
        mistakes = data.pop("mistakes")
        data.update(
            recall=self.recall,
            precision=self.precision,
            kinds=self._share(self.kinds_right, self.found),
            speakers=self._share(self.speakers_right, self.found),
            flags=self._share(self.flags_right, self.found),
            mistakes=mistakes,
        )
        return data


def _field(value: str) -> str | None:
    value = value.strip()
    return None if value in {"", "-"} else value


def read_report(path: Path) -> Report:
    """A labelled report; a malformed line raises InputError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The report {path} could not be read as UTF-8 text.") from exc
    paragraphs: list[list[tuple[int, list[str]]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        parts = line.split("|", 4)
        if len(parts) != 5 or not parts[4].strip():
            raise InputError(
                f"Line {number} of {path} is not 'label | kind | speaker | flags | text'."
            )
        paragraphs[-1].append((number, parts))
    pieces: list[str] = []
    units: list[Unit] = []
    pos = 0
    for paragraph in (p for p in paragraphs if p):
        if pieces:
            pieces.append("\n\n")
            pos += 2
        for i, (number, (label, kind, speaker, flags, text)) in enumerate(paragraph):
            if i:
                pieces.append(" ")
                pos += 1
            units.append(_unit(path, number, label, kind, speaker, flags, pos, text.strip()))
            pieces.append(text.strip())
            pos += len(text.strip())
    if not units:
        raise InputError(f"The report {path} has no labelled text.")
    return Report(path.stem, "".join(pieces) + "\n", tuple(units))


def _unit(path: Path, number: int, label: str, kind: str, speaker: str, flags: str,
          start: int, text: str) -> Unit:
    label = label.strip()
    if label not in {"Y", "N"}:
        raise InputError(f"Line {number} of {path} has the label {label!r}, not Y or N.")
    kind_value = _field(kind)
    if kind_value is not None and kind_value not in KINDS:
        raise InputError(f"Line {number} of {path} has the unknown kind {kind_value!r}.")
    flag_set = frozenset(f.strip() for f in (_field(flags) or "").split(",") if f.strip())
    unknown = sorted(flag_set - set(FLAGS))
    if unknown:
        raise InputError(f"Line {number} of {path} has the unknown flag {unknown[0]!r}.")
    return Unit(start, start + len(text), label == "Y", kind_value, _field(speaker), flag_set,
                number)


def read_reports(folder: str | Path) -> list[Report]:
    """Every ``*.news`` report under ``folder``, in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"The folder {folder} does not exist.")
    paths = sorted(folder.rglob("*.news"))
    if not paths:
        raise InputError(f"The folder {folder} holds no .news reports.")
    return [read_report(p) for p in paths]


def _name_words(name: str | None) -> list[str]:
    words = (name or "").replace("’", "'").lower().replace(".", "").split()
    while words and words[0] in _TITLES | {"the"}:
        words.pop(0)
    return words


def same_speaker(label: str | None, found: str | None) -> bool:
    """Equal once titles and a leading "the" are dropped, or a person's surname alone.

    "Kim" matches "Rachel Kim" (a name of at most three words); "Crime" does not match
    "United Nations Office on Drugs and Crime".
    """
    a, b = _name_words(label), _name_words(found)
    if not a or not b:
        return not a and not b
    short, full = sorted((a, b), key=len)
    return full == short or (len(full) <= 3 and full[-len(short):] == short)


def _overlap(unit: Unit, c: Candidate) -> int:
    return max(0, min(unit.end, c.end) - max(unit.start, c.start))


def score_report(report: Report, proposals: list[Candidate], scores: NewsScores) -> None:
    """Add one report's figures (and mistakes) to ``scores``."""
    scores.articles += 1
    scores.units += len(report.units)
    scores.proposals += len(proposals)
    worthy = [u for u in report.units if u.worthy]
    scores.checkworthy += len(worthy)
    for c in proposals:
        if any(_overlap(u, c) for u in worthy):
            scores.good_proposals += 1
        else:
            scores.mistakes.append({"report": report.name, "problem": "not check-worthy",
                                    "text": c.text})
    for u in worthy:
        covering = [c for c in proposals if _overlap(u, c)]
        text = report.text[u.start:u.end]
        if not covering:
            scores.mistakes.append({"report": report.name, "problem": "missed", "text": text})
            continue
        scores.found += 1
        if len(covering) > 1:
            scores.split += 1
            scores.mistakes.append({"report": report.name, "problem": "split", "text": text})
        best = max(covering, key=lambda c: _overlap(u, c))
        checks = (
            ("kinds_right", "kind", best.kind == u.kind, u.kind, best.kind),
            ("speakers_right", "speaker", _speaker_right(u, best), u.speaker, best.speaker),
            ("flags_right", "flags", set(best.flags) == set(u.flags), sorted(u.flags),
             sorted(best.flags)),
        )
        for counter, what, right, expected, got in checks:
            if right:
                setattr(scores, counter, getattr(scores, counter) + 1)
            else:
                scores.mistakes.append({"report": report.name, "problem": what,
                                        "expected": expected, "got": got, "text": text})


def _speaker_right(unit: Unit, c: Candidate) -> bool:
    if "anonymous_source" in unit.flags:
        return "anonymous_source" in c.flags
    if "anonymous_source" in c.flags:
        return False
    return same_speaker(unit.speaker, c.speaker)


def evaluate_reports(folder: str | Path, *, threshold: float | None = None) -> NewsScores:
    """The pipeline's figures on every labelled report under ``folder``."""
    scores = NewsScores()
    for report in read_reports(folder):
        score_report(report, extract(report.text, threshold=threshold), scores)
    return scores


def labels_as_proposals(report: Report) -> list[Candidate]:
    """A labelling's check-worthy units, shaped as the pipeline's proposals."""
    return [
        Candidate(text=report.text[u.start:u.end], start=u.start, end=u.end, score=1.0,
                  checkworthy=True, kind=u.kind or "", speaker=u.speaker,
                  flags=tuple(sorted(u.flags)), entities=(), numbers=(), restatement="")
        for u in report.units if u.worthy
    ]


def compare_labellings(folder: str | Path, second: str | Path) -> NewsScores:
    """A second person's labels of the same reports, scored as if they were proposals.

    The figures are those of the pipeline, so the two can be set side by side: how far
    two careful people agree is as far as a program can be expected to agree with either.
    Each report of ``second`` must hold the same text, cut into the same units, as the
    report of the same name under ``folder``; reports found only in ``folder`` are skipped.
    """
    firsts = {r.name: r for r in read_reports(folder)}
    scores = NewsScores()
    for other in read_reports(second):
        first = firsts.get(other.name)
        if first is None:
            raise InputError(f"The report {other.name} of {second} is not in {folder}.")
        if first.text != other.text or [(u.start, u.end) for u in first.units] != [
                (u.start, u.end) for u in other.units]:
            raise InputError(f"The two labellings of {other.name} do not hold the same units.")
        score_report(first, labels_as_proposals(other), scores)
    return scores
