"""Communiqués: written in Markdown by editors, approved by a second editor, published now or
at a set time, corrected with a dated note, withdrawn with a notice; read on the site, on
paper and in an Atom feed, and served from a page cache that holds a press peak.

Other capabilities add boxes to communiqués through ``Lends.embeds`` (see embeds.py).
"""
from ..capability import Audit, Capability, HomeSection, Lends, Pages, Schema
from ..jobs import Job
from . import demo, hooks, labels, views, volunteer_views, workflow
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="communiques",
    schema=Schema(tables=TABLES, migrations=migrations),
    pages=Pages(blueprints=(views.bp, volunteer_views.bp), nav=labels.NAV,
                init_app=labels.init_app),
    audit=Audit(actions=labels.AUDIT_ACTIONS, object_types=labels.OBJECT_TYPES),
    lends=Lends(home_sections=(HomeSection("communiques/_home.html", hooks.home_section),),
                notices=hooks.notices),
    jobs=(Job("communiques-publish", workflow.publish_due,
              "publish the scheduled communiqués whose time has come", every=60),),
    demo=demo.load,
)
