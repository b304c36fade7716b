"""The front door (``association/frontdoor.py``): a kept public page sent again without Flask,
to plain readers only, never stale, never past its time, the same answer Flask gave."""
import gzip
import subprocess
import sys

import pytest

from association import reference
from association.db import get_db

from conftest import make_app


@pytest.fixture
def counted(app):
    """The app, and how many requests Flask itself handled (a hook counts them)."""
    seen = []
    app.before_request(lambda: seen.append(1))
    return app, seen


def _warm(client, path="/donnees.json", **kwargs):
    """Two readers: the first draws the page, the second's answer is kept by the door."""
    client.get(path, **kwargs)
    return client.get(path, **kwargs)


@pytest.mark.parametrize("path", ["/", "/donnees", "/donnees.json", "/transparence"])
def test_a_kept_page_goes_out_without_flask_as_flask_sent_it(counted, path):
    app, seen = counted
    client = app.test_client()
    through_flask = _warm(client, path)
    handled = len(seen)
    at_the_door = client.get(path)
    assert len(seen) == handled, "the third reader was answered before Flask"
    assert at_the_door.status_code == through_flask.status_code == 200
    assert at_the_door.get_data() == through_flask.get_data()
    assert sorted(at_the_door.headers.items()) == sorted(through_flask.headers.items())
    for name in ("Content-Security-Policy", "X-Frame-Options", "ETag", "Cache-Control"):
        assert at_the_door.headers[name]


def test_a_commit_from_another_process_reaches_the_next_reader(counted):
    """Settings changed by another connection show at once, front door or not."""
    app, seen = counted
    with app.app_context():
        reference.save_association(get_db(), "Amicale des Lilas", "1 rue X", "a@example.org")
    client = app.test_client()
    _warm(client)
    assert client.get("/donnees.json").get_json()["controller"]["name"] == "Amicale des Lilas"
    handled = len(seen)
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "c.execute(\"update association_settings set name = 'Amicale du Parc'\"); "
              "c.commit()")
    subprocess.run([sys.executable, "-c", script, app.config["DATABASE"]], check=True)
    assert client.get("/donnees.json").get_json()["controller"]["name"] == "Amicale du Parc"
    assert len(seen) == handled + 1


def test_a_commit_in_this_process_reaches_the_next_reader(counted):
    app, seen = counted
    client = app.test_client()
    _warm(client)
    with app.app_context():
        reference.save_association(get_db(), "Amicale des Roses", "", "")
    assert client.get("/donnees.json").get_json()["controller"]["name"] == "Amicale des Roses"


@pytest.mark.parametrize("how", [
    {"cookies": {"amicale_session": "abc"}},
    {"cookies": {"lang": "en", "remember_token": "1|abc"}},
    {"cookies": {"someone_else": "1"}},
    {"query_string": {"lang": "fr"}},
    {"headers": {"If-Modified-Since": "Mon, 30 Nov 2026 00:00:00 GMT"}},
    {"headers": {"Accept-Encoding": "gzip;q=0"}},
    {"headers": {"Accept-Encoding": "*"}},
    {"method": "HEAD"},
])
def test_anyone_but_a_plain_reader_goes_through_flask(counted, how):
    app, seen = counted
    client = app.test_client()
    _warm(client)
    handled = len(seen)
    for name, value in how.pop("cookies", {}).items():
        client.set_cookie(name, value)
    response = client.open("/donnees.json", method=how.pop("method", "GET"), **how)
    assert response.status_code == 200
    assert len(seen) == handled + 1


def test_a_conditional_request_gets_its_304_from_flask(counted):
    app, seen = counted
    client = app.test_client()
    etag = _warm(client).headers["ETag"]
    handled = len(seen)
    assert client.get("/donnees.json", headers={"If-None-Match": etag}).status_code == 304
    assert len(seen) == handled + 1


def test_each_language_and_encoding_gets_its_own_answer(counted):
    app, seen = counted
    client = app.test_client()
    french = _warm(client)
    english_client = app.test_client()
    english_client.get("/donnees.json?lang=en")  # remembered in the lang cookie
    english = _warm(english_client)
    zipped = _warm(client, headers={"Accept-Encoding": "gzip, deflate, br"})
    handled = len(seen)
    assert english_client.get("/donnees.json").get_data() == english.get_data()
    assert client.get("/donnees.json").get_data() == french.get_data()
    again = client.get("/donnees.json", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert len(seen) == handled
    assert english.get_json()["transfers_outside_eu"].startswith("none")
    assert french.get_json()["transfers_outside_eu"].startswith("aucun")
    assert again.headers["Content-Encoding"] == "gzip" == zipped.headers["Content-Encoding"]
    assert gzip.decompress(again.get_data()) == french.get_data()
    assert client.get("/donnees.json").headers.get("Content-Encoding") is None


def test_the_home_page_is_not_kept_past_its_minute(counted, clock):
    """What is coming is counted from now: the door lets the home page go when the minute
    of the application's clock turns, even with the database unchanged."""
    app, seen = counted
    client = app.test_client()
    _warm(client, "/")
    handled = len(seen)
    client.get("/")
    assert len(seen) == handled
    clock.advance(seconds=60)
    client.get("/")
    assert len(seen) == handled + 1


def test_the_transparency_report_is_not_kept_past_its_day(counted, clock):
    app, seen = counted
    client = app.test_client()
    _warm(client, "/transparence")
    handled = len(seen)
    clock.advance(days=1)
    client.get("/transparence")
    assert len(seen) == handled + 1


def test_a_host_the_site_does_not_answer_to_still_gets_400(tmp_path):
    app = make_app(tmp_path / "instance", TRUSTED_HOSTS=["amicale.example.org"])
    client = app.test_client()
    good = {"base_url": "http://amicale.example.org"}
    _warm(client, **good)
    assert client.get("/donnees.json", **good).status_code == 200
    assert client.get("/donnees.json", base_url="http://evil.example.com").status_code == 400


def test_a_page_drawn_for_a_session_is_never_offered(counted):
    """A visitor whose session holds something gets Flask's page, and the door keeps
    nothing from it: the next plain reader is answered by Flask first."""
    app, seen = counted
    client = app.test_client()
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "Bonjour")]
    client.get("/donnees.json")
    client.get("/donnees.json")
    door = app.extensions["amicale_front_door"]
    assert not door.pages


def test_a_commit_while_flask_draws_the_page_keeps_nothing_at_the_door(app):
    """A commit landing after the door asked the database and before the page cache did
    (the view may have read its version before it): that answer is not kept."""
    from association.db import connect

    seen, commit_during = [], []

    @app.before_request
    def count_and_maybe_commit():
        seen.append(1)
        if commit_during:
            commit_during.pop()
            other = connect(app.config["DATABASE"])
            other.conn.execute("insert into throttle_events (scope, subject_hash, at) "
                               "values ('test', 'x', '2026-01-01')")
            other.conn.commit()
            other.close()

    client = app.test_client()
    client.get("/")  # the page cache offers the path
    commit_during.append(1)
    client.get("/")  # through Flask, with a commit in the middle: not kept
    client.get("/")  # through Flask again, kept this time
    handled = len(seen)
    client.get("/")
    assert handled == 3 and len(seen) == 3
