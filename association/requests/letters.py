"""The letters: the access request itself, the follow-up and the complaint pack.

Everything here is pure: a letter is built from the campaign, the tracker's dates and the
personal fields the member typed, in the letter's language, and returned as a ``Letter``
that the printable page and the PDF both draw. The personal fields live only in the
request being answered: nothing here stores, logs or caches them.
"""
import re
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _

from ..dates import in_words
from ..letters import Letter

LANGUAGES = ("fr", "en")
PLACEHOLDERS = ("full_name", "postal_address", "tenant_ref", "email", "controller", "date")
OPTIONAL = ("tenant_ref", "email")  # a line holding one of these, left empty, is left out
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")

DEFAULT_TEMPLATES = {
    "fr": """Madame, Monsieur,

En application de l’article 15 du règlement général sur la protection des données (RGPD), je vous demande de me confirmer si {controller} traite des données personnelles me concernant et, si c’est le cas, de m’en communiquer une copie.

Cette copie doit être une reproduction fidèle et intelligible, en langage clair, de toutes les données me concernant (CJUE, C‑487/21), y compris le contenu des zones de texte libre (« commentaires », « bloc-notes », observations) de vos logiciels de gestion locative et de relation avec les locataires, les notes figurant dans les dossiers papier et les extraits des courriers, fiches de visite, comptes rendus et enregistrements me concernant. Si ma demande vous parvient par voie électronique, je souhaite recevoir cette copie par voie électronique.

Je pense notamment à ma demande de logement ou de mutation et aux notes de la commission d’attribution, aux enquêtes sur l’occupation du logement et le supplément de loyer de solidarité, aux dossiers de précontentieux et de contentieux, aux enregistrements d’appels, aux badges et à la vidéoprotection, et aux signalements me concernant.

Je vous demande également de m’indiquer :
a) les finalités de chaque traitement ;
b) les catégories de données me concernant ;
c) l’identité des destinataires de ces données, sous-traitants et éditeurs de logiciels compris, et non seulement leurs catégories (CJUE, C‑154/21), y compris dans des pays tiers ;
d) la durée de conservation de chaque catégorie de données ou, à défaut, les critères utilisés pour la déterminer ;
e) l’existence de mes droits de rectification, d’effacement, de limitation et d’opposition ;
f) mon droit d’introduire une réclamation auprès de la CNIL ;
g) toute information disponible sur la source des données qui n’ont pas été collectées auprès de moi ;
h) l’existence de toute décision automatisée, y compris un profilage, la logique qui la sous-tend, ainsi que l’importance et les conséquences prévues de ce traitement pour moi, notamment toute cotation ou notation, par exemple des demandes de mutation ou du risque d’impayé (CJUE, C‑634/21 et C‑203/22).

En cas de transfert de ces données hors de l’Union européenne, je vous demande de m’indiquer les garanties appropriées qui l’encadrent (article 15, paragraphe 2).

Je vous demande aussi les dates et les finalités des consultations de mon dossier (CJUE, C‑579/21) et, à titre complémentaire, les fonctions des personnels qui peuvent y accéder.

Cette demande n’a pas à être motivée et la première copie est gratuite (article 12, paragraphe 5, et article 15, paragraphe 3 ; CJUE, C‑307/22). Les informations de ce courrier suffisent à m’identifier : une copie de pièce d’identité ne peut m’être demandée qu’en cas de doute raisonnable (article 12, paragraphe 6).

L’article 12, paragraphe 3, du RGPD vous impose de répondre dans les meilleurs délais et au plus tard dans un délai d’un mois à compter de la réception de cette demande.

Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.""",
    "en": """Dear Sir or Madam,

Under Article 15 of the General Data Protection Regulation (GDPR), I ask you to confirm whether {controller} processes personal data concerning me and, if so, to send me a copy of it.

This copy must be a faithful and intelligible reproduction, in clear and plain language, of all the data concerning me (CJEU, C-487/21), including the content of free-text fields ("comments", "notepad", remarks) in your tenancy management and tenant relations software, the notes kept in paper files and extracts of the letters, visit reports, minutes and recordings concerning me. If my request reaches you electronically, I wish to receive the copy electronically.

I have in mind in particular my application for housing or for a transfer and the allocation committee's notes, the surveys of occupancy and of the solidarity rent supplement, pre-litigation and litigation files, call recordings, access badges and video surveillance, and any reports concerning me.

I also ask you to tell me:
a) the purposes of each processing;
b) the categories of personal data concerned;
c) the identity of the recipients of the data, subcontractors and software suppliers included, not only their categories (CJEU, C-154/21), including in third countries;
d) how long each category of data is kept or, if that is not possible, the criteria used to determine it;
e) my rights to rectification, erasure, restriction and objection;
f) my right to lodge a complaint with the CNIL;
g) any available information on the source of data not collected from me;
h) the existence of any automated decision-making, including profiling, the logic involved, and the significance and envisaged consequences of such processing for me, in particular any scoring or rating, for instance of transfer applications or of the risk of unpaid rent (CJEU, C-634/21 and C-203/22).

Should the data be transferred outside the European Union, please tell me the appropriate safeguards for the transfer (Article 15(2)).

I also ask for the dates and purposes of the consultations of my file (CJEU, C-579/21) and, in addition, the functions of the staff who can access it.

This request needs no reason and the first copy is free of charge (Articles 12(5) and 15(3); CJEU, C-307/22). The details in this letter are enough to identify me: a copy of an identity document may be asked of me only if there is reasonable doubt (Article 12(6)).

Article 12(3) of the GDPR requires you to answer without undue delay and at the latest within one month of receiving this request.

Yours faithfully,""",
}

CNIL_ADDRESS = ("Commission nationale de l'informatique et des libertés",
                "3 place de Fontenoy", "TSA 80715", "75334 Paris Cedex 07")
CNIL_COMPLAINT_URL = "https://www.cnil.fr/fr/plaintes"


def unknown_placeholders(text: str) -> list[str]:
    """The placeholders of a template that the letter cannot fill."""
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill(template: str, values: dict) -> list[str]:
    """The template's paragraphs with the placeholders filled; a line whose optional
    placeholder is empty is left out."""
    lines = []
    for line in template.replace("\r\n", "\n").split("\n"):
        names = _PLACEHOLDER.findall(line)
        if any(name in OPTIONAL and not values.get(name) for name in names):
            continue
        lines.append(_PLACEHOLDER.sub(lambda m: str(values.get(m[1], m[0]) or ""), line))
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines).strip())
    return [paragraph.strip() for paragraph in paragraphs if paragraph.strip()]


def _sender(fields: dict) -> list[str]:
    lines = [fields["full_name"].strip()]
    lines += [line.strip() for line in fields["postal_address"].splitlines() if line.strip()]
    if fields.get("tenant_ref"):
        lines.append(_("Tenant number (as on the rent notice): %(ref)s",
                       ref=fields["tenant_ref"].strip()))
    if fields.get("email"):
        lines.append(_("Email address: %(email)s", email=fields["email"].strip()))
    return lines


_HOUSE_NUMBER = re.compile(r"^\d+\s*(?:bis|ter|quater|[a-z])?$", re.IGNORECASE)
_POSTCODE_TOWN = re.compile(r"^(\d{5})\s+(.+)$")


def address_lines(address: str | None) -> list[str]:
    """A postal address one element a line, as La Poste wants it: an address typed on one
    line is cut at its commas (never after a bare house number, "12, rue…"), and the town
    after the postcode is written in capitals on the last line."""
    lines = [line.strip() for line in (address or "").splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        lines = []
        for part in (part.strip() for part in (address or "").split(",")):
            if lines and _HOUSE_NUMBER.match(lines[-1]):
                lines[-1] = f"{lines[-1]}, {part}"
            elif part:
                lines.append(part)
    if lines:
        found = _POSTCODE_TOWN.match(lines[-1])
        if found:
            lines[-1] = f"{found[1]} {found[2].upper()}"
    return lines


def _recipient(campaign: dict, registered: bool = False) -> list[str]:
    """The recipient's block: the controller, its data protection officer or, without one,
    the department in charge of data protection, then the address (the officer's own when
    it has one) one element a line."""
    lines = [_("Registered letter with acknowledgement of receipt")] if registered else []
    lines.append(campaign["controller_name"])
    if campaign.get("dpo_email") or campaign.get("dpo_address"):
        lines.append(_("For the attention of the data protection officer"))
    else:
        lines.append(_("Department in charge of personal data protection"))
    lines += address_lines(campaign.get("dpo_address") or campaign.get("controller_address"))
    if campaign.get("dpo_email"):
        lines.append(campaign["dpo_email"])
    return lines


def _dated(fields: dict, today: date, language: str) -> str:
    """The date line: "À Montreuil, le 1er décembre 2026", or "Le …" without a town."""
    day = in_words(today, "day", language)
    town = (fields.get("town") or "").strip()
    return _("%(town)s, %(date)s", town=town, date=day) if town else _("On %(date)s", date=day)


def request_letter(campaign: dict, template: str, fields: dict, language: str,
                   today: date) -> Letter:
    """The access request of one tenant, from the campaign's template."""
    with force_locale(language):
        values = {**{name: (fields.get(name) or "").strip() for name in PLACEHOLDERS},
                  "controller": campaign["controller_name"], "date": in_words(today, "day", language)}
        return Letter(
            language=language, sender=_sender(fields),
            recipient=_recipient(campaign, bool(fields.get("registered"))),
            dated=_dated(fields, today, language),
            subject=_("Subject: request for access to my personal data (Article 15 GDPR)"),
            paragraphs=fill(template, values), signature=values["full_name"])


FOLLOW_UPS = ("late", "partial", "refusal")  # trackers.follow_up_due


def missing_items(tracker: dict) -> list[str]:
    """What an answer left out of what article 15 owes, in the current language."""
    from .labels import item_text

    given = (tracker.get("checklist") or "").split(",")
    lines = [item_text(item) for item in "abcdefgh" if item not in given]
    if not tracker.get("copy_received"):
        lines.append(_("a copy of all my personal data"))
    if not tracker.get("comments_disclosed"):
        lines.append(_("the content of the free-text comment fields about me"))
    if not tracker.get("access_log_disclosed"):
        lines.append(_("the dates and purposes of the consultations of my file (CJEU, "
                       "C-579/21)"))
    return lines


def _receipt_estimated(tracker: dict) -> bool:
    """Whether the receipt is an estimate worth saying so: a posted letter's (an e-mail or a
    letter handed over counts from the day it was sent)."""
    return bool(tracker.get("received_estimated")) and tracker.get("channel") in ("post",
                                                                                 "registered")


def _request_sent(tracker: dict, day) -> str:
    """The first sentence: when the request went, and when it was received (or estimated)."""
    if _receipt_estimated(tracker):
        return _("On %(sent)s I sent you a request for access to my personal data under "
                 "Article 15 of the GDPR (receipt estimated on %(received)s).",
                 sent=day("sent_on"), received=day("received_on"))
    return _("On %(sent)s I sent you a request for access to my personal data under "
             "Article 15 of the GDPR, which you received on %(received)s.",
             sent=day("sent_on"), received=day("received_on"))


def _events(tracker: dict, day) -> list[str]:
    """What the landlord did that the law answers: an extension without reasons, a request
    for identification (justified or not), a fee."""
    from .trackers import extension_counts

    found = []
    if tracker.get("answered_on") and tracker.get("deadline_on") \
            and tracker["answered_on"] > tracker["deadline_on"]:
        found.append(_("Your answer came after %(due)s, the last day Article 12(3) of the "
                       "GDPR allowed.", due=day("deadline_on")))
    if tracker.get("extension_notice_on") and not extension_counts(tracker):
        found.append(_("Your notice of %(notice)s announced an extension without giving its "
                       "reasons, as Article 12(3) of the GDPR requires: it did not extend the "
                       "period.", notice=day("extension_notice_on")))
    if tracker.get("identity_asked_on"):
        if tracker.get("identity_justified") and tracker.get("identity_answered_on"):
            found.append(_("The period was suspended from your request for identification of "
                           "%(asked)s until my answer of %(answered)s.",
                           asked=day("identity_asked_on"), answered=day("identity_answered_on")))
        elif not tracker.get("identity_justified"):
            found.append(_("Your request of %(asked)s for a proof of identity did not suspend "
                           "the period: my letter identified me, and such a proof may be asked "
                           "for only if there is reasonable doubt (Article 12(6) of the GDPR).",
                           asked=day("identity_asked_on")))
    if tracker.get("fee_asked_on"):
        found.append(_("Your request of %(asked)s for a fee has no basis: the first copy is "
                       "free of charge (Articles 12(5) and 15(3) of the GDPR).",
                       asked=day("fee_asked_on")))
    return found


def follow_up_letter(campaign: dict, tracker: dict, fields: dict, language: str,
                     today: date, kind: str, ultimatum: date) -> Letter:
    """The follow-up of ``kind`` (one of ``FOLLOW_UPS``: late, after a partial answer, after
    a refusal): the first request's dates, what the law says of what happened, and a dated
    ultimatum (``ultimatum``: fifteen days after it is received)."""
    if kind not in FOLLOW_UPS:
        raise ValueError(f"no follow-up is due (kind {kind!r}, expected one of {FOLLOW_UPS})")
    with force_locale(language):
        day = lambda name: in_words(tracker[name], "day", language)  # noqa: E731
        paragraphs = [_("Dear Sir or Madam,"), _request_sent(tracker, day)]
        if kind == "late":
            if tracker.get("extended_due_on"):
                paragraphs.append(_("Article 12(3) of the GDPR required you to answer without "
                                    "undue delay and within one month of receipt; you "
                                    "announced an extension on %(notice)s, which set the last "
                                    "day at %(due)s. I have received no answer.",
                                    notice=day("extension_notice_on"), due=day("deadline_on")))
            else:
                paragraphs.append(_("Article 12(3) of the GDPR required you to answer without "
                                    "undue delay and within one month of receipt, that is by "
                                    "%(due)s at the latest. I have received no answer.",
                                    due=day("deadline_on")))
            paragraphs += _events(tracker, day)
            paragraphs.append(_("Had you decided not to act on my request, Article 12(4) of "
                                "the GDPR required you to tell me so within the same period, "
                                "with your reasons and the possibility of lodging a complaint "
                                "with the CNIL and of seeking a judicial remedy."))
            subject = _("Subject: follow-up to my request for access of %(sent)s (Articles "
                        "12(3) and 15 GDPR)", sent=day("sent_on"))
        elif kind == "partial":
            paragraphs.append(_("Your answer of %(answered)s is incomplete. Article 15 of the "
                                "GDPR entitles me to the following, which it does not give:",
                                answered=day("answered_on")))
            paragraphs.append("\n".join(f"– {line}" for line in missing_items(tracker)))
            paragraphs += _events(tracker, day)
            subject = _("Subject: my request for access of %(sent)s, an incomplete answer "
                        "(Article 15 GDPR)", sent=day("sent_on"))
        else:
            paragraphs.append(_("Your answer of %(answered)s refuses my request. Under Article "
                                "12(5) of the GDPR, a controller may refuse only a request "
                                "that is manifestly unfounded or excessive, and it must "
                                "demonstrate it; a request for access to one's own data "
                                "needs no reason (CJEU, C-307/22). I ask you to reconsider "
                                "it.", answered=day("answered_on")))
            paragraphs += _events(tracker, day)
            subject = _("Subject: my request for access of %(sent)s, a refusal without "
                        "grounds (Articles 12(5) and 15 GDPR)", sent=day("sent_on"))
        paragraphs.append(_("I ask you to answer in full without further delay, and at the "
                            "latest by %(date)s, fifteen days after this letter reaches you. "
                            "Otherwise I will lodge a complaint with the CNIL (Commission "
                            "nationale de l'informatique et des libertés) under Article 77 "
                            "of the GDPR, and I reserve the right to go to court (Article 79).",
                            date=in_words(ultimatum, "day", language)))
        paragraphs.append(_("Yours faithfully,"))
        return Letter(
            language=language, sender=_sender(fields),
            recipient=_recipient(campaign, bool(fields.get("registered"))),
            dated=_dated(fields, today, language), subject=subject,
            paragraphs=paragraphs, signature=fields["full_name"].strip())


def controller_lines(campaign: dict) -> list[str]:
    """Who the controller is, as the CNIL's form asks: name, address, SIREN and the data
    protection officer's address."""
    lines = [campaign["controller_name"], *address_lines(campaign.get("controller_address"))]
    if campaign.get("siren"):
        lines.append(_("SIREN: %(siren)s", siren=campaign["siren"]))
    if campaign.get("dpo_email"):
        lines.append(_("Data protection officer: %(email)s", email=campaign["dpo_email"]))
    if campaign.get("dpo_address"):
        lines.append(_("Data protection officer's address: %(address)s",
                       address=", ".join(address_lines(campaign["dpo_address"]))))
    return lines


def complaint_text(campaign: dict, tracker: dict, language: str) -> str:
    """The text to paste into the CNIL's online complaint form (nothing personal in it:
    the CNIL's form asks who the complainant is)."""
    with force_locale(language):
        day = lambda name: in_words(tracker[name], "day", language)  # noqa: E731
        parts = [_("I am a tenant of %(controller)s.", controller=campaign["controller_name"]),
                 _("On %(sent)s I sent it a request for access to my personal data under "
                   "Article 15 of the GDPR.", sent=day("sent_on"))]
        if _receipt_estimated(tracker):
            parts.append(_("Its receipt is estimated on %(received)s.",
                           received=day("received_on")))
        else:
            parts.append(_("It was received on %(received)s.", received=day("received_on")))
        if tracker.get("extended_due_on"):
            parts.append(_("The controller announced an extension on %(notice)s; the last day "
                           "to answer was %(due)s.", notice=day("extension_notice_on"),
                           due=day("deadline_on")))
        else:
            parts.append(_("Under Article 12(3) of the GDPR, the last day to answer was "
                           "%(due)s.", due=day("deadline_on")))
        parts += _complaint_events(tracker, day)
        if tracker.get("followed_up_on"):
            parts.append(_("I sent a follow-up on %(date)s.", date=day("followed_up_on")))
        if tracker.get("answered_on") and tracker.get("grade") == "refusal":
            parts.append(_("The answer I received on %(date)s refuses my request, without "
                           "demonstrating that it is manifestly unfounded or excessive "
                           "(Article 12(5)).", date=day("answered_on")))
        elif tracker.get("answered_on"):
            parts.append(_("The answer I received on %(date)s is incomplete: it leaves out "
                           "items required by Article 15, namely %(missing)s.",
                           date=day("answered_on"),
                           missing="; ".join(missing_items(tracker))))
        else:
            parts.append(_("I have received no answer to this day."))
        parts.append(_("The request asked in particular for the content of the free-text "
                       "comment fields and of the notes in paper files, the recipients of "
                       "the data by name, subcontractors included, and the dates and "
                       "purposes of the consultations of my file."))
        parts.append(_("Under Article 77 of the GDPR, I ask the CNIL to obtain a complete "
                       "answer."))
        parts.append(_("This request is part of a joint campaign of the tenants of this "
                       "landlord."))
        return " ".join(parts)


def _complaint_events(tracker: dict, day) -> list[str]:
    """The landlord's moves, told to the CNIL."""
    from .trackers import extension_counts

    found = []
    if tracker.get("answered_on") and tracker.get("deadline_on") \
            and tracker["answered_on"] > tracker["deadline_on"]:
        found.append(_("Its answer came after that last day."))
    if tracker.get("extension_notice_on") and not extension_counts(tracker):
        found.append(_("Its notice of %(notice)s announced an extension without reasons, so "
                       "it did not extend the period (Article 12(3)).",
                       notice=day("extension_notice_on")))
    if tracker.get("identity_asked_on") and not tracker.get("identity_justified"):
        found.append(_("On %(asked)s it asked me for a proof of identity although my request "
                       "identified me (Article 12(6)).", asked=day("identity_asked_on")))
    if tracker.get("fee_asked_on"):
        found.append(_("On %(asked)s it asked me for a fee, although the first copy is free "
                       "(Article 12(5)).", asked=day("fee_asked_on")))
    return found


def complaint_attachments(tracker: dict, language: str) -> list[str]:
    """The documents the CNIL asks for with a complaint."""
    with force_locale(language):
        found = [_("a copy of your access request (the letter, or the e-mail you sent)"),
                 _("the proof of sending: the acknowledgement of receipt of a registered "
                   "letter, the e-mail as sent, or the receipt stamped by the landlord")]
        if tracker.get("followed_up_on"):
            found.append(_("a copy of your follow-up letter and its proof of sending"))
        if tracker.get("extension_notice_on"):
            found.append(_("the landlord's letter announcing an extension"))
        if tracker.get("identity_asked_on") or tracker.get("fee_asked_on"):
            found.append(_("the landlord's letters asking for a proof of identity or for a "
                           "fee"))
        if tracker.get("answered_on"):
            found.append(_("the landlord's answer"))
        return found
