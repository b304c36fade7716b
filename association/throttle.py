"""Throttling that holds across worker processes: failures are counted in SQLite.

Subjects (a login name, a network address) are stored only as keyed hashes, and only for
the window: older rows are deleted whenever the same scope is checked.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from . import clock
from .crypto import keyed_hash

WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Limit:
    """At most ``allowed`` failures per subject within ``WINDOW`` for one scope."""

    scope: str
    allowed: int


LOGIN_ACCOUNT = Limit("login-account", 5)
LOGIN_ADDRESS = Limit("login-address", 20)


def _subject(limit: Limit, value: str) -> str:
    return keyed_hash(f"throttle:{limit.scope}", value.strip().lower())


def blocked_until(db, limit: Limit, value: str, now: datetime | None = None) -> datetime | None:
    """When the subject may try again, if it has used up its failures; else None."""
    now = now or clock.now()
    start = clock.stamp(now - WINDOW)
    db.execute("delete from throttle_events where scope = ? and at < ?", [limit.scope, start])
    rows = db.execute(
        "select at from throttle_events where scope = ? and subject_hash = ? and at >= ? "
        "order by at", [limit.scope, _subject(limit, value), start],
    ).fetchall()
    if len(rows) < limit.allowed:
        return None
    # Free again once enough of the failures have left the window.
    return clock.parse(rows[len(rows) - limit.allowed][0]) + WINDOW


def record_failure(db, limit: Limit, value: str, now: datetime | None = None) -> None:
    """Count one failure for the subject."""
    db.execute(
        "insert into throttle_events (scope, subject_hash, at) values (?, ?, ?)",
        [limit.scope, _subject(limit, value), clock.stamp(now)],
    )


def forget(db, limit: Limit, value: str) -> None:
    """Clear the subject's failures (after a success)."""
    db.execute("delete from throttle_events where scope = ? and subject_hash = ?",
               [limit.scope, _subject(limit, value)])
