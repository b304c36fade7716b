"""Joint access requests (GDPR Art. 15): campaigns towards one controller, letters never
stored, trackers with legal deadlines, reminders, the follow-up letter, the complaint pack
for the CNIL, and public results that reveal the pattern.

Other capabilities use it through what this package exports (the results of a campaign,
for a communiqué).
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, HomeSection, MemberSection, NavEntry
from ..jobs import Job
from . import admin, campaigns, demo, embed, member, notices, results, sweep, views
from .migrations import migrations
from .results import results as campaign_results  # noqa: F401
# What bench/ drives: a campaign, and trackers made in bulk with their counters.
from .campaigns import by_slug as campaign_by_slug, save as save_campaign  # noqa: F401
from .results import add as add_to_results, contributions  # noqa: F401
from .trackers import TRACKER_COLUMNS, derive as derive_tracker  # noqa: F401
from .tables import TABLES


def _transparency(db, months):
    """The transparency report's lines: requests sent and answers received, per month."""
    from .results import monthly

    counted = monthly(db, months)
    return [(_l("Access requests sent"), counted["sent"]),
            (_l("Answers to access requests"), counted["answered"])]


def _init_app(app) -> None:
    """Template helpers: dates written out in the page's language, and the labels."""
    from .labels import labels

    app.jinja_env.globals["request_labels"] = labels()


def _home(db) -> dict | None:
    """The campaigns open today, for the home page (nothing drawn when there is none, or
    before the schema is there: the home page answers even on a database not migrated yet)."""
    import sqlite3

    from ..clock import today

    try:
        found = [c for c in campaigns.listed(db, today()) if c["status"] == "open"]
    except sqlite3.OperationalError:
        return None
    return {"campaigns": found} if found else None


CAPABILITY = Capability(
    name="requests",
    home_sections=(HomeSection("requests/_home.html", _home),),
    blueprints=(views.bp, admin.bp),
    tables=TABLES,
    migrations=migrations,
    jobs=(Job("request-deadlines", sweep.run,
              "move access request trackers with the calendar; remind late ones"),),
    object_types={"campaign": _l("access request campaign")},
    messages=member.MESSAGES,
    demo=demo.load,
    nav=(NavEntry("requests.index", _l("Access requests"), ("public",), section=True),
         NavEntry("requests_admin.campaigns_list", _l("Campaigns"))),
    member_sections=(MemberSection("requests/_member.html", member.section),),
    notices=notices.for_volunteer,
    uses={"landlord": campaigns.landlord_uses, "member": member.member_uses},
    transparency=_transparency,
    # Its counters count confirmed keys only: a key confirmed brings its trackers in.
    key_confirmed=(results.count_member,),
    # [[campagne:<slug>]] in a communiqué: the campaign's results, live.
    embeds={"campagne": embed.campaign_box},
    init_app=_init_app,
)
