"""Grievances and collective cases: tenants report problems in two minutes, volunteers of the
building triage them and group them into cases sent to the landlord, the public sees counts.

Other capabilities use it through what this package exports (nothing yet; bench/ does).
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, HomeSection, MemberSection, NavEntry
from ..jobs import Job
from . import case_views, cases, categories, demo, desk, member, views
from .migrations import migrations
# What bench/ drives: a report made or supported, then moved along and noted by a volunteer.
from .reports import report, support  # noqa: F401
from .triage import add_note, change_status, get as get_report  # noqa: F401
from .tables import TABLES

def _init_app(app) -> None:
    """The readable names of kinds, statuses and steps, for templates."""
    app.jinja_env.globals.update(
        category_label=categories.label, status_label=categories.status_label,
        close_reason_label=lambda code: categories.CLOSE_REASONS.get(code, code),
        case_status_label=lambda code: cases.STATUSES.get(code, code),
        case_event_label=lambda code: cases.EVENTS.get(code, code))


CAPABILITY = Capability(
    name="grievances",
    blueprints=(views.bp, desk.bp, case_views.bp),
    tables=TABLES,
    migrations=migrations,
    jobs=(Job("case-deadlines", cases.sweep_deadlines,
              "mark collective cases whose answer is late"),),
    audit_actions={"search": _l("found in a search")},
    object_types={"grievance": _l("report"), "grievance_note": _l("note on a report"),
                  "grievance_photo": _l("photo of a report"), "case": _l("collective case")},
    object_names={"grievance": member.report_names},
    messages={"grievance_status": member.status_changed},
    demo=demo.load,
    nav=(NavEntry("grievances.report", _l("Report a problem"), ("public",)),
         NavEntry("desk.listing", _l("Reports"), ("volunteer",)),
         NavEntry("cases.listing", _l("Collective cases"), ("volunteer",))),
    home_sections=(HomeSection("grievances/_home.html", lambda db: {}, first=True),),
    member_sections=(MemberSection("grievances/_member.html", member.section),),
    building_sections=(MemberSection("grievances/_building.html", member.building_section),),
    notices=cases.notices,
    uses={"member": member.member_uses},
    blocks={"building": member.building_blocks},
    member_keeps=(member.OPEN_ITEMS,),
    init_app=_init_app,
)
