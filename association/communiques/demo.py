"""Demonstration communiqués, written for the demo association (``is_demo = 1``): two
published (one with an English version, one corrected) and a draft. Loading twice changes
nothing."""
from dataclasses import dataclass
from datetime import timedelta

from .. import clock
from ..db import first_row
from . import revisions, workflow


@dataclass(frozen=True)
class _Editor:
    id: int | None
    login: str | None
    role: str = "editor"


COSIGNATORIES = ("Collectif Logement digne du 20e (démonstration)\n"
                 "Union locale des locataires de l'Est parisien (démonstration)")

FILES_FR = {
    "title": "Ce que le bailleur sait de nous : les locataires demandent à voir leur dossier",
    "body": """\
Les locataires des Trois Tilleuls et de la Résidence du Canal écrivent ensemble, à partir \
d'aujourd'hui, à leur bailleur Habitat Exemple OPH pour obtenir la copie de ce qu'il conserve \
sur chacun d'eux.

Depuis des années, des locataires nous disent avoir confié au bailleur des éléments de leur \
vie privée pour appuyer une demande de mutation ou de travaux. Aucun d'eux ne sait aujourd'hui \
où ces éléments sont rangés, qui peut les lire, ni combien de temps ils sont gardés.

## Un droit, pas une faveur

La loi nous donne le droit de le savoir[^1]. Le bailleur doit répondre à chaque locataire dans \
un délai d'un mois : quelles données il détient, d'où elles viennent, à qui il les transmet \
et combien de temps il les conserve.

Nous demandons au bailleur :

1. de répondre à chaque demande dans le délai légal, sans exiger d'autre pièce que ce que la \
loi prévoit ;
2. de dire publiquement quels services ont accès aux dossiers des locataires, et pour quoi \
faire ;
3. d'effacer les commentaires qui n'ont rien à faire dans un dossier de gestion locative.

> Nous ne demandons rien d'autre que ce que la loi garantit à chacun : savoir ce qui est écrit \
sur nous.

Les locataires qui veulent se joindre à la démarche peuvent le faire sans donner leur nom à \
l'Amicale : une clé personnelle suffit. Une permanence se tient le premier samedi du mois, de \
10 h à 12 h, au local de l'Amicale.

[^1]: Règlement général sur la protection des données, article 15 (droit d'accès).
""",
    "cosignatories": COSIGNATORIES,
}

FILES_EN = {
    "title": "What our landlord knows about us: tenants ask to see their files",
    "body": """\
From today, the tenants of Les Trois Tilleuls and Résidence du Canal are writing together to \
their landlord, Habitat Exemple OPH, to obtain a copy of what it keeps about each of them.

For years, tenants have told us that they gave the landlord details of their private life to \
support a request for a transfer or for repairs. None of them knows today where those details \
are filed, who can read them, or how long they are kept.

## A right, not a favour

The law gives us the right to know[^1]. The landlord must answer each tenant within one month: \
what data it holds, where it comes from, to whom it passes it on and how long it keeps it.

We ask the landlord:

1. to answer every request within the legal time limit, without asking for any document the \
law does not require;
2. to say publicly which departments can open tenants' files, and for what purpose;
3. to delete the comments that have no place in a tenancy file.

> We ask for nothing more than what the law guarantees to everyone: to know what is written \
about us.

Tenants who wish to join can do so without giving the association their name: a personal key \
is enough. Volunteers are available on the first Saturday of each month, from 10 am to noon, at \
the association's premises.

[^1]: General Data Protection Regulation, Article 15 (right of access).
""",
    "cosignatories": COSIGNATORIES,
}

LIFTS = {
    "title": "Bâtiment B : trois semaines sans ascenseur, nous demandons un calendrier",
    "body": """\
L'un des deux ascenseurs du bâtiment B des Trois Tilleuls est à l'arrêt depuis trois semaines. \
Les locataires des étages élevés montent leurs courses, leurs poussettes et leurs bouteilles \
d'eau à pied, parfois jusqu'au neuvième étage.

Trois signalements ont été faits au bailleur, par téléphone puis par écrit. La seule réponse \
reçue annonce « une intervention prochaine », sans date.

Nous demandons à Habitat Exemple OPH :

- un calendrier écrit de la réparation, affiché dans le hall ;
- une solution d'attente pour les locataires qui ne peuvent pas monter à pied ;
- la déduction des charges d'ascenseur pour toute la durée de la panne.

L'Amicale tient à jour, avec les locataires du bâtiment, le relevé des jours de panne. Il sera \
joint à notre demande de régularisation des charges.
""",
    "cosignatories": "",
}
LIFTS_CORRECTED = {
    **LIFTS,
    "body": LIFTS["body"].replace(
        "L'un des deux ascenseurs du bâtiment B des Trois Tilleuls est à l'arrêt",
        "Les deux ascenseurs du bâtiment B des Trois Tilleuls sont à l'arrêt"),
    "note": "La première version indiquait qu'un seul des deux ascenseurs était en panne : "
            "les deux sont à l'arrêt.",
}

MEETING = {
    "title": "Assemblée générale de l'Amicale : ordre du jour",
    "body": """\
L'assemblée générale annuelle de l'Amicale se tiendra au local, salle du rez-de-chaussée.

Ordre du jour proposé :

1. rapport d'activité de l'année ;
2. point sur les demandes d'accès aux dossiers ;
3. charges d'ascenseur du bâtiment B ;
4. élection du bureau.

*À compléter : date, heure, modalités de vote par procuration.*
""",
    "cosignatories": "",
}


def _editor(db, login: str) -> _Editor:
    row = first_row(db, "select id, login, role from volunteers where login = ?", [login])
    return _Editor(row["id"], row["login"], row["role"]) if row else _Editor(None, None)


def _published(db, texts: dict, author, approver, moment, lang="fr", original_id=None) -> int:
    communique_id = revisions.create(db, author, lang, texts, {}, original_id, is_demo=True)
    db.execute("update communique_revisions set approved_by = ?, approved_login = ?, "
               "approved_at = ?, created_at = ? where communique_id = ?",
               [approver.id, approver.login, clock.stamp(moment), clock.stamp(moment),
                communique_id])
    workflow.publish(db, revisions.get(db, communique_id), 1, moment)
    return communique_id


def load(db) -> list[str]:
    """Add the demo communiqués unless they are there; return nothing to print."""
    if db.table("communiques").count_where("is_demo = 1"):
        return []
    writer, approver = _editor(db, "demo-redaction"), _editor(db, "demo-admin")
    now = clock.now()
    with db.atomic():
        files = _published(db, FILES_FR, writer, approver, now - timedelta(days=21))
        _published(db, FILES_EN, writer, approver, now - timedelta(days=20), "en", files)
        lifts = _published(db, LIFTS, writer, approver, now - timedelta(days=6))
        revisions.add_revision(db, revisions.get(db, lifts), writer, LIFTS_CORRECTED, {})
        corrected = clock.stamp(now - timedelta(days=5))
        db.execute("update communique_revisions set approved_by = ?, approved_login = ?, "
                   "approved_at = ?, created_at = ? where communique_id = ? and number = 2",
                   [approver.id, approver.login, corrected, corrected, lifts])
        workflow.publish(db, revisions.get(db, lifts), 2, now - timedelta(days=5))
        revisions.create(db, writer, "fr", MEETING, {}, is_demo=True)
    return []
