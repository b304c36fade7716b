"""Legal deadline arithmetic for GDPR access requests (Art. 12(3)).

The "one month" of the GDPR is counted as Regulation (EEC, Euratom) No 1182/71 art. 3 says,
as the EDPB's guidelines 01/2022 on the right of access ask. Working days exclude Saturdays,
Sundays and the public holidays of metropolitan France, counted here (eleven days, three of
them set by Easter) rather than by the ``holidays`` package, which loads every country's
calendar to give one (15 MB in each worker).

A controller in Alsace-Moselle or overseas has more holidays (Good Friday, 26 December, the
abolition of slavery...): Regulation 1182/71 art. 2 takes the holidays of the place where
action is to be taken, and counting the controller's own never calls it late too early. They
are named by ``holidays.France``'s subdivision codes ("57", "6AE", "971"...), which
``subdivision`` finds from a département's number.
"""
import calendar
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

SATURDAY = 5
# New Year, 1 May, 8 May, 14 July, Assumption, All Saints, Armistice, Christmas.
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
GOOD_FRIDAY = -2  # days from Easter Sunday
MI_CAREME = -24
# The holidays a subdivision adds to the eleven: fixed (month, day) and days from Easter
# (Code du travail L3134-13 for Alsace-Moselle; loi 83-550 and décret 83-1003 overseas).
LOCAL_HOLIDAYS = {
    "57": (((12, 26),), (GOOD_FRIDAY,)),
    "6AE": (((12, 26),), (GOOD_FRIDAY,)),
    "971": (((5, 27), (7, 21)), (GOOD_FRIDAY, MI_CAREME)),
    "972": (((5, 22), (7, 21)), (GOOD_FRIDAY,)),
    "973": (((6, 10),), ()),
    "974": (((12, 20),), ()),
    "976": (((4, 27),), ()),
    "PM": ((), ()),
    "TF": ((), ()),
}
# A département's number -> its subdivision code (metropolitan départements have none).
DEPARTEMENTS = {"57": "57", "67": "6AE", "68": "6AE", "971": "971", "972": "972",
                "973": "973", "974": "974", "975": "PM", "976": "976", "984": "TF"}
SUBDIVISIONS = tuple(LOCAL_HOLIDAYS)


def subdivision(departement: str | None) -> str | None:
    """The holiday subdivision of a département's number ("67" -> "6AE"); None for a
    metropolitan one, and for anything else (it counts the metropolitan holidays)."""
    return DEPARTEMENTS.get((departement or "").strip().upper())


@lru_cache(maxsize=None)
def french_holidays(year: int, subdiv: str | None = None) -> frozenset[date]:
    """The public holidays of metropolitan France in `year` (since 1982; Code du travail,
    art. L3133-1): eight fixed days, Easter Monday, Ascension and Whit Monday, which was a
    working day from 2005 to 2007 (the "journée de solidarité"); with `subdiv` (one of
    ``SUBDIVISIONS``), the local ones too."""
    if subdiv is not None and subdiv not in LOCAL_HOLIDAYS:
        raise ValueError(f"unknown holiday subdivision {subdiv!r}: expected one of "
                         f"{', '.join(SUBDIVISIONS)}")
    sunday = easter(year)
    days = {date(year, month, day) for month, day in FIXED_HOLIDAYS}
    days |= {sunday + timedelta(days=1), sunday + timedelta(days=39)}
    if year not in (2005, 2006, 2007):
        days.add(sunday + timedelta(days=50))
    if subdiv:
        fixed, from_easter = LOCAL_HOLIDAYS[subdiv]
        days |= {date(year, month, day) for month, day in fixed}
        days |= {sunday + timedelta(days=offset) for offset in from_easter}
    # Frozen so that a caller cannot alter the cached set for everybody else.
    return frozenset(days)


def is_working_day(day: date, subdiv: str | None = None) -> bool:
    """Whether `day` is neither a weekend day nor a French public holiday (of `subdiv`)."""
    return day.weekday() < SATURDAY and day not in french_holidays(day.year, subdiv)


def next_working_day(day: date, subdiv: str | None = None) -> date:
    """The first working day strictly after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day, subdiv):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, n: int) -> date:
    """The `n`th working day after `day`, e.g. when a posted letter is deemed received."""
    if n < 0:
        raise ValueError(f"a number of working days must be 0 or more, not {n}")
    for _ in range(n):
        day = next_working_day(day)
    return day


def due_date(received: date, months: int = 1, subdiv: str | None = None,
             paused_days: int = 0) -> date:
    """The last day to answer a request received on `received` (months=3 once extended),
    with the holidays of the controller's subdivision `subdiv` ("57", "6AE", "971"...) and
    the period run on by `paused_days` (while a justified request for identification was
    pending: see requests/trackers.py)."""
    if months < 1:
        raise ValueError(f"a period must be at least one month, not {months}")
    if paused_days < 0:
        raise ValueError(f"a pause must be 0 days or more, not {paused_days}")
    end = _same_day_months_later(received, months) + timedelta(days=paused_days)
    # Art. 3(4): a period ending on a non-working day runs to the next working day.
    return end if is_working_day(end, subdiv) else next_working_day(end, subdiv)


def _same_day_months_later(day: date, months: int) -> date:
    """The day with the same number `months` later, or that month's last day (art. 3(2)(c))."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
