"""The queue's service: filters, keyset pages, capped counts, the view in a URL and saved
views, on a generated desk on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bench.desk import build_desk
from workbench import accounts, db, queue
from workbench.errors import InputError, PermissionDenied
from workbench.models import Claim


@pytest.fixture
def desk(engine):
    build_desk(engine, claims=420, per_article=10, evidence_per_claim=1)
    return engine


def _all_ids(engine, flt, sort: queue.Sort, size: int) -> list[int]:
    seen, after = [], None
    with db.session_scope(engine) as s:
        while True:
            page = queue.page(session=s, flt=flt, sort=sort, after=after, size=size)
            seen += [r.id for r in page.rows]
            if page.next_after is None:
                return seen
            after = page.next_after


def _full_order(engine, flt, sort: queue.Sort) -> list[int]:
    """The ids in one ORDER BY of the whole match: the sort's key, the id, empty values
    last."""
    key = queue.SORTS[sort.column]
    columns = [*key.parts, queue.CLAIM.c.id]
    order = [c.desc() for c in columns] if sort.descending else list(columns)
    if key.parts:
        order.insert(0, sa.case((key.parts[0].is_(None), 1), else_=0))
    stmt = queue.where(sa.select(queue.CLAIM.c.id).select_from(
        queue.CLAIM.join(queue.ARTICLE, queue.ARTICLE.c.id == queue.CLAIM.c.article_id)
        .outerjoin(queue._USER, queue._USER.c.id == queue.CLAIM.c.assignee_id)), flt,
        engine.dialect.name)
    with db.session_scope(engine) as s:
        return [r[0] for r in s.connection().execute(stmt.order_by(*order))]


@pytest.fixture
def varied(desk):
    """The desk with ties and empty values in every sortable column."""
    with db.session_scope(desk) as s:
        conn = s.connection()
        for statement in (
            "UPDATE article SET title = 'Same title' WHERE id % 4 = 0",
            "UPDATE article SET title = '' WHERE id = 5",
            "UPDATE article SET outlet = 'Reuters' WHERE id % 3 = 0",
            "UPDATE claim SET deadline = created_at WHERE id % 3 = 0",
            "UPDATE claim SET score = NULL WHERE id % 7 = 0",
            "UPDATE claim SET score = 0.5 WHERE id % 7 = 1",
            "UPDATE claim SET text = 'The same sentence.' WHERE id % 5 = 0",
        ):
            conn.execute(sa.text(statement))
        s.commit()
    return desk


def test_every_sort_pages_in_the_order_of_one_full_order_by(varied):
    flt = queue.ClaimFilter(statuses=["candidate", "in_research", "in_review"])
    for column in queue.SORTS:
        for descending in (False, True):
            sort = queue.Sort(column, descending)
            expected = _full_order(varied, flt, sort)
            assert len(expected) > 150
            assert _all_ids(varied, flt, sort, size=17) == expected, str(sort)
    with db.session_scope(varied) as s:  # empty values come last, either way round
        for column in ("deadline", "assignee", "verdict", "score"):
            for descending in (False, True):
                rows = [getattr(r, column) for r in queue.page(
                    session=s, flt=flt, sort=queue.Sort(column, descending), size=500).rows]
                assert rows[0] is not None and None in rows, (column, descending)
                assert set(rows[rows.index(None):]) == {None}, (column, descending)


def test_flags_filter_follows_the_column_even_when_edited_by_hand(desk):
    def flagged() -> dict[str, set[int]]:
        """Each flag's claims, read from the JSON lists in Python."""
        with db.session_scope(desk) as s:
            rows = list(s.connection().execute(sa.select(queue.CLAIM.c.id,
                                                         queue.CLAIM.c.flags)))
        return {f: {i for i, flags in rows if f in flags} for f in queue.FLAGS}

    def filtered(*flags: str) -> set[int]:
        with db.session_scope(desk) as s:
            flt = queue.ClaimFilter(flags=list(flags))
            found = set(_all_ids(desk, flt, queue.Sort(), size=500))
            assert queue.count(session=s, flt=flt) == len(found)
            return found

    truth = flagged()
    assert all(truth.values()) and truth["hedged"] != truth["anonymous_source"]
    for flag in queue.FLAGS:
        assert filtered(flag) == truth[flag]
    assert filtered("hedged", "anonymous_source") == truth["hedged"] & truth["anonymous_source"]
    with db.session_scope(desk) as s:  # behind the workbench's back, as a person with psql
        conn = s.connection()
        conn.execute(sa.text("""UPDATE claim SET flags = '["unattributed","hedged"]' """
                             "WHERE id = 7"))
        conn.execute(sa.text("UPDATE claim SET flags = '[]' WHERE id = :i"),
                     {"i": min(truth["missing_speaker"])})
        s.commit()
    truth = flagged()
    assert 7 in truth["hedged"] & truth["unattributed"]
    for flag in queue.FLAGS:
        assert filtered(flag) == truth[flag]
    if desk.dialect.name == "sqlite":  # read from the flag's partial index, not the table
        with db.session_scope(desk) as s:
            stmt = queue.where(sa.select(queue.CLAIM.c.id).select_from(queue.CLAIM),
                               queue.ClaimFilter(flags=["hedged"]))
            sql = str(stmt.compile(desk))
            plan = " ".join(r[3] for r in s.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql))
        assert "ix_claim_flag_hedged" in plan, plan


def test_a_search_matching_many_claims_pages_the_same_either_way(desk, monkeypatch):
    """Past SPARSE_MATCHES matches the page walks the sort's index instead of reading the
    matches and sorting them: the claims and their order are the same."""
    flt = queue.ClaimFilter(text="cocaine", statuses=["candidate", "open", "in_research"])
    for sort in (queue.Sort(), queue.Sort("article"), queue.Sort("score", False)):
        read_through_matches = _all_ids(desk, flt, sort, size=9)
        monkeypatch.setattr(queue, "SPARSE_MATCHES", 3)
        walked = _all_ids(desk, flt, sort, size=9)
        monkeypatch.undo()
        assert len(read_through_matches) > 20 and walked == read_through_matches
        assert walked == _full_order(desk, flt, sort)
    n = len(walked)  # a capped count reads the index first and stops at the cap
    with db.session_scope(desk) as s:
        assert queue.count(session=s, flt=flt) == n
        assert queue.count(session=s, flt=flt, cap=n) == queue.Count(n, False)
        assert queue.count(session=s, flt=flt, cap=n - 1) == queue.Count(n - 1, True)
        assert queue.count(session=s, flt=queue.with_changes(flt, outlet="Reuters"),
                           cap=n) == queue.Count(len(_full_order(
                               desk, queue.with_changes(flt, outlet="Reuters"), sort)), False)


def test_counts_stop_at_the_cap(desk):
    with db.session_scope(desk) as s:
        exact = queue.count(session=s, flt=queue.ClaimFilter())
        capped = queue.count(session=s, flt=queue.ClaimFilter(), cap=100)
        small = queue.count(session=s, flt=queue.ClaimFilter(statuses=["dismissed"]),
                            cap=1000)
        tiles = queue.status_counts(session=s, cap=50)
    assert exact == 420
    assert (capped.n, capped.capped, str(capped)) == (100, True, "100+")
    assert not small.capped and str(small) == str(small.n)
    assert set(tiles) == {"candidate", "open", "in_research", "in_review", "signed_off",
                          "dismissed"}
    assert str(tiles["candidate"]) == "50+"


def test_filters(desk, users):
    with db.session_scope(desk) as s:
        conn = s.connection()
        conn.execute(sa.text("UPDATE claim SET text = 'Quokkas crossed the borders' "
                             "WHERE id = 7"))
        first = conn.execute(sa.text("SELECT outlet FROM article WHERE id = 1")).scalar_one()
        s.commit()

    def ids(**kw) -> set[int]:
        with db.session_scope(desk) as s:
            return {r.id for r in queue.page(session=s, flt=queue.ClaimFilter(**kw),
                                             size=500).rows}

    assert ids(text="quokka border") == {7}  # stems, all words
    assert ids(text='"quokkas border*') == {7}  # search syntax is only text
    assert ids(article_id=1) == set(range(1, 11))
    assert all(r <= 420 for r in ids(outlet=first)) and 1 in ids(outlet=first)
    reviewing = ids(statuses=["in_review"])
    awaiting = ids(awaiting_review_by=1)
    assert awaiting and awaiting <= reviewing
    with db.session_scope(desk) as s:
        mine = {c.id for c in s.exec(sa.select(Claim).where(
            Claim.status == "in_review", Claim.submitted_by_id == 1)).scalars()}
    assert awaiting == reviewing - mine
    assert ids(unassigned=True) == ids(statuses=["candidate", "dismissed"])
    everything = ids()
    assert ids(created_from=date(2024, 1, 1), created_to=date(2030, 1, 1)) == everything
    assert ids(created_to=date(2023, 12, 31)) == set()


def test_the_view_in_a_url_round_trips_and_bad_values_are_one_sentence():
    flt = queue.ClaimFilter(statuses=["open", "in_review"], flags=["hedged"], article_id=3,
                            unassigned=True, created_from=date(2026, 1, 2), text="cocaine")
    params = queue.to_params(flt, queue.Sort("priority"))
    assert params == {"statuses": "open,in_review", "flags": "hedged", "article_id": "3",
                      "unassigned": "1", "created_from": "2026-01-02", "text": "cocaine",
                      "sort": "priority"}
    assert queue.from_params(params) == (flt, queue.Sort("priority", True))
    assert queue.from_params({}) == (queue.ClaimFilter(), queue.Sort("added", True))
    for column in queue.SORTS:  # every column, either way round
        for descending in (False, True):
            sort = queue.Sort(column, descending)
            assert queue.from_params(queue.to_params(flt, sort)) == (flt, sort)
    assert queue.to_params(queue.ClaimFilter(), queue.Sort("article", True)) == {
        "sort": "article", "order": "desc"}
    assert queue.to_params(queue.ClaimFilter(), queue.Sort("added", False)) == {
        "sort": "added", "order": "asc"}
    # the sorts of URLs and saved views made before any column could be sorted
    for old, sort in (("newest", ("added", True)), ("oldest", ("added", False)),
                      ("priority", ("priority", True)), ("deadline", ("deadline", False)),
                      ("id", ("id", False))):
        assert queue.from_params({"sort": old})[1] == queue.Sort(*sort)
    for bad, message in (({"statuses": "nope"}, "'nope' is not a status"),
                         ({"article_id": "x"}, "article id must be a number."),
                         ({"created_to": "May"}, "created to must be a date"),
                         ({"sort": "random"}, "'random' is not a sort"),
                         ({"sort": "score", "order": "up"}, "The order must be asc or desc."),
                         ({"created_from": "2026-02-02", "created_to": "2026-01-01"},
                          "The date range ends before it starts.")):
        with pytest.raises(InputError, match=message):
            queue.from_params(bad)


def test_saved_views_belong_to_their_person(engine, users):
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        view = queue.save_view(session=s, actor=rita, name="Hedged", params={"flags": "hedged"})
        queue.save_view(session=s, actor=rita, name="Hedged", params={"flags": "hedged",
                                                                     "sort": "oldest"})
        view_id = view.id
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        rob = accounts.get_user(session=s, username="rob")
        assert [(v.name, v.params) for v in queue.list_views(session=s, actor=rita)] == [
            ("Hedged", {"flags": "hedged", "sort": "oldest"})]
        assert queue.list_views(session=s, actor=rob) == []
        with pytest.raises(PermissionDenied):
            queue.delete_view(session=s, actor=rob, view_id=view_id)
        with pytest.raises(InputError, match="is not a sort"):
            queue.save_view(session=s, actor=rob, name="x", params={"sort": "random"})
    with db.session_scope(engine, write=True) as s:
        rita = accounts.get_user(session=s, username="rita")
        queue.delete_view(session=s, actor=rita, view_id=view_id)
        assert queue.list_views(session=s, actor=rita) == []


def test_any_article_can_be_found_for_the_filter(desk):
    with db.session_scope(desk) as s:
        s.connection().execute(sa.text("UPDATE article SET title = 'Petro at the White House' "
                                       "WHERE id = 1"))
        s.commit()
        found = queue.find_articles(session=s, text="white house")
        assert [a.id for a in found] == [1]  # the oldest of 42 articles
        assert len(queue.find_articles(session=s, text="", limit=5)) == 5
        assert queue.find_articles(session=s, text="100%_") == []
        assert queue.outlets(session=s)
