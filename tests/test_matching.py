"""Claim matching: the labelled pairs, what agrees and what differs, the full-text index,
links kept for good, ingest reporting what was checked before, and the command line."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from sqlmodel import select

from tests.conftest import ROOT, skip_or_fail
from tests.fixtures.matching import build_pairs
from tests.test_cli import _runner
from workbench import claims, db, extraction, matching, similar, textindex
from workbench.config import Settings
from workbench.errors import InputError
from workbench.models import AuditEvent, Claim, ClaimLink, LinkState

DATA = Path(os.environ.get("WORKBENCH_TEST_DATASETS",
                           ROOT.parent / "shared" / "datasets" / "ct24-checkworthy-english"))
LEVELS = similar.levels(Settings())
SECOND_OUTLET = (
    "Trump has threatened military action against Colombia and wielded tariffs, aid cuts "
    "and other penalties against Petro, according to officials.\n\n"
    "Colombia's record seizures of the drug reflect the fact that there is more cocaine than "
    "ever before, many experts on the drug trade say.\n\n"
    "The Colombian leader's opponents have focused on rising violence, driven by "
    "drug-trafficking militias that have millions of fighters.\n"
)


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> Path:
    """The labelled pairs, rebuilt from the data set (which is never committed), and
    checked to be exactly the file the matcher was tuned against."""
    if not (DATA / "CT24_checkworthy_english_train.tsv").is_file():
        skip_or_fail(f"the matching pairs are built from {DATA}, which is absent; "
                     "set WORKBENCH_TEST_DATASETS to the CT24 English folder.")
    out = tmp_path_factory.mktemp("matching") / "pairs.tsv"
    build_pairs.write(DATA, out)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == build_pairs.SHA256
    return out


def compare(a: str, b: str) -> matching.Comparison:
    return matching.compare(similar.features(a), similar.features(b), LEVELS)


def test_labelled_pairs_meet_the_bar(report_figure, pairs: Path):
    scores = similar.evaluate(pairs, LEVELS)
    report_figure(f"claim matching on {scores.pairs} labelled pairs: precision "
                  f"{scores.precision:.3f}, recall {scores.recall:.3f}, F1 {scores.f1:.3f}")
    assert scores.pairs >= 200
    assert scores.precision >= 0.9
    assert scores.recall >= 0.8
    assert scores.numbers_differ_at_same == 0


@pytest.mark.parametrize(("a", "b"), [
    ("Colombia seized 900 tons of cocaine in 2025.",
     "Colombia seized 800 tons of cocaine in 2025."),
    ("Coca cultivation rose 13 percent to 230,000 hectares.",
     "Coca cultivation rose 1.3 percent to 230,000 hectares."),
    ("The plan costs $2 billion over ten years.", "The plan costs $2 million over ten years."),
    ("Unemployment fell to 4 percent in 2019.", "Unemployment fell to 4 percent in 2016."),
])
def test_a_changed_figure_is_shown_as_differing_never_as_the_same(a, b):
    cmp = compare(a, b)
    assert cmp.level == matching.DIFFERS
    assert cmp.numbers_agree is False or cmp.dates_agree is False
    assert cmp.differences and all(mine and theirs for mine, theirs in cmp.differences)


def test_differences_name_both_values():
    cmp = compare("Colombia seized 900 tons of cocaine.", "Colombia seized 800 tons of cocaine.")
    assert cmp.differences == (("900 tons", "800 tons"),)


@pytest.mark.parametrize(("a", "b"), [
    ("We're consuming 50 percent of the world's cocaine.",
     "“We are consuming 50% of the world's cocaine,” the senator said."),
    ("The plan costs $2 billion.", "The plan costs 2 billion dollars, the governor said."),
    ("In 2010, unemployment rose to 9 percent.", "Unemployment rose to 9 percent in 2010."),
])
def test_rewordings_match_with_their_figures_agreeing(a, b):
    cmp = compare(a, b)
    assert matching.is_match(cmp.level), cmp
    assert cmp.numbers_agree is not False and cmp.dates_agree is not False


def test_a_negation_or_another_place_differs():
    assert compare("Iran has nuclear weapons today.",
                   "Iran does not have nuclear weapons today.").negation_agree is False
    assert compare("Iran sold oil to China last year.",
                   "Iran sold oil to Russia last year.").level == matching.DIFFERS


def test_levels_must_be_in_order():
    with pytest.raises(Exception, match="must not be below"):
        similar.levels(Settings(match_suggested=0.9, match_same=0.5))


def test_bad_pair_files_are_refused_in_one_sentence(tmp_path: Path):
    bad = tmp_path / "pairs.tsv"
    bad.write_text("label\ta\tb\nmaybe\tx\ty\n", encoding="utf-8")
    with pytest.raises(InputError, match="Line 2"):
        similar.evaluate(bad, LEVELS)
    with pytest.raises(InputError, match="is not a file"):
        similar.evaluate(tmp_path / "missing.tsv", LEVELS)


def test_index_follows_the_claims_and_never_reads_user_syntax(seeded):
    with db.session_scope(seeded, write=True) as s:
        ids = textindex.claim_ids_matching(s, "Foreign Terrorist Organizations", 10)
        assert len(ids) == 1
        for hostile in ['"', "NEAR(a b", "a OR", "* ^ -x", "'; drop table claim; --", "or"]:
            textindex.claim_ids_matching(s, hostile, 10)
            textindex.claim_ids_matching(s, hostile + " Foreign", 10)
        claim = s.get(Claim, ids[0])
        claim.restatement = "zanzibarian designation"
        s.add(claim)
    with db.session_scope(seeded) as s:
        assert textindex.claim_ids_matching(s, "zanzibarian", 10) == ids
        assert textindex.claim_ids_matching(s, "Zanzibarian designations", 10) == ids
        assert textindex.claim_ids_matching(s, "zanzibarian cocaine", 10) == []
        assert len(textindex.claim_ids_matching(s, "cocaine", 2)) == 2


def _ingest_second(engine, users) -> tuple[int, dict]:
    cands = extraction.extract(SECOND_OUTLET, threshold=0.0)
    with db.session_scope(engine, write=True) as s:
        result = claims.ingest(session=s, actor=users["rita"], text=SECOND_OUTLET,
                               title="Second outlet", candidates=cands)
        found = similar.link_article(session=s, actor=users["rita"],
                                     article_id=result.article.id, lv=LEVELS)
        return result.article.id, found


def test_second_outlet_shows_the_first_as_checked_before(seeded, users):
    article_id, found = _ingest_second(seeded, users)
    assert len(found) == 3
    assert len([c for c, ms in found.items() if similar.checked_before(ms)]) == 2
    with db.session_scope(seeded) as s:
        by_text = {s.get(Claim, cid).text[:20]: ms for cid, ms in found.items()}
        threatened = by_text["Trump has threatened"][0]
        assert threatened.level == matching.SAME and threatened.numbers_agree is None
        militias = next(ms for t, ms in by_text.items() if t.startswith("The Colombian"))[0]
        assert militias.level == matching.DIFFERS and militias.numbers_agree is False
        assert militias.differences == (("millions of fighters", "thousands of fighters"),)
        links = s.exec(select(ClaimLink)).all()
        assert [link.state for link in links] == [LinkState.auto, LinkState.auto]
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "link_auto")).all()
        assert len(events) == 2


def test_rejected_match_is_never_suggested_again(seeded, users):
    article_id, found = _ingest_second(seeded, users)
    with db.session_scope(seeded) as s:
        cid = next(c for c, ms in found.items() if ms[0].level == matching.DIFFERS)
        other = found[cid][0].claim_id
    with db.session_scope(seeded, write=True) as s:
        similar.set_link(session=s, actor=users["rob"], claim_id=cid, other_id=other,
                         state=LinkState.rejected)
    with db.session_scope(seeded) as s:
        assert other not in [m.claim_id for m in similar.similar_to(session=s, claim_id=cid,
                                                                     lv=LEVELS)]
    with db.session_scope(seeded, write=True) as s, pytest.raises(InputError, match="itself"):
        similar.set_link(session=s, actor=users["rob"], claim_id=cid, other_id=cid,
                         state=LinkState.confirmed)


def test_cli_match_similar_and_evaluation(tmp_path: Path, pairs: Path):
    run = _runner(tmp_path, tmp_path / "m.db")
    run("init")
    run("casefiles", "import", str(ROOT / "claims"))
    out = json.loads(run("match", "Trump threatened military action against Colombia and "
                         "wielded tariffs and aid cuts against Petro", "--json").stdout)
    assert out[0]["matches"][0]["text"].startswith("Trump has threatened military action")
    assert {"claim_id", "score", "status", "verdict", "numbers_agree",
            "entities_agree", "text"} <= set(out[0]["matches"][0])
    claim_id = out[0]["matches"][0]["claim_id"]
    assert json.loads(run("claims", "similar", str(claim_id), "--json").stdout) == []
    article = tmp_path / "second.txt"
    article.write_text(SECOND_OUTLET, encoding="utf-8")
    text = run("ingest", str(article)).stdout
    assert "were checked before" in text
    scores = json.loads(run("eval-matching", str(pairs), "--json").stdout)
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.8
    bad = run("eval-matching", str(tmp_path / "none.tsv"), ok=False)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1
    bad = run("claims", "link", str(claim_id), "1", "--user", "nobody", "--state", "maybe",
              ok=False)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "--state" in bad.stderr
