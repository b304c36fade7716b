"""Where an action takes place, as each visitor may see it.

For a sensitive action the place stays hidden until a number of hours before the start,
and is then given only to those who answered "I'll come" (their token, or their member key,
proves it): never in the page, nor in a calendar file, for anyone else.
"""
from dataclasses import dataclass
from datetime import datetime

from .. import clock
from .timing import reveal_moment


@dataclass(frozen=True)
class Place:
    """What a visitor is told about the place: ``state`` is "shown" (to anyone who may see
    the action), "revealed" (to this participant), "later" (hidden until ``reveal_at``),
    "participants" (given to participants only), or "none" (no place given)."""

    state: str
    text: str | None = None
    reveal_at: datetime | None = None

    @property
    def visible(self) -> bool:
        """Whether the place itself is given."""
        return self.text is not None


def place_for(action: dict, answered: bool, now: datetime | None = None) -> Place:
    """The place as this visitor may see it (``answered``: they hold an answer to it)."""
    reveal_at = reveal_moment(action)
    if reveal_at is None:
        return Place("shown", action["place"]) if action["place"] else Place("none")
    if action["status"] == "cancelled":
        return Place("none")
    if (now or clock.now()) < reveal_at:
        return Place("later", reveal_at=reveal_at)
    if answered and action["place"]:
        return Place("revealed", action["place"], reveal_at)
    return Place("participants", reveal_at=reveal_at)


def public_place(action: dict) -> str | None:
    """The place for those who have not answered (the agenda feed, shared caches)."""
    return action["place"] if reveal_moment(action) is None else None
