"""Legal deadline arithmetic for GDPR access requests (Art. 12(3)).

The "one month" of the GDPR is counted as Regulation (EEC, Euratom) No 1182/71 art. 3 says,
as the EDPB's guidelines 01/2022 on the right of access ask. Working days exclude Saturdays,
Sundays and the public holidays of metropolitan France, counted here (eleven days, three of
them set by Easter) rather than by the ``holidays`` package, which loads every country's
calendar to give one (15 MB in each worker).
"""
import calendar
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

SATURDAY = 5
# New Year, 1 May, 8 May, 14 July, Assumption, All Saints, Armistice, Christmas.
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))


@lru_cache(maxsize=None)
def french_holidays(year: int) -> frozenset[date]:
    """The public holidays of metropolitan France in `year` (since 1982; Code du travail,
    art. L3133-1): eight fixed days, Easter Monday, Ascension and Whit Monday, which was a
    working day from 2005 to 2007 (the "journée de solidarité")."""
    sunday = easter(year)
    days = {date(year, month, day) for month, day in FIXED_HOLIDAYS}
    days |= {sunday + timedelta(days=1), sunday + timedelta(days=39)}
    if year not in (2005, 2006, 2007):
        days.add(sunday + timedelta(days=50))
    # Frozen so that a caller cannot alter the cached set for everybody else.
    return frozenset(days)


def is_working_day(day: date) -> bool:
    """Whether `day` is neither a weekend day nor a French public holiday."""
    return day.weekday() < SATURDAY and day not in french_holidays(day.year)


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, n: int) -> date:
    """The `n`th working day after `day`, e.g. when a posted letter is deemed received."""
    if n < 0:
        raise ValueError(f"a number of working days must be 0 or more, not {n}")
    for _ in range(n):
        day = next_working_day(day)
    return day


def due_date(received: date, months: int = 1) -> date:
    """The last day to answer a request received on `received` (months=3 once extended)."""
    if months < 1:
        raise ValueError(f"a period must be at least one month, not {months}")
    end = _same_day_months_later(received, months)
    # Art. 3(4): a period ending on a non-working day runs to the next working day.
    return end if is_working_day(end) else next_working_day(end)


def _same_day_months_later(day: date, months: int) -> date:
    """The day with the same number `months` later, or that month's last day (art. 3(2)(c))."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
