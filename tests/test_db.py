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
