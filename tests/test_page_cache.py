"""The page cache (``association/pagecache.py``), inside Flask: a kept public page is the page
Flask drew, with its security headers and validators, never stale after a commit from anywhere,
never past ``PUBLIC_CACHE_SECONDS``; and nothing answers a request before Flask does."""
import re
import subprocess
import sys

import pytest
from flask import Flask, template_rendered
from werkzeug.middleware.proxy_fix import ProxyFix

from association import reference
from association.db import get_db

from conftest import add_building, make_app, new_member, page_text, publish_communique

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


# --- pages holding a form: kept with holes -----------------------------------------------------

def _tokens(response) -> tuple[str, str]:
    """The report form's CSRF token and one-time token, as the page gives them."""
    page = response.get_data(as_text=True)
    return (re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1],
            re.search(r'name="once"[^>]*value="([^"]+)"', page)[1])


def test_the_report_form_is_kept_and_its_filled_tokens_post(app, db):
    """The report form is drawn once for many visitors; each gets their own tokens, their own
    session cookie (never a public Cache-Control, no validator), and the form sent with them is recorded."""
    building = add_building(app, "Bâtiment A")
    drawn = _drawn(app)
    app.test_client().get("/signaler")
    visitor = app.test_client()
    page = visitor.get("/signaler")
    assert drawn.count("grievances/report.html") == 1
    assert "Set-Cookie" in page.headers and "ETag" not in page.headers
    assert not page.headers["Cache-Control"].startswith("public")  # a cookie: never shared
    assert "hole" not in page.get_data(as_text=True)
    csrf, once = _tokens(page)
    sent = visitor.post("/signaler", content_type="multipart/form-data", data={
        "csrf_token": csrf, "once": once, "building": str(building), "category": "damp",
        "description": "Fuite d'eau sous l'évier depuis lundi"})
    assert sent.status_code == 303, sent.status_code
    assert db.execute("select count(*) from grievances").fetchone()[0] == 1
    assert db.execute("select count(*) from grievances where form_token = ?",
                      [once]).fetchone()[0] == 1


def test_two_visitors_never_get_the_same_tokens(app):
    """Neither token of a kept form is shared: every answer fills its holes afresh, and a
    token does not open another visitor's session."""
    first, second = app.test_client(), app.test_client()
    tokens = [_tokens(client.get("/signaler")) for client in (first, second, first)]
    assert len({csrf for csrf, _ in tokens[:2]}) == 2
    assert len({once for _, once in tokens}) == 3
    refused = second.post("/signaler", content_type="multipart/form-data",
                          data={"csrf_token": tokens[0][0], "category": "damp"})
    assert refused.status_code == 400


def test_a_returning_reader_gets_the_kept_form_with_their_own_token(app, db):
    """A reader who came before (a session holding only its CSRF token) gets the kept form,
    not one drawn for them: their own token filled in, their session unchanged, never a
    public Cache-Control; the form they send is recorded."""
    building = add_building(app, "Bâtiment A")
    drawn = _drawn(app)
    reader = app.test_client()
    first = _tokens(reader.get("/signaler"))
    again = reader.get("/signaler")
    assert drawn.count("grievances/report.html") == 1
    csrf, once = _tokens(again)
    assert csrf == first[0] and once != first[1]
    assert "Set-Cookie" not in again.headers and "ETag" not in again.headers
    assert not again.headers["Cache-Control"].startswith("public")
    english = reader.get("/signaler?lang=en")  # their language, still their token
    assert "Report a problem" in page_text(english) and _tokens(english)[0] == csrf
    sent = reader.post("/signaler", content_type="multipart/form-data", data={
        "csrf_token": csrf, "once": once, "building": str(building), "category": "damp",
        "description": "Fuite d'eau sous l'évier depuis lundi"})
    assert sent.status_code == 303, sent.status_code
    assert db.execute("select count(*) from grievances").fetchone()[0] == 1


def test_a_signed_in_members_form_is_never_shared(app):
    """A member's form says their space is open; nobody else's does, before or after."""
    app.test_client().get("/signaler")
    member = app.test_client()
    new_member(member)
    opened = "Your space is open on this browser"
    assert opened in page_text(member.get("/signaler?lang=en"))
    assert opened not in page_text(app.test_client().get("/signaler?lang=en"))


def test_a_flashed_message_on_the_form_is_never_kept(app):
    """A message waiting for one visitor is shown to them, and to nobody after."""
    visitor = app.test_client()
    with visitor.session_transaction() as session:
        session["_flashes"] = [("info", "Votre message unique")]
    assert "Votre message unique" in page_text(visitor.get("/signaler"))
    assert "Votre message unique" not in page_text(app.test_client().get("/signaler"))


def test_the_kept_form_follows_the_data_the_language_and_the_building_asked(app):
    """A new building is in the next visitor's list; each language and each ``?batiment=``
    has its own kept form."""
    app.test_client().get("/signaler")
    building = add_building(app, "Bâtiment Neuf")
    assert "Bâtiment Neuf" in page_text(app.test_client().get("/signaler"))
    assert "Report a problem" in page_text(app.test_client().get("/signaler?lang=en"))
    assert "Signaler un problème" in page_text(app.test_client().get("/signaler"))
    chosen = app.test_client().get(f"/signaler?batiment={building}").get_data(as_text=True)
    assert re.search(rf'<option selected value="{building}"|value="{building}" selected',
                     chosen)
    plain = app.test_client().get("/signaler").get_data(as_text=True)
    assert not re.search(rf'<option selected value="{building}"|value="{building}" selected',
                         plain)
