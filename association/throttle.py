"""Throttling that holds across worker processes: attempts are counted in SQLite.

An attempt is counted *before* what it tries is checked, in the same write transaction as the
check of the limit, so that concurrent requests cannot slip past it; an attempt that succeeds
is taken back. That is the one way to count (``count_attempt``, then ``succeeded`` or
``forget`` on success): a check followed by a separate write would let concurrent attempts
slip past the limit. Subjects (a login name, a network address, a browser) are stored only as keyed
hashes, and only for the window: older rows are deleted whenever the same scope is checked.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from . import clock
from .crypto import keyed_hash

WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Limit:
    """At most ``allowed`` attempts per subject within ``window`` (15 minutes unless told)
    for one scope."""

    scope: str
    allowed: int
    window: timedelta = WINDOW


LOGIN_ACCOUNT = Limit("login-account", 5)
LOGIN_ADDRESS = Limit("login-address", 20)
# A browser that signed in to the account before has its own counter (see auth.known_device).
LOGIN_DEVICE = Limit("login-device", 5)


class Throttled(Exception):
    """Too many attempts: ``retry_at`` says when the subject may try again."""

    def __init__(self, retry_at: datetime):
        super().__init__(retry_at.isoformat())
        self.retry_at = retry_at


def response(template: str, retry_at: datetime, **context):
    """The 429 page: the template drawn with ``context``, and Retry-After in seconds."""
    from flask import render_template

    retry = max(int((retry_at - clock.now()).total_seconds()), 1)
    return render_template(template, **context), 429, {"Retry-After": str(retry)}


def _subject(limit: Limit, value: str) -> str:
    return keyed_hash(f"throttle:{limit.scope}", value.strip().lower())


def blocked_until(db, limit: Limit, value: str, now: datetime | None = None) -> datetime | None:
    """When the subject may try again, if it has used up its attempts; else None (for a
    question such as "did this attempt use up the last one?": counting is ``count_attempt``)."""
    now = now or clock.now()
    start = clock.stamp(now - limit.window)
    db.execute("delete from throttle_events where scope = ? and at < ?", [limit.scope, start])
    where = ("from throttle_events where scope = ? and subject_hash = ? and at >= ?",
             [limit.scope, _subject(limit, value), start])
    count = db.execute(f"select count(*) {where[0]}", where[1]).fetchone()[0]
    if count < limit.allowed:
        return None
    # Free again once enough of the failures have left the window.
    oldest_counted = db.execute(f"select at {where[0]} order by at limit 1 offset ?",
                                where[1] + [count - limit.allowed]).fetchone()[0]
    return clock.parse(oldest_counted) + limit.window


def _record(db, limit: Limit, value: str, now: datetime | None = None) -> int:
    """Count one attempt for the subject; return the id of its record."""
    return db.execute(
        "insert into throttle_events (scope, subject_hash, at) values (?, ?, ?)",
        [limit.scope, _subject(limit, value), clock.stamp(now)],
    ).lastrowid


def count_attempt(db, subjects, now: datetime | None = None) -> list[int]:
    """Count one attempt against each ``(limit, value)`` before it is checked; raise
    Throttled (counting nothing) when one of them is used up. Return the records' ids, for
    ``succeeded``."""
    with db.atomic():
        waits = [blocked_until(db, limit, value, now) for limit, value in subjects]
        if any(waits):
            raise Throttled(max(wait for wait in waits if wait))
        return [_record(db, limit, value, now) for limit, value in subjects]


def succeeded(db, attempt_ids: list[int]) -> None:
    """An attempt that succeeded is not a failure: take its records back."""
    db.execute(f"delete from throttle_events where id in ({','.join('?' * len(attempt_ids))})",
               attempt_ids)


def forget(db, limit: Limit, value: str) -> None:
    """Clear the subject's failures (after a success)."""
    db.execute("delete from throttle_events where scope = ? and subject_hash = ?",
               [limit.scope, _subject(limit, value)])
