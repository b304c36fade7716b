"""What members lend the core and other pages: what deleting a building or erasing a member
touches here, and the dashboard's notice about the mail queue."""
from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from .mail import waiting


def building_uses(db, building_id: int) -> list:
    """What deleting a building does to members, for its confirmation page."""
    naming = db.table("members").count_where("building_id = ?", [building_id])
    if not naming:
        return []
    return [ngettext("%(num)s member named this building: they keep their key, without a "
                     "building.", "%(num)s members named this building: they keep their key, "
                     "without a building.", naming)]


def notices(db, volunteer) -> list:
    """For administrators: messages that wait for a mail server, or that failed."""
    if not volunteer.is_admin:
        return []
    if not current_app.config.get("SMTP_URL") and current_app.config.get("MAIL") == "console":
        return [_("Messages to members are written to the server's log, not sent "
                  "(AMICALE_MAIL=console, for trying Amicale out).")]
    if not current_app.config.get("SMTP_URL"):
        waiting_now = waiting(db)
        return [ngettext(
            "%(num)s message to members is waiting: no mail server is configured "
            "(AMICALE_SMTP_URL).", "%(num)s messages to members are waiting: no mail server "
            "is configured (AMICALE_SMTP_URL).", waiting_now)] if waiting_now else []
    failing = db.table("outbox").count_where("sent_at is null and attempts > 0")
    return [ngettext("%(num)s message to members could not be sent yet; it will be tried "
                     "again.", "%(num)s messages to members could not be sent yet; they will "
                     "be tried again.", failing)] if failing else []


def member_uses(db, member_id: int) -> list:
    """What erasing a member does to their messages, for the confirmation page."""
    count = waiting(db, member_id)
    if not count:
        return []
    return [ngettext("%(num)s message waiting to be sent to you is cancelled.",
                     "%(num)s messages waiting to be sent to you are cancelled.", count)]
