"""Bulk actions: one transaction, each claim checked (permission, state, version) and
recorded on its own; refused claims are left as they were and reported with the reason."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from workbench import accounts, bulk, db, queue
from workbench.errors import InputError
from workbench.models import AuditEvent, Claim


def _user(s, name):
    return accounts.get_user(session=s, username=name)


def _events(engine, action: str) -> list[int]:
    with db.session_scope(engine) as s:
        return sorted(e.claim_id for e in s.exec(select(AuditEvent)
                                                 .where(AuditEvent.action == action)))


def test_accept_all_matching_a_filter_then_dismiss_with_refusals(seeded):
    with db.session_scope(seeded, write=True) as s:
        ids = bulk.matching_ids(session=s, flt=queue.ClaimFilter(kinds=["quote"]))
        calls = []
        result = bulk.apply(session=s, actor=_user(s, "rita"), action="accept",
                            claim_ids=ids, progress=lambda n, total: calls.append((n, total)))
    assert ids and result.done == ids and result.refused == []
    assert calls[-1] == (len(ids), len(ids))
    assert _events(seeded, "accept") == ids
    with db.session_scope(seeded) as s:
        candidates = bulk.matching_ids(session=s, flt=queue.ClaimFilter(statuses=["candidate"]))
    mixed = [ids[0], candidates[0], candidates[1]]
    with db.session_scope(seeded, write=True) as s:
        result = bulk.apply(session=s, actor=_user(s, "rita"), action="dismiss",
                            claim_ids=mixed, reason="Not checkable.")
    assert result.done == candidates[:2]
    assert [c for c, _ in result.refused] == [ids[0]]
    assert "only an editor or admin may dismiss it" in result.refused[0][1]
    assert result.summary() == "dismiss: 2 claim(s) done, 1 refused."
    with db.session_scope(seeded) as s:
        assert s.get(Claim, ids[0]).status.value == "open"  # the refused one: unchanged
        assert s.get(Claim, candidates[0]).dismiss_reason == "Not checkable."


def test_assign_priority_deadline_and_versions(seeded):
    with db.session_scope(seeded, write=True) as s:
        ids = bulk.matching_ids(session=s, flt=queue.ClaimFilter(statuses=["candidate"]))[:4]
        bulk.apply(session=s, actor=_user(s, "rita"), action="accept", claim_ids=ids)
        done = bulk.apply(session=s, actor=_user(s, "erin"), action="assign", claim_ids=ids,
                          assignee=_user(s, "rob"))
        versions = {c: s.get(Claim, c).version for c in ids}
        second = s.get(Claim, ids[1]).priority
    assert done.done == ids
    with db.session_scope(seeded, write=True) as s:
        refused = bulk.apply(session=s, actor=_user(s, "rita"), action="priority",
                             claim_ids=ids[:2], priority=3)
        stale = {**versions, ids[1]: versions[ids[1]] - 1}
        result = bulk.apply(session=s, actor=_user(s, "erin"), action="priority",
                            claim_ids=ids, priority=3, expected_versions=stale)
    assert refused.done == [] and "Only an editor, an admin or its assignee" in \
        refused.refused[0][1]
    assert result.done == [ids[0], ids[2], ids[3]]
    assert "was changed by someone else" in result.refused[0][1]
    with db.session_scope(seeded, write=True) as s:
        own = bulk.apply(session=s, actor=_user(s, "rob"), action="deadline", claim_ids=ids,
                         deadline=date(2026, 1, 31))
    assert own.done == ids  # rob is their assignee
    with db.session_scope(seeded) as s:
        claims = [s.get(Claim, c) for c in ids]
        assert [c.priority for c in claims] == [3, second, 3, 3]
        assert all(c.deadline.date() == date(2026, 1, 31) for c in claims)
        overdue = bulk.matching_ids(session=s, flt=queue.ClaimFilter(overdue=True))
    assert overdue == ids
    assert _events(seeded, "set_priority") == sorted([ids[0], ids[2], ids[3]])
    assert _events(seeded, "set_deadline") == sorted(ids)


@pytest.mark.parametrize(("kw", "message"), [
    ({"action": "dismiss"}, "To dismiss claims you must give a reason."),
    ({"action": "assign"}, "To assign claims you must name the person."),
    ({"action": "priority", "priority": 12}, "The priority must be a number from 0 to 9."),
    ({"action": "deadline"}, "Give the deadline as a date"),
    ({"action": "delete"}, "'delete' is not a bulk action"),
])
def test_bad_bulk_input_is_one_sentence_and_changes_nothing(seeded, kw, message):
    with db.session_scope(seeded, write=True) as s, pytest.raises(InputError, match=message):
        bulk.apply(session=s, actor=_user(s, "erin"), claim_ids=[1, 2], **kw)
    assert _events(seeded, "dismiss") == []
