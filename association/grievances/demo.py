"""Demonstration reports in several buildings and kinds, and one collective case with its
letter: written by us, marked ``is_demo``. Most are already checked by a volunteer, so that the
buildings' public pages count them (a report still "new" from no confirmed key is not counted,
issue 19); one is left new, for the volunteers' desk to triage."""
import json
from dataclasses import asdict
from datetime import date, timedelta

from .. import clock, reference
from . import cases, reports

REPORTS = (
    (0, "damp", "Moisissures au plafond de la salle de bains depuis l'hiver ; la VMC ne tire "
                "plus.", "2025-11", "checked"),
    (0, "damp", "Murs humides dans la chambre côté rue, papier peint qui se décolle.",
     "2025-12", "checked"),
    (0, "damp", "Taches noires dans les placards, odeur de moisi permanente.", "2026-01", "new"),
    (0, "lifts", "L'ascenseur est en panne une semaine sur deux ; hier encore bloqué au 3e.",
     "2026-02", "checked"),
    (0, "lifts", "Ascenseur arrêté tout le week-end, personne n'est venu.", "2026-03", "checked"),
    (0, "lifts", "Bloquée dans l'ascenseur vingt minutes mardi soir.", "2026-03", "checked"),
    (1, "heating", "Radiateurs tièdes dans tout l'appartement, 16 °C le soir.", "2026-10",
     "checked"),
    (1, "pests", "Cafards dans la cage d'escalier et les locaux poubelles.", "2026-09",
     "checked"),
    (2, "charges", "La régularisation des charges 2025 ne détaille pas l'entretien des "
                   "espaces verts.", "2026-06", "checked"),
    (2, "cleanliness", "Le local à vélos n'a pas été nettoyé depuis septembre.", "2026-10",
     "new"),
)


def load(db) -> list[str]:
    """The demo reports and case, once (idempotent)."""
    if db.table("grievances").count_where("is_demo = 1"):
        return []
    buildings = [row["id"] for row in db.query(
        "select id from buildings where is_demo = 1 order by id")]
    if not buildings:
        return []
    now = clock.stamp()
    with db.atomic():
        ids = []
        for index, category, text, since, status in REPORTS:
            ids.append(db.table("grievances").insert({
                "reference": reports.new_reference(), "member_id": None,
                "building_id": buildings[index % len(buildings)], "category": category,
                "description": text, "since": since, "status": status, "created_at": now,
                "updated_at": now, "is_demo": 1}).last_pk)
        case_id = db.table("cases").insert({
            "building_id": buildings[0], "category": "damp",
            "title": "Humidité et moisissures",
            "demands": "Un diagnostic de la ventilation de tous les logements sous un mois, "
                       "la remise en état des VMC, et le traitement des moisissures dans les "
                       "logements touchés, sans frais pour les locataires.",
            "status": "sent", "households": 3,
            "sent_on": (clock.today() - timedelta(days=20)).isoformat(),
            "sent_how": "lettre recommandée avec accusé de réception",
            "response_due": (clock.today() + timedelta(days=11)).isoformat(),
            "created_at": now, "created_by": "demo-benevole", "is_demo": 1}).last_pk
        db.execute("update grievances set case_id = ?, status = 'sent' where id in (?, ?, ?)",
                   [case_id, *ids[:3]])
        counted = cases.counted_now(db, {"id": case_id, "building_id": buildings[0],
                                      "category": "damp"})
        db.table("cases").update(case_id, {"households": counted["households"],
                                           "sent_facts": json.dumps(counted)})
        db.table("case_events").insert({
            "case_id": case_id, "happened_on": (clock.today() - timedelta(days=20)).isoformat(),
            "kind": "letter_sent", "volunteer_login": "demo-benevole", "created_at": now,
            "is_demo": 1})
        # The letter as sent, kept as evidence like any case's once its sending is recorded.
        case = cases.get(db, case_id)
        sent = cases.letter(case, cases.facts(db, case), reference.association(db),
                            date.fromisoformat(case["sent_on"]),
                            date.fromisoformat(case["response_due"]))
        db.table("cases").update(case_id, {"letter_sent": json.dumps(asdict(sent))})
    return []
