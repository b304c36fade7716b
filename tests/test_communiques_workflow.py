"""Communiqués, the workflow through the editors' pages: draft, submit, approval by a second
editor, publication now or scheduled, an administrator alone when allowed, correction,
withdrawal, deletion; each step in the audit log."""
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from association.communiques import workflow
from association.db import connect
from conftest import csrf_token, page_text

BASE = "/benevoles/communiques"


@pytest.fixture
def editors(app, volunteers):
    """Two editors and an administrator, each signed in on their own client."""
    clients = {}
    for login, role in (("alice", "editor"), ("bruno", "editor"), ("chef", "admin")):
        account = volunteers.create(login, role)
        client = app.test_client()
        assert volunteers.login(client, account).status_code == 302
        client.account = account
        clients[login] = client
    return clients


def post(client, url, follow=False, **data):
    """POST a form with a valid CSRF token."""
    return client.post(url, data={"csrf_token": csrf_token(client, f"{BASE}/"), **data},
                       follow_redirects=follow)


def draft(client, title="Loyers : nous refusons la hausse", body="Le **texte**.", **more):
    """Write a draft through the form; return its id."""
    response = post(client, f"{BASE}/nouveau", lang="fr", title=title, body=body,
                    original_id="0", submit="1", **more)
    assert response.status_code == 302, page_text(response)[-3000:]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def row(app, communique_id):
    """The communiqué's row as stored."""
    db = connect(app.config["DATABASE"])
    found = db.table("communiques").get(communique_id)
    db.close()
    return found


def audit_actions(app, communique_id):
    """The audit log's actions on a communiqué, oldest first, with who did them."""
    db = connect(app.config["DATABASE"])
    found = [(r["action"], r["volunteer_login"]) for r in db.query(
        "select action, volunteer_login from audit_log where object_type = 'communique' "
        "and object_id = ? order by id", [str(communique_id)])]
    db.close()
    return found


def test_a_second_editor_approves_and_the_page_is_public(app, editors, client):
    """Alice drafts and submits; Bruno approves, below the text; the page is public with its
    text."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice)
    assert post(alice, f"{BASE}/{communique_id}/soumettre").status_code == 302
    assert row(app, communique_id)["status"] == "submitted"
    detail = page_text(bruno.get(f"{BASE}/{communique_id}"))
    # The approval form comes after the text it approves (issue 21).
    assert detail.index("<strong>texte</strong>") < detail.index(f"{communique_id}/approuver")
    response = post(bruno, f"{BASE}/{communique_id}/approuver", when="now", follow=True)
    assert "Le communiqué est publié." in page_text(response)
    slug = row(app, communique_id)["slug"]
    today = app.config["CLOCK"]().astimezone(ZoneInfo("Europe/Paris")).date()
    assert slug == f"{today.isoformat()}-loyers-nous-refusons-la-hausse"
    page = client.get(f"/communiques/{slug}")
    assert page.status_code == 200
    assert "<strong>texte</strong>" in page.get_data(as_text=True)
    assert audit_actions(app, communique_id) == [
        ("create", "alice"), ("submit", "alice"), ("approve", "bruno"), ("publish", "bruno")]


def test_the_dashboard_tells_editors_what_awaits_their_approval(app, editors):
    """Bruno's dashboard counts Alice's submitted text; Alice's does not (she wrote it)."""
    alice, bruno = editors["alice"], editors["bruno"]
    post(alice, f"{BASE}/{draft(alice)}/soumettre")
    assert "1 communiqué attend votre approbation." in page_text(bruno.get("/benevoles/"))
    assert "attend votre approbation" not in page_text(alice.get("/benevoles/"))


def test_the_author_cannot_approve_their_own_text(app, editors):
    """Whoever wrote a revision is refused, and nothing is published."""
    alice = editors["alice"]
    communique_id = draft(alice)
    post(alice, f"{BASE}/{communique_id}/soumettre")
    detail = page_text(alice.get(f"{BASE}/{communique_id}"))
    assert "qui en a écrit une version, quelle qu'elle soit, ne peut pas l'approuver" in detail
    response = post(alice, f"{BASE}/{communique_id}/approuver", when="now", follow=True)
    assert "un rédacteur qui n'en a rien écrit doit l'approuver" in page_text(response)
    assert row(app, communique_id)["status"] == "submitted"


def test_an_edit_by_the_approver_needs_another_approval(app, editors):
    """Bruno changes Alice's submitted text: it is a draft again, and Bruno, now the author
    of the latest revision, cannot approve it; nor can Alice, who wrote the rest; a third
    editor can, once it is submitted again."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice)
    post(alice, f"{BASE}/{communique_id}/soumettre")
    response = post(bruno, f"{BASE}/{communique_id}/modifier", lang="fr", original_id="0",
                    title="Loyers : nous refusons la hausse", body="Le **texte** revu.",
                    submit="1", follow=True)
    assert "c'est donc de nouveau un brouillon" in page_text(response)
    assert row(app, communique_id)["status"] == "draft"
    post(bruno, f"{BASE}/{communique_id}/soumettre")
    post(bruno, f"{BASE}/{communique_id}/approuver", when="now")
    assert row(app, communique_id)["status"] == "submitted"
    post(alice, f"{BASE}/{communique_id}/approuver", when="now")
    assert row(app, communique_id)["status"] == "submitted"
    post(editors["chef"], f"{BASE}/{communique_id}/approuver", when="now")
    assert row(app, communique_id)["status"] == "published"


def test_the_author_cannot_approve_after_a_co_editor_changed_the_cosignatories(app, editors):
    """Issue 19, finding 10: after Bruno changed only the co-signatories of Alice's text,
    Alice approved and published her own text (only the latest revision's writer was
    refused). Whoever wrote any revision of what is approved cannot approve it: neither
    Alice nor Bruno, for a first publication as for a correction; the dashboard does not
    count it as waiting for them."""
    alice, bruno, chef = editors["alice"], editors["bruno"], editors["chef"]
    title, body = "Loyers : nous refusons la hausse", "Le **texte**."
    communique_id = draft(alice, title=title, body=body)
    post(bruno, f"{BASE}/{communique_id}/modifier", lang="fr", original_id="0", title=title,
         body=body, cosignatories="Collectif des Tilleuls", submit="1")
    post(bruno, f"{BASE}/{communique_id}/soumettre")
    assert row(app, communique_id)["status"] == "submitted"
    assert "attend votre approbation" not in page_text(alice.get("/benevoles/"))
    response = post(alice, f"{BASE}/{communique_id}/approuver", when="now", follow=True)
    assert "un rédacteur qui n'en a rien écrit doit l'approuver" in page_text(response)
    assert row(app, communique_id)["status"] == "submitted"
    post(chef, f"{BASE}/{communique_id}/approuver", when="now")
    assert row(app, communique_id)["status"] == "published"
    # A correction: Alice proposes it, Bruno touches it; Chef's approval was of the old text.
    post(alice, f"{BASE}/{communique_id}/modifier", title=title, body="Le **texte** revu.",
         note="Une précision.", submit="1")
    post(bruno, f"{BASE}/{communique_id}/modifier", title=title, body="Le **texte** revu.",
         cosignatories="Collectif des Tilleuls, Amicale B", note="Une précision.", submit="1")
    for writer in (alice, bruno):
        post(writer, f"{BASE}/{communique_id}/approuver")
    assert row(app, communique_id)["published_revision"] == 2
    post(chef, f"{BASE}/{communique_id}/approuver")
    assert row(app, communique_id)["published_revision"] == 4


def test_an_admin_publishes_alone_only_when_the_settings_allow_it(app, editors):
    """Refused by default; allowed once the setting is on, and logged as publish_alone."""
    chef = editors["chef"]
    communique_id = draft(chef)
    response = post(chef, f"{BASE}/{communique_id}/publier-seul", when="now", follow=True)
    assert "ne permettent pas à un administrateur de publier" in page_text(response)
    assert row(app, communique_id)["status"] == "draft"
    assert post(chef, f"{BASE}/reglages", admins_publish_alone="y").status_code == 302
    assert "Publier seul" in page_text(chef.get(f"{BASE}/{communique_id}"))
    post(chef, f"{BASE}/{communique_id}/publier-seul", when="now")
    assert row(app, communique_id)["status"] == "published"
    assert ("publish_alone", "chef") in audit_actions(app, communique_id)


def test_an_editor_cannot_change_the_setting(editors):
    """The setting is for administrators only."""
    assert editors["alice"].get(f"{BASE}/reglages").status_code == 403


def test_scheduled_publication_waits_for_the_job(app, editors, client):
    """Approved for a later moment, the communiqué has its address but answers 404 until
    the job runs on a later day; then it is public and in the feed."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice, title="Réunion publique")
    post(alice, f"{BASE}/{communique_id}/soumettre")
    later = datetime.now(timezone.utc) + timedelta(days=2)
    response = post(bruno, f"{BASE}/{communique_id}/approuver", when="later",
                    day=later.date().isoformat(), time="09:30", follow=True)
    assert "il sera publié le" in page_text(response)
    found = row(app, communique_id)
    assert found["status"] == "scheduled" and found["slug"].endswith("-reunion-publique")
    assert client.get(f"/communiques/{found['slug']}").status_code == 404
    db = connect(app.config["DATABASE"])
    with app.app_context():
        assert workflow.publish_due(db, date.today()) == {"published": 0}
        assert workflow.publish_due(db, later.date() + timedelta(days=1)) == {"published": 1}
    db.close()
    assert client.get(f"/communiques/{found['slug']}").status_code == 200
    assert found["slug"] in client.get("/communiques/feed.atom").get_data(as_text=True)
    assert audit_actions(app, communique_id)[-2:] == [("schedule", "bruno"), ("publish", None)]


def test_a_schedule_in_the_past_is_refused_with_a_reason(app, editors):
    """A moment already past comes back with a message; nothing is published."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice)
    post(alice, f"{BASE}/{communique_id}/soumettre")
    response = post(bruno, f"{BASE}/{communique_id}/approuver", when="later",
                    day="2020-01-01", time="10:00")
    assert response.status_code == 400
    assert "Ce moment est déjà passé" in page_text(response)
    assert row(app, communique_id)["status"] == "submitted"


@pytest.mark.parametrize(("day", "time"), [("0001-01-01", "00:00"), ("9999-12-31", "23:59")])
def test_a_schedule_on_a_far_date_is_refused_with_a_reason(app, editors, day, time):
    """Issue 19, finding 13 (the same class as the actions' dates): a publication on year 1
    at midnight answered 500 (OverflowError turning it into UTC). A date outside 1900–2999
    is refused on its field, as typed; nothing is published."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice)
    post(alice, f"{BASE}/{communique_id}/soumettre")
    response = post(bruno, f"{BASE}/{communique_id}/approuver", when="later", day=day,
                    time=time)
    assert response.status_code == 400
    assert "Indiquez une date entre 1900 et 2999." in page_text(response)
    assert f'value="{day}"' in response.get_data(as_text=True)
    assert row(app, communique_id)["status"] == "submitted"


def test_taking_back_a_scheduled_communique(app, editors):
    """A scheduled communiqué taken back is a draft again, without address or date."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice)
    post(alice, f"{BASE}/{communique_id}/soumettre")
    later = datetime.now(timezone.utc) + timedelta(days=3)
    post(bruno, f"{BASE}/{communique_id}/approuver", when="later",
         day=later.date().isoformat(), time="08:00")
    post(alice, f"{BASE}/{communique_id}/brouillon")
    found = row(app, communique_id)
    assert (found["status"], found["slug"], found["publish_at"]) == ("draft", None, None)


def test_a_correction_is_approved_then_shown_with_its_dated_note(app, editors, client):
    """A published text is corrected through a proposal another editor approves: the page
    shows the new text and a dated correction note; the previous revision is kept."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice, body="La réunion a lieu le 13.")
    post(alice, f"{BASE}/{communique_id}/soumettre")
    post(bruno, f"{BASE}/{communique_id}/approuver", when="now")
    slug = row(app, communique_id)["slug"]
    response = post(alice, f"{BASE}/{communique_id}/modifier",
                    title="Loyers : nous refusons la hausse", body="La réunion a lieu le 14.",
                    note="La date était fausse.", submit="1", follow=True)
    assert "Rectificatif proposé" in page_text(response)
    assert "le 13" in page_text(client.get(f"/communiques/{slug}"))  # not yet
    detail = page_text(bruno.get(f"{BASE}/{communique_id}"))
    assert "Ce que change le rectificatif" in detail
    post(bruno, f"{BASE}/{communique_id}/approuver")
    page = page_text(client.get(f"/communiques/{slug}"))
    assert "le 14" in page and "le 13" not in page
    assert "Rectificatif du" in page and "La date était fausse." in page
    db = connect(app.config["DATABASE"])
    bodies = [r["body"] for r in db.query(
        "select body from communique_revisions where communique_id = ? order by number",
        [communique_id])]
    db.close()
    assert bodies == ["La réunion a lieu le 13.", "La réunion a lieu le 14."]
    assert audit_actions(app, communique_id)[-2:] == [("approve", "bruno"), ("correct", "bruno")]


def test_a_proposed_correction_can_be_discarded(app, editors, client):
    """Discarding leaves the published text as it was."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice, body="Texte juste.")
    post(alice, f"{BASE}/{communique_id}/soumettre")
    post(bruno, f"{BASE}/{communique_id}/approuver", when="now")
    post(alice, f"{BASE}/{communique_id}/modifier", title="Loyers : nous refusons la hausse",
         body="Texte faux.", note="Erreur.", submit="1")
    post(bruno, f"{BASE}/{communique_id}/abandonner")
    db = connect(app.config["DATABASE"])
    assert db.table("communique_revisions").count_where("communique_id = ?",
                                                        [communique_id]) == 1
    db.close()
    slug = row(app, communique_id)["slug"]
    assert "Texte juste." in page_text(client.get(f"/communiques/{slug}"))


def test_withdrawal_answers_410_with_the_notice(app, editors, client):
    """A withdrawn communiqué's page answers 410 with the notice; it leaves the list and
    the feed."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice, title="Un communiqué à retirer")
    post(alice, f"{BASE}/{communique_id}/soumettre")
    post(bruno, f"{BASE}/{communique_id}/approuver", when="now")
    slug = row(app, communique_id)["slug"]
    confirm = page_text(alice.get(f"{BASE}/{communique_id}/retirer"))
    assert f"/communiques/{slug}" in confirm and "ne peuvent pas être rappelées" in confirm
    response = post(alice, f"{BASE}/{communique_id}/retirer", notice="")
    assert response.status_code == 400
    post(alice, f"{BASE}/{communique_id}/retirer",
         notice="Ce communiqué contenait une erreur sur la réponse du bailleur.")
    gone = client.get(f"/communiques/{slug}")
    assert gone.status_code == 410
    text = page_text(gone)
    assert "Communiqué retiré" in text and "une erreur sur la réponse du bailleur" in text
    assert gone.headers["Cache-Control"] == "no-store"
    assert slug not in client.get("/communiques/").get_data(as_text=True)
    assert slug not in client.get("/communiques/feed.atom").get_data(as_text=True)
    assert ("withdraw", "alice") in audit_actions(app, communique_id)


def test_a_draft_is_deleted_after_confirmation_a_published_one_never(app, editors):
    """Deleting a draft shows its consequences first; a published communiqué cannot be
    deleted, only withdrawn."""
    alice, bruno = editors["alice"], editors["bruno"]
    communique_id = draft(alice)
    confirm = page_text(alice.get(f"{BASE}/{communique_id}/supprimer"))
    assert "Sa 1 version est supprimée." in confirm
    post(alice, f"{BASE}/{communique_id}/supprimer")
    assert row_or_none(app, communique_id) is None
    published = draft(alice)
    post(alice, f"{BASE}/{published}/soumettre")
    post(bruno, f"{BASE}/{published}/approuver", when="now")
    response = alice.get(f"{BASE}/{published}/supprimer", follow_redirects=True)
    assert "retirez-le plutôt" in page_text(response)
    assert row(app, published)["status"] == "published"


def row_or_none(app, communique_id):
    """The communiqué's row, or None once deleted."""
    db = connect(app.config["DATABASE"])
    found = db.execute("select id from communiques where id = ?", [communique_id]).fetchone()
    db.close()
    return found


def test_a_volunteer_without_the_editor_role_is_refused(app, volunteers):
    """Grievance volunteers do not write communiqués."""
    account = volunteers.create("vol", "volunteer")
    client = app.test_client()
    volunteers.login(client, account)
    assert client.get(f"{BASE}/").status_code == 403
    assert client.get(f"{BASE}/nouveau").status_code == 403
