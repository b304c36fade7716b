"""The legal notice (*mentions légales*, LCEN art. 6 III): who publishes the site, who is
responsible for what it publishes, who hosts it, and the cookies it sets."""
from flask_babel import lazy_gettext as _l

from .. import cookies, reference

# What the law requires the notice to name, with what the settings form calls it.
REQUIRED = {
    "name": _l("the association's name"),
    "seat_address": _l("its registered office"),
    "telephone": _l("its telephone"),
    "publication_director": _l("the name of the directeur de la publication"),
    "publication_director_function": _l("their function"),
    "host_name": _l("the host's name"),
    "host_address": _l("the host's address"),
    "host_telephone": _l("the host's telephone"),
}


def missing(settings: dict) -> list:
    """What the legal notice lacks, as the settings form names it (empty when complete)."""
    return [label for key, label in REQUIRED.items() if not (settings.get(key) or "").strip()]


def legal_notice(db) -> dict:
    """Everything the legal notice shows: the settings, what is missing, the cookies."""
    settings = reference.association(db)
    return {"settings": settings, "missing": missing(settings),
            "cookies": cookies.declared()}

