"""What the interface calls the charges check's things: verdicts, distribution keys,
letters, natures (the natures' names live with the recoverable list), amounts; the
navigation's entries, what the audit log calls its acts and records, and the template
helpers for them."""
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry
from .recoverable import NATURES, nature

NAV = (NavEntry("charges.index", _l("Charges"), ("public",), section=True),
       NavEntry("charges_volunteer.listing", _l("Charges"), ("volunteer",), section=True))
AUDIT_ACTIONS = {
    "charge_import": _l("imported lines of a statement of charges"),
    "charge_overrule": _l("overruled the verdict on a line of charges"),
    "charge_publish": _l("published the check of a statement of charges"),
    "charge_unpublish": _l("took the check of a statement of charges off the public pages"),
    "charge_letter": _l("produced a letter about a statement of charges"),
}
OBJECT_TYPES = {"charge_statement": _l("statement of charges"),
                "charge_line": _l("line of a statement of charges"),
                "charge_outage": _l("equipment out of service")}
EQUIPMENT = {"lift": _l("Lift"), "heating": _l("Heating"), "hot_water": _l("Hot water")}

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


# Amounts in euros as the page's language writes them ("1 234,56 €", "€1,234.56"), by hand
# rather than with Babel's ``format_currency``, which took a millisecond a call: a statement of
# 200 lines draws 600 amounts. (``str.replace`` twice is twice as fast as ``str.translate``.)
# With ``html``, in ASCII HTML: the spaces and the euro sign as character references, for the
# lines' cards (``cards``).
_PLAIN = {"thin": "\u202f", "space": "\u00a0", "euro": "€"}
_HTML = {"thin": "&#8239;", "space": "&nbsp;", "euro": "&euro;"}


def euros_writer(language: str, html: bool = False):
    """The writer of amounts in cents for a page's language (the ``euros`` filter and the
    lines' cards): one format a call, the language chosen once."""
    chars = _HTML if html else _PLAIN
    thin, after, before = chars["thin"], chars["space"] + chars["euro"], chars["euro"]

    def french(cents: int) -> str:
        text = f"{abs(cents) / 100:,.2f}".replace(",", thin).replace(".", ",")
        return f"-{text}{after}" if cents < 0 else f"{text}{after}"

    def english(cents: int) -> str:
        return f"-{before}{-cents / 100:,.2f}" if cents < 0 else f"{before}{cents / 100:,.2f}"
    return french if language == "fr" else english


def unit_euros_writer(language: str, html: bool = False):
    """The writer of costs per m² or share in euros for a page's language (the ``unit_euros``
    filter and the lines' cards): with cents, and up to four decimals below a euro (0,0412 €)."""
    chars = _HTML if html else _PLAIN
    thin, after, before = chars["thin"], chars["space"] + chars["euro"], chars["euro"]

    def write(value: float) -> str:
        size = abs(value)
        if size < 1:  # "0.2430" -> "0.243", "0.2400" -> "0.24"
            text = f"{size:.4f}"
            if text[-1] == "0":
                text = text[:-2] if text[-2] == "0" else text[:-1]
            text = text.replace(".", ",") + after if language == "fr" else before + text
        elif language == "fr":
            text = f"{size:,.2f}".replace(",", thin).replace(".", ",") + after
        else:
            text = f"{before}{size:,.2f}"
        return f"-{text}" if value < 0 else text
    return write


def words(distribution_key: str) -> dict:
    """Every word a statement's lines are drawn with, translated once for the page rather
    than once per line (a statement of 200 lines), with the page's language."""
    unit = str(unit_label(distribution_key))
    return {
        "lang": str(get_locale() or "fr")[:2],
        "verdicts": {code: str(label) for code, label in VERDICTS.items()},
        "natures": {code: str(found.label) for code, found in NATURES.items()},
        "by_volunteer": _("(verdict of a volunteer)"), "nature": _("Nature"),
        "for_building": _("For the building"), "per_unit": _("Per %(unit)s", unit=unit),
        "charged": _("charged at %(n)s per cent", n="{n}"),
        "not_recoverable": _("Not recoverable"),
        "to_establish": _("part to be established from the documents"),
        "year_before": _("On the year before"), "to_look": _("To look at:"),
        "against_others": _("Against the other buildings"),
        "times": _("%(times)s times", times="{times}"),
    }


def init_app(app) -> None:
    """Template helpers: verdicts, natures and keys in words, amounts in euros."""
    from flask_babel import format_decimal

    def language() -> str:
        return str(get_locale() or "fr")[:2]

    app.jinja_env.globals.update(
        charge_verdict=verdict_label, charge_nature=nature_label,
        charge_key=key_label, charge_unit=unit_label,
        charge_letters=LETTERS,
        charge_equipment=lambda code: EQUIPMENT.get(code, code))
    app.jinja_env.filters["euros"] = lambda cents, lang=None: euros_writer(
        lang or language())(cents or 0)
    app.jinja_env.filters["unit_euros"] = lambda value, lang=None: "" if value is None else \
        unit_euros_writer(lang or language())(value)
    app.jinja_env.filters["decimal"] = lambda value: "" if value is None else \
        format_decimal(value)
