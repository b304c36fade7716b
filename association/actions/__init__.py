"""Collective actions: an agenda people can subscribe to, answers "I'll come" without names,
places kept for participants, volunteers' checklists and reminders.

Other capabilities use it through what this package exports: ``communique_draft`` gives
what a communiqué about a past action starts from.
"""
from ..capability import Audit, Capability, HomeSection, Lends, MemberSection, MemberSpace, Pages, Schema
from ..jobs import Job
from . import demo, hooks, labels, reminders, views, volunteer_views
from .afterwards import communique_draft  # noqa: F401
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="actions",
    schema=Schema(tables=TABLES, migrations=migrations),
    pages=Pages(blueprints=(views.bp, volunteer_views.bp), nav=labels.NAV),
    member_space=MemberSpace(
        sections=(MemberSection("actions/_member.html", hooks.member_section),),
        messages={reminders.MESSAGE_KIND: reminders.compose}),
    audit=Audit(actions=labels.AUDIT_ACTIONS, object_types=labels.OBJECT_TYPES),
    lends=Lends(home_sections=(HomeSection("actions/_home.html", hooks.home_section),),
                notices=hooks.notices, uses={"member": hooks.member_uses},
                draft_sources={"action": hooks.SOURCE}),
    jobs=(Job("action-reminders", reminders.remind,
              "the day before an action: tasks on volunteers' dashboards, members' reminders"),),
    demo=demo.load,
)
