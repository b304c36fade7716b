"""Retention is enforced: with a fixed today, what is past its rule is gone, bytes included."""
from datetime import date, datetime, timezone

from association import audit, jobs
from association.members import keys as members, mail as mailer
from conftest import database_bytes

TODAY = date(2026, 11, 28)


def at(year, month, day) -> str:
    """A stored stamp at noon UTC."""
    return datetime(year, month, day, 12, tzinfo=timezone.utc).isoformat(timespec="seconds")


def test_inactive_member_is_purged_with_everything_tied_to_them(app, db):
    """A key unused for 13 months goes, with its queue; audit entries no longer point to it."""
    with app.app_context():
        old_id, _ = members.create(db)
        young_id, _ = members.create(db)
        members.set_contact(db, old_id, "old@example.org")
        mailer.queue(db, old_id, "contact_confirmation")
        audit.record(db, None, "read", "grievance", 1, member_id=old_id)
    db.table("members").update(old_id, {"last_seen_at": at(2025, 10, 20)})
    db.table("members").update(young_id, {"last_seen_at": at(2025, 11, 20)})
    ciphertext = db.table("members").get(old_id)["contact_email"]
    key_hash = db.table("members").get(old_id)["key_hash"]
    with app.app_context():
        outcome = jobs.retention_purge(db, TODAY)
    assert outcome["purged"]["members"] == 1
    assert [r["id"] for r in db.table("members").rows] == [young_id]
    assert db.table("outbox").count == 0
    assert db.table("audit_log").count_where("member_id is not null") == 0
    raw = database_bytes(app)
    assert ciphertext.encode() not in raw and key_hash.encode() not in raw


def test_expired_contact_address_is_emptied(app, db, clock):
    """Six months after consent, the address and its dates are emptied; the member stays."""
    with app.app_context():
        member_id, _ = members.create(db)
        members.set_contact(db, member_id, "soon@example.org")
    db.table("members").update(member_id, {"contact_expires_at": at(2026, 11, 27)})
    with app.app_context():
        outcome = jobs.retention_purge(db, TODAY)
    row = db.table("members").get(member_id)
    assert row["contact_email"] is None and row["contact_consent_at"] is None
    assert row["contact_expires_at"] is None
    assert outcome["cleared"] == {"members.contact_email": 1, "members.contact_consent_at": 1,
                                  "members.contact_expires_at": 1}


def test_address_not_yet_expired_stays(app, db):
    """An address whose expiry is after today is kept."""
    with app.app_context():
        member_id, _ = members.create(db)
        members.set_contact(db, member_id, "later@example.org")
        jobs.retention_purge(db, TODAY)
    assert db.table("members").get(member_id)["contact_email"] is not None


def test_screened_column_without_its_flags_is_a_declaration_error():
    """Declaring screened text without its companion column or rule is caught."""
    from association import inventory
    from association.inventory import Column, Table

    bad = Table("bad", "test", legal_basis="legitimate_interest", people="members",
                retention="keep", readers=("volunteer",),
                columns=(Column("id", "row"), Column("text", "what", personal=True, screened=True)))
    problems = inventory.check_declarations((bad,))
    assert "bad.text: screened text needs a text_flags column" in problems
    assert any("needs a flagged_retention" in p for p in problems)
