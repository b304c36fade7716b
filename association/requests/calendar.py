"""The deadline of a request as an iCalendar file (RFC 5545), for the member's calendar."""
from datetime import date, datetime, timedelta, timezone


def _escape(text: str) -> str:
    """A TEXT value with its backslashes, semicolons, commas and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded, parts = line.encode("utf-8"), []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while cut and (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode("utf-8"))
        encoded = encoded[cut:]
    parts.append(encoded.decode("utf-8"))
    return "\r\n ".join(parts)


def deadline_event(uid: str, deadline: date, summary: str, description: str,
                   now: datetime) -> str:
    """A calendar holding one all-day event on ``deadline``, with a reminder the day before."""
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Amicale//Demandes d'acces//FR",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{uid}",
        f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}",
        f"DTEND;VALUE=DATE:{deadline + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}", "TRIGGER:-P1D", "END:VALARM", "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
