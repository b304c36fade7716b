"""Volunteer accounts: invitation, enrolment, passwords, second factor, sign-in, throttling."""
import re

import pyotp
import pytest

from association import passwords
from association.db import connect
from conftest import STRONG_PASSWORD, csrf_token, database_bytes
from conftest import page_text as text


def account_row(app, login):
    """The volunteers row for ``login``."""
    db = connect(app.config["DATABASE"])
    row = next(db.query("select * from volunteers where login = ?", [login]))
    db.close()
    return row


def test_create_admin_prints_a_single_use_link(runner, app, client):
    """create-admin makes an admin without password and prints an invitation link."""
    result = runner.invoke(args=["create-admin", "alice"])
    assert result.exit_code == 0, result.output
    link = re.search(r"http://\S+/benevoles/invitation/(\S+)", result.output)
    assert link
    row = account_row(app, "alice")
    assert row["role"] == "admin" and row["password_hash"] is None
    assert client.get(f"/benevoles/invitation/{link[1]}").status_code == 200
    again = runner.invoke(args=["create-admin", "ALICE"])
    assert again.exit_code != 0 and "login_taken" in again.output


def test_there_is_no_default_account(app, runner):
    """A fresh database, even with demo content, has no account anyone can sign in to."""
    runner.invoke(args=["demo"])
    db = connect(app.config["DATABASE"])
    assert db.table("volunteers").count_where("password_hash is not null") == 0
    db.close()


def test_enrolment_stores_only_hashes_and_ciphertext(app, volunteers):
    """After enrolment: argon2id hash, encrypted TOTP secret, nothing in clear in the file."""
    account = volunteers.create("bob")
    row = account_row(app, "bob")
    assert row["password_hash"].startswith("$argon2id$")
    assert account.secret not in (row["totp_secret"] or "")
    raw = database_bytes(app)
    assert STRONG_PASSWORD.encode() not in raw
    assert account.secret.encode() not in raw


def test_recovery_codes_are_shown_once_and_stored_hashed(app, volunteers):
    """Enrolment shows ten recovery codes; the database holds only their hashes."""
    volunteer_id, token = volunteers.invite("carla")
    secret, response = volunteers.enrol(app.test_client(), token)
    codes = re.findall(r"<code>([0-9A-Z]{4}-[0-9A-Z]{4})</code>", response.get_data(as_text=True))
    assert len(codes) == 10
    db = connect(app.config["DATABASE"])
    stored = [row["code_hash"] for row in db.table("recovery_codes").rows]
    db.close()
    assert len(stored) == 10
    assert not any(code in " ".join(stored) for code in codes)


def test_invitation_is_single_use(app, volunteers):
    """A used invitation link answers 410 with a clear message, and changes nothing."""
    _, token = volunteers.invite("dora")
    volunteers.enrol(app.test_client(), token)
    response = app.test_client().get(f"/benevoles/invitation/{token}")
    assert response.status_code == 410
    assert "déjà été utilisé" in text(response)


def test_invitation_expires_after_72_hours(app, volunteers, clock):
    """An invitation link older than 72 hours answers 410, in English when asked."""
    _, token = volunteers.invite("emile")
    clock.advance(hours=72, seconds=1)
    response = app.test_client().get(f"/benevoles/invitation/{token}?lang=en")
    assert response.status_code == 410
    assert "has expired" in text(response)


def test_unknown_invitation(client):
    """A made-up invitation token answers 404."""
    response = client.get("/benevoles/invitation/not-a-real-token")
    assert response.status_code == 404
    assert "pas valide" in text(response)


@pytest.mark.parametrize(("password", "message"), [
    ("court", "au moins 12 caractères"),
    ("azertyuiop123", "trop courant ou trop facile"),
    ("motdepasse2024!", "trop courant ou trop facile"),
    ("jetaimemamour", "trop courant ou trop facile"),
    ("password1234", "trop courant ou trop facile"),
    ("frank-lebenevole", "trop courant ou trop facile"),
    ("soleildemarseille", "trop courant ou trop facile"),
    ("amicale2026!!", "trop courant ou trop facile"),
])
def test_weak_passwords_are_refused(app, volunteers, password, message):
    """Short, common (French or English) or login-based passwords are refused; nothing saved."""
    _, token = volunteers.invite("frank")
    client = app.test_client()
    url = f"/benevoles/invitation/{token}"
    page = client.get(url).get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)[1].replace(" ", "")
    response = client.post(url, data={
        "csrf_token": csrf_token(client, url), "password": password, "confirm": password,
        "code": volunteers.code(secret)})
    assert response.status_code == 200
    assert message in text(response)
    assert account_row(app, "frank")["password_hash"] is None


def test_password_policy_allows_long_passphrases():
    """No composition rule: a long sentence is fine, and 128 characters are accepted."""
    assert passwords.weakness(STRONG_PASSWORD) is None
    assert passwords.weakness("vélo rouge, cuisine jaune") is None
    assert passwords.weakness("gT7#kq9!Lm2p") is None
    assert passwords.weakness("le vent " + "tourne sur la colline verte " * 4) is None
    assert passwords.weakness("a" * 300) == "too_long"


def test_enrolment_with_wrong_code_saves_nothing(app, volunteers):
    """A wrong code at enrolment says so and leaves the account as it was."""
    _, token = volunteers.invite("gina")
    client = app.test_client()
    url = f"/benevoles/invitation/{token}"
    response = client.post(url, data={"csrf_token": csrf_token(client, url),
                                      "password": STRONG_PASSWORD, "confirm": STRONG_PASSWORD,
                                      "code": "000000"})
    assert "Ce code n'est pas le bon" in text(response)
    assert account_row(app, "gina")["password_hash"] is None


def test_sign_in_and_wrong_credentials(app, volunteers):
    """Right login, password and code sign in; a wrong one gets a clear message."""
    account = volunteers.create("hugo")
    client = app.test_client()
    wrong = volunteers.login(client, account, password="not the right password")
    assert wrong.status_code == 400
    assert "Identifiant, mot de passe ou code incorrect" in text(wrong)
    wrong_code = volunteers.login(client, account, code="123456")
    assert wrong_code.status_code == 400
    ok = volunteers.login(client, account)
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/benevoles/")
    assert "hugo" in text(client.get("/benevoles/"))


def test_a_code_is_accepted_only_once(app, volunteers, clock):
    """The same one-time code cannot sign in twice."""
    account = volunteers.create("ines")
    code = volunteers.code(account.secret)
    first = app.test_client()
    assert volunteers.login(first, account, code=code).status_code == 302
    second = volunteers.login(app.test_client(), account, code=code)
    assert second.status_code == 400
    assert "déjà été utilisé" in text(second)


def test_recovery_code_signs_in_once(app, volunteers):
    """A recovery code replaces the app's code once, and only once."""
    volunteer_id, token = volunteers.invite("jules")
    secret, response = volunteers.enrol(app.test_client(), token)
    code = re.findall(r"<code>([0-9A-Z]{4}-[0-9A-Z]{4})</code>", response.get_data(as_text=True))[0]
    from conftest import Account

    account = Account(volunteer_id, "jules", STRONG_PASSWORD, secret)
    assert volunteers.login(app.test_client(), account, code=code.lower()).status_code == 302
    assert volunteers.login(app.test_client(), account, code=code).status_code == 400


def test_disabled_account_cannot_sign_in(app, volunteers):
    """A disabled account gets its own message, in French and English."""
    account = volunteers.create("karim")
    db = connect(app.config["DATABASE"])
    db.table("volunteers").update(account.id, {"disabled": 1})
    db.close()
    response = volunteers.login(app.test_client(), account)
    assert response.status_code == 400
    assert "Ce compte est désactivé" in text(response)
    client = app.test_client()
    client.get("/?lang=en")
    assert "This account is disabled" in text(volunteers.login(client, account))


def test_sixth_failure_for_an_account_is_throttled(app, volunteers, clock):
    """Five failures in 15 minutes, then even the right password gets 429 until the window ends."""
    account = volunteers.create("lea")
    client = app.test_client()
    for _ in range(5):
        assert volunteers.login(client, account, password="wrong password!").status_code == 400
    blocked = volunteers.login(client, account)
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert "réessayez après" in text(blocked)
    clock.advance(minutes=15)
    assert volunteers.login(client, account).status_code == 302


def test_twenty_first_failure_from_one_address_is_throttled(app, volunteers):
    """Twenty failures from one address over many logins block that address."""
    account = volunteers.create("marc")
    client = app.test_client()
    for attempt in range(20):
        token = csrf_token(client, "/benevoles/connexion")
        client.post("/benevoles/connexion", data={"csrf_token": token, "login": f"x{attempt}",
                                                 "password": "nope nope nope", "code": "1"})
    assert volunteers.login(client, account).status_code == 429


def test_throttle_keeps_no_address_in_clear(app, volunteers):
    """The throttle table holds keyed hashes, never the login or the address."""
    account = volunteers.create("nina")
    volunteers.login(app.test_client(), account, password="wrong password!")
    db = connect(app.config["DATABASE"])
    rows = list(db.table("throttle_events").rows)
    db.close()
    assert rows and all("nina" not in r["subject_hash"] and "127.0.0.1" not in r["subject_hash"]
                        for r in rows)


def test_login_form_keeps_what_was_typed(app, volunteers):
    """A refused sign-in comes back with the login typed (never the password)."""
    account = volunteers.create("oscar")
    response = volunteers.login(app.test_client(), account, password="wrong password!")
    page = response.get_data(as_text=True)
    assert 'value="oscar"' in page
    assert "wrong password!" not in page


def test_pyotp_codes_match_ours(volunteers, app):
    """The codes an ordinary authenticator app computes are the ones we accept."""
    account = volunteers.create("paul")
    clock = app.config["CLOCK"]
    clock.advance(seconds=30)
    code = pyotp.TOTP(account.secret).at(clock())
    assert volunteers.login(app.test_client(), account, code=code).status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_sign_in_never_redirects_elsewhere(app, volunteers, target):
    """A ?next= pointing off the site is ignored: sign-in lands on the dashboard."""
    account = volunteers.create(f"nx{abs(hash(target)) % 1000}")
    client = app.test_client()
    token = csrf_token(client, "/benevoles/connexion")
    response = client.post(f"/benevoles/connexion?next={target}", data={
        "csrf_token": token, "login": account.login, "password": account.password,
        "code": volunteers.code(account.secret)})
    assert response.status_code == 302
    assert response.headers["Location"] == "/benevoles/"


def test_sign_in_returns_to_the_page_asked_for(app, volunteers):
    """After being sent to sign in, the volunteer lands on the page they wanted."""
    account = volunteers.create("nora")
    client = app.test_client()
    asked = client.get("/benevoles/compte")
    assert "next=" in asked.headers["Location"]
    token = csrf_token(client, "/benevoles/connexion")
    response = client.post(asked.headers["Location"], data={
        "csrf_token": token, "login": account.login, "password": account.password,
        "code": volunteers.code(account.secret)})
    assert response.headers["Location"] == "/benevoles/compte"


def test_address_throttle_behind_a_proxy_counts_each_client(tmp_path):
    """Behind a proxy, one client's failures do not block another client's sign-in."""
    from conftest import Clock, Volunteers, make_app

    app = make_app(tmp_path / "instance", BEHIND_PROXY=True)
    app.config["CLOCK"] = Clock()
    helper = Volunteers(app)
    account = helper.create("proxy-user")
    attacker = app.test_client()
    attacker.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.66"
    for attempt in range(21):
        token = csrf_token(attacker, "/benevoles/connexion")
        last = attacker.post("/benevoles/connexion", data={
            "csrf_token": token, "login": f"guess{attempt}", "password": "nope nope",
            "code": "1"})
    assert last.status_code == 429
    tenant = app.test_client()
    tenant.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.7"
    assert helper.login(tenant, account).status_code == 302
