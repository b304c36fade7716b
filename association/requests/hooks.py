"""What access requests lend the core and other pages: the member space's section and the
messages to members, what erasing a member or deleting a landlord touches, the dashboard's
notices, a campaign's box inside a communiqué, the home page's open campaigns and the
transparency report's lines."""
import sqlite3

from flask import current_app, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from markupsafe import Markup

from .. import clock
from . import campaigns, results, trackers
from .labels import labels


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
        _("The deadline of your access request has passed without a complete answer (and the "
          "fifteen days of your follow-up, if you sent one). The complaint pack for the CNIL "
          "is ready in your personal space: the text to paste into the CNIL's form and the "
          "list of documents to attach. A follow-up letter first is recommended, not "
          "required: %(url)s", url=_space_url()),
    )
    return _("Your complaint to the CNIL is ready"), "\n\n".join(paragraphs) + "\n"


MESSAGES = {"request_overdue": _overdue, "request_complaint_ready": _complaint_ready}


def notices(db, volunteer) -> list:
    """For each open campaign with late requests: how many are late (published counts)."""
    found = []
    for campaign in campaigns.listed(db, clock.today()):
        if campaign["status"] != "open":
            continue
        counts = results.counters(db, campaign["id"])
        late = counts.get("state:overdue", 0) + counts.get("state:complaint_ready", 0)
        if late:
            found.append(_l("%(title)s: %(n)s request(s) past the deadline without an answer.",
                            title=campaign["title"], n=late))
    return found


def campaign_box(db, slug: str) -> Markup | None:
    """The box for the campaign ``slug``, or None when there is no such campaign."""
    campaign = campaigns.by_slug(db, slug)
    if campaign is None:
        return None
    return Markup(render_template("requests/_embed.html", campaign=campaign,
                                  results=results.results(db, campaign["id"]), labels=labels()))


def landlord_uses(db, landlord_id: int) -> list:
    """What deleting a landlord does to campaigns, for its confirmation page."""
    from flask_babel import ngettext

    naming = db.table("campaigns").count_where("landlord_id = ?", [landlord_id])
    if not naming:
        return []
    return [ngettext("%(num)s access request campaign used this landlord's details: it keeps "
                     "its own copy.", "%(num)s access request campaigns used this landlord's "
                     "details: they keep their own copy.", naming)]


def transparency(db, months):
    """The transparency report's lines: requests sent and answers received, per month."""
    counted = results.monthly(db, months)
    return [(_l("Access requests sent"), counted["sent"]),
            (_l("Answers to access requests"), counted["answered"])]


def home_section(db) -> dict | None:
    """The campaigns open today, for the home page (nothing drawn when there is none, or
    before the schema is there: the home page answers even on a database not migrated yet)."""
    try:
        found = [c for c in campaigns.listed(db, clock.today()) if c["status"] == "open"]
    except sqlite3.OperationalError:
        return None
    return {"campaigns": found} if found else None
