"""The association's own settings and reference data: who it is, its landlords, its buildings."""
from sqlite_utils.db import NotFoundError

SETTINGS_ID = 1


def association(db) -> dict:
    """The association's settings, or an unnamed placeholder before any are saved."""
    try:
        return db.table("association_settings").get(SETTINGS_ID)
    except NotFoundError:
        return {"id": SETTINGS_ID, "name": None, "postal_address": None,
                "contact_email": None, "is_demo": 0}


def save_association(db, name: str, postal_address: str, contact_email: str,
                     is_demo: bool = False) -> None:
    """Create or replace the association's settings."""
    db.table("association_settings").upsert(
        {"id": SETTINGS_ID, "name": name, "postal_address": postal_address,
         "contact_email": contact_email, "is_demo": int(is_demo)},
        pk="id",
    )


def landlords(db) -> list[dict]:
    """Every landlord, by name."""
    return list(db.table("landlords").rows_where(order_by="name"))


def buildings(db) -> list[dict]:
    """Every building with its landlord's name, by name."""
    return list(db.query(
        "select buildings.*, landlords.name as landlord_name from buildings "
        "left join landlords on landlords.id = buildings.landlord_id order by buildings.name"
    ))


def init_app(app) -> None:
    """Give every template the association's settings."""
    import sqlite3

    from .db import get_db

    @app.context_processor
    def inject_association():
        try:
            return {"association": association(get_db())}
        except sqlite3.Error:
            # Error pages must render even when the database is missing or broken.
            return {"association": {"name": None, "is_demo": 0}}
