"""Demonstration statements, written by us and marked ``is_demo``: a demo building's heating
year with a P3 line and a caretaker charged at 100 %, the ordinary year before it, and another
building's year to compare costs per m² with. Both of the first building's are published."""
from datetime import date, timedelta

from .. import clock
from . import outages, statements

# (label, nature, euros, charged per cent)
ORDINARY = (
    ("Combustible gaz (P1)", "heating_fuel", 36_900, None),
    ("Conduite et entretien de la chaufferie (P2)", "heating_upkeep", 7_000, None),
    ("Eau chaude sanitaire", "hot_water", 11_800, None),
    ("Salaire et charges du gardien", "caretaker_both", 25_500, 75),
    ("Nettoyage des parties communes", "cleaning", 9_500, None),
    ("Électricité des parties communes", "common_electricity", 2_900, None),
    ("Contrat d'entretien de l'ascenseur", "lifts", 4_200, None),
    ("Taxe d'enlèvement des ordures ménagères", "waste_tax", 8_100, None),
)
HEATING_YEAR = (
    ("Combustible gaz (P1)", "heating_fuel", 48_600, None),
    ("Conduite et entretien de la chaufferie (P2)", "heating_upkeep", 7_200, None),
    ("Garantie totale de la chaufferie (P3)", "heating_p3", 6_400, None),
    ("Eau chaude sanitaire", "hot_water", 12_300, None),
    ("Salaire et charges du gardien", "caretaker_both", 34_000, 100),
    ("Nettoyage des parties communes", "cleaning", 9_800, None),
    ("Électricité des parties communes", "common_electricity", 3_100, None),
    ("Contrat d'entretien de l'ascenseur", "lifts", 4_380, None),
    ("Taxe d'enlèvement des ordures ménagères", "waste_tax", 8_450, None),
    ("Frais de gestion", "management_fees", 2_150, None),
    ("Désinsectisation (produits et main-d'œuvre)", "pest_control", 1_200, None),
)
OTHER_BUILDING = (
    ("Combustible gaz (P1)", "heating_fuel", 30_000, None),
    ("Conduite et entretien de la chaufferie (P2)", "heating_upkeep", 6_500, None),
    ("Eau chaude sanitaire", "hot_water", 9_000, None),
    ("Nettoyage des parties communes", "cleaning", 8_000, None),
    ("Taxe d'enlèvement des ordures ménagères", "waste_tax", 6_000, None),
)
SENDER = "Habitat Exemple OPH, service des charges (démonstration)"


def rows(lines) -> list[dict]:
    """Lines of a demo statement as the model takes them."""
    return [{"label": label, "nature": nature, "amount_cents": euros * 100,
             "charged_percent": percent} for label, nature, euros, percent in lines]


def load(db) -> list[str]:
    """The demo statements, once (nothing when some are there already)."""
    if db.table("charge_statements").count_where("is_demo = 1"):
        return []
    buildings = [row["id"] for row in db.query(
        "select id from buildings where is_demo = 1 order by id")]
    if len(buildings) < 2:
        return []
    today = clock.today()
    year = today.year - 1
    made = []
    for building, when, days_ago, units, lines in (
            (buildings[0], year - 1, 520, 4200, ORDINARY),
            (buildings[0], year, 160, 4200, HEATING_YEAR),
            (buildings[1], year, 150, 3900, OTHER_BUILDING)):
        statement_id = statements.create(db, {
            "building_id": building, "year": when, "sender": SENDER,
            "received_on": (today - timedelta(days=days_ago)).isoformat(),
            "distribution_key": "surface", "total_units": units, "social_housing": 1},
            None, is_demo=True)
        statements.add_lines(db, statement_id, rows(lines), None, is_demo=True)
        made.append(statement_id)
    with db.atomic():
        db.execute("update charge_statements set published_at = ? where id in (?, ?)",
                   [clock.stamp(), made[0], made[1]])
    # The lift of building A stood still 23 days in the heating year: the communiqué's
    # "relevé des jours de panne", deducted in the dispute letter.
    outages.record(db, buildings[0], "lift", date(year, 2, 3), date(year, 2, 25), None,
                   is_demo=True)
    return []
