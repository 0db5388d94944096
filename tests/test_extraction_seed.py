"""The first real article: what a fact-checker would propose from it, and what not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from workbench.extraction import extract

ROOT = Path(__file__).resolve().parents[1]
CASE_DIR = ROOT / "claims" / "2026-02-04-trump-petro-white-house"
SEED = ROOT.parent / "shared" / "seed" / "2026-02-04-trump-petro-white-house.txt"


@pytest.fixture(scope="module")
def article() -> str:
    for path in (CASE_DIR / "article.txt", SEED):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    skip_or_fail(f"The seed article is missing (looked for {CASE_DIR / 'article.txt'} and {SEED}).")


@pytest.fixture(scope="module")
def candidates(article):
    return extract(article)


def _one(candidates, fragment: str):
    found = [c for c in candidates if fragment in c.text]
    assert found, f"no candidate contains {fragment!r}"
    return found[0]


def test_fto_sentence_is_a_designation(candidates):
    c = _one(candidates, "Foreign Terrorist Organizations")
    assert c.kind == "designation"
    assert "hedged" in c.flags  # "are considered classified as"
    assert c.restatement == (
        "Drug-trafficking militias are designated Foreign Terrorist Organizations by the U.S."
    )
    assert any(e["text"] == "Foreign Terrorist Organizations" and e["label"] == "ORG"
               for e in c.entities)
    assert any(n["text"] == "thousands of fighters" and n["value"] == 1000 for n in c.numbers)


def test_record_seizures_is_a_statistic(candidates):
    c = _one(candidates, "record seizures of the drug")
    assert c.kind in {"statistic", "causal"}
    assert "anonymous_source" in c.flags
    assert c.restatement.startswith("Colombia’s record seizures of the drug reflect")


def test_missing_speaker_and_the_he_said_after_it(candidates):
    lost = _one(candidates, "said , who served as")
    assert lost.speaker is None and "missing_speaker" in lost.flags
    follow = _one(candidates, "The U.S. needs Colombia")
    assert follow.speaker is None and "missing_speaker" in follow.flags


def test_named_speakers(article, candidates):
    everything = extract(article, include_all=True)
    assert _one(everything, "He’s given free rein").speaker == "Paloma Valencia"
    assert _one(everything, "not a Trump whisperer").speaker == "Benjamin Gedan"
    assert _one(everything, "Should Trump get involved").speaker == "Gedan"
    assert _one(everything, "He and I weren’t exactly").speaker == "Trump"
    assert _one(everything, "small step").speaker == "Petro"
    assert _one(everything, "added an “S” to the hat").speaker == "Petro"
    # an opinion in a named quote ("I think this is a small step") is shown, not proposed
    assert not _one(everything, "small step").checkworthy


def test_a_legal_fact_and_a_poll_are_proposed(candidates):
    c = _one(candidates, "Petro cannot run again")
    assert c.kind == "designation"


def test_no_furniture_is_proposed(article, candidates):
    assert all(c.role == "body" and c.checkworthy for c in candidates)
    texts = " ".join(c.text for c in candidates)
    for furniture in ("Jonathan Ernst/Reuters", "Nathalia Angarita/Reuters", "FEBRUARY 4, 2026",
                      "Courtesy/Source", "WASHINGTON, D.C.", "at microphone",
                      "A screen in Bogotá"):
        assert furniture not in texts
    everything = extract(article, include_all=True)
    roles = {c.role for c in everything}
    assert {"caption", "credit", "dateline", "source_line", "body"} <= roles
    assert all(not c.checkworthy for c in everything if c.role != "body")


def test_spans_are_exact_and_sorted(article):
    everything = extract(article, include_all=True)
    assert all(article[c.start:c.end] == c.text for c in everything)
    assert all(a.end <= b.start for a, b in zip(everything, everything[1:]))
    for c in everything:
        for item in (*c.entities, *c.numbers):
            assert article[item["start"]:item["end"]] == item["text"]
            assert c.start <= item["start"] < item["end"] <= c.end


def test_to_dict_is_json_ready(candidates):
    import json

    data = json.loads(json.dumps([c.to_dict() for c in candidates]))
    assert data[0]["text"] == candidates[0].text and isinstance(data[0]["flags"], list)


def _overlaps(claim: dict, cand) -> bool:
    """Found when the candidate covers most of the claim, or the claim most of the candidate."""
    overlap = min(claim["end"], cand.end) - max(claim["start"], cand.start)
    shorter = min(claim["end"] - claim["start"], cand.end - cand.start)
    return overlap > 0 and overlap >= 0.5 * shorter


def test_case_file_recall():
    import yaml

    case_path = CASE_DIR / "case.yaml"
    if not case_path.is_file():
        skip_or_fail(f"The case file {case_path} does not exist.")
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    text_file = (case.get("article") or {}).get("text_file", "article.txt")
    article = (CASE_DIR / text_file).read_text(encoding="utf-8")
    claims = case["claims"]
    assert claims, "the case file lists no claims"
    for claim in claims:
        assert article[claim["start"]:claim["end"]] == claim["text"]
    candidates = extract(article)
    missed = [c["text"] for c in claims if not any(_overlaps(c, k) for k in candidates)]
    recall = 1 - len(missed) / len(claims)
    assert recall >= 0.9, f"recall {recall:.2f}; missed: {missed}"


def test_news_prior_is_general_not_article_specific():
    from workbench.extraction.attribution import Attribution
    from workbench.extraction.priors import DATE_PRIOR, QUOTE_PRIOR, news_prior

    named, anonymous = Attribution("Jane Doe"), Attribution("officials", ("anonymous_source",))
    assert news_prior("“Prices doubled,” Jane Doe said.", named, False) == QUOTE_PRIOR
    assert news_prior("“Prices doubled,” officials said.", anonymous, False) == 0.0
    assert news_prior("The plant closed last month.", Attribution(None), False) == DATE_PRIOR
    assert news_prior("The council met on March 3.", Attribution(None), False) == DATE_PRIOR
    assert news_prior("The plant is large.", Attribution(None), False) == 0.0
