"""Server-side sessions, one mechanism for members and volunteers.

The browser's cookie holds only a random session id; the server keeps its keyed hash in the
kind's table (``member_sessions``, ``volunteer_sessions``: the same columns — ``id_hash``,
the owner's id, ``created_at``, ``last_seen_at``). A session ends after ``idle`` without
use, after ``lifetime`` in all when the kind has one, and when its row is deleted (signing
out, erasure, a password change, an administrator): the next request is then anonymous,
whatever copy of the cookie is shown. ``last_seen_at`` is written at most once a minute.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import session

from . import clock
from .crypto import keyed_hash, new_token
from .db import best_effort

TOUCH_EVERY = timedelta(seconds=60)  # write last_seen_at at most once a minute


@dataclass(frozen=True)
class Kind:
    """Whose sessions: their table, the owner's column and table, the key in the cookie,
    and how long a session lasts idle and (when bounded) in all."""

    table: str
    hash_purpose: str
    owner_column: str
    owner_table: str
    cookie_key: str
    idle: timedelta
    lifetime: timedelta | None = None

    def hash(self, session_id: str) -> str:
        """The keyed hash kept for a session id (never the id itself)."""
        return keyed_hash(self.hash_purpose, session_id)


def start(db, kind: Kind, owner_id: int) -> str:
    """A new session for ``owner_id`` in this browser; return its id hash."""
    session_id = new_token()
    id_hash, now = kind.hash(session_id), clock.stamp()
    db.table(kind.table).insert({"id_hash": id_hash, kind.owner_column: owner_id,
                                 "created_at": now, "last_seen_at": now})
    session[kind.cookie_key] = session_id
    return id_hash


def end(db, kind: Kind) -> None:
    """End this browser's session, on the server too."""
    session_id = session.pop(kind.cookie_key, None)
    if session_id:
        db.execute(f"delete from {kind.table} where id_hash = ?",  # nosec B608: a declared name
                   [kind.hash(session_id)])


def forget(kind: Kind) -> None:
    """The browser forgets its session id (the row, if any, is left to end on its own)."""
    session.pop(kind.cookie_key, None)


def state(kind: Kind, row: dict, now: datetime) -> str:
    """"open", "idle" (``idle`` without use) or "expired" (``lifetime`` after it began)."""
    if kind.lifetime and now - clock.parse(row["session_created_at"]) >= kind.lifetime:
        return "expired"
    if now - clock.parse(row["session_seen_at"]) >= kind.idle:
        return "idle"
    return "open"


def current(db, kind: Kind) -> dict | None:
    """The owner's row of this browser's open session, with ``session_id_hash``,
    ``session_created_at`` and ``session_seen_at``; None when there is none (never opened,
    ended, idle, expired: the row goes and the browser forgets it). Touches the session."""
    session_id = session.get(kind.cookie_key)
    if not session_id:
        return None
    id_hash = kind.hash(session_id)
    rows = list(db.query(  # nosec B608: declared names
        f"select s.id_hash as session_id_hash, s.created_at as session_created_at, "
        f"s.last_seen_at as session_seen_at, o.* from {kind.table} s "
        f"join {kind.owner_table} o on o.id = s.{kind.owner_column} where s.id_hash = ?",
        [id_hash]))
    now = clock.now()
    if not rows or state(kind, rows[0], now) != "open":
        best_effort(db, f"delete from {kind.table} where id_hash = ?",  # nosec B608
                    [id_hash])
        forget(kind)
        return None
    if now - clock.parse(rows[0]["session_seen_at"]) >= TOUCH_EVERY:
        best_effort(db, f"update {kind.table} set last_seen_at = ? where id_hash = ?",  # nosec B608
                    [clock.stamp(now), id_hash])
    return rows[0]


def split(row: dict) -> tuple[dict, str]:
    """``current``'s row as the owner's own row and the session's id hash."""
    owner = {k: v for k, v in row.items() if not k.startswith("session_")}
    return owner, row["session_id_hash"]


def of_owner(db, kind: Kind, owner_id: int) -> list[dict]:
    """An owner's sessions, most recently used first."""
    return list(db.query(  # nosec B608: declared names
        f"select id_hash, created_at, last_seen_at from {kind.table} "
        f"where {kind.owner_column} = ? order by last_seen_at desc", [owner_id]))


def end_all(db, kind: Kind, owner_id: int, keep: str | None = None) -> int:
    """End an owner's sessions everywhere (but ``keep``, an id hash); return how many."""
    return db.execute(  # nosec B608: declared names
        f"delete from {kind.table} where {kind.owner_column} = ? and id_hash != ?",
        [owner_id, keep or ""]).rowcount
