"""What grievances lend the core and other pages: the member space's and a building's sections,
what erasing a member or deleting a building does to them, the message a tenant gets when a
report changes (its kind only: no text of theirs), the dashboard's notices, the home page's
way in, and how the audit log names a report."""
from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from ..forms import ButtonForm
from .. import clock
from . import categories, reports
from .cases import overdue
from .forms import MAX_PHOTOS


def section(db, member: dict) -> dict | None:
    """The member's reports (status, volunteers' notes, photos) and "me too" households."""
    mine, joined = reports.of_member(db, member["id"]), reports.supports_of(db, member["id"])
    return {"reports": mine, "supports": joined, "withdraw_form": ButtonForm(),
            "label": categories.label, "status_label": categories.status_label,
            "open_statuses": categories.OPEN, "most_photos": MAX_PHOTOS}


def member_uses(db, member_id: int) -> list:
    """What erasing a member deletes here, for the confirmation page."""
    count = db.table("grievances").count_where("member_id = ?", [member_id])
    photos = db.table("grievance_photos").count_where("member_id = ?", [member_id])
    lines = []
    if count:
        lines.append(ngettext("Your %(num)s report is deleted, with its notes.",
                              "Your %(num)s reports are deleted, with their notes.", count))
    if photos:
        lines.append(ngettext("%(num)s photo is deleted from the server.",
                              "%(num)s photos are deleted from the server.", photos))
    return lines


def building_blocks(db, building_id: int) -> list:
    """Why a building with reports or cases cannot be deleted."""
    held = db.table("grievances").count_where("building_id = ?", [building_id])
    cases = db.table("cases").count_where("building_id = ?", [building_id])
    if not held and not cases:
        return []
    return [_("This building has %(reports)s report(s) and %(cases)s collective case(s): "
              "they would lose their building. Close and let them expire first.",
              reports=held, cases=cases)]


def status_changed():
    """The message telling a tenant that one of their reports changed."""
    site = current_app.config["BASE_URL"].rstrip("/") + "/membre/"
    paragraphs = (
        _("Hello,"),
        _("One of your reports to the association has changed. Open your space with your "
          "personal key to see where it stands: %(site)s", site=site),
        _("This message holds nothing of what you wrote, on purpose."),
    )
    return _("One of your reports has changed"), "\n\n".join(paragraphs) + "\n"


OPEN_ITEMS = ("exists (select 1 from grievances where grievances.member_id = members.id and "
              f"grievances.status in ({','.join(repr(s) for s in categories.OPEN)}))")


def building_section(db, building: dict) -> dict:
    """The reports and cases part of a building's page in the volunteer area."""
    return {"building": building, "open": db.execute(
        f"select count(*) from grievances where building_id = ? and status in "
        f"({','.join(repr(s) for s in categories.OPEN)})", [building["id"]]).fetchone()[0]}


def report_names(db, ids: list[str]) -> dict:
    """Reports named by their reference (R-XXXX-XXXX) in the audit log and in "who read or
    changed my records": the tenant knows their report by it, not by a row number."""
    places = ",".join("?" * len(ids))
    return {str(row[0]): row[1] for row in db.execute(
        f"select id, reference from grievances where id in ({places})", ids)}  # nosec B608


def notices(db, volunteer) -> list:
    """For the dashboard: new reports and late answers in the volunteer's buildings."""
    if not volunteer.has_role("volunteer"):
        return []
    scope = volunteer.scope(db)
    places = ",".join("?" * len(scope)) or "null"
    waiting = db.execute(f"select count(*) from grievances where status = 'new' and "
                         f"building_id in ({places})", sorted(scope)).fetchone()[0]
    found = [ngettext("%(num)s new report waits to be checked in your buildings.",
                      "%(num)s new reports wait to be checked in your buildings.", waiting)
             ] if waiting else []
    late = overdue(db, clock.today(), scope)
    if late:
        found.append(ngettext(
            "%(num)s collective case waits for an answer past its deadline: %(cases)s.",
            "%(num)s collective cases wait for an answer past their deadline: %(cases)s.",
            len(late), cases=", ".join(f"{c['title']} ({c['building_name']})" for c in late)))
    return found


def home_section(db) -> dict:
    """The home page's way in: report a problem (always drawn, first)."""
    return {}
