"""Trackers: the legal deadline from the dates, refused dates, and counters that always
match the trackers."""
from collections import Counter
from datetime import date, timedelta

import pytest

from association.requests import campaigns, results, trackers
from association.requests.trackers import TrackerError, derive, state_on
from conftest import add_campaign, confirmed_member, csrf_token, follow_campaign, new_member, page_text

TODAY = date(2026, 3, 20)


@pytest.mark.parametrize(("sent", "channel", "received", "due"), [
    ("2026-01-05", "email", "2026-01-05", "2026-02-05"),       # same day by e-mail
    ("2026-01-05", "hand", "2026-01-05", "2026-02-05"),
    ("2026-01-09", "post", "2026-01-14", "2026-02-16"),        # Fri + 3 working days; 14 Feb is a Saturday
    ("2026-01-30", "registered", "2026-02-04", "2026-03-04"),
])
def test_receipt_is_estimated_and_the_deadline_follows(sent, channel, received, due):
    """Sent by e-mail or by hand: received the same day; by post: three working days later;
    the deadline is one month after receipt (deadlines.due_date)."""
    row = derive({"sent_on": sent, "channel": channel}, TODAY)
    assert (row["received_on"], row["received_estimated"], row["due_on"]) == \
        (received, 1, due)
    assert row["deadline_on"] == due


def test_a_given_receipt_replaces_the_estimate():
    """The acknowledgement's date is kept as given, and the deadline follows it."""
    row = derive({"sent_on": "2026-01-09", "channel": "registered",
                  "received_on": "2026-01-20", "received_estimated": 0}, TODAY)
    assert (row["received_on"], row["received_estimated"], row["due_on"]) == \
        ("2026-01-20", 0, "2026-02-20")


def test_an_extension_gives_three_months_from_receipt():
    """A notice within the first month sets the deadline three months after receipt."""
    row = derive({"sent_on": "2026-01-05", "channel": "email",
                  "extension_notice_on": "2026-01-30"}, TODAY)
    assert row["extended_due_on"] == "2026-04-07"  # 5 April is a Sunday, 6 April Easter Monday
    assert row["deadline_on"] == "2026-04-07" and row["state"] == "awaiting"


@pytest.mark.parametrize(("today", "state"), [
    (date(2026, 1, 20), "awaiting"), (date(2026, 1, 29), "due_soon"),
    (date(2026, 2, 5), "due_soon"), (date(2026, 2, 6), "complaint_ready"),
])
def test_states_follow_the_calendar(today, state):
    """Awaiting, due within 7 days, then the complaint pack is ready the day after the
    deadline when no follow-up was sent (review B1: the CNIL needs the request, not a
    follow-up)."""
    row = derive({"sent_on": "2026-01-05", "channel": "email"}, today)
    assert state_on(row, today) == state


@pytest.mark.parametrize(("followed_up", "channel", "ready", "why"), [
    (None, None, "2026-02-06", "no follow-up: the day after the deadline (5 Feb)"),
    ("2026-02-10", "email", "2026-02-25", "received 10 Feb + 15 days"),
    ("2026-02-10", "registered", "2026-02-28", "received 13 Feb (3 working days) + 15 days"),
    ("2026-01-15", "email", "2026-02-06", "sent early and run out: the deadline decides"),
    ("2026-01-26", "email", "2026-02-10", "received 26 Jan + 15 days, after the deadline"),
])
def test_the_complaint_pack_is_ready_on_the_later_of_two_days(followed_up, channel, ready, why):
    """Ready on max(deadline + 1 day, follow-up received + 15 days) when a follow-up was
    sent, on deadline + 1 day otherwise (review B1)."""
    row = derive({"sent_on": "2026-01-05", "channel": "email", "followed_up_on": followed_up,
                  "followed_up_channel": channel}, date(2026, 3, 20))
    assert row["deadline_on"] == "2026-02-05"
    assert row["complaint_on"] == ready, why
    day = date.fromisoformat(ready)
    assert state_on(row, day) == "complaint_ready"
    assert state_on(row, day - timedelta(days=1)) in ("overdue", "due_soon")


@pytest.mark.parametrize(("tracker", "due"), [
    ({"state": "awaiting"}, None),
    ({"state": "due_soon"}, None),
    ({"state": "overdue"}, "late"),
    ({"state": "complaint_ready"}, "late"),
    ({"state": "answered", "answered_on": "2026-02-01", "grade": "partial"}, "partial"),
    ({"state": "answered", "answered_on": "2026-02-01", "grade": "off_point"}, "partial"),
    ({"state": "answered", "answered_on": "2026-02-01", "grade": "refusal"}, "refusal"),
    ({"state": "answered", "answered_on": "2026-02-01", "grade": "complete"}, None),
])
def test_a_follow_up_is_due_only_when_late_or_after_a_partial_or_refused_answer(tracker, due):
    """Never before the deadline (review A3); each case has its own letter."""
    assert trackers.follow_up_due(tracker) == due


def test_a_justified_identification_request_pauses_the_period():
    """Asked on 20 Jan, answered on 30 Jan: ten days on the deadline (5 Feb -> 16 Feb, the
    15th a Sunday); pending, the request stays awaiting; not justified, nothing moves."""
    base = {"sent_on": "2026-01-05", "channel": "email", "identity_asked_on": "2026-01-20"}
    pending = derive({**base, "identity_justified": 1}, date(2026, 3, 1))
    assert pending["state"] == "awaiting" and pending["due_on"] == "2026-02-05"
    answered = derive({**base, "identity_justified": 1, "identity_answered_on": "2026-01-30"},
                      date(2026, 2, 10))
    assert answered["due_on"] == "2026-02-16" and answered["state"] == "due_soon"
    unjustified = derive({**base, "identity_justified": 0,
                          "identity_answered_on": "2026-01-30"}, date(2026, 2, 10))
    assert unjustified["due_on"] == "2026-02-05" and unjustified["state"] == "complaint_ready"


def test_an_extension_without_reasons_extends_nothing():
    """Art. 12(3): two more months only with reasons given within the first month."""
    base = {"sent_on": "2026-01-05", "channel": "email", "extension_notice_on": "2026-01-30"}
    assert derive({**base, "extension_reasons": 1}, TODAY)["deadline_on"] == "2026-04-07"
    bare = derive({**base, "extension_reasons": 0}, TODAY)
    assert bare["extended_due_on"] is None and bare["deadline_on"] == "2026-02-05"


def test_the_landlords_departement_counts_its_holidays():
    """A campaign whose landlord is in Moselle: Good Friday 2027 is a holiday there."""
    row = derive({"sent_on": "2027-02-26", "channel": "email", "departement": "57"},
                 date(2027, 3, 1))
    assert row["due_on"] == "2027-03-30"
    assert derive({"sent_on": "2027-02-26", "channel": "email"},
                  date(2027, 3, 1))["due_on"] == "2027-03-26"


@pytest.mark.parametrize(("changes", "code", "field"), [
    ({"sent_on": "2026-03-21", "channel": "email"}, "future", "sent_on"),
    ({"sent_on": "2026-01-05", "channel": "email", "received_on": "2026-01-04",
      "received_estimated": 0}, "before_sending", "received_on"),
    ({"sent_on": "2026-01-05", "channel": "email", "received_on": "2026-03-25",
      "received_estimated": 0}, "future", "received_on"),
    ({"sent_on": "2026-01-05", "channel": "email", "extension_notice_on": "2026-02-06"},
     "extension_late", "extension_notice_on"),
    ({"sent_on": "2026-01-05", "channel": "email", "answered_on": "2026-01-02",
      "grade": "complete"}, "before_sending", "answered_on"),
    ({"answered_on": "2026-01-02", "grade": "complete"}, "not_sent", "answered_on"),
    ({"sent_on": "2026-01-05", "channel": "pigeon"}, "channel", "channel"),
    ({"sent_on": "9999-12-31", "channel": "post"}, "future", "sent_on"),
    ({"sent_on": "2026-01-05", "channel": "email", "received_on": "9999-12-31",
      "received_estimated": 0}, "future", "received_on"),
])
def test_impossible_dates_are_refused(changes, code, field):
    """A receipt in the future or before sending, an extension after the first month, an
    answer before sending: each refused with its reason. The last day of the year 9999 is
    refused as future before any deadline is worked out from it (it has none)."""
    with pytest.raises(TrackerError) as refused:
        trackers.validated({"state": "to_send", **changes}, TODAY)
    assert (refused.value.code, refused.value.field) == (code, field)


def recount(db, campaign_id) -> dict:
    """The counters worked out again from every tracker of the campaign (those of confirmed
    keys: the others contribute nothing)."""
    counted = Counter()
    for row in db.query(f"select t.*, {results.COUNTED} as counted from trackers t left join "
                        f"members m on m.id = t.member_id where t.campaign_id = ?",
                        [campaign_id]):
        counted.update(results.contributions(row))
    return {name: n for name, n in counted.items() if n}


def test_counters_match_the_trackers_after_every_kind_of_change(ctx, db):
    """Starting, sending, receipt, extension, answer, correction and removal keep the
    maintained counters equal to a count of the trackers."""
    from association.members import create

    campaign_id = add_campaign(ctx, closes_on=None)
    campaign = campaigns.get(db, campaign_id)
    ids = []
    for index in range(7):
        member_id = confirmed_member(ctx) if index < 6 else create(db)[0]  # the last: unconfirmed
        ids.append(trackers.start(db, campaign, member_id, TODAY))
    trackers.update(db, ids[0], TODAY, sent_on="2026-01-05", channel="email")
    trackers.update(db, ids[1], TODAY, sent_on="2026-03-02", channel="post")
    trackers.update(db, ids[1], TODAY, received_on="2026-03-04", received_estimated=0)
    trackers.update(db, ids[2], TODAY, sent_on="2026-03-02", channel="registered",
                    extension_notice_on="2026-03-10")
    trackers.update(db, ids[3], TODAY, sent_on="2026-01-05", channel="email",
                    answered_on="2026-02-10", grade="partial", checklist="a,b",
                    copy_received=1, comments_disclosed=0, access_log_disclosed=0)
    trackers.update(db, ids[3], TODAY, answered_on="2026-02-01", grade="complete",
                    checklist="a,b,c,d,e,f,g,h", comments_disclosed=1)
    trackers.update(db, ids[4], TODAY, sent_on="2026-02-02", channel="hand")
    with pytest.raises(TrackerError):
        trackers.update(db, ids[4], TODAY, received_on="2026-04-01", received_estimated=0)
    trackers.remove(db, ids[5])
    trackers.update(db, ids[6], TODAY, sent_on="2026-01-05", channel="email")  # not counted
    maintained = {k: v for k, v in results.counters(db, campaign_id).items() if v}
    assert maintained == recount(db, campaign_id)
    assert maintained["state:complaint_ready"] == 2 and maintained["timeliness:never"] == 2
    assert maintained["timeliness:on_time"] == 1 and maintained["extended"] == 1
    assert maintained["participants"] == 5


def test_following_without_a_key_makes_one_and_shows_it_once(app, client, db):
    """A visitor without a key who follows the request gets a key, shown on the key page,
    and the member space lists the tracker."""
    add_campaign(app)
    response = client.post("/demandes/bailleur-2026/suivre", data={
        "csrf_token": csrf_token(client, "/demandes/bailleur-2026"),
        "track-sent_on": "2026-01-05", "track-channel": "email"})
    assert response.status_code == 303 and response.headers["Location"] == "/membre/cle"
    assert db.table("members").count == 1 and db.table("trackers").count == 1
    key_page = page_text(client.get("/membre/cle"))
    assert "Your personal key" in key_page or "Votre clé personnelle" in key_page
    space = page_text(client.get("/membre/"))
    assert "Habitat Test" in space and "/demandes/suivi/1" in space


def test_a_member_follows_once(app, client, db):
    """Following again leads to the same tracker."""
    add_campaign(app)
    new_member(client)
    first = follow_campaign(client, "bailleur-2026")
    assert follow_campaign(client, "bailleur-2026") == first
    assert db.table("trackers").count == 1


def test_another_members_tracker_is_not_found(app, client):
    """A tracker of someone else answers 404, like one that does not exist."""
    add_campaign(app)
    mine = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05")
    other = app.test_client()
    new_member(other)
    assert other.get(f"/demandes/suivi/{mine}").status_code == 404
    assert other.get(f"/demandes/suivi/{mine}/plainte").status_code == 404
    assert client.get(f"/demandes/suivi/{mine}").status_code == 200


def test_a_refused_date_changes_nothing(app, client, db):
    """A receipt before the sending date comes back 400 with the reason; nothing moved."""
    add_campaign(app)
    tracker = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05")
    before = dict(db.table("trackers").get(tracker))
    counts = results.counters(db, 1)
    response = client.post(f"/demandes/suivi/{tracker}/reception", data={
        "csrf_token": csrf_token(client, f"/demandes/suivi/{tracker}"),
        "received-received_on": "2026-01-02"})
    assert response.status_code == 400
    text = page_text(response)
    assert "before the day you sent" in text or "avant le jour" in text
    assert dict(db.table("trackers").get(tracker)) == before
    assert results.counters(db, 1) == counts


def test_a_date_of_the_year_9999_comes_back_as_future(app, client, db):
    """Sent or received on 31 December 9999: the form comes back (400) saying the date is out
    of range (issue 19: every date field takes years 1900–2999), when following the request
    as when recording on the tracker (the abuse sweep found both answered 500)."""
    add_campaign(app)
    response = client.post("/demandes/bailleur-2026/suivre", data={
        "csrf_token": csrf_token(client, "/demandes/bailleur-2026"),
        "track-sent_on": "9999-12-31", "track-channel": "post"})
    assert response.status_code == 400 and db.table("trackers").count == 0
    tracker = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05")
    before = dict(db.table("trackers").get(tracker))
    token = csrf_token(client, f"/demandes/suivi/{tracker}")
    for path, data in (("envoi", {"sent-sent_on": "9999-12-31", "sent-channel": "post"}),
                       ("reception", {"received-received_on": "9999-12-31"})):
        response = client.post(f"/demandes/suivi/{tracker}/{path}",
                               data={"csrf_token": token, **data})
        assert response.status_code == 400, path
        assert "Indiquez une date entre 1900 et 2999." in page_text(response)
    assert dict(db.table("trackers").get(tracker)) == before


def test_an_answer_is_recorded_with_its_checklist(app, client, db):
    """The answer form records its date, grade, items and disclosures."""
    add_campaign(app)
    tracker = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05")
    response = client.post(f"/demandes/suivi/{tracker}/reponse", data={
        "csrf_token": csrf_token(client, f"/demandes/suivi/{tracker}"),
        "answer-answered_on": "2026-02-01", "answer-grade": "partial",
        "answer-checklist": ["a", "d"], "answer-copy_received": "y"})
    assert response.status_code == 303
    row = db.table("trackers").get(tracker)
    assert (row["state"], row["grade"], row["checklist"], row["copy_received"],
            row["comments_disclosed"]) == ("answered", "partial", "a,d", 1, 0)


def test_the_calendar_file_holds_the_deadline(app, client):
    """Once sent, the deadline comes as an all-day event in an .ics file."""
    add_campaign(app)
    tracker = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    response = client.get(f"/demandes/suivi/{tracker}/echeance.ics")
    body = response.get_data(as_text=True)
    assert response.mimetype == "text/calendar"
    assert "DTSTART;VALUE=DATE:20260205" in body and body.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_the_members_export_holds_their_trackers(app, client):
    """Through member_link, the export carries the member's trackers (dates, no letter)."""
    add_campaign(app)
    follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="registered")
    exported = client.get("/membre/export.json").get_json()
    tracker = exported["tables"]["trackers"][0]
    assert (tracker["sent_on"], tracker["channel"]) == ("2026-01-05", "registered")
    assert "full_name" not in tracker
    page = page_text(client.get("/membre/effacer?lang=en"))
    assert "the campaign's public results keep it as a number only" in page


@pytest.mark.parametrize("channel", sorted(trackers.CHANNELS))
def test_a_letter_sent_today_is_recorded_on_every_channel(app, client, db, channel):
    """"Sent today" (or in the last three working days) by any channel is recorded: only
    the dates a person typed are refused when in the future; a receipt estimated three
    working days ahead means "not received yet" (issue 21, the campaign's blocker)."""
    from datetime import timedelta

    from association.clock import today

    add_campaign(app)
    with app.app_context():
        app_today = today()
    first = follow_campaign(client, "bailleur-2026", sent_on=app_today.isoformat(),
                            channel=channel)
    row = db.table("trackers").get(first)
    assert (row["sent_on"], row["channel"]) == (app_today.isoformat(), channel)
    assert row["received_on"] >= app_today.isoformat() and row["state"] != "answered"
    token = csrf_token(client, f"/demandes/suivi/{first}")
    for days_ago in (0, 1, 2, 3):
        sent_on = (app_today - timedelta(days=days_ago)).isoformat()
        response = client.post(f"/demandes/suivi/{first}/envoi", data={
            "csrf_token": token, "sent-sent_on": sent_on, "sent-channel": channel})
        assert response.status_code == 303, page_text(response)
        assert db.table("trackers").get(first)["sent_on"] == sent_on


def test_a_letter_posted_today_is_valid_and_not_yet_received():
    """The rule itself: a letter posted today has a receipt ahead, and later changes to the
    tracker (a follow-up) are not refused because of that estimate."""
    row = trackers.validated({"state": "to_send", "sent_on": TODAY.isoformat(),
                              "channel": "registered"}, TODAY)
    assert row["received_on"] > TODAY.isoformat() and row["received_estimated"] == 1
    assert row["state"] == "awaiting"
    later = trackers.validated({**row, "followed_up_on": TODAY.isoformat()}, TODAY)
    assert later["followed_up_on"] == TODAY.isoformat()


def test_counts_made_before_issue_19_lose_the_unconfirmed_keys_trackers(ctx, db):
    """The requests' migration m002 takes out of the counters what trackers of unconfirmed
    keys had added when every key counted; confirmed keys' trackers stay."""
    from association.members import create

    campaign = campaigns.get(db, add_campaign(ctx))
    confirmed = trackers.start(db, campaign, confirmed_member(ctx), TODAY, sent_on="2026-01-05",
                               channel="email")
    free = trackers.start(db, campaign, create(db)[0], TODAY, sent_on="2026-01-05",
                          channel="email")
    with db.atomic():  # as the counters stood before: the free key's tracker counted too
        results.apply(db, campaign["id"], [], results.contributions(
            {**db.table("trackers").get(free), "counted": True}))
    assert results.counters(db, campaign["id"])["participants"] == 2
    with db.atomic():
        results.uncount_unconfirmed(db)
    assert {k: v for k, v in results.counters(db, campaign["id"]).items() if v} == recount(
        db, campaign["id"])
    assert results.counters(db, campaign["id"])["participants"] == 1 and confirmed
