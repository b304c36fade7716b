"""Issue 19, findings 4–6: a free key is not a member. Members' actions and their hidden
places need a key a volunteer confirmed; the published number of people coming counts only
confirmed answers; a refusal states no count, and probing with 1 to 6 people cannot tell a
withheld count apart; answers without a confirmed key hold at most a third of the places."""
import re

import pytest

from actions_support import come
from association.actions import rsvps
from association.counts import MIN_GROUP
from conftest import add_action, confirm_key, csrf_token, new_member, page_text

PLACE = "Hall du siège, 5 avenue de l'Exemple"
ERROR = re.compile(r'<p class="error" role="alert">(.*?)</p>', re.S)
FACTS = re.compile(r'<dl class="facts">(.*?)</dl>', re.S)


def sign_in(client, key):
    """Open the member space with the key."""
    client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"), "key": key})


def withdraw(client, action):
    """"I won't come after all" through the page."""
    client.post(f"/actions/{action}/je-ne-viens-plus",
                data={"csrf_token": csrf_token(client, "/membre/")})


def test_finding_5_a_free_key_opens_no_members_action_nor_its_place(app, clock):
    """One anonymous POST makes a key: it neither sees nor answers a members' action, nor
    learns its hidden place, and is told how to have the key confirmed; once a volunteer
    confirmed the key, the same member sees it, answers and gets the place."""
    action, _, _ = add_action(app, kind="occupation", title="Occupation du siège",
                              visibility="members", place=PLACE, place_reveal_hours=12)
    member = app.test_client()
    key = new_member(member)
    page = member.get(f"/actions/{action}")
    assert page.status_code == 404 and "Occupation" not in page_text(page)
    assert "Votre clé n'est pas encore confirmée" in page_text(page)
    assert member.get(f"/actions/{action}.ics").status_code == 404
    assert come(member, action).status_code == 404
    assert come(member, action, with_key="y").status_code == 404
    clock.advance(days=9, hours=13)
    sign_in(member, key)  # the space closed itself after half an hour
    assert "5 avenue" not in page_text(member.get(f"/actions/{action}"))
    assert "Occupation" not in page_text(member.get("/actions/"))
    confirm_key(app, key)
    assert "Occupation du siège" in page_text(member.get(f"/actions/{action}"))
    assert come(member, action).status_code == 303
    assert "5 avenue" in page_text(member.get(f"/actions/{action}")).replace("\u2019", "'")


def _probe(app, action, prober):
    """What an anonymous prober sees answering with 1 to 6 people and withdrawing: each
    status, refusal and the page's facts while their answer counts."""
    seen = []
    for people in range(1, 7):
        response = come(prober, action, people=str(people))
        refusal = ERROR.search(page_text(response))
        facts = FACTS.search(page_text(app.test_client().get(f"/actions/{action}")))[1]
        seen.append((response.status_code, refusal[1] if refusal else None, facts))
        if response.status_code == 303:
            withdraw(prober, action)
    return seen


def test_finding_4_probing_cannot_tell_a_withheld_count(app):
    """Two actions (7 places, count shown) with 1 and with 2 confirmed people (both
    published as "fewer than 3"): answering with 1 to 6 people and withdrawing gives the same
    statuses, refusals and pages for both; no refusal states a count."""
    outcomes = []
    for confirmed in (1, 2):
        action, _, _ = add_action(app, show_count=True, capacity=7)
        member = app.test_client()
        confirm_key(app, new_member(member), login=f"accueil{confirmed}")
        come(member, action, people=str(confirmed), with_key="y")
        outcomes.append(_probe(app, action, app.test_client()))
    assert outcomes[0] == outcomes[1]
    refusals = [refusal for _status, refusal, _facts in outcomes[0] if refusal]
    # The only number a refusal gives is the rule's own (2 people an answer), never a count.
    assert refusals and all(set(re.findall(r"\d+", refusal)) <= {str(rsvps.MAX_OPEN_PEOPLE)}
                            for refusal in refusals)
    assert all("1 ou 2" in facts for _s, _r, facts in outcomes[0])


@pytest.mark.parametrize("capacity", range(MIN_GROUP, 41))  # the form refuses less than 3
def test_no_probe_tells_confirmed_counts_under_three_apart(capacity):
    """The capacity rule itself: for every open share an open prober can fill and every
    number of people they try, confirmed counts of 0, 1 and 2 get the same decision, and
    "full" the same value."""
    share = rsvps.open_places(capacity)
    assert capacity - share >= MIN_GROUP
    for held in range(share + 1):
        possible = [c for c in range(MIN_GROUP) if held + c <= capacity]
        for people in range(1, rsvps.MAX_PEOPLE + 1):
            decisions = {rsvps.admission(capacity, held + c, c, people, False)
                         for c in possible}
            assert len(decisions) == 1, (capacity, held, people, decisions)
        assert len({held + c >= capacity for c in possible}) == 1


def test_finding_6_one_address_cannot_fill_an_action(app, db):
    """From one address, free keys and anonymous answers hold at most a third of 30 places
    (2 people an answer at most); a confirmed member still answers for six, and the public
    count does not move with the open answers."""
    action, _, _ = add_action(app, capacity=30, show_count=True)
    address = app.test_client()
    assert come(address, action, people="6").status_code == 409
    statuses = [come(app.test_client(), action, people="2").status_code for _ in range(8)]
    assert statuses.count(303) == 4 and statuses[4:] == [409] * 4
    free = app.test_client()
    new_member(free)
    assert come(free, action, people="2", with_key="y").status_code == 409
    row = db.table("actions").get(action)
    assert row["rsvp_count"] - row["confirmed_count"] <= 10 and row["confirmed_count"] == 0
    assert "1 ou 2" not in page_text(app.test_client().get(f"/actions/{action}"))
    member = app.test_client()
    confirm_key(app, new_member(member))
    assert come(member, action, people="6", with_key="y").status_code == 303
    assert db.table("actions").get(action)["confirmed_count"] == 6


def test_the_register_says_what_free_keys_cannot_learn(client):
    """The data register carries the threat model, in both languages."""
    assert "Ce qu'une clé faite par n'importe qui ne peut pas apprendre" in page_text(
        client.get("/donnees")).replace("&#39;", "'")
    english = page_text(client.get("/donnees?lang=en"))
    assert "What a key made by anyone cannot learn" in english
    assert "at most a third of an action" in english


def test_the_answer_form_says_what_a_confirmed_key_changes(app):
    """With limited places, the form says an answer without a confirmed key counts at most 2
    people; a confirmed member is told that tying the answer makes it count."""
    action, _, _ = add_action(app, capacity=30)
    form = page_text(app.test_client().get(f"/actions/{action}/je-viens"))
    assert "compte au plus 2 personnes" in form
    member = app.test_client()
    confirm_key(app, new_member(member))
    assert "Votre clé est confirmée" in page_text(member.get(f"/actions/{action}/je-viens"))
