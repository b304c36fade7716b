"""Public figures: per building and kind of problem, how many open reports and how many
households are concerned, never below the minimum group size (counts.py).

Only what a free key cannot make is counted (issue 19: two throwaway "me too" turned a hidden
count into an exact 1, then were withdrawn). A report counts once a volunteer has triaged it
(its status moved past "new") or when it was made with a key a volunteer confirmed in person;
a "me too" counts only from a confirmed key. A figure under 3 therefore cannot be learned by
adding and removing one's own entries: unconfirmed ones do not move it.

Indexed aggregates (``grievances(building_id, status, category, member_id)``; a member's
confirmation read by primary key, only for reports still "new" and for "me too"), so that a
building's page costs about the same with a million reports as with a thousand. Nothing is
kept in counters: confirming a key or triaging a report changes the database, and with it
what ``remembered`` gives.
"""
from .. import counts
from ..db import remembered
from ..members import CONFIRMED
from . import categories

_OPEN = ",".join(f"'{status}'" for status in categories.OPEN)
# SQL on ``grievances g``: an open report a free key cannot have made, or made alone.
COUNTED = (f"g.status in ({_OPEN}) and (g.status <> 'new' or exists (select 1 from members m "
           f"where m.id = g.member_id and m.{CONFIRMED}))")
# SQL on ``grievance_supports s``: a "me too" from a confirmed key.
COUNTED_SUPPORT = f"exists (select 1 from members m where m.id = s.member_id and m.{CONFIRMED})"


def building_problems(db, building_id: int) -> list[dict]:
    """The open problems of a building by kind: reports and households, publishable. The
    counts are worked out once per state of the database (a building with 2,000 open
    reports takes milliseconds to count; its poster's QR code brings many visitors)."""
    reports, households = remembered(db, ("building_problems", building_id),
                                     lambda: _building_counts(db, building_id))
    return [{"category": code, "label": categories.label(code),
             "reports": counts.shown(reports.get(code, 0)),
             "households": counts.shown(households.get(code, 0))}
            for code in categories.CATEGORIES if reports.get(code)]


def _building_counts(db, building_id: int) -> tuple[dict, dict]:
    """Open reports and households of a building, by kind: the counted ones only."""
    reports = {row["category"]: row["n"] for row in db.query(
        f"select g.category, count(*) as n from grievances g where g.building_id = ? "
        f"and {COUNTED} group by g.category", [building_id])}
    # A household is a key: counted once whether it reported, said "me too", or both.
    households = {row["category"]: row["n"] for row in db.query(
        f"select category, count(*) as n from ("
        f"  select g.category, coalesce('m' || g.member_id, 'g' || g.id) as household "
        f"  from grievances g where g.building_id = ? and {COUNTED}"
        f"  union select s.category, 'm' || s.member_id from grievance_supports s "
        f"  where s.building_id = ? and {COUNTED_SUPPORT}) group by category",
        [building_id, building_id])}
    return reports, households


def public_summaries(db, building_id: int) -> list[dict]:
    """The cases of a building that volunteers summarised for the public (unflagged only)."""
    return list(db.query(
        "select title, status, sent_on, public_summary from cases where building_id = ? "
        "and public_summary is not null and public_summary_flags is null "
        "order by created_at desc", [building_id]))


def association_totals(db) -> dict:
    """Counted open reports and the buildings concerned, for the home page (publishable)."""
    row = db.execute(f"select count(*), count(distinct g.building_id) from grievances g "
                     f"where {COUNTED}").fetchone()
    return {"reports": counts.shown(row[0]), "buildings": row[1]}
