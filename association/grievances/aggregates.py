"""Public figures: per building and kind of problem, how many open reports and how many
households are concerned, never below the minimum group size (counts.py).

Indexed aggregates (``grievances(building_id, status, category)``), so that a building's page
costs about the same with a million reports as with a thousand.
"""
from .. import counts
from ..db import remembered
from . import categories

_OPEN = ",".join(f"'{status}'" for status in categories.OPEN)


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
    """Open reports and households of a building, by kind."""
    reports = {row["category"]: row["n"] for row in db.query(
        f"select category, count(*) as n from grievances where building_id = ? "
        f"and status in ({_OPEN}) group by category", [building_id])}
    # A household is a key: counted once whether it reported, said "me too", or both.
    households = {row["category"]: row["n"] for row in db.query(
        f"select category, count(*) as n from ("
        f"  select category, coalesce('m' || member_id, 'g' || id) as household "
        f"  from grievances where building_id = ? and status in ({_OPEN})"
        f"  union select category, 'm' || member_id from grievance_supports "
        f"  where building_id = ?) group by category", [building_id, building_id])}
    return reports, households


def public_summaries(db, building_id: int) -> list[dict]:
    """The cases of a building that volunteers summarised for the public (unflagged only)."""
    return list(db.query(
        "select title, status, sent_on, public_summary from cases where building_id = ? "
        "and public_summary is not null and public_summary_flags is null "
        "order by created_at desc", [building_id]))


def association_totals(db) -> dict:
    """Open reports and buildings concerned, for the home page (publishable)."""
    row = db.execute(f"select count(*), count(distinct building_id) from grievances "
                     f"where status in ({_OPEN})").fetchone()
    return {"reports": counts.shown(row[0]), "buildings": row[1]}
