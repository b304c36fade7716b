"""Members in tests: a key made through the member space, confirmed by a volunteer as in
person."""
import re

from association.db import connect

from .core import csrf_token, page_text

KEY_PATTERN = re.compile(r"\b([0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4})\b")


def new_member(client) -> str:
    """Make a member key through the member space; return it (the client is signed in)."""
    response = client.post("/membre/nouvelle-cle",
                           data={"csrf_token": csrf_token(client, "/membre/")},
                           follow_redirects=True)
    assert response.status_code == 200, response.status_code
    return KEY_PATTERN.search(page_text(response))[1]


def confirm_key(app, member, login: str = "accueil") -> int:
    """Confirm a member's key as a volunteer does in person (``keys.confirm``, the step the
    confirmation code leads to; issue 19: only confirmed keys move published figures and open
    members-only actions). ``member``: the key as shown, or the member's id. The volunteer
    ``login`` is made the first time. Return the member's id."""
    from association.members import keys
    from association.volunteers import accounts

    db = connect(app.config["DATABASE"])
    with app.app_context():
        member_id = keys.find(db, member)["id"] if isinstance(member, str) else member
        found = db.execute("select id from volunteers where login = ?", [login]).fetchone()
        volunteer_id = found[0] if found else accounts.create(db, login, "volunteer", [])[0]
        assert keys.confirm(db, member_id, {"id": volunteer_id, "login": login})
    db.close()
    return member_id


def confirmed_member(app) -> int:
    """A new member whose key a volunteer confirmed; return its id (for direct calls)."""
    from association.members import keys

    db = connect(app.config["DATABASE"])
    member_id, _key = keys.create(db)
    db.close()
    confirm_key(app, member_id)
    return member_id
