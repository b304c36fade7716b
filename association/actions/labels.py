"""What the interface calls actions in the navigation and the audit log (the labels of kinds
and tasks live beside their rules, in kinds.py)."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry

NAV = (NavEntry("actions.agenda_page", _l("Agenda"), ("public",), section=True),
       NavEntry("actions_manage.actions_list", _l("Actions"), ("volunteer",), section=True))
AUDIT_ACTIONS = {"action_cancel": _l("cancelled an action"),
                 "action_reinstate": _l("planned a cancelled action again")}
OBJECT_TYPES = {"action": _l("action"), "action_task": _l("task of an action")}
