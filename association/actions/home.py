"""The home page's section: the next public actions."""
from . import agenda
from .pages import shown_to

HOME_COUNT = 3


def section(db) -> dict:
    """The next public actions (cancelled ones left out), for the home page."""
    coming = [a for a in agenda.upcoming(db, agenda.Viewer(), limit=HOME_COUNT + 3)
              if a["status"] != "cancelled"][:HOME_COUNT]
    return {"items": [shown_to(action) for action in coming]}
