"""Privacy rules in one place: the sensitive-content screen, need to know (rule 4), and the
reveal of masked text (rule 3).

Member keys live in the members capability, encryption of contact fields in ``crypto.py``.
"""
from flask import abort
from flask_babel import lazy_gettext as _l

from .screen import CATEGORIES, Finding, find_sensitive  # noqa: F401

__all__ = ["CATEGORIES", "Finding", "find_sensitive", "RevealRefused", "reveal", "Flags",
           "need_to_know", "NEVER_KEPT", "SPECIAL"]


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


# What the interface calls each category of the screen.
CATEGORY_LABELS = {
    "health": _l("health"),
    "disability": _l("disability"),
    "origin": _l("origin, nationality or residence status"),
    "religion": _l("religion"),
    "sexuality": _l("sex life or sexual orientation"),
    "opinion": _l("political or union opinion"),
    "offences": _l("offences, convictions or police"),
    "domestic_violence": _l("domestic violence"),
    "judgement": _l("a judgement about a person"),
}


# Special categories of data (GDPR art. 9(1)): kept only with the writer's explicit consent
# (art. 9(2)(a)), which the "keep" box asks for in so many words.
SPECIAL = frozenset({"health", "disability", "origin", "religion", "sexuality", "opinion"})
# Data relating to offences (GDPR art. 10): only the bodies art. 46 of loi 78-17 lists may
# process them, and a tenants' association is not one; they are mostly about someone else,
# who is told nothing. "Keep as written" is refused: the writer rewrites.
NEVER_KEPT = frozenset({"offences", "domestic_violence"})


class Flags(frozenset):
    """The screen's findings kept with a text: the categories it mentions. A
    ``<column>_flags`` column stores them as "health,judgement" (sorted, once each; NULL
    when there is none): ``format`` writes that value, ``parse`` reads it back."""

    def __new__(cls, categories=()):
        return super().__new__(cls, categories or ())

    @classmethod
    def parse(cls, stored: str | None) -> "Flags":
        """The categories of a stored ``<column>_flags`` value (unknown names dropped)."""
        return cls(flag for flag in (stored or "").split(",") if flag in CATEGORIES)

    @classmethod
    def of(cls, findings) -> "Flags":
        """The categories of the screen's findings (``find_sensitive``'s list)."""
        return cls(finding.category for finding in findings or ())

    @classmethod
    def found_in(cls, field) -> "Flags":
        """The categories the ``Screened`` validator found in a form field (none if it did
        not run)."""
        return cls.of(getattr(field, "findings", None))

    def format(self) -> str | None:
        """The value stored in a ``<column>_flags`` column."""
        return ",".join(sorted(self)) or None

    def labels(self) -> list:
        """The readable names of the categories, in a stable order."""
        return [label for category, label in CATEGORY_LABELS.items() if category in self]

    def never_kept(self) -> "Flags":
        """The categories that cannot be kept, even when the writer asks (``NEVER_KEPT``)."""
        return Flags(self & NEVER_KEPT)

    def special(self) -> "Flags":
        """The special categories of art. 9, which need the writer's explicit consent."""
        return Flags(self & SPECIAL)
