"""The closed list of what a grievance can be about, and the statuses it goes through."""
from flask_babel import lazy_gettext as _l

CATEGORIES = {
    "repairs": _l("repairs"),
    "damp": _l("damp and mould"),
    "heating": _l("heating and hot water"),
    "water": _l("cold water, leaks and pipes"),
    "lifts": _l("lifts"),
    "pests": _l("pests"),
    "cleanliness": _l("cleanliness of common areas"),
    "common_areas": _l("common areas: lighting, doors, letterboxes, bin room, bulky waste"),
    "caretaker": _l("caretaking and the caretaker's presence"),
    "parking": _l("car parks"),
    "fire_safety": _l("fire safety, asbestos and lead"),
    "security": _l("security and access"),
    "noise": _l("noise and sound insulation"),
    "charges": _l("service charges"),
    "rent": _l("rent, rent surcharge (SLS) and housing benefit (APL)"),
    "works": _l("works and renovation"),
    "data": _l("handling of personal data by the landlord"),
    "allocation": _l("allocation and transfer requests"),
    "other": _l("other"),
}

# Kinds that are never grouped in a collective case, and why (the volunteer is told).
INDIVIDUAL = {
    "allocation": _l("Allocation and transfer requests are individual files, full of health, "
                     "disability and family details: each tenant follows their own, and the "
                     "association never groups them in a collective case. At most, it can ask "
                     "the landlord for transparency on delays and on the scoring criteria."),
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


def groupable(category: str | None) -> bool:
    """Whether reports of this kind may be grouped in a collective case."""
    return category not in INDIVIDUAL


def next_statuses(status: str, category: str | None = None) -> tuple[str, ...]:
    """Where a report may go from ``status``: never "in a collective case" for a kind that is
    never grouped."""
    return tuple(to for to in NEXT.get(status, ()) if to != "in_case" or groupable(category))


def can_move(status: str, to: str, category: str | None = None) -> bool:
    """Whether a grievance (of ``category``) may go from ``status`` to ``to``."""
    return to in next_statuses(status, category)
