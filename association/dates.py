"""Dates in words, for both languages: the one ``in_words`` filter that pages, letters and
messages use.

French as French readers write it — "1er décembre 2026", "7 janvier 2027 à 18 h 30",
"novembre 2025" — and English in British order on the 24-hour clock — "1 December 2026",
"7 January 2027 at 18:30". Never an ISO date nor an offset ("+01:00") in running text:
a stored moment is shown in the association's time zone (``clock.zone()``). Babel names
the months and days; the two French rules Babel lacks (the first of the month is "1er",
the hour is written "18 h 30") are in ``_day_pattern`` and ``_time``.
"""
import re
from contextlib import nullcontext
from datetime import date, datetime, time
from functools import lru_cache

from babel.dates import format_date
from flask import has_request_context
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from . import clock

FORMS = ("moment", "day", "weekday", "month", "time")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NBSP = "\u00a0"  # "18 h 30" and "1er décembre" never broken across two lines


def _page_language() -> str:
    """The page's language (French outside a request)."""
    return getattr(get_locale(), "language", "fr") if has_request_context() else "fr"


def _language(language: str | None) -> str:
    """The language asked for, else the page's."""
    return language or _page_language()


def _in(language: str):
    """The connecting words ("à", "de … à") in ``language``: the page's catalogue as it is
    when that is the page's language (most calls: no catalogue switched per date)."""
    return nullcontext() if language == _page_language() else force_locale(language)


def _day_pattern(day: date, language: str, weekday: bool) -> str:
    """Babel's pattern for a day: "d MMMM y" in both languages, "1er" in French."""
    first = "d'er'" if language == "fr" and day.day == 1 else "d"
    return ("EEEE " if weekday else "") + f"{first} MMMM y"


@lru_cache(maxsize=4096)
def _day(day: date, language: str, weekday: bool) -> str:
    """A day in words, kept: pages show the same few days on every request."""
    return format_date(day, _day_pattern(day, language, weekday), locale=language)


def _time(moment: datetime | time, language: str) -> str:
    """Hours and minutes: "18 h 30", "9 h", "9 h 05" in French; "18:30" in English."""
    if language == "fr":
        minutes = f"{NBSP}{moment.minute:02d}" if moment.minute else ""
        return f"{moment.hour}{NBSP}h{minutes}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _value(value):
    """A stored value as a date, a month (year, month) or an aware moment in the
    association's time zone."""
    if isinstance(value, str):
        if _MONTH.match(value):
            year, month = (int(part) for part in value.split("-"))
            if not 1 <= month <= 12:
                raise ValueError(value)
            return year, month
        if _DAY.match(value):
            return date.fromisoformat(value)
        value = clock.parse(value)
    if isinstance(value, datetime):
        return clock.local(value) if value.tzinfo else value
    return value


def in_words(value, form: str | None = None, language: str | None = None) -> str:
    """A date, a moment or a month in words in ``language`` (the page's by default).

    ``value`` is a stored stamp, an ISO date, a "2026-11" month, a date, a datetime or a
    time; ``form`` is one of ``FORMS`` and defaults to what the value holds (a moment for
    a stamp, a day for a date, a month for a month). Empty values give ""; a text that
    is no date ("2026-02-30", typed in a free field) is given back as it is."""
    if value in (None, ""):
        return ""
    language = _language(language)
    try:
        value = _value(value)
    except ValueError:
        return str(value)
    if isinstance(value, tuple):
        return _month(*value, language)
    if isinstance(value, time):
        return _time(value, language)
    form = form or ("moment" if isinstance(value, datetime) else "day")
    day = value.date() if isinstance(value, datetime) else value
    if form == "month":
        return _month(day.year, day.month, language)
    if form == "time":
        return _time(value, language)
    if form in ("day", "weekday"):
        return _day(day, language, form == "weekday")
    with _in(language):
        return _("%(day)s at %(time)s", day=_day(day, language, False), time=_time(value, language))


@lru_cache(maxsize=512)
def _month(year: int, month: int, language: str) -> str:
    return format_date(date(year, month, 1), "LLLL y", locale=language)


def span_in_words(start: datetime, end: datetime, language: str | None = None) -> str:
    """When something takes place, in words: one day with two times ("samedi 14 mars 2026,
    de 14 h à 16 h"), or two moments ("du … à 14 h au … à 16 h")."""
    language = _language(language)
    start, end = _value(start), _value(end)
    with _in(language):
        if start.date() == end.date():
            return _("%(day)s, %(start)s–%(end)s", day=_day(start.date(), language, True),
                     start=_time(start, language), end=_time(end, language))
        return _("from %(start)s to %(end)s",
                 start=_("%(day)s at %(time)s", day=_day(start.date(), language, True),
                         time=_time(start, language)),
                 end=_("%(day)s at %(time)s", day=_day(end.date(), language, True),
                       time=_time(end, language)))
