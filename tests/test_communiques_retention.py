"""Retention of communiqués, as declared and as the daily purge enforces it: published ones
are kept indefinitely; a draft untouched for 12 months goes with its revisions; confirmed
sensitive text of what was never published goes after 90 days."""
from datetime import date, datetime, timezone

import pytest

from association import jobs
from association.communiques import workflow
from association.db import connect
from conftest import Clock, database_bytes, editor_rows

START = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def fixed(app):
    """The app's clock set to a known day, a writer and an approver, and a connection."""
    app.config["CLOCK"] = Clock(START)
    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        yield app, db, writer, approver
    db.close()


def texts(title, body="Texte.", **more):
    """A communiqué's texts."""
    return {"title": title, "body": body, **more}


def published(db, writer, approver, title):
    """A communiqué published now; its id."""
    communique_id = workflow.create(db, writer, "fr", texts(title), {})
    workflow.submit(db, communique_id, writer)
    workflow.approve(db, communique_id, approver)
    return communique_id


def ids(db, table="communiques"):
    """The ids of a table's rows."""
    return sorted(row[0] for row in db.execute(f"select id from {table}"))


def test_the_register_declares_what_the_purge_does(fixed):
    """Drafts: 365 days after their last change; published: nothing counts them down."""
    from association import inventory

    assert inventory.kept_for("communiques").days == 365
    assert inventory.kept_for("communique_revisions").days == 365
    assert inventory.check_declarations() == []


def test_an_untouched_draft_goes_after_a_year_a_published_one_stays(fixed):
    """On the 366th day, the draft and its revisions are deleted; the communiqué published
    the same day, its revisions and a draft changed since, stay."""
    app, db, writer, approver = fixed
    old_draft = workflow.create(db, writer, "fr", texts("Brouillon oublié"), {})
    kept = published(db, writer, approver, "Publié")
    touched = workflow.create(db, writer, "fr", texts("Brouillon repris"), {})
    app.config["CLOCK"].advance(days=300)
    workflow.save_draft(db, touched, writer, texts("Brouillon repris", "Texte revu."), {})
    outcome = jobs.retention_purge(db, date(2027, 1, 11))
    assert outcome["purged"]["communiques"] == 1
    assert ids(db) == [kept, touched]
    assert db.table("communique_revisions").count_where("communique_id = ?", [old_draft]) == 0
    assert db.table("communique_revisions").count_where("communique_id = ?", [touched]) == 2
    assert b"Brouillon oubli" not in database_bytes(app)
    assert jobs.retention_purge(db, date(2040, 1, 1))["purged"].get("communiques") == 1
    assert ids(db) == [kept]  # years later, only the published one


def test_a_forgotten_correction_goes_the_published_text_stays(fixed):
    """A proposed correction nobody approved for a year is deleted; the published revision
    is not."""
    app, db, writer, approver = fixed
    communique_id = published(db, writer, approver, "Publié")
    workflow.propose_correction(db, communique_id, writer,
                                texts("Publié", "Autre texte.", note="Erreur."), {})
    jobs.retention_purge(db, date(2027, 1, 11))
    numbers = [r[0] for r in db.execute("select number from communique_revisions")]
    assert numbers == [1]
    assert db.table("communiques").get(communique_id)["status"] == "published"


def test_confirmed_sensitive_text_of_a_draft_goes_after_90_days(fixed):
    """Flagged text kept as written in a draft is emptied 90 days after its last change,
    its categories staying; the flagged text of a published communiqué is a public record
    and stays."""
    app, db, writer, approver = fixed
    draft_id = workflow.create(db, writer, "fr", texts("Brouillon", "Le voisin est alcoolique."),
                               {"body": ["judgement"]})
    public_id = workflow.create(db, writer, "fr", texts("Public", "Une maladie du bâtiment."),
                                {"body": ["health"]})
    workflow.submit(db, public_id, writer)
    workflow.approve(db, public_id, approver)
    outcome = jobs.retention_purge(db, date(2026, 4, 11))
    assert outcome["cleared"] == {"communique_revisions.body (flagged)": 1}
    bodies = dict(db.execute("select communique_id, body from communique_revisions"))
    assert bodies == {draft_id: None, public_id: "Une maladie du bâtiment."}
    assert db.execute("select body_flags from communique_revisions where communique_id = ?",
                      [draft_id]).fetchone()[0] == "judgement"
    assert b"alcoolique" not in database_bytes(app)


def test_a_flagged_withdrawal_notice_goes_after_90_days(fixed):
    """A withdrawal notice kept as written despite the screen is emptied 90 days after the
    withdrawal; the page still answers 410."""
    app, db, writer, approver = fixed
    communique_id = published(db, writer, approver, "Publié")
    workflow.withdraw(db, communique_id, writer, "Il nommait un locataire malade.", ["health"])
    jobs.retention_purge(db, date(2026, 4, 11))
    row = db.table("communiques").get(communique_id)
    assert row["withdrawal_notice"] is None and row["status"] == "withdrawn"
    assert app.test_client().get(f"/communiques/{row['slug']}").status_code == 410


def test_demo_communiques_are_removed_with_the_demo(app, runner):
    """``demo --remove`` deletes the demo communiqués and their revisions only."""
    from conftest import publish_communique

    runner.invoke(args=["demo"])
    own, _ = publish_communique(app, title="Le nôtre")
    result = runner.invoke(args=["demo", "--remove"])
    assert "4 communiques" in result.output  # two published, a translation, a draft
    db = connect(app.config["DATABASE"])
    assert ids(db) == [own]
    assert [r[0] for r in db.execute("select distinct communique_id from communique_revisions")] \
        == [own]
    db.close()
