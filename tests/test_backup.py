"""Backups: a consistent copy, compressed and optionally encrypted, rotated; a restore that
brings everything back but what was erased or purged since."""
import gzip
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from association import backup
from association.db import connect
from conftest import add_building, csrf_token, make_app, new_member, report


def every_table(path) -> dict:
    """Every row of every table of a database file, sorted."""
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                        "and name not like 'sqlite_%' and name not like '%_fts%'")]
    rows = {name: sorted(map(repr, conn.execute(f"select * from [{name}]"))) for name in names}
    conn.close()
    return rows


@pytest.fixture
def filled(app, db):
    """An instance with two members, a report with a photo and an address."""
    building = add_building(app, "Bâtiment A")
    first, second = app.test_client(), app.test_client()
    report(first, building, description="Fuite d'eau au plafond de la cuisine")
    new_member(second)
    second.post("/membre/contact", data={"csrf_token": csrf_token(second, "/membre/"),
                                         "contact-email": "garde@example.org",
                                         "contact-consent": "y"})
    return first, second


def test_a_backup_restores_every_table(app, db, filled, tmp_path):
    """Restored into a fresh instance, the backup gives back every row of every table."""
    path = backup.make(app.config["DATABASE"], tmp_path)
    assert gzip.decompress(path.read_bytes()).startswith(b"SQLite format 3")
    fresh = make_app(tmp_path / "fresh")
    for name in ("hashing_key", "encryption_key"):  # the keys are backed up with the data
        (Path(fresh.instance_path) / name).write_text(
            (Path(app.instance_path) / name).read_text())
    backup.restore(fresh, path, today=date.today())
    assert every_table(fresh.config["DATABASE"]) == every_table(app.config["DATABASE"])


def test_an_encrypted_backup_needs_its_passphrase(app, filled, tmp_path):
    """With a passphrase the file holds nothing readable; a wrong one is refused."""
    path = backup.make(app.config["DATABASE"], tmp_path, passphrase="une phrase secrète")
    assert b"SQLite" not in path.read_bytes() and b"Fuite" not in path.read_bytes()
    with pytest.raises(backup.BackupError):
        backup.read(path, "une autre phrase")
    assert backup.read(path, "une phrase secrète").startswith(b"SQLite format 3")


def test_a_restore_brings_back_no_one_who_erased_since(app, db, filled, tmp_path):
    """After a member erases their space and another removes their address, restoring an
    older backup erases and removes them again; the rest comes back."""
    first, second = filled
    path = backup.make(app.config["DATABASE"], tmp_path)
    first.post("/membre/effacer", data={"csrf_token": csrf_token(first, "/membre/")})
    second.post("/membre/contact/supprimer", data={"csrf_token": csrf_token(second, "/membre/")})
    outcome = backup.restore(app, path, today=date.today())
    assert outcome["applied"]["erase_again"] == {"erased": 1, "contact_removed": 1}
    db = connect(app.config["DATABASE"])
    assert db.table("members").count == 1 and db.table("grievances").count == 0
    assert db.execute("select contact_email from members").fetchone()[0] is None
    assert b"Fuite d'eau au plafond" not in Path(app.config["DATABASE"]).read_bytes()
    db.close()


def test_a_damaged_backup_changes_nothing(app, db, filled, tmp_path):
    """A truncated or foreign file is refused and the database is left as it was."""
    before = every_table(app.config["DATABASE"])
    broken = tmp_path / "amicale-2026-11-01-000000.db.gz"
    broken.write_bytes(gzip.compress(b"not a database")[:20])
    with pytest.raises(backup.BackupError):
        backup.restore(app, broken)
    assert every_table(app.config["DATABASE"]) == before


def test_rotation_keeps_seven_days_and_four_weeks(tmp_path):
    """Of a backup a day for 60 days, the last 7 days and one per week of the last 4 stay."""
    for day in range(60):
        made = datetime(2026, 11, 29) - __import__("datetime").timedelta(days=day)
        (tmp_path / f"amicale-{made:%Y-%m-%d}-030000.db.gz").write_bytes(b"x")
    backup.rotate(tmp_path, date(2026, 11, 29))
    kept = sorted(p.name[8:18] for p in tmp_path.iterdir())
    assert len(kept) <= 7 + 4 and kept[-7:] == [f"2026-11-{d}" for d in range(23, 30)]
    assert min(kept) >= "2026-11-02"


def test_the_backup_job_and_commands(app, runner, filled, tmp_path):
    """The daily job writes a backup in instance/backups (0700); the command writes one where
    told; files are 0600."""
    import os
    import stat

    from association import jobs

    db = connect(app.config["DATABASE"])
    with app.app_context():
        outcome = jobs.job("backup").run(db, date.today())
    db.close()
    folder = Path(app.instance_path) / "backups"
    assert (folder / outcome["made"]).exists()
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    result = runner.invoke(args=["backup", "--to", str(tmp_path / "elsewhere")])
    assert result.exit_code == 0, result.output
    written = next((tmp_path / "elsewhere").iterdir())
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600


def test_a_restore_brings_back_nothing_purged_since(app, db, filled, tmp_path):
    """A report closed long ago is in the backup; the purge deletes it from the live file;
    restoring the older backup purges it again, text included, and keeps the rest."""
    from datetime import timedelta

    from association import retention

    building = add_building(app, "Bâtiment B")
    old = report(filled[0], building, description="Ascenseur en panne depuis des semaines")
    closed = (datetime.now() - timedelta(days=400)).isoformat(timespec="seconds")
    db.execute("update grievances set status = 'closed', closed_at = ? where id = ?",
               [closed, old["id"]])
    db.conn.commit()
    path = backup.make(app.config["DATABASE"], tmp_path)
    with app.app_context():
        assert retention.purge(db, date.today())["purged"].get("grievances") == 1
    outcome = backup.restore(app, path, today=date.today())
    assert outcome["purged"]["purged"].get("grievances") == 1
    db = connect(app.config["DATABASE"])
    assert db.execute("select count(*) from grievances where id = ?",
                      [old["id"]]).fetchone()[0] == 0
    assert db.table("grievances").count == 1  # the open report is back
    assert b"Ascenseur en panne" not in Path(app.config["DATABASE"]).read_bytes()
    db.close()
