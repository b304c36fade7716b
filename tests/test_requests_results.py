"""Public results (1 or 2 withheld), stats.json, CSV for volunteers, campaigns managed
by administrators, and the demo campaign."""
import re
from datetime import date, timedelta

import pytest

from association import clock as amicale_clock
from association import demo
from association.requests import campaigns, results, trackers
from conftest import add_campaign, confirmed_member, csrf_token, follow_campaign, page_text

DAY = date(2026, 3, 1)


def _answered(app, db, answers):
    """A campaign whose members each answered as given: (days after sending, items)."""
    campaign_id = add_campaign(app)
    with app.app_context():  # only around direct calls: requests need their own context
        return _answer(app, db, campaigns.get(db, campaign_id), answers)


def _answer(app, db, campaign, answers):
    """Members with confirmed keys who answered as given (only confirmed keys count)."""
    for days, items in answers:
        member_id = confirmed_member(app)
        tracker = trackers.start(db, campaign, member_id, DAY, sent_on="2026-01-05",
                                 channel="email")
        trackers.update(db, tracker, DAY, answered_on=date(2026, 1, 5 + days).isoformat(),
                        grade="partial", checklist=items, comments_disclosed=int("c" in items))
    return campaign


def test_median_of_a_histogram():
    """The median of an odd and of an even number of answers."""
    assert results.median_days({3: 1, 10: 1, 20: 1}) == 10
    assert results.median_days({3: 2, 10: 1, 20: 1}) == 6.5
    assert results.median_days({}) is None


def test_fewer_than_three_are_withheld(ctx, db):
    """With two answers, counts of answers, shares and the median are not published."""
    campaign = _answered(ctx, db, [(3, "a"), (10, "a,b")])
    found = results.results(db, campaign["id"])
    assert found["answered"] is None and found["median_days_to_answer"] is None
    assert found["items"]["a"] == {"missing": None, "share_missing": None}
    assert found["participants"] is None


def test_results_with_enough_answers(ctx, db):
    """Three answers: the median, the shares missing each item, comment zones disclosed."""
    campaign = _answered(ctx, db, [(3, "a,b,c"), (10, "a,b,c"), (20, "a,b,c,d")])
    found = results.results(db, campaign["id"])
    assert found["answered"] == 3 and found["median_days_to_answer"] == 10
    assert found["items"]["h"] == {"missing": 3, "share_missing": 1.0}
    assert found["items"]["d"] == {"missing": None, "share_missing": None}  # 2: withheld
    assert found["items"]["a"] == {"missing": 0, "share_missing": 0.0}
    assert found["comments_disclosed"] == {"count": 3, "share": 1.0}
    assert found["timeliness"] == {"on_time": 3, "late": 0, "never": 0}


def test_stats_json_and_page_show_the_same(app, db, client):
    """stats.json is public and cacheable; the page shows "fewer than 3" where it is null."""
    _answered(app, db, [(3, "a,b,c"), (10, "a,b,c"), (20, "a,b,c,d")])
    response = client.get("/demandes/bailleur-2026/stats.json")
    assert response.headers["Cache-Control"].startswith("public")
    data = response.get_json()
    assert data["campaign"]["slug"] == "bailleur-2026" and data["min_group"] == 3
    assert data["answered"] == 3 and data["items"]["d"]["missing"] is None
    page = page_text(client.get("/demandes/bailleur-2026?lang=en"))
    assert "1 or 2" in page and "Results so far" in page


def test_results_read_counters_not_trackers(ctx, db):
    """The results come from a bounded number of counter rows, whatever the trackers."""
    campaign = _answered(ctx, db, [(3, "a"), (4, "a"), (5, "b")])
    plan = " ".join(row[3] for row in db.execute(
        "explain query plan select name, n from campaign_counts where campaign_id = ?",
        [campaign["id"]]))
    assert "trackers" not in plan and "USING PRIMARY KEY" in plan


@pytest.fixture
def admin_client(app, volunteers):
    """A signed-in administrator."""
    account = volunteers.create("admin-campaigns", "admin")
    client = app.test_client()
    volunteers.login(client, account)
    return client


def _campaign_form(client, url, **values):
    data = {"csrf_token": csrf_token(client, "/benevoles/"), "title": "Ce que sait Habitat",
            "slug": "habitat-2026", "landlord_id": "0", "controller_name": "Habitat OPH",
            "controller_address": "1 place du Bailleur\n75013 Paris", "dpo_email": "",
            "siren": "", "explanation": "Pourquoi **nous** demandons.", "letter_fr": "",
            "letter_en": "", "opens_on": "2026-01-01", "closes_on": "", **values}
    return client.post(url, data=data)


def test_an_admin_creates_a_campaign(app, admin_client, db, client):
    """The campaign is saved with its explanation rendered once, and is public at once."""
    response = _campaign_form(admin_client, "/benevoles/campagnes/nouvelle")
    assert response.status_code == 302, page_text(response)[-2000:]
    row = db.table("campaigns").get(1)
    assert row["explanation_html"] == "<p>Pourquoi <strong>nous</strong> demandons.</p>"
    assert "Ce que sait Habitat" in page_text(client.get("/demandes/"))
    assert "Ce que sait Habitat" in page_text(client.get("/demandes/habitat-2026"))


def test_the_controller_comes_from_the_landlord(app, admin_client, db):
    """Controller fields left blank are taken from the chosen landlord."""
    landlord = db.table("landlords").insert({"name": "OPH Exemple", "postal_address": "2 rue X",
                                             "dpo_email": "dpo@oph.example"}).last_pk
    response = _campaign_form(admin_client, "/benevoles/campagnes/nouvelle",
                              landlord_id=str(landlord), controller_name="",
                              controller_address="")
    assert response.status_code == 302
    row = db.table("campaigns").get(1)
    assert (row["controller_name"], row["dpo_email"]) == ("OPH Exemple", "dpo@oph.example")


@pytest.mark.parametrize(("values", "message"), [
    ({"slug": "Avec Espaces"}, "lowercase letters"),
    ({"slug": "suivi"}, "already uses this address"),
    ({"explanation": "[" * 301}, "more than 300"),
    ({"letter_fr": "Bonjour {nom}"}, "Unknown placeholders: {nom}"),
    ({"closes_on": "2025-12-01"}, "close on or after the day it opens"),
    ({"closes_on": "9999-12-31"}, "Enter a date between 2000 and 2100."),  # was a 500
    ({"opens_on": "0001-01-01"}, "Enter a date between 2000 and 2100."),
    ({"controller_name": "", "controller_address": ""}, "choose a landlord that has it"),
])
def test_bad_campaigns_are_refused_clearly(admin_client, db, values, message):
    """Each mistake comes back (400) with its message and nothing saved."""
    response = _campaign_form(admin_client, "/benevoles/campagnes/nouvelle?lang=en", **values)
    assert response.status_code == 400
    assert message in page_text(response)
    assert db.table("campaigns").count == 0


def test_volunteers_get_the_results_as_csv(app, volunteers, db):
    """Any volunteer downloads the results; groups under 3 say so."""
    _answered(app, db, [(3, "a"), (4, "a")])
    account = volunteers.create("editor-csv", "editor")
    client = app.test_client()
    volunteers.login(client, account)
    response = client.get("/benevoles/campagnes/1/resultats.csv?lang=en")
    text = response.get_data(as_text=True)
    assert response.mimetype == "text/csv" and text.startswith("\ufeff")
    assert "1 or 2" in text and "Participants" in text


def test_deleting_a_campaign_says_what_goes(app, db, admin_client):
    """The confirmation counts the trackers; the campaign, trackers and counts go."""
    _answered(app, db, [(3, "a"), (4, "a"), (5, "a")])
    page = page_text(admin_client.get("/benevoles/campagnes/1/supprimer?lang=en"))
    assert "3 members' trackers are deleted." in page
    admin_client.post("/benevoles/campagnes/1/supprimer",
                      data={"csrf_token": csrf_token(admin_client, "/benevoles/")})
    assert db.table("campaigns").count == db.table("trackers").count == 0
    assert db.table("campaign_counts").count == 0


def test_demo_campaign_with_trackers_in_several_states(ctx, db):
    """The demo loads one open campaign towards the demo landlord, trackers in several
    states; loading again adds nothing; removing the demo removes it."""
    demo.load(db)
    demo.load(db)
    assert db.table("campaigns").count == 1
    stated = {row["state"] for row in db.query("select state from trackers")}
    assert {"to_send", "awaiting", "due_soon", "overdue", "complaint_ready", "answered"} <= stated
    campaign = db.table("campaigns").get(1)
    assert campaign["is_demo"] == 1 and campaign["controller_name"].startswith("Habitat Exemple")
    assert results.results(db, 1)["answered"] == 10
    demo.unload(db)
    assert db.table("campaigns").count == db.table("trackers").count == 0


def test_the_home_page_lists_open_campaigns(app, client):
    """An open campaign is linked from the home page; a closed one is not."""
    add_campaign(app)
    add_campaign(app, "ancienne", closes_on="2026-02-01", title="Ancienne campagne")
    page = page_text(client.get("/"))
    assert 'href="/demandes/bailleur-2026"' in page and "Ancienne campagne" not in page


def test_a_communique_shows_a_campaigns_results_live(app, db):
    """``[[campagne:<slug>]]`` alone on a line of a communiqué draws the campaign's published
    counts, live ("fewer than 3" below three); an unknown slug draws nothing."""
    from conftest import publish_communique

    _answered(app, db, [(10, "a,b,c"), (20, "a,b")])
    body = "Où en sont nos demandes ?\n\n[[campagne:bailleur-2026]]\n\n[[campagne:inconnue]]"
    _, slug = publish_communique(app, body=body)
    client = app.test_client()
    page = re.sub(r"<[^>]+>", " ", page_text(client.get(f"/communiques/{slug}")))
    assert re.search(r"Réponses reçues\s*1 ou 2", page) and "[[" not in page
    assert page.count("Tous les résultats de cette campagne") == 1
    with app.app_context():
        _answer(app, db, campaigns.by_slug(db, "bailleur-2026"), [(5, "a")])
    page = re.sub(r"<[^>]+>", " ", page_text(client.get(f"/communiques/{slug}")))
    assert re.search(r"Réponses reçues\s*3\b", page)


def _extend(client, tracker_id: int, day: str) -> None:
    """Record, from the member's tracker page, that the landlord extended the deadline, with
    its reasons (without them, a notice extends nothing: Art. 12(3))."""
    url = f"/demandes/suivi/{tracker_id}"
    response = client.post(f"{url}/prolongation", data={
        "csrf_token": csrf_token(client, url), "extension-extension_notice_on": day,
        "extension-extension_reasons": "y"})
    assert response.status_code == 303, page_text(response)[-2000:]


def _extended_trackers(app, count: int, confirmed: bool) -> list:
    """``count`` browsers that each follow the campaign and record an extension; their
    (browser, tracker id) pairs."""
    with app.app_context():
        today = amicale_clock.now().date()
    sent, notice = (today - timedelta(days=6)).isoformat(), (today - timedelta(days=1)).isoformat()
    made = []
    for _ in range(count):
        member = app.test_client()
        tracker_id = follow_campaign(member, "bailleur-2026", sent_on=sent, channel="email",
                                     confirmed=confirmed)
        _extend(member, tracker_id, notice)
        made.append((member, tracker_id))
    return made


def test_free_keys_cannot_reveal_a_campaigns_hidden_figure(app, client):
    """Issue 19, finding 3: two attacker trackers from fresh keys turned a campaign's hidden
    ``extended`` (and participants, sent) into an exact figure, then were withdrawn. Trackers
    of unconfirmed keys now move no counter: stats.json stays the same throughout."""
    add_campaign(app)
    _extended_trackers(app, 1, confirmed=True)
    before = client.get("/demandes/bailleur-2026/stats.json").get_json()
    assert before["extended"] is None and before["participants"] is None
    attackers = _extended_trackers(app, 2, confirmed=False)
    assert client.get("/demandes/bailleur-2026/stats.json").get_json() == before
    for attacker, tracker_id in attackers:
        url = f"/demandes/suivi/{tracker_id}/supprimer"
        response = attacker.post(url, data={"csrf_token": csrf_token(attacker, url)})
        assert response.status_code in (302, 303)
    assert client.get("/demandes/bailleur-2026/stats.json").get_json() == before


def test_three_confirmed_trackers_are_published(app, client):
    """Three trackers of confirmed keys, each with an extension: the figures are published,
    and the page says what it counts."""
    add_campaign(app)
    _extended_trackers(app, 3, confirmed=True)
    data = client.get("/demandes/bailleur-2026/stats.json").get_json()
    assert data["extended"] == 3 and data["participants"] == 3 and data["sent"] == 3
    assert "confirmed in person" in data["counted"]
    page = page_text(client.get("/demandes/bailleur-2026?lang=en"))
    assert "requests followed with a personal key that a volunteer has confirmed" in page


def test_a_key_confirmed_later_brings_its_tracker_in(ctx, db):
    """Confirming a key adds its trackers to the counters (``key_confirmed`` hook), once;
    the counters then equal a count of the trackers that count."""
    from association.members import create, keys
    from conftest import Reader, confirm_key

    campaign = campaigns.get(db, add_campaign(ctx))
    member_ids = [create(db)[0] for _ in range(3)]
    for member_id in member_ids:
        trackers.start(db, campaign, member_id, DAY, sent_on="2026-01-05", channel="email")
    assert results.results(db, campaign["id"])["participants"] == 0
    for member_id in member_ids:
        confirm_key(ctx, member_id)
    confirm_key(ctx, member_ids[0])  # twice: counted once
    found = results.results(db, campaign["id"])
    assert found["participants"] == 3 and found["sent"] == 3
    assert keys.confirm(db, member_ids[0], Reader(1, "confirmer"))
    assert results.results(db, campaign["id"])["participants"] == 3


def test_no_answer_yet_reads_zero_not_withheld(app, client):
    """Before any answer, what the answers hold is 0, not "1 or 2" (issue 21: a withheld
    figure where the truth is 0); the page says the results are live, not daily."""
    add_campaign(app)
    stats = client.get("/demandes/bailleur-2026/stats.json").get_json()
    assert stats["answered"] == 0
    assert all(v["missing"] == 0 for v in stats["items"].values()), stats["items"]
    page = page_text(client.get("/demandes/bailleur-2026?lang=en"))
    assert "<dd>1 or 2" not in page and "every day" not in page
    assert "updated as soon as a tenant records where their request stands" in page
