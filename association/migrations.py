"""The schema, one function per change. A released migration is never edited: add a new one.

Every table and column created here must also be declared in ``inventory.py``.
"""
from sqlite_utils import Migrations

migrations = Migrations("association")


@migrations()
def m001_foundation(db):
    """Association settings, landlords, buildings and the scheduler's job runs."""
    db.table("association_settings").create(
        {
            "id": int,
            "name": str,
            "postal_address": str,
            "contact_email": str,
            "is_demo": int,
        },
        pk="id",
        not_null={"name"},
        defaults={"is_demo": 0},
    )
    db.table("landlords").create(
        {
            "id": int,
            "name": str,
            "postal_address": str,
            "dpo_email": str,
            "siren": str,
            "is_demo": int,
        },
        pk="id",
        not_null={"name"},
        defaults={"is_demo": 0},
    )
    db.table("buildings").create(
        {
            "id": int,
            "name": str,
            "street_address": str,
            "landlord_id": int,
            "is_demo": int,
        },
        pk="id",
        not_null={"name"},
        defaults={"is_demo": 0},
        foreign_keys=[("landlord_id", "landlords", "id")],
    )
    db.table("job_runs").create(
        {
            "job": str,
            "period": str,
            "status": str,
            "attempts": int,
            "started_at": str,
            "finished_at": str,
            "outcome": str,
        },
        pk=("job", "period"),
        not_null={"job", "period", "status", "attempts", "started_at"},
        defaults={"attempts": 1},
    )
    db.table("job_runs").create_index(["started_at"])
