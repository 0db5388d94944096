"""Retraining with the desk's decisions, and switching models (real SQLite, real fits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import accounts, claims, db, desklabels, workflow
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError
from workbench.extraction import model as checkworthy
from workbench.extraction import newsset
from workbench.extraction.train import FILES
from workbench.models import Role

NEWS = Path(__file__).resolve().parent / "news"


@pytest.fixture
def model_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "model"
    monkeypatch.setenv("WORKBENCH_MODEL_DIR", str(folder))
    yield folder
    checkworthy.load_model.cache_clear()


@pytest.fixture
def crowd(tmp_path) -> Path:
    """A small CheckThat!-format folder made of the labelled news units of the tuning half."""
    rows = ["Sentence_id\tText\tclass_label"]
    for report in newsset.read_reports(NEWS / "tune"):  # the held-out reports stay unseen
        for u in report.units:
            text = report.text[u.start:u.end].replace("\t", " ")
            rows.append(f"{len(rows)}\t{text}\t{'Yes' if u.worthy else 'No'}")
    folder = tmp_path / "ct"
    folder.mkdir()
    for name in ("train", "dev"):
        (folder / FILES[name]).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def desk_engine(sqlite_url):
    engine = db.make_engine(Settings(database_url=sqlite_url))
    db.upgrade(engine)
    yield engine
    engine.dispose()


def _decide(engine, reports: int) -> None:  # noqa: ANN001
    """Ingest tuning reports; the desk accepts statistics and dismisses the rest."""
    with db.session_scope(engine, write=True) as s:
        rita = accounts.create_user(session=s, actor=None, username="rita",
                                    role=Role.reviewer, password="a long pass phrase 1")
    for path in sorted((NEWS / "tune").glob("*.news"))[:reports]:
        with db.session_scope(engine, write=True) as s:
            found = claims.ingest(session=s, actor=rita, text=newsset.read_report(path).text)
            for c in found.claims:
                if c.kind.value == "statistic":
                    workflow.apply(session=s, actor=rita, claim_id=c.id, move="accept",
                                   expected_version=None)
                else:
                    workflow.apply(session=s, actor=rita, claim_id=c.id, move="dismiss",
                                   note="Not a number to check", expected_version=None)


def test_retrain_writes_beside_and_switches_only_if_better(desk_engine, model_dir, crowd):
    _decide(desk_engine, 6)
    with db.session_scope(desk_engine) as s:
        done = desklabels.retrain(session=s, data_dir=crowd)
    assert done.weights == model_dir / checkworthy.DESK_WEIGHTS and done.weights.is_file()
    assert done.fit_decisions + done.held_decisions == len(desklabels.desk_labels(session=s))
    assert done.held_decisions > 0
    better = done.desk.f1 > done.shipped.f1
    assert done.in_use == ("desk" if better else "shipped") == checkworthy.active_name()
    assert checkworthy.load_model().meta["threshold"] == checkworthy.default_threshold()
    card = done.card.read_text(encoding="utf-8")
    assert f"{done.desk.f1:.3f}" in card and f"**{done.in_use}**" in card
    checkworthy.use_model("desk")
    assert checkworthy.load_model().meta.get("desk_decisions") == done.fit_decisions
    checkworthy.use_model("shipped")
    assert checkworthy.weights_path() == checkworthy.WEIGHTS_PATH


def test_retrain_refuses_too_few_decisions_and_writes_nothing(desk_engine, model_dir, crowd):
    _decide(desk_engine, 1)
    with db.session_scope(desk_engine) as s, pytest.raises(InputError, match="at least 20"):
        desklabels.retrain(session=s, data_dir=crowd)
    assert not model_dir.exists()
    assert checkworthy.active_name() == "shipped"


def test_model_use_on_the_command_line(model_dir, capsys):
    with pytest.raises(SystemExit):
        main(["model", "use", "desk"])
    assert "no desk weights" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["model", "use", "newest"])
    assert "shipped or desk, not 'newest'" in capsys.readouterr().err
    main(["model", "use", "shipped"])
    assert "Now using the shipped model" in capsys.readouterr().out
