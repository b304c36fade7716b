"""Retention declared and enforced, with a fixed ``today``: answers' tokens go 30 days after
the action (its count stays), assignees' pseudonyms after six months, confirmed flagged text
after 30 days together with the page made from it."""
from datetime import date, datetime, timezone

import pytest

from association import jobs
from association.actions import agenda, rsvps
from conftest import database_bytes

# An action on Tuesday 10 February 2026, 18:00–20:00 in Paris (17:00–19:00 UTC).
START = datetime(2026, 2, 10, 17, 0, tzinfo=timezone.utc)
END = datetime(2026, 2, 10, 19, 0, tzinfo=timezone.utc)


@pytest.fixture
def past_action(app, db, clock):
    """The action above, answered three times, a task taken by "alix" and ticked off."""
    clock.moment = datetime(2026, 1, 10, tzinfo=timezone.utc)
    with app.app_context():
        action = agenda.create(db, {
            "kind": "public_meeting", "title": "Réunion", "place": "Salle",
            "description": "Le voisin est *alcoolique*", "description_flags": "judgement",
            "visibility": "public", "starts_at": START, "ends_at": END})
        for _ in range(3):
            rsvps.answer(db, action)
    volunteer = db.table("volunteers").insert({
        "login": "alix", "role": "volunteer", "created_at": "2026-01-01T00:00:00+00:00"}).last_pk
    db.execute("update action_tasks set assignee_id = ?, assignee_login = 'alix', done_at = ? "
               "where action_id = ?", [volunteer, "2026-02-09T10:00:00+00:00", action])
    return action


def _purge(app, db, today):
    with app.app_context():
        return jobs.retention_purge(db, today)


def test_answers_go_30_days_after_the_action_and_the_count_stays(app, db, past_action):
    """On 12 March the answers of 10 February are still there; on 13 March they are gone
    from the table and the file, and the action still says 3 people answered."""
    hashes = [row["token_hash"] for row in db.table("action_rsvps").rows]
    assert "action_rsvps" not in _purge(app, db, date(2026, 3, 12))["purged"]
    assert db.table("action_rsvps").count == 3
    assert _purge(app, db, date(2026, 3, 13))["purged"]["action_rsvps"] == 3
    assert db.table("action_rsvps").count == 0
    assert db.table("actions").get(past_action)["rsvp_count"] == 3
    raw = database_bytes(app)
    assert not any(h.encode() in raw for h in hashes)


def test_pseudonyms_go_after_six_months(app, db, past_action):
    """183 days after the action the pseudonyms are kept; the day after they are emptied,
    while the checklist and what was done stay."""
    _purge(app, db, date(2026, 8, 12))
    assert db.table("action_tasks").count_where("assignee_login = 'alix'") == 4
    outcome = _purge(app, db, date(2026, 8, 13))
    assert outcome["cleared"]["action_tasks.assignee_login"] == 4
    rows = list(db.table("action_tasks").rows)
    assert len(rows) == 4 and all(r["assignee_login"] is None and r["assignee_id"] is None
                                  and r["done_at"] for r in rows)


def test_flagged_text_goes_with_its_page(app, db, past_action):
    """Confirmed flagged description: 30 days after the action both the source and the page
    made from it are emptied, and the word is gone from the file."""
    assert b"alcoolique" in database_bytes(app)
    outcome = _purge(app, db, date(2026, 3, 13))
    assert outcome["cleared"]["actions.description (flagged)"] == 1
    action = db.table("actions").get(past_action)
    assert (action["description"], action["description_html"]) == (None, None)
    assert action["description_flags"] == "judgement" and action["title"] == "Réunion"
    assert b"alcoolique" not in database_bytes(app)


def test_the_register_says_so(client):
    """The public register lists the answers' table with its 30-day rule and the pseudonyms'
    six months, from the declarations the purge enforces."""
    register = client.get("/donnees.json").get_json()
    tables = {table["name"]: table for table in register["tables"]}
    columns = {c["name"]: c for c in tables["action_rsvps"]["columns"]}
    assert columns["token_hash"]["retention"]["days"] == 30
    columns = {c["name"]: c for c in tables["action_tasks"]["columns"]}
    assert columns["assignee_login"]["retention"]["days"] == 183
