"""Volunteers' checklists: tasks taken under a pseudonym and ticked off, tasks added (screened)
or removed after a confirmation, and the daily job that puts tomorrow's tasks on the
volunteers' dashboards."""
from datetime import timedelta

import pytest

from actions_support import volunteer_client
from association.actions import reminders
from association.actions.timing import local
from conftest import add_action, csrf_token, page_text


@pytest.fixture
def team(app, volunteers):
    """Two volunteers' clients, signed in: (client of "alix", client of "bastien")."""
    return (volunteer_client(app, volunteers, login="alix")[0],
            volunteer_client(app, volunteers, login="bastien")[0])


def _press(client, url):
    return client.post(url, data={"csrf_token": csrf_token(client, "/benevoles/")})


def test_a_task_is_taken_under_a_pseudonym_and_ticked_off(app, team, db):
    """Alix takes the first task; Bastien cannot take it too and sees Alix's pseudonym;
    Alix ticks it off and the list counts it done."""
    alix, bastien = team
    action, task, _ = add_action(app)
    base = f"/benevoles/actions/{action}/taches/{task}"
    assert _press(alix, f"{base}/prendre").status_code == 302
    assert "La tâche est pour vous." in page_text(alix.get(f"/benevoles/actions/{action}"))
    _press(bastien, f"{base}/prendre")
    page = page_text(bastien.get(f"/benevoles/actions/{action}"))
    assert "Quelqu'un d'autre a pris cette tâche entre-temps." in page
    assert "Réserver la salle — prise par alix" in " ".join(page.split())
    _press(alix, f"{base}/faite")
    assert db.table("action_tasks").get(task)["done_at"] is not None
    assert "1 / 4" in page_text(alix.get("/benevoles/actions/"))
    assert db.table("audit_log").count_where("object_type = 'action_task'") == 2


def test_giving_a_task_back_frees_it(app, team, db):
    """"Give it back" clears the pseudonym: anyone may take the task again."""
    alix, _ = team
    action, task, _ = add_action(app)
    _press(alix, f"/benevoles/actions/{action}/taches/{task}/prendre")
    _press(alix, f"/benevoles/actions/{action}/taches/{task}/lacher")
    row = db.table("action_tasks").get(task)
    assert (row["assignee_id"], row["assignee_login"]) == (None, None)


def test_a_task_written_by_hand_is_screened(app, team, db):
    """A task naming a neighbour's illness comes back flagged; kept as written, it is stored
    with its flags; an ordinary one goes straight in."""
    alix, _ = team
    action, _, _ = add_action(app)
    url = f"/benevoles/actions/{action}/taches"
    token = csrf_token(alix, f"/benevoles/actions/{action}")
    refused = alix.post(url, data={"csrf_token": token, "label": "Appeler la voisine dépressive"})
    assert refused.status_code == 400 and "<mark" in refused.get_data(as_text=True)
    alix.post(url, data={"csrf_token": token, "label": "Appeler la voisine dépressive",
                         "keep_label": "y"})
    alix.post(url, data={"csrf_token": token, "label": "Apporter des chaises"})
    rows = list(db.query("select label, label_flags from action_tasks where label is not null "
                         "order by position"))
    assert rows == [{"label": "Appeler la voisine dépressive", "label_flags": "health"},
                    {"label": "Apporter des chaises", "label_flags": None}]


def test_removing_a_task_goes_through_its_confirmation(app, team, db):
    """The confirmation says how many tasks will remain; a task someone holds stays."""
    alix, _ = team
    action, task, _ = add_action(app)
    url = f"/benevoles/actions/{action}/taches/{task}/retirer"
    assert "La liste comptera 3 tâches." in page_text(alix.get(url))
    assert _press(alix, url).status_code == 303
    assert db.table("action_tasks").count_where("action_id = ?", [action]) == 3
    other = db.execute("select min(id) from action_tasks where action_id = ?",
                       [action]).fetchone()[0]
    _press(alix, f"/benevoles/actions/{action}/taches/{other}/prendre")
    _press(alix, f"/benevoles/actions/{action}/taches/{other}/retirer")
    assert db.table("action_tasks").count_where("action_id = ?", [action]) == 3


def test_the_day_before_each_volunteer_sees_their_tasks(app, team, db, clock):
    """The daily job puts Alix's task on Alix's dashboard (once); Bastien is told which
    tasks nobody took; a task done gets no reminder."""
    alix, bastien = team
    action, task, _ = add_action(app, days=1, title="AG <b>importante</b>")
    _press(alix, f"/benevoles/actions/{action}/taches/{task}/prendre")
    with app.app_context():
        today = local(db.table("actions").get(action)["starts_at"]).date() - timedelta(days=1)
        assert reminders.remind(db, today) == {"tasks": 1, "messages": 0}
        assert reminders.remind(db, today) == {"tasks": 0, "messages": 0}
    mine = alix.get("/benevoles/").get_data(as_text=True)
    assert "Rappel\u00a0: «\u202fRéserver la salle\u202f» pour «\u202fAG &lt;b&gt;importante" \
           "&lt;/b&gt;\u202f»" in mine
    theirs = page_text(bastien.get("/benevoles/"))
    assert "Réserver la salle" not in theirs
    assert "3 tâches de «\u202fAG <b>importante</b>\u202f»" in theirs
    _press(alix, f"/benevoles/actions/{action}/taches/{task}/faite")
    assert "Réserver la salle" not in page_text(alix.get("/benevoles/"))


def test_editors_get_no_task_notices(app, volunteers, db):
    """Editors do not run actions: their dashboard says nothing about checklists."""
    add_action(app, days=2)
    editor, _ = volunteer_client(app, volunteers, role="editor")
    assert "n'ont été prises par personne" not in page_text(editor.get("/benevoles/"))
