"""The volunteers' dashboard: how each open campaign stands, in counts."""
from flask_babel import lazy_ngettext

from . import campaigns, results
from ..clock import today


def for_volunteer(db, volunteer) -> list:
    """For each open campaign with late requests: how many are late (published counts)."""
    found = []
    for campaign in campaigns.listed(db, today()):
        if campaign["status"] != "open":
            continue
        counts = results.counters(db, campaign["id"])
        late = counts.get("state:overdue", 0) + counts.get("state:complaint_ready", 0)
        if late:
            found.append(lazy_ngettext(
                "%(title)s: %(num)s request past the deadline without an answer.",
                "%(title)s: %(num)s requests past the deadline without an answer.",
                late, title=campaign["title"]))
    return found
