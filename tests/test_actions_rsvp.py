"""Answers "I'll come" without identity: a token shown once as a link and kept in the
browser, only counts and keyed hashes stored, the capacity held under fifty answers at once,
answers throttled per address, and the member's own answers in their space."""
import re
import threading
from datetime import timedelta

import pytest

from actions_support import CANCEL_LINK, cancel_link, come
from association import jobs
from association.actions import rsvps
from conftest import add_action, confirm_key, csrf_token, database_bytes, new_member, page_text


def browser_from(app, address, agent=None):
    """A browser at a network address of its own (and with a name, if given)."""
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = address
    if agent:
        browser.environ_base["HTTP_USER_AGENT"] = agent
    return browser


@pytest.fixture
def action(app):
    """A public action in ten days (with one answer already), its id."""
    return add_action(app, show_count=True)[0]


def test_the_link_is_shown_once_and_survives_a_reload_and_a_language_switch(client, action,
                                                                            db):
    """After "I'll come" the page shows the cancel link, again after a reload and in English,
    until "I have kept the link"; the browser keeps the token in a cookie of its own."""
    response = come(client, action)
    assert response.status_code == 303 and response.headers["Location"] == f"/actions/{action}"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{rsvps.COOKIE}={action}.") and "HttpOnly" in cookie \
        and "Path=/actions" in cookie
    link = cancel_link(client, action)
    assert link and link == cancel_link(client, action)
    english = page_text(client.get(f"/actions/{action}?lang=en"))
    assert link in english and "Your answer is recorded." in english
    page = client.get(f"/actions/{action}?lang=fr")
    assert page.headers["Cache-Control"] == "private, no-store"
    assert "Vous avez dit que vous viendriez (1 personne)." in page_text(page)
    client.post(f"/actions/{action}/lien-garde",
                data={"csrf_token": csrf_token(client, f"/actions/{action}")})
    assert cancel_link(client, action) is None
    assert "Vous avez dit que vous viendriez" in page_text(client.get(f"/actions/{action}"))
    assert db.table("actions").get(action)["rsvp_count"] == 2


def test_the_page_of_an_action_is_cacheable_until_one_answers(app, action):
    """A visitor who has not answered gets the action's page without any cookie, so a
    shared cache may keep it; "I'll come" is a page of its own, with its form."""
    visitor = app.test_client()
    response = visitor.get(f"/actions/{action}")
    assert response.headers["Cache-Control"].startswith("public")
    assert "Set-Cookie" not in response.headers and "<form" not in page_text(response)
    form = page_text(visitor.get(f"/actions/{action}/je-viens"))
    assert "Combien serez-vous" in form and "Lier ma réponse" not in form
    member = app.test_client()
    new_member(member)
    assert "Lier ma réponse à ma clé" in page_text(member.get(f"/actions/{action}/je-viens"))


def test_cancelling_frees_the_place_and_forgets_the_token(client, action, db):
    """"I won't come after all" deletes the answer, lowers the count, clears the cookie."""
    come(client, action, people="3")
    assert db.table("actions").get(action)["rsvp_count"] == 4
    response = client.post(f"/actions/{action}/je-ne-viens-plus",
                           data={"csrf_token": csrf_token(client, f"/actions/{action}")})
    assert response.status_code == 303 and f"{rsvps.COOKIE}=;" in response.headers["Set-Cookie"]
    assert db.table("actions").get(action)["rsvp_count"] == 1
    assert db.table("action_rsvps").count == 1
    assert "Votre réponse est annulée." in page_text(client.get(f"/actions/{action}"))


def test_a_shared_computer_can_forget_the_answer(client, action, db):
    """"Forget my answer on this browser" drops the token and the link from this browser;
    the answer still counts."""
    come(client, action)
    response = client.post(f"/actions/{action}/oublier-ici",
                           data={"csrf_token": csrf_token(client, "/membre/")})
    assert f"{rsvps.COOKIE}=;" in response.headers["Set-Cookie"]
    page = page_text(client.get(f"/actions/{action}"))
    assert "Ce navigateur a oublié votre réponse." in page and cancel_link(client, action) is None
    assert "Vous avez dit que vous viendriez" not in page
    assert db.table("actions").get(action)["rsvp_count"] == 2


def test_the_link_carries_the_answer_to_another_device(app, client, action, db):
    """Opened on a phone, the link gives that browser the answer, which it can cancel; the
    link then no longer works anywhere."""
    come(client, action)
    link = cancel_link(client, action)
    phone = app.test_client()
    opened = phone.get(link.replace("http://127.0.0.1:5000", ""))
    assert opened.status_code == 303 and opened.headers["Location"] == f"/actions/{action}"
    assert "Ce navigateur garde maintenant votre réponse." in page_text(
        phone.get(f"/actions/{action}"))
    phone.post(f"/actions/{action}/je-ne-viens-plus",
               data={"csrf_token": csrf_token(phone, f"/actions/{action}")})
    assert db.table("actions").get(action)["rsvp_count"] == 1
    gone = app.test_client().get(link.replace("http://127.0.0.1:5000", ""))
    assert gone.status_code == 404 and "Ce lien ne fonctionne plus" in page_text(gone)


def test_the_database_holds_counts_and_hashes_only(app, db):
    """After answers from several addresses and browsers, a scan of every table finds the
    counts and the tokens' keyed hashes, never a token, an address or a browser's name."""
    action, _, first_token = add_action(app, capacity=40)
    tokens, addresses = [first_token], [f"198.51.100.{n}" for n in range(1, 7)]
    for number, address in enumerate(addresses):
        browser = browser_from(app, address, f"Navigateur-{number}")
        come(browser, action, people=str(number % 2 + 1))
        tokens.append(CANCEL_LINK.search(page_text(browser.get(f"/actions/{action}")))[2])
    rows = list(db.table("action_rsvps").rows)
    assert len(rows) == 7 and {tuple(sorted(row)) for row in rows} == \
        {("action_ends_at", "action_id", "confirmed", "member_id", "people", "token_hash")}
    assert all(row["member_id"] is None and re.fullmatch("[0-9a-f]{64}", row["token_hash"])
               for row in rows)
    assert db.table("actions").get(action)["rsvp_count"] == 1 + sum(n % 2 + 1 for n in range(6))
    with app.app_context():
        assert {row["token_hash"] for row in rows} == {rsvps.token_hash(t) for t in tokens}
    raw = database_bytes(app)
    for secret in tokens + addresses + [f"Navigateur-{n}" for n in range(6)]:
        assert secret.encode() not in raw
    for table in db.table_names():
        for row in db.query(f"select * from [{table}]"):
            text = repr(row)
            assert not any(address in text for address in addresses), table


def test_fifty_answers_at_once_never_overbook(app, action, db):
    """Fifty browsers from fifty addresses answer at the same moment for the last ten places
    open to them (capacity 33: a third, 11, for answers without a confirmed key, one taken):
    exactly ten are accepted, the others refused."""
    db.table("actions").update(action, {"capacity": 33})
    browsers = [browser_from(app, f"203.0.113.{n}") for n in range(50)]
    tokens = [csrf_token(browser, "/membre/") for browser in browsers]
    start, statuses = threading.Barrier(50), []

    def answer(browser, token):
        start.wait()
        response = browser.post(f"/actions/{action}/je-viens", data={"csrf_token": token})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=answer, args=pair) for pair in zip(browsers, tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [303] * 10 + [409] * 40
    assert db.table("actions").get(action)["rsvp_count"] == 11
    assert db.table("action_rsvps").count_where("action_id = ?", [action]) == 11


def test_a_full_action_says_so(app, action, db):
    """Full, the page says so and offers no form; an answer sent anyway is refused (409)."""
    db.table("actions").update(action, {"capacity": 3, "rsvp_count": 3})
    visitor = app.test_client()
    page = page_text(visitor.get(f"/actions/{action}"))
    assert "Complète : il n'y a plus de place." in page.replace("\u00a0", " ")
    assert "je-viens" not in page
    refused = come(visitor, action)
    assert refused.status_code == 409 and "il n'y a plus de place" in page_text(refused)


def test_too_many_people_for_the_places_left(app, action, db):
    """A confirmed member's answer for six when five places are left: refused without saying
    how many are left (finding 4), and nothing is counted."""
    db.table("actions").update(action, {"capacity": 6})
    member = app.test_client()
    confirm_key(app, new_member(member))
    response = come(member, action, people="6", with_key="y")
    refusal = re.search(r'<p class="error" role="alert">(.*?)</p>', page_text(response))[1]
    assert response.status_code == 409 and "pas assez de places" in refusal
    assert not re.search(r"\d", refusal)
    assert db.table("actions").get(action)["rsvp_count"] == 1
    assert come(member, action, people="5", with_key="y").status_code == 303


def test_answers_are_throttled_per_address(app, action):
    """From one address, the 31st answer in fifteen minutes gets a 429 saying when to retry;
    another address still answers."""
    statuses = [come(app.test_client(), action).status_code for _ in range(31)]
    assert statuses == [303] * 30 + [429]
    response = come(app.test_client(), action)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "Réessayez après" in page_text(response)
    elsewhere = browser_from(app, "192.0.2.7")
    assert come(elsewhere, action).status_code == 303


def test_an_ipv6_client_is_counted_by_its_network(app, action):
    """Issue 19, finding 12: each IPv6 address had its own count, and a subscriber's /64
    holds 2^64 of them. Thirty answers from thirty addresses of one /64 use up its limit;
    another /64 still answers; an IPv4-mapped address is counted as its IPv4 address."""
    statuses = [come(browser_from(app, f"2001:db8:1:2::{n:x}"), action).status_code
                for n in range(1, 32)]
    assert statuses == [303] * 30 + [429]
    assert come(browser_from(app, "2001:db8:1:2:ffff:1:2:3"), action).status_code == 429
    assert come(browser_from(app, "2001:db8:1:3::1"), action).status_code == 303
    for _ in range(30):
        come(browser_from(app, "192.0.2.9"), action)
    assert come(browser_from(app, "::ffff:192.0.2.9"), action).status_code == 429


def test_the_ipv6_network_counted_is_configurable():
    """The prefix length comes from AMICALE_THROTTLE_IPV6_PREFIX (64 by default); IPv4
    addresses are counted as they are."""
    from association.security import client_key

    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::2") \
        == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:2:aaaa::1", 48) == "2001:db8:1::/48"
    assert client_key("2001:db8::1", 128) != client_key("2001:db8::2", 128)
    assert client_key("192.0.2.1") != client_key("192.0.2.2")
    assert client_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert client_key(None) == "unknown"


def test_the_public_count_hides_groups_under_three(app, db, clock):
    """With the count shown, it counts answers tied to a confirmed key: one or two read
    "fewer than 3", three read 3. The places left are never given as a number."""
    action, _, _ = add_action(app, show_count=True, capacity=20)
    page = page_text(app.test_client().get(f"/actions/{action}"))
    assert "Personnes attendues" in page and "Il reste des places." in page
    member = app.test_client()
    confirm_key(app, new_member(member))
    come(member, action, people="2", with_key="y")
    page = page_text(app.test_client().get(f"/actions/{action}"))
    assert "1 ou 2" in page and "places restantes" not in page
    other = app.test_client()
    confirm_key(app, new_member(other), login="porte")
    come(other, action, with_key="y")
    page = page_text(app.test_client().get(f"/actions/{action}"))
    assert "Personnes attendues</dt><dd>3 " in page
    assert "places restantes" not in page and "Il reste des places." in page


def test_answers_close_when_the_action_starts(app, action, client, clock):
    """Once started, nobody answers or withdraws: the archive keeps what was announced."""
    come(client, action)
    clock.advance(days=10, minutes=1)
    assert come(app.test_client(), action).status_code == 409
    client.post(f"/actions/{action}/je-ne-viens-plus",
                data={"csrf_token": csrf_token(client, "/membre/")})
    assert "a déjà commencé" in page_text(client.get(f"/actions/{action}"))


def test_a_member_may_tie_the_answer_to_their_key(app, action, db, clock):
    """Answering with the key: the space lists the action (with a reminder the day before);
    another browser opened with the key sees the answer and cancels it; erasing the space
    deletes such answers and says so."""
    member = app.test_client()
    key = new_member(member)
    come(member, action, with_key="y")
    row = db.table("action_rsvps").get(
        db.execute("select token_hash from action_rsvps where member_id is not null")
        .fetchone()[0])
    assert row["member_id"] is not None
    space = page_text(member.get("/membre/"))
    assert "Mes actions" in space and "Assemblée générale" in space
    assert "Rappel\u00a0: demain" not in space
    clock.advance(days=9)
    other = app.test_client()
    other.post("/membre/", data={"csrf_token": csrf_token(other, "/membre/"), "key": key})
    assert "Rappel\u00a0: demain" in page_text(other.get("/membre/"))
    assert "liée à votre clé personnelle" in page_text(other.get(f"/actions/{action}"))
    assert "Votre réponse à 1 action est supprimée" in page_text(other.get("/membre/effacer"))
    other.post(f"/actions/{action}/je-ne-viens-plus",
               data={"csrf_token": csrf_token(other, "/membre/")})
    assert db.table("action_rsvps").count_where("member_id is not null") == 0
    assert "Mes actions" not in page_text(other.get("/membre/"))


def test_the_reminder_job_writes_to_members_who_gave_an_address(app, action, db, clock):
    """The day before, a member who answered with their key and gave an address gets a
    reminder in the outbox: its kind only, no title or place."""
    member = app.test_client()
    new_member(member)
    member.post("/membre/contact", data={"csrf_token": csrf_token(member, "/membre/"),
                                         "contact-email": "a@example.org", "contact-consent": "y"})
    come(member, action, with_key="y")
    from association.actions.timing import local

    with app.app_context():
        start = local(db.table("actions").get(action)["starts_at"]).date()
        outcome = jobs.job("action-reminders").run(db, start - timedelta(days=1))
        assert outcome == {"tasks": 0, "messages": 1}
        assert jobs.job("action-reminders").run(db, start - timedelta(days=2))["messages"] == 0
        from association.members import mail

        message = mail.compose("action_reminder", "fr", "amicale@localhost", "a@example.org")
    assert "demain" in message.get_content() and "Assemblée" not in message.get_content()
    assert db.table("outbox").count_where("kind = 'action_reminder'") == 1


def test_an_action_nobody_answered_yet_never_says_0_expected(app, action):
    """An action showing its count says "no answer yet" rather than "0 expected", on its
    page and in the agenda (issue 21)."""
    for url in (f"/actions/{action}?lang=en", "/actions/?lang=en"):
        page = re.sub(r"<[^>]+>", " ", page_text(app.test_client().get(url)))
        page = re.sub(r"\s+", " ", page)
        assert "no answer yet" in page, url
        assert not re.search(r"(expected|People expected):? 0\b", page), url
