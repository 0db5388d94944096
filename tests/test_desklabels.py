"""The desk's accepts and dismissals as labels for the proposals (real databases)."""

from __future__ import annotations

import json
from pathlib import Path

from workbench import claims, db, desklabels, workflow
from workbench.cli import main
from workbench.extraction import newsset

REPORT = Path(__file__).resolve().parent / "news" / "tune" / "06-local-bridge.news"


def _ingest_and_decide(engine, users) -> list[int]:  # noqa: ANN001
    text = newsset.read_report(REPORT).text
    with db.session_scope(engine, write=True) as s:
        ids = [c.id for c in claims.ingest(session=s, actor=users["rita"], text=text).claims]
    assert len(ids) >= 6
    with db.session_scope(engine, write=True) as s:
        for claim_id in ids[:3]:
            workflow.apply(session=s, actor=users["rita"], claim_id=claim_id, move="accept",
                           expected_version=None)
        for claim_id in ids[3:5]:
            workflow.apply(session=s, actor=users["rita"], claim_id=claim_id, move="dismiss",
                           note="Not checkable", expected_version=None)
    return ids


def test_accepts_and_dismissals_score_the_proposals(engine, users):  # noqa: ANN001
    ids = _ingest_and_decide(engine, users)
    with db.session_scope(engine) as s:
        labels = desklabels.desk_labels(session=s)
        found = desklabels.desk_scores(session=s)
    assert [label.claim_id for label in labels] == ids[:5]  # the undecided ones say nothing
    assert [label.worthy for label in labels] == [True] * 3 + [False] * 2
    assert (found.accepted, found.dismissed, found.articles) == (3, 2, 1)
    assert (found.proposals_judged, found.proposals_accepted) == (5, 3)
    assert (found.precision, found.recall) == (0.6, 1.0)
    assert found.reasons == {"not checkable": 2}


def test_a_higher_threshold_loses_recall_on_the_desks_decisions(engine, users):  # noqa: ANN001
    _ingest_and_decide(engine, users)
    with db.session_scope(engine) as s:
        strict = desklabels.desk_scores(session=s, threshold=0.999)
    assert strict.recall < 1.0


def test_eval_checkworthy_desk_on_the_command_line(engine, users, settings, monkeypatch,
                                                   capsys):  # noqa: ANN001
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", settings.database_url)
    main(["eval-checkworthy", "--desk"])
    assert capsys.readouterr().out.startswith("The desk has accepted or dismissed no claim")
    _ingest_and_decide(engine, users)
    main(["eval-checkworthy", "--desk", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert (data["precision"], data["recall"], data["accepted"]) == (0.6, 1.0, 3)
