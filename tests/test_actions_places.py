"""A hidden place: given neither in the page nor in a calendar file to anyone who has not
answered, and to those who answered only from N hours before the start."""

import pytest

from actions_support import come
from conftest import add_action, page_text

PLACE = "Hall du siège, 5 avenue de l'Exemple"


@pytest.fixture
def hidden(app):
    """A public action in ten days whose place is given 12 hours before; (id, token of the
    answer made with it)."""
    action, _, token = add_action(app, kind="occupation", title="Occupation du siège",
                                  place=PLACE, place_reveal_hours=12)
    return action, token


def _sees_place(client, action) -> tuple[bool, bool]:
    """Whether the place is in the action's page, and in its calendar file."""
    page = page_text(client.get(f"/actions/{action}"))
    ics = client.get(f"/actions/{action}.ics").data.decode().replace("\r\n ", "")
    return "5 avenue de l" in page, "5 avenue de l" in ics.replace("\\,", ",")


def test_nobody_sees_it_before_the_reveal(app, hidden, clock):
    """Before the reveal, neither a visitor nor someone who answered sees it anywhere, nor in
    the agenda or its feed; the page says when it will be given."""
    action, _ = hidden
    visitor, participant = app.test_client(), app.test_client()
    come(participant, action)
    assert _sees_place(visitor, action) == (False, False)
    assert _sees_place(participant, action) == (False, False)
    assert "Le lieu sera donné le" in page_text(visitor.get(f"/actions/{action}"))
    for url in ("/actions/", "/", "/actions/agenda.ics"):
        assert "5 avenue de l" not in page_text(visitor.get(url)).replace("\\,", ",")


def test_after_the_reveal_only_those_who_answered_see_it(app, hidden, clock):
    """Twelve hours before the start, the participant's page and file give the place, marked
    private to caches; a visitor's do not, and the subscribed agenda never does."""
    action, _ = hidden
    visitor, participant = app.test_client(), app.test_client()
    come(participant, action)
    clock.advance(days=9, hours=12, minutes=5)
    assert _sees_place(visitor, action) == (False, False)
    assert "Le lieu n'est donné qu'aux personnes qui ont répondu" in page_text(
        visitor.get(f"/actions/{action}")).replace("\u2019", "'")
    assert _sees_place(participant, action) == (True, True)
    assert participant.get(f"/actions/{action}.ics").headers["Cache-Control"] == \
        "private, no-store"
    assert "5 avenue de l" not in participant.get("/actions/agenda.ics").data.decode()


def test_the_link_opens_the_place_on_another_device(app, hidden, clock):
    """The answer's link, opened on a phone after the reveal, shows the place there."""
    action, token = hidden
    clock.advance(days=9, hours=13)
    phone = app.test_client()
    assert _sees_place(phone, action) == (False, False)
    phone.get(f"/actions/{action}/reponse/{token}")
    assert _sees_place(phone, action) == (True, True)


def test_volunteers_see_it_in_their_area_only(app, volunteers, hidden):
    """Organisers see the place on the action's volunteer page; the public page follows the
    rule for them too."""
    from actions_support import volunteer_client

    organiser, _ = volunteer_client(app, volunteers)
    action, _ = hidden
    assert PLACE in page_text(organiser.get(f"/benevoles/actions/{action}"))
    assert PLACE not in page_text(organiser.get(f"/actions/{action}"))


def test_a_members_action_stays_unseen_by_others(app, clock):
    """A members' action with a hidden place: 404 for a visitor, page and file alike; the
    agenda does not list it."""
    action, _, _ = add_action(app, title="Délégation secrète", visibility="members",
                              place=PLACE, place_reveal_hours=24)
    visitor = app.test_client()
    assert visitor.get(f"/actions/{action}").status_code == 404
    assert visitor.get(f"/actions/{action}.ics").status_code == 404
    assert "Délégation secrète" not in page_text(visitor.get("/actions/"))
    clock.advance(days=9, hours=1)
    assert "5 avenue" not in page_text(visitor.get(f"/actions/{action}"))
