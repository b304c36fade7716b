"""The member's export written for people: sections named after what each table is for,
labels instead of column names, buildings by name, local dates, and no hash or internal id.

The JSON export keeps the machine names (it is the data itself) and gains an explanation of
every table and field in the member's language.
"""
import re

from .. import audit, inventory, reference
from ..dates import in_words
from ..forms import REVEAL_REASON_LABELS

_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$")  # a moment or a day
LANGUAGES = {"fr": "français", "en": "English"}


def hidden(table: inventory.Table, column: inventory.Column) -> bool:
    """Columns a person has no use for: row numbers and internal ids, the link to the member
    themself, hashes and what only the application reads, the demo marker."""
    return (column.name == "id" or column.name == table.member_link
            or column.name in ("is_demo", "object_id")
            or column.name.endswith(("_hash", "_id")) and column.name != "building_id"
            or tuple(table.readers_of(column)) == ("system",) and not column.encrypted)


_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _value(db, column: inventory.Column, value):
    """A stored value as a person reads it: a building by name, a code in words, a date as
    a date, a month as a month."""
    if value is None or value == "":
        return None
    if column.words is not None:
        return column.words(value)
    if column.name == "building_id":
        building = reference.building(db, value)
        return building["name"] if building else None
    if column.file_folder:
        return "📎"
    labels = {"action": audit.action_label, "object_type": audit.object_label,
              "reason": lambda code: REVEAL_REASON_LABELS.get(code, code),
              "language": lambda code: LANGUAGES.get(code, code)}
    if column.name in labels:
        return labels[column.name](value)
    if isinstance(value, str) and (_STAMP.match(value) or _MONTH.match(value)):
        return in_words(value)  # a text that only looks like a date comes back as written
    return value


def sections(db, held: dict[str, list[dict]]) -> list[dict]:
    """The printable export, as a tenant looks for it: their reports first, then their
    requests and answers, their key and settings, and who read their records last; each
    row as (label, value) pairs, and each section's glossary (label, what it is)."""
    found = []
    for table in sorted(inventory.member_tables(), key=lambda t: t.export_rank):
        rows = held.get(table.name) or []
        if not rows:
            continue
        shown = [c for c in table.columns if not hidden(table, c)]
        found.append({
            "title": table.export_heading or table.purpose,
            "about": table.purpose if table.export_heading else None,
            "rows": [[(column.label or column.purpose, _value(db, column, row.get(column.name)))
                      for column in shown] for row in rows],
            "glossary": [(column.label, column.purpose) for column in shown if column.label],
        })
    return found


def explanations() -> dict:
    """For the JSON export: what each table and field is, in the member's language."""
    return {table.name: {"about": str(table.purpose),
                         "fields": {c.name: str(c.purpose) for c in table.columns}}
            for table in inventory.member_tables()}
