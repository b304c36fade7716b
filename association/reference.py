"""Reference data: the association itself (who it is), its landlords and the buildings it covers."""
from sqlite_utils.db import NotFoundError

from . import audit
from .db import first_row, remembered, row_or_none

SETTINGS_ID = 1


def association(db) -> dict:
    """The association's settings, or an unnamed placeholder before any are saved.

    Every page shows them, so the row is kept on the connection until any commit
    (``db.remembered``; connections are reused from request to request)."""
    return dict(remembered(db, "association_settings", lambda: _read_association(db)))


def association_values(db) -> tuple:
    """Every setting of the association as one tuple, for keys of what shows them (the page
    cache): kept on the connection like ``association``."""
    return remembered(db, "association_values", lambda: tuple(association(db).values()))


def _read_association(db) -> dict:
    try:
        return db.table("association_settings").get(SETTINGS_ID)
    except NotFoundError:
        return {"id": SETTINGS_ID, "name": None, "postal_address": None,
                "contact_email": None, "is_demo": 0, **dict.fromkeys(LEGAL_FIELDS),
                **dict.fromkeys(STANDING)}


# What the legal notice and the register name besides the association's name and address
# (LCEN art. 6 III; GDPR art. 13(1)(e) and (f)).
LEGAL_FIELDS = ("seat_address", "telephone", "rna_number", "publication_director",
                "publication_director_function", "host_name", "host_address",
                "host_telephone", "mail_relay", "transfers_outside_eu")
# What the association's letters to a landlord say of it (art. 44 loi 86-1290) and who signs.
STANDING = ("federation", "represents_tenth", "signatory", "signatory_function")


def save_association(db, name: str, postal_address: str, contact_email: str,
                     is_demo: bool = False, by=None, standing: dict | None = None,
                     **legal) -> None:
    """Create or replace the association's settings (``legal``: any of ``LEGAL_FIELDS``;
    ``standing``: some of ``STANDING``; those not given are left as they are); an
    administrator's change (``by``) has its audit entry in the same transaction."""
    unknown = set(legal) - set(LEGAL_FIELDS)
    if unknown:
        raise ValueError(f"not settings of the association: {sorted(unknown)}")
    extra = {key: value for key, value in (standing or {}).items() if key in STANDING}
    with db.atomic():
        db.table("association_settings").upsert(
            {"id": SETTINGS_ID, "name": name, "postal_address": postal_address,
             "contact_email": contact_email, "is_demo": int(is_demo),
             **{key: (value or "").strip() or None for key, value in legal.items()}, **extra},
            pk="id",
        )
        if by is not None:
            audit.record(db, by, "update", "settings", SETTINGS_ID)


def landlords(db) -> list[dict]:
    """Every landlord, by name."""
    return list(db.table("landlords").rows_where(order_by="name"))


def buildings(db) -> list[dict]:
    """Every building with its landlord's name, by name."""
    return list(db.query(
        "select buildings.*, landlords.name as landlord_name from buildings "
        "left join landlords on landlords.id = buildings.landlord_id order by buildings.name"
    ))


def building_names(db) -> tuple:
    """Every building as (id, name), by name: the report form's list, asked on every report,
    kept on the connection until any commit (``db.remembered``)."""
    return remembered(db, "building_names", lambda: tuple(
        (row[0], row[1]) for row in db.execute("select id, name from buildings order by name")))


def building(db, building_id: int) -> dict | None:
    """One building with its landlord's name, or None."""
    return first_row(
        db, "select buildings.*, landlords.name as landlord_name from buildings "
        "left join landlords on landlords.id = buildings.landlord_id where buildings.id = ?",
        [building_id])


def landlord(db, landlord_id: int) -> dict | None:
    """One landlord, or None."""
    return row_or_none(db, "landlords", landlord_id)


def _saved(db, table: str, object_type: str, fields: dict, record_id: int | None, by) -> int:
    """Insert or update a row of ``table`` with the audit entry of the administrator ``by``,
    in one transaction; return its id."""
    with db.atomic():
        if record_id is None:
            saved = db.table(table).insert(fields).last_pk
        else:
            saved = record_id
            db.table(table).update(record_id, fields)
        audit.record(db, by, "create" if record_id is None else "update", object_type, saved)
    return saved


def save_building(db, values: dict, building_id: int | None = None, *, by) -> int:
    """Create a building, or update one, with the audit entry of ``by``; return its id."""
    fields = {k: values.get(k) or None for k in ("name", "street_address", "landlord_id")}
    return _saved(db, "buildings", "building", fields, building_id, by)


def save_landlord(db, values: dict, landlord_id: int | None = None, *, by) -> int:
    """Create a landlord, or update one, with the audit entry of ``by``; return its id."""
    fields = {k: (values.get(k) or "").strip() or None
              for k in ("name", "postal_address", "dpo_email", "siren", "departement")}
    return _saved(db, "landlords", "landlord", fields, landlord_id, by)


def delete_building(db, building_id: int, *, by) -> None:
    """Delete a building: volunteers lose it from their scope, members no longer name it.
    The administrator ``by`` has the audit entry, in the same transaction."""
    with db.atomic():
        db.execute("delete from buildings where id = ?", [building_id])
        audit.record(db, by, "delete", "building", building_id)


def delete_landlord(db, landlord_id: int, *, by) -> bool:
    """Delete a landlord that no building points to (counted under the write's lock), with
    the audit entry of ``by``; False when some still do."""
    with db.atomic():
        if db.table("buildings").count_where("landlord_id = ?", [landlord_id]):
            return False
        db.execute("delete from landlords where id = ?", [landlord_id])
        audit.record(db, by, "delete", "landlord", landlord_id)
    return True


def valid_siren(siren: str) -> bool:
    """A SIREN is nine digits whose Luhn checksum is right."""
    digits = siren.replace(" ", "")
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def init_app(app) -> None:
    """Give every template the association's settings."""
    import sqlite3

    from .db import get_db

    @app.context_processor
    def inject_association():
        """The association's settings for the page header."""
        try:
            return {"association": association(get_db())}
        except sqlite3.Error:
            # Error pages must render even when the database is missing or broken.
            return {"association": {"name": None, "is_demo": 0}}
