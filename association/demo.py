"""Demonstration content, written by us and clearly marked as such (``is_demo = 1``).

Loading it twice changes nothing. Each capability adds its own part to ``load``.
"""
import click
from flask.cli import with_appcontext

from . import settings
from .db import get_db

DEMO_ASSOCIATION = {
    "name": "Amicale des locataires des Trois Tilleuls (démonstration)",
    "postal_address": "12 rue des Tilleuls, 75020 Paris",
    "contact_email": "contact@amicale-demo.invalid",
}
DEMO_LANDLORD = {
    "name": "Habitat Exemple OPH (démonstration)",
    "postal_address": "Service relations locataires, 1 place de l'Exemple, 75013 Paris",
    "dpo_email": "dpo@bailleur-demo.invalid",
    "siren": "000000000",
}
DEMO_BUILDINGS = (
    ("Bâtiment A — Les Tilleuls", "12 rue des Tilleuls, 75020 Paris"),
    ("Bâtiment B — Les Tilleuls", "14 rue des Tilleuls, 75020 Paris"),
    ("Résidence du Canal", "3 quai de l'Exemple, 75019 Paris"),
)


def load(db) -> bool:
    """Load the demo content unless it is already there; return whether anything was added."""
    if db.table("landlords").count_where("is_demo = 1"):
        return False
    with db.atomic():
        if not settings.association(db)["name"]:
            settings.save_association(db, is_demo=True, **DEMO_ASSOCIATION)
        landlord_id = db.table("landlords").insert({**DEMO_LANDLORD, "is_demo": 1}).last_pk
        db.table("buildings").insert_all(
            {"name": name, "street_address": address, "landlord_id": landlord_id, "is_demo": 1}
            for name, address in DEMO_BUILDINGS
        )
    return True


def unload(db) -> dict:
    """Delete every row marked as demo (members who chose a demo building keep their key,
    without a building); return how many of each went."""
    removed = {}
    with db.atomic():
        # A building of the association's own may have been tied to the demo landlord.
        db.execute("update buildings set landlord_id = null where is_demo = 0 and landlord_id "
                   "in (select id from landlords where is_demo = 1)")
        for table in ("volunteers", "buildings", "landlords"):
            removed[table] = db.execute(f"delete from {table} where is_demo = 1").rowcount
        removed["association_settings"] = db.execute(
            "delete from association_settings where is_demo = 1").rowcount
    return removed


def is_empty(db) -> bool:
    """Whether the association has set nothing up yet (a first run)."""
    return not settings.association(db)["name"] and not db.table("landlords").count


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
    if load(db):
        click.echo("demo content loaded")
        from .volunteers.commands import create_demo_volunteers

        links = create_demo_volunteers(db)
        if links:
            click.echo("Demo volunteer accounts (each link works once, for 72 hours):")
        for login, link in links:
            click.echo(f"  {login}: {link}")
    else:
        click.echo("demo content already present")


def init_app(app) -> None:
    """Register the ``demo`` command."""
    app.cli.add_command(demo_command)
