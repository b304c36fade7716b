"""The volunteer area (``/benevoles/``): sign-in, dashboard, account, administration.

A foundation capability: it loads before the domain capabilities, which use it only through
what this package exports: the role checks and the building scope of the signed-in volunteer.

Its pages are all volunteer pages, so its files split them by audience instead:
views.py (sign-in, invitation, dashboard, one's own account: every account) and
admin_views.py (accounts, buildings, landlords, settings, audit log: administrators).
"""
from ..capability import Audit, Capability, Lends, Pages, Schema
from . import admin_views, demo, hooks, labels, views
from .auth import require_building, role_required, signed_in_required  # noqa: F401
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="volunteers",
    schema=Schema(tables=TABLES, migrations=migrations),
    pages=Pages(blueprints=(views.bp, admin_views.admin_bp, admin_views.setup_bp),
                nav=labels.NAV, init_app=hooks.init_app),
    audit=Audit(actions=labels.AUDIT_ACTIONS, object_types=labels.OBJECT_TYPES,
                object_names={"volunteer": hooks.logins}),
    lends=Lends(uses={"building": hooks.building_uses}),
    demo=demo.load,
)
