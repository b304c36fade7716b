"""The daily sweep, reminders, retention of closed campaigns, and the transparency line."""
from datetime import date, datetime, timezone

from association import crypto, jobs
from association.public.transparency import report
from association.requests import campaigns, results, sweep, trackers
from conftest import add_campaign, confirmed_member

DAY = date(2026, 1, 20)


def _setup(ctx, db, count=4, email_every=2):
    """A campaign with ``count`` members who sent their letter by e-mail on 5 January; every
    ``email_every``th member gave an e-mail address."""
    campaign = campaigns.get(db, add_campaign(ctx, closes_on="2026-03-31"))
    ids = []
    for index in range(count):
        member_id = confirmed_member(ctx)  # only confirmed keys are counted (issue 19)
        if index % email_every == 0:
            db.table("members").update(member_id, {"contact_email": crypto.encrypt("a@b.c")})
        ids.append(trackers.start(db, campaign, member_id, DAY, sent_on="2026-01-05",
                                  channel="email"))
    return campaign, ids


def states(db):
    """Every tracker's state."""
    return [row["state"] for row in db.query("select state from trackers order by id")]


def test_the_sweep_moves_trackers_and_reminds_once(ctx, db):
    """Due within 7 days; the day after the deadline, complaint ready at once for those who
    sent no follow-up (review B1), overdue for those whose follow-up's fifteen days run on,
    each reminded once; the counters follow."""
    campaign, ids = _setup(ctx, db)
    assert states(db) == ["awaiting"] * 4
    assert sweep.run(db, date(2026, 1, 29))["moved"] == {"due_soon": 4}
    for tracker_id in ids[:2]:  # a follow-up sent by e-mail on 30 January: ready 14 February
        trackers.update(db, tracker_id, date(2026, 1, 30), followed_up_on="2026-01-30",
                        followed_up_channel="email")
    outcome = sweep.run(db, date(2026, 2, 6))
    assert outcome == {"moved": {"overdue": 2, "complaint_ready": 2},
                       "reminders": {"request_overdue": 1, "request_complaint_ready": 1}}
    assert sweep.run(db, date(2026, 2, 7)) == {"moved": {}, "reminders": {}}
    outcome = sweep.run(db, date(2026, 2, 14))
    assert outcome == {"moved": {"complaint_ready": 2},
                       "reminders": {"request_complaint_ready": 1}}
    kinds = [row["kind"] for row in db.query("select kind from outbox order by id")]
    assert sorted(kinds) == ["request_complaint_ready"] * 2 + ["request_overdue"]
    counted = results.counters(db, campaign["id"])
    assert counted["state:complaint_ready"] == 4 and counted["timeliness:never"] == 4
    assert counted["state:awaiting"] == counted["state:overdue"] == 0


def test_the_sweep_runs_once_a_day_whatever_the_workers(ctx, db):
    """Through the scheduler's claim, a second run for the same day does nothing."""
    _setup(ctx, db)
    job = jobs.job("request-deadlines")
    now = datetime(2026, 2, 6, 3, tzinfo=timezone.utc)
    assert jobs.run_once(db, job, "2026-02-06", date(2026, 2, 6), now) == "done"
    assert jobs.run_once(db, job, "2026-02-06", date(2026, 2, 6), now) is None
    assert db.table("outbox").count == 2


def test_reminders_are_written_without_anything_personal(ctx, db):
    """The reminder is composed from its kind alone, in the member's language."""
    from association.members.mail import compose

    message = compose("request_overdue", "fr", "amicale@localhost", "a@b.c")
    body = message.get_content()
    assert "/membre/" in body and message["Subject"]
    english = compose("request_complaint_ready", "en", "amicale@localhost", "a@b.c")
    assert "CNIL" in english.get_content()


def test_closed_campaign_trackers_become_counts_after_twelve_months(ctx, db):
    """12 months after the campaign closes, its trackers are deleted by the purge; its
    public results stay as they were."""
    campaign, ids = _setup(ctx, db)
    trackers.update(db, ids[0], date(2026, 2, 1), answered_on="2026-02-01", grade="partial",
                    checklist="a", copy_received=1)
    before = results.results(db, campaign["id"])
    jobs.retention_purge(db, date(2027, 3, 31))
    assert db.table("trackers").count == 4  # closed on 31 March 2026: not yet
    outcome = jobs.retention_purge(db, date(2027, 4, 2))
    assert outcome["purged"]["trackers"] == 4
    assert db.table("trackers").count == 0
    assert results.results(db, campaign["id"]) == before


def test_closing_a_campaign_later_moves_the_retention(ctx, db):
    """A new last day is carried to every tracker's retention date."""
    campaign, _ = _setup(ctx, db)
    campaigns.save(db, {**campaign, "closes_on": "2026-06-30"}, campaign["id"])
    closed = {row["campaign_closed_at"] for row in db.query("select * from trackers")}
    assert closed == {"2026-06-30T22:00:00+00:00"}  # midnight in Paris, summer time


def test_erasure_leaves_the_counts(ctx, db):
    """A member who erases everything loses their tracker; the counts keep a number."""
    from association.members import records

    campaign, ids = _setup(ctx, db, count=3)
    member_id = db.table("trackers").get(ids[0])["member_id"]
    records.erase(db, member_id)
    assert db.table("trackers").count == 2
    assert results.results(db, campaign["id"])["participants"] == 3


def test_the_transparency_report_counts_requests(ctx, db):
    """Requests sent and answers received appear month by month, fewer than 3 withheld."""
    campaign, ids = _setup(ctx, db, count=3)
    trackers.update(db, ids[0], date(2026, 2, 1), answered_on="2026-02-01", grade="complete",
                    checklist="a,b,c,d,e,f,g,h")
    found = report(db, date(2026, 2, 10))["extra"]
    assert [str(line["label"]) for line in found] == ["Demandes d’accès envoyées",
                                                      "Réponses aux demandes d’accès"]
    assert found[0]["counts"][-2:] == [3, 0] and found[1]["counts"][-1] is None
    html = ctx.test_client().get("/transparence?lang=en")
    assert html.status_code == 200
