"""The home page's section: the next public actions."""
from . import agenda
from .pages import shown_to

HOME_COUNT = 3


def section(db) -> dict | None:
    """The next public actions (cancelled ones left out), for the home page; None when none
    is planned, so that the home page makes no empty promise."""
    coming = [a for a in agenda.upcoming(db, agenda.Viewer(), limit=HOME_COUNT + 3)
              if a["status"] != "cancelled"][:HOME_COUNT]
    if not coming:
        return None
    return {"items": [shown_to(action) for action in coming]}
