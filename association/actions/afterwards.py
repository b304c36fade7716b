"""After an action: what a communiqué about it starts from.

The Communiqués capability is built separately; it prefills a draft with
``communique_draft(db, action_id)`` (exported by this package) once it exists. Until then
the volunteers' page of a past action shows the same text to copy.
"""
from .. import clock
from ..db import row_or_none
from .ics import text_of
from .kinds import kind_label
from .timing import day_text, local, time_text


def communique_draft(db, action_id: int) -> dict | None:
    """Title, date and place of an action that took place, to prefill a communiqué draft;
    None for an action not over yet or cancelled. A place that was hidden (a sensitive
    action) is left out: whoever writes decides whether to name it."""
    action = row_or_none(db, "actions", action_id)
    if action is None or action["status"] == "cancelled" or clock.parse(action["ends_at"]) > clock.now():
        return None
    start = local(action["starts_at"])
    return {
        "action_id": action["id"],
        "title": action["title"] or str(kind_label(action["kind"])),
        "kind": str(kind_label(action["kind"])),
        "date": start.date().isoformat(),
        "date_text": f"{day_text(start.date())}, {time_text(start)}",
        "place": action["place"] if action["place_reveal_hours"] is None else None,
        "place_was_hidden": action["place_reveal_hours"] is not None,
        "summary": text_of(action["description_html"]),
        "visibility": action["visibility"],
    }
