"""The member's session: the cookie holds only the random id of a session kept in
``member_sessions``. Closing the space, erasing everything or the purge of the member ends it
on the server, so no copy of the cookie opens anything afterwards."""
from datetime import timedelta

from flask import session

from .. import sessions

SESSION_IDLE = timedelta(minutes=30)
SESSIONS = sessions.Kind(table="member_sessions", hash_purpose="member-session",
                         owner_column="member_id", owner_table="members",
                         cookie_key="member_session", idle=SESSION_IDLE)


def sign_in(db, member_id: int) -> None:
    """Open the member's space in this browser (a volunteer signed in stays so)."""
    sign_out(db)
    session.pop("erased", None)
    sessions.start(db, SESSIONS, member_id)


def sign_out(db) -> None:
    """Close the space in this browser: its session ends on the server too."""
    sessions.end(db, SESSIONS)


def current(db) -> dict | None:
    """The member signed in on this browser, or None (never opened, closed, idle for 30
    minutes, erased or purged: the browser then forgets the session)."""
    found = sessions.current(db, SESSIONS)
    return sessions.split(found)[0] if found else None
