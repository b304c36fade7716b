"""Everything held about a member, found through the inventory: export and erasure.

Tables declare which column ties a row to a member (``member_link``), so a new table of
member data is exported and erased without touching this module.
"""
from . import audit, clock, inventory
from .crypto import InvalidToken, decrypt

ENCRYPTED = {("members", "contact_email")}
EXPORT_VERSION = 1


def _rows(db, table: inventory.Table, member_id: int) -> list[dict]:
    return list(db.query(f"select * from [{table.name}] where [{table.member_link}] = ?",
                         [member_id]))


def _readable(table_name: str, row: dict) -> dict:
    """Decrypt what the member gave us encrypted: the export is theirs."""
    row = dict(row)
    for table, column in ENCRYPTED:
        if table == table_name and row.get(column):
            try:
                row[column] = decrypt(row[column])
            except InvalidToken:
                row[column] = None
    return row


def export(db, member_id: int) -> dict:
    """Every row tied to the member, table by table, with the export's own description."""
    tables = {table.name: [_readable(table.name, row) for row in _rows(db, table, member_id)]
              for table in inventory.member_tables()}
    return {
        "format": "amicale-member-export",
        "version": EXPORT_VERSION,
        "exported_at": clock.stamp(),
        "note": "Everything this association's database holds tied to your member key. "
                "The key itself is never stored: only its keyed hash (members.key_hash).",
        "tables": tables,
    }


def erase(db, member_id: int) -> bool:
    """Delete everything tied to the member (or unlink it, for the audit log); return False
    when there was nothing left to erase."""
    with db.atomic():
        if not db.table("members").count_where("id = ?", [member_id]):
            return False
        for table in inventory.member_tables():
            if table.name == "members":
                continue
            if table.on_member_erase == "unlink":
                db.execute(f"update [{table.name}] set [{table.member_link}] = null "
                           f"where [{table.member_link}] = ?", [member_id])
            else:
                db.execute(f"delete from [{table.name}] where [{table.member_link}] = ?",
                           [member_id])
        db.execute("delete from members where id = ?", [member_id])
        audit.record(db, None, "erase", "member")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


def sweep_orphans(db) -> int:
    """After members are purged, treat their rows as erasure would; return rows touched."""
    touched = 0
    for table in inventory.member_tables():
        if table.name == "members":
            continue
        orphan = (f"[{table.member_link}] is not null and [{table.member_link}] "
                  "not in (select id from members)")
        if table.on_member_erase == "unlink":
            sql = f"update [{table.name}] set [{table.member_link}] = null where {orphan}"
        else:
            sql = f"delete from [{table.name}] where {orphan}"
        touched += db.execute(sql).rowcount
    return touched


def access_log(db, member_id: int, limit: int = 200) -> list[dict]:
    """Who (volunteer pseudonym) read or changed the member's records, newest first."""
    return list(db.query(
        "select at, volunteer_login, action, object_type, object_id, reason from audit_log "
        "where member_id = ? and volunteer_id is not null order by at desc, id desc limit ?",
        [member_id, limit]))
