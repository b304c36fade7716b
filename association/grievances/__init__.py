"""Grievances and collective cases: tenants report problems in two minutes, volunteers of the
building triage them and group them into cases sent to the landlord, the public sees counts.

Other capabilities use it through what this package exports (nothing yet).
"""
from ..capability import Audit, Capability, HomeSection, Lends, MemberSection, MemberSpace, Pages, Schema
from ..jobs import Job
from . import cases, demo, hooks, labels, views, volunteer_views
from .migrations import migrations
from .tables import TABLES

CAPABILITY = Capability(
    name="grievances",
    schema=Schema(tables=TABLES, migrations=migrations, member_keeps=(hooks.OPEN_ITEMS,)),
    pages=Pages(blueprints=(views.bp, volunteer_views.desk_bp, volunteer_views.cases_bp),
                nav=labels.NAV, init_app=labels.init_app),
    member_space=MemberSpace(
        sections=(MemberSection("grievances/_member.html", hooks.section),),
        messages={"grievance_status": hooks.status_changed}),
    audit=Audit(actions=labels.AUDIT_ACTIONS, object_types=labels.OBJECT_TYPES,
                object_names={"grievance": hooks.report_names}),
    lends=Lends(
        home_sections=(HomeSection("grievances/_home.html", hooks.home_section, first=True),),
        building_sections=(MemberSection("grievances/_building.html", hooks.building_section),),
        notices=hooks.notices, uses={"member": hooks.member_uses},
        blocks={"building": hooks.building_blocks}),
    jobs=(Job("case-deadlines", cases.sweep_deadlines,
              "mark collective cases whose answer is late"),),
    demo=demo.load,
)
