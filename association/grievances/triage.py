"""What volunteers do with reports of their own buildings: list and filter them, search
their text, move them along, note, merge duplicates. Views read a single report only through
``privacy.need_to_know``; lists show no text at all."""
from datetime import timedelta

from flask import current_app

from ..privacy import Flags
from .. import audit, clock, search, throttle
from ..db import first_row
from ..members import queue_message
from . import categories

PAGE_SIZE = 50
MAX_PAGE = 10_000
# A search names the volunteer's buildings to the full-text index when they are this few
# (most volunteers have one to a few); beyond, the index finds the words everywhere and the
# query keeps the scope's reports.
SEARCH_SCOPE_IN_INDEX = 20


def _in(values) -> tuple[str, list]:
    values = list(values)
    return ",".join("?" * len(values)) or "null", values


def _where(scope: set[int], filters: dict) -> tuple[list[str], list]:
    """The conditions of the list: the volunteer's buildings, then the filters."""
    places, params = _in(sorted(scope))
    where = [f"g.building_id in ({places})"]
    if filters.get("building"):
        where.append("g.building_id = ?")
        params.append(int(filters["building"]))
    for name in ("category", "status"):
        if filters.get(name):
            where.append(f"g.{name} = ?")
            params.append(filters[name])
    now = clock.now()
    if filters.get("age") in ("7", "30"):
        where.append("g.created_at >= ?")
        params.append(clock.stamp(now - timedelta(days=int(filters["age"]))))
    elif filters.get("age") == "old":
        where.append("g.created_at < ?")
        params.append(clock.stamp(now - timedelta(days=30)))
    if filters.get("flagged"):
        where.append("g.description_flags is not null")
    query = search.match_query(filters.get("q") or "", column="description")
    if query and 0 < len(scope) <= SEARCH_SCOPE_IN_INDEX:
        query = search.within(query, "building_id", [int(filters["building"])]
                              if filters.get("building") else sorted(scope))
    if query:
        # Flagged text stays out of searches: finding it would reveal it without a reason.
        where.append("g.description_flags is null and g.id in "
                     "(select rowid from grievances_fts where grievances_fts match ?)")
        params.append(query)
    return where, params


_COLUMNS = (
    "select g.id, g.reference, g.member_id, g.building_id, b.name as building_name, g.category, "
    "g.status, g.since, g.created_at, g.case_id, g.description_flags is not null "
    "as flagged, (select count(*) from grievance_photos p where p.grievance_id = g.id) "
    "as photos from grievances g join buildings b on b.id = g.building_id ")
_ORDER = "order by g.created_at desc, g.id desc"


def listing(db, scope: set[int], filters: dict, page: int = 1) -> tuple[list[dict], bool]:
    """A page of the reports of the volunteer's buildings, newest first, filtered; and
    whether there is a next page. No description is read: only what the list shows."""
    where, params = _where(scope, filters)
    page = min(max(page, 1), MAX_PAGE)
    rows = list(db.query(
        f"{_COLUMNS} where {' and '.join(where)} {_ORDER} limit ? offset ?",
        params + [PAGE_SIZE + 1, (page - 1) * PAGE_SIZE]))
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def search_limits() -> tuple[throttle.Limit, ...]:
    """A volunteer's limits on searches of the reports' text: per quarter hour and per day
    (``DESK_SEARCHES_PER_QUARTER_HOUR``, ``DESK_SEARCHES_PER_DAY``)."""
    config = current_app.config
    return (throttle.Limit("desk-search", config["DESK_SEARCHES_PER_QUARTER_HOUR"]),
            throttle.Limit("desk-search-day", config["DESK_SEARCHES_PER_DAY"],
                           window=timedelta(days=1)))


def searched(db, volunteer, scope: set[int], filters: dict,
             page: int = 1) -> tuple[list[dict], bool]:
    """``listing`` for a volunteer. With words to search, it is counted against the
    volunteer's limits (``throttle.Throttled`` past them) and each report it shows is read:
    logged for its tenant, once per volunteer, report and day."""
    if search.match_query(filters.get("q") or "") is None:
        return listing(db, scope, filters, page)
    throttle.count_attempt(db, [(limit, str(volunteer.id)) for limit in search_limits()])
    # The search runs outside any write transaction (at scale it takes a while, and writers
    # would wait); what it found is logged before anything is shown.
    rows, more = listing(db, scope, filters, page)
    audit.record_daily(db, volunteer, "search", "grievance",
                       [(row["id"], row["member_id"]) for row in rows])
    return rows, more


def following(db, scope: set[int], filters: dict, grievance: dict) -> dict | None:
    """The report after ``grievance`` in the list of these filters, in the list's order
    (within the volunteer's buildings only); None at the end of the list. The report itself
    need not match the filters any more (its status has just changed)."""
    where, params = _where(scope, filters)
    where.append("(g.created_at < ? or (g.created_at = ? and g.id < ?))")
    params += [grievance["created_at"], grievance["created_at"], grievance["id"]]
    return first_row(db, f"{_COLUMNS} where {' and '.join(where)} {_ORDER} limit 1", params)


def following_for(db, volunteer, scope: set[int], filters: dict,
                  grievance: dict) -> dict | None:
    """``following`` for a volunteer: with words to search, it is a search like the list's
    (counted against the volunteer's limits; None past them) and the report it names is
    logged as read for its tenant, as the list would."""
    if search.match_query(filters.get("q") or "") is None:
        return following(db, scope, filters, grievance)
    try:
        throttle.count_attempt(db, [(limit, str(volunteer.id)) for limit in search_limits()])
    except throttle.Throttled:
        return None
    found = following(db, scope, filters, grievance)
    if found is not None:
        audit.record_daily(db, volunteer, "search", "grievance",
                           [(found["id"], found["member_id"])])
    return found


def get(db, grievance_id: int) -> dict | None:
    """One report with its building's name (to be read through need_to_know)."""
    return first_row(db, "select g.*, b.name as building_name from grievances g "
                         "join buildings b on b.id = g.building_id where g.id = ?",
                     [grievance_id])


def photos(db, grievance_id: int) -> list[dict]:
    """The report's photos."""
    return list(db.query("select * from grievance_photos where grievance_id = ? order by id",
                         [grievance_id]))


def notes(db, grievance_id: int) -> list[dict]:
    """The volunteers' notes on a report, oldest first."""
    return list(db.query("select * from grievance_notes where grievance_id = ? "
                         "order by created_at, id", [grievance_id]))


def change_status(db, grievance: dict, to: str, reason: str | None = None, by=None) -> None:
    """Move a report to ``to`` (ValueError when the workflow does not allow it from the status
    it has under the write's lock); its tenant is told (a message with no text). The
    volunteer ``by`` has the audit entry, in the same transaction."""
    with db.atomic():
        status = db.execute("select status, category from grievances where id = ?",
                            [grievance["id"]]).fetchone()
        if status is None or not categories.can_move(status[0], to, status[1]):
            raise ValueError(f"{status[0] if status else None} -> {to}")
        now = clock.stamp()
        closing = to in ("resolved", "closed")
        db.table("grievances").update(grievance["id"], {
            "status": to, "updated_at": now, "closed_at": now if closing else None,
            "close_reason": reason if to == "closed" else None})
        if by is not None:
            audit.record(db, by, "update", "grievance", grievance["id"],
                         member_id=grievance["member_id"])
        if grievance["member_id"]:
            queue_message(db, grievance["member_id"], "grievance_status")


def add_note(db, grievance: dict, volunteer, text: str, flags: list[str]) -> None:
    """A volunteer's note on the report, which its tenant reads in their space; the audit
    entry, the volunteer's, in the same transaction."""
    with db.atomic():
        db.table("grievance_notes").insert({
            "grievance_id": grievance["id"], "member_id": grievance["member_id"],
            "volunteer_id": volunteer.id, "volunteer_login": volunteer.login,
            "created_at": clock.stamp(), "text": text, "text_flags": Flags(flags).format()})
        audit.record(db, volunteer, "create", "grievance_note", grievance["id"],
                     member_id=grievance["member_id"])


def merge(db, duplicate: dict, into: dict, *, by) -> None:
    """Close a report as a duplicate of another of the same building, with the audit entry
    of the volunteer ``by``."""
    if duplicate["id"] == into["id"] or duplicate["building_id"] != into["building_id"]:
        raise ValueError("merge within one building, into another report")
    now = clock.stamp()
    with db.atomic():
        db.table("grievances").update(duplicate["id"], {
            "status": "closed", "close_reason": "duplicate", "merged_into": into["id"],
            "updated_at": now, "closed_at": now})
        audit.record(db, by, "update", "grievance", duplicate["id"],
                     member_id=duplicate["member_id"])
