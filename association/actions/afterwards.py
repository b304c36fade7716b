"""After an action: what a communiqué about it starts from.

The volunteers' page of a past action shows it; the Communiqués capability prefills a draft
with it through ``Lends.draft_sources`` (``hooks.SOURCE``), without importing this package.
"""
from datetime import timedelta


from .. import clock
from ..db import row_or_none
from .ics import text_of
from .kinds import kind_label
from ..dates import in_words
from .timing import local


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
        "date_text": in_words(start),
        "place": action["place"] if action["place_reveal_hours"] is None else None,
        "place_was_hidden": action["place_reveal_hours"] is not None,
        "summary": text_of(action["description_html"]),
        "visibility": action["visibility"],
    }


RECENT_DAYS = 183  # the past actions offered to start a communiqué from


def recent_past(db) -> list[tuple[int, str]]:
    """The actions that took place in the last six months (cancelled ones left out), latest
    first: (id, "title — date")."""
    now = clock.now()
    rows = db.query(
        "select id, title, kind, starts_at from actions where status != 'cancelled' "
        "and ends_at <= ? and ends_at >= ? order by starts_at desc limit 50",
        [clock.stamp(now), clock.stamp(now - timedelta(days=RECENT_DAYS))])
    return [(row["id"], f"{row['title'] or kind_label(row['kind'])} — "
                        + in_words(row['starts_at'], "weekday")) for row in rows]


def draft_text(db, action_id: int) -> dict | None:
    """A communiqué's title and opening (Markdown) about an action that took place: what,
    when, where (unless the place was kept for participants), and its description."""
    found = communique_draft(db, action_id)
    if found is None:
        return None
    where = f", {found['place']}" if found["place"] else ""
    body = f"**{found['kind']}, {found['date_text']}{where}.**"
    if found["summary"]:
        body += f"\n\n{found['summary']}"
    return {"title": found["title"], "body": body}
