"""Collective actions: an agenda people can subscribe to, answers "I'll come" without names,
places kept for participants, volunteers' checklists and reminders.

Other capabilities use it through what this package exports: ``communique_draft`` gives
what a communiqué about a past action starts from.
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, HomeSection, MemberSection, NavEntry
from ..jobs import Job
from . import afterwards, demo, home, manage, reminders, rsvps, tasks, views
from .afterwards import communique_draft  # noqa: F401
# What bench/ drives: the description's limits, an action made, an answer "I'll come".
from .agenda import create as create_action  # noqa: F401
from .forms import MAX_BRACKETS, MAX_DESCRIPTION  # noqa: F401
from .rsvps import Refused as AnswerRefused, answer  # noqa: F401
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="actions",
    blueprints=(views.bp, manage.bp),
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
    home_sections=(HomeSection("actions/_home.html", home.section),),
    notices=tasks.notices,
    uses={"member": rsvps.member_uses},
    draft_sources={"action": afterwards.SOURCE},
)
