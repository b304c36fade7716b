"""Demonstration actions, written by us and marked as such: coming public actions, a
members-only one whose place stays hidden, and one that took place."""
from datetime import time, timedelta

from .. import clock
from . import agenda
from .timing import resolve

# (days from today, start, end, kind, title, place, description, visibility, extra)
DEMO = (
    (9, time(18, 30), time(20, 30), "public_meeting",
     "Réunion publique : nos charges de chauffage (démonstration)",
     "Salle polyvalente, 12 rue des Tilleuls, 75020 Paris",
     "Les provisions pour charges de chauffage ont augmenté de **38 %** en deux ans.\n\n"
     "Venez comprendre les décomptes et préparer ensemble nos questions au bailleur :\n\n"
     "- ce que dit le contrat de chauffage ;\n- ce que nous avons le droit de consulter ;\n"
     "- la suite que nous voulons donner.", "public", {"show_count": True}),
    (23, time(10, 0), time(12, 30), "general_assembly",
     "Assemblée générale de l'amicale (démonstration)",
     "Salle polyvalente, 12 rue des Tilleuls, 75020 Paris",
     "Ordre du jour : rapport d'activité, comptes, élection du bureau, actions de l'année.\n\n"
     "Tout locataire peut venir ; seuls les adhérents votent.", "public",
     {"capacity": 80, "show_count": True}),
    (4, time(17, 0), time(19, 0), "office_hours", "Permanence de l'amicale (démonstration)",
     "Local de l'amicale, rez-de-chaussée du bâtiment B",
     "Nous vous aidons à écrire au bailleur et à remplir vos demandes d'accès.", "public", {}),
    # The heating accounts are the landlord's to show (art. 23 loi 89-462, art. 44 loi
    # 86-1290), not its contractor's: a delegation at its agency (legal review, B6).
    (16, time(9, 0), time(11, 0), "delegation",
     "Délégation à l'agence du bailleur : les décomptes de chauffage (démonstration)",
     "Agence du bailleur, 1 place de l'Exemple, 75013 Paris",
     "Nous venons consulter les pièces justificatives des charges de chauffage, que le "
     "bailleur doit tenir à notre disposition pendant six mois après la régularisation. "
     "Le point de rendez-vous est donné 12 heures avant aux personnes qui ont répondu "
     "« Je viens ».", "members",
     {"place_reveal_hours": 12, "capacity": 40}),
)
PAST = (-30, time(11, 0), time(12, 0), "rally",
        "Rassemblement devant l'agence du bailleur (démonstration)",
        "Devant l'agence, 1 place de l'Exemple, 75013 Paris",
        "Nous étions nombreux pour demander la réparation des ascenseurs.", "public",
        {"show_count": True})
PAST_COUNT = 37


def load(db) -> list[str]:
    """Add the demonstration actions once (nothing when some are there already)."""
    if db.table("actions").count_where("is_demo = 1"):
        return []
    today = clock.today()
    made = []
    for days, start, end, kind, title, place, description, visibility, extra in DEMO + (PAST,):
        day = today + timedelta(days=days)
        fields = {"kind": kind, "title": title, "place": place, "description": description,
                  "visibility": visibility, "starts_at": resolve(day, start),
                  "ends_at": resolve(day, end), **extra}
        made.append(agenda.create(db, fields, "fr", is_demo=True))
    with db.atomic():
        db.execute("update actions set rsvp_count = ?, confirmed_count = ? where id = ?",
                   [PAST_COUNT, PAST_COUNT, made[-1]])
        db.execute("update actions set rsvp_count = 14, confirmed_count = 14 where id = ?",
                   [made[1]])
        volunteer = db.execute("select id, login from volunteers where login = 'demo-benevole'")\
            .fetchone()
        if volunteer:
            first = db.execute("select id from action_tasks where action_id = ? order by "
                               "position limit 1", [made[1]]).fetchone()
            db.execute("update action_tasks set assignee_id = ?, assignee_login = ?, "
                       "done_at = ? where id = ?",
                       [volunteer[0], volunteer[1], clock.stamp(), first[0]])
    return []
