"""Exports: the CSV a desk downloads (exact bytes for a known case, safe in a spreadsheet)
and ClaimReview for signed-off claims."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from workbench import accounts, casefiles, db, export, queue, workflow
from workbench.config import VERDICT_VALUES, Settings, load_settings
from workbench.errors import ConfigError, InputError
from workbench.models import Article, Claim, Verdict


def _cycle(engine, attach, claim_id: int) -> None:
    def move(who, name, **kw):
        with db.session_scope(engine, write=True) as s:
            actor = accounts.get_user(session=s, username=who)
            if "to" in kw:
                kw["assignee"] = accounts.get_user(session=s, username=kw.pop("to"))
            workflow.apply(session=s, actor=actor, claim_id=claim_id, move=name,
                           expected_version=None, **kw)

    move("rita", "accept")
    move("rita", "assign", to="rita")
    attach(claim_id, "rita")
    move("rita", "submit", verdict="Mostly true", rationale="Listed by the State Department.")
    move("erin", "signoff")


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8 correctly
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_one_row_per_claim_with_verdict_and_editor(seeded, attach):
    with db.session_scope(seeded) as s:
        fto = next(c for c in s.exec(__import__("sqlmodel").select(Claim))
                   if "Foreign Terrorist" in c.text)
    _cycle(seeded, attach, fto.id)
    with db.session_scope(seeded) as s:
        data = export.claims_csv(session=s)
    header = data.decode("utf-8-sig").split("\r\n", 1)[0]
    assert header == ",".join(export.CSV_COLUMNS)
    rows = _rows(data)
    assert len(rows) >= 15
    row = next(r for r in rows if r["claim_id"] == str(fto.id))
    assert row["verdict"] == "Mostly true"
    assert row["signed_off_by"] == "erin"
    assert row["submitted_by"] == "rita"
    assert row["status"] == "signed_off"
    assert row["source_urls"].startswith("http://127.0.0.1:")
    assert row["signed_off_at"].endswith("+00:00")
    assert row["article_title"].startswith("Trump and Colombia")


def test_csv_exact_bytes_and_formula_cells_are_neutralised(engine, tmp_path):
    folder = tmp_path / "cases" / "formula"
    folder.mkdir(parents=True)
    text = '=HYPERLINK("http://evil.example","click") is a formula.\n+1 more, said Ana.\n'
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "case.yaml").write_text(yaml.safe_dump({
        "article": {"key": "formula", "title": "@SUM(A1)", "outlet": "Test"},
        "claims": [
            {"text": '=HYPERLINK("http://evil.example","click") is a formula.',
             "kind": "event", "restatement": "r"},
            {"text": "+1 more, said Ana.", "kind": "quote", "speaker": "-Ana",
             "restatement": "r"},
        ],
    }), encoding="utf-8")
    with db.session_scope(engine, write=True) as s:
        casefiles.import_dir(session=s, root=folder.parent)
    with db.session_scope(engine) as s:
        data = export.claims_csv(session=s)
    ids = [r["claim_id"] for r in _rows(data)]
    expected = (
        "\ufeff" + ",".join(export.CSV_COLUMNS) + "\r\n"
        f"{ids[0]},formula,'@SUM(A1),\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\") "
        "is a formula.\",0,55,event,,,candidate,,,,,,,,\r\n"
        f"{ids[1]},formula,'@SUM(A1),\"'+1 more, said Ana.\",56,74,quote,'-Ana,,candidate,"
        ",,,,,,,\r\n"
    )
    assert data == expected.encode("utf-8")


PUBLISHING = dict(review_url_template="https://desk.example.org/checks/{article_key}/{claim_id}",
                  review_author_name="Desk Check", review_author_url="https://desk.example.org")


def _google_problems(review: dict) -> list[str]:
    """What Google's fact-check markup guidelines ask of one ClaimReview: the required
    properties (url, claimReviewed, reviewRating with alternateName) and the recommended
    ones (author with a name, datePublished, itemReviewed as a Claim with its author, date
    and appearance, a numeric rating within its bounds)."""
    problems = []
    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        problems.append("not a schema.org ClaimReview")
    if not str(review.get("url", "")).startswith(("https://", "http://")):
        problems.append("url (required)")
    if not str(review.get("claimReviewed", "")).strip():
        problems.append("claimReviewed (required)")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        problems.append("reviewRating.alternateName (required)")
    if "ratingValue" in rating and not (
            rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]):
        problems.append("reviewRating.ratingValue out of bounds")
    author = review.get("author") or {}
    if author.get("@type") not in {"Organization", "Person"} or not author.get("name"):
        problems.append("author.name (recommended)")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", review.get("datePublished", "")):
        problems.append("datePublished (recommended)")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append("itemReviewed is a Claim (recommended)")
    if not (item.get("author") or {}).get("name"):
        problems.append("itemReviewed.author.name (recommended)")
    if not item.get("datePublished"):
        problems.append("itemReviewed.datePublished (recommended)")
    appearances = item.get("appearance") or item.get("firstAppearance")
    if not appearances:
        problems.append("itemReviewed.appearance (recommended)")
    return problems


def test_claimreview_only_for_signed_off_claims_and_publishable(seeded, attach):
    settings = Settings(database_url="sqlite:///unused.db", **PUBLISHING)
    with db.session_scope(seeded) as s:
        assert export.claimreview(session=s, settings=settings) == []
        first = s.exec(__import__("sqlmodel").select(Claim).order_by(Claim.start)).first()
        article = s.get(Article, first.article_id)
    _cycle(seeded, attach, first.id)
    with db.session_scope(seeded) as s:
        data = json.loads(export.claimreview_json(session=s, settings=settings))
    assert len(data) == 1
    review = data[0]
    assert _google_problems(review) == []
    assert review["url"] == f"https://desk.example.org/checks/{article.key}/{first.id}"
    assert review["claimReviewed"] == first.restatement != first.text
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Mostly true", "ratingValue": 4, "bestRating": 5,
        "worstRating": 1, "ratingExplanation": "Listed by the State Department."}
    assert review["author"] == {"@type": "Organization", "name": "Desk Check",
                                "url": "https://desk.example.org"}
    assert review["publisher"] == review["author"]
    item = review["itemReviewed"]
    assert item["datePublished"] == "2026-02-04"
    assert item["appearance"][0]["headline"] == article.title
    assert item["author"]["name"] in {first.speaker, article.outlet}


def test_claimreview_follows_the_desks_verdict_scale(seeded, attach):
    scale = [{"verdict": v.value, "name": v.value.upper(), "rating": None} for v in Verdict]
    scale[1] = {"verdict": "Mostly true", "name": "Largely accurate", "rating": 9}
    settings = Settings(database_url="sqlite:///unused.db", verdict_scale=scale, rating_best=10,
                        rating_worst=0, **PUBLISHING)
    with db.session_scope(seeded) as s:
        first = s.exec(__import__("sqlmodel").select(Claim).order_by(Claim.start)).first()
    _cycle(seeded, attach, first.id)
    with db.session_scope(seeded) as s:
        (review,) = export.claimreview(session=s, settings=settings)
    assert _google_problems(review) == []
    rating = review["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"], rating["bestRating"],
            rating["worstRating"]) == ("Largely accurate", 9, 10, 0)


def test_claimreview_needs_a_review_url_and_an_author(seeded):
    with db.session_scope(seeded) as s, pytest.raises(
            ConfigError, match=r"^ClaimReview needs the review URL template and the author"):
        export.claimreview(session=s, settings=Settings(database_url="sqlite:///unused.db"))


@pytest.mark.parametrize(("overrides", "message"), [
    ({"review_url_template": "https://x.example/review"}, "must contain {claim_id}"),
    ({"review_url_template": "https://x.example/{claim_id}/{who}"}, "may use only"),
    ({"review_url_template": "ftp://x.example/{claim_id}"}, "is not an http(s) URL"),
    ({"verdict_scale": [{"verdict": "True"}]}, "must list every verdict exactly once"),
    ({"verdict_scale": [{"verdict": "Truthy"}]}, "'Truthy' is not a verdict"),
    ({"rating_best": 1}, "the worst rating must be below the best"),
])
def test_bad_publishing_settings_are_one_sentence(overrides, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(database_url="sqlite:///unused.db", **overrides)


def test_the_scale_knows_every_verdict():
    assert VERDICT_VALUES == tuple(v.value for v in Verdict)
    assert [s.verdict for s in Settings(database_url="sqlite:///unused.db").verdict_scale] == list(
        VERDICT_VALUES)


def test_source_urls_in_the_order_added_and_evidence_csv(seeded, attach):
    with db.session_scope(seeded) as s:
        fto = next(c for c in s.exec(__import__("sqlmodel").select(Claim))
                   if "Foreign Terrorist" in c.text)
    _cycle(seeded, attach, fto.id)  # attaches /fto/<id>
    with db.session_scope(seeded, write=True) as s:
        actor = accounts.get_user(session=s, username="erin")
        workflow.apply(session=s, actor=actor, claim_id=fto.id, move="reopen",
                       note="One more source.", expected_version=None)
    attach(fto.id, "rita", stance="context", path="/fto/zz-second")
    attach(fto.id, "rita", stance="refutes", path="/fto/aa-third")
    with db.session_scope(seeded) as s:
        row = next(r for r in _rows(export.claims_csv(session=s))
                   if r["claim_id"] == str(fto.id))
        evidence = _rows(b"".join(export.evidence_csv_chunks(session=s)))
    urls = row["source_urls"].split(" | ")
    assert [u.rsplit("/", 1)[1] for u in urls] == [str(fto.id), "zz-second", "aa-third"]
    assert row["signed_off_by"] == ""  # reopened: the sign-off is void
    assert list(evidence[0]) == export.EVIDENCE_COLUMNS
    mine = [e for e in evidence if e["claim_id"] == str(fto.id)]
    assert [e["stance"] for e in mine] == ["supports", "context", "refutes"]
    assert [e["source_url"] for e in mine] == urls
    assert {e["added_by"] for e in mine} == {"rita"}
    assert mine[0]["http_status_when_attached"] == "200"
    assert mine[0]["title_when_attached"].startswith("Foreign Terrorist Organizations")
    assert all(e["added_at"].endswith("+00:00") for e in mine)


def test_csv_streams_in_chunks_with_the_same_bytes(seeded):
    with db.session_scope(seeded) as s:
        whole = list(export.claims_csv_chunks(session=s))
        small = list(export.claims_csv_chunks(session=s, chunk_rows=4))
    assert len(whole) == 2 and len(small) == 1 + 7  # the header, then 27 rows by 4
    assert b"".join(small) == b"".join(whole)


def test_csv_takes_the_queues_filters(seeded):
    with db.session_scope(seeded) as s:
        every = _rows(export.claims_csv(session=s))
        quotes = _rows(b"".join(export.claims_csv_chunks(
            session=s, flt=queue.ClaimFilter(kinds=["quote"]))))
        none = _rows(b"".join(export.claims_csv_chunks(
            session=s, flt=queue.ClaimFilter(statuses=["dismissed"]))))
        assert queue.count(session=s, flt=queue.ClaimFilter(kinds=["quote"])) == len(quotes)
    assert quotes and none == []
    assert [r for r in every if r["kind"] == "quote"] == quotes


def test_a_bad_filter_is_one_sentence():
    with pytest.raises(InputError, match=r"^'Sort of true' is not a verdict; use one of: "):
        queue.ClaimFilter(verdicts=["Sort of true"])
