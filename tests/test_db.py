"""The database: pragmas on every connection, idempotent migrations."""
from association.db import connect, migrate


def test_pragmas(app):
    """WAL, a busy timeout of at least 5 s, foreign keys and secure delete are on."""
    db = connect(app.config["DATABASE"])
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma busy_timeout").fetchone()[0] >= 5000
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.execute("pragma secure_delete").fetchone()[0] == 1
    db.close()


def test_request_connection_has_the_pragmas(app):
    """The per-request database on g is opened the same way."""
    from association.db import get_db

    with app.app_context():
        assert get_db().execute("pragma secure_delete").fetchone()[0] == 1
        assert get_db() is get_db()


def test_init_db_is_idempotent(runner, app):
    """init-db applies nothing the second time and says the database is ready."""
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "already up to date" in result.output
    assert "database ready" in result.output


def test_init_db_on_a_new_file(tmp_path):
    """On an empty file, init-db applies the migrations in order and records them."""
    from association import create_app

    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "SECRET_KEY": "k" * 40})
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "applied m001_foundation" in result.output
    db = connect(app.config["DATABASE"])
    assert {"buildings", "landlords", "job_runs"} <= set(db.table_names())
    assert migrate(db, app) == []
    db.close()


def test_foreign_keys_are_enforced(db):
    """A building cannot point at a landlord that does not exist."""
    import sqlite3

    import pytest

    with pytest.raises(sqlite3.IntegrityError):
        db.table("buildings").insert({"name": "X", "landlord_id": 999})
    assert db.table("buildings").count == 0


def _holding_the_write_lock(path, seconds, writes=None):
    """Another connection takes the write lock for ``seconds`` in a thread (returned once
    the lock is held, to join), and writes a throttle row named ``writes`` before it commits."""
    import threading
    import time

    held = threading.Event()

    def hold():
        other = connect(path)
        other.conn.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        if writes:
            other.conn.execute("insert into throttle_events (scope, subject_hash, at) "
                               "values ('test', ?, '2026-01-01')", [writes])
        other.conn.execute("COMMIT")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    return thread


def test_a_writer_waits_for_another_and_writes_after_it(app):
    """A writer that finds the lock taken waits for it (SQLite's busy handler) and gets it
    once the other has committed:
    its transaction sees the other's write, both writes are kept, and the connection keeps
    its busy timeout. (How soon it gets the lock is measured by ``make bench``:
    bench/locks.py.)"""
    from association.db import BUSY_TIMEOUT_MS

    path = app.config["DATABASE"]
    db = connect(path)
    for number, hold_for in enumerate((0.003, 0.1), 1):
        thread = _holding_the_write_lock(path, hold_for, writes=f"holder-{number}")
        with db.atomic():
            seen = [row[0] for row in db.execute(
                "select subject_hash from throttle_events order by id")]
            db.execute("insert into throttle_events (scope, subject_hash, at) "
                       "values ('test', ?, '2026-01-01')", [f"writer-{number}"])
        thread.join()
        assert seen[-1] == f"holder-{number}"  # it began only once the holder had committed
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    assert [row[0] for row in db.execute("select subject_hash from throttle_events order by id")] \
        == ["holder-1", "writer-1", "holder-2", "writer-2"]
    db.close()


def test_a_writer_still_gets_locked_past_the_busy_timeout(app):
    """Past the connection's busy timeout a writer gives up: "database is locked"."""
    import sqlite3

    import pytest

    path = app.config["DATABASE"]
    db = connect(path)
    db.execute("PRAGMA busy_timeout=100")
    try:
        thread = _holding_the_write_lock(path, 0.5)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            with db.atomic():
                pass
        thread.join()
    finally:
        db.close()


def test_the_throttles_window_is_pruned_by_an_index(db):
    """Pruning attempts past the window reads only them (after a meeting, thousands of
    addresses have reported within the window)."""
    plan = " ".join(row[3] for row in db.execute(
        "explain query plan delete from throttle_events where scope = ? and at < ?",
        ["report-address", "2026-01-01"]))
    assert "throttle_events_window" in plan
