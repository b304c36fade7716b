"""Pages: languages, security headers on every response, error pages, CSRF and size limits."""
import html
import re

import pytest
from flask import request
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired

from association import create_app
from association.security import CONTENT_SECURITY_POLICY
from conftest import make_app

def _text(response) -> str:
    """The response body with HTML entities decoded."""
    return html.unescape(response.get_data(as_text=True))


PAGES = ["/", "/donnees", "/donnees.json", "/?lang=en", "/static/style.css", "/nowhere"]


def test_home_is_french_by_default(client):
    """/ is lang="fr" with French text and the association's name."""
    page = _text(client.get("/"))
    assert '<html lang="fr">' in page
    assert "Aller au contenu" in page
    assert "Participer, en trois lignes" in page


def test_english_on_request_and_remembered(client):
    """?lang=en gives English and sets a cookie, so the next page stays English."""
    response = client.get("/?lang=en")
    page = _text(response)
    assert '<html lang="en">' in page
    assert "Skip to content" in page and "Taking part, in three lines" in page
    assert "lang=en" in response.headers["Set-Cookie"]
    assert '<html lang="en">' in _text(client.get("/donnees"))
    assert '<html lang="fr">' in _text(client.get("/?lang=fr"))
    assert '<html lang="fr">' in _text(client.get("/"))


def test_unknown_language_falls_back_to_french(client):
    """?lang=xx is ignored rather than breaking the page."""
    response = client.get("/?lang=xx")
    assert response.status_code == 200
    assert '<html lang="fr">' in _text(response)
    assert "Set-Cookie" not in response.headers


def test_language_switch_keeps_the_page(client):
    """The language link points at the same page in the other language."""
    page = _text(client.get("/donnees"))
    assert 'href="/donnees?lang=en"' in page


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_response(client, path):
    """CSP, nosniff, no referrer and the permissions policy on pages, files and errors."""
    response = client.get(path)
    response.close()
    headers = response.headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers  # plain HTTP


def test_hsts_and_secure_cookies_over_https(client):
    """Over HTTPS: HSTS, and cookies marked Secure."""
    response = client.get("/?lang=en", base_url="https://amicale.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Secure" in response.headers["Set-Cookie"]


def test_public_pages_cacheable_errors_not(client):
    """Public pages may be cached by a proxy; error pages never."""
    assert client.get("/").headers["Cache-Control"].startswith("public")
    assert client.get("/nowhere").headers["Cache-Control"] == "no-store"


def test_a_response_that_sets_a_cookie_is_not_shared(client):
    """A public page that sets the language cookie is cacheable only by the browser."""
    assert client.get("/?lang=en").headers["Cache-Control"].startswith("private")


def test_no_third_party_reference(client):
    """No page loads anything from another host."""
    for path in ("/", "/donnees", "/?lang=en", "/nowhere"):
        page = _text(client.get(path))
        sources = re.findall(r'(?:src|href)="([^"]+)"', page)
        loaded = [s for s in re.findall(r'<(?:link|script|img)[^>]+(?:src|href)="([^"]+)"', page)]
        assert all(s.startswith("/") for s in loaded), loaded
        assert sources


def test_not_found_in_the_visitors_language(client):
    """An unknown page is a 404 page in French, or in English once chosen."""
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "Page introuvable" in _text(response)
    client.get("/?lang=en")
    english = client.get("/nowhere")
    assert english.status_code == 404
    assert "Page not found" in _text(english)


def test_method_not_allowed_page(client):
    """A POST to a read-only page gets the generic 405 page, with its Allow header."""
    response = client.post("/donnees")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "Code d'erreur\u00a0: 405" in _text(response)


@pytest.fixture
def form_app(tmp_path):
    """The app with one scratch form route, to exercise CSRF and size limits end to end."""
    app = make_app(tmp_path / "instance", WTF_CSRF_ENABLED=True, MAX_CONTENT_LENGTH=1024)
    saved = []

    class NoteForm(FlaskForm):
        text = StringField("text", validators=[DataRequired()])

    @app.route("/_scratch", methods=["GET", "POST"])
    def scratch():
        form = NoteForm()
        if form.validate_on_submit():
            saved.append(form.text.data)
            return "saved"
        return f'<form method="post">{form.csrf_token()}</form>'

    app.saved = saved
    return app


def test_post_without_csrf_token_is_refused_clearly(form_app):
    """A POST with no CSRF token gets the 400 page explaining nothing was saved."""
    client = form_app.test_client()
    response = client.post("/_scratch", data={"text": "hello"})
    assert response.status_code == 400
    assert "rien n'a été enregistré" in _text(response)
    assert form_app.saved == []


def test_post_with_csrf_token_is_accepted(form_app):
    """The same POST with the page's token goes through."""
    client = form_app.test_client()
    page = _text(client.get("/_scratch"))
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    response = client.post("/_scratch", data={"text": "hello", "csrf_token": token})
    assert _text(response) == "saved"
    assert form_app.saved == ["hello"]


def test_oversized_request_gets_413_page(form_app):
    """A body over MAX_CONTENT_LENGTH is refused with the 413 page and nothing saved."""
    client = form_app.test_client()
    response = client.post("/_scratch", data={"text": "x" * 5000})
    assert response.status_code == 413
    assert "Trop volumineux" in _text(response)
    assert form_app.saved == []


def test_server_error_page_is_generic_and_logs_no_detail(tmp_path, caplog):
    """An unhandled error gives the generic 500 page; the log has its type, not its message."""
    app = make_app(tmp_path / "instance", PROPAGATE_EXCEPTIONS=False)

    @app.get("/_boom")
    def boom():
        raise ValueError(request.args["typed"])

    response = app.test_client().get("/_boom?typed=secret+text+typed+by+a+member")
    assert response.status_code == 500
    body = _text(response)
    assert "Une erreur s'est produite" in body
    assert "secret text" not in body
    assert "ValueError" in caplog.text
    assert "secret text" not in caplog.text


@pytest.mark.parametrize(("code", "french", "english"), [
    (400, "Demande non comprise", "Request not understood"),
    (403, "Accès refusé", "Access refused"),
    (404, "Page introuvable", "Page not found"),
    (410, "Contenu supprimé", "Gone"),
    (413, "Trop volumineux", "Too large"),
    (429, "Trop de tentatives", "Too many attempts"),
    (500, "Une erreur s'est produite", "Something went wrong"),
])
def test_error_pages_in_both_languages(tmp_path, code, french, english):
    """Each generic error page exists in French and English with its status code."""
    from flask import abort

    app = make_app(tmp_path / "instance")

    @app.get("/_error")
    def error():
        abort(code)

    client = app.test_client()
    response = client.get("/_error")
    assert response.status_code == code
    assert french in _text(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert english in _text(client.get("/_error?lang=en"))


def test_error_page_renders_without_a_database(tmp_path):
    """When the database file cannot be opened, the 404 page still renders."""
    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "k" * 40,
                      "DATABASE": str(tmp_path / "missing" / "x.db")})
    response = app.test_client().get("/nowhere")
    assert response.status_code == 404
    assert "Page introuvable" in _text(response)


@pytest.mark.parametrize("path", ["/benevoles/connexion", "/membre/nouvelle-cle", "/membre/"])
def test_real_forms_refuse_a_post_without_token(app, client, path):
    """Every POST passes the CSRF check first: without a token, a clear 400 and no change."""
    from association.db import connect

    response = client.post(path, data={"login": "x", "password": "y", "code": "1",
                                       "key": "7KQ2-9XWM-4PRT-ZR8H-3NDA"})
    assert response.status_code == 400
    assert "rien n'a été enregistré" in _text(response)
    db = connect(app.config["DATABASE"])
    assert db.table("members").count == 0 and db.table("throttle_events").count == 0
    db.close()


def test_behind_a_proxy_https_and_addresses_come_from_its_headers(tmp_path):
    """With AMICALE_BEHIND_PROXY, the proxy's X-Forwarded-Proto makes HSTS and Secure cookies."""
    app = make_app(tmp_path / "instance", BEHIND_PROXY=True)
    response = app.test_client().get("/?lang=en", headers={"X-Forwarded-Proto": "https",
                                                           "X-Forwarded-For": "203.0.113.9"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Secure" in response.headers["Set-Cookie"]
    plain = make_app(tmp_path / "other", BEHIND_PROXY=False).test_client().get(
        "/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in plain.headers


def test_the_home_page_opens_with_its_main_jobs(client):
    """The first thing on the home page is a way in to what people come for: report a
    problem, follow one's report; the explanation of keys comes after (issue 21)."""
    page = client.get("/?lang=en").get_data(as_text=True)
    report, follow = page.find('href="/signaler">Report a problem'), page.find(
        'href="/membre/">Follow my report')
    explained = page.find("Taking part, in three lines")
    assert 0 < report < explained and 0 < follow < explained
    assert "Suivre mon signalement" in client.get("/?lang=fr").get_data(as_text=True)


def test_every_public_page_describes_itself(client):
    """A shared link or a search result says what the page is: a meta description on the
    public pages, in the page's language (issue 21)."""
    import re as re_

    for path in ("/", "/donnees", "/transparence", "/signaler", "/actions/", "/communiques/",
                 "/demandes/"):
        for lang, word in (("fr", "locataires"), ("en", "tenants")):
            page = client.get(f"{path}?lang={lang}").get_data(as_text=True)
            found = re_.search(r'<meta name="description" content="([^"]+)"', page)
            assert found and word in found[1], (path, lang)
