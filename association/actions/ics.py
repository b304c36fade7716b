"""Calendar files (iCalendar, RFC 5545): one per action and the agenda of public actions.

Times are written in the association's time zone (``DTSTART;TZID=Europe/Paris``) with a
VTIMEZONE describing its changes over the years the file covers, so that an action on the
day the clocks change keeps its local time in every calendar app. UIDs are made once per
action and never change; SEQUENCE grows with each change, and a cancelled action stays in
the files as ``STATUS:CANCELLED`` so that subscribed calendars remove it.

The VTIMEZONE is built here from the tz database rather than by icalendar's
``add_missing_timezones``: icalendar 7.3 writes the spring change at 03:00 local time
(it happens at 02:00), which is what the observances' DTSTART and RDATE must say. icalendar
is imported by the first calendar file a worker writes, not with the app.
"""
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from .. import clock

PRODID = "-//Amicale//Actions//FR"
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
           "br", "hr", "table", "ul", "ol"}


def build(actions: list[dict], zone_name: str, title: str, describe, place_of, link_of,
          kind_of, summary_of) -> bytes:
    """The iCalendar file for ``actions``: ``describe(action)`` gives the description's text,
    ``place_of(action)`` the location to publish (None: none), ``link_of(action)`` the page's
    address, ``kind_of(action)`` the kind's label and ``summary_of(action)`` its title."""
    from icalendar import Calendar

    zone = ZoneInfo(zone_name)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", zone_name)
    if actions:
        first = min(clock.parse(a["starts_at"]) for a in actions).astimezone(zone).date()
        last = max(clock.parse(a["ends_at"]) for a in actions).astimezone(zone).date()
        calendar.add_component(vtimezone(zone_name, first, last))
    for action in actions:
        calendar.add_component(_event(action, zone, summary_of(action), describe(action),
                                      place_of(action), link_of(action), kind_of(action)))
    return calendar.to_ical()


def _event(action: dict, zone: ZoneInfo, summary: str, description: str, place: str | None,
           link: str, kind: str):
    from icalendar import Event

    event = Event()
    event.add("uid", action["uid"])
    event.add("sequence", action["sequence"])
    event.add("dtstamp", clock.parse(action["updated_at"]).astimezone(timezone.utc))
    event.add("created", clock.parse(action["created_at"]).astimezone(timezone.utc))
    event.add("last-modified", clock.parse(action["updated_at"]).astimezone(timezone.utc))
    event.add("dtstart", clock.parse(action["starts_at"]).astimezone(zone))
    event.add("dtend", clock.parse(action["ends_at"]).astimezone(zone))
    event.add("summary", summary)
    event.add("description", description)
    if place:
        event.add("location", place)
    event.add("url", link)
    event.add("categories", [kind])
    event.add("class", "PUBLIC" if action["visibility"] == "public" else "PRIVATE")
    event.add("status", "CANCELLED" if action["status"] == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


@lru_cache(maxsize=32)
def transitions(zone_name: str, first: date, last: date) -> tuple[tuple[datetime, timedelta,
                                                                        timedelta, str, bool]]:
    """The zone's changes of offset between two dates: (UTC instant, offset before, offset
    after, name after, daylight saving after), found day by day then to the second."""
    zone = ZoneInfo(zone_name)
    found = []
    moment = datetime.combine(first, time.min, timezone.utc)
    end = datetime.combine(last + timedelta(days=1), time.min, timezone.utc)
    while moment < end:
        following = moment + timedelta(days=1)
        if moment.astimezone(zone).utcoffset() != following.astimezone(zone).utcoffset():
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            after = high.astimezone(zone)
            found.append((high.replace(microsecond=0), low.astimezone(zone).utcoffset(),
                          after.utcoffset(), after.tzname(), bool(after.dst())))
        moment = following
    return tuple(found)


def vtimezone(zone_name: str, first: date, last: date):
    """A VTIMEZONE for the years from ``first`` to ``last``: each change of offset as an
    observance whose DTSTART (then RDATE) is the local time just before the change, as
    RFC 5545 reads it with TZOFFSETFROM. The year before ``first`` is included, so that the
    rule in force on ``first`` is described too (an icalendar ``Timezone``)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = ZoneInfo(zone_name)
    first, last = date(first.year - 1, 1, 1), date(last.year, 12, 31)
    component = Timezone()
    component.add("tzid", zone_name)
    changes = transitions(zone_name, first, last)
    observances: dict[tuple, list[datetime]] = {}
    for instant, before, after, name, daylight in changes:
        onset = (instant + before).replace(tzinfo=None)
        observances.setdefault((daylight, before, after, name), []).append(onset)
    if not observances:  # a zone without changes in these years
        start = datetime.combine(first, time.min, zone)
        observances[(False, start.utcoffset(), start.utcoffset(), start.tzname())] = \
            [start.replace(tzinfo=None)]
    for (daylight, before, after, name), onsets in observances.items():
        observance = TimezoneDaylight() if daylight else TimezoneStandard()
        observance.add("dtstart", onsets[0])
        if onsets[1:]:
            observance.add("rdate", onsets[1:])
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        observance.add("tzname", name)
        component.add_component(observance)
    return component


class _Text(HTMLParser):
    """The text of sanitised HTML, with line breaks between blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        """A block starts on its own line."""
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        """A block ends its line."""
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        """Text between tags."""
        self.parts.append(data)


def text_of(html: str | None) -> str:
    """Readable text from the stored HTML of a description (for calendar apps)."""
    if not html:
        return ""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text, blank = [], False
    for line in lines:
        if line:
            if blank and text:
                text.append("")
            text.append(line)
            blank = False
        else:
            blank = True
    return "\n".join(text)
