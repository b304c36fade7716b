"""The time, in one place, so tests can move it (session timeouts, throttling windows)."""
from datetime import datetime, timezone

from flask import current_app


def system_now() -> datetime:
    """The real time, in UTC."""
    return datetime.now(timezone.utc)


def now() -> datetime:
    """The application's current time, in UTC (``CLOCK`` in the config, if a test set one)."""
    return current_app.config.get("CLOCK", system_now)()


def stamp(moment: datetime | None = None) -> str:
    """A moment as stored in the database: ISO 8601 in UTC, to the second."""
    return (moment or now()).astimezone(timezone.utc).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    """A stored moment back as an aware datetime."""
    return datetime.fromisoformat(text)
