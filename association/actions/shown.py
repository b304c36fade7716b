"""What a visitor is shown of an action: its time in words, its place as they may see it,
its count as the public may see it (rule 7: confirmed answers only, from 3 on; see
rsvps.py), and whether they can still answer (full or not, never how many places are
left)."""
from dataclasses import dataclass

from .. import clock
from ..counts import shown
from .kinds import VISIBILITY_BADGES, kind_label
from .places import Place, place_for
from .rsvps import full
from ..dates import in_words, span_in_words
from .timing import has_ended, has_started, local, reveal_moment


@dataclass(frozen=True)
class Shown:
    """An action as one visitor sees it."""

    action: dict
    kind: object
    when: str
    place: Place
    answered: bool
    count: int | None  # the published count (None: fewer than 3), when it is shown
    show_count: bool
    full: bool
    started: bool
    ended: bool
    cancelled: bool
    badge: object | None  # "members only", "volunteers only"
    month: tuple[int, int]
    reveal_when: str | None  # when a hidden place is given, in words

    @property
    def open(self) -> bool:
        """Whether one may still answer "I'll come"."""
        return not (self.cancelled or self.started or self.full)


def shown_to(action: dict, answered: bool = False) -> Shown:
    """The action as a visitor who has (or has not) answered sees it."""
    now = clock.now()
    published = shown(action["confirmed_count"])
    count_public = bool(action["show_count"])
    start = local(action["starts_at"])
    return Shown(
        action=action, kind=kind_label(action["kind"]),
        when=span_in_words(action["starts_at"], action["ends_at"]),
        place=place_for(action, answered, now), answered=answered,
        count=published if count_public else None, show_count=count_public,
        full=full(action), started=has_started(action, now),
        ended=has_ended(action, now), cancelled=action["status"] == "cancelled",
        badge=VISIBILITY_BADGES[action["visibility"]] if action["visibility"] != "public"
        else None,
        month=(start.year, start.month),
        reveal_when=in_words(reveal_at, "moment") if (reveal_at := reveal_moment(action)) else None)
