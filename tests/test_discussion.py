"""Comments and mentions on SQLite and PostgreSQL, and the "For me" view: a thread on each
claim (shown in its history, never changing the claim), @name mentions of active
accounts, and what waits for one person."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.test_ui import _claim_id, _signed_in, _texts, desk  # noqa: F401 (fixture)
from tests.test_workflow import _first_claim, _move, _state, _to_review
from workbench import accounts, claims, db, discussion, workflow
from workbench.errors import InputError, PermissionDenied
from workbench.models import AuditEvent, Mention


def _comment(engine, who: str, cid: int, text: str):
    with db.session_scope(engine, write=True) as s:
        actor = accounts.get_user(session=s, username=who)
        return discussion.add_comment(session=s, actor=actor, claim_id=cid, text=text)


def _for(engine, who: str) -> discussion.ForMe:
    with db.session_scope(engine) as s:
        return discussion.for_me(session=s, user=accounts.get_user(session=s, username=who))


def test_mentions_name_active_people_once(seeded):
    cid = _first_claim(seeded)
    before = _state(seeded, cid).version
    _comment(seeded, "rita", cid, "@erin @Erin can you look? cc @ghost, me@example.org @rita")
    assert _state(seeded, cid).version == before  # a comment is not an edit of the claim
    with db.session_scope(seeded) as s:
        names = [accounts.get_user_by_id(session=s, user_id=m.user_id).username
                 for m in s.exec(select(Mention))]
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "comment")).one()
    assert names == ["erin"]  # unknown names, e-mail addresses and oneself are not mentions
    assert event.claim_id == cid and event.comment.startswith("@erin @Erin can you look?")
    assert discussion.mentioned_names("a @b.c. and @d_e!") == ["b.c", "d_e"]


def test_refused_comments_write_nothing(seeded):
    cid = _first_claim(seeded)
    with pytest.raises(InputError, match="The comment is empty"):
        _comment(seeded, "rita", cid, "   ")
    with pytest.raises(InputError, match="at most 5,000 characters"):
        _comment(seeded, "rita", cid, "x" * 5001)
    with db.session_scope(seeded, write=True) as s:
        accounts.set_active(session=s, actor=None, username="rob", active=False)
    with pytest.raises(PermissionDenied, match="'rob' is disabled"):
        _comment(seeded, "rob", cid, "hello @erin")
    with db.session_scope(seeded) as s:
        assert not s.exec(select(AuditEvent).where(AuditEvent.action == "comment")).all()


def test_for_me_lists_assigned_to_review_and_unseen_mentions(seeded, attach):
    cid = _first_claim(seeded)
    _to_review(seeded, attach, cid, who="rita")
    other = _first_claim(seeded) + 1
    _move(seeded, other, "rita", "accept")
    _move(seeded, other, "erin", "assign", to="rob")
    _comment(seeded, "rob", other, "@erin the ministry figure is for 2025 only")

    rob, erin, ed = _for(seeded, "rob"), _for(seeded, "erin"), _for(seeded, "ed")
    assert [r.claim.id for r in rob.assigned] == [other]
    assert rob.to_review == []  # reviewers do not sign off
    assert [r.claim.id for r in erin.to_review] == [cid]
    assert [m.claim.id for m in erin.mentioned] == [other]
    assert "ministry figure" in erin.mentioned[0].comment.text
    assert ed.mentioned == []
    with db.session_scope(seeded, write=True) as s:
        erin_user = accounts.get_user(session=s, username="erin")
        assert discussion.mark_read(session=s, actor=erin_user, claim_id=other) == 1
    assert _for(seeded, "erin").mentioned == []


def test_claim_page_thread_is_plain_text_and_for_me_shows_mentions(desk):
    cid = _claim_id(desk, "Foreign Terrorist")
    rita = _signed_in("rita", "app_pages/claim.py", cid)
    rita.text_area(key="comment_text").input("<b>@erin</b> **look** [x](javascript:1)")
    rita.button(key="post_comment").click().run()
    assert _texts(rita.success) == [f"Comment posted on claim {cid}."]
    assert "<b>@erin</b> **look** [x](javascript:1)" in [t.value for t in rita.text]
    assert all("**look**" not in m.value for m in rita.markdown)

    erin = _signed_in("erin", "app_pages/for_me.py")
    assert "Mentions of me (1)" in [h.value for h in erin.subheader]
    erin.button(key="for_me_read").click().run()
    assert "Mentions of me (0)" in [h.value for h in erin.subheader]


def test_to_review_leaves_out_what_the_editor_wrote_and_stays_full(seeded, attach):
    """The four-eyes rule is asked of the database: an editor who attached a source to the
    first claim in review does not see it, and a list of one still holds a claim she may
    sign off; the rule agrees with the history's ``verdict_authors``."""
    first = _first_claim(seeded)
    second = first + 1
    _move(seeded, first, "rita", "accept")
    _move(seeded, first, "rita", "assign", to="rita")
    attach(first, "erin")  # an editor's hand in the verdict
    _move(seeded, first, "rita", "submit", verdict="Mostly true", rationale="Listed.")
    _to_review(seeded, attach, second, who="rita")
    with db.session_scope(seeded) as s:
        erin = accounts.get_user(session=s, username="erin")
        listed = discussion.for_me(session=s, user=erin, limit=1).to_review
        assert [r.claim.id for r in listed] == [second]
        for cid, mine in ((first, True), (second, False)):
            claim = claims.get_claim(session=s, claim_id=cid)
            assert (erin.id in workflow.verdict_authors(s, claim)) is mine
    assert [r.claim.id for r in _for(seeded, "ed").to_review] == [first, second]
