"""One sqlite-utils Database per request (kept on ``g``) and per job, with our pragmas."""
import sqlite3
from contextlib import contextmanager

import click
from flask.cli import with_appcontext
from flask import current_app, g
from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

BUSY_TIMEOUT_MS = 5000


def connect(path: str) -> Database:
    """Open the database file with WAL, a busy timeout, foreign keys and secure delete."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn)
    # WAL lets readers go on while one writer writes; a crash never leaves a torn file.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    # Deleted text is overwritten with zeros, so a purge really removes it from the file.
    db.execute("PRAGMA secure_delete=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


@contextmanager
def immediate(db: Database):
    """A write transaction taken at once (``BEGIN IMMEDIATE``): what is read inside it cannot
    change before it is written, whatever other processes do (a check and its record are one
    step). Inside an open transaction, a savepoint of it."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.execute("COMMIT")


def row_or_none(db: Database, table: str, pk) -> dict | None:
    """The row with this primary key, or None (sqlite-utils' ``get`` without the exception)."""
    try:
        return db.table(table).get(pk)
    except NotFoundError:
        return None


def first_row(db: Database, sql: str, params=()) -> dict | None:
    """The first row a query returns, or None."""
    return next(iter(db.query(sql, params)), None)


def get_db() -> Database:
    """The request's database, opened on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(exception=None) -> None:
    """Close the request's database, if it was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def migrate(db: Database, app=None) -> list[str]:
    """Apply pending migrations, the core's then each capability's set; return their names."""
    from .capability import installed
    from .migrations import migrations

    sets = [migrations] + [c.migrations for c in installed(app) if c.migrations is not None]
    pending = []
    for migration_set in sets:
        pending += [m.name for m in migration_set.pending(db)]
        migration_set.apply(db)
    return pending


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Apply the database migrations (idempotent) and check the data inventory."""
    from .inventory import differences

    db = get_db()
    applied = migrate(db)
    for name in applied:
        click.echo(f"applied {name}")
    if not applied:
        click.echo("database already up to date")
    problems = differences(db)
    if problems:
        raise click.ClickException(
            "the schema and the data inventory differ:\n  " + "\n  ".join(problems)
        )
    click.echo(f"database ready: {current_app.config['DATABASE']}")


def init_app(app) -> None:
    """Register the teardown and the ``init-db`` command."""
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
