"""Embeds: a capability lends a box to communiqués (``Capability.embeds``), drawn on the
stored HTML with the page, never stored in it. Shown here with a scratch capability standing
for the joint-requests one, which will declare ``[[campagne:slug]]``."""
import pytest
from markupsafe import Markup

from association import CAPABILITIES
from association.capability import Capability, Lends
from association.communiques import embeds
from conftest import Clock, Volunteers, csrf_token, make_app, page_text, publish_communique

FIGURES = {"loyers-2026": 12}


def campaign_box(db, argument):
    """The scratch campaign's live figure, or None for an unknown campaign."""
    if argument not in FIGURES:
        return None
    return Markup("<p>Demandes envoyées : <strong>{}</strong></p>").format(FIGURES[argument])


SCRATCH = Capability(name="scratch-campaigns", lends=Lends(embeds={"campagne": campaign_box}))


@pytest.fixture
def embedding_app(tmp_path):
    """An app with the scratch capability, keeping public pages for no time at all."""
    app = make_app(tmp_path / "instance", CAPABILITIES=CAPABILITIES + (SCRATCH,),
                   PUBLIC_CACHE_SECONDS=0)
    app.config["CLOCK"] = Clock()
    FIGURES["loyers-2026"] = 12
    return app


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_shortcode_paragraph_becomes_the_box(embedding_app, lang):
    """Alone in its paragraph, the shortcode is replaced by the capability's box, in both
    languages (French typography puts a narrow space before the colon)."""
    body = "Où en sommes-nous ?\n\n[[campagne:loyers-2026]]\n\nMerci."
    _, slug = publish_communique(embedding_app, body=body, lang=lang)
    html = embedding_app.test_client().get(f"/communiques/{slug}").get_data(as_text=True)
    assert '<div class="embed embed-campagne"><p>Demandes envoyées : <strong>12</strong>' in html
    assert "[[campagne" not in html


def test_the_box_stays_live_and_out_of_the_stored_html(embedding_app):
    """The stored HTML keeps the shortcode; the page shows the figure of the moment."""
    communique_id, slug = publish_communique(embedding_app, body="[[campagne:loyers-2026]]")
    client = embedding_app.test_client()
    assert "<strong>12</strong>" in client.get(f"/communiques/{slug}").get_data(as_text=True)
    FIGURES["loyers-2026"] = 40
    assert "<strong>40</strong>" in client.get(f"/communiques/{slug}").get_data(as_text=True)
    from association.db import connect

    db = connect(embedding_app.config["DATABASE"])
    stored = db.execute("select html from communiques where id = ?", [communique_id]).fetchone()[0]
    db.close()
    assert "[[campagne" in stored and "<strong>" not in stored


def test_unknown_boxes_are_left_out_for_readers_and_named_for_editors(embedding_app):
    """An unknown campaign or kind draws nothing on the public page; the editors' preview
    says which box is missing."""
    body = "Avant.\n\n[[campagne:inconnue]]\n\n[[petition:x]]\n\nAprès."
    _, slug = publish_communique(embedding_app, body=body)
    page = page_text(embedding_app.test_client().get(f"/communiques/{slug}"))
    assert "Avant." in page and "Après." in page and "[[" not in page
    volunteers = Volunteers(embedding_app)
    account = volunteers.create("plume", "editor")
    editor = embedding_app.test_client()
    volunteers.login(editor, account)
    response = editor.post("/benevoles/communiques/apercu", data={
        "csrf_token": csrf_token(editor, "/benevoles/communiques/nouveau"), "body": body})
    text = page_text(response)
    assert "Encadré [[campagne:inconnue]]" in text and "Encadré [[petition:x]]" in text


def test_only_a_paragraph_of_its_own_is_a_box(embedding_app):
    """A shortcode inside a sentence, or in code, is text."""
    with embedding_app.app_context():
        assert "embed" not in embeds.apply(None, "<p>Voir [[campagne:loyers-2026]] ici.</p>")
        assert "embed" not in embeds.apply(None, "<pre><code>[[campagne:loyers-2026]]</code></pre>")
        assert "embed" in embeds.apply(None, "<p>[[campagne:loyers-2026]]</p>")
