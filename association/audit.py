"""The audit log: who (volunteer) did what to which record, and when. Append-only.

It never holds text, keys or passwords: only the kind of action, the kind and id of the
record, and the member the record belongs to, so members can see who read their records.
"""
from flask_babel import lazy_gettext as _l

from . import clock

# The core's actions; each capability adds its own (``Capability.audit_actions``).
ACTIONS = {
    "read": _l("read a record"), "create": _l("created a record"),
    "update": _l("changed a record"), "delete": _l("deleted a record"),
    "reveal": _l("revealed masked text"), "export": _l("exported data"),
    "erase": _l("erased a member's data"),
}
OBJECT_TYPES = {
    "member": _l("personal space"), "building": _l("building"), "landlord": _l("landlord"),
    "settings": _l("the association's settings"),
}
PAGE_SIZE = 50
MAX_PAGE = 100_000  # beyond any real log; keeps the offset a number SQLite can hold


# Why a volunteer may reveal masked text: a closed list, so no free text lands in the log.
REVEAL_REASONS = ("handle", "check_before_sending", "member_asked", "safety")


def record(db, volunteer, action: str, object_type: str, object_id=None,
           member_id: int | None = None, reason: str | None = None) -> None:
    """Append one entry; ``volunteer`` is a row or user with ``id`` and ``login`` (or None)."""
    if action not in actions():
        raise ValueError(f"unknown audit action {action!r}")
    if reason is not None and reason not in REVEAL_REASONS:
        raise ValueError(f"unknown reveal reason {reason!r}")
    db.table("audit_log").insert({
        "at": clock.stamp(),
        "volunteer_id": getattr(volunteer, "id", None) if volunteer else None,
        "volunteer_login": getattr(volunteer, "login", None) if volunteer else None,
        "action": action,
        "object_type": object_type,
        "object_id": None if object_id is None else str(object_id),
        "member_id": member_id,
        "reason": reason,
    })


def actions() -> dict:
    """Every audit action with its label: the core's and the installed capabilities'."""
    from .capability import collect

    return {**ACTIONS, **dict(collect("audit_actions"))}


def object_labels() -> dict:
    """Every kind of record with its label, for the log's readers."""
    from .capability import collect

    return {**OBJECT_TYPES, **dict(collect("object_types"))}


def action_label(action: str):
    """The readable name of an action (the code itself if it is unknown)."""
    return actions().get(action, action)


def object_label(object_type: str):
    """The readable name of a kind of record (the code itself if it is unknown)."""
    return object_labels().get(object_type, object_type)


def entries(db, volunteer_id=None, action=None, object_type=None, since=None, until=None,
            page: int = 1) -> tuple[list[dict], bool]:
    """A page of entries, newest first, filtered; and whether an older page exists."""
    where, params = [], []
    for column, value in (("volunteer_id", volunteer_id), ("action", action),
                          ("object_type", object_type)):
        if value not in (None, ""):
            where.append(f"{column} = ?")
            params.append(value)
    if since:
        where.append("at >= ?")
        params.append(since)
    if until:
        where.append("at < ?")
        params.append(until)
    sql = "select * from audit_log"
    if where:
        sql += " where " + " and ".join(where)
    sql += " order by at desc, id desc limit ? offset ?"
    rows = list(db.query(sql, params + [PAGE_SIZE + 1, (page - 1) * PAGE_SIZE]))
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def object_types(db) -> list[str]:
    """The kinds of record that appear in the log, for the filter."""
    return [row["object_type"] for row in
            db.query("select distinct object_type from audit_log order by object_type")]


def init_app(app) -> None:
    """Give templates the readable names of actions and kinds of record."""
    app.jinja_env.globals.update(audit_label=action_label, object_label=object_label)
