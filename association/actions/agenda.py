"""Actions themselves: creating, changing, cancelling them, and the agenda each visitor sees.

Every change that calendar apps should notice (times, place, text, status) bumps the
action's ``sequence``: the ICS files carry it, so a subscribed calendar replaces its copy.
"""
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app

from .. import audit
from .. import clock
from ..db import row_or_none
from ..markup import no_break_spaces, render_markdown
from ..members import is_confirmed
from .kinds import TEMPLATES

PAGE_SIZE = 20
MAX_PAGE = 10_000
# What changes calendar copies: a change of anything else (capacity, showing the count) does
# not bump the sequence.
PUBLISHED_FIELDS = ("kind", "title", "starts_at", "ends_at", "place", "place_reveal_hours",
                    "description", "visibility", "status")


class CapacityBelowAnswers(ValueError):
    """The capacity asked for is below the number of people who already answered."""

    def __init__(self, answered: int):
        super().__init__(answered)
        self.answered = answered


@dataclass(frozen=True)
class Viewer:
    """Who is looking: a member signed in on this browser, a volunteer signed in, or neither."""

    member: dict | None = None
    volunteer: bool = False

    @property
    def confirmed(self) -> bool:
        """Whether the member's key was confirmed in person: a free key is not a member."""
        return is_confirmed(self.member)

    @property
    def unconfirmed(self) -> bool:
        """A member signed in whose key is not confirmed yet (told how to get it confirmed)."""
        return self.member is not None and not self.confirmed

    @property
    def visibilities(self) -> tuple[str, ...]:
        """The visibilities of the actions this viewer may see: members' actions only with a
        confirmed key (issue 19: anyone can make a key)."""
        if self.volunteer:
            return ("public", "members", "volunteers")
        if self.confirmed:
            return ("public", "members")
        return ("public",)

    def may_see(self, action: dict | None) -> bool:
        """Whether the viewer may see this action (False for none)."""
        return action is not None and action["visibility"] in self.visibilities


def new_uid() -> str:
    """A lasting identifier for calendar apps: random, under the site's host name."""
    host = urlsplit(current_app.config["BASE_URL"]).hostname or "amicale"
    return f"action-{uuid.uuid4()}@{host}"


def described(source: str | None, lang: str) -> str | None:
    """The description's HTML, made once when it is saved (sanitised by markup.py)."""
    return str(render_markdown(source, lang)) if source and source.strip() else None


def _row(fields: dict, lang: str) -> dict:
    """The columns of an action from what a form gives (aware datetimes for the times)."""
    row = {key: fields.get(key) for key in (
        "kind", "title", "title_flags", "place", "place_flags", "place_reveal_hours",
        "description", "description_flags", "visibility", "capacity")}
    row["starts_at"] = clock.stamp(fields["starts_at"])
    row["ends_at"] = clock.stamp(fields["ends_at"])
    row["show_count"] = int(bool(fields.get("show_count")))
    row["description"] = (row["description"] or "").strip() or None
    row["description_html"] = described(row["description"], lang)
    if lang == "fr" and row["title"]:  # typeset as its description is: "Loyers\u00a0: …"
        row["title"] = no_break_spaces(row["title"])
    return row


def create(db, fields: dict, lang: str = "fr", is_demo: bool = False, by=None) -> int:
    """A new action with the checklist of its kind, in one transaction with its audit entry
    when a volunteer (``by``) creates it; return its id."""
    now = clock.stamp()
    row = {**_row(fields, lang), "uid": new_uid(), "status": "planned", "sequence": 0,
           "rsvp_count": 0, "created_at": now, "updated_at": now, "is_demo": int(is_demo)}
    with db.atomic():
        action_id = db.table("actions").insert(row).last_pk
        db.table("action_tasks").insert_all(
            {"action_id": action_id, "template": code, "position": position,
             "action_ends_at": row["ends_at"], "created_at": now}
            for position, code in enumerate(TEMPLATES.get(row["kind"], ())))
        if by is not None:
            audit.record(db, by, "create", "action", action_id)
    return action_id


def update(db, action_id: int, fields: dict, lang: str = "fr", *, by) -> bool:
    """Change an action, with the audit entry of the volunteer ``by``; return whether
    anything calendars show changed (the sequence then moves). The capacity is checked
    against the answers in the same write transaction, so an answer arriving meanwhile
    cannot slip under it: raises CapacityBelowAnswers."""
    row = _row(fields, lang)
    with db.atomic():
        current = db.table("actions").get(action_id)
        if row["capacity"] is not None and row["capacity"] < current["rsvp_count"]:
            raise CapacityBelowAnswers(current["rsvp_count"])
        changed = any(row[key] != current[key] for key in PUBLISHED_FIELDS if key in row)
        row["sequence"] = current["sequence"] + int(changed)
        row["updated_at"] = clock.stamp()
        db.table("actions").update(action_id, row)
        if row["ends_at"] != current["ends_at"]:
            # Retention counts from the action's end: the copies follow it.
            for table in ("action_rsvps", "action_tasks"):
                db.execute(f"update {table} set action_ends_at = ? where action_id = ?",
                           [row["ends_at"], action_id])
        audit.record(db, by, "update", "action", action_id)
    return changed


def set_status(db, action_id: int, status: str, *, by) -> bool:
    """Cancel (``cancelled``) or reinstate (``planned``) an action, with the audit entry of
    the volunteer ``by``; return whether it changed."""
    with db.atomic():
        moved = db.execute(
            "update actions set status = ?, sequence = sequence + 1, updated_at = ? "
            "where id = ? and status != ?", [status, clock.stamp(), action_id, status])
        if moved.rowcount == 1:
            audit.record(db, by, "action_cancel" if status == "cancelled" else "action_reinstate",
                         "action", action_id)
    return moved.rowcount == 1


def get(db, action_id: int) -> dict | None:
    """The action with this id, or None."""
    return row_or_none(db, "actions", action_id)


def _visible(viewer: Viewer) -> tuple[str, list]:
    marks = ", ".join("?" * len(viewer.visibilities))
    return f"visibility in ({marks})", list(viewer.visibilities)


def upcoming(db, viewer: Viewer, limit: int | None = None) -> list[dict]:
    """Actions not over yet that the viewer may see, soonest first (cancelled ones too, marked)."""
    where, params = _visible(viewer)
    sql = f"select * from actions where ends_at > ? and {where} order by starts_at, id"
    params = [clock.stamp()] + params
    if limit:
        sql += " limit ?"
        params.append(limit)
    return list(db.query(sql, params))


def past(db, viewer: Viewer, page: int = 1) -> tuple[list[dict], bool]:
    """A page of the archive (actions over), latest first; and whether an older page exists."""
    page = min(max(page, 1), MAX_PAGE)
    where, params = _visible(viewer)
    rows = list(db.query(
        f"select * from actions where ends_at <= ? and {where} "
        "order by starts_at desc, id desc limit ? offset ?",
        [clock.stamp()] + params + [PAGE_SIZE + 1, (page - 1) * PAGE_SIZE]))
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


FEED_PAST = timedelta(days=92)  # a subscribed calendar keeps the last three months


def feed(db, now: datetime | None = None) -> list[dict]:
    """The public actions of the subscribed agenda: the coming ones and the last months'."""
    since = clock.stamp((now or clock.now()) - FEED_PAST)
    return list(db.query("select * from actions where visibility = 'public' and ends_at > ? "
                         "order by starts_at, id", [since]))


def every(db, when: str = "upcoming") -> list[dict]:
    """Every action for the volunteers' list: "upcoming" (not over) or "past" (the last 200)."""
    if when == "past":
        return list(db.query("select * from actions where ends_at <= ? order by starts_at desc "
                             "limit 200", [clock.stamp()]))
    return list(db.query("select * from actions where ends_at > ? order by starts_at",
                         [clock.stamp()]))
