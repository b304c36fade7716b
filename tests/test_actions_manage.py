"""Volunteers create, change and cancel actions through their forms: clear refusals (end
before start, a start in the past, a capacity below the answers, a time on the night the
clocks change), nothing saved half-way, a checklist from the kind's template."""
import pytest

from association.clock import parse

from actions_support import (JANUARY_2026, action_id_of, come, create_action, form,
                             volunteer_client)
from conftest import csrf_token, page_text


@pytest.fixture
def organiser(app, volunteers):
    """A volunteer's client, signed in."""
    return volunteer_client(app, volunteers)[0]


def test_a_new_action_starts_with_its_kinds_checklist(organiser, db):
    """A general assembly is saved with its description rendered once, and the tasks of its
    kind (room, agenda, quorum, minutes)."""
    response = create_action(organiser)
    assert response.status_code == 303
    action = db.table("actions").get(action_id_of(response))
    assert action["title"] == "Assemblée générale annuelle"
    assert action["description_html"] == "<p>Ordre du jour\u202f: <strong>bilan</strong> et " \
                                          "élections.</p>"
    assert [t["template"] for t in db.table("action_tasks").rows_where(
        "action_id = ?", [action["id"]], order_by="position")] == \
        ["room", "agenda", "quorum", "minutes"]
    page = page_text(organiser.get(response.headers["Location"]))
    assert "Réserver la salle" in page and "Vérifier le quorum" in page
    assert "feuille d'émargement papier" in page and "liste de noms" not in page


def test_a_rally_is_declared_as_the_code_de_la_securite_interieure_says(organiser, db):
    """A rally's checklist says where, when and by whom it is declared in the words of CSI
    L. 211-1 and L. 211-2 (issue 22, A4): the mairie (the préfecture de police in Paris),
    between 15 and 3 jours francs, three organisers of the département, the public highway
    only; never "en préfecture, 3 jours avant"."""
    response = create_action(organiser, kind="rally", title="Rassemblement devant l'agence")
    assert response.status_code == 303
    page = page_text(organiser.get(response.headers["Location"]))
    assert ("Déclarer la manifestation en mairie (à Paris\u00a0: préfecture de police) entre 15 "
            "et 3 jours francs avant, déclaration signée par trois organisateurs domiciliés dans "
            "le département (CSI L. 211-1, L. 211-2) — seulement sur la voie publique") in page
    assert "3 jours avant au plus tard" not in page
    assert "Observateur·rice (legal team)" in page


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"end_time": "13:00"}, "end_time", "La fin doit venir après le début."),
    ({"start_date": "2020-02-13"}, "start_time", "Ce début est déjà passé"),
    ({"title": ""}, "title", "Ce champ est obligatoire."),
    ({"start_time": "25:00"}, "start_time", ""),
    ({"capacity": "2"}, "capacity", "dirait qui a répondu"),
    ({"place_reveal_hours": "1000"}, "place_reveal_hours", "entre 0 et 168"),
    ({"description": "[" * 201}, "description", "plus de 200 «\u202f[\u202f» ou «\u202f<\u202f»"),
    ({"description": "<a " * 201}, "description", "plus de 200 «\u202f[\u202f» ou «\u202f<\u202f»"),
])
def test_bad_input_comes_back_with_a_clear_message(organiser, db, overrides, field, message):
    """Each mistake is named on its field, what was typed comes back, nothing is saved."""
    response = create_action(organiser, **overrides)
    page = page_text(response)
    assert response.status_code == 400
    assert f'id="{field}-error"' in page
    assert message in page
    assert "Assemblée générale annuelle" in page or field == "title"
    assert db.table("actions").count == 0 and db.table("action_tasks").count == 0


@pytest.mark.parametrize("overrides", [
    {"end_date": "0001-01-01", "end_time": "00:00"},
    {"start_date": "0001-01-01", "start_time": "00:05"},
    {"start_date": "9999-12-31", "start_time": "23:59", "end_time": "23:59"},
    {"end_date": "9999-12-31"},
], ids=["end on year 1 at midnight", "start on year 1", "start on the last day", "end on it"])
def test_a_far_date_is_refused_with_its_range(organiser, db, overrides):
    """Issue 19, finding 13: an end date of 0001-01-01 answered 500 (OverflowError in
    timing.resolve: at midnight in Paris, year 1 is before the first moment UTC holds).
    A date outside 1900–2999 is refused on its own field, what was typed comes back."""
    response = create_action(organiser, **overrides)
    page = page_text(response)
    assert response.status_code == 400
    assert "Indiquez une date entre 1900 et 2999." in page
    field = next(name for name in overrides if name.endswith("_date"))
    assert f'id="{field}-error"' in page and f'value="{overrides[field]}"' in \
        response.get_data(as_text=True)
    assert db.table("actions").count == 0


def test_a_far_date_is_refused_in_english_too(organiser):
    """The same refusal in English."""
    organiser.get("/?lang=en")
    response = create_action(organiser, end_date="0001-01-01", end_time="00:00")
    assert response.status_code == 400
    assert "Enter a date between 1900 and 2999." in page_text(response)


def test_an_action_may_not_last_beyond_a_month(organiser, db):
    """An end date weeks later is most likely a typing mistake: it is refused."""
    response = create_action(organiser, end_date="2027-04-13")
    assert response.status_code == 400 and "31 jours au plus" in page_text(response)


def test_english_messages_in_english(organiser):
    """The refusal follows the volunteer's language."""
    organiser.get("/?lang=en")
    page = page_text(create_action(organiser, end_time="13:00"))
    assert "The end must come after the start." in page


@pytest.mark.parametrize(("day", "typed", "words", "other"), [
    ("2026-03-29", "02:30", "n’existe pas le dimanche 29 mars 2026", "3 h 30"),
    ("2026-10-25", "02:30", "existe deux fois le dimanche 25 octobre 2026", "3 h 30"),
])
def test_a_time_on_the_night_the_clocks_change_is_explained(app, volunteers, db, day, typed,
                                                            words, other):
    """02:30 does not exist on 29 March 2026 and happens twice on 25 October 2026: the form
    says so and suggests a time that exists once; the hour next to it is accepted."""
    app.config["CLOCK"].moment = JANUARY_2026
    client, _ = volunteer_client(app, volunteers)
    response = create_action(client, start_date=day, start_time=typed, end_time="05:00")
    page = page_text(response).replace("\u00a0", " ")
    assert response.status_code == 400
    assert words.replace("’", "'") in page.replace("’", "'") and other in page
    assert db.table("actions").count == 0
    assert create_action(client, start_date=day, start_time="03:30",
                         end_time="05:00").status_code == 303


def test_the_end_time_on_that_night_is_checked_too(app, volunteers):
    """An end at 02:15 on 29 March 2026 is refused on the end field."""
    app.config["CLOCK"].moment = JANUARY_2026
    client, _ = volunteer_client(app, volunteers)
    response = create_action(client, start_date="2026-03-28", start_time="22:00",
                             end_date="2026-03-29", end_time="02:15")
    assert response.status_code == 400 and 'id="end_time-error"' in page_text(response)


def _edit(client, action_id, **overrides):
    url = f"/benevoles/actions/{action_id}/modifier"
    return client.post(url, data={"csrf_token": csrf_token(client, url), **form(**overrides)})


def test_a_change_moves_the_sequence_only_when_calendars_see_it(organiser, db):
    """Changing the place bumps the sequence; changing the capacity does not; the UID stays."""
    action_id = action_id_of(create_action(organiser))
    before = db.table("actions").get(action_id)
    assert _edit(organiser, action_id, place="Salle B").status_code == 303
    assert _edit(organiser, action_id, place="Salle B", capacity="50").status_code == 303
    after = db.table("actions").get(action_id)
    assert (after["sequence"], after["uid"], after["capacity"]) == (1, before["uid"], 50)


def test_capacity_below_the_answers_is_refused(app, organiser, db):
    """With four people answered, a capacity of 3 is refused with the number; nothing
    changes."""
    action_id = action_id_of(create_action(organiser))
    visitor = app.test_client()
    assert come(visitor, action_id, people="4").status_code == 303
    response = _edit(organiser, action_id, capacity="3", place="Ailleurs")
    assert response.status_code == 400
    assert "4 personnes ont déjà dit qu’elles viendraient" in page_text(response).replace(
        "'", "’")
    action = db.table("actions").get(action_id)
    assert (action["capacity"], action["place"], action["sequence"]) == \
        (None, "Salle polyvalente, 12 rue des Tilleuls", 0)
    assert _edit(organiser, action_id, capacity="4").status_code == 303


def test_a_started_action_can_still_be_corrected_but_not_moved_into_the_past(app, volunteers,
                                                                            organiser, db, clock):
    """Once it has begun, its text can be fixed; moving its start into the past is refused."""
    action_id = action_id_of(create_action(organiser, start_date="2027-02-13"))
    clock.moment = parse(db.table("actions").get(action_id)["starts_at"])
    client, _ = volunteer_client(app, volunteers, login="correcteur")  # sessions ended meanwhile
    assert _edit(client, action_id, title="AG annuelle").status_code == 303
    response = _edit(client, action_id, start_date="2027-02-12")
    assert response.status_code == 400 and "dans le passé" in page_text(response)


def test_cancelling_goes_through_its_confirmation(app, organiser, db):
    """The confirmation counts the people who answered; once cancelled the page says so,
    answers are refused, and the action can be planned again."""
    action_id = action_id_of(create_action(organiser))
    for _ in range(3):
        come(app.test_client(), action_id)
    url = f"/benevoles/actions/{action_id}/annuler"
    confirmation = page_text(organiser.get(url))
    assert "3 personnes ont dit qu’elles viendraient" in confirmation.replace("'", "’")
    response = organiser.post(url, data={"csrf_token": csrf_token(organiser, url)})
    assert response.status_code == 303
    action = db.table("actions").get(action_id)
    assert (action["status"], action["sequence"]) == ("cancelled", 1)
    visitor = app.test_client()
    assert "Cette action est annulée." in page_text(visitor.get(f"/actions/{action_id}"))
    assert come(visitor, action_id).status_code == 409
    organiser.post(f"/benevoles/actions/{action_id}/retablir",
                   data={"csrf_token": csrf_token(organiser, url)})
    assert db.table("actions").get(action_id)["status"] == "planned"
    assert db.table("audit_log").count_where("object_type = 'action'") == 3


def test_flagged_text_needs_its_box(organiser, db):
    """A title naming someone's health comes back flagged; ticking its box saves it flagged."""
    response = create_action(organiser, title="Soutien à M. X, malade du cancer")
    assert response.status_code == 400 and "<mark" in response.get_data(as_text=True)
    response = create_action(organiser, title="Soutien à M. X, malade du cancer",
                             keep_title="y")
    assert response.status_code == 303
    assert db.table("actions").get(action_id_of(response))["title_flags"] == "health"


def test_markdown_is_sanitised_when_saved(organiser, db):
    """A script in the description never reaches the stored page."""
    response = create_action(organiser, description="Salut <script>alert(1)</script> "
                                                     "[lien](javascript:alert(1))")
    html = db.table("actions").get(action_id_of(response))["description_html"]
    assert "<script" not in html and "javascript:" not in html


def test_editors_do_not_manage_actions(app, volunteers):
    """An editor is refused the volunteers' action pages (the access table says so too)."""
    client, _ = volunteer_client(app, volunteers, role="editor")
    assert client.get("/benevoles/actions/").status_code == 403
    assert client.get("/benevoles/actions/nouvelle").status_code == 403


def test_an_action_that_took_place_cannot_be_cancelled(app, organiser, db):
    """A past action offers no cancellation, and its address refuses with a message."""
    from conftest import add_action

    action_id, _, _ = add_action(app, days=-2)
    assert "Annuler l'action" not in page_text(organiser.get(f"/benevoles/actions/{action_id}"))
    response = organiser.get(f"/benevoles/actions/{action_id}/annuler", follow_redirects=True)
    assert "elle ne peut plus être annulée" in page_text(response)
    assert db.table("actions").get(action_id)["status"] == "planned"


def test_the_hidden_places_delay_is_chosen_in_words(organiser, db):
    """The delay before a hidden place is given is chosen in words ("la veille", "6 heures
    avant"), not typed as a number of hours; an action saved with one shows it chosen
    (issue 21)."""
    page = page_text(organiser.get("/benevoles/actions/nouvelle"))
    field = page[page.index('name="place_reveal_hours"'):]
    field = field[:field.index("</select>")]
    assert "la veille" in field and "6 heures avant" in field and "au début" in field
    response = create_action(organiser, place_reveal_hours="24")
    assert response.status_code == 303
    assert db.table("actions").get(action_id_of(response))["place_reveal_hours"] == 24
    edit = page_text(organiser.get(response.headers["Location"] + "/modifier"))
    assert '<option selected value="24">' in edit or '<option value="24" selected>' in edit
    assert "le matin même" in field
    morning = create_action(organiser, start_time="18:30", end_time="20:00",
                            place_reveal_hours="morning")
    assert morning.status_code == 303
    assert db.table("actions").get(action_id_of(morning))["place_reveal_hours"] == 10
    overview = page_text(organiser.get(morning.headers["Location"]))
    assert "13 février 2027 à 8\u00a0h\u00a030" in overview  # 8:30, the morning of the day


def test_a_french_title_is_typeset(organiser, db):
    """A title written in French gets its no-break spaces before ":" and "!" and inside
    « », as the description does, on its page and in the agenda (issue 21)."""
    response = create_action(organiser, title="Loyers : « non » à la hausse !")
    assert response.status_code == 303
    typeset = "Loyers\u00a0: «\u202fnon\u202f» à la hausse\u202f!"
    assert db.table("actions").get(action_id_of(response))["title"] == typeset
    assert typeset in page_text(organiser.get(response.headers["Location"]))
