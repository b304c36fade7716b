"""What makes a page cheap stays correct: the reused connection, the settings row kept on it,
the translations kept for the request and the register's parts made once per language."""
import html
import sqlite3
import subprocess
import sys
import threading

import pytest
from flask_babel import force_locale, get_locale, get_translations, gettext, lazy_gettext

from association import reference
from association.db import connect, get_db
from association.security import public

from conftest import make_app


def _name_shown(client, path="/") -> str:
    page = html.unescape(client.get(path).get_data(as_text=True))
    return page.split('class="site-name"', 1)[1].split(">", 1)[1].split("<", 1)[0]


def _connection_of(app):
    with app.app_context():
        return get_db()


def test_the_connection_is_reused_from_request_to_request(app):
    """Two requests on one thread get the same connection, opened once with the pragmas."""
    first, second = _connection_of(app), _connection_of(app)
    assert first is second
    assert first.execute("pragma foreign_keys").fetchone()[0] == 1
    assert first.execute("pragma secure_delete").fetchone()[0] == 1


def test_each_thread_has_its_own_connection(app):
    """sqlite3 connections belong to their thread: another thread gets its own."""
    found = []
    worker = threading.Thread(target=lambda: found.append(_connection_of(app)))
    worker.start()
    worker.join()
    assert found[0] is not _connection_of(app)


def test_a_thread_s_connection_closes_when_the_thread_ends(app):
    """A server that starts a thread per request (werkzeug's) leaves no connection behind."""
    found = []
    worker = threading.Thread(target=lambda: found.append(_connection_of(app)))
    worker.start()
    worker.join()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        found[0].conn.in_transaction


def test_settings_changed_by_another_connection_show_on_the_next_request(app, client, db):
    """A change committed elsewhere (another worker's connection) is seen at once, although
    the row is kept on this thread's connection."""
    reference.save_association(db, "Amicale des Lilas", "1 rue X", "a@example.org")
    assert _name_shown(client) == "Amicale des Lilas"
    assert _name_shown(client) == "Amicale des Lilas"  # now kept on the connection
    reference.save_association(db, "Amicale des Roses", "1 rue X", "a@example.org")
    assert _name_shown(client) == "Amicale des Roses"
    assert client.get("/donnees.json").get_json()["controller"]["name"] == "Amicale des Roses"


def test_settings_changed_by_another_process_show_on_the_next_request(app, client, db):
    """A change committed by another process (another gunicorn worker) is seen at once."""
    reference.save_association(db, "Amicale des Lilas", "1 rue X", "a@example.org")
    assert _name_shown(client) == "Amicale des Lilas"
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "c.execute(\"update association_settings set name = 'Amicale du Parc'\"); "
              "c.commit()")
    subprocess.run([sys.executable, "-c", script, app.config["DATABASE"]], check=True)
    assert _name_shown(client) == "Amicale du Parc"
    assert "Amicale du Parc" in client.get("/donnees").get_data(as_text=True)


def test_settings_written_on_the_same_connection_show_at_once(app):
    """The connection's own writes move the version too (``data_version`` does not)."""
    with app.app_context():
        db = get_db()
        reference.save_association(db, "Avant", "", "")
        assert reference.association(db)["name"] == "Avant"
        reference.save_association(db, "Après", "", "")
        assert reference.association(db)["name"] == "Après"


def test_a_migration_on_the_same_connection_moves_the_version(app):
    """``data_version`` asks one pragma: a schema changed by the connection itself moves it
    through the row that records the migration."""
    from sqlite_utils import Migrations

    from association.db import data_version, remembered

    scratch = Migrations("scratch_version")

    @scratch()
    def m001_scratch(db):
        db.execute("create table scratch_version (id integer primary key)")

    with app.app_context():
        db = get_db()
        tables = lambda: set(db.table_names())  # noqa: E731
        assert "scratch_version" not in remembered(db, "tables", tables)
        before = data_version(db)
        scratch.apply(db)
        assert data_version(db) != before
        assert "scratch_version" in remembered(db, "tables", tables)


def test_settings_read_in_a_rolled_back_transaction_are_not_kept(app):
    """A row read inside a transaction that is then rolled back is not served afterwards."""
    with app.app_context():
        db = get_db()
        reference.save_association(db, "Gardée", "", "")
        reference.association(db)
        db.begin()
        db.execute("update association_settings set name = 'Annulée'")
        assert reference.association(db)["name"] == "Annulée"
        db.rollback()
        assert reference.association(db)["name"] == "Gardée"


def test_a_failed_request_leaves_no_transaction_open(tmp_path):
    """A view that fails half-way through a write: the thread's connection is handed back
    rolled back, holding no lock, and the half-write is gone."""
    app = make_app(tmp_path / "instance")

    @app.get("/_half_write")
    @public
    def half_write():
        """Start a write (a transaction sqlite-utils leaves open), then fail."""
        db = get_db()
        db.begin()
        db.execute("insert into landlords (name) values ('half')")
        raise RuntimeError("failed mid-way")

    client = app.test_client()
    with pytest.raises(RuntimeError):
        client.get("/_half_write")
    reused = _connection_of(app)
    assert not reused.conn.in_transaction
    other = sqlite3.connect(app.config["DATABASE"], timeout=0.1)
    other.execute("begin immediate")  # would fail with "database is locked" otherwise
    other.rollback()
    other.close()
    assert reused.execute("select count(*) from landlords").fetchone()[0] == 0
    assert client.get("/").status_code == 200


def test_two_apps_on_two_files_do_not_share_connections(tmp_path):
    """Many apps in one process (the tests do that), each on its own file."""
    one, two = make_app(tmp_path / "one"), make_app(tmp_path / "two")
    for app, name in ((one, "Amicale Une"), (two, "Amicale Deux")):
        db = connect(app.config["DATABASE"])
        reference.save_association(db, name, "", "")
        db.close()
    clients = {"Amicale Une": one.test_client(), "Amicale Deux": two.test_client()}
    for _ in range(2):
        for name, client in clients.items():
            assert _name_shown(client) == name
    for app in (one, two):
        path = _connection_of(app).execute("pragma database_list").fetchone()[2]
        assert path == app.config["DATABASE"]


def test_a_replaced_database_file_gets_a_fresh_connection(tmp_path):
    """A file deleted or replaced under the same path (a restore) is not read through the old
    connection."""
    app = make_app(tmp_path / "instance")
    db = connect(app.config["DATABASE"])
    reference.save_association(db, "Ancienne", "", "")
    db.close()
    client = app.test_client()
    assert _name_shown(client) == "Ancienne"
    old = _connection_of(app)
    restored = make_app(tmp_path / "restored")
    db = connect(restored.config["DATABASE"])
    reference.save_association(db, "Restaurée", "", "")
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    path = app.config["DATABASE"]
    for suffix in ("-wal", "-shm"):
        (tmp_path / "instance" / ("amicale.db" + suffix)).unlink(missing_ok=True)
    (tmp_path / "restored" / "amicale.db").replace(path)
    assert _name_shown(client) == "Restaurée"
    assert _connection_of(app) is not old


def test_a_forked_process_opens_its_own_connection(app, monkeypatch):
    """A connection opened before a fork is never used in the child, nor closed by it."""
    from association import db as database

    inherited = _connection_of(app)
    monkeypatch.setattr(database.os, "getpid", lambda: -1)  # as a forked worker sees it
    fresh = _connection_of(app)
    assert fresh is not inherited
    assert inherited in database._inherited
    assert inherited.execute("select 1").fetchone()[0] == 1  # still open


def test_language_switch_with_the_caches(client):
    """?lang= and the cookie still choose the language of every cached part."""
    assert '<html lang="fr">' in client.get("/donnees").get_data(as_text=True)
    english = html.unescape(client.get("/donnees?lang=en").get_data(as_text=True))
    assert '<html lang="en">' in english and "Table by table" in english
    assert "Table par table" not in english
    again = html.unescape(client.get("/donnees").get_data(as_text=True))  # the cookie
    assert "Table by table" in again
    assert client.get("/donnees.json").get_json()["transfers_outside_eu"].startswith("none")
    french = html.unescape(client.get("/donnees?lang=fr").get_data(as_text=True))
    assert '<html lang="fr">' in french and "Table by table" not in french
    assert client.get("/donnees.json").get_json()["transfers_outside_eu"].startswith("aucun")
    assert "Skip to content" in client.get("/?lang=en").get_data(as_text=True)


def test_force_locale_inside_a_request_still_switches(app):
    """Mails and the register's cache use ``force_locale`` within a page of another language:
    the translations kept for the request follow it, and come back after."""
    with app.test_request_context("/?lang=en"):
        template = app.jinja_env.from_string("{{ _('Home') }}")
        assert template.render() == "Home"
        with force_locale("fr"):
            assert str(get_locale()) == "fr"
            assert template.render() == "Accueil"
        assert template.render() == "Home"
        assert str(get_locale()) == "en"


def test_a_lazy_message_follows_the_page_and_force_locale(app):
    """A lazy message (a label, an option) read from the request's translations says what
    Flask-Babel's ``gettext`` says: in the page's language, under ``force_locale``, with its
    variables, and outside any request."""
    home, late = lazy_gettext("Home"), lazy_gettext("At most %(n)s photos, please.", n=3)
    with app.test_request_context("/?lang=en"):
        get_translations()  # the request's translations, kept
        assert (str(home), str(late)) == ("Home", gettext("At most %(n)s photos, please.", n=3))
        with force_locale("fr"):
            assert str(home) == "Accueil" and str(late) == gettext(
                "At most %(n)s photos, please.", n=3) and "3" in str(late)
        assert str(home) == "Home"
    with app.app_context():
        assert str(home) == gettext("Home")


def test_the_register_is_the_same_with_and_without_its_cache(app, client):
    """The cached declared part is what the template renders by itself."""
    from flask import render_template

    from association.public.register import data_register

    page = client.get("/donnees?lang=en").get_data(as_text=True)
    with app.test_request_context("/donnees?lang=en"):
        direct = render_template("public/register.html",
                                 register=data_register(get_db()))
    assert page == direct


def _drawn(app):
    """The names of the templates drawn from now on (Flask's template_rendered signal)."""
    from flask import template_rendered

    drawn = []
    template_rendered.connect(lambda sender, template, context, **_: drawn.append(
        template.name), app, weak=False)
    return drawn


def test_the_home_page_is_drawn_once_until_the_database_changes(app, client, db, clock):
    """Anonymous visitors share one drawing of the home page; a commit by another connection
    (another worker, a job) or ``PUBLIC_CACHE_SECONDS`` draws it again, so nothing is stale."""
    reference.save_association(db, "Amicale des Lilas", "1 rue X", "a@example.org")
    drawn = _drawn(app)
    first = client.get("/")
    assert client.get("/").data == first.data
    assert drawn.count("public/home.html") == 1
    assert client.get("/", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    db.execute("insert into landlords (name) values ('Bailleur')")  # any commit elsewhere
    db.conn.commit()
    client.get("/")
    assert drawn.count("public/home.html") == 2
    clock.advance(seconds=app.config["PUBLIC_CACHE_SECONDS"])  # what is coming is counted from now
    client.get("/")
    assert drawn.count("public/home.html") == 3


def test_a_page_that_fills_the_visitor_s_session_is_never_kept(app):
    """A page whose drawing put something in the session (a form's CSRF token) belongs to
    that visitor: the next visitor gets their own, never the first one's token."""
    from flask_wtf.csrf import generate_csrf

    from association import pagecache

    @app.get("/_with_a_form")
    @public
    def with_a_form():
        """A public page holding a form."""
        db = get_db()
        return pagecache.respond(db, ("_with_a_form",), generate_csrf)

    one, two = app.test_client(), app.test_client()
    first, second = one.get("/_with_a_form").data, two.get("/_with_a_form").data
    assert first and second and first != second


def test_the_register_is_drawn_once_per_language_and_settings(app, client, db):
    """The data register is drawn once per language and per state of the settings it
    prints; the settings' change shows at the next request."""
    reference.save_association(db, "Amicale des Lilas", "1 rue X", "a@example.org")
    drawn = _drawn(app)
    for _ in range(3):
        client.get("/donnees")
    assert drawn.count("public/register.html") == 1
    reference.save_association(db, "Amicale des Lilas", "2 rue Y", "a@example.org")
    assert "2 rue Y" in client.get("/donnees").get_data(as_text=True)
    assert client.get("/donnees.json").get_json()["controller"]["postal_address"] == "2 rue Y"


def test_a_kept_page_travels_as_it_is(app, client):
    """Kept pages are not compressed here (a reverse proxy does it for every page): no
    Content-Encoding, and no ``Vary: Accept-Encoding`` to split shared caches."""
    packed = client.get("/donnees", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in packed.headers
    assert "Accept-Encoding" not in packed.headers.get("Vary", "")
    assert packed.data == client.get("/donnees").data


def test_counts_remembered_until_any_commit(app):
    """``db.remembered`` works a value out once per state of the database: again after a
    commit by another connection, or by its own; never kept from inside a transaction."""
    from association.db import remembered

    calls = []

    def count(db):
        calls.append(1)
        return db.execute("select count(*) from landlords").fetchone()[0]

    with app.app_context():
        db = get_db()
        other = connect(app.config["DATABASE"])
        assert remembered(db, "n", lambda: count(db)) == 0
        assert remembered(db, "n", lambda: count(db)) == 0 and len(calls) == 1
        other.execute("insert into landlords (name) values ('Ailleurs')")
        other.conn.commit()
        assert remembered(db, "n", lambda: count(db)) == 1 and len(calls) == 2
        db.execute("insert into landlords (name) values ('Ici')")
        db.conn.commit()
        assert remembered(db, "n", lambda: count(db)) == 2 and len(calls) == 3
        db.begin()
        db.execute("insert into landlords (name) values ('Annulé')")
        assert remembered(db, "n", lambda: count(db)) == 3
        db.rollback()
        assert remembered(db, "n", lambda: count(db)) == 2
        other.close()


def test_a_building_s_counts_follow_every_report(app):
    """A building's public page counts again as soon as a report is saved (its counts are
    remembered between requests)."""
    from conftest import add_building, report

    building = add_building(app, "Bâtiment A")
    client = app.test_client()
    assert "humidité" not in client.get(f"/batiments/{building}").get_data(as_text=True)
    assert "humidité" not in client.get(f"/batiments/{building}").get_data(as_text=True)
    report(app.test_client(), building, category="damp",
           description="Moisissures au plafond de la salle de bain", confirmed=True)
    assert "humidité" in client.get(f"/batiments/{building}").get_data(as_text=True)
