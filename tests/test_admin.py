"""Administration: accounts and scopes, buildings, landlords, settings and the audit log."""
import re
import threading

import pytest

from association.db import connect
from conftest import add_building, csrf_token
from conftest import page_text as text


@pytest.fixture
def admin_client(app, volunteers):
    """A client signed in as an administrator."""
    admin = volunteers.create("root-admin", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    client.admin = admin
    return client


def post(client, url, follow=False, **data):
    """POST a form with the page's CSRF token (and follow the redirect if asked)."""
    return client.post(url, data={"csrf_token": csrf_token(client, "/benevoles/"), **data},
                       follow_redirects=follow)


def test_admin_invites_a_volunteer_scoped_to_a_building(app, admin_client):
    """Creating an account shows a link once; the account gets its role and building."""
    building = add_building(app, "Bâtiment A")
    response = post(admin_client, "/benevoles/admin/comptes/nouveau", login="zoe",
                    role="volunteer", buildings=[str(building)], follow=True)
    assert response.status_code == 200
    assert re.search(r"/benevoles/invitation/[\w-]+", text(response))
    db = connect(app.config["DATABASE"])
    row = next(db.query("select * from volunteers where login = 'zoe'"))
    assert [r["building_id"] for r in db.table("volunteer_buildings").rows] == [building]
    assert row["role"] == "volunteer" and row["password_hash"] is None
    db.close()


def test_taken_login_is_refused_and_the_form_kept(app, admin_client):
    """A login already in use comes back with the message and what was typed."""
    response = post(admin_client, "/benevoles/admin/comptes/nouveau", login="ROOT-ADMIN",
                    role="editor")
    assert response.status_code == 400
    page = text(response)
    assert "déjà utilisé par un autre compte" in page
    assert 'value="ROOT-ADMIN"' in page
    assert '<option selected value="editor">' in page


def test_landlord_with_bad_siren_is_refused_and_kept(app, admin_client):
    """A wrong SIREN is explained; the other fields keep what was typed; nothing is saved."""
    response = post(admin_client, "/benevoles/admin/bailleurs/nouveau", name="Office Test",
                    postal_address="1 rue X", dpo_email="dpo@example.org", siren="123456789")
    assert response.status_code == 400
    page = text(response)
    assert "neuf chiffres" in page and 'value="Office Test"' in page
    db = connect(app.config["DATABASE"])
    assert db.table("landlords").count == 0
    db.close()
    ok = post(admin_client, "/benevoles/admin/bailleurs/nouveau", name="Office Test",
              siren="344 366 315")
    assert ok.status_code == 302


def test_building_and_settings_are_saved(app, admin_client):
    """An admin adds a building and names the association; the register shows the name."""
    assert post(admin_client, "/benevoles/admin/batiments/nouveau", name="Tour C",
                street_address="5 rue Y", landlord_id="0").status_code == 302
    assert post(admin_client, "/benevoles/admin/association", name="Amicale Réelle",
                postal_address="2 rue Z", contact_email="contact@example.org").status_code == 302
    register = app.test_client().get("/donnees.json").get_json()
    assert register["controller"]["name"] == "Amicale Réelle"
    assert "Tour C" in text(admin_client.get("/benevoles/admin/batiments"))


def test_last_admin_cannot_be_disabled_or_demoted(app, admin_client):
    """The only active administrator cannot lock everyone out."""
    admin_id = admin_client.admin.id
    post(admin_client, f"/benevoles/admin/comptes/{admin_id}/desactiver")
    db = connect(app.config["DATABASE"])
    assert db.table("volunteers").get(admin_id)["disabled"] == 0
    response = post(admin_client, f"/benevoles/admin/comptes/{admin_id}", role="volunteer")
    assert response.status_code == 400 and "dernier administrateur" in text(response)
    assert db.table("volunteers").get(admin_id)["role"] == "admin"
    db.close()


def test_two_simultaneous_demotions_leave_an_administrator(app, admin_client, volunteers):
    """Issue 19, finding 8: two administrators demoted at once left none. The count is now
    read inside the write transaction: while the first demotion's transaction is open (held
    here on a connection of its own), the second one waits for it, then counts one
    administrator and is refused."""
    other = volunteers.create("other-admin", "admin")
    second = app.test_client()
    volunteers.login(second, other)
    token = csrf_token(second, "/benevoles/")
    first = connect(app.config["DATABASE"])
    first.execute("BEGIN IMMEDIATE")
    first.execute("update volunteers set role = 'editor' where id = ?", [admin_client.admin.id])
    answers = []
    demotion = threading.Thread(target=lambda: answers.append(second.post(
        f"/benevoles/admin/comptes/{other.id}", data={"csrf_token": token, "role": "editor"})))
    demotion.start()
    demotion.join(0.5)  # the second demotion has read what it reads and waits for the lock
    first.execute("COMMIT")
    demotion.join()
    first.close()
    assert answers[0].status_code == 400 and "dernier administrateur" in text(answers[0])
    db = connect(app.config["DATABASE"])
    assert db.table("volunteers").count_where("role = 'admin'") == 1
    db.close()


def test_reset_gives_a_new_invitation_and_locks_the_old_factor(app, admin_client, volunteers):
    """Resetting a volunteer's second factor ends their sessions and issues a new link."""
    target = volunteers.create("yann")
    target_client = app.test_client()
    volunteers.login(target_client, target)
    confirmation = text(admin_client.get(f"/benevoles/admin/comptes/{target.id}/second-facteur"))
    assert "2 sessions ouvertes prennent fin maintenant" in confirmation  # enrolment + login
    response = post(admin_client, f"/benevoles/admin/comptes/{target.id}/second-facteur",
                    follow=True)
    token = re.search(r"/benevoles/invitation/([\w-]+)", text(response))[1]
    assert target_client.get("/benevoles/").status_code == 302
    assert volunteers.login(app.test_client(), target).status_code == 400
    volunteers.enrol(app.test_client(), token)


def test_delete_needs_a_disabled_account(app, admin_client, volunteers):
    """An account is deleted only once disabled; its scope and sessions go with it."""
    building = add_building(app, "B")
    target = volunteers.create("xavier", "volunteer", [building])
    post(admin_client, f"/benevoles/admin/comptes/{target.id}/supprimer")
    db = connect(app.config["DATABASE"])
    assert db.table("volunteers").count_where("id = ?", [target.id]) == 1
    post(admin_client, f"/benevoles/admin/comptes/{target.id}/desactiver")
    post(admin_client, f"/benevoles/admin/comptes/{target.id}/supprimer")
    assert db.table("volunteers").count_where("id = ?", [target.id]) == 0
    assert db.table("volunteer_buildings").count == 0
    db.close()


def test_audit_log_records_and_filters(app, admin_client, volunteers):
    """Sign-ins and admin changes are logged with who and what; the filter narrows them."""
    target = volunteers.create("walt")
    post(admin_client, f"/benevoles/admin/comptes/{target.id}/desactiver")
    db = connect(app.config["DATABASE"])
    entries = list(db.query("select * from audit_log order by id"))
    db.close()
    actions = [(e["volunteer_login"], e["action"], e["object_type"]) for e in entries]
    assert ("root-admin", "login", "volunteer") in actions
    assert ("root-admin", "disable", "volunteer") in actions
    page = text(admin_client.get("/benevoles/admin/journal?action=disable"))
    assert 'data-action="disable"' in page and 'data-action="login"' not in page


def test_audit_log_never_holds_secrets(app, admin_client, volunteers):
    """No password, second-factor secret or invitation token reaches the audit log, and
    the second-factor secret is nowhere in clear in the database file."""
    from conftest import STRONG_PASSWORD, database_bytes

    volunteer_id, token = volunteers.invite("vera")
    secret, _ = volunteers.enrol(app.test_client(), token)
    db = connect(app.config["DATABASE"])
    dump = " ".join(str(v) for row in db.table("audit_log").rows for v in row.values())
    db.close()
    assert dump  # the enrolment was logged
    for value in (STRONG_PASSWORD, secret, token):
        assert value not in dump
    assert secret.encode() not in database_bytes(app)


def test_audit_filter_with_a_bad_date_is_explained(admin_client):
    """A malformed date in the filter is reported, not a crash."""
    response = admin_client.get("/benevoles/admin/journal?since=hier")
    assert response.status_code == 200
    assert "date" in text(response).lower()


def test_deleting_a_building_and_a_landlord(app, admin_client, volunteers):
    """A deleted building leaves volunteers' scopes; a landlord with buildings is kept."""
    db = connect(app.config["DATABASE"])
    landlord = db.table("landlords").insert({"name": "Office"}).last_pk
    building = db.table("buildings").insert({"name": "Tour D", "landlord_id": landlord}).last_pk
    volunteers.create("ugo", "volunteer", [building])
    refused = post(admin_client, f"/benevoles/admin/bailleurs/{landlord}/supprimer")
    assert refused.status_code == 302
    assert "encore" in text(admin_client.get(refused.headers["Location"]))
    assert db.table("landlords").count == 1
    post(admin_client, f"/benevoles/admin/batiments/{building}/supprimer")
    assert db.table("buildings").count == 0 and db.table("volunteer_buildings").count == 0
    post(admin_client, f"/benevoles/admin/bailleurs/{landlord}/supprimer")
    assert db.table("landlords").count == 0
    db.close()


def test_dashboard_tells_admins_about_waiting_mail_and_failed_jobs(app, admin_client):
    """Without a mail server, waiting messages are pointed out; so are failed jobs."""
    from association.members import keys as members, mail as mailer
    from association.clock import stamp as clock_stamp

    db = connect(app.config["DATABASE"])
    with app.app_context():
        member_id, _ = members.create(db)
        members.set_contact(db, member_id, "x@example.org")
        mailer.queue(db, member_id, "contact_confirmation")
    with app.app_context():
        db.execute("insert into job_runs (job, period, status, attempts, started_at) "
                   "values ('retention', '2026-11-28', 'failed', 3, ?)", [clock_stamp()])
    db.close()
    page = text(admin_client.get("/benevoles/"))
    assert "1 message aux locataires attend\u00a0: aucun serveur de courrier" in page
    assert "retention" in page
