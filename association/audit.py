"""The audit log: who (volunteer) did what to which record, and when. Append-only.

It never holds text, keys or passwords: only the kind of action, the kind and id of the
record, and the member the record belongs to, so members can see who read their records.
Records are named when the log is shown (a building's name, an account's login), from what
each capability declares (``Audit.object_names``), so that a renamed record shows its
current name and a deleted one says so.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from . import clock

# The core's actions; each capability adds its own (``Audit.actions``).
ACTIONS = {
    "read": _l("read a record"), "create": _l("created a record"),
    "update": _l("changed a record"), "delete": _l("deleted a record"),
    "reveal": _l("revealed masked text"), "export": _l("exported data"),
    "erase": _l("erased a member's data"),
    "confirm_key": _l("confirmed in person that a key belongs to a tenant"),
}
OBJECT_TYPES = {
    "member": _l("personal space"), "building": _l("building"), "landlord": _l("landlord"),
    "settings": _l("the association's settings"),
}
PAGE_SIZE = 50
MAX_PAGE = 100_000  # beyond any real log; keeps the offset a number SQLite can hold


# Why a volunteer may reveal masked text: a closed list, so no free text lands in the log.
REVEAL_REASONS = ("handle", "check_before_sending", "member_asked", "safety")


def _attribute(volunteer, name: str):
    """``volunteer.id`` or ``volunteer["id"]``: a signed-in user or an account's row."""
    if volunteer is None:
        return None
    if isinstance(volunteer, dict):
        return volunteer.get(name)
    return getattr(volunteer, name, None)


def record(db, volunteer, action: str, object_type: str, object_id=None,
           member_id: int | None = None, reason: str | None = None,
           key_confirmed: bool | None = None) -> None:
    """Append one entry; ``volunteer`` is a user or an account's row with ``id`` and
    ``login`` (or None). An entry without a volunteer is a member's own act: it notes whether
    their key was confirmed (``key_confirmed``, or looked up from ``member_id``), so that the
    transparency report counts only what throwaway keys cannot do."""
    if action not in actions():
        raise ValueError(f"unknown audit action {action!r}")
    if reason is not None and reason not in REVEAL_REASONS:
        raise ValueError(f"unknown reveal reason {reason!r}")
    if volunteer is None and key_confirmed is None and member_id is not None:
        key_confirmed = _key_confirmed(db, member_id)
    db.table("audit_log").insert({
        "at": clock.stamp(),
        "volunteer_id": _attribute(volunteer, "id"),
        "volunteer_login": _attribute(volunteer, "login"),
        "action": action,
        "object_type": object_type,
        "object_id": None if object_id is None else str(object_id),
        "member_id": member_id,
        "reason": reason,
        "key_confirmed": None if key_confirmed is None else int(key_confirmed),
    })


def record_daily(db, volunteer, action: str, object_type: str,
                 found: list[tuple[object, int | None]]) -> None:
    """Reads that come in numbers (a search finding reports, a case page showing them):
    ``found`` holds (record id, member id) pairs. Each (volunteer, record, day) has one tally,
    counted up by one insert-or-update, and one entry in the log, written with the tally's
    first count; the member's log shows the tallies, one line per volunteer and day (the
    association's day, in its time zone)."""
    if not found:
        return
    now = clock.now()
    at = clock.stamp(now)
    day = clock.local(now).date().isoformat()
    with db.atomic():
        for object_id, member_id in found:
            times = db.execute(
                "insert into audit_tallies (day, volunteer_id, volunteer_login, action, "
                "object_type, object_id, member_id, times, first_at, last_at) "
                "values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict (day, volunteer_id, action, "
                "object_type, object_id) do update set times = times + 1, "
                "last_at = excluded.last_at returning times",
                [day, _attribute(volunteer, "id"), _attribute(volunteer, "login"), action,
                 object_type, str(object_id), member_id, at, at]).fetchall()[0][0]
            if times == 1:
                record(db, volunteer, action, object_type, object_id, member_id=member_id)


def _key_confirmed(db, member_id: int) -> bool:
    """Whether a volunteer confirmed this member's key (the members table is the core's)."""
    row = db.execute("select confirmed_at is not null from members where id = ?",
                     [member_id]).fetchone()
    return bool(row and row[0])


def actions() -> dict:
    """Every audit action with its label: the core's and the installed capabilities'."""
    from .capability import collect

    return {**ACTIONS, **dict(collect("audit.actions"))}


def object_labels() -> dict:
    """Every kind of record with its label, for the log's readers."""
    from .capability import collect

    return {**OBJECT_TYPES, **dict(collect("audit.object_types"))}


def action_label(action: str):
    """The readable name of an action (the code itself if it is unknown)."""
    return actions().get(action, action)


def object_label(object_type: str):
    """The readable name of a kind of record (the code itself if it is unknown)."""
    return object_labels().get(object_type, object_type)


def _names_of(table: str, column: str):
    """A lookup of ``column`` by id in a table of the core (buildings, landlords)."""
    def names(db, ids: list[str]) -> dict[str, str]:
        wanted = [int(i) for i in ids if str(i).isdigit()]
        if not wanted:
            return {}
        rows = db.query(f"select id, [{column}] as name from [{table}] where id in "
                        f"({','.join('?' * len(wanted))})", wanted)
        return {str(row["id"]): row["name"] for row in rows}
    return names


# How the core's records are named in the log; capabilities add theirs (``object_names``).
OBJECT_NAMES = {"building": _names_of("buildings", "name"),
                "landlord": _names_of("landlords", "name")}
# Kinds of record there is only one of: the log names the kind, never an id.
SINGLE = {"settings"}


def object_names() -> dict:
    """How every kind of record is named: the core's and the installed capabilities'."""
    from .capability import collect

    return {**OBJECT_NAMES, **dict(collect("audit.object_names"))}


def describe(db, rows: list[dict]) -> list[dict]:
    """The entries with ``record``: the kind of record and its current name ("building
    Les Tilleuls"), "(deleted)" after its id when it no longer exists, the bare id for kinds
    that have no name."""
    namers, wanted = object_names(), {}
    for row in rows:
        if row["object_id"] is not None and row["object_type"] in namers:
            wanted.setdefault(row["object_type"], set()).add(row["object_id"])
    found = {kind: namers[kind](db, sorted(ids)) for kind, ids in wanted.items()}
    described = []
    for row in rows:
        kind, object_id = row["object_type"], row["object_id"]
        label = object_label(kind)
        if object_id is None or kind in SINGLE:
            text = str(label)
        elif kind not in found:
            text = _("%(kind)s %(id)s", kind=label, id=object_id)
        elif object_id in found[kind]:
            text = _("%(kind)s “%(name)s”", kind=label, name=found[kind][object_id])
        else:
            text = _("%(kind)s %(id)s (deleted)", kind=label, id=object_id)
        described.append({**row, "record": text})
    return described


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
