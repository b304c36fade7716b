"""The transparency report: what was purged, read, revealed, exported and erased, month by
month, as counts only (computed from the audit log and the job runs).

A key costs nothing (issue 19): with throwaway keys that export and erase, anyone could push a
month's "fewer than 3" over the threshold and learn the exact figure. So the exports and
erasures counted are those of members whose key a volunteer had confirmed in person,
as noted in the audit entry at the time (``audit_log.key_confirmed``: an erased member's row
is gone, the entry keeps the fact). Entries older than that note are not counted. Reads and
reveals are volunteers' acts; the capabilities' lines count confirmed keys only too (the
access requests' counters, see requests/results.py). What was deleted on schedule counts
rows of data, not people: any visitor adds to it (a failed sign-in, a session), it grows only
months later, and learning it says nothing about anyone, so it is left as it is.
"""
import json
from datetime import date

from flask import has_app_context

from ..capability import installed
from ..counts import MIN_GROUP, shown

MONTHS = 12
COLUMNS = ("purged", "reads", "reveals", "exports", "erasures")


def last_months(today: date, count: int = MONTHS) -> list[str]:
    """The ``count`` months up to today's, oldest first, as YYYY-MM."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _audit_counts(db, start: str) -> dict[tuple[str, str], int]:
    rows = db.query("""
        select substr(at, 1, 7) as month,
               case
                 when action in ('read', 'search') and volunteer_id is not null then 'reads'
                 when action = 'reveal' then 'reveals'
                 when action = 'export' and object_type = 'member' and key_confirmed = 1
                   then 'exports'
                 when action = 'erase' and key_confirmed = 1 then 'erasures'
               end as kind,
               count(*) as n
        from audit_log where at >= ? group by month, kind""", [start])
    return {(row["month"], row["kind"]): row["n"] for row in rows if row["kind"]}


def _purges(db, start: str) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    by_month, by_kind = {}, {}
    for row in db.query("select period, outcome from job_runs where job = 'retention' "
                        "and status = 'done' and period >= ?", [start]):
        outcome = json.loads(row["outcome"] or "{}")
        month = row["period"][:7]
        for group in ("purged", "cleared"):
            for kind, n in outcome.get(group, {}).items():
                by_month[month] = by_month.get(month, 0) + n
                by_kind.setdefault(kind, {})[month] = by_kind.get(kind, {}).get(month, 0) + n
    return by_month, by_kind


def report(db, today: date) -> dict:
    """The report's rows (one per month) and the purges by kind, counts made publishable."""
    months = last_months(today)
    start = months[0] + "-01"
    audit = _audit_counts(db, start)
    purged, by_kind = _purges(db, start)
    rows = []
    for month in months:
        raw = {"purged": purged.get(month, 0)}
        for kind in COLUMNS[1:]:
            raw[kind] = audit.get((month, kind), 0)
        rows.append({"month": month, **{k: shown(v) for k, v in raw.items()}})
    kinds = {kind: {m: shown(n) for m, n in per_month.items()}
             for kind, per_month in sorted(by_kind.items())}
    return {"months": months, "rows": rows, "purged_by_kind": kinds, "min_group": MIN_GROUP,
            "extra": extra_lines(db, months)}


def extra_lines(db, months: list[str]) -> list[dict]:
    """The lines capabilities add (``Lends.transparency``), made publishable: each a
    label and one count per month."""
    lines = []
    for capability in installed() if has_app_context() else ():
        if capability.lends.transparency:
            for label, per_month in capability.lends.transparency(db, months):
                lines.append({"label": label,
                              "counts": [shown(per_month.get(month, 0)) for month in months]})
    return lines
