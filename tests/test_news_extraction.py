"""The pipeline measured on the labelled news reports of tests/news (see its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.errors import InputError
from workbench.extraction import newsset

NEWS = Path(__file__).resolve().parent / "news"


def test_every_report_rebuilds_its_article_and_labels_every_unit():
    reports = newsset.read_reports(NEWS)
    assert len(reports) >= 12
    for report in reports:
        covered = sum(u.end - u.start for u in report.units)
        for unit in report.units:
            assert report.text[unit.start:unit.end].strip()
        # the units, joined by single spaces (a blank line between paragraphs)
        joined = report.text.replace("\n\n", " ").rstrip("\n")
        assert len(joined) == covered + len(report.units) - 1


def test_a_malformed_line_is_refused_with_its_place(tmp_path):
    bad = tmp_path / "bad.news"
    bad.write_text("Y | statistic | - | - | Fine sentence.\nMaybe | event | - | - | Odd.\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"Line 2 of .*bad.news has the label 'Maybe'"):
        newsset.read_reports(tmp_path)
    bad.write_text("Y | statistic | - | wobbly | Text.\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown flag 'wobbly'"):
        newsset.read_reports(tmp_path)


def test_speaker_names_match_by_their_last_words():
    assert newsset.same_speaker("Rachel Kim", "Kim")
    assert newsset.same_speaker("Lt. Karen Doyle", "Karen Doyle")
    assert newsset.same_speaker("the census bureau", "The census bureau")
    assert not newsset.same_speaker("United Nations Office on Drugs and Crime", "Crime")
    assert not newsset.same_speaker(None, "Supporters")
    assert newsset.same_speaker(None, None)


def test_the_scorer_counts_what_it_is_shown(tmp_path):
    (tmp_path / "one.news").write_text(
        "N | - | - | - | By Jane Roe\n\n"
        "Y | statistic | census bureau | - | The town grew 6 percent between 2020 and 2025, "
        "the census bureau reported.\n"
        "N | opinion | - | - | It is a lovely town.\n",
        encoding="utf-8",
    )
    report = newsset.read_reports(tmp_path)[0]
    worthy = report.units[1]
    proposal = newsset.Candidate(
        text="x", start=worthy.start, end=worthy.end, score=0.9, checkworthy=True,
        kind="statistic", speaker="the census bureau", flags=(), entities=(), numbers=(),
        restatement="x",
    )
    opinion = report.units[2]
    wrong = newsset.Candidate(
        text="It is a lovely town.", start=opinion.start, end=opinion.end, score=0.9,
        checkworthy=True, kind="opinion", speaker=None, flags=(), entities=(), numbers=(),
        restatement="x",
    )
    scores = newsset.NewsScores()
    newsset.score_report(report, [proposal, wrong], scores)
    data = scores.to_dict()
    assert (data["recall"], data["precision"], data["kinds"], data["speakers"]) == (
        1.0, 0.5, 1.0, 1.0)
    assert data["mistakes"] == [{"report": "one", "problem": "not check-worthy",
                                 "text": "It is a lovely town."}]


def test_eval_extraction_prints_the_figures(tmp_path, capsys):
    picked = sorted((NEWS / "tune").glob("*.news"))[:2]
    for path in picked:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    units = [u for r in newsset.read_reports(tmp_path) for u in r.units]
    worthy = sum(u.worthy for u in units)
    main(["eval-extraction", str(tmp_path), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 2 and data["checkworthy"] == worthy > 0
    assert data["found"] <= worthy and data["good_proposals"] <= data["proposals"]
    for key in ("recall", "precision", "kinds", "speakers", "flags"):
        assert 0.0 <= data[key] <= 1.0
    assert data["recall"] == round(data["found"] / worthy, 4)
    main(["eval-extraction", str(tmp_path)])
    out = capsys.readouterr().out
    assert out.startswith(f"2 reports, {len(units)} units, {worthy} check-worthy")
    assert "recall" in out


def test_eval_extraction_refuses_a_folder_without_reports(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["eval-extraction", str(tmp_path)])
    assert "holds no .news reports" in capsys.readouterr().err


def test_a_second_labelling_is_scored_like_proposals(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    lines = ["N | - | - | - | By Jane Roe", "",
             "Y | statistic | census bureau | - | The town grew 6 percent, the bureau said.",
             "Y | event | - | - | The mayor resigned on Monday.",
             "N | opinion | - | - | It is a lovely town."]
    (first / "one.news").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (second / "one.news").write_text("\n".join(lines) + "\n", encoding="utf-8")
    same = newsset.compare_labellings(first, second).to_dict()
    assert (same["recall"], same["precision"], same["kinds"], same["speakers"]) == (
        1.0, 1.0, 1.0, 1.0)
    lines[3] = "Y | designation | - | - | The mayor resigned on Monday."
    lines[4] = "Y | opinion | - | - | It is a lovely town."
    (second / "one.news").write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = newsset.compare_labellings(first, second).to_dict()
    assert (other["recall"], other["precision"], other["kinds"]) == (1.0, round(2 / 3, 4), 0.5)
    lines[4] = "Y | opinion | - | - | It is a lovely village."
    (second / "one.news").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="do not hold the same units"):
        newsset.compare_labellings(first, second)


def test_the_committed_second_labelling_matches_its_reports(capsys):
    second = Path(__file__).resolve().parent / "news_agreement"
    names = {p.stem for p in second.glob("*.news")}
    assert len(names) >= 8
    main(["eval-extraction", str(NEWS), "--labels-from", str(second), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == len(names)
    assert 0.5 < data["kinds"] < 1.0 and data["recall"] > 0.8
