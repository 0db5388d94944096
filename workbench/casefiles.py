"""Case files: one folder per article under ``claims/``, reviewable in a pull request.

A folder holds the article as received (``article.txt``) and ``case.yaml``: the article's
metadata and the claims a fact-checker proposes in it, each with its verbatim text and
span. Import is idempotent (an article is known by its key and text hash, a claim by its
span) and all-or-nothing: a malformed file leaves the database as it was. Export writes
the desk's work (status, verdict, rationale, sources) back beside the proposals.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlmodel import Session, select

from workbench import extraction, workflow
from workbench.errors import CaseFileError
from workbench.models import Article, Claim, ClaimKind, ClaimStatus, User, max_length

CASE_FILE = "case.yaml"
MAX_CASE_BYTES = 5_000_000
FLAGS = {"missing_speaker", "anonymous_source", "hedged", "unattributed"}


class _ArticleIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    key: str
    title: str = ""
    outlet: str = Field(default="", max_length=max_length(Article, "outlet"))
    byline: str = Field(default="", max_length=max_length(Article, "byline"))
    published_at: date | datetime | None = None
    url: str | None = None
    text_file: str = "article.txt"
    sha256: str | None = None

    @field_validator("key")
    @classmethod
    def _folder_name(cls, value: str) -> str:
        # The key names the article's folder on export: no separators, no dot-dot.
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,199}", value) or ".." in value:
            raise ValueError("use lower-case letters, digits, dots, dashes and underscores "
                             "(it names a folder)")
        return value


class _ClaimIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    key: str | None = Field(default=None, max_length=max_length(Claim, "key"))
    text: str = Field(min_length=1)
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=1)
    kind: ClaimKind
    speaker: str | None = Field(default=None, max_length=max_length(Claim, "speaker"))
    flags: list[str] = Field(default_factory=list)
    restatement: str = ""
    priority: int = 2
    note: str = ""

    @field_validator("flags")
    @classmethod
    def _known_flags(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - FLAGS)
        if unknown:
            raise ValueError(f"unknown flag(s) {', '.join(unknown)}")
        return value


class _CaseIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    article: _ArticleIn
    claims: list[_ClaimIn] = Field(default_factory=list)


@dataclass
class ImportReport:
    articles_added: int = 0
    claims_added: int = 0
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.articles_added} article(s) and {self.claims_added} claim(s) added; "
            f"{len(self.unchanged)} case file(s) already loaded."
        )


def _case_dirs(root: Path) -> list[Path]:
    if not root.exists():
        raise CaseFileError(f"The folder {root} does not exist.")
    if (root / CASE_FILE).is_file():
        return [root]
    dirs = sorted(p for p in root.iterdir() if (p / CASE_FILE).is_file())
    return dirs


def _read_case(folder: Path) -> tuple[_CaseIn, str]:
    path = folder / CASE_FILE
    if path.stat().st_size > MAX_CASE_BYTES:
        raise CaseFileError(f"{path} is larger than {MAX_CASE_BYTES // 1_000_000} MB.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CaseFileError(f"{path} is not UTF-8 text.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CaseFileError(f"{path} is not valid YAML{where}.") from None
    if not isinstance(raw, dict):
        raise CaseFileError(f"{path} must be a mapping with 'article' and 'claims'.")
    try:
        case = _CaseIn.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = _describe_loc(raw, err.get("loc", ()))
        msg = err.get("msg", "is invalid").removeprefix("Value error, ")
        raise CaseFileError(f"{path}: {loc}: {msg}.") from None
    text_path = (folder / case.article.text_file).resolve()
    if folder.resolve() not in text_path.parents:
        raise CaseFileError(f"{path}: text_file must name a file inside {folder}.")
    try:
        text = text_path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CaseFileError(f"{path}: the article text {text_path.name} is missing.") from None
    except UnicodeDecodeError:
        raise CaseFileError(f"{text_path} is not UTF-8 text.") from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if case.article.sha256 and case.article.sha256.lower() != digest:
        raise CaseFileError(
            f"{path}: the sha256 of {text_path.name} is {digest}, not the one the case file "
            "states; the text was changed."
        )
    _check_spans(path, case, text)
    return case, text


def _describe_loc(raw: dict[str, Any], loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
        item = (raw.get("claims") or [])[loc[1]]
        name = item.get("key") if isinstance(item, dict) else None
        rest = ".".join(str(p) for p in loc[2:]) or "entry"
        return f"claim {loc[1] + 1}{f' ({name})' if name else ''}, field {rest}"
    return "field " + ".".join(str(p) for p in loc)


def _check_spans(path: Path, case: _CaseIn, text: str) -> None:
    spans = []
    for i, c in enumerate(case.claims, 1):
        label = f"claim {i}{f' ({c.key})' if c.key else ''}"
        if c.start is None or c.end is None:
            first = text.find(c.text)
            if first < 0:
                raise CaseFileError(f"{path}: {label}: its text is not in the article.")
            if text.find(c.text, first + 1) >= 0:
                raise CaseFileError(
                    f"{path}: {label}: its text occurs more than once; give start and end."
                )
            c.start, c.end = first, first + len(c.text)
        elif text[c.start:c.end] != c.text:
            raise CaseFileError(
                f"{path}: {label}: the article text at {c.start}-{c.end} is not the claim's text."
            )
        spans.append((c.start, c.end, label))
    spans.sort()
    for (_s1, e1, l1), (s2, _e2, l2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            raise CaseFileError(f"{path}: {l1} and {l2} overlap.")


def import_dir(*, session: Session, root: Path, actor: User | None = None) -> ImportReport:
    """Load every case under ``root`` (or ``root`` itself if it is one) in one transaction.

    ``actor`` None is the operator at the command line; a named actor must be active."""
    if actor is not None:
        actor = workflow.current_actor(session, actor)
    report = ImportReport()
    cases = [(folder, *_read_case(folder)) for folder in _case_dirs(Path(root))]
    if not cases:
        raise CaseFileError(f"No {CASE_FILE} was found in {root} or its sub-folders.")
    for folder, case, text in cases:
        added = _import_case(session, folder, case, text, actor, report)
        if not added:
            report.unchanged.append(case.article.key)
    session.flush()
    return report


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _import_case(session: Session, folder: Path, case: _CaseIn, text: str,
                 actor: User | None, report: ImportReport) -> bool:
    meta = case.article
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = session.exec(select(Article).where(Article.key == meta.key)).first()
    if article is not None and article.sha256 != digest:
        raise CaseFileError(
            f"{folder}: the database holds article {meta.key!r} with another text; "
            "give the changed article a new key."
        )
    if article is None:
        article = session.exec(select(Article).where(Article.sha256 == digest)).first()
    added_any = False
    if article is None:
        article = Article(
            key=meta.key, title=meta.title, outlet=meta.outlet, byline=meta.byline,
            url=meta.url, published_at=_as_datetime(meta.published_at), text=text,
            sha256=digest, origin="casefile", ingested_by_id=actor.id if actor else None,
        )
        session.add(article)
        session.flush()
        workflow.record(session, actor=actor, action="article_imported",
                        article_id=article.id, changes={"key": meta.key, "sha256": digest})
        report.articles_added += 1
        added_any = True
    known = {
        (c.start, c.end)
        for c in session.exec(select(Claim).where(Claim.article_id == article.id))
    }
    new = [c for c in case.claims if (c.start, c.end) not in known]
    scores = _scores(text, new) if new else {}
    for c in new:
        claim = Claim(
            article_id=article.id,  # type: ignore[arg-type]
            key=c.key, text=c.text, start=c.start, end=c.end,  # type: ignore[arg-type]
            restatement=c.restatement, note=c.note, kind=c.kind, speaker=c.speaker,
            flags=list(c.flags), priority=c.priority, origin="casefile",
            status=ClaimStatus.candidate, score=scores.get((c.start, c.end)),
        )
        session.add(claim)
        session.flush()
        workflow.record(session, actor=actor, action="imported", claim=claim,
                        to_status=ClaimStatus.candidate.value,
                        changes={"case_file": str(folder.name), "key": c.key})
        report.claims_added += 1
        added_any = True
    return added_any


def _scores(text: str, items: list[_ClaimIn]) -> dict[tuple[int, int], float]:
    """The check-worthiness the extractor gives each hand-written claim: the highest score
    of the sentences its span overlaps, so the queue can sort and compare them."""
    sentences = extraction.extract(text, include_all=True)
    out = {}
    for c in items:
        hits = [s.score for s in sentences
                if s.start < c.end and c.start < s.end]  # type: ignore[operator]
        if hits:
            out[(c.start, c.end)] = round(float(max(hits)), 4)
    return out


def export_dir(*, session: Session, root: Path) -> list[Path]:
    """Write one folder per article with its text and a case file holding the desk's work."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for article in session.exec(select(Article).order_by(Article.key)):
        folder = root / article.key
        if folder.resolve().parent != root.resolve():
            raise CaseFileError(f"The article key {article.key!r} cannot name a folder.")
        folder.mkdir(parents=True, exist_ok=True)
        text_path = folder / "article.txt"
        if not text_path.exists() or text_path.read_bytes() != article.text.encode("utf-8"):
            text_path.write_bytes(article.text.encode("utf-8"))
        claims = session.exec(
            select(Claim).where(Claim.article_id == article.id).order_by(Claim.start)
        )
        doc = {
            "article": {
                "key": article.key, "title": article.title, "outlet": article.outlet,
                "byline": article.byline,
                "published_at": article.published_at.date() if article.published_at else None,
                "url": article.url, "text_file": "article.txt", "sha256": article.sha256,
            },
            "claims": [_claim_out(session, c) for c in claims],
        }
        tmp = folder / (CASE_FILE + ".tmp")
        tmp.write_text(
            "# Case file written by `workbench casefiles export`.\n"
            + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
        tmp.replace(folder / CASE_FILE)
        written.append(folder / CASE_FILE)
    return written


def _claim_out(session: Session, c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": c.key or f"claim-{c.id}", "text": c.text, "start": c.start, "end": c.end,
        "kind": c.kind.value, "speaker": c.speaker, "flags": list(c.flags or []),
        "restatement": c.restatement, "priority": c.priority, "note": c.note,
        "status": c.status.value,
    }
    if c.verdict is not None:
        out["verdict"] = c.verdict.value
        out["rationale"] = c.rationale
    evidence = workflow.evidence_for(session, c.id)  # type: ignore[arg-type]
    if evidence:
        out["sources"] = [
            {"url": s.url, "stance": e.stance.value, "content_sha256": e.content_sha256,
             "archive_url": e.archive_url, "quote": e.quote}
            for e, s in evidence
        ]
    return out
