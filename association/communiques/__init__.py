"""Communiqués: written in Markdown by editors, approved by a second editor, published now or
at a set time, corrected with a dated note, withdrawn with a notice; read on the site, on
paper and in an Atom feed, and served from a page cache that holds a press peak.

Other capabilities add boxes to communiqués through ``Capability.embeds`` (see embeds.py).
"""
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ..capability import Capability, HomeSection, NavEntry
from ..jobs import Job
from . import demo, helpers, publication, views, volunteer_views, workflow  # noqa: F401  (volunteer_views: routes)
from .labels import AUDIT_ACTIONS, OBJECT_TYPES
from .migrations import migrations
from .tables import TABLES

def _notices(db, volunteer) -> list:
    """The dashboard's notice for editors: communiqués waiting for their approval."""
    if not volunteer.has_role("editor"):
        return []
    count = workflow.awaiting(db, volunteer)
    return [ngettext("%(num)s communiqué awaits your approval.",
                     "%(num)s communiqués await your approval.", count)] if count else []


CAPABILITY = Capability(
    name="communiques",
    blueprints=(views.bp,),
    tables=TABLES,
    migrations=migrations,
    jobs=(Job("communiques-publish", workflow.publish_due,
              "publish the scheduled communiqués whose time has come", every=60),),
    audit_actions=AUDIT_ACTIONS,
    object_types=OBJECT_TYPES,
    demo=demo.load,
    nav=(NavEntry("communiques.index", _l("Communiqués"), ("public",)),
         NavEntry("communiques.editor_list", _l("Communiqués"), ("editor",), section=True)),
    home_sections=(HomeSection("communiques/_home.html", publication.home_section),),
    notices=_notices,
    init_app=helpers.init_app,
)
