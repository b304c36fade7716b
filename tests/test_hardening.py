"""What an outside security test found, replayed: each finding of the Hardening issue, and a
sweep of every GET route with hostile query strings."""
import io
import os
import socket
import stat
import threading
from urllib.parse import quote

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from conftest import STRONG_PASSWORD, add_building, csrf_token, new_member
from routes import ACCESS, SWEEPER, concrete, methods_of
from servers import gunicorn, stop


def new_key(client) -> None:
    """Make a member key in this client's browser."""
    new_member(client)


def session_cookie(client) -> str:
    """The value of the client's session cookie (to replay it later)."""
    return client.get_cookie("amicale_session").value


def replaying(app, cookie: str):
    """A new browser carrying a copy of someone's session cookie."""
    thief = app.test_client()
    thief.set_cookie("amicale_session", cookie)
    return thief


# --- 1. member sessions ------------------------------------------------------------------

def test_old_cookie_of_an_erased_member_opens_nothing(app, db):
    """A cookie kept from before an erasure neither shows nor erases the next member's space,
    and the next member does not get the erased member's id."""
    first = app.test_client()
    new_key(first)
    first_id = db.execute("select max(id) from members").fetchone()[0]
    kept = session_cookie(first)
    first.post("/membre/effacer", data={"csrf_token": csrf_token(first, "/membre/effacer"),
                                        "confirm": "y"})
    assert db.table("members").count == 0

    stranger = app.test_client()
    new_key(stranger)
    stranger.post("/membre/contact", data={"csrf_token": csrf_token(stranger, "/membre/"),
                                           "contact-email": "stranger@example.org",
                                           "contact-consent": "y"})
    assert db.execute("select id from members").fetchone()[0] != first_id

    thief = replaying(app, kept)
    page = thief.get("/membre/", follow_redirects=True).get_data(as_text=True)
    assert "stranger@example.org" not in page
    thief.post("/membre/effacer", data={"csrf_token": csrf_token(thief, "/membre/"),
                                        "confirm": "y"})
    assert db.table("members").count == 1


def test_closing_the_space_ends_every_copy_of_the_cookie(app):
    """"Close my space on this browser" ends the session on the server: a copy made before
    opens nothing."""
    member = app.test_client()
    new_key(member)
    kept = session_cookie(member)
    assert "/membre/sortir" in member.get("/membre/").get_data(as_text=True)
    member.post("/membre/sortir", data={"csrf_token": csrf_token(member, "/membre/")})
    response = replaying(app, kept).get("/membre/export.json")
    assert response.status_code == 302 and response.headers["Location"].endswith("ouvrir=1")


def test_a_purged_member_signs_the_browser_out(app, db):
    """When the member's row is gone (purged), the browser is signed out, not refreshed."""
    member = app.test_client()
    new_key(member)
    db.execute("delete from members")
    assert member.get("/membre/export").status_code == 302
    assert db.table("member_sessions").count == 0


def test_member_and_volunteer_ids_are_never_reused(app, db, volunteers):
    """Deleting the newest row does not free its id for the next person."""
    for table, make in (
        ("members", lambda: new_key(app.test_client())),
        ("volunteers", lambda: volunteers.invite(f"v{os.urandom(3).hex()}")),
        ("buildings", lambda: add_building(app, "B")),
    ):
        make()
        last = db.execute(f"select max(id) from {table}").fetchone()[0]
        db.execute(f"delete from {table} where id = ?", [last])
        make()
        assert db.execute(f"select max(id) from {table}").fetchone()[0] == last + 1, table


# --- 2. query arguments --------------------------------------------------------------------

@pytest.mark.parametrize("query", ["_method=POST", "endpoint=x", "_external=1", "_anchor=x",
                                   "_scheme=javascript", "lang=en&endpoint=x"])
def test_query_arguments_cannot_choose_an_endpoint(client, query):
    """Arguments that ``url_for`` would treat as its own are only query arguments."""
    response = client.get(f"/?{query}")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers


def test_host_header_never_reaches_a_cached_page(client):
    """``_external`` and a forged Host put no other site's address into a public page."""
    response = client.get("/?_external=1&_scheme=https", headers={"Host": "evil.example"})
    assert "evil.example" not in response.get_data(as_text=True)


def test_production_answers_only_to_its_own_host(tmp_path):
    """With AMICALE_ENV=production the site answers to the host of its public address only."""
    from conftest import make_app

    app = make_app(tmp_path / "prod", ENV="production", BASE_URL="https://amicale.example")
    client = app.test_client()
    assert client.get("/", headers={"Host": "amicale.example"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_error_page_survives_a_broken_site_page(app):
    """When the site's page itself fails, the error page is still ours: status, headers, CSP."""
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken(code):
        raise RuntimeError("the page frame fails")

    app.jinja_env.globals["url_in_language"] = broken
    response = app.test_client().get("/")
    assert response.status_code == 500
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "Code d&#39;erreur\u00a0: 500" in response.get_data(as_text=True)


@pytest.mark.slow
def test_gunicorn_logs_no_request_line(tmp_path):
    """A malformed request holding an invitation-like token: gunicorn's log keeps neither the
    token nor the client's address."""
    from conftest import make_app

    make_app(tmp_path / "instance")  # served after init-db, as always (the home page reads it)
    process, base = gunicorn(tmp_path / "instance", workers=1)
    port = int(base.rsplit(":", 1)[1])
    token = "SecretInvitationToken0123456789abcdef"
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET /benevoles/invitation/{token}\r\n\r\n".encode())
        sock.recv(1000)
    log = stop(process)
    assert "Invalid request" in log
    assert token not in log and "ip=127.0.0.1" not in log


# --- 3. re-authentication ---------------------------------------------------------------------

def test_reauthentication_is_throttled(app, volunteers):
    """Wrong current passwords on the password page: the 6th attempt gets 429."""
    account = volunteers.create("reauth")
    client = app.test_client()
    volunteers.login(client, account)
    statuses = []
    for _ in range(6):
        statuses.append(client.post("/benevoles/compte/mot-de-passe", data={
            "csrf_token": csrf_token(client, "/benevoles/compte"),
            "password-current": "not my password at all", "password-code": "123456",
            "password-password": STRONG_PASSWORD + " encore",
            "password-confirm": STRONG_PASSWORD + " encore"}).status_code)
    assert statuses == [400] * 5 + [429]


def test_reauthentication_spends_the_code_once(app, volunteers):
    """A code used to re-authenticate cannot be used again: the same atomic step as sign-in."""
    account = volunteers.create("reauth-code")
    client = app.test_client()
    volunteers.login(client, account)
    code = volunteers.code(account.secret)
    form = {"csrf_token": csrf_token(client, "/benevoles/compte"),
            "factor-current": account.password, "factor-code": code}
    assert client.post("/benevoles/compte/second-facteur", data=form).status_code == 303
    again = client.post("/benevoles/compte/second-facteur", data=form)
    assert again.status_code == 400 and "déjà été utilisé" in again.get_data(as_text=True)


# --- 4. redirects after sign-in ----------------------------------------------------------------

@pytest.mark.parametrize("target", ["/%09/evil.example/", "//evil.example/", "/\\evil.example",
                                    "https://evil.example/", "/%0A/x", "/%0D%0ASet-Cookie:x=1",
                                    "/\t/evil.example", "javascript:alert(1)", "/nulle-part"])
def test_sign_in_never_redirects_off_the_site(app, volunteers, target):
    """After signing in, ``next`` is honoured only for a page of this site."""
    account = volunteers.create("redirect")
    client = app.test_client()
    token = csrf_token(client, "/benevoles/connexion")
    response = client.post(f"/benevoles/connexion?next={quote(target, safe='%/:')}", data={
        "csrf_token": token, "login": account.login, "password": account.password,
        "code": volunteers.code(account.secret)})
    assert response.status_code == 302
    assert response.headers["Location"] == "/benevoles/"


def test_sign_in_honours_a_page_of_the_site(app, volunteers):
    """A real page of the site given as ``next`` is where the volunteer lands."""
    account = volunteers.create("redirect-ok")
    client = app.test_client()
    token = csrf_token(client, "/benevoles/connexion")
    response = client.post("/benevoles/connexion?next=/benevoles/compte", data={
        "csrf_token": token, "login": account.login, "password": account.password,
        "code": volunteers.code(account.secret)})
    assert response.headers["Location"] == "/benevoles/compte"


# --- 5. throttle races -----------------------------------------------------------------------

def test_concurrent_wrong_passwords_never_pass_the_limit(app, volunteers):
    """16 wrong passwords at once for one account: at most 5 are checked, the rest get 429."""
    account = volunteers.create("raced")
    clients = [app.test_client() for _ in range(16)]
    forms = [{"csrf_token": csrf_token(c, "/benevoles/connexion"), "login": account.login,
              "password": f"wrong password number {i}", "code": "123456"}
             for i, c in enumerate(clients)]
    statuses, start = [], threading.Barrier(16)

    def attempt(client, form):
        start.wait()
        statuses.append(client.post("/benevoles/connexion", data=form).status_code)

    threads = [threading.Thread(target=attempt, args=pair) for pair in zip(clients, forms)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [400] * 5 + [429] * 11


# --- 6. disabled accounts ----------------------------------------------------------------------

def test_disabled_account_tells_nothing_before_both_factors(app, volunteers, db):
    """The right password with a wrong code gets the same answer as a wrong password; only
    both factors right say that the account is disabled."""
    account = volunteers.create("disabled")
    db.table("volunteers").update(account.id, {"disabled": 1})
    client = app.test_client()
    wrong = volunteers.login(client, account, code="000000").get_data(as_text=True)
    assert "désactivé" not in wrong and "incorrect" in wrong
    right = volunteers.login(client, account).get_data(as_text=True)
    assert "désactivé" in right


# --- 7. last administrator ---------------------------------------------------------------------

def test_an_admin_who_never_activated_does_not_count(app, volunteers):
    """The only admin who can sign in cannot demote themselves because another admin was
    invited but never chose a password."""
    admin = volunteers.create("only-admin", "admin")
    volunteers.invite("never-activated", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    url = f"/benevoles/admin/comptes/{admin.id}"
    response = client.post(url, data={"csrf_token": csrf_token(client, url),
                                      "role": "volunteer"})
    assert response.status_code == 400
    assert "dernier administrateur" in response.get_data(as_text=True)


# --- 8. lockout by a stranger ------------------------------------------------------------------

def test_a_known_browser_gets_through_a_strangers_lockout(app, volunteers):
    """After a stranger spends the account's failures, the volunteer signs in from a browser
    where they signed in before; a new browser still waits."""
    account = volunteers.create("locked")
    known = app.test_client()
    assert volunteers.login(known, account).status_code == 302
    known.post("/benevoles/deconnexion", data={"csrf_token": csrf_token(known, "/benevoles/")})
    stranger = app.test_client()
    for _ in range(5):
        volunteers.login(stranger, account, password="guessing wrongly")
    assert volunteers.login(stranger, account).status_code == 429
    assert volunteers.login(app.test_client(), account).status_code == 429
    assert volunteers.login(known, account).status_code == 302


def test_the_known_browser_cookie_is_void_after_a_password_change(app, volunteers, db):
    """A known-device cookie stops helping once the password changes."""
    from association.volunteers import auth

    account = volunteers.create("device")
    with app.test_request_context():
        row = db.table("volunteers").get(account.id)
        cookie = auth.known_device_cookie(row)
        assert auth.known_device(row, cookie)
        assert auth.known_device({**row, "password_hash": "another"}, cookie) is None
        assert auth.known_device({**row, "id": row["id"] + 1}, cookie) is None


# --- 9. file modes ----------------------------------------------------------------------------

def test_instance_files_are_private(app, client):
    """The instance folder is 0700; the database, its journal and the keys are 0600."""
    new_key(client)
    instance = app.instance_path
    assert stat.S_IMODE(os.stat(instance).st_mode) == 0o700
    for name in os.listdir(instance):
        mode = stat.S_IMODE(os.stat(os.path.join(instance, name)).st_mode)
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"


# --- 10. smaller findings ---------------------------------------------------------------------

def test_audit_page_number_is_bounded(app, volunteers):
    """A page number beyond any integer SQLite holds is an empty page, not an error."""
    admin = volunteers.create("auditor", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    assert client.get("/benevoles/admin/journal?page=99999999999999999999").status_code == 200


def test_new_keys_are_throttled_per_address(app):
    """The 21st key made from one address within 15 minutes gets 429."""
    client = app.test_client()
    statuses = [client.post("/membre/nouvelle-cle",
                            data={"csrf_token": csrf_token(client, "/membre/")}).status_code
                for _ in range(21)]
    assert statuses == [303] * 20 + [429]


def test_public_pages_are_private_for_someone_signed_in(app, volunteers):
    """A public page drawn for a signed-in volunteer is not for shared caches."""
    account = volunteers.create("reader")
    client = app.test_client()
    volunteers.login(client, account)
    assert client.get("/").headers["Cache-Control"].startswith("private")
    assert app.test_client().get("/").headers["Cache-Control"].startswith("public")


def test_a_large_urlencoded_body_is_refused_unread(app, client):
    """A URL-encoded body over 3 MB gets 413 before it is parsed (parsing 10 MB of escapes
    took a worker 1.5 s), on every address, the report form included."""
    body = b"csrf_token=x&description=" + b"%C3%A9" * 600_000
    for url in ("/signaler", "/membre/", "/benevoles/connexion"):
        assert client.post(url, data=body, content_type="application/x-www-form-urlencoded"
                           ).status_code == 413, url


def test_a_report_takes_photos_over_ten_megabytes_in_all(app, client):
    """Two photos of 6 MB each reach the report form (here refused as no image we can read,
    with the text kept): the report's larger limit is set before the CSRF check reads the
    body. (A hook of the grievances' blueprint came after it: 413 "Too large".)"""
    building = add_building(app, "Bâtiment A")
    boundary, body = encode_multipart(MultiDict([
        ("csrf_token", csrf_token(client, "/signaler")), ("building", str(building)),
        ("category", "damp"), ("description", "Fuite d'eau sous l'évier depuis lundi"),
        *[("photos", FileStorage(io.BytesIO(b"\xff" * 6_000_000), f"IMG_{n}.jpg"))
          for n in (1, 2)]]))
    response = client.post("/signaler?lang=en", data=body,
                           content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 400
    assert "not a photo we can read" in response.get_data(as_text=True)


# --- the hostile-query sweep ---------------------------------------------------------------

HOSTILE = ["_method=POST", "endpoint=x", "_external=1", "_anchor=%3Cscript%3E", "_scheme=ftp",
           "lang=" + "x" * 5000, "page=99999999999999999999", "page=-1", "page=1e400",
           "x=%00", "%00=1", "lang=%ff%fe", "q=%ff", "lang=en&lang=fr&lang=xx",
           "next=//evil.example", "since=99999-99-99&until=0000-00-00", "action=%00",
           "volunteer=%27%20or%201%3D1", "ouvrir=1&ouvrir=2", "a" * 3000 + "=1"]
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                    "X-Frame-Options", "Cache-Control")


def test_hostile_query_strings_on_every_get_route(app, world):
    """Every GET route, as whoever gets past its door (and anonymously), answers each hostile
    query string with no 5xx and with the security headers."""
    failures = []
    for rule, entry in ACCESS.items():
        if "GET" not in methods_of(app, rule):
            continue
        url = concrete(rule, world.ids)
        visitors = {SWEEPER[entry.audience], "anonymous"}
        for query in HOSTILE:
            for who in sorted(visitors):
                response = world.clients[who].get(f"{url}?{query}")
                missing = [h for h in SECURITY_HEADERS if h not in response.headers]
                if response.status_code >= 500 or missing:
                    failures.append(f"{who} {url}?{query[:40]}: {response.status_code} {missing}")
                response.close()
    assert failures == [], "\n".join(failures[:20])


def test_the_page_cache_cannot_be_poisoned(app):
    """Kept public pages are shared between visitors: whatever one visitor sends (another
    Host, forwarded headers, another language, query arguments, a cookie) never changes the
    page the next visitor gets."""
    paths = ("/", "/donnees", "/donnees.json", "/transparence", "/communiques/")
    before = {path: app.test_client().get(path).data for path in paths}
    hostile = {"Host": "evil.example", "X-Forwarded-Host": "evil.example",
               "X-Forwarded-Prefix": "/evil", "X-Forwarded-Proto": "https",
               "X-Original-URL": "/evil", "Accept-Language": "en",
               "Cookie": "amicale_session=forged; lang=en"}
    attacker = app.test_client()
    for path in paths:
        attacker.get(path, headers=hostile)
        attacker.get(path + "?lang=en&x=<script>", headers=hostile)
        attacker.get(path + "?lang=evil", headers={"Accept-Encoding": "gzip"})
    for path in paths:
        after = app.test_client().get(path).data
        assert after == before[path], path
        assert b"evil" not in after
