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

En application de l’article 15 du règlement général sur la protection des données (RGPD), je vous demande de me confirmer si {controller} traite des données personnelles me concernant et, si c’est le cas, de m’en communiquer une copie complète.

Cette copie doit comprendre toutes les données me concernant, y compris le contenu des zones de texte libre (« commentaires », « bloc-notes », observations) de vos logiciels de gestion locative et de relation avec les locataires, ainsi que les notes figurant dans les dossiers papier.

Je vous demande également de m’indiquer :
a) les finalités de chaque traitement ;
b) les catégories de données me concernant ;
c) les destinataires de ces données, y compris les fonctions des personnels qui peuvent accéder à mon dossier et les sous-traitants, éditeurs de logiciels compris ;
d) la durée de conservation de chaque catégorie de données ;
e) l’existence de mes droits de rectification, d’effacement, de limitation et d’opposition ;
f) mon droit d’introduire une réclamation auprès de la CNIL ;
g) la source des données qui n’ont pas été collectées auprès de moi ;
h) l’existence de toute décision automatisée, y compris un profilage, et la logique qui la sous-tend.

Si vous tenez un journal des consultations de mon dossier, je vous demande de me le communiquer aussi.

L’article 12, paragraphe 3, du RGPD vous impose de répondre dans un délai d’un mois à compter de la réception de cette demande.

Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.""",
    "en": """Dear Sir or Madam,

Under Article 15 of the General Data Protection Regulation (GDPR), I ask you to confirm whether {controller} processes personal data concerning me and, if so, to send me a complete copy of it.

This copy must include all the data concerning me, including the content of free-text fields ("comments", "notepad", remarks) in your tenancy management and tenant relations software, and the notes kept in paper files.

I also ask you to tell me:
a) the purposes of each processing;
b) the categories of personal data concerned;
c) the recipients of the data, including which staff roles can access my file and which subcontractors, software suppliers included;
d) how long each category of data is kept;
e) my rights to rectification, erasure, restriction and objection;
f) my right to lodge a complaint with the CNIL;
g) the source of any data not collected from me;
h) the existence of any automated decision-making, including profiling, and the logic involved.

If you keep a log of who consulted my file, please send it to me as well.

Article 12(3) of the GDPR requires you to answer within one month of receiving this request.

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
        lines.append(_("Tenant reference: %(ref)s", ref=fields["tenant_ref"].strip()))
    if fields.get("email"):
        lines.append(_("E-mail: %(email)s", email=fields["email"].strip()))
    return lines


def _recipient(campaign: dict) -> list[str]:
    lines = [campaign["controller_name"], _("For the attention of the data protection "
                                           "officer")]
    lines += [line.strip() for line in (campaign["controller_address"] or "").splitlines()
              if line.strip()]
    if campaign.get("dpo_email"):
        lines.append(campaign["dpo_email"])
    return lines


def request_letter(campaign: dict, template: str, fields: dict, language: str,
                   today: date) -> Letter:
    """The access request of one tenant, from the campaign's template."""
    with force_locale(language):
        values = {**{name: (fields.get(name) or "").strip() for name in PLACEHOLDERS},
                  "controller": campaign["controller_name"], "date": in_words(today, "day", language)}
        return Letter(
            language=language, sender=_sender(fields), recipient=_recipient(campaign),
            dated=_("On %(date)s", date=values["date"]),
            subject=_("Subject: request for access to my personal data (Article 15 GDPR)"),
            paragraphs=fill(template, values), signature=values["full_name"])


def follow_up_letter(campaign: dict, tracker: dict, fields: dict, language: str,
                     today: date) -> Letter:
    """The follow-up: the first request's dates, Art. 12(3), and what is still missing."""
    from .labels import item_text

    with force_locale(language):
        day = lambda name: in_words(tracker[name], "day", language)  # noqa: E731
        paragraphs = [_("Dear Sir or Madam,")]
        first = _("On %(sent)s I sent you a request for access to my personal data under "
                  "Article 15 of the GDPR, which you received on %(received)s.",
                  sent=day("sent_on"), received=day("received_on"))
        if tracker.get("received_estimated"):
            first = _("On %(sent)s I sent you a request for access to my personal data under "
                      "Article 15 of the GDPR.", sent=day("sent_on"))
        paragraphs.append(first)
        if tracker.get("answered_on"):
            missing = [item for item in "abcdefgh"
                       if item not in (tracker.get("checklist") or "").split(",")]
            paragraphs.append(_("Your answer of %(answered)s is incomplete. Article 15 of the "
                                "GDPR entitles me to the following, which it does not give:",
                                answered=day("answered_on")))
            lines = [item_text(item) for item in missing]
            if not tracker.get("copy_received"):
                lines.append(_("a copy of all my personal data"))
            if not tracker.get("comments_disclosed"):
                lines.append(_("the content of the free-text comment fields about me"))
            paragraphs.append("\n".join(f"– {line}" for line in lines))
        else:
            deadline = day("deadline_on")
            if tracker.get("extended_due_on"):
                paragraphs.append(_("Article 12(3) of the GDPR required you to answer within "
                                    "one month of receipt; you announced an extension on "
                                    "%(notice)s, which set the last day at %(due)s. I have "
                                    "received no answer.", notice=day("extension_notice_on"),
                                    due=deadline))
            else:
                paragraphs.append(_("Article 12(3) of the GDPR required you to answer within "
                                    "one month of receipt, that is by %(due)s at the latest. "
                                    "I have received no answer.", due=deadline))
        paragraphs.append(_("I ask you to answer in full without further delay. Without a "
                            "complete answer within fifteen days, I will lodge a complaint "
                            "with the CNIL (Commission nationale de l'informatique et des "
                            "libertés)."))
        paragraphs.append(_("Yours faithfully,"))
        return Letter(
            language=language, sender=_sender(fields), recipient=_recipient(campaign),
            dated=_("On %(date)s", date=in_words(today, "day", language)),
            subject=_("Subject: follow-up to my request for access of %(sent)s (Articles 12(3) "
                      "and 15 GDPR)", sent=day("sent_on")),
            paragraphs=paragraphs, signature=fields["full_name"].strip())


def complaint_text(campaign: dict, tracker: dict, language: str) -> str:
    """The text to paste into the CNIL's online complaint form (nothing personal in it:
    the CNIL's form asks who the complainant is)."""
    with force_locale(language):
        day = lambda name: in_words(tracker[name], "day", language)  # noqa: E731
        parts = [_("On %(sent)s I sent %(controller)s a request for access to my personal "
                   "data under Article 15 of the GDPR.", sent=day("sent_on"),
                   controller=campaign["controller_name"])]
        if not tracker.get("received_estimated"):
            parts.append(_("It was received on %(received)s.", received=day("received_on")))
        if tracker.get("extended_due_on"):
            parts.append(_("The controller announced an extension on %(notice)s; the last day "
                           "to answer was %(due)s.", notice=day("extension_notice_on"),
                           due=day("deadline_on")))
        else:
            parts.append(_("Under Article 12(3) of the GDPR, the last day to answer was "
                           "%(due)s.", due=day("deadline_on")))
        if tracker.get("followed_up_on"):
            parts.append(_("I sent a follow-up on %(date)s.", date=day("followed_up_on")))
        if tracker.get("answered_on"):
            parts.append(_("The answer I received on %(date)s is incomplete: it leaves out "
                           "items required by Article 15.", date=day("answered_on")))
        else:
            parts.append(_("I have received no answer to this day."))
        parts.append(_("The request asked in particular for the content of the free-text "
                       "comment fields and of the notes in paper files, the recipients of "
                       "the data (staff roles and subcontractors) and the log of who "
                       "consulted my file. I ask the CNIL to obtain a complete answer."))
        parts.append(_("This request is part of a joint campaign of the tenants of this "
                       "landlord."))
        return " ".join(parts)


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
        if tracker.get("answered_on"):
            found.append(_("the landlord's answer"))
        return found
