"""The closed list of what a grievance can be about, and the statuses it goes through."""
from flask_babel import lazy_gettext as _l

CATEGORIES = {
    "repairs": _l("repairs"),
    "damp": _l("damp and mould"),
    "heating": _l("heating and hot water"),
    "lifts": _l("lifts"),
    "pests": _l("pests"),
    "cleanliness": _l("cleanliness of common areas"),
    "security": _l("security and access"),
    "noise": _l("noise"),
    "charges": _l("charges and rent statements"),
    "works": _l("works and renovation"),
    "data": _l("handling of personal data by the landlord"),
    "allocation": _l("allocation and transfer requests"),
    "other": _l("other"),
}

# new → checked → in a collective case → sent to the landlord → resolved; or closed.
STATUSES = {
    "new": _l("new"),
    "checked": _l("checked"),
    "in_case": _l("in a collective case"),
    "sent": _l("sent to the landlord"),
    "resolved": _l("resolved"),
    "closed": _l("closed"),
}
OPEN = ("new", "checked", "in_case", "sent")
NEXT = {"new": ("checked", "closed"), "checked": ("in_case", "sent", "resolved", "closed"),
        "in_case": ("sent", "resolved", "closed"), "sent": ("resolved", "closed"),
        "resolved": ("checked",), "closed": ("checked",)}

CLOSE_REASONS = {
    "duplicate": _l("a duplicate of another report"),
    "not_for_us": _l("not something the association can act on"),
    "withdrawn": _l("withdrawn by the tenant"),
    "no_answer": _l("no news from the tenant"),
    "other": _l("another reason"),
}


def label(category: str):
    """The readable name of a category (the code if unknown)."""
    return CATEGORIES.get(category, category)


def status_label(status: str):
    """The readable name of a status."""
    return STATUSES.get(status, status)


def close_reason_label(reason: str):
    """The readable reason a report was closed (the code itself if unknown)."""
    return CLOSE_REASONS.get(reason, reason)


def can_move(status: str, to: str) -> bool:
    """Whether a grievance may go from ``status`` to ``to``."""
    return to in NEXT.get(status, ())
