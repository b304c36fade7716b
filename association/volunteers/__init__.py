"""The volunteer area (``/benevoles/``): sign-in, dashboard, account, administration.

Other capabilities use it through what this package exports: the role checks and the
building scope of the signed-in volunteer.
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, NavEntry
from . import accounts, admin, auth, commands, setup, views
from .auth import require_building, role_required, signed_in_required  # noqa: F401
from .accounts import create as create_account  # noqa: F401  (an invitation: bench/)
from .messages import AUDIT_ACTIONS, OBJECT_TYPES
from .tables import TABLES


def _init_app(app) -> None:
    auth.init_app(app)
    commands.init_app(app)


CAPABILITY = Capability(
    name="volunteers",
    blueprints=(views.bp, admin.bp, setup.bp),
    tables=TABLES,
    audit_actions=AUDIT_ACTIONS,
    object_types=OBJECT_TYPES,
    object_names={"volunteer": accounts.logins},
    demo=commands.demo,
    nav=(
        NavEntry("volunteers.dashboard", _l("Dashboard")),
        NavEntry("volunteers.account", _l("My account")),
        NavEntry("admin.accounts_list", _l("Accounts"), ("admin",)),
        NavEntry("setup.buildings_list", _l("Buildings"), ("admin",)),
        NavEntry("setup.landlords_list", _l("Landlords"), ("admin",)),
        NavEntry("setup.association_settings", _l("The association"), ("admin",)),
        NavEntry("admin.audit_log", _l("Audit log"), ("admin",)),
    ),
    uses={"building": accounts.building_uses},
    init_app=_init_app,
)
