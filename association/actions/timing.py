"""Times of actions: typed as a local date and time in the association's time zone
(Europe/Paris), stored in UTC, shown and published in local time.

On the two nights a year the clocks change, one local hour does not exist (spring) and
another happens twice (autumn). Such a time is refused with a message saying why, rather
than silently moved: an action announced for 02:30 on the morning the clocks go forward
would otherwise start at 03:30 in some calendars and 01:30 in others.
"""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo


from .. import clock
from ..forms import YEARS


class LocalTimeError(ValueError):
    """A local time that does not exist ("gap") or happens twice ("fold") on that day
    (``suggestion`` is a nearby time that exists once), or a day outside the years a form
    accepts ("range", no suggestion: see ``forms.YEARS``)."""

    def __init__(self, problem: str, day: date, typed: time, suggestion: time | None):
        super().__init__(problem)
        self.problem = problem
        self.day = day
        self.typed = typed
        self.suggestion = suggestion


def resolve(day: date, at: time, tz: ZoneInfo | None = None) -> datetime:
    """The moment a local date and time name, as an aware datetime in UTC; raises
    LocalTimeError when that time does not exist or happens twice on that day, or when the
    day is too far for the arithmetic around it (year 1 at midnight in Paris is before the
    first moment a datetime holds in UTC)."""
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise LocalTimeError("range", day, at, None)
    tz = tz or clock.zone()
    naive = datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))
    first, second = naive.replace(tzinfo=tz, fold=0), naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(timezone.utc)
    round_trip = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    if round_trip != naive:  # in the spring gap: zoneinfo would move it silently
        raise LocalTimeError("gap", day, at, round_trip.time())
    later = (naive + (first.utcoffset() - second.utcoffset())).time()
    raise LocalTimeError("fold", day, at, later)


def local(stamp: str, tz: ZoneInfo | None = None) -> datetime:
    """A stored UTC stamp as an aware datetime in the association's time zone."""
    return clock.parse(stamp).astimezone(tz or clock.zone())


def stamp(moment: datetime) -> str:
    """A moment as stored (UTC, ISO 8601, to the second)."""
    return clock.stamp(moment)


def reveal_moment(action: dict) -> datetime | None:
    """When a hidden place is given to those who answered (None: the place is not hidden)."""
    hours = action.get("place_reveal_hours")
    if hours is None:
        return None
    return clock.parse(action["starts_at"]) - timedelta(hours=hours)


def has_started(action: dict, now: datetime | None = None) -> bool:
    """Whether the action's start has passed."""
    return clock.parse(action["starts_at"]) <= (now or clock.now())


def has_ended(action: dict, now: datetime | None = None) -> bool:
    """Whether the action is over."""
    return clock.parse(action["ends_at"]) <= (now or clock.now())
