"""What the charges check lends the core: notices on the volunteers' dashboard (a window
closing soon), the box a communiqué embeds (``[[charges:<building_id>/<year>]]``) and the
windows as calendar events."""
from datetime import datetime, timedelta, timezone

from flask import render_template
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .. import clock
from ..dates import in_words
from . import statements, windows


def notices(db, volunteer) -> list:
    """The statements of the volunteer's buildings whose window closes soon."""
    if not volunteer.has_role("volunteer"):
        return []
    found = []
    for statement, kind, last in windows.closing(statements.of_scope(db, volunteer.scope(db)),
                                                 clock.today()):
        if kind == "consult":
            found.append(_l("Charges %(year)s of %(building)s: the supporting documents can "
                            "be consulted until %(date)s.", year=statement["year"],
                            building=statement["building_name"], date=in_words(last)))
        else:
            found.append(_l("Charges %(year)s of %(building)s: what was overcharged can be "
                            "claimed back until %(date)s.", year=statement["year"],
                            building=statement["building_name"], date=in_words(last)))
    return found


def embed(db, argument: str) -> Markup | None:
    """The box of a published check, ``<building_id>/<year>``; None when there is none."""
    building, _slash, year = argument.partition("/")
    if not (building.isdigit() and year.isdigit()) or len(building) > 18 or len(year) > 4:
        return None
    statement = statements.of_building_year(db, int(building), int(year))
    if statement is None or not statement["published_at"]:
        return None
    from .check import totals

    checked = statements.checked(db, statement)
    return Markup(render_template("charges/_embed.html", statement=statement,
                                  totals=totals(statement, checked)))


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    encoded, parts = line.encode("utf-8"), []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while cut and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(encoded[:cut].decode("utf-8"))
        encoded = encoded[cut:]
    parts.append(encoded.decode("utf-8"))
    return "\r\n ".join(parts)


def calendar(rows: list[dict], now: datetime) -> str:
    """The windows of these statements as an iCalendar file (RFC 5545): for each, an all-day
    event on the last day to consult the documents and one on the last day to claim back,
    each with a reminder a week before."""
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Amicale//Charges//FR",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for statement in rows:
        for kind, last, summary in (
                ("consult", windows.consult_until(statement),
                 _l("Charges %(year)s, %(building)s: last day to consult the documents",
                    year=statement["year"], building=statement["building_name"])),
                ("claim", windows.claim_until(statement),
                 _l("Charges %(year)s, %(building)s: last day to claim back",
                    year=statement["year"], building=statement["building_name"]))):
            lines += ["BEGIN:VEVENT", f"UID:amicale-charges-{statement['id']}-{kind}",
                      f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{last:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",
                      f"SUMMARY:{_escape(str(summary))}", "TRANSP:TRANSPARENT",
                      "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(str(summary))}",
                      "TRIGGER:-P7D", "END:VALARM", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"

