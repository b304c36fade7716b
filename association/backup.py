"""Backups that restore without resurrecting the erased.

``flask --app app backup`` copies the live database with SQLite's online backup API (a
consistent copy while the site runs), compresses it, and encrypts it when a passphrase is
configured (Fernet, key derived with scrypt); the scheduler does the same every day and keeps
7 daily and 4 weekly copies, deleting the others — so what retention deleted leaves the backups
within five weeks. ``flask --app app restore FILE`` checks the copy, puts it in place, then
applies what happened since it was made: every capability's restore hook (the erasure journal
of members, say) and the retention purge, so that a restored backup brings back neither a
member who erased their space nor an item purged since.
"""
import base64
import gzip
import os
import sqlite3
import tempfile
from datetime import date, datetime
from pathlib import Path

import click
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from flask import current_app
from flask.cli import with_appcontext

MAGIC = b"AMICALE-BACKUP-1\n"  # then 16 bytes of salt, then the Fernet token
DAILY, WEEKLY = 7, 4


class BackupError(Exception):
    """A backup that cannot be made or restored, with the reason for the person."""


def folder(app=None) -> Path:
    """Where backups go: ``AMICALE_BACKUP_DIR``, else ``instance/backups`` (0700)."""
    app = app or current_app
    path = Path(app.config.get("BACKUP_DIR") or Path(app.instance_path) / "backups")
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _key(passphrase: str, salt: bytes) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=2 ** 15, r=8, p=1)
    return base64.urlsafe_b64encode(kdf.derive(passphrase.encode()))


def make(database: str, to: Path, passphrase: str | None = None, when: datetime | None = None
         ) -> Path:
    """A consistent, compressed (and encrypted) copy of ``database`` in folder ``to``."""
    when = when or datetime.now()
    with tempfile.TemporaryDirectory(dir=to) as tmp:
        copy = Path(tmp) / "copy.db"
        source, target = sqlite3.connect(database), sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        data = gzip.compress(copy.read_bytes(), compresslevel=6)
    suffix = ".db.gz"
    if passphrase:
        salt = os.urandom(16)
        data = MAGIC + salt + Fernet(_key(passphrase, salt)).encrypt(data)
        suffix += ".enc"
    path = to / f"amicale-{when:%Y-%m-%d-%H%M%S}{suffix}"
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)  # a backup is whole or absent
    return path


def read(path: Path, passphrase: str | None = None) -> bytes:
    """The database bytes of a backup file (decrypted, decompressed)."""
    data = Path(path).read_bytes()
    if data.startswith(MAGIC):
        if not passphrase:
            raise BackupError("this backup is encrypted: give its passphrase "
                              "(AMICALE_BACKUP_PASSPHRASE)")
        salt, token = data[len(MAGIC):len(MAGIC) + 16], data[len(MAGIC) + 16:]
        try:
            data = Fernet(_key(passphrase, salt)).decrypt(token)
        except InvalidToken:
            raise BackupError("wrong passphrase, or a damaged backup") from None
    try:
        return gzip.decompress(data)
    except (OSError, EOFError):
        raise BackupError("this file is not a whole Amicale backup") from None


def rotate(to: Path, today: date) -> list[Path]:
    """Keep the newest backup of each of the last 7 days and of the last 4 weeks; delete the
    others. Return what was deleted."""
    backups = sorted(to.glob("amicale-*.db.gz*"), reverse=True)
    keep, days, weeks = set(), set(), set()
    for path in backups:
        if path.name.endswith(".part"):
            continue
        made = datetime.strptime(path.name[8:18], "%Y-%m-%d").date()
        if (today - made).days < DAILY and made not in days:
            days.add(made)
            keep.add(path)
        week = made.isocalendar()[:2]
        if (today - made).days < WEEKLY * 7 and week not in weeks:
            weeks.add(week)
            keep.add(path)
    gone = [path for path in backups if path not in keep]
    for path in gone:
        path.unlink()
    return gone


def restore(app, path: Path, passphrase: str | None = None, today: date | None = None) -> dict:
    """Put a backup in place of the database (the site must be stopped), then apply what
    happened since: the capabilities' restore hooks and the retention purge."""
    from . import retention
    from .capability import collect
    from .db import connect

    raw = read(path, passphrase)
    database = app.config["DATABASE"]
    with tempfile.NamedTemporaryFile(dir=Path(database).parent, delete=False) as handle:
        handle.write(raw)
        candidate = handle.name
    check = sqlite3.connect(candidate)
    ok = check.execute("PRAGMA integrity_check").fetchone()[0]
    check.close()
    if ok != "ok":
        os.unlink(candidate)
        raise BackupError(f"the backup is damaged ({ok}); nothing was changed")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.unlink(database + suffix)
    os.replace(candidate, database)
    os.chmod(database, 0o600)
    db = connect(database)
    try:
        with app.app_context():
            applied = {hook.__name__: hook(db) for hook in collect("schema.after_restore", app)}
            purged = retention.purge(db, today or date.today())
    finally:
        db.close()
    return {"applied": applied, "purged": purged}


def daily(db, today: date) -> dict:
    """Job: today's backup, then the rotation."""
    app = current_app
    to = folder(app)
    made = make(app.config["DATABASE"], to, app.config.get("BACKUP_PASSPHRASE"))
    gone = rotate(to, today)
    return {"made": made.name, "deleted": len(gone)}


@click.command("backup")
@click.option("--to", "to", type=click.Path(file_okay=False), default=None,
              help="Folder to write it in (default: AMICALE_BACKUP_DIR or instance/backups).")
@with_appcontext
def backup_command(to):
    """Back up the database now: a consistent, compressed (encrypted) copy."""
    target = Path(to) if to else folder()
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = make(current_app.config["DATABASE"], target,
                current_app.config.get("BACKUP_PASSPHRASE"))
    click.echo(f"backup written: {path}")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(file, yes):
    """Replace the database with a backup (stop the site first), then erase again what was
    erased since and purge what is past its retention."""
    if not yes:
        click.confirm("This replaces the current database. Is the site stopped?", abort=True)
    try:
        outcome = restore(current_app._get_current_object(), Path(file),
                          current_app.config.get("BACKUP_PASSPHRASE"))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"restored from {file}; applied since: {outcome['applied']}; "
               f"purged: {outcome['purged']['purged']}")


def init_app(app) -> None:
    """Register the ``backup`` and ``restore`` commands."""
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)

