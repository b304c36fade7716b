"""What the interface calls grievances' things in templates: kinds, statuses, reasons for
closing, a case's statuses and steps (the labels themselves live beside their rules, in
categories.py and cases.py); its navigation entries and what the audit log calls its doings."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry
from . import cases, categories

NAV = (NavEntry("grievances.report", _l("Report a problem"), ("public",)),
       NavEntry("desk.listing", _l("Reports"), ("volunteer",)),
       NavEntry("cases.listing", _l("Collective cases"), ("volunteer",)))
AUDIT_ACTIONS = {"search": _l("found in a search")}
OBJECT_TYPES = {"grievance": _l("report"), "grievance_note": _l("note on a report"),
                "grievance_photo": _l("photo of a report"), "case": _l("collective case")}


def init_app(app) -> None:
    """The readable names of kinds, statuses and steps, for templates."""
    app.jinja_env.globals.update(
        category_label=categories.label, status_label=categories.status_label,
        close_reason_label=lambda code: categories.CLOSE_REASONS.get(code, code),
        case_status_label=lambda code: cases.STATUSES.get(code, code),
        case_event_label=lambda code: cases.EVENTS.get(code, code))
