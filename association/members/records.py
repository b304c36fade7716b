"""Everything held about a member, found through the inventory: export, erasure, access log.

Tables declare which column ties a row to a member (``member_link``), which columns are
encrypted and which name files, so a new table of member data is exported and erased
(files included) without touching this module.
"""
from zoneinfo import ZoneInfo

from flask import current_app
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


def exported(db, member_id: int) -> dict:
    """The member's own export (``export``), with its audit entry in the same transaction:
    the transparency report counts exports."""
    with db.atomic():
        audit.record(db, None, "export", "member", member_id=member_id)
        return export(db, member_id)


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
    """Who (volunteer pseudonym) read or changed the member's records, newest first. Reads
    that come in numbers (``audit.record_daily``) make one line per volunteer, action and day,
    with how many times (``times``); the record is named when there was only one."""
    return list(db.query(
        "select * from (select a.at, a.volunteer_login, a.action, a.object_type, a.object_id, "
        "a.reason, null as times, a.id from audit_log a where a.member_id = ? "
        "and a.volunteer_id is not null and not exists (select 1 from audit_tallies t where "
        "t.member_id = a.member_id and t.volunteer_id = a.volunteer_id and t.action = a.action "
        "and t.object_type = a.object_type and t.object_id = a.object_id "
        "and t.first_at = a.at) "
        "union all select max(last_at), max(volunteer_login), action, object_type, "
        "case when count(*) = 1 then max(object_id) end, null, sum(times), 0 "
        "from audit_tallies where member_id = ? group by volunteer_id, day, action, object_type) "
        "order by at desc, id desc limit ?",
        [member_id, member_id, limit]))


def access(db, member_id: int) -> list[dict]:
    """The member's access log (``access_log``) as their space shows it, each record named,
    and one volunteer's reads of one record on one day told once, with how many times (a
    page opened six times in a minute is one line, not six)."""
    return audit.describe(db, grouped_reads(access_log(db, member_id)))


def grouped_reads(rows: list[dict]) -> list[dict]:
    """``rows`` (newest first) with each run of plain reads of the same record by the same
    volunteer on the same day (the association's) made one row counting them (``times``)."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    grouped, last_key = [], None
    for row in rows:
        key = None
        if row["action"] == "read" and not row.get("times"):
            key = (row["volunteer_login"], row["object_type"], row["object_id"],
                   clock.parse(row["at"]).astimezone(zone).date())
        if key is not None and key == last_key:
            grouped[-1]["times"] = (grouped[-1].get("times") or 1) + 1
            continue
        grouped.append(dict(row))
        last_key = key
    return grouped


def erase_again(db) -> dict:
    """After a restore: erase again the members who erased their space since the backup, and
    remove again the addresses removed after they were given."""
    lines = erasure_journal.entries()
    erased = {who for _, kind, who in lines if kind == "erased"}
    removed = {}
    for at, kind, who in lines:
        if kind == "contact_removed":
            removed[who] = max(at, removed.get(who, ""))
    again = {"erased": 0, "contact_removed": 0}
    for member in list(db.query("select id, key_hash, contact_consent_at from members")):
        who = erasure_journal.subject(member["key_hash"])
        if who in erased:
            erase(db, member["id"], journal=False)
            again["erased"] += 1
        elif who in removed and (member["contact_consent_at"] or "") <= removed[who]:
            db.execute("update members set contact_email = null, contact_consent_at = null, "
                       "contact_expires_at = null where id = ?", [member["id"]])
            again["contact_removed"] += 1
    return again
