"""Collective actions: an agenda people can subscribe to, answers "I'll come" without names,
places kept for participants, volunteers' checklists and reminders.

Other capabilities use it through what this package exports: ``communique_draft`` gives
what a communiqué about a past action starts from.
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, HomeSection, MemberSection, NavEntry
from ..jobs import Job
from . import afterwards, demo, hooks, reminders, rsvps, tasks, views, volunteer_views
from .afterwards import communique_draft  # noqa: F401
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="actions",
    blueprints=(views.bp, volunteer_views.bp),
    tables=TABLES,
    migrations=migrations,
    jobs=(Job("action-reminders", reminders.remind,
              "the day before an action: tasks on volunteers' dashboards, members' reminders"),),
    audit_actions={"action_cancel": _l("cancelled an action"),
                   "action_reinstate": _l("planned a cancelled action again")},
    object_types={"action": _l("action"), "action_task": _l("task of an action")},
    messages={reminders.MESSAGE_KIND: reminders.compose},
    demo=demo.load,
    nav=(NavEntry("actions.agenda_page", _l("Agenda"), ("public",), section=True),
         NavEntry("actions_manage.actions_list", _l("Actions"), ("volunteer",), section=True)),
    member_sections=(MemberSection("actions/_member.html", reminders.member_section),),
    home_sections=(HomeSection("actions/_home.html", hooks.section),),
    notices=tasks.notices,
    uses={"member": rsvps.member_uses},
    draft_sources={"action": afterwards.SOURCE},
)
