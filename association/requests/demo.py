"""Demonstration content: one open campaign towards the demo landlord, with trackers in
several states (belonging to no member), all marked ``is_demo``."""
from datetime import timedelta

from ..db import first_row
from . import campaigns, trackers
from ..clock import today

DEMO_SLUG = "habitat-exemple"
EXPLANATION = """**Démonstration.** Ce que notre bailleur écrit sur nous, nous avons le droit de le lire.

Fin 2011, après des plaintes d'associations de locataires, la CNIL a mis en demeure Paris Habitat-OPH, et a rendu cette mise en demeure publique début 2012 : des gardiens avaient accès aux comptes de loyer des locataires, et les dossiers contenaient des commentaires subjectifs et des mentions d'infractions. Chaque locataire peut demander **tout** ce que le bailleur détient sur lui (article 15 du RGPD), y compris ces zones de texte libre, et le bailleur doit répondre **dans un mois**.

Envoyée par une seule personne, une demande se perd. Envoyée par des dizaines de locataires la même semaine, suivie au jour près et relancée ensemble, elle devient une demande collective de transparence.

1. Préparez votre lettre ci-dessous : rien de ce que vous tapez n'est enregistré.
2. Envoyez-la, puis dites-nous quand : nous suivons le délai pour vous.
3. Sans réponse, la relance puis la plainte à la CNIL sont prêtes dans votre espace."""

# (how many, days ago it was sent, channel, answer: (days ago, grade, items given, copy,
# comments disclosed, log disclosed) or None, days ago a follow-up was sent by e-mail)
TRACKERS = (
    (4, None, None, None, None),
    (6, 5, "post", None, None),
    (3, 27, "email", None, None),
    (5, 40, "registered", None, 5),
    (4, 60, "post", None, None),
    (3, 50, "email", (30, "complete", "a,b,c,d,e,f,g,h,staff", 1, 1, 1), None),
    (4, 55, "registered", (35, "partial", "a,b,d,f", 1, 0, 0), None),
    (3, 70, "post", (20, "refusal", "", 0, 0, 0), None),
)


def load(db) -> list[str]:
    """The demo campaign and its trackers, unless already there."""
    if db.table("campaigns").count_where("is_demo = 1"):
        return []
    landlord = first_row(db, "select * from landlords where is_demo = 1 order by id")
    if landlord is None:
        return []
    day = today()
    campaign_id = campaigns.save(db, {
        "slug": DEMO_SLUG, "title": "Ce que Habitat Exemple sait de nous (démonstration)",
        "landlord_id": landlord["id"], "controller_name": landlord["name"],
        "controller_address": landlord["postal_address"], "dpo_email": landlord["dpo_email"],
        "siren": landlord["siren"], "explanation": EXPLANATION,
        "opens_on": (day - timedelta(days=90)).isoformat(),
        "closes_on": (day + timedelta(days=90)).isoformat()}, is_demo=True)
    campaign = campaigns.get(db, campaign_id)
    for count, sent_days, channel, answer, followed_days in TRACKERS:
        for _ in range(count):
            changes = {}
            if sent_days is not None:
                changes = {"sent_on": (day - timedelta(days=sent_days)).isoformat(),
                           "channel": channel}
            if answer:
                answered_days, grade, items, copy, comments, log = answer
                changes.update(answered_on=(day - timedelta(days=answered_days)).isoformat(),
                               grade=grade, checklist=items, copy_received=copy,
                               comments_disclosed=comments, access_log_disclosed=log)
            if followed_days is not None:
                changes.update(followed_up_on=(day - timedelta(days=followed_days)).isoformat(),
                               followed_up_channel="email")
            trackers.start(db, campaign, None, day, is_demo=True, **changes)
    return []
