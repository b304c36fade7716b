"""Joint access requests (GDPR Art. 15): campaigns towards one controller, letters never
stored, trackers with legal deadlines, reminders, the follow-up letter, the complaint pack
for the CNIL, and public results that reveal the pattern.

Other capabilities use it through what this package exports (the results of a campaign,
for a communiqué).
"""
from ..capability import Audit, Capability, HomeSection, Lends, MemberSection, MemberSpace, Pages, Schema
from ..jobs import Job
from . import demo, hooks, labels, results, sweep, views, volunteer_views
from .migrations import migrations
from .results import results as campaign_results  # noqa: F401
from .tables import TABLES

CAPABILITY = Capability(
    name="requests",
    schema=Schema(tables=TABLES, migrations=migrations),
    pages=Pages(blueprints=(views.bp, volunteer_views.bp), nav=labels.NAV,
                init_app=labels.init_app),
    member_space=MemberSpace(
        sections=(MemberSection("requests/_member.html", hooks.section),),
        messages=hooks.MESSAGES,
        # Its counters count confirmed keys only: a key confirmed brings its trackers in.
        key_confirmed=(results.count_member,)),
    audit=Audit(object_types=labels.OBJECT_TYPES),
    lends=Lends(
        home_sections=(HomeSection("requests/_home.html", hooks.home_section),),
        notices=hooks.notices,
        uses={"landlord": hooks.landlord_uses, "member": hooks.member_uses},
        # [[campagne:<slug>]] in a communiqué: the campaign's results, live.
        embeds={"campagne": hooks.campaign_box},
        transparency=hooks.transparency),
    jobs=(Job("request-deadlines", sweep.run,
              "move access request trackers with the calendar; remind late ones"),),
    demo=demo.load,
)
