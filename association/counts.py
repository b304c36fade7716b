"""Counts, not people (rule 7): a public figure about fewer than three is not published.

Every public count goes through ``shown``; templates show a withheld count with the
``count`` filter, in the reader's language.
"""
from flask_babel import gettext as _

MIN_GROUP = 3


def shown(count: int) -> int | None:
    """A count fit to publish: itself when 0 or at least MIN_GROUP, else None (withheld)."""
    return count if count == 0 or count >= MIN_GROUP else None


def label(count: int | None) -> str:
    """A published count as text: the number (0 included), or "1 or 2" when it was withheld
    (``shown`` withholds only 1 and 2)."""
    if count is None:
        return _("1 or 2")
    return str(count)


def init_app(app) -> None:
    """The ``count`` filter for templates."""
    app.jinja_env.filters["count"] = label
