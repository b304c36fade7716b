"""Communiqués for readers: the list and its pages, addresses from date and title, language
versions, co-signatories, Open Graph, print, the home page, and what lets a reverse proxy
carry a press peak (stored HTML, ETag, Last-Modified, 304, public Cache-Control)."""
from html import unescape

import pytest

from association import pagecache
from association.communiques import slugs
from association.db import connect
from conftest import page_text, publish_communique


def test_same_title_same_day_gets_distinct_slugs(app, client):
    """Two communiqués with the same title on the same day get two addresses."""
    first = publish_communique(app, title="Loyers : la hausse")[1]
    second = publish_communique(app, title="Loyers : la hausse")[1]
    assert first != second and second == first + "-2"
    assert client.get(f"/communiques/{first}").status_code == 200
    assert client.get(f"/communiques/{second}").status_code == 200


@pytest.mark.parametrize("title, words", [
    ("Loyers : la hausse de 2026 !", "loyers-la-hausse-de-2026"),
    ("Œuvres sociales & « cœur » d'été", "oeuvres-sociales-coeur-d-ete"),
    ("???", "communique"),
    ("Un titre très long " * 8, "un-titre-tres-long-un-titre-tres-long-un-titre-tres-long-un"),
])
def test_slug_words(title, words):
    """Lowercase ASCII words, ligatures spelled out, cut at a word."""
    assert slugs.words(title) == words


def test_the_slug_stays_when_the_title_is_corrected(app, client):
    """A correction that changes the title keeps the address (links already shared)."""
    from association.communiques import workflow
    from conftest import editor_rows

    communique_id, slug = publish_communique(app, title="Titre avec une faute")
    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        workflow.propose_correction(db, communique_id, writer, {
            "title": "Titre sans faute", "body": "Le texte du **communiqué**.",
            "note": "Faute dans le titre."}, {})
        workflow.approve(db, communique_id, approver)
    db.close()
    page = page_text(client.get(f"/communiques/{slug}"))
    assert "Titre sans faute" in page


def test_drafts_and_unknown_addresses_answer_404(app, client):
    """Only published communiqués have a public page."""
    from association.communiques import workflow
    from conftest import Writer

    db = connect(app.config["DATABASE"])
    with app.app_context():
        workflow.create(db, Writer(None, "w"), "fr", {"title": "Brouillon", "body": "x"}, {})
    db.close()
    assert "Brouillon" not in page_text(client.get("/communiques/"))
    assert client.get("/communiques/inconnu").status_code == 404
    assert client.get("/communiques/" + "x" * 3000).status_code == 404


def test_the_list_pages_ten_at_a_time(app, client):
    """Newest first, ten a page, with links between pages; a page past the end is 404."""
    for n in range(12):
        publish_communique(app, title=f"Communiqué numéro {n}")
    first = page_text(client.get("/communiques/"))
    assert "Communiqué numéro 11" in first and "Communiqué numéro 2" in first
    assert "Communiqué numéro 1<" not in first
    assert 'href="/communiques/?page=2"' in first
    second = page_text(client.get("/communiques/?page=2"))
    assert "Communiqué numéro 1<" in second and "Communiqué numéro 0" in second
    assert "Communiqués plus récents" in second
    assert client.get("/communiques/?page=3").status_code == 404
    assert client.get("/communiques/?page=-4").status_code == 200


def test_language_versions_link_each_other(app, client):
    """The French and English versions link to each other, with hreflang; the list shows
    the version in the reader's language."""
    fr_id, fr_slug = publish_communique(app, title="Nos demandes")
    _, en_slug = publish_communique(app, title="Our demands", lang="en", original_id=fr_id)
    french = client.get(f"/communiques/{fr_slug}").get_data(as_text=True)
    assert f'<a href="/communiques/{en_slug}" hreflang="en" lang="en">Read in English</a>' \
        in french
    assert f'<link rel="alternate" hreflang="en" href="http://127.0.0.1:5000/communiques/' \
           f'{en_slug}">' in french
    english = client.get(f"/communiques/{en_slug}").get_data(as_text=True)
    assert f'href="/communiques/{fr_slug}" hreflang="fr" lang="fr">Lire en français' in english
    assert '<h1 lang="en">Our demands</h1>' in english
    listed = page_text(client.get("/communiques/?lang=en"))
    assert "Our demands" in listed and listed.count("Nos demandes") == 0
    assert listed.count(f"/communiques/{fr_slug}") == 1  # its link, not a second entry


def test_cosignatories_open_graph_and_print(app, client):
    """Co-signatories are listed; the page carries Open Graph data, its canonical address
    (printed on paper) and the print stylesheet."""
    _, slug = publish_communique(app, title="Ensemble", body="Nous **demandons** des réponses.",
                                 cosignatories="Collectif A\nUnion B\nCollectif A")
    html = client.get(f"/communiques/{slug}").get_data(as_text=True)
    assert "<li>Collectif A</li><li>Union B</li>" in html
    url = f"http://127.0.0.1:5000/communiques/{slug}"
    for meta in (f'<meta property="og:url" content="{url}">',
                 '<meta property="og:type" content="article">',
                 '<meta property="og:title" content="Ensemble">',
                 '<meta property="og:description" content="Nous demandons des réponses.">',
                 '<meta property="og:locale" content="fr_FR">',
                 f'<link rel="canonical" href="{url}">'):
        assert meta in html
    assert '<link rel="stylesheet" href="/static/print.css" media="print">' in html
    assert f'<p class="print-only">{url}</p>' in html


def test_french_typography_in_titles_and_text(app, client):
    """Titles and texts get narrow no-break spaces and curly apostrophes."""
    _, slug = publish_communique(app, title="Loyers : l'Amicale dit non !",
                                 body="Pourquoi ? Parce que.")
    html = unescape(client.get(f"/communiques/{slug}").get_data(as_text=True))
    assert "Loyers\u202f: l’Amicale dit non\u202f!</h1>" in html
    assert "Pourquoi\u202f? Parce que." in html


def test_the_page_serves_the_html_stored_at_publication(app, client):
    """Pages never render Markdown: what was stored at publication is what is sent."""
    communique_id, slug = publish_communique(app, body="Le texte d'origine.")
    db = connect(app.config["DATABASE"])
    db.execute("update communiques set html = '<p>Stocké une fois.</p>', updated_at = "
               "'2030-01-01T00:00:00+00:00' where id = ?", [communique_id])
    db.close()
    page = page_text(client.get(f"/communiques/{slug}"))
    assert "Stocké une fois." in page and "Le texte d'origine." not in page


def test_validators_and_304(app, client):
    """Public pages carry ETag, Last-Modified and a public Cache-Control, and answer 304 to
    a matching conditional request, with either validator."""
    _, slug = publish_communique(app)
    for url in (f"/communiques/{slug}", "/communiques/", "/communiques/feed.atom"):
        first = client.get(url)
        assert first.status_code == 200
        assert first.headers["Cache-Control"] == "public, max-age=60"
        assert first.headers["ETag"] and first.headers["Last-Modified"]
        again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.get_data() == b""
        assert again.headers["ETag"] == first.headers["ETag"]
        since = client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
        assert since.status_code == 304
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_a_correction_changes_the_validators(app, client):
    """After a correction the page has another ETag, so caches fetch it again."""
    from association.communiques import workflow
    from conftest import editor_rows

    communique_id, slug = publish_communique(app)
    before = client.get(f"/communiques/{slug}").headers["ETag"]
    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        workflow.propose_correction(db, communique_id, writer, {
            "title": "Loyers : notre réponse", "body": "Texte rectifié.", "note": "Erreur."}, {})
        workflow.approve(db, communique_id, approver)
    db.close()
    response = client.get(f"/communiques/{slug}", headers={"If-None-Match": before})
    assert response.status_code == 200 and response.headers["ETag"] != before
    assert "Texte rectifié." in page_text(response)


def test_a_page_is_drawn_once_then_kept(app, client):
    """The second reader gets the kept page (same bytes); a signed-in editor gets a page
    drawn for them, private to them."""
    _, slug = publish_communique(app)
    first = client.get(f"/communiques/{slug}")
    pages = app.extensions[pagecache.EXTENSION]
    assert [key[0] for key in pages] == [("page", slug)]
    second = app.test_client().get(f"/communiques/{slug}")
    assert second.get_data() == first.get_data()
    assert app.test_client().get(f"/communiques/{slug}?lang=en").get_data() != first.get_data()
    assert len(pages) == 2


def test_a_kept_page_follows_a_change_made_straight_in_the_database(app, client):
    """A change made by another process (here, straight in the database) shows at the next
    request: a kept page lasts only while the database is as it was."""
    communique_id, slug = publish_communique(app, body="Avant.")
    assert "Avant." in page_text(client.get(f"/communiques/{slug}"))
    db = connect(app.config["DATABASE"])
    db.execute("update communiques set html = '<p>Après.</p>', updated_at = "
               "'2030-01-01T00:00:00+00:00' where id = ?", [communique_id])
    db.close()
    assert "Après." in page_text(client.get(f"/communiques/{slug}"))


def test_signed_in_readers_get_a_private_page(app, client, volunteers):
    """A page drawn for someone signed in is not for shared caches."""
    _, slug = publish_communique(app)
    account = volunteers.create("lectrice", "editor")
    volunteers.login(client, account)
    response = client.get(f"/communiques/{slug}")
    assert response.headers["Cache-Control"].startswith("private")
    assert "Espace bénévoles" in page_text(response)


def test_the_home_page_shows_the_latest_communiques(app, client):
    """The home page lists the three latest, in the reader's language when possible, and
    says nothing of communiqués before the first is published."""
    assert "Derniers communiqués" not in page_text(client.get("/"))
    ids = [publish_communique(app, title=f"Nouvelle {n}")[0] for n in range(4)]
    publish_communique(app, title="News 3", lang="en", original_id=ids[3])
    home = page_text(client.get("/"))
    assert "Nouvelle 3" in home and "Nouvelle 1" in home and "Nouvelle 0" not in home
    assert "News 3" in page_text(client.get("/?lang=en"))
