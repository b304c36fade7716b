"""The database: one sqlite-utils Database per thread, reused from request to request (kept
on ``g`` during a request), and one per job or command, all with our pragmas."""
import itertools
import os
import sqlite3
import threading
from collections import OrderedDict
from contextlib import contextmanager

import click
from flask.cli import with_appcontext
from flask import current_app, g
from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

BUSY_TIMEOUT_MS = 5000


_serials = itertools.count(1)


class WritingDatabase(Database):
    """sqlite-utils' Database whose ``atomic()`` blocks start as write transactions.

    A deferred transaction (``BEGIN``) that reads first — sqlite-utils looks at a table's
    columns before inserting — and then writes cannot wait for another writer: SQLite
    answers "database is locked" at once rather than risk a deadlock. ``BEGIN IMMEDIATE``
    takes the write lock up front and waits for it (busy timeout), so concurrent writers
    queue instead of failing. ``with db.atomic():`` is the one transaction helper: what is
    read inside it cannot change before it is written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names the connection in ``data_version``: unlike id(), never reused by a later one.
        self.serial = next(_serials)

    @contextmanager
    def atomic(self):
        """A transaction taking the write lock at once (a savepoint inside another)."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")  # waits for another writer: the busy timeout
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.execute("COMMIT")


def connect(path: str, read_only: bool = False, max_pages: int | None = None) -> Database:
    """Open the database file with WAL, a busy timeout, foreign keys and secure delete;
    ``read_only`` for maintenance (every write is refused), ``max_pages`` to cap its size."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    db = WritingDatabase(conn)
    # WAL lets readers go on while one writer writes; a crash never leaves a torn file.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    # Deleted text is overwritten with zeros, so a purge really removes it from the file.
    db.execute("PRAGMA secure_delete=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    if read_only:
        db.execute("PRAGMA query_only=ON")
    if max_pages:
        db.execute(f"PRAGMA max_page_count={int(max_pages)}")
    return db


def best_effort(db: Database, sql: str, params=()) -> None:
    """A write that may be skipped when the database refuses writes (maintenance, full
    disk): the time a session was last seen, say. Reading pages must go on meanwhile."""
    try:
        db.execute(sql, params)
    except sqlite3.OperationalError:
        pass


def data_version(db: Database) -> tuple:
    """A value that moves whenever the database may have changed, as this connection sees
    it: ``PRAGMA data_version`` changes when another connection (another thread or worker, a
    command, a job) has committed, the connection's own ``total_changes`` when it wrote
    itself (a migration run on it too: each one applied is recorded in a row). Two values are
    comparable only from the same connection, which the value names. One statement: it is
    asked on every request of a kept page."""
    conn = db.conn
    return (getattr(db, "serial", id(conn)), conn.total_changes,
            conn.execute("PRAGMA data_version").fetchone()[0])


REMEMBERED_MAX = 1024


def remembered(db: Database, key, compute):
    """``compute()``, worked out once per state of the database as this connection sees it
    (``data_version``) and kept on the connection: counts that every visitor of a page asks
    for, recomputed after any commit from anywhere. What it returns is shared: never change
    it, and keep out of it what depends on the request (a language). Nothing read inside a
    transaction is kept: it might be rolled back."""
    if db.conn.in_transaction:
        return compute()
    version = data_version(db)
    store = getattr(db, "_amicale_remembered", None)
    if store is None or store[0] != version:
        store = db._amicale_remembered = (version, {})
    if key not in store[1]:
        value = compute()
        if data_version(db) == version and len(store[1]) < REMEMBERED_MAX:
            store[1][key] = value
        return value
    return store[1][key]


def row_or_none(db: Database, table: str, pk) -> dict | None:
    """The row with this primary key, or None (sqlite-utils' ``get`` without the exception)."""
    try:
        return db.table(table).get(pk)
    except NotFoundError:
        return None


def first_row(db: Database, sql: str, params=()) -> dict | None:
    """The first row a query returns, or None."""
    return next(iter(db.query(sql, params)), None)


# Opening a connection with its pragmas costs about as much as serving a small page, so each
# thread keeps its own (gunicorn runs a few threads per worker; sqlite3 connections belong to
# the thread that opened them) and reuses it from request to request. The pragmas are set once,
# when it is opened. A connection is reused only by the process that opened it (a forked worker
# opens its own), only for the same file path (tests run many apps on many files in one
# process) and only while the path still names the same file (device and inode: a file deleted
# or replaced gets a fresh connection). A thread keeps a few paths at most, the least recently
# used closed first; a thread's connections close when the thread ends.
_local = threading.local()
CONNECTIONS_PER_THREAD = 4
# Connections inherited from the parent of a forked process: never used, and never closed here
# (closing would touch the parent's locks and its write-ahead log), only kept from the collector.
_inherited: list[Database] = []


class _Connections(OrderedDict):
    """One thread's connections, by path; closed when the thread ends (with its locals)."""

    def __del__(self):
        for _, db in self.values():
            _close_quietly(db)


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _thread_connection(path: str, **options) -> Database:
    """This thread's connection to ``path`` (opened with ``options``, see ``connect``):
    reused when still valid, else (re)opened."""
    pid = os.getpid()
    opened = getattr(_local, "opened", None)
    if opened is None or getattr(_local, "pid", None) != pid:
        if opened:
            _inherited.extend(db for _, db in opened.values())
            opened.clear()
        opened = _local.opened = _Connections()
        _local.pid = pid
    key = (path, *sorted(options.items()))
    entry = opened.get(key)
    if entry is not None:
        identity, db = entry
        if identity is not None and identity == _file_identity(path):
            opened.move_to_end(key)
            return db
        del opened[key]
        _close_quietly(db)
    db = connect(path, **options)
    opened[key] = (_file_identity(path), db)
    while len(opened) > CONNECTIONS_PER_THREAD:
        _close_quietly(opened.popitem(last=False)[1][1])
    return db


def _forget(db: Database) -> None:
    """Drop a connection from this thread's cache and close it (it failed)."""
    opened = getattr(_local, "opened", None) or {}
    for path, (_, cached) in list(opened.items()):
        if cached is db:
            del opened[path]
    _close_quietly(db)


def _close_quietly(db: Database) -> None:
    try:
        db.close()
    except sqlite3.Error:
        pass


def get_db() -> Database:
    """The request's database: this thread's connection to the app's file, reused from
    request to request (see ``_thread_connection``)."""
    found = g.get("db")
    if found is None:
        found = g.db = thread_db(current_app.config)
    return found


def thread_db(config) -> Database:
    """This thread's connection to the database of an application's ``config`` (the one
    ``get_db`` gives a request), outside any request too."""
    return _thread_connection(config["DATABASE"], read_only=bool(config.get("READ_ONLY")),
                              max_pages=config.get("DATABASE_MAX_PAGES"))


def close_db(exception=None) -> None:
    """End the request's use of the database: the connection stays open for the thread's next
    request, but no transaction is left open on it (what was not committed is rolled back,
    as closing it did)."""
    db = g.pop("db", None)
    if db is None:
        return
    try:
        if db.conn.in_transaction:
            db.conn.rollback()
    except sqlite3.Error:
        _forget(db)  # a connection that cannot roll back is not reused


def migrate(db: Database, app=None) -> list[str]:
    """Apply pending migrations, the core's then each capability's set; return their names."""
    from .capability import installed
    from .migrations import migrations

    sets = [migrations] + [c.schema.migrations for c in installed(app) if c.schema.migrations is not None]
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
