"""The charges check's letters to the landlord, in French, drawn by the core's letters
(printable page and PDF): a request to consult the supporting documents (art. 23 of law
89-462, art. 44 of law 86-1290), a dispute of the flagged lines with grounds and amounts, and
a request to refund, dated for the three years of art. 7-1. They hold the building's accounts
and the association's name, never a tenant's."""
from datetime import date

from babel.numbers import format_currency, format_decimal

from ..dates import in_words
from ..letters import Letter
from . import windows
from .check import Checked, totals
from .labels import KEYS, LETTERS, nature_label
from .recoverable import ASK

KINDS = tuple(LETTERS)
_UNITS_FR = {"surface": "m²", "shares": "tantième"}


def euros(cents: int | None) -> str:
    """An amount in cents the French way: "1 234,56 €"."""
    return format_currency((cents or 0) / 100, "EUR", locale="fr_FR")


def per_unit(value: float | None, key: str) -> str:
    """A cost per m² or share the French way: "1,23 € par m²"."""
    if value is None:
        return ""
    return (f"{format_decimal(round(value, 4), format='#,##0.00', locale='fr_FR')} € par "
            f"{_UNITS_FR.get(key, 'm²')}")


def _fr(text) -> str:
    from flask_babel import force_locale

    with force_locale("fr"):
        return str(text)


def _place(statement: dict) -> str:
    return statement["building_name"] + (f", {statement['street_address']}"
                                         if statement.get("street_address") else "")


def _line_text(checked: Checked, key: str, disputed: bool) -> str:
    text = (f"— {checked.label} ({_fr(nature_label(checked.nature))}) : "
            f"{euros(checked.amount_cents)} pour l'immeuble")
    if checked.per_unit is not None:
        text += f", soit {per_unit(checked.per_unit, key)}"
    if disputed and checked.excess is not None and checked.excess < 0:
        # A credit of a nature the tenants do not owe: it lessens what is claimed back.
        return text + (f", un avoir sur une charge qui n'est pas récupérable "
                       f"({checked.reference}), déduit de ce que nous contestons.")
    if disputed:
        text += f". {_fr_why(checked)} ({checked.reference})"
        text += (f". Montant contesté : {euros(checked.excess)}" if checked.excess is not None
                 else ". Montant contesté : à établir d'après les pièces")
    return text + "."


_OUT_OF_SERVICE = {"lift": ("L'ascenseur", "d'ascenseur"),
                   "heating": ("Le chauffage", "de chauffage (conduite et entretien)"),
                   "hot_water": ("L'eau chaude", "d'eau chaude")}


def _deduction_text(deduction: tuple[str, int, int], year: int) -> str:
    equipment, days, cents = deduction
    subject, charges = _OUT_OF_SERVICE[equipment]
    return (f"{subject} a été hors service {days} jour{'s' if days > 1 else ''} en {year}, "
            "d'après le relevé de l'amicale. Les charges n'étant exigibles qu'en contrepartie "
            "des services rendus (article 23 de la loi n° 89-462 du 6 juillet 1989), nous "
            f"demandons que les charges {charges} soient réduites au prorata de ces jours, "
            f"soit {euros(cents)} pour l'immeuble.")


def _fr_why(checked: Checked) -> str:
    return checked.why.rstrip(".")


def letter(kind: str, statement: dict, checked: list[Checked], association: dict,
           today: date, deductions: list[tuple[str, int, int]] = ()) -> Letter:
    """One of the three letters (``KINDS``) about a statement and its check (the check's
    texts must have been made in French: call it under ``force_locale("fr")``);
    ``deductions``: the days equipment was out of service and what they take off its
    charges (``outages.deductions``), asked in the dispute letter."""
    year, key = statement["year"], statement["distribution_key"]
    received = in_words(statement["received_on"], "day", "fr")
    building = f"de l'immeuble « {statement['building_name']} »"
    sums = totals(statement, checked)
    paragraphs = ["Madame, Monsieur,"]
    if kind == "consultation":
        subject = f"Objet : Consultation des pièces justificatives des charges {year}"
        paragraphs += [
            f"Nous avons reçu le {received} le décompte des charges {year} {building}, "
            f"réparties {_fr(KEYS.get(key, key))}.",
            "En application de l'article 23 de la loi n° 89-462 du 6 juillet 1989, les pièces "
            "justificatives des charges sont tenues à la disposition des locataires pendant "
            "six mois à compter de l'envoi du décompte, soit jusqu'au "
            f"{in_words(windows.consult_until(statement), 'day', 'fr')}. L'article 44 de la loi "
            "n° 86-1290 du 23 décembre 1986 donne aux représentants de l'association accès "
            "aux documents concernant la détermination et l'évolution des charges locatives.",
            "Nous vous demandons de nous indiquer, dans un délai de quinze jours, les dates et "
            "le lieu où nous pourrons consulter les factures, les contrats de fourniture et "
            "d'exploitation (dont le contrat de chauffage et le détail de ses postes P1, P2 et "
            "P3) et, pour la part récupérée, le contrat de travail du personnel de gardiennage "
            "et d'entretien.",
        ]
        asked = [c for c in checked if c.verdict == ASK or c.flags]
        if asked:
            paragraphs.append("Nous souhaitons en particulier comprendre les lignes suivantes :")
            paragraphs += [_line_text(c, key, False) + (f" ({', '.join(c.flags)})" if c.flags
                                                        else "") for c in asked]
    elif kind == "contestation":
        subject = f"Objet : Contestation des charges {year}"
        disputed = [c for c in checked if c.disputed]
        paragraphs += [
            f"Nous avons examiné le décompte des charges {year} {building}, reçu le "
            f"{received}, au regard de l'article 23 de la loi n° 89-462 du 6 juillet 1989, "
            "selon lequel seules les charges figurant sur la liste limitative des charges "
            "récupérables peuvent être réclamées aux locataires, en contrepartie de services "
            "rendus.",
            "Nous contestons les lignes suivantes :" if disputed else
            "Nous n'avons relevé aucune ligne à contester.",
            *[_line_text(c, key, True) for c in disputed],
        ]
        if disputed:
            total = f"Au total, nous contestons {euros(sums['excess'])} pour l'immeuble"
            if sums["excess_per_unit"] is not None:
                total += f", soit {per_unit(sums['excess_per_unit'], key)}"
            paragraphs.append(total + ".")
        paragraphs += [_deduction_text(found, year) for found in deductions]
        if disputed or deductions:
            paragraphs.append(
                "Nous vous demandons de rectifier la régularisation de ces charges et de "
                "reverser aux locataires les sommes indûment perçues, et de nous faire part de "
                "votre réponse dans un délai d'un mois.")
    else:
        subject = f"Objet : Remboursement des charges {year} indûment perçues"
        claim = in_words(windows.claim_until(statement), "day", "fr")
        total = euros(sums["excess"])
        if sums["excess_per_unit"] is not None:
            total += f" pour l'immeuble, soit {per_unit(sums['excess_per_unit'], key)}"
        paragraphs += [
            f"Le décompte des charges {year} {building}, reçu le {received}, comprend des "
            "sommes qui ne sont pas des charges récupérables au sens de l'article 23 de la loi "
            f"n° 89-462 du 6 juillet 1989 : {total}.",
            "L'article 7-1 de la même loi laisse trois ans pour en demander la restitution ; "
            f"ce délai court jusqu'au {claim} et notre demande, datée de ce jour, est faite "
            "dans ce délai.",
            "Nous vous demandons de rembourser ces sommes à chaque foyer de l'immeuble, selon "
            "la clé de répartition du décompte, par un avoir sur le prochain avis d'échéance, "
            "dans un délai d'un mois.",
        ]
    paragraphs.append("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations "
                      "distinguées.")
    return Letter(
        language="fr",
        sender=[line for line in (association.get("name"), association.get("postal_address"))
                if line],
        recipient=[line for line in (statement.get("sender") or statement.get("landlord_name"),
                                     statement.get("landlord_address")) if line],
        dated=f"Le {in_words(today, 'day', 'fr')}",
        subject=f"{subject} — {_place(statement)}",
        paragraphs=paragraphs,
        signature=f"Pour l'amicale : {association.get('name') or ''}".strip().rstrip(" :"))


def unfounded(kind: str, statement: dict, checked: list[Checked], today: date) -> str | None:
    """Why the letter ``kind`` would misstate the facts or the law today, in the page's
    language, or None: a refund asks back what is known not to be recoverable, within the
    three years of art. 7-1."""
    from flask_babel import gettext as _

    from ..dates import in_words as date_in_words

    if kind != "remboursement":
        return None
    claim = windows.claim_until(statement)
    if claim < today:
        return _("The three years to claim back ended on %(date)s: a refund can no longer be "
                 "asked under art. 7-1.", date=date_in_words(claim, "day"))
    if totals(statement, checked)["excess"] <= 0:  # credits may outweigh what is owed
        return _("Nothing on this statement is known not to be recoverable yet: dispute the "
                 "flagged lines, or consult the supporting documents, before asking a refund.")
    return None


def title(kind: str, statement: dict) -> str:
    """The letter's title on the case's timeline and in the PDF's properties, in French."""
    return f"{_fr(LETTERS[kind])} — {statement['year']}"
