"""Demonstration content, written by us and clearly marked as such (``is_demo = 1``).

Loading it twice changes nothing. The core loads the association, a landlord and buildings;
each capability adds its own part (``Capability.demo``). Removal is derived from the
inventory: every row marked ``is_demo`` goes, capabilities' tables first.
"""
import click
from flask.cli import with_appcontext

from . import inventory, reference, retention
from .capability import installed
from .db import get_db

DEMO_ASSOCIATION = {
    "name": "Amicale des locataires des Trois Tilleuls (démonstration)",
    "postal_address": "12 rue des Tilleuls, 75020 Paris",
    "contact_email": "contact@amicale-demo.example.org",
    "seat_address": "12 rue des Tilleuls, 75020 Paris",
    "telephone": "01 00 00 00 00",
    "rna_number": "W000000000",
    "publication_director": "Camille Exemple",
    "publication_director_function": "présidente",
    "host_name": "Hébergeur Exemple SAS (démonstration)",
    "host_address": "1 rue du Serveur, 59100 Roubaix",
    "host_telephone": "03 00 00 00 00",
    "mail_relay": "",
    "transfers_outside_eu": "aucun : le serveur et ses copies restent en France",
}
# What its letters to the landlord say of it (art. 44 loi 86-1290); its présidente, the
# directeur de la publication, signs them.
DEMO_STANDING = {"represents_tenth": 1}
DEMO_LANDLORD = {
    "name": "Habitat Exemple OPH (démonstration)",
    "postal_address": "Service relations locataires, 1 place de l'Exemple, 75013 Paris",
    "dpo_email": "dpo@bailleur-demo.example.org",
    "siren": "000000000",
}
DEMO_BUILDINGS = (
    ("Bâtiment A — Les Tilleuls", "12 rue des Tilleuls, 75020 Paris"),
    ("Bâtiment B — Les Tilleuls", "14 rue des Tilleuls, 75020 Paris"),
    ("Résidence du Canal", "3 quai de l'Exemple, 75019 Paris"),
)


def load_core(db) -> bool:
    """The association, its landlord and buildings, unless already there; return whether
    anything was added."""
    if db.table("landlords").count_where("is_demo = 1"):
        return False
    with db.atomic():
        if not reference.association(db)["name"]:
            reference.save_association(db, is_demo=True, standing=DEMO_STANDING,
                                       **DEMO_ASSOCIATION)
        landlord_id = db.table("landlords").insert({**DEMO_LANDLORD, "is_demo": 1}).last_pk
        db.table("buildings").insert_all(
            {"name": name, "street_address": address, "landlord_id": landlord_id, "is_demo": 1}
            for name, address in DEMO_BUILDINGS
        )
    return True


def load(db) -> tuple[bool, list[str]]:
    """Load the core's and every capability's demo content (each part only once); return
    whether the core's was added and the lines the capabilities want printed (links)."""
    added = load_core(db)
    lines = []
    for capability in installed():
        if capability.demo:
            lines += capability.demo(db) or []
    return added, lines


def unload(db) -> dict:
    """Delete every row marked as demo, in every declared table that has the marker
    (capabilities' tables before the core's); return how many went per table."""
    removed = {}
    removal = retention.Removal(db)
    with db.atomic():
        # A building of the association's own may have been tied to the demo landlord.
        db.execute("update buildings set landlord_id = null where is_demo = 0 and landlord_id "
                   "in (select id from landlords where is_demo = 1)")
        for table in reversed(inventory.all_tables()):
            if any(column.name == "is_demo" for column in table.columns):
                removed[table.name] = removal.delete(table, "is_demo = 1")
    removal.finish()
    return removed


def is_empty(db) -> bool:
    """Whether the association has set nothing up yet (a first run)."""
    return not reference.association(db)["name"] and not db.table("landlords").count


@click.command("demo")
@with_appcontext
@click.option("--if-empty", is_flag=True, help="Only on a first run, when nothing is set up yet.")
@click.option("--remove", is_flag=True, help="Delete the demonstration content instead.")
def demo_command(if_empty, remove):
    """Load the demonstration content (idempotent, marked as demo), or remove it."""
    db = get_db()
    if remove:
        removed = unload(db)
        click.echo("demo content removed: " + ", ".join(f"{n} {t}" for t, n in removed.items()))
        return
    if if_empty and not is_empty(db):
        click.echo("the association is set up already: demo content not loaded")
        return
    added, lines = load(db)
    click.echo("demo content loaded" if added or lines else "demo content already present")
    for line in lines:
        click.echo(line)


def init_app(app) -> None:
    """Register the ``demo`` command."""
    app.cli.add_command(demo_command)
