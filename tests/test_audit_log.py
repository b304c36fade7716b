"""The audit log as administrators read it: records by their names, failed sign-ins and
lockouts, and nothing about the visitors who typed something wrong."""
import pytest

from association import audit
from association.db import connect
from conftest import STRONG_PASSWORD, add_building, csrf_token
from conftest import page_text as text


@pytest.fixture
def admin_client(app, volunteers):
    """A client signed in as an administrator."""
    admin = volunteers.create("root-admin", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    client.admin = admin
    return client


def post(client, url, **data):
    """POST a form with the page's CSRF token."""
    return client.post(url, data={"csrf_token": csrf_token(client, "/benevoles/"), **data})


def entries(app, action=None) -> list[dict]:
    """The audit log's rows, oldest first (only ``action``'s if given)."""
    db = connect(app.config["DATABASE"])
    rows = list(db.query("select * from audit_log" + (" where action = ?" if action else "")
                         + " order by id", [action] if action else []))
    db.close()
    return rows


def test_records_are_named_when_the_log_is_shown(app, admin_client, volunteers):
    """A building shows its current name, an account its login, a deleted record its number
    and "(deleted)"; in French and in English."""
    volunteers.invite("marie")
    post(admin_client, "/benevoles/admin/batiments/nouveau", name="Les Tilleuls",
         landlord_id="0")
    db = connect(app.config["DATABASE"])
    building = db.execute("select id from buildings where name = 'Les Tilleuls'").fetchone()[0]
    db.close()
    post(admin_client, f"/benevoles/admin/batiments/{building}", name="Tour Nord",
         landlord_id="0")
    post(admin_client, "/benevoles/admin/batiments/nouveau", name="Tour Sud", landlord_id="0")
    french = text(admin_client.get("/benevoles/admin/journal?object_type=building"))
    assert "bâtiment «\u202fTour Nord\u202f»" in french and "Les Tilleuls" not in french
    post(admin_client, f"/benevoles/admin/batiments/{building}/supprimer")
    french = text(admin_client.get("/benevoles/admin/journal"))
    assert f"bâtiment n°\u00a0{building} (supprimé)" in french
    assert "bâtiment «\u202fTour Sud\u202f»" in french
    assert "compte bénévole «\u202froot-admin\u202f»" in french
    english = text(admin_client.get("/benevoles/admin/journal?lang=en"))
    assert f"building {building} (deleted)" in english
    assert "volunteer account “root-admin”" in english


def test_a_wrong_password_is_logged_against_the_account(app, volunteers):
    """A refused sign-in for an existing login names the account, never what was typed."""
    account = volunteers.create("nadia")
    client = app.test_client()
    assert volunteers.login(client, account, password="not the right one").status_code == 400
    failed = entries(app, "login_failed")
    assert [(e["volunteer_id"], e["volunteer_login"], e["object_type"], e["object_id"])
            for e in failed] == [(account.id, "nadia", "volunteer", str(account.id))]


def test_an_unknown_login_is_logged_without_it(app, volunteers):
    """A sign-in with a login that does not exist is logged as a failure of no account:
    neither the login typed, nor the password, nor the address are kept."""
    client = app.test_client()
    client.post("/benevoles/connexion", data={
        "csrf_token": csrf_token(client, "/benevoles/connexion"),
        "login": "someone@example.org", "password": "my home password", "code": "123456"},
        environ_base={"REMOTE_ADDR": "198.51.100.23"})
    failed = entries(app, "login_failed")
    assert len(failed) == 1
    assert failed[0]["volunteer_id"] is None and failed[0]["object_id"] is None
    dump = " ".join(str(v) for row in entries(app) for v in row.values())
    for typed in ("someone@example.org", "my home password", "198.51.100.23"):
        assert typed not in dump


def test_a_lockout_is_logged_once(app, volunteers):
    """The failure that uses up the account's attempts adds one "locked out" entry; the
    attempts refused while it lasts are not checked, so they add nothing."""
    account = volunteers.create("omar")
    client = app.test_client()
    for _ in range(5):
        assert volunteers.login(client, account, password="wrong guess").status_code == 400
    assert volunteers.login(client, account).status_code == 429
    assert volunteers.login(client, account, password="wrong again").status_code == 429
    assert len(entries(app, "login_failed")) == 5
    locked = entries(app, "locked_out")
    assert [(e["volunteer_id"], e["object_id"]) for e in locked] == [(account.id,
                                                                      str(account.id))]


def test_a_disabled_account_signing_in_is_logged(app, admin_client, volunteers):
    """Right password and code on a disabled account: refused, and logged as a failure."""
    account = volunteers.create("paula")
    post(admin_client, f"/benevoles/admin/comptes/{account.id}/desactiver")
    assert volunteers.login(app.test_client(), account).status_code == 400
    assert [e["volunteer_id"] for e in entries(app, "login_failed")] == [account.id]


def test_failures_and_lockouts_are_in_the_filters_and_the_page(app, admin_client, volunteers):
    """The log's filter offers both actions, translated; the page names them."""
    account = volunteers.create("quentin")
    for _ in range(5):
        volunteers.login(app.test_client(), account, password="wrong guess")
    page = text(admin_client.get("/benevoles/admin/journal?action=login_failed"))
    assert '<option selected value="login_failed">échec de connexion</option>' in page
    assert "connexion suspendue après trop d'échecs" in page  # the filter's option
    assert page.count('data-action="login_failed"') == 5
    page = text(admin_client.get("/benevoles/admin/journal?action=locked_out&lang=en"))
    assert page.count('data-action="locked_out"') == 1
    assert "sign-in paused after too many failures" in page
    assert "volunteer account “quentin”" in page


def test_password_never_reaches_the_log_on_failure(app, volunteers):
    """Even a refused password that is nearly right stays out of the log."""
    account = volunteers.create("rita")
    volunteers.login(app.test_client(), account, password=STRONG_PASSWORD + "!")
    dump = " ".join(str(v) for row in entries(app) for v in row.values())
    assert STRONG_PASSWORD not in dump and "login_failed" in dump


def test_kinds_without_names_show_their_number(ctx, db):
    """A kind of record no capability names (a gadget, say) shows its kind and number;
    the association's settings, of which there is one, show their kind alone."""
    audit.record(db, None, "read", "gadget", 12)
    audit.record(db, None, "update", "settings", 1)
    add_building(ctx, "Bâtiment A")
    described = audit.describe(db, list(db.query("select * from audit_log order by id")))
    assert [row["record"] for row in described] == ["gadget n°\u00a012",
                                                    "réglages de l'association"]


def test_a_search_that_finds_a_report_is_in_the_audit_log_once_a_day(app, admin_client,
                                                                      volunteers):
    """Issue 19: a volunteer's searches that find a report make one entry per report and day
    in the administrators' log, never the words searched."""
    from conftest import report

    building = add_building(app, "Bâtiment A")
    grievance = report(app.test_client(), building)
    volunteer = app.test_client()
    volunteers.login(volunteer, volunteers.create("chercheuse", "volunteer", [building]))
    for query in ("fuite", "evier", "lundi"):
        volunteer.get(f"/benevoles/signalements/?q={query}")
    found = entries(app, "search")
    assert [(e["volunteer_login"], e["object_type"], e["object_id"], e["member_id"])
            for e in found] == [("chercheuse", "grievance", str(grievance["id"]),
                                 grievance["member_id"])]
    page = text(admin_client.get("/benevoles/admin/journal?lang=en"))
    assert "found in a search" in page and "chercheuse" in page
    assert "lundi" not in page and "evier" not in page
