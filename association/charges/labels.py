"""What the interface calls the charges check's things: verdicts, distribution keys,
letters, natures (the natures' names live with the recoverable list)."""
from flask_babel import lazy_gettext as _l

from .recoverable import NATURES, nature

VERDICTS = {
    "recoverable": _l("recoverable"),
    "partly": _l("partly recoverable"),
    "not_recoverable": _l("not recoverable"),
    "ask": _l("to ask about"),
}
KEYS = {"surface": _l("by surface (m²)"), "shares": _l("by shares")}
UNITS = {"surface": _l("m²"), "shares": _l("shares")}
LETTERS = {
    "consultation": _l("Request to consult the supporting documents"),
    "contestation": _l("Dispute of the flagged lines"),
    "remboursement": _l("Request to refund"),
}


def verdict_label(code: str):
    """A verdict in words."""
    return VERDICTS.get(code, code)


def nature_label(code: str):
    """A nature of charge in words."""
    return nature(code).label


def key_label(code: str):
    """A distribution key in words."""
    return KEYS.get(code, code)


def unit_label(code: str):
    """What a unit of the key is: m² or shares."""
    return UNITS.get(code, code)


def nature_choices() -> list[tuple[str, object]]:
    """The natures, for a select."""
    return [(code, found.label) for code, found in NATURES.items()]
