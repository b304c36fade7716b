"""Retention enforced, not promised (rule 2): the purge, and the removal of a member's data.

Everything here is driven by the inventory: rows past their table's rule, columns past their
own, confirmed flagged text past its shorter rule, rows of members who are gone. Deletion
reaches the files named by file-backed columns (removed from disk once the rows are gone)
and the full-text indexes (rebuilt so that no deleted word stays in them); SQLite's
``secure_delete`` overwrites what is deleted, and a checkpoint folds the WAL back.
"""
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app

from . import inventory


def start_of(day: date, tz: str) -> str:
    """Midnight of ``day`` in the time zone ``tz``, as a stored UTC stamp."""
    midnight = datetime.combine(day, time.min, ZoneInfo(tz))
    return midnight.astimezone(timezone.utc).isoformat(timespec="seconds")


def cutoff(today: date, rule: inventory.Retention, tz: str) -> str:
    """The stored stamp before which a rule of "N days after <column>" has run out: the
    association's midnight, N days before ``today``."""
    return start_of(today - timedelta(days=rule.days), tz)


def file_path(folder: str, name: str) -> Path:
    """Where a file-backed column's file lives: ``instance/<folder>/<name>``."""
    if not name or os.path.basename(name) != name or name.startswith("."):
        raise ValueError("not a stored file name")
    return Path(current_app.instance_path) / folder / name


class Removal:
    """Rows deleted in one transaction, and what must follow once it has committed: the files
    they named and the full-text indexes they were in."""

    def __init__(self, db):
        self.db = db
        self.files: list[Path] = []
        self.indexes: set[str] = set()

    def delete(self, table: inventory.Table, where: str, params=()) -> int:
        """Delete the table's rows matching ``where``, noting their files and index, and the
        files of the rows that go with them (``on delete cascade``)."""
        self._note(table, where, params, table.file_columns)
        for child, link, parent_key in self._cascades(table):
            self._note(child, f"[{link}] in (select [{parent_key}] from [{table.name}] "
                              f"where {where})", params, child.file_columns)
        return self.db.execute(f"delete from [{table.name}] where {where}", params).rowcount

    def _cascades(self, parent: inventory.Table):
        """Declared tables with files whose rows are deleted with ``parent``'s."""
        for child in inventory.all_tables():
            if not child.file_columns:
                continue
            for fk in self.db.execute(f"PRAGMA foreign_key_list([{child.name}])").fetchall():
                # (id, seq, table, from, to, on_update, on_delete, match)
                if fk[2] == parent.name and fk[6].upper() == "CASCADE":
                    yield child, fk[3], fk[4] or "id"

    def empty(self, table: inventory.Table, column: inventory.Column, where: str,
              params=()) -> int:
        """Set one column to null where ``where`` holds, noting its file and index."""
        self._note(table, f"({where}) and [{column.name}] is not null", params,
                   (column,) if column.file_folder else ())
        return self.db.execute(
            f"update [{table.name}] set [{column.name}] = null "
            f"where ({where}) and [{column.name}] is not null", params).rowcount

    def _note(self, table, where, params, file_columns):
        for column in file_columns:
            for (name,) in self.db.execute(
                    f"select [{column.name}] from [{table.name}] where ({where}) "
                    f"and [{column.name}] is not null", params).fetchall():
                self.files.append(file_path(column.file_folder, name))
        if table.search:
            self.indexes.add(table.search_table)

    def finish(self) -> int:
        """After the commit: delete the files, rebuild the indexes; return files removed."""
        removed = 0
        for path in self.files:
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                pass
        for index in sorted(self.indexes):
            # Merging the index into one segment drops the deleted entries for good.
            self.db.execute(f"insert into [{index}]([{index}]) values ('optimize')")
        return removed


def forget_members(removal: Removal, which: str, params=()) -> int:
    """Treat the rows tied to the members ``member_id {which}`` as erasure does: delete them,
    or unlink them (the audit log); return how many rows were touched. The members' own
    rows are left to the caller."""
    touched = 0
    root = inventory.member_root()
    for table in inventory.member_tables():
        if table.name == root.name:
            continue
        link = f"[{table.member_link}]"
        where = f"{link} is not null and {link} {which}"
        if table.on_member_erase == "unlink":
            touched += removal.empty(table, table.column(table.member_link), where, params)
        else:
            touched += removal.delete(table, where, params)
    return touched


def member_kept() -> str | None:
    """The SQL condition (on the members table) under which a member is kept whatever their
    inactivity: the capabilities' "open items" (an open grievance, a pending request...)."""
    from .capability import collect

    conditions = collect("schema.member_keeps")
    return " or ".join(f"({condition})" for condition in conditions) or None


def purge(db, today: date) -> dict:
    """Delete what is past its declared retention; counts per table and column are returned
    (and kept in job_runs for the transparency report).

    Members go only when no capability still has an open item of theirs, and their rows go
    first, the way erasure takes them (files and index entries included)."""
    tz = current_app.config["TIMEZONE"]
    tables = {t.name: t for t in inventory.all_tables()}
    root, kept = inventory.member_root(), member_kept()
    removal = Removal(db)
    purged, cleared = {}, {}
    with db.atomic():
        for name, rule in inventory.row_retention_rules():
            where, params = f"[{rule.column}] < ?", [cutoff(today, rule, tz)]
            if name == root.name:
                where += f" and not ({kept})" if kept else ""
                forget_members(removal, f"in (select [id] from [{root.name}] where {where})",
                               params)
            deleted = removal.delete(tables[name], where, params)
            if deleted:
                purged[name] = deleted
        for name, column, rule, condition, label in _column_rules():
            where = f"{condition}[{rule.column}] < ?"
            if name == root.name and kept:
                where += f" and not ({kept})"
            emptied = removal.empty(tables[name], tables[name].column(column), where,
                                    [cutoff(today, rule, tz)])
            if emptied:
                cleared[label] = emptied
        forget_members(removal, f"not in (select [id] from [{root.name}])")
    files = removal.finish() + sweep_files(db)
    if purged or cleared:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"purged": purged, "cleared": cleared, **({"files": files} if files else {})}


def _column_rules():
    """Columns emptied before their row: a column that others count from goes last, and
    confirmed flagged text goes sooner than the rest of its row (its flags stay, so the row
    can still say that a text was removed and why it had been flagged)."""
    rules = [(table, column, rule, "", f"{table}.{column}") for table, column, rule in
             sorted(inventory.column_retention_rules(), key=lambda r: r[1] == r[2].column)]
    rules += [(table, column, rule, f"[{column}_flags] is not null and ",
               f"{table}.{column} (flagged)")
              for table, column, rule in inventory.flagged_text_rules()]
    return rules


FRESH_FILE = timedelta(hours=1)  # a file this new may belong to a row not yet committed


def sweep_files(db) -> int:
    """Delete files that no row names any more (a crash between a commit and the file's
    removal, say); return how many. Files younger than an hour are left for next time."""
    removed = 0
    fresh_after = (datetime.now(timezone.utc) - FRESH_FILE).timestamp()
    for table in inventory.all_tables():
        for column in table.file_columns:
            folder = Path(current_app.instance_path) / column.file_folder
            if not folder.is_dir():
                continue
            named = {row[0] for row in db.execute(
                f"select [{column.name}] from [{table.name}] where [{column.name}] is not null")}
            for path in folder.iterdir():
                if (path.is_file() and path.name not in named and not path.name.startswith(".")
                        and path.stat().st_mtime < fresh_after):
                    path.unlink()
                    removed += 1
    return removed
