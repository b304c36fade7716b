"""The page cache (``association/pagecache.py``), inside Flask: a kept public page is the page
Flask drew, with its security headers and validators, never stale after a commit from anywhere,
never past ``PUBLIC_CACHE_SECONDS``; and nothing answers a request before Flask does."""
import subprocess
import sys

import pytest
from flask import Flask, template_rendered
from werkzeug.middleware.proxy_fix import ProxyFix

from association import reference
from association.db import get_db

from conftest import make_app, page_text, publish_communique

KEPT = ["/", "/donnees", "/donnees.json", "/transparence", "/communiques/",
        "/communiques/feed.atom"]


def _drawn(app) -> list:
    """The names of the templates drawn from now on (Flask's template_rendered signal)."""
    drawn = []
    template_rendered.connect(lambda sender, template, context, **_: drawn.append(
        template.name), app, weak=False)
    return drawn


@pytest.fixture
def json_drawn(app, monkeypatch):
    """How many times the register's JSON was drawn."""
    from association.public import views

    calls = []
    original = views.register_json_body
    monkeypatch.setattr(views, "register_json_body", lambda db: calls.append(1) or original(db))
    return calls


def test_nothing_answers_before_flask(tmp_path):
    """No WSGI middleware wraps the application but Werkzeug's ProxyFix when the site is
    behind a proxy: every request goes through Flask, its hooks and its views."""
    plain = make_app(tmp_path / "plain")
    assert plain.wsgi_app.__func__ is Flask.wsgi_app and plain.wsgi_app.__self__ is plain
    proxied = make_app(tmp_path / "proxied", BEHIND_PROXY=True)
    assert isinstance(proxied.wsgi_app, ProxyFix)
    assert proxied.wsgi_app.app.__func__ is Flask.wsgi_app


@pytest.mark.parametrize("path", KEPT)
def test_a_kept_page_is_the_page_flask_drew_with_its_headers(app, path):
    """The second reader gets the first one's bytes, with the security headers, a public
    Cache-Control, ``Vary: Cookie`` and the validators."""
    first = app.test_client().get(path)
    second = app.test_client().get(path)
    assert first.status_code == second.status_code == 200
    assert second.get_data() == first.get_data()
    assert second.headers["ETag"] == first.headers["ETag"]
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert second.headers[name] == first.headers[name]
    assert second.headers["Cache-Control"].startswith("public, max-age=")
    assert "Cookie" in second.headers["Vary"]
    assert "Content-Encoding" not in second.headers


def test_a_kept_page_is_drawn_once(app, client):
    """Many readers, one drawing: the home page's template is rendered for the first only."""
    drawn = _drawn(app)
    for _ in range(3):
        app.test_client().get("/")
    assert drawn.count("public/home.html") == 1


@pytest.mark.parametrize("path", KEPT)
def test_a_reader_whose_copy_is_current_gets_304(app, path):
    """If-None-Match with the page's ETag gets 304 with no body, from a kept page too."""
    client = app.test_client()
    etag = client.get(path).headers["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag
    assert "Content-Security-Policy" in again.headers
    other = client.get(path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.get_data()


def test_if_modified_since_gets_304_where_the_page_says_when_it_changed(app, client):
    """A communiqué carries Last-Modified; a reader sending it back gets 304."""
    _, slug = publish_communique(app)
    first = client.get(f"/communiques/{slug}")
    since = client.get(f"/communiques/{slug}",
                       headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_a_commit_from_another_process_reaches_the_next_reader(app, json_drawn):
    """Settings changed by another process (another gunicorn worker) show at the next
    request, on the HTML and the JSON register alike."""
    with app.app_context():
        reference.save_association(get_db(), "Amicale des Lilas", "1 rue X", "a@example.org")
    client = app.test_client()
    client.get("/donnees.json")
    assert client.get("/donnees.json").get_json()["controller"]["name"] == "Amicale des Lilas"
    assert len(json_drawn) == 1
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "c.execute(\"update association_settings set name = 'Amicale du Parc'\"); "
              "c.commit()")
    subprocess.run([sys.executable, "-c", script, app.config["DATABASE"]], check=True)
    assert client.get("/donnees.json").get_json()["controller"]["name"] == "Amicale du Parc"
    assert "Amicale du Parc" in page_text(client.get("/donnees"))
    assert len(json_drawn) == 2


def test_any_commit_draws_the_page_again(app, client, db):
    """A commit to a table the page does not show draws it again too: one rule, no
    version per page."""
    drawn = _drawn(app)
    client.get("/donnees")
    client.get("/donnees")
    db.execute("insert into landlords (name) values ('Bailleur')")
    db.conn.commit()
    client.get("/donnees")
    assert drawn.count("public/register.html") == 2


def test_a_kept_page_is_drawn_again_after_public_cache_seconds(app, client, clock):
    """What the clock alone changes (the home page's coming actions, the transparency
    report's day) is never older than the max-age proxies are told, by the app's clock."""
    drawn = _drawn(app)
    client.get("/")
    clock.advance(seconds=app.config["PUBLIC_CACHE_SECONDS"] - 1)
    client.get("/")
    assert drawn.count("public/home.html") == 1
    clock.advance(seconds=1)
    client.get("/")
    assert drawn.count("public/home.html") == 2


def test_each_language_gets_its_own_kept_page(app):
    """``?lang=`` and the remembered cookie choose the kept page; neither leaks into the
    other language's."""
    french = app.test_client().get("/donnees.json").get_json()
    english_reader = app.test_client()
    english = english_reader.get("/donnees.json?lang=en").get_json()
    assert english_reader.get("/donnees.json").get_json() == english  # the cookie
    assert french["transfers_outside_eu"].startswith("aucun")
    assert english["transfers_outside_eu"].startswith("none")
    assert app.test_client().get("/donnees.json").get_json() == french


def test_a_host_the_site_does_not_answer_to_still_gets_400(tmp_path):
    """A kept page is no way around the trusted hosts."""
    app = make_app(tmp_path / "instance", TRUSTED_HOSTS=["amicale.example.org"])
    client = app.test_client()
    good = {"base_url": "http://amicale.example.org"}
    client.get("/donnees.json", **good)
    assert client.get("/donnees.json", **good).status_code == 200
    assert client.get("/donnees.json", base_url="http://evil.example.com").status_code == 400


def test_a_session_gets_a_page_drawn_for_it_and_keeps_nothing(app, json_drawn):
    """A visitor whose session holds something (a flashed message) gets a page drawn for
    them, private; the next plain reader's page is drawn for the public, not taken from it."""
    visitor = app.test_client()
    with visitor.session_transaction() as session:
        session["_flashes"] = [("info", "Bonjour")]
    assert visitor.get("/donnees.json").headers["Cache-Control"].startswith("private")
    app.test_client().get("/donnees.json")
    app.test_client().get("/donnees.json")
    assert len(json_drawn) == 2


def test_an_undeclared_query_argument_gets_its_own_page_never_kept(app, json_drawn):
    """``?x=`` is not part of any kept page: it is drawn for that request only."""
    client = app.test_client()
    client.get("/donnees.json")
    client.get("/donnees.json?x=1")
    client.get("/donnees.json?x=1")
    client.get("/donnees.json")
    assert len(json_drawn) == 3


def test_a_withdrawn_communique_answers_410_kept_or_not(app, client):
    """A communiqué kept as published answers 410 after its withdrawal, at once."""
    from association.communiques import workflow
    from association.db import connect

    from conftest import editor_rows

    communique_id, slug = publish_communique(app)
    assert client.get(f"/communiques/{slug}").status_code == 200
    assert client.get(f"/communiques/{slug}").status_code == 200
    _, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        workflow.withdraw(db, communique_id, approver, "Retiré.", {})
    db.close()
    assert client.get(f"/communiques/{slug}").status_code == 410


def test_a_page_drawn_again_replaces_the_kept_one(app, client, db):
    """After commits, the worker keeps one copy of a page per language, not one per state of
    the database (the register is 116 KB: copies piling up would weigh on a small server)."""
    from association import pagecache

    for number in range(5):
        client.get("/donnees")
        db.execute("insert into landlords (name) values (?)", [f"Bailleur {number}"])
        db.conn.commit()
    client.get("/donnees")
    assert len(app.extensions[pagecache.EXTENSION]) == 1
