"""The charges check: the landlord's yearly statement of charges read line by line against
the recoverable list, flagged lines disputed and claimed back in time, published when a
volunteer says so. It holds a building's accounts and no personal data at all.

Other capabilities use it through nothing yet (bench/ reads a statement, checks it and draws
its cards through the faces below); it uses the grievances package's face
(``letter_prepared``) to add its letters to the building's collective case.
"""
from ..capability import Audit, Capability, Lends, Pages, Schema
from . import demo, hooks, labels, views, volunteer_views
from .cards import draw as draw_cards  # noqa: F401
from .check import totals  # noqa: F401
from .migrations import migrations
from .statements import add_lines, checked, create as create_statement  # noqa: F401
from .statements import get as get_statement  # noqa: F401
from .tables import TABLES

CAPABILITY = Capability(
    name="charges",
    schema=Schema(tables=TABLES, migrations=migrations),
    pages=Pages(blueprints=(views.bp, volunteer_views.bp), nav=labels.NAV,
                init_app=labels.init_app),
    audit=Audit(actions=labels.AUDIT_ACTIONS, object_types=labels.OBJECT_TYPES),
    lends=Lends(
        notices=hooks.notices,
        # [[charges:<building_id>/<year>]] in a communiqué: the published check's box.
        embeds={"charges": hooks.embed}),
    demo=demo.load,
)
