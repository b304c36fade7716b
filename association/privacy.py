"""Privacy rules in one place: the sensitive-content screen, need to know (rule 4), and the
reveal of masked text (rule 3).

Member keys live in the members capability, encryption of contact fields in ``crypto.py``.
"""
from flask import abort

from .screen import CATEGORIES, Finding, find_sensitive  # noqa: F401

__all__ = ["CATEGORIES", "Finding", "find_sensitive", "RevealRefused", "reveal", "flag_list",
           "need_to_know"]


def need_to_know(db, volunteer, object_type: str, record: dict | None,
                 building_key: str = "building_id", member_key: str = "member_id") -> dict:
    """Every read of a member's record by a volunteer goes through here: 404 unless the
    record exists and its building is in the volunteer's scope (whether it exists elsewhere
    is not told), then a ``read`` entry in the audit log naming the member, who sees it in
    their space. Returns the record, so that a view cannot have one half without the other.
    """
    from . import audit

    if record is None or record.get(building_key) not in volunteer.scope(db):
        abort(404)
    audit.record(db, volunteer, "read", object_type, record["id"],
                 member_id=record.get(member_key))
    return record


class RevealRefused(ValueError):
    """A reveal without one of the accepted reasons."""


def reveal(db, volunteer, object_type: str, object_id, member_id: int | None,
           reason: str | None) -> None:
    """Record that ``volunteer`` reads masked text, and why; refused without a listed reason.

    Call it before showing the text: the member sees the entry in their access log, and the
    transparency report counts it.
    """
    from . import audit

    if reason not in audit.REVEAL_REASONS:
        raise RevealRefused(reason)
    audit.record(db, volunteer, "reveal", object_type, object_id, member_id=member_id,
                 reason=reason)


def flags_value(categories) -> str | None:
    """What a ``<column>_flags`` column stores for the categories the screen found (None when
    it found none); ``flag_list`` reads it back."""
    return ",".join(sorted(set(categories or ()))) or None


def flag_list(flags: str | None) -> list[str]:
    """The categories stored in a ``<column>_flags`` value ("health,judgement")."""
    return [flag for flag in (flags or "").split(",") if flag in CATEGORIES]
