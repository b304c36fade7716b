"""Writing communiqués, bad input: a rejected form comes back (400) with what was typed and
a specific reason; nothing is saved half-way; the preview works without JavaScript."""
import pytest

from association.db import connect
from conftest import csrf_token, page_text

NEW = "/benevoles/communiques/nouveau"


@pytest.fixture
def editor(app, volunteers):
    """A signed-in editor's client."""
    account = volunteers.create("plume", "editor")
    client = app.test_client()
    volunteers.login(client, account)
    return client


def write(client, **fields):
    """POST the draft form with its token."""
    data = {"csrf_token": csrf_token(client, NEW), "lang": "fr", "original_id": "0",
            "title": "Titre", "body": "Texte.", "submit": "1", **fields}
    return client.post(NEW, data=data)


def saved(app) -> int:
    """How many communiqués are stored."""
    db = connect(app.config["DATABASE"])
    count = db.table("communiques").count
    db.close()
    return count


def test_a_megabyte_gets_a_clear_limit_message(app, editor):
    """A 1 MB text is refused with the limit and its length, in French; nothing is saved."""
    response = write(editor, body="Loyers. " * 131_072)
    assert response.status_code == 400
    text = page_text(response)
    assert "Ce texte est trop long\u00a0: 100\u202f000 caractères au plus, et il en a " \
           "1\u202f048\u202f576." in text
    assert saved(app) == 0


def test_thousands_of_brackets_are_refused_quickly(app, editor):
    """Markup that would make the renderer crawl is refused with the reason."""
    response = write(editor, body="[" * 20_000)
    assert response.status_code == 400
    assert "trop de balises pour être affiché sans risque" in page_text(response)
    assert saved(app) == 0


def test_missing_title_keeps_what_was_typed(app, editor):
    """An empty title is refused; the text typed comes back untouched."""
    response = write(editor, title="", body="Mon texte *important* & précis.")
    assert response.status_code == 400
    text = page_text(response)
    assert "Ce champ est obligatoire." in text
    assert "Mon texte *important* & précis.</textarea>" in text
    assert saved(app) == 0


def test_sensitive_words_must_be_rewritten_or_kept_knowingly(app, editor):
    """The screen flags a tenant's health; the editor rewrites or ticks "keep it as
    written", and the categories are stored with the text."""
    body = "La locataire du 3e est alcoolique."
    response = write(editor, body=body)
    assert response.status_code == 400
    text = page_text(response)
    assert "À lire avant d'enregistrer" in text and "<mark" in text
    assert saved(app) == 0
    assert write(editor, body=body, keep_body="y").status_code == 302
    db = connect(app.config["DATABASE"])
    assert db.execute("select body_flags from communique_revisions").fetchone()[0]
    db.close()


def test_an_english_text_is_screened_in_english(app, editor):
    """The screen reads the text in its own language, whatever the page's."""
    response = write(editor, lang="en", title="Our demands",
                     body="The tenant on the 3rd floor is an alcoholic.")
    assert response.status_code == 400
    assert "<mark" in page_text(response)


def test_too_many_cosignatories(app, editor):
    """Twenty organisations at most, each a name of reasonable length."""
    response = write(editor, cosignatories="\n".join(f"Collectif {n}" for n in range(21)))
    assert response.status_code == 400
    assert "20 organisations au plus." in page_text(response)
    response = write(editor, cosignatories="x" * 151)
    assert "150 caractères au plus" in page_text(response)


def test_a_translation_must_be_in_the_other_language(app, editor):
    """A French text cannot be the translation of a French original."""
    write(editor, title="Original")
    db = connect(app.config["DATABASE"])
    original = db.execute("select id from communiques").fetchone()[0]
    db.close()
    response = write(editor, title="Copie", original_id=str(original))
    assert response.status_code == 400
    assert "dans une autre langue que son original" in page_text(response)
    assert write(editor, lang="en", title="Copy", original_id=str(original)).status_code == 302


def test_preview_without_javascript(app, editor):
    """The Preview button shows the text as readers will see it, saves nothing, and keeps
    the form as typed."""
    response = editor.post(NEW, data={
        "csrf_token": csrf_token(editor, NEW), "lang": "fr", "original_id": "0",
        "title": "Essai", "body": "## Titre\n\nOui : **gras** !", "preview": "1"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    section = html[html.index('<section class="preview"'):html.index("preview-title")]
    assert " hidden" not in section
    assert "<h2>Titre</h2>" in html and "<strong>gras</strong>\u202f!" in html
    assert "## Titre" in html  # the source stays in the form
    assert saved(app) == 0


def test_the_live_preview_answers_a_fragment(app, editor):
    """The script's preview is the same sanitised rendering, and refuses what the form
    refuses."""
    token = csrf_token(editor, NEW)
    response = editor.post("/benevoles/communiques/apercu", data={
        "csrf_token": token, "body": "Texte <script>alert(1)</script> *fin*", "lang": "fr"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<script" not in body and "<em>fin</em>" in body
    response = editor.post("/benevoles/communiques/apercu",
                           data={"csrf_token": token, "body": "[" * 5000})
    assert response.status_code == 400


def test_post_without_token_is_refused(app, editor):
    """CSRF: a form without its token saves nothing."""
    response = editor.post(NEW, data={"lang": "fr", "title": "x", "body": "y", "submit": "1"})
    assert response.status_code == 400
    assert saved(app) == 0
