"""What the actions' tests share: a volunteer's client, the action form as a browser sends
it, answers "I'll come" through the page, and a fixed time for the daylight-saving days."""
import re
from datetime import datetime, timezone

from conftest import csrf_token, page_text

# Before the two daylight-saving days of 2026, so that both are in the future.
JANUARY_2026 = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


def volunteer_client(app, volunteers, role="volunteer", login=None):
    """A client signed in as a new volunteer account of ``role``; returns (client, account)."""
    account = volunteers.create(login or f"{role}-actions", role)
    client = app.test_client()
    assert volunteers.login(client, account).status_code == 302
    return client, account


def form(**overrides) -> dict:
    """The action form as a volunteer fills it (a public general assembly)."""
    data = {"kind": "general_assembly", "title": "Assemblée générale annuelle",
            "start_date": "2027-02-13", "start_time": "14:00", "end_date": "",
            "end_time": "17:00", "place": "Salle polyvalente, 12 rue des Tilleuls",
            "place_reveal_hours": "", "description": "Ordre du jour : **bilan** et élections.",
            "visibility": "public", "capacity": "", "submit": "Enregistrer"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def create_action(client, **overrides):
    """Send the new-action form; return the response (303 to the action when saved)."""
    data = {"csrf_token": csrf_token(client, "/benevoles/actions/nouvelle"), **form(**overrides)}
    return client.post("/benevoles/actions/nouvelle", data=data)


def action_id_of(response) -> int:
    """The id of the action a volunteer's form was redirected to."""
    return int(re.search(r"/benevoles/actions/(\d+)", response.headers["Location"])[1])


def come(client, action_id, **data):
    """Answer "I'll come" through the action's page; return the response (not followed)."""
    token = csrf_token(client, "/membre/")  # any page with a form: the action's may have none
    return client.post(f"/actions/{action_id}/je-viens", data={"csrf_token": token, **data})


CANCEL_LINK = re.compile(r"https?://[^\s<\"]+/actions/(\d+)/reponse/([A-Za-z0-9_-]+)")


def cancel_link(client, action_id) -> str | None:
    """The cancel link the action's page shows once, if any."""
    found = CANCEL_LINK.search(page_text(client.get(f"/actions/{action_id}")))
    return found[0] if found else None
