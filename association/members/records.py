"""Everything held about a member, found through the inventory: export, erasure, access log.

Tables declare which column ties a row to a member (``member_link``), which columns are
encrypted and which name files, so a new table of member data is exported and erased
(files included) without touching this module.
"""
from flask_babel import gettext as _
from flask_babel import ngettext

from .. import audit, clock, inventory, retention
from ..capability import uses_of
from ..crypto import InvalidToken, decrypt
from . import journal as erasure_journal
from . import keys

EXPORT_VERSION = 1


def _rows(db, table: inventory.Table, member_id: int) -> list[dict]:
    return list(db.query(f"select * from [{table.name}] where [{table.member_link}] = ?",
                         [member_id]))


def _readable(table: inventory.Table, row: dict) -> dict:
    """Decrypt what the member gave us encrypted: the export is theirs."""
    row = dict(row)
    for column in table.columns:
        if column.encrypted and row.get(column.name):
            try:
                row[column.name] = decrypt(row[column.name])
            except InvalidToken:
                row[column.name] = None
    return row


def held(db, member_id: int) -> dict[str, list[dict]]:
    """Every row tied to the member, table by table (encrypted values in clear)."""
    return {table.name: [_readable(table, row) for row in _rows(db, table, member_id)]
            for table in inventory.member_tables()}


def files(tables: dict[str, list[dict]]) -> dict[str, int]:
    """How many stored files (photos...) the member's rows name, per table."""
    counted = {}
    for name, rows in tables.items():
        columns = inventory.table(name).file_columns
        count = sum(1 for row in rows for column in columns if row.get(column.name))
        if count:
            counted[name] = count
    return counted


def export(db, member_id: int) -> dict:
    """Every row tied to the member, table by table, with the export's own description."""
    from .readable import explanations

    tables = held(db, member_id)
    return {
        "format": "amicale-member-export",
        "version": EXPORT_VERSION,
        "exported_at": clock.stamp(),
        "note": _("Everything this association's database holds tied to your personal key, "
                  "table by table, with the machine names of the database; \"explanations\" "
                  "says what each table and field is. The key itself is never stored: only a "
                  "keyed hash of it (members.key_hash)."),
        "files": files(tables),
        "tables": tables,
        "explanations": explanations(),
    }


def erase(db, member_id: int, journal: bool = True) -> bool:
    """Delete everything tied to the member (or unlink it, for the audit log), their files
    included, and note it in the erasure journal (so no backup brings it back); return False
    when there was nothing left to erase."""
    root = inventory.member_root()
    removal = retention.Removal(db)
    member = db.execute(f"select key_hash, {keys.CONFIRMED} from [{root.name}] where id = ?",
                        [member_id]).fetchone()
    if member is None:
        return False
    if journal:
        erasure_journal.record("erased", member[0])
    with db.atomic():
        if not db.table(root.name).count_where("id = ?", [member_id]):
            return False
        retention.forget_members(removal, "= ?", [member_id])
        removal.delete(root, "id = ?", [member_id])
        audit.record(db, None, "erase", "member", key_confirmed=bool(member[1]))
    removal.finish()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


def erasure_consequences(db, member: dict) -> list:
    """What erasing the member's space will do, in numbers, for its confirmation page."""
    lines = [_("Your personal key stops working, for good.")]
    if member.get("contact_email"):
        lines.append(_("Your e-mail address is deleted."))
    lines += uses_of("member", db, member["id"])
    reads = db.table("audit_log").count_where("member_id = ? and volunteer_id is not null",
                                              [member["id"]])
    if reads:
        lines.append(ngettext(
            "The %(num)s entry saying which volunteer read your records stays, for their "
            "accountability, but no longer points to you.",
            "The %(num)s entries saying which volunteers read your records stay, for their "
            "accountability, but no longer point to you.", reads))
    return lines


def access_log(db, member_id: int, limit: int = 200) -> list[dict]:
    """Who (volunteer pseudonym) read or changed the member's records, newest first."""
    return list(db.query(
        "select at, volunteer_login, action, object_type, object_id, reason from audit_log "
        "where member_id = ? and volunteer_id is not null order by at desc, id desc limit ?",
        [member_id, limit]))
