"""The time, in one place, so tests can move it (session timeouts, throttling windows)."""
from datetime import date, datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from flask import current_app


def system_now() -> datetime:
    """The real time, in UTC."""
    return datetime.now(timezone.utc)


def now() -> datetime:
    """The application's current time, in UTC (``CLOCK`` in the config, if a test set one)."""
    return current_app.config.get("CLOCK", system_now)()


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone() -> ZoneInfo:
    """The association's time zone (``TIMEZONE`` in the config)."""
    return _zone(current_app.config["TIMEZONE"])


def local(moment: datetime | None = None) -> datetime:
    """A moment (now by default) in the association's time zone."""
    return (moment or now()).astimezone(zone())


def today() -> date:
    """The association's current day: today in its time zone, by the clock a test may move."""
    return local().date()


def stamp(moment: datetime | None = None) -> str:
    """A moment as stored in the database: ISO 8601 in UTC, to the second."""
    return (moment or now()).astimezone(timezone.utc).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    """A stored moment back as an aware datetime."""
    return datetime.fromisoformat(text)
