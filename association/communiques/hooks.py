"""What communiqués lend other pages: the home page's latest communiqués, and the editors'
notice on the volunteers' dashboard."""
from flask_babel import ngettext

from . import workflow
from .publication import HOME_COUNT, heads


def notices(db, volunteer) -> list:
    """The dashboard's notice for editors: communiqués waiting for their approval."""
    if not volunteer.has_role("editor"):
        return []
    count = workflow.awaiting(db, volunteer)
    return [ngettext("%(num)s communiqué awaits your approval.",
                     "%(num)s communiqués await your approval.", count)] if count else []


def home_section(db) -> dict | None:
    """The home page's latest communiqués (see ``Lends.home_sections``); None before
    the first is published, so that the home page makes no empty promise."""
    latest, _ = heads(db, 1, HOME_COUNT)
    return {"communiques": latest} if latest else None
