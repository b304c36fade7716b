"""Scheduled jobs: plain functions of ``(db, today)``, declared in one list with stable ids.

Each run first claims ``(job, period)`` in ``job_runs``, whose primary key is that pair, so a
job runs exactly once per period however many processes try. A failed run may be claimed
again, a few times, within the same period.
"""
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo


log = logging.getLogger("amicale.jobs")

MAX_ATTEMPTS = 3
STALE_AFTER = timedelta(hours=1)  # a run still "running" after this died with its process
# A job that repeats during the day (mail, every 5 minutes: about 105,000 runs a year) keeps
# its successful runs this long, and its latest one always; failed runs stay for the table's
# declared retention, so that a volunteer can see failures (see prune_runs).
REPEATED_RUNS_KEPT = timedelta(days=2)


@dataclass(frozen=True)
class Job:
    """A scheduled job: a stable id and a function of ``(db, today)`` returning counts."""

    id: str
    run: Callable[..., dict]
    summary: str
    every: int | None = None  # seconds between runs; None: once a day


def housekeeping(db, today: date) -> dict:
    """Prune the runs of repeated jobs, refresh the query planner's data and fold the
    write-ahead log back into the database."""
    from . import clock

    repeated = [job.id for job in all_jobs() if job.every is not None]
    with db.atomic():
        pruned = prune_runs(db, clock.now(), repeated)
    # Before the checkpoint, so that what it writes is folded back too; in a transaction taken
    # at once, since it reads before it writes: upgrading its read to a write after a worker
    # committed fails at once with "database is locked", without waiting.
    with db.atomic():
        db.execute("PRAGMA optimize")
    busy, wal_pages, moved = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return {"runs_pruned": pruned, "wal_pages": wal_pages, "checkpointed": moved, "busy": busy}


def prune_runs(db, now: datetime, repeated: list[str]) -> int:
    """Delete the successful runs of the repeated jobs started more than
    ``REPEATED_RUNS_KEPT`` ago, each job's latest run excepted; the number deleted.

    What a volunteer needs stays: every failed run (for the table's retention), and when each
    job last succeeded."""
    deleted = 0
    for job_id in repeated:
        deleted += db.execute(
            "delete from job_runs where job = ? and status = 'done' and started_at < ? "
            "and started_at < (select max(started_at) from job_runs where job = ? "
            "and status = 'done')",
            [job_id, _stamp(now - REPEATED_RUNS_KEPT), job_id]).rowcount
    return deleted


def retention_purge(db, today: date) -> dict:
    """Delete what is past its declared retention (see retention.py). After days without a
    purge (a server stopped for months, a restored backup), it catches up a week at a time,
    from its last successful run to ``today``, each week in its own transaction: a tenant's
    write waits on one week's purge, never on months of it (the outcome adds them up)."""
    from . import retention

    outcome = {}
    for day in catch_up_days(last_success(db, "retention"), today):
        outcome = _added(outcome, retention.purge(db, day))
    return outcome


CATCH_UP_STEP = timedelta(days=7)
CATCH_UP_MOST = 104  # steps: two years; what is older goes with the first step


def catch_up_days(last: date | None, today: date) -> list[date]:
    """The days a daily job last done on ``last`` runs for to reach ``today``: a week after
    ``last``, then each week, then ``today`` (``today`` alone when it ran lately)."""
    days = []
    if last is not None:
        day = max(last + CATCH_UP_STEP, today - CATCH_UP_STEP * CATCH_UP_MOST)
        while day < today:
            days.append(day)
            day += CATCH_UP_STEP
    return days + [today]


def last_success(db, job_id: str) -> date | None:
    """The period of a daily job's latest successful run, as a date (None if it never
    succeeded)."""
    found = db.execute("select max(period) from job_runs where job = ? and status = 'done'",
                       [job_id]).fetchone()[0]
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _added(total: dict, more: dict) -> dict:
    """Counts of two outcomes added up, nested dictionaries included."""
    merged = dict(total)
    for key, value in more.items():
        merged[key] = (_added(merged.get(key, {}), value) if isinstance(value, dict)
                       else merged.get(key, 0) + value)
    return merged


def daily_backup(db, today: date) -> dict:
    """Back up the database and rotate the backups (see backup.py)."""
    from . import backup

    return backup.daily(db, today)


# The core's jobs; each capability declares its own (``Capability.jobs``).
JOBS: tuple[Job, ...] = (
    Job("housekeeping", housekeeping, "prune repeated jobs' runs, PRAGMA optimize, WAL checkpoint"),
    Job("retention", retention_purge, "delete what is past its declared retention"),
    Job("backup", daily_backup, "back up the database, keep 7 daily and 4 weekly copies"),
)


def all_jobs(app=None) -> tuple[Job, ...]:
    """Every scheduled job: the core's, then each installed capability's."""
    from .capability import collect

    return JOBS + tuple(collect("jobs", app))


def job(job_id: str, app=None) -> Job:
    """The declared job with this id."""
    return next(j for j in all_jobs(app) if j.id == job_id)


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


def failed_since(db, moment: datetime) -> list[str]:
    """The ids of jobs with a failed run started after ``moment``."""
    return [row["job"] for row in db.query(
        "select job from job_runs where status = 'failed' and started_at >= ? "
        "group by job order by job", [_stamp(moment)])]
