"""Screened free text in a form: flagged words come back highlighted, with the choice to
rewrite or keep as written; nothing is saved until then."""
import html

import pytest
from flask import render_template_string
from wtforms import BooleanField, TextAreaField

from association.forms import Form, Screened, highlight
from association.privacy import Flags, find_sensitive
from conftest import Clock, Volunteers, csrf_token, make_app

PAGE = """{% from "_macros.html" import screened %}<form method="post">{{ csrf_field() }}
{{ screened(form.text, form.keep_as_written) }}</form>"""


class NoteForm(Form):
    """A form with one screened free-text field, as capabilities will declare them."""

    text = TextAreaField("Texte", validators=[Screened()])
    keep_as_written = BooleanField("Garder tel quel : je confirme")


@pytest.fixture
def note_app(tmp_path):
    """The app with one scratch route saving a screened note (text and flagged categories)."""
    app = make_app(tmp_path / "instance")
    saved = []

    @app.route("/_note", methods=["GET", "POST"])
    def note():
        form = NoteForm()
        if form.validate_on_submit():
            saved.append((form.text.data, Flags.found_in(form.text)))
            return "saved"
        return render_template_string(PAGE, form=form), 400 if form.errors else 200

    app.saved = saved
    return app


def post(client, **data):
    """Send the note form with a valid token."""
    return client.post("/_note", data={"csrf_token": csrf_token(client, "/_note"), **data})


def test_plain_grievance_is_saved_unflagged(note_app):
    """An ordinary grievance goes straight through."""
    client = note_app.test_client()
    assert post(client, text="Fuite d'eau sous l'évier depuis lundi").get_data() == b"saved"
    assert note_app.saved == [("Fuite d'eau sous l'évier depuis lundi", set())]


def test_flagged_text_comes_back_highlighted_and_unsaved(note_app):
    """Sensitive words are marked with their category and why; the text typed is kept."""
    client = note_app.test_client()
    response = post(client, text="Le voisin est alcoolique et sous chimio")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert '<mark title="un jugement sur une personne">alcoolique</mark>' in page
    assert '<mark title="santé">chimio</mark>' in page
    assert "Le voisin est alcoolique et sous chimio</textarea>" in page
    assert "peut être lu par le locataire concerné" in page
    assert note_app.saved == []


def test_confirmed_text_is_saved_flagged(note_app):
    """Ticking the box keeps the text as written, stored with its categories."""
    client = note_app.test_client()
    post(client, text="Le voisin est alcoolique")
    assert post(client, text="Le voisin est alcoolique", keep_as_written="y").get_data() == b"saved"
    assert note_app.saved == [("Le voisin est alcoolique", {"judgement"})]


def test_english_interface_explains_in_english(note_app):
    """The warning follows the visitor's language."""
    client = note_app.test_client()
    client.get("/?lang=en")
    page = html.unescape(post(client, text="He is a drunk").get_data(as_text=True))
    assert "a judgement about a person" in page and "Rewrite it" in page


def test_highlight_escapes_the_rest_of_the_text():
    """What surrounds a flagged word is escaped: no markup can be injected."""
    text = "<script>x</script> il est alcoolique"
    marked = str(highlight(text, find_sensitive(text)))
    assert "&lt;script&gt;" in marked and "<script>" not in marked
    assert "<mark" in marked


MASKED_PAGE = """{% from "_macros.html" import masked %}{{ masked(text, flags, form, "/_reveal",
revealed=revealed) }}"""


@pytest.fixture
def reveal_app(tmp_path):
    """The app with one scratch route showing a member's flagged note, masked until revealed."""
    from association import privacy
    from association.db import get_db
    from association.forms import RevealForm
    from flask import request
    from flask_login import current_user

    app = make_app(tmp_path / "instance")
    app.config["CLOCK"] = Clock()

    @app.route("/_reveal", methods=["GET", "POST"])
    def reveal():
        form = RevealForm()
        revealed = False
        if request.method == "POST":
            try:
                privacy.reveal(get_db(), current_user, "note", 1, member_id=42,
                               reason=form.reason.data if form.validate() else None)
                revealed = True
            except privacy.RevealRefused:
                pass
        return render_template_string(MASKED_PAGE, text="Il est sous chimio", flags="health",
                                      form=form, revealed=revealed), 200 if revealed or \
            request.method == "GET" else 400

    return app


def test_flagged_text_is_masked_until_revealed_with_a_reason(reveal_app, db_of):
    """Masked at first; a reveal without a reason is refused; with one, shown and logged."""
    volunteers = Volunteers(reveal_app)
    account = volunteers.create("rita", "volunteer")
    client = reveal_app.test_client()
    volunteers.login(client, account)
    page = html.unescape(client.get("/_reveal").get_data(as_text=True))
    assert "chimio" not in page and "Texte masqué\u00a0: il mentionne santé." in page
    refused = client.post("/_reveal", data={"csrf_token": csrf_token(client, "/_reveal"),
                                            "reason": ""})
    assert refused.status_code == 400
    assert "chimio" not in refused.get_data(as_text=True)
    assert "Dites pourquoi" in html.unescape(refused.get_data(as_text=True))
    shown = client.post("/_reveal", data={"csrf_token": csrf_token(client, "/_reveal"),
                                          "reason": "handle"})
    assert "Il est sous chimio" in shown.get_data(as_text=True)
    db = db_of(reveal_app)
    entries = list(db.query("select * from audit_log where action = 'reveal'"))
    assert [(e["volunteer_login"], e["member_id"], e["reason"]) for e in entries] == [
        ("rita", 42, "handle")]


def test_reveal_needs_a_listed_reason(app, db):
    """The log accepts only reasons from the closed list."""
    from association import privacy

    with app.app_context():
        for reason in (None, "", "curiosity"):
            with pytest.raises(privacy.RevealRefused):
                privacy.reveal(db, None, "note", 1, 42, reason)
    assert db.table("audit_log").count == 0


def test_flags_are_stored_one_way_and_read_back():
    """Every screened column's ``_flags`` value is written by ``Flags.format`` and read by
    ``Flags.parse``: sorted, once each, nothing when nothing was found, unknown names
    dropped; the labels come in a stable order."""
    assert Flags(["judgement", "health", "health"]).format() == "health,judgement"
    assert Flags([]).format() is None and Flags(None).format() is None
    assert Flags.parse(Flags(["origin", "health"]).format()) == {"health", "origin"}
    assert Flags.parse("health,nonsense,") == {"health"} and not Flags.parse(None)
    assert Flags.of(find_sensitive("Il est alcoolique et sous chimio", "fr")) == {
        "health", "judgement"}
    assert [str(label) for label in Flags(["judgement", "health"]).labels()] == [
        "health", "a judgement about a person"]
