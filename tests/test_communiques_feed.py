"""The Atom feed: valid Atom 1.0 (RFC 4287's required elements, read with the standard
library's parser), every published communiqué with its full text, updated on correction."""
import xml.etree.ElementTree as ET
from datetime import datetime

from association.communiques import workflow
from association.db import connect
from conftest import editor_rows, publish_communique

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed(client) -> ET.Element:
    """The feed, parsed; its content type checked."""
    response = client.get("/communiques/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.get_data())


def text(element, name) -> str:
    """The text of a required child element."""
    child = element.find(ATOM + name)
    assert child is not None, f"{element.tag} lacks {name}"
    return child.text or ""


def assert_valid_atom(root: ET.Element) -> None:
    """RFC 4287: the feed and each entry have exactly one id, title and updated (dates in
    RFC 3339), an author somewhere, and an entry without content has an alternate link."""
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(ATOM + name)) == 1
    datetime.fromisoformat(text(root, "updated"))
    feed_author = root.find(ATOM + "author")
    assert feed_author is not None and text(feed_author, "name")
    links = {link.get("rel", "alternate"): link.get("href") for link in root.findall(ATOM + "link")}
    assert links["self"].endswith("/communiques/feed.atom") and links["alternate"]
    ids = []
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + name)) == 1, name
        ids.append(text(entry, "id"))
        assert text(entry, "id").startswith("urn:uuid:")
        updated = datetime.fromisoformat(text(entry, "updated"))
        assert datetime.fromisoformat(text(entry, "published")) <= updated
        content = entry.find(ATOM + "content")
        assert content is not None and content.get("type") == "html"
        alternate = [link for link in entry.findall(ATOM + "link")
                     if link.get("rel", "alternate") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("type") == "text/html"
    assert len(ids) == len(set(ids))


def test_the_feed_is_atom_with_every_published_communique(app, client):
    """Each published communiqué is an entry with its full text, its language, its page and
    its co-signatories; drafts are not in it."""
    from association.communiques import workflow as flow
    from conftest import Writer

    fr_id, fr_slug = publish_communique(app, title="Nos demandes",
                                        body="Premier paragraphe.\n\nSecond [lien](/donnees).",
                                        cosignatories="Collectif A")
    _, en_slug = publish_communique(app, title="Our demands", body="Text.", lang="en",
                                    original_id=fr_id)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        flow.create(db, Writer(None, "w"), "fr", {"title": "Pas encore", "body": "x"}, {})
    db.close()
    root = feed(client)
    assert_valid_atom(root)
    entries = {text(e, "title"): e for e in root.findall(ATOM + "entry")}
    assert set(entries) == {"Nos demandes", "Our demands"}
    french, english = entries["Nos demandes"], entries["Our demands"]
    assert french.get(XML_LANG) == "fr" and english.get(XML_LANG) == "en"
    content = text(french, "content")
    assert "Premier paragraphe." in content and "Second" in content
    assert 'href="http://127.0.0.1:5000/donnees"' in content  # absolute for feed readers
    assert french.find(ATOM + "link").get("href") == \
        f"http://127.0.0.1:5000/communiques/{fr_slug}"
    assert [text(c, "name") for c in french.findall(ATOM + "contributor")] == ["Collectif A"]


def test_an_empty_feed_is_valid_and_stable(app, client):
    """With nothing published, the feed is still valid Atom, the same from one request to
    the next."""
    root = feed(client)
    assert_valid_atom(root)
    assert root.findall(ATOM + "entry") == []
    assert client.get("/communiques/feed.atom").headers["ETag"] == \
        client.get("/communiques/feed.atom").headers["ETag"]


def test_a_correction_updates_its_entry(app, client):
    """After a correction, the entry's text is the corrected one with its note, its
    ``updated`` moves, its id and ``published`` stay."""
    communique_id, _ = publish_communique(app, body="Rendez-vous le 13.")
    before = feed(client).find(ATOM + "entry")
    app.config["CLOCK"].advance(hours=2)
    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        workflow.propose_correction(db, communique_id, writer, {
            "title": "Loyers : notre réponse", "body": "Rendez-vous le 14.",
            "note": "La date était fausse."}, {})
        workflow.approve(db, communique_id, approver)
    db.close()
    root = feed(client)
    assert_valid_atom(root)
    after = root.find(ATOM + "entry")
    assert text(after, "id") == text(before, "id")
    assert text(after, "published") == text(before, "published")
    assert datetime.fromisoformat(text(after, "updated")) > \
        datetime.fromisoformat(text(before, "updated"))
    content = text(after, "content")
    assert "le 14" in content and "le 13" not in content
    assert "Rectificatif du" in content and "La date était fausse." in content
