"""The member's session: the cookie holds only the random id of a session kept in
``member_sessions``. Closing the space, erasing everything or the purge of the member ends it
on the server, so no copy of the cookie opens anything afterwards."""
from datetime import timedelta

from flask import session

from .. import clock
from ..crypto import keyed_hash, new_token
from ..db import best_effort

SESSION_IDLE = timedelta(minutes=30)
SESSION_KEY = "member_session"
TOUCH_EVERY = timedelta(seconds=60)  # write last_seen_at at most once a minute


def _session_hash(session_id: str) -> str:
    return keyed_hash("member-session", session_id)


def sign_in(db, member_id: int) -> None:
    """Open the member's space in this browser (a volunteer signed in stays so)."""
    sign_out(db)
    session.pop("erased", None)
    session_id = new_token()
    now = clock.stamp()
    db.table("member_sessions").insert({"id_hash": _session_hash(session_id),
                                        "member_id": member_id, "created_at": now,
                                        "last_seen_at": now})
    session[SESSION_KEY] = session_id


def sign_out(db) -> None:
    """Close the space in this browser: its session ends on the server too."""
    session_id = session.pop(SESSION_KEY, None)
    if session_id:
        db.execute("delete from member_sessions where id_hash = ?", [_session_hash(session_id)])


def current(db) -> dict | None:
    """The member signed in on this browser, or None (never opened, closed, idle for 30
    minutes, erased or purged: the browser then forgets the session)."""
    session_id = session.get(SESSION_KEY)
    if not session_id:
        return None
    id_hash = _session_hash(session_id)
    rows = list(db.query(
        "select s.last_seen_at as session_seen_at, m.* from member_sessions s "
        "join members m on m.id = s.member_id where s.id_hash = ?", [id_hash]))
    now = clock.now()
    if not rows or now - clock.parse(rows[0]["session_seen_at"]) >= SESSION_IDLE:
        best_effort(db, "delete from member_sessions where id_hash = ?", [id_hash])
        session.pop(SESSION_KEY, None)
        return None
    member = rows[0]
    if now - clock.parse(member.pop("session_seen_at")) >= TOUCH_EVERY:
        best_effort(db, "update member_sessions set last_seen_at = ? where id_hash = ?",
                    [clock.stamp(now), id_hash])
    return member
