"""Case files: the seed loads with exact spans, twice adds nothing, and a malformed file
says what is wrong and leaves the database as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func
from sqlmodel import select

from tests.conftest import SEED_CASE
from workbench import casefiles, db
from workbench.errors import CaseFileError
from workbench.models import Article, AuditEvent, Claim


def _counts(engine) -> tuple[int, int, int]:
    with db.session_scope(engine) as s:
        return (s.exec(select(func.count()).select_from(Article)).one(),
                s.exec(select(func.count()).select_from(Claim)).one(),
                s.exec(select(func.count()).select_from(AuditEvent)).one())


def test_seed_case_has_what_a_fact_checker_needs():
    case = yaml.safe_load((SEED_CASE / "case.yaml").read_text(encoding="utf-8"))
    text = (SEED_CASE / "article.txt").read_text(encoding="utf-8")
    items = case["claims"]
    assert len(items) >= 15
    for c in items:
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["restatement"].strip()
    by_text = {c["text"]: c for c in items}
    fto = next(c for t, c in by_text.items() if "Foreign Terrorist Organizations" in t)
    assert fto["kind"] == "designation"
    seizures = next(c for t, c in by_text.items() if "record seizures" in t)
    assert seizures["kind"] in {"statistic", "causal"}
    missing = [c for c in items if "missing_speaker" in c["flags"]]
    assert any("said , who served" in c["text"] for c in missing)
    assert all(c["speaker"] is None for c in missing)


def test_import_is_idempotent_and_spans_are_exact(engine):
    with db.session_scope(engine, write=True) as s:
        first = casefiles.import_dir(session=s, root=SEED_CASE.parent)
    assert first.articles_added == 1 and first.claims_added >= 15
    before = _counts(engine)
    with db.session_scope(engine, write=True) as s:
        again = casefiles.import_dir(session=s, root=SEED_CASE.parent)
    assert (again.articles_added, again.claims_added) == (0, 0)
    assert _counts(engine) == before
    with db.session_scope(engine) as s:
        article = s.exec(select(Article)).one()
        for claim in s.exec(select(Claim)):
            assert article.text[claim.start:claim.end] == claim.text
            assert claim.score is not None and 0.0 <= claim.score <= 1.0


def _broken_copy(tmp_path: Path, mutate) -> Path:
    folder = tmp_path / "cases" / SEED_CASE.name
    shutil.copytree(SEED_CASE, folder)
    case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    mutate(case, folder)
    (folder / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True),
                                      encoding="utf-8")
    return folder.parent


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda c, f: c["claims"][3].pop("kind"), r"claim 4 \(.*\), field kind: Field required"),
        (lambda c, f: c["claims"][0].update(start=c["claims"][0]["start"] + 1),
         r"claim 1 .*is not the claim's text"),
        (lambda c, f: c["claims"][1].update(kind="rumour"), r"claim 2 .*field kind"),
        (lambda c, f: c["claims"][1].update(flags=["spicy"]), r"unknown flag\(s\) spicy"),
        (lambda c, f: c["article"].update(sha256="0" * 64), "the text was changed"),
        (lambda c, f: (f / "article.txt").unlink(), "article text article.txt is missing"),
        (lambda c, f: c["article"].update(text_file="../../etc/passwd"),
         "must name a file inside"),
        (lambda c, f: c["article"].update(key="../../escaped"),
         r"field article.key: use lower-case letters"),
        (lambda c, f: c["claims"][1].update(start=c["claims"][0]["start"],
                                            end=c["claims"][0]["end"],
                                            text=c["claims"][0]["text"]), "overlap"),
        (lambda c, f: c["claims"][2].update(speaker="S" * 201),
         r"claim 3 .*field speaker: String should have at most 200 characters"),
        (lambda c, f: c["article"].update(byline="B" * 501),
         r"field article.byline: String should have at most 500 characters"),
    ],
    ids=["missing-kind", "wrong-span", "unknown-kind", "unknown-flag", "changed-text",
         "missing-text", "path-escape", "key-escape", "overlap", "long-speaker", "long-byline"],
)
def test_malformed_case_file_changes_nothing(engine, tmp_path, mutate, message):
    root = _broken_copy(tmp_path, mutate)
    before = _counts(engine)
    with pytest.raises(CaseFileError, match=message), db.session_scope(engine, write=True) as s:
        casefiles.import_dir(session=s, root=root)
    assert _counts(engine) == before


def test_invalid_yaml_names_the_line(engine, tmp_path):
    folder = tmp_path / "c" / "x"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Text.", encoding="utf-8")
    (folder / "case.yaml").write_text("article:\n  key: x\nclaims: [\n  - oops: : :\n",
                                      encoding="utf-8")
    with pytest.raises(CaseFileError, match="is not valid YAML at line"), \
            db.session_scope(engine, write=True) as s:
        casefiles.import_dir(session=s, root=folder.parent)


def test_export_then_import_round_trips(seeded, tmp_path):
    with db.session_scope(seeded) as s:
        written = casefiles.export_dir(session=s, root=tmp_path / "out")
    assert len(written) == 1
    exported = yaml.safe_load(written[0].read_text(encoding="utf-8"))
    assert exported["claims"][0]["status"] == "candidate"
    before = _counts(seeded)
    with db.session_scope(seeded, write=True) as s:
        report = casefiles.import_dir(session=s, root=tmp_path / "out")
    assert report.claims_added == 0 and _counts(seeded) == before
