"""The agenda as each visitor sees it (public, members with a key, volunteers), its archive,
the home page's section (through the generic ``home_sections`` hook), the demo content and
what a communiqué about a past action starts from."""
import re
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from actions_support import come, volunteer_client
from association import CAPABILITIES, demo
from association.actions import communique_draft
from association.capability import Capability, HomeSection, Lends
from conftest import Clock, add_action, confirm_key, make_app, new_member, page_text


def test_each_visitor_sees_the_actions_meant_for_them(app, volunteers):
    """Public actions for everyone, members' actions with a confirmed key (a free key is
    told how to have it confirmed), volunteers' actions for volunteers; a cancelled one
    stays listed, marked."""
    add_action(app, title="Réunion publique")
    add_action(app, title="Délégation des adhérents", visibility="members")
    add_action(app, title="Réunion des bénévoles", visibility="volunteers")
    cancelled, _, _ = add_action(app, title="Rassemblement reporté")
    from association.db import connect

    db = connect(app.config["DATABASE"])
    db.table("actions").update(cancelled, {"status": "cancelled"})
    db.close()
    anonymous = page_text(app.test_client().get("/actions/"))
    assert "Réunion publique" in anonymous and "Délégation" not in anonymous \
        and "Réunion des bénévoles" not in anonymous
    assert re.search(r"Rassemblement reporté.*?Annulée", anonymous, re.S)
    member = app.test_client()
    key = new_member(member)
    unconfirmed = page_text(member.get("/actions/"))
    assert "Délégation" not in unconfirmed and "Comment confirmer ma clé" in unconfirmed
    confirm_key(app, key)
    seen = page_text(member.get("/actions/"))
    assert "Délégation des adhérents" in seen and "réservée aux adhérents" in seen
    assert "Réunion des bénévoles" not in seen
    volunteer, _ = volunteer_client(app, volunteers)
    assert "Réunion des bénévoles" in page_text(volunteer.get("/actions/"))


def test_the_archive_lists_past_actions_by_page(app, db, clock):
    """Past actions move to the archive, latest first, twenty a page; a page number out of
    range or malformed gives a page, never an error."""
    for number in range(22):
        add_action(app, days=-(number + 1), title=f"Action passée {number:02d}")
    page_one = page_text(app.test_client().get("/actions/?periode=passees"))
    assert page_one.index("Action passée 00") < page_one.index("Action passée 01")
    assert "Action passée 21" not in page_one and "Plus anciennes" in page_one
    assert "Action passée 21" in page_text(app.test_client().get(
        "/actions/?periode=passees&page=2"))
    for page in ("0", "-3", "x", "99999999999999"):
        assert app.test_client().get(f"/actions/?periode=passees&page={page}").status_code == 200
    assert "Action passée" not in page_text(app.test_client().get("/actions/"))


def test_the_agenda_is_private_for_someone_who_answered(app):
    """Shared caches may keep the agenda, except the one drawn for a browser holding an
    answer (it says "You are coming")."""
    action, _, _ = add_action(app)
    visitor = app.test_client()
    assert visitor.get("/actions/").headers["Cache-Control"].startswith("public")
    come(visitor, action)
    response = visitor.get("/actions/")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Vous venez" in page_text(response)


def test_the_home_page_shows_the_next_public_actions(app):
    """The home page lists the coming public actions, not members' nor cancelled ones, and
    says nothing of actions while none is planned."""
    client = app.test_client()
    assert "Prochaines actions" not in page_text(client.get("/"))
    add_action(app, title="Réunion sur les charges")
    add_action(app, title="Délégation discrète", visibility="members")
    home = page_text(client.get("/"))
    assert "Réunion sur les charges" in home and "Délégation discrète" not in home
    assert "Tout l'agenda" in home


def test_home_sections_are_collected_from_any_capability(tmp_path):
    """A capability declaring a home section is drawn on the home page with its context;
    one whose context is None draws nothing (the hook the home page reads, nothing named)."""
    template = Path(__file__).resolve().parent.parent / "templates/public/_scratch_home.html"
    template.write_text("<section><h2>Scratch</h2><p>n = {{ section.n }}</p></section>")
    try:
        scratch = Capability(name="scratch-home", lends=Lends(home_sections=(
            HomeSection("public/_scratch_home.html", lambda db: {"n": 42}),
            HomeSection("public/_scratch_home.html", lambda db: None))))
        app = make_app(tmp_path / "instance", CAPABILITIES=CAPABILITIES + (scratch,))
        app.config["CLOCK"] = Clock()
        home = app.test_client().get("/").get_data(as_text=True)
    finally:
        template.unlink()
    assert home.count("<h2>Scratch</h2>") == 1 and "n = 42" in home


def test_the_demo_has_what_the_issue_asks_for(app, db, runner):
    """Coming public actions, one members' action with a hidden place, one past action;
    loading twice adds nothing; ``demo --remove`` takes them all, tasks included."""
    with app.app_context():
        demo.load(db)
        demo.load(db)
    rows = list(db.table("actions").rows)
    now = app.config["CLOCK"]().isoformat()
    coming_public = [r for r in rows if r["visibility"] == "public" and r["starts_at"] > now]
    hidden = [r for r in rows if r["visibility"] == "members" and r["place_reveal_hours"]]
    past = [r for r in rows if r["ends_at"] < now]
    assert len(coming_public) >= 2 and len(hidden) == 1 and len(past) == 1
    assert all(r["is_demo"] for r in rows)
    assert db.table("action_tasks").count > 0
    result = runner.invoke(args=["demo", "--remove"])
    assert result.exit_code == 0
    assert db.table("actions").count == 0 and db.table("action_tasks").count == 0


def test_demo_actions_pass_their_own_form(app, db, volunteers):
    """Each demo action's form, sent back unchanged, is accepted (past one included)."""
    from test_first_hour import _form_values

    with app.app_context():
        demo.load(db)
    client, _ = volunteer_client(app, volunteers)
    for row in db.table("actions").rows:
        url = f"/benevoles/actions/{row['id']}/modifier"
        page = client.get(url).get_data(as_text=True)
        form = re.search(r'<form method="post" novalidate>(.*?)</form>', page, re.S)[1]
        response = client.post(url, data=_form_values(form))
        assert response.status_code == 303, (url, page_text(response)[-1500:])
        assert db.table("actions").get(row["id"])["sequence"] == 0  # nothing changed


def test_a_communique_draft_starts_from_a_past_action(app, db, clock):
    """Title, date and place come prefilled for an action that took place; a hidden place is
    left out; nothing is offered for an action still to come."""
    shown, _, _ = add_action(app, days=-3, title="Rassemblement devant l'agence",
                             place="1 place de l'Exemple")
    hidden, _, _ = add_action(app, days=-2, place="Le siège", place_reveal_hours=12)
    coming, _, _ = add_action(app, days=3)
    with app.app_context():
        draft = communique_draft(db, shown)
        assert (draft["title"], draft["place"]) == ("Rassemblement devant l'agence",
                                                    "1 place de l'Exemple")
        assert draft["date"] == (clock() - timedelta(days=3)).astimezone(
            ZoneInfo("Europe/Paris")).date().isoformat()
        assert communique_draft(db, hidden)["place"] is None
        assert communique_draft(db, coming) is None


def test_an_editor_starts_a_communique_from_a_past_action(app, volunteers):
    """The volunteers' page of a past action links an administrator to a communiqué draft
    with its title and opening filled in; an editor finds the action offered on the "Write a
    communiqué" page; a volunteer who writes none is told who can; nonsense starts blank."""
    past, _, _ = add_action(app, days=-3, title="Rassemblement devant l'agence",
                            place="1 place de l'Exemple")
    add_action(app, days=3, title="Assemblée à venir")
    admin, _ = volunteer_client(app, volunteers, role="admin")
    overview = page_text(admin.get(f"/benevoles/actions/{past}"))
    link = f"/benevoles/communiques/nouveau?depuis=action:{past}"
    assert link.replace(":", "%3A") in overview or link in overview
    draft = page_text(admin.get(link))
    assert re.search(r'name="title"[^>]*value="Rassemblement devant l.agence"', draft)
    assert re.search(r"1 place de l.Exemple\.", draft)
    editor, _ = volunteer_client(app, volunteers, role="editor")
    offered = page_text(editor.get("/benevoles/communiques/nouveau"))
    assert f'value="action:{past}"' in offered and "Assemblée à venir" not in offered
    for nonsense in ("action:999999", "action:x", "rien:1", "action:" + "9" * 40, ":"):
        response = editor.get(f"/benevoles/communiques/nouveau?depuis={nonsense}")
        assert response.status_code == 200
        assert 'value="Rassemblement' not in page_text(response)
    volunteer, _ = volunteer_client(app, volunteers)
    assert "Un rédacteur peut" in page_text(volunteer.get(f"/benevoles/actions/{past}"))


@pytest.mark.parametrize("path", ["/actions/999", "/actions/999.ics"])
def test_an_unknown_action_is_a_clear_404(client, path):
    """An unknown action answers 404, saying members' actions need the key."""
    response = client.get(path)
    assert response.status_code == 404 and "clé personnelle" in page_text(response)
