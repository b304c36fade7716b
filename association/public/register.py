"""The public data register (GDPR art. 30), generated from the inventory and the settings."""
from flask import current_app
from flask_babel import force_locale, get_locale

from .. import inventory, reference


def _text(value) -> str:
    return str(value)


def data_register(db) -> dict:
    """Everything the register says, as plain data in the current language."""
    association = reference.association(db)
    return {
        "controller": {
            "name": association["name"],
            "postal_address": association["postal_address"],
            "contact_email": association["contact_email"],
        },
        **_declared_part(str(get_locale())),
    }


def _declared_part(language: str) -> dict:
    """What comes from the inventory alone: fixed while the app runs, so made once per
    language (and per app)."""
    cache = current_app.extensions.setdefault("amicale_register", {})
    if language not in cache:
        with force_locale(language):
            cache[language] = _declarations()
    return cache[language]


def _declarations() -> dict:
    every = inventory.all_tables()
    tables = [_table(table) for table in every]
    personal_tables = [t for t in every if any(c.personal for c in t.columns)]
    return {
        "purposes": [_text(t.purpose) for t in personal_tables],
        "categories_of_people": sorted(
            {_text(inventory.PEOPLE[t.people]) for t in personal_tables}
        ),
        "categories_of_data": [
            {"table": t.name, "columns": [c.name for c in t.columns if c.personal],
             "sensitive": any(c.sensitive for c in t.columns)}
            for t in personal_tables
        ],
        "recipients": [_text(r) for r in inventory.RECIPIENTS],
        "transfers_outside_eu": _text(inventory.TRANSFERS_OUTSIDE_EU),
        "security_measures": [_text(m) for m in inventory.SECURITY_MEASURES],
        "member_rights": {
            "export": "/membre/export.json",
            "export_tables": {t.name: [c.name for c in t.columns]
                              for t in inventory.member_tables()},
            "erase": "/membre/effacer",
            "access_log": "/membre/",
        },
        "tables": tables,
    }


def _table(table: inventory.Table) -> dict:
    return {
        "name": table.name,
        "purpose": _text(table.purpose),
        "legal_basis": {"code": table.legal_basis,
                        "text": _text(inventory.LEGAL_BASES[table.legal_basis])},
        "people": _text(inventory.PEOPLE[table.people]),
        "columns": [
            {
                "name": column.name,
                "purpose": _text(column.purpose),
                "personal": column.personal,
                "sensitive": column.sensitive,
                "retention": table.retention_of(column).as_json(),
                "readers": [{"code": r, "text": _text(inventory.ROLES[r])}
                            for r in table.readers_of(column)],
            }
            for column in table.columns
        ],
    }
