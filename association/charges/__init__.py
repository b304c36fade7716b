"""The charges check: the landlord's yearly statement of charges read line by line against
the recoverable list, flagged lines disputed and claimed back in time, published when a
volunteer says so. It holds a building's accounts and no personal data at all.

Table of contents: the blueprints (``views``: public pages; ``volunteer_views``: the
volunteers'), the tables and migrations, the demo, and what ``hooks`` lends the core
(notices, the communiqué box, template helpers). Other capabilities use it through nothing
yet.
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, NavEntry
from . import demo, hooks, views, volunteer_views
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="charges",
    blueprints=(views.bp, volunteer_views.bp),
    tables=TABLES,
    migrations=migrations,
    audit_actions={"charge_import": _l("imported lines of a statement of charges"),
                   "charge_overrule": _l("overruled the verdict on a line of charges"),
                   "charge_publish": _l("published the check of a statement of charges"),
                   "charge_unpublish": _l("took the check of a statement of charges off the "
                                          "public pages"),
                   "charge_letter": _l("produced a letter about a statement of charges")},
    object_types={"charge_statement": _l("statement of charges"),
                  "charge_line": _l("line of a statement of charges")},
    demo=demo.load,
    nav=(NavEntry("charges.index", _l("Charges"), ("public",), section=True),
         NavEntry("charges_volunteer.listing", _l("Charges"), ("volunteer",), section=True)),
    notices=hooks.notices,
    embeds={"charges": hooks.embed},
    init_app=hooks.init_app,
)
