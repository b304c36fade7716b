"""Privacy rules in one place: the sensitive-content screen, and the reveal of masked text.

Member keys live in ``members.py``, encryption of contact fields in ``crypto.py``.
"""
from .screen import CATEGORIES, Finding, find_sensitive  # noqa: F401

__all__ = ["CATEGORIES", "Finding", "find_sensitive", "RevealRefused", "reveal", "flag_list"]


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


def flag_list(flags: str | None) -> list[str]:
    """The categories stored in a ``<column>_flags`` value ("health,judgement")."""
    return [flag for flag in (flags or "").split(",") if flag in CATEGORIES]
