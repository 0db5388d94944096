"""The claim page, before submit and sign-off: "checked before" with the earlier claim, and
the sources read against the claim (AppTest against a real SQLite file, a real local page)."""

from __future__ import annotations

import re

from tests.conftest import SEED_CASE
from tests.test_matching import SECOND_OUTLET
from tests.test_sourcecheck import ARTICLE, pages  # noqa: F401 (fixture)
from tests.test_ui import _signed_in, _texts, desk  # noqa: F401 (fixture)
from workbench import accounts, claims, db, extraction, sources, workflow
from workbench.config import Settings


def _ingest(engine, text: str) -> list[int]:
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        result = claims.ingest(session=s, actor=rita, text=text,
                               candidates=extraction.extract(text, threshold=0.0))
        return [c.id for c in result.claims]


def test_claim_page_shows_checked_before(desk):
    first = _ingest(desk, SECOND_OUTLET)[0]
    at = _signed_in("rita", "app_pages/claim.py", first)
    shown = [t for t in _texts(at.info) if t.startswith("Checked before: claim ")]
    assert len(shown) == 1 and "(candidate, no verdict yet" in shown[0]
    assert "Trump has threatened military action against Colombia" in shown[0]


def test_claim_page_checks_sources_against_the_claim(desk, pages):
    claim_id = _ingest(desk, ARTICLE)[0]
    settings = Settings(database_url=str(desk.url), lookup_allow_hosts=["127.0.0.1"],
                        lookup_retries=0)
    with sources.open_client(settings) as client:
        page = sources.preview(client=client, url=pages.url("/other"))
    with db.session_scope(desk, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        claims.accept_many(session=s, actor=rita, claim_ids=[claim_id])
        workflow.apply(session=s, actor=rita, claim_id=claim_id, move="assign", assignee=rita,
                       expected_version=None)
        sources.attach(session=s, actor=rita, claim_id=claim_id, page=page, expected_version=None)
    at = _signed_in("rita", "app_pages/claim.py", claim_id)
    at.button(key=f"check_sources_{claim_id}").click().run()
    assert not at.exception and not at.error, _texts(at.error)
    lines = [t for t in _texts(at.markdown) if t.startswith("⚠️ source ")]
    assert len(lines) == 1 and ": differs (checked " in lines[0]
    rows = at.table[0].value  # cells as a person reads them (the Markdown escapes removed)
    first = {k: re.sub(r"\\(.)", r"\1", str(v)) for k, v in dict(rows.iloc[0]).items()}
    assert {"claim": "13 percent", "source": "1.3 percent", "result": "differs"}.items() <= \
        first.items()


def test_ingest_page_says_how_many_were_checked_before(desk):
    at = _signed_in("rita", "app_pages/ingest.py")
    text = (SEED_CASE / "article.txt").read_text(encoding="utf-8").replace("WSJ", "Desk copy")
    at.text_area(key="ingest_text").input(text)
    at.button[[b.label for b in at.button].index("Propose claims")].click().run()
    store = next(b for b in at.button if b.label.startswith("Store the article"))
    store.click().run()
    message = _texts(at.success)[0]
    checked = int(message.split("; ")[2].split(" checked before")[0])
    assert checked >= 10, message
