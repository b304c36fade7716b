"""The first hour of each person: secrets shown once that survive a reload or a language
switch, "are you sure?" before what cannot be undone, an export written for people, a key
card that says where it opens, demo settings that save unchanged."""
import re
from html.parser import HTMLParser

import pytest

from association import qr
from conftest import KEY_PATTERN, add_building, csrf_token, new_member, page_text

# --- secrets shown once -----------------------------------------------------------------------


def test_the_key_page_survives_a_reload_and_a_language_switch(app, client):
    """The key stays on its page (GET) in both languages until the member says they kept
    it; then the page says it was shown once, and the key is nowhere."""
    key = new_member(client)
    english = page_text(client.get("/membre/cle?lang=en"))
    assert key in english and "Your personal key" in english
    assert key in page_text(client.get("/membre/cle?lang=fr"))
    client.post("/membre/cle/gardee", data={"csrf_token": csrf_token(client, "/membre/")})
    gone = page_text(client.get("/membre/cle"))
    assert key not in gone and "n'est plus affichée" in gone


def test_the_key_is_not_shown_to_the_next_person_on_the_browser(app, client, clock):
    """Half an hour later, or once the space is closed, the key page no longer shows it."""
    key = new_member(client)
    client.post("/membre/sortir", data={"csrf_token": csrf_token(client, "/membre/")})
    assert key not in page_text(client.get("/membre/cle"))
    other = app.test_client()
    key = new_member(other)
    clock.advance(minutes=31)
    assert key not in page_text(other.get("/membre/cle"))


def test_recovery_codes_survive_a_language_switch(app, volunteers):
    """After activation the volunteer is signed in, on the page of their recovery codes,
    which switches language without losing them; their own spent invitation link sends them
    there rather than to a false alarm."""
    volunteer_id, token = volunteers.invite("nouvelle")
    client = app.test_client()
    _, response = volunteers.enrol(client, token)
    codes = re.findall(r"<code>([0-9A-Z]{4}-[0-9A-Z]{4})</code>", response.get_data(as_text=True))
    assert len(codes) == 10
    english = client.get("/benevoles/codes-de-secours?lang=en").get_data(as_text=True)
    assert all(code in english for code in codes)
    again = client.get(f"/benevoles/invitation/{token}")
    assert again.status_code == 302 and again.headers["Location"] == "/benevoles/codes-de-secours"
    assert client.get("/benevoles/").status_code == 200  # signed in


def test_the_invitation_link_survives_a_language_switch(app, volunteers):
    """The admin's page with a new invitation link is a GET page, shown until handed over."""
    admin = volunteers.create("admin-lien", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    made = client.post("/benevoles/admin/comptes/nouveau", data={
        "csrf_token": csrf_token(client, "/benevoles/"), "login": "camille", "role": "editor"})
    assert made.status_code == 303
    page = client.get(made.headers["Location"] + "?lang=en").get_data(as_text=True)
    link = re.search(r"https?://\S+/benevoles/invitation/[\w-]+", page)[0]
    assert link in client.get(made.headers["Location"] + "?lang=fr").get_data(as_text=True)
    assert qr.svg(link) in page
    client.post(made.headers["Location"] + "/remis",
                data={"csrf_token": csrf_token(client, "/benevoles/")})
    assert link not in client.get(made.headers["Location"]).get_data(as_text=True)


# --- "are you sure?" ------------------------------------------------------------------------

def test_deleting_a_building_goes_through_its_confirmation(app, volunteers, db):
    """Opening the delete address only shows what would happen, in numbers; the POST of the
    confirmation page deletes."""
    building = add_building(app, "Bâtiment A")
    for login in ("v1", "v2", "v3", "v4"):
        volunteers.invite(login, "volunteer", [building])
    admin = volunteers.create("admin-bat", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    url = f"/benevoles/admin/batiments/{building}/supprimer"
    page = page_text(client.get(url))
    assert "4 bénévoles perdront l'accès à ce bâtiment" in page
    assert "ne peut pas être rétabli" in page
    assert db.table("buildings").count == 1
    client.post(url, data={"csrf_token": csrf_token(client, url)})
    assert db.table("buildings").count == 0


@pytest.mark.parametrize("action", ["desactiver", "second-facteur", "supprimer"])
def test_account_actions_go_through_their_confirmation(app, volunteers, db, action):
    """Disabling, resetting and deleting an account: a GET changes nothing."""
    admin = volunteers.create("admin-acc", "admin")
    target = volunteers.create("cible", "volunteer")
    db.table("volunteers").update(target.id, {"disabled": int(action == "supprimer")})
    before = db.table("volunteers").get(target.id)
    client = app.test_client()
    volunteers.login(client, admin)
    page = page_text(client.get(f"/benevoles/admin/comptes/{target.id}/{action}"))
    assert "Annuler\u00a0: ne rien changer" in page
    assert db.table("volunteers").get(target.id) == before


# --- what members take home -------------------------------------------------------------------

def _machine_words(app) -> set[str]:
    from association import inventory

    with app.app_context():
        tables = inventory.member_tables()
    # Names that are also plain words ("members", "language") may appear in the labels.
    names = {t.name for t in tables} | {c.name for t in tables for c in t.columns}
    return {name for name in names if "_" in name} | {"outbox", "key_hash"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_printable_export_is_written_for_people(app, client, volunteers, db, lang):
    """No column or table name, no hash, no internal id: labels, the building's name, local
    dates."""
    building = add_building(app, "Résidence des Lilas")
    new_member(client)
    client.post("/membre/batiment", data={"csrf_token": csrf_token(client, "/membre/"),
                                          "building-building": building})
    client.post("/membre/contact", data={"csrf_token": csrf_token(client, "/membre/"),
                                         "contact-email": "lou@example.org",
                                         "contact-consent": "y"})
    member = next(db.table("members").rows)
    page = page_text(client.get(f"/membre/export?lang={lang}"))
    main = re.search(r"<main.*</main>", page, re.S)[0]
    visible = re.sub(r"<[^>]+>", " ", main)
    assert "Résidence des Lilas" in visible and "lou@example.org" in visible
    for word in _machine_words(app):
        assert not re.search(rf"\b{re.escape(word)}\b", visible), word
    assert member["key_hash"] not in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:", visible)  # dates are local, readable
    labels = re.findall(r"<dt>(.*?)</dt>", main)
    assert labels and not any(label.strip() in ("id", "member_id", "building_id")
                              for label in labels)


def test_the_json_export_explains_itself(client):
    """The JSON keeps the machine names, with what each table and field is, translated."""
    new_member(client)
    exported = client.get("/membre/export.json?lang=fr").get_json()
    assert "members" in exported["tables"]
    assert exported["explanations"]["members"]["fields"]["contact_email"].startswith(
        "e-mail facultatif")
    assert "clé" in exported["note"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_key_card_says_where_it_opens(app, client, lang):
    """The card names the site it opens, holds the key once on one line, and its QR code
    opens the key page with the key in the fragment, never in a query string."""
    app.config["BASE_URL"] = "https://amicale.example"
    key = new_member(client)
    page = client.get(f"/membre/cle?lang={lang}").get_data(as_text=True)
    card = re.search(r'<div class="key-card">.*?</div>', page, re.S)[0]
    assert "https://amicale.example/membre/" in card
    assert KEY_PATTERN.findall(re.sub(r"<svg.*?</svg>", "", card)) == [key]
    assert qr.svg(f"https://amicale.example/membre/#cle={key}") in card
    assert "<button" not in card


# --- settings that save ------------------------------------------------------------------------

def test_demo_content_passes_the_apps_own_forms(app, volunteers, db):
    """With the demo loaded, every admin form submitted unchanged is accepted."""
    from association import demo

    with app.app_context():
        demo.load(db)
    admin = volunteers.create("admin-demo", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    forms = ["/benevoles/admin/association"]
    forms += [f"/benevoles/admin/batiments/{b['id']}" for b in db.table("buildings").rows]
    forms += [f"/benevoles/admin/bailleurs/{row['id']}" for row in db.table("landlords").rows]
    forms += [f"/benevoles/admin/comptes/{v['id']}" for v in db.table("volunteers").rows]
    for url in forms:
        page = client.get(url).get_data(as_text=True)
        form = re.search(r'<form method="post" novalidate>(.*?)</form>', page, re.S)[1]
        data = _form_values(form)
        response = client.post(url, data=data)
        assert response.status_code == 302, (url, page_text(response)[-1500:])


class _FormReader(HTMLParser):
    """What a browser would send for a form left as it is: inputs, ticked boxes, the selected
    option of each select, the text of each textarea."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        """Read a field's name and current value."""
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            if attrs.get("type") == "checkbox":
                self.data.setdefault(name, [])
                if "checked" in attrs:
                    self.data[name].append(attrs.get("value", "y"))
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in attrs or self._select not in self.data:
                self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        """Leave a select or a textarea."""
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        """A textarea's text."""
        if self._textarea:
            self.data[self._textarea] += data


def _form_values(form: str) -> dict:
    """The values a browser would send for this form, untouched."""
    reader = _FormReader()
    reader.feed(form)
    return reader.data
