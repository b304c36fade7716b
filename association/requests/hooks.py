"""What a member sees of their requests: the section of their space, and the messages."""

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from .. import clock
from . import trackers


def section(db, member: dict) -> dict | None:
    """The member's trackers for their space (nothing drawn when they follow none)."""
    found = trackers.of_member(db, member["id"])
    if not found:
        return None
    return {"trackers": found, "today": clock.today().isoformat()}


def member_uses(db, member_id: int) -> list:
    """What erasing a member does to their trackers, for the confirmation page."""
    count = db.table("trackers").count_where("member_id = ?", [member_id])
    if not count:
        return []
    return [ngettext("Your access request tracker is deleted; the campaign's public results "
                     "keep it as a number only.",
                     "Your %(num)s access request trackers are deleted; the campaigns' public "
                     "results keep them as numbers only.", count)]


def _space_url() -> str:
    """The member space's address under the site's public address (messages are written
    by the mail job, outside any request)."""
    return current_app.config["BASE_URL"].rstrip("/") + "/membre/"


def _overdue():
    paragraphs = (
        _("Hello,"),
        _("The landlord has not answered your access request within the legal deadline."),
        _("Open your personal space to see the deadline, print the follow-up letter and, "
          "if it stays unanswered, prepare a complaint to the CNIL: %(url)s",
          url=_space_url()),
    )
    return _("Your access request is overdue"), "\n\n".join(paragraphs) + "\n"


def _complaint_ready():
    paragraphs = (
        _("Hello,"),
        _("Two weeks have passed since the deadline of your access request. The complaint "
          "pack for the CNIL is ready in your personal space: the text to paste into the "
          "CNIL's form and the list of documents to attach: %(url)s",
          url=_space_url()),
    )
    return _("Your complaint to the CNIL is ready"), "\n\n".join(paragraphs) + "\n"


MESSAGES = {"request_overdue": _overdue, "request_complaint_ready": _complaint_ready}
