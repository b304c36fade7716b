"""Scheduled jobs: plain functions of ``(db, today)``, declared in one list with stable ids.

Each run first claims ``(job, period)`` in ``job_runs``, whose primary key is that pair, so a
job runs exactly once per period however many processes try. A failed run may be claimed
again, a few times, within the same period.
"""
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo

log = logging.getLogger("amicale.jobs")

MAX_ATTEMPTS = 3
STALE_AFTER = timedelta(hours=1)  # a run still "running" after this died with its process


@dataclass(frozen=True)
class Job:
    """A scheduled job: a stable id and a function of ``(db, today)`` returning counts."""

    id: str
    run: Callable[..., dict]
    summary: str
    every: int | None = None  # seconds between runs; None: once a day


def housekeeping(db, today: date) -> dict:
    """Fold the write-ahead log back into the database and refresh the query planner's data."""
    busy, wal_pages, moved = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    db.execute("PRAGMA optimize")
    return {"wal_pages": wal_pages, "checkpointed": moved, "busy": busy}


def retention_purge(db, today: date) -> dict:
    """Delete the rows whose table-wide retention ("N days after <column>") has run out.

    Counts per table are returned (and kept in job_runs for the transparency report);
    secure_delete overwrites what is deleted, and a checkpoint folds the WAL back.
    """
    from . import inventory, member_records

    purged, cleared = {}, {}
    with db.atomic():
        for table, rule in inventory.row_retention_rules():
            deleted = db.execute(
                f"delete from [{table}] where [{rule.column}] < ?", [_cutoff(today, rule)]).rowcount
            if deleted:
                purged[table] = deleted
        # Columns emptied before their row: a column that others count from goes last, and
        # confirmed flagged text goes sooner than the rest of its row (its flags stay, so the
        # row can still say that a text was removed and why it had been flagged).
        columns = [(table, column, rule, "", f"{table}.{column}") for table, column, rule in
                   sorted(inventory.column_retention_rules(), key=lambda r: r[1] == r[2].column)]
        columns += [(table, column, rule, f"and [{column}_flags] is not null ",
                     f"{table}.{column} (flagged)")
                    for table, column, rule in inventory.flagged_text_rules()]
        for table, column, rule, condition, label in columns:
            emptied = db.execute(
                f"update [{table}] set [{column}] = null where [{column}] is not null "
                f"{condition}and [{rule.column}] < ?", [_cutoff(today, rule)]).rowcount
            if emptied:
                cleared[label] = emptied
        # Rows of purged members go the way erasure would send them.
        member_records.sweep_orphans(db)
    if purged or cleared:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"purged": purged, "cleared": cleared}


def _cutoff(today: date, rule) -> str:
    """The stored stamp before which a rule of "N days after <column>" has run out."""
    return _start_of(today - timedelta(days=rule.days))


def _start_of(day: date, tz: str = "Europe/Paris") -> str:
    """Midnight of ``day`` in the association's time zone, as a stored UTC stamp."""
    midnight = datetime.combine(day, time.min, ZoneInfo(tz))
    return midnight.astimezone(timezone.utc).isoformat(timespec="seconds")


def deliver_mail(db, today: date) -> dict:
    """Send the messages waiting in the outbox (see mailer.py)."""
    from . import mailer

    return mailer.deliver(db, today)


JOBS: tuple[Job, ...] = (
    Job("housekeeping", housekeeping, "WAL checkpoint and PRAGMA optimize"),
    Job("retention", retention_purge, "delete what is past its declared retention"),
    Job("mail", deliver_mail, "send queued messages to members", every=300),
)


def job(job_id: str) -> Job:
    """The declared job with this id."""
    return next(j for j in JOBS if j.id == job_id)


def period_of(now: datetime, period_seconds: int | None, tz: str) -> str:
    """The period ``now`` falls in: the local day, or a slot of ``period_seconds`` (tests)."""
    if period_seconds is None:
        return now.astimezone(ZoneInfo(tz)).date().isoformat()
    start = int(now.timestamp()) // period_seconds * period_seconds
    return datetime.fromtimestamp(start, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).isoformat(timespec="seconds")


def claim(db, job_id: str, period: str, now: datetime) -> bool:
    """Claim ``(job, period)``; true only for the one caller that may run it."""
    try:
        db.execute(
            "insert into job_runs (job, period, status, attempts, started_at) "
            "values (?, ?, 'running', 1, ?)",
            [job_id, period, _stamp(now)],
        )
        return True
    except sqlite3.IntegrityError:
        # A failed run may be tried again; so may a run whose process died mid-way, left
        # "running" for longer than any job takes.
        retried = db.execute(
            "update job_runs set status = 'running', attempts = attempts + 1, started_at = ?, "
            "finished_at = null where job = ? and period = ? and attempts < ? "
            "and (status = 'failed' or (status = 'running' and started_at < ?))",
            [_stamp(now), job_id, period, MAX_ATTEMPTS, _stamp(now - STALE_AFTER)],
        )
        return retried.rowcount == 1


def run_once(db, job: Job, period: str, today: date, now: datetime) -> str | None:
    """Run ``job`` for ``period`` if this caller wins the claim; return the status, or None."""
    if not claim(db, job.id, period, now):
        return None
    try:
        outcome = job.run(db, today)
        status = "done"
    except Exception as error:  # a failed job is recorded and retried, never fatal
        log.exception("job %s failed for period %s", job.id, period)
        outcome, status = {"error": type(error).__name__}, "failed"
    db.table("job_runs").update(
        (job.id, period),
        {"status": status, "finished_at": _stamp(datetime.now(timezone.utc)),
         "outcome": _json(outcome)},
    )
    log.info("job=%s period=%s status=%s", job.id, period, status)
    return status


def _json(outcome: dict) -> str:
    return json.dumps(outcome, sort_keys=True, default=str)


def recent_runs(db, limit: int = 50) -> list[dict]:
    """The latest job runs, newest first."""
    return list(db.table("job_runs").rows_where(order_by="started_at desc", limit=limit))
