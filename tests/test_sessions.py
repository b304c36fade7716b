"""Sessions that really end: timeouts on a controlled clock, logout, password change, disabling."""
from association.db import connect
from conftest import STRONG_PASSWORD, csrf_token


def signed_in(client) -> bool:
    """Whether the client reaches the dashboard rather than being sent to sign in."""
    return client.get("/benevoles/").status_code == 200


def test_idle_timeout_after_30_minutes(app, volunteers, clock):
    """Activity keeps a session open; 30 minutes without any ends it."""
    account = volunteers.create("ana")
    client = app.test_client()
    volunteers.login(client, account)
    for _ in range(4):
        clock.advance(minutes=20)
        assert signed_in(client)
    clock.advance(minutes=30)
    response = client.get("/benevoles/")
    assert response.status_code == 302 and "/benevoles/connexion" in response.headers["Location"]


def test_absolute_timeout_after_12_hours(app, volunteers, clock):
    """Even an active session ends 12 hours after sign-in."""
    account = volunteers.create("ben")
    client = app.test_client()
    volunteers.login(client, account)
    for _ in range(11 * 4 + 3):  # active every 15 minutes for 11 h 45
        clock.advance(minutes=15)
        assert signed_in(client)
    clock.advance(minutes=14)
    assert signed_in(client)
    clock.advance(minutes=2)  # 12 h 01 after sign-in, 2 minutes after the last request
    assert not signed_in(client)


def test_logout_ends_the_session_on_the_server(app, volunteers):
    """After logout, replaying the old cookie does not sign anyone in."""
    account = volunteers.create("cleo")
    client = app.test_client()
    volunteers.login(client, account)
    stolen = client.get_cookie("amicale_session").value
    client.post("/benevoles/deconnexion", data={"csrf_token": csrf_token(client, "/benevoles/")})
    assert not signed_in(client)
    thief = app.test_client()
    thief.set_cookie("amicale_session", stolen)
    assert not signed_in(thief)


def test_sign_in_starts_a_fresh_session(app, volunteers):
    """Whatever was in the cookie before sign-in is dropped (no session fixation)."""
    account = volunteers.create("dan")
    client = app.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    volunteers.login(client, account)
    with client.session_transaction() as session:
        assert "planted" not in session


def test_password_change_ends_other_sessions(app, volunteers):
    """Changing the password keeps this session and ends the others."""
    account = volunteers.create("eve")
    here, elsewhere = app.test_client(), app.test_client()
    volunteers.login(here, account)
    volunteers.login(elsewhere, account)
    new = "un autre ciel sur la ville endormie"
    response = here.post("/benevoles/compte/mot-de-passe", data={
        "csrf_token": csrf_token(here, "/benevoles/compte"), "password-current": STRONG_PASSWORD,
        "password-code": volunteers.code(account.secret), "password-password": new,
        "password-confirm": new})
    assert response.status_code == 302
    assert signed_in(here)
    assert not signed_in(elsewhere)
    account.password = new
    assert volunteers.login(app.test_client(), account).status_code == 302


def test_password_change_needs_the_current_password(app, volunteers):
    """A wrong current password changes nothing and says why."""
    account = volunteers.create("fred")
    client = app.test_client()
    volunteers.login(client, account)
    new = "un autre ciel sur la ville endormie"
    response = client.post("/benevoles/compte/mot-de-passe", data={
        "csrf_token": csrf_token(client, "/benevoles/compte"), "password-current": "not it at all",
        "password-code": volunteers.code(account.secret), "password-password": new,
        "password-confirm": new})
    assert response.status_code == 400
    assert "pas votre mot de passe actuel" in response.get_data(as_text=True)
    assert volunteers.login(app.test_client(), account).status_code == 302


def test_disabling_an_account_ends_its_sessions(app, volunteers):
    """An admin disables a volunteer: the volunteer's next request is anonymous."""
    admin = volunteers.create("gaby", "admin")
    target = volunteers.create("hans")
    admin_client, target_client = app.test_client(), app.test_client()
    volunteers.login(admin_client, admin)
    volunteers.login(target_client, target)
    assert signed_in(target_client)
    admin_client.post(f"/benevoles/admin/comptes/{target.id}/desactiver",
                      data={"csrf_token": csrf_token(admin_client, "/benevoles/")})
    assert not signed_in(target_client)


def test_admin_ends_all_sessions(app, volunteers):
    """"End all its sessions" signs the volunteer out everywhere."""
    admin = volunteers.create("iris", "admin")
    target = volunteers.create("jon")
    admin_client, target_client = app.test_client(), app.test_client()
    volunteers.login(admin_client, admin)
    volunteers.login(target_client, target)
    admin_client.post(f"/benevoles/admin/comptes/{target.id}/sessions",
                      data={"csrf_token": csrf_token(admin_client, "/benevoles/")})
    assert not signed_in(target_client)
    db = connect(app.config["DATABASE"])
    assert db.table("volunteer_sessions").count_where("volunteer_id = ?", [target.id]) == 0
    db.close()


def test_volunteer_ends_own_other_sessions(app, volunteers):
    """From the account page, a volunteer ends their other sessions and keeps this one."""
    account = volunteers.create("kim")
    here, lost_phone = app.test_client(), app.test_client()
    volunteers.login(here, account)
    volunteers.login(lost_phone, account)
    here.post("/benevoles/compte/sessions/fin",
              data={"csrf_token": csrf_token(here, "/benevoles/compte")})
    assert signed_in(here) and not signed_in(lost_phone)


def test_new_second_factor_replaces_the_old(app, volunteers):
    """After re-authentication, a new app is enrolled; the old app's codes stop working."""
    import re

    import pyotp

    account = volunteers.create("lou")
    client = app.test_client()
    volunteers.login(client, account)
    page = client.post("/benevoles/compte/second-facteur", data={
        "csrf_token": csrf_token(client, "/benevoles/compte"), "factor-current": STRONG_PASSWORD,
        "factor-code": volunteers.code(account.secret)}, follow_redirects=True).get_data(as_text=True)
    new_secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)[1].replace(" ", "")
    assert new_secret != account.secret
    confirmed = client.post("/benevoles/compte/second-facteur/confirmer", data={
        "csrf_token": csrf_token(client, "/benevoles/compte"),
        "code": volunteers.code(new_secret)}, follow_redirects=True)
    assert confirmed.status_code == 200
    assert len(re.findall(r"<code>[0-9A-Z]{4}-[0-9A-Z]{4}</code>", confirmed.get_data(as_text=True))) == 10
    volunteers.clock.advance(seconds=30)
    old_code = pyotp.TOTP(account.secret).at(volunteers.clock())
    assert volunteers.login(app.test_client(), account, code=old_code).status_code == 400
    account.secret = new_secret
    assert volunteers.login(app.test_client(), account).status_code == 302


def test_members_and_volunteers_share_one_sessions_module(app, db, clock):
    """Members' and volunteers' sessions are one mechanism (``association.sessions``): the
    same columns but the owner's, and ``last_seen_at`` written at most once a minute."""
    from association import sessions
    from association.members.sessions import SESSIONS as MEMBERS
    from association.volunteers.accounts import SESSIONS as VOLUNTEERS
    from conftest import new_member

    assert isinstance(MEMBERS, sessions.Kind) and isinstance(VOLUNTEERS, sessions.Kind)
    shared = {kind.table: {c.name for c in db[kind.table].columns} - {kind.owner_column}
              for kind in (MEMBERS, VOLUNTEERS)}
    assert shared[MEMBERS.table] == shared[VOLUNTEERS.table]
    client = app.test_client()
    new_member(client)
    seen = lambda: db.execute("select last_seen_at from member_sessions").fetchone()[0]  # noqa: E731
    first = seen()
    clock.advance(seconds=30)
    assert client.get("/membre/").status_code == 200 and seen() == first
    clock.advance(seconds=31)
    assert client.get("/membre/").status_code == 200 and seen() > first
