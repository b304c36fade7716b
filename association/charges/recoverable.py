"""The recoverable list, kept as data: for each nature of charge, what a landlord may recover
from its tenants, in what proportion, and the text that says so.

The list of recoverable charges is exhaustive (décret n° 87-713 of 26 August 1987; for social
housing, art. L. 442-3 of the Code de la construction et de l'habitation and décret n° 82-955
of 9 November 1982): what it does not name is the landlord's. A caretaker's pay is recoverable
at 75 % when they both keep the common parts clean and take out the waste, at 40 % when they do
only one of the two (art. 2 c) and d) of décret 87-713; art. 2 of décret 82-955). Of pest
control, only the products are (annex, VI), never the labour. Heavy maintenance of a heating
plant (the "P3" of a heating contract), big repairs, management fees, insurance and taxes other
than the waste tax are not on the list.
"""
from dataclasses import dataclass
from functools import lru_cache

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

RECOVERABLE, PARTLY, NOT_RECOVERABLE, ASK = "recoverable", "partly", "not_recoverable", "ask"
VERDICTS = (RECOVERABLE, PARTLY, NOT_RECOVERABLE, ASK)


@dataclass(frozen=True)
class Nature:
    """A nature of charge: its name, the verdict the list gives it, the recoverable share
    (a percentage, for partly recoverable natures; None when the share is not known), why,
    and where the private (décret 87-713) and social (décret 82-955) texts say so."""

    code: str
    label: object
    verdict: str
    why: object
    private_ref: object
    social_ref: object
    share: int | None = None


_ANNEX = _l("decree no. 87-713 of 26 August 1987, annex, %(part)s")
_SOCIAL = _l("art. L. 442-3 CCH and decree no. 82-955 of 9 November 1982, annex, %(part)s")
_DECREE_ART2 = _l("decree no. 87-713, art. 2")
_SOCIAL_ART2 = _l("art. L. 442-3 CCH and decree no. 82-955, art. 2")
_ART23 = _l("art. 23 of law no. 89-462; decree no. 87-713, whose list is exhaustive")
_ART23_SOCIAL = _l("art. 23 of law no. 89-462; art. L. 442-3 CCH and decree no. 82-955, whose "
                   "list is exhaustive")


NATURES: dict[str, Nature] = {n.code: n for n in (
    Nature("heating_fuel", _l("heating: fuel and energy (P1)"), RECOVERABLE,
           _l("The fuel or energy of collective heating is on the list."), _ANNEX, _SOCIAL),
    Nature("heating_upkeep", _l("heating: running and ordinary upkeep (P2)"), RECOVERABLE,
           _l("Running the plant and its ordinary upkeep are on the list."), _ANNEX, _SOCIAL),
    Nature("heating_p3", _l("heating: heavy maintenance, full guarantee (P3)"),
           NOT_RECOVERABLE,
           _l("Replacing the plant's parts (the P3 of a heating contract) is heavy "
              "maintenance, the landlord's: only ordinary upkeep is on the list."),
           _ART23, _ART23_SOCIAL),
    Nature("hot_water", _l("hot water"), RECOVERABLE,
           _l("Producing hot water for the homes is on the list."), _ANNEX, _SOCIAL),
    Nature("water", _l("cold water"), RECOVERABLE,
           _l("Cold water of the homes and of the common parts is on the list."),
           _ANNEX, _SOCIAL),
    Nature("lifts", _l("lifts: electricity, running and upkeep"), RECOVERABLE,
           _l("The electricity, running, regular visits and small repairs of lifts are on "
              "the list."), _ANNEX, _SOCIAL),
    Nature("lift_repairs", _l("lifts: big repairs or modernisation"), NOT_RECOVERABLE,
           _l("Big repairs and modernisation of lifts are not on the list: only their "
              "running and small repairs are."), _ART23, _ART23_SOCIAL),
    Nature("caretaker_both", _l("caretaker: cleaning and waste"), PARTLY,
           _l("A caretaker who keeps the common parts clean and takes out the waste is "
              "recoverable at 75 per cent of their pay, not more."), _DECREE_ART2, _SOCIAL_ART2, 75),
    Nature("caretaker_one", _l("caretaker: cleaning or waste only"), PARTLY,
           _l("A caretaker who does only one of the two tasks (common parts or waste) is "
              "recoverable at 40 per cent of their pay, not more."), _DECREE_ART2, _SOCIAL_ART2, 40),
    Nature("caretaker", _l("caretaker: duties not stated"), ASK,
           _l("A caretaker's pay is recoverable at 75 or 40 per cent depending on their duties: "
              "ask which duties their contract gives them."), _DECREE_ART2, _SOCIAL_ART2),
    Nature("cleaning", _l("cleaning of common parts"), RECOVERABLE,
           _l("Cleaning the common parts (staff or company, products) is on the list."),
           _ANNEX, _SOCIAL),
    Nature("common_electricity", _l("electricity of common parts"), RECOVERABLE,
           _l("The electricity of the common parts is on the list."), _ANNEX, _SOCIAL),
    Nature("green_spaces", _l("green spaces"), RECOVERABLE,
           _l("The upkeep of green spaces and outdoor areas is on the list."), _ANNEX, _SOCIAL),
    Nature("waste_tax", _l("waste collection tax (TEOM)"), RECOVERABLE,
           _l("The waste collection tax is the one tax on the list."), _ANNEX, _SOCIAL),
    Nature("pest_products", _l("pest control: products"), RECOVERABLE,
           _l("The products of pest control are on the list."), _ANNEX, _SOCIAL),
    Nature("pest_control", _l("pest control: products and labour together"), PARTLY,
           _l("Only the products of pest control are recoverable, not the labour: ask for "
              "the split, the labour is the landlord's."), _ANNEX, _SOCIAL),
    Nature("big_repairs", _l("big repairs and works"), NOT_RECOVERABLE,
           _l("Big repairs and works are the landlord's, never charges."), _ART23, _ART23_SOCIAL),
    Nature("management_fees", _l("management fees"), NOT_RECOVERABLE,
           _l("The landlord's management fees are not on the list."), _ART23, _ART23_SOCIAL),
    Nature("insurance", _l("insurance"), NOT_RECOVERABLE,
           _l("The building's insurance is the landlord's: it is not on the list."),
           _ART23, _ART23_SOCIAL),
    Nature("other_taxes", _l("taxes other than the waste tax"), NOT_RECOVERABLE,
           _l("Of taxes, only the waste collection tax is on the list (not the property "
              "tax)."), _ART23, _ART23_SOCIAL),
    Nature("other", _l("other"), ASK,
           _l("This nature is not among those the list names: ask what it pays for and on "
              "which line of the list the landlord recovers it."), _ART23, _ART23_SOCIAL),
)}

# Where each recoverable nature stands in the annex of décret 87-713 (and of 82-955).
PARTS = {"heating_fuel": "II", "heating_upkeep": "II", "hot_water": "II", "water": "II",
         "lifts": "I", "cleaning": "IV", "common_electricity": "IV", "green_spaces": "V",
         "waste_tax": "VIII", "pest_products": "VI", "pest_control": "VI"}


def nature(code: str) -> Nature:
    """The nature of this code (``other`` for a code the list does not know)."""
    return NATURES.get(code, NATURES["other"])


def reference(code: str, social_housing: bool) -> str:
    """The text that says what this nature's verdict is, for private or social housing."""
    found = nature(code)
    template = found.social_ref if social_housing else found.private_ref
    part = PARTS.get(found.code)
    return str(template % {"part": part}) if part else str(template)


def texts(code: str, social_housing: bool, language: str | None = None) -> tuple[str, str]:
    """A nature's why and reference in the page's language (or ``language``, which must be
    the page's), translated once per language (a statement of 200 lines asks 200 times)."""
    return _texts(nature(code).code, bool(social_housing),
                  language or str(get_locale() or "fr"))


@lru_cache(maxsize=512)
def _texts(code: str, social_housing: bool, language: str) -> tuple[str, str]:
    return str(NATURES[code].why), reference(code, social_housing)
