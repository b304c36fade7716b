"""The audit log as administrators read it: the filters' choices and a page of entries, each
naming its record. (Writing to the log belongs to the model functions that write.)"""
from .. import audit


def action_choices() -> list[tuple[str, str]]:
    """Every kind of action the log knows, with its label, for the filter."""
    return list(audit.actions().items())


def object_type_choices(db) -> list[tuple[str, str]]:
    """The kinds of record found in the log, with their labels, for the filter."""
    return [(kind, audit.object_label(kind)) for kind in audit.object_types(db)]


def page_number(asked: int | None) -> int:
    """The page asked for, within the pages the log can have."""
    return min(max(asked or 1, 1), audit.MAX_PAGE)


def page(db, filters: dict, number: int) -> tuple[list[dict], bool]:
    """One page of entries matching a valid filter form's ``filters``, named for reading,
    latest first; and whether an older page exists."""
    rows, more = audit.entries(
        db, volunteer_id=filters.get("volunteer") or None, action=filters.get("action"),
        object_type=filters.get("object_type"),
        since=filters["since"].isoformat() if filters.get("since") else None,
        until=filters["until"].isoformat() if filters.get("until") else None, page=number)
    return audit.describe(db, rows), more


def entries_of(db, volunteer_id: int) -> int:
    """How many entries name this account as the one who acted (kept after it is deleted)."""
    return db.table("audit_log").count_where("volunteer_id = ?", [volunteer_id])
