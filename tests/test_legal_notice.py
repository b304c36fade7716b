"""The site's legal side (issue 22, review items A5, A6, B4, C7, C8, C9): the legal notice
linked from every page, the right of reply under a communiqué and in its feed, the cookies
declared once and none longer than 13 months, explicit consent for health, no keeping of
allegations of offences, the notice on the report form, the register's interest and right
to object."""
import html
import re
from datetime import date, timedelta
from http.cookies import SimpleCookie

from association import cookies, reference
from association.db import connect
from actions_support import come
from conftest import add_building, csrf_token, page_text, publish_communique
from routes import html_pages
from test_html import pages

LEGAL = {"name": "Amicale du Parc", "postal_address": "3 rue du Parc, 75019 Paris",
         "contact_email": "contact@example.org", "seat_address": "3 rue du Parc\n75019 Paris",
         "telephone": "01 23 45 67 89", "publication_director": "Louise Martin",
         "publication_director_function": "présidente", "host_name": "Hébergeur SAS",
         "host_address": "2 rue du Serveur\n59100 Roubaix", "host_telephone": "03 20 00 00 00",
         "mail_relay": "Relais SA (France)", "transfers_outside_eu": "aucun"}


def save_settings(app, **values):
    """The association's settings, saved as the admin form saves them."""
    fields = {**LEGAL, **values}
    db = connect(app.config["DATABASE"])
    with app.app_context():
        reference.save_association(db, fields.pop("name"), fields.pop("postal_address"),
                                   fields.pop("contact_email"), **fields)
    db.close()


def test_every_page_links_the_legal_notice(app, world):
    """The footer of every page of the sweep (and of the error pages) links /mentions-legales."""
    found = pages(app, world)
    assert len(found) > 50
    missing = [name for name, body in found.items() if 'href="/mentions-legales"' not in body]
    assert missing == []


def test_the_legal_notice_names_the_publisher_the_director_and_the_host(app, client):
    """The page names the association, its seat and telephone, the directeur de la
    publication with their function, and the host's name, address and telephone."""
    save_settings(app)
    text = page_text(client.get("/mentions-legales"))
    for expected in ("Amicale du Parc", "3 rue du Parc", "01 23 45 67 89",
                     "Louise Martin, présidente", "Hébergeur SAS", "2 rue du Serveur",
                     "03 20 00 00 00", "Droit de réponse", "dans les trois mois"):
        assert expected in text, expected
    assert "pas encore indiqué" not in text
    english = page_text(client.get("/mentions-legales?lang=en"))
    assert "Directeur de la publication" in english and "Host" in english


def test_a_missing_setting_is_said_to_admins_and_on_the_dashboard(app, world):
    """With no host and no director, the public page says "not given yet" rather than a
    blank, and admins are told what to fill in, on the page and on their dashboard."""
    save_settings(app, host_name="", publication_director="")
    public = page_text(world.clients["anonymous"].get("/mentions-legales"))
    assert public.count("pas encore indiqué") == 2
    assert "Pour les administrateurs" not in public
    admin = page_text(world.clients["admin"].get("/mentions-legales"))
    assert "le nom de l'hébergeur" in admin and "Les renseigner" in admin
    dashboard = page_text(world.clients["admin"].get("/benevoles/"))
    assert "Il manque aux mentions légales" in dashboard and "le nom de l'hébergeur" in dashboard
    assert "Il manque aux mentions légales" not in page_text(
        world.clients["editor"].get("/benevoles/"))


def test_the_settings_form_saves_what_the_notice_names(app, world):
    """An administrator fills in the legal notice from the association's settings."""
    admin = world.clients["admin"]
    response = admin.post("/benevoles/admin/association", data={
        "csrf_token": csrf_token(admin, "/benevoles/admin/association"),
        **{key: value for key, value in LEGAL.items()}})
    assert response.status_code == 302
    db = connect(app.config["DATABASE"])
    saved = db.execute("select publication_director, host_telephone, mail_relay from "
                       "association_settings").fetchone()
    db.close()
    assert tuple(saved) == ("Louise Martin", "03 20 00 00 00", "Relais SA (France)")
    assert "Louise Martin" in page_text(admin.get("/mentions-legales"))


def test_the_register_names_the_processors_the_interest_and_the_right_to_object(app, client):
    """B4, C7: the host and the mail relay are named as processors, transfers come from the
    settings, the legitimate interest is stated and the right to object stands apart."""
    save_settings(app, transfers_outside_eu="aucun : serveurs en France")
    register = client.get("/donnees.json").get_json()
    assert [p["name"] for p in register["processors"]] == ["Hébergeur SAS", "Relais SA (France)"]
    assert any("Hébergeur SAS" in r and "art. 28" in r for r in register["recipients"])
    assert register["transfers_outside_eu"] == "aucun : serveurs en France"
    assert register["legitimate_interest"] == ("défendre collectivement les intérêts des "
                                               "locataires, objet statutaire de l'association")
    grievances = next(t for t in register["tables"] if t["name"] == "grievances")
    assert "art. 9, paragraphe 2, a" in grievances["legal_basis"]["sensitive_text"]
    page = html.unescape(client.get("/donnees").get_data(as_text=True))
    assert '<h2 id="object-title">Votre droit d\'opposition</h2>' in page
    assert "art. 21" in page and "Hébergeur SAS" in page
    save_settings(app, mail_relay="")
    register = client.get("/donnees.json").get_json()
    assert [p["name"] for p in register["processors"]] == ["Hébergeur SAS"]


def _set_cookies(response) -> dict:
    """The cookies a response sets: name -> Max-Age in seconds (None: for the session)."""
    found = {}
    for header in response.headers.getlist("Set-Cookie"):
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            found[name] = int(morsel["max-age"]) if morsel["max-age"] else None
    return found


def test_every_cookie_the_site_sets_is_declared_and_at_most_13_months(app, world, volunteers):
    """A sweep of every page in both languages, a sign-in and an answer to an action: each
    cookie set is declared (name and lifetime), and none lasts more than 395 days; the legal
    notice lists each with its purpose and lifetime."""
    declared = {cookie.name: cookie.max_age for cookie in cookies.declared()}
    seen = {}
    for who, url in html_pages(app, world.ids):
        for lang in ("fr", "en"):
            response = world.clients[who].get(url + ("&" if "?" in url else "?") + f"lang={lang}")
            seen.update(_set_cookies(response))
    fresh = app.test_client()
    seen.update(_set_cookies(volunteers.login(fresh, volunteers.create("cookie-test", "admin"))))
    answer = come(app.test_client(), world.action)
    assert answer.status_code == 303
    seen.update(_set_cookies(answer))
    assert {"lang", "amicale_session", "amicale_device", "amicale_rsvp"} <= seen.keys()
    assert {name: declared.get(name, "undeclared") for name in seen} == seen
    assert all(age is None or age <= 395 * 24 * 3600 for age in seen.values())
    notice = page_text(app.test_client().get("/mentions-legales"))
    for cookie in cookies.declared():
        assert cookie.name in notice
    assert "12\u00a0mois" in notice and "6\u00a0mois" in notice
    assert "jusqu'à la fermeture du navigateur" in notice


def test_a_cookie_longer_than_13_months_cannot_be_declared():
    """The declaration refuses a lifetime over 395 days, saying so."""
    try:
        cookies.declare("too_long", "test", timedelta(days=400))
    except ValueError as error:
        assert "395" in str(error)
    else:
        raise AssertionError("a 400-day cookie was declared")


def _reply(app, client, communique_id, **values):
    return client.post(f"/benevoles/communiques/{communique_id}/droit-de-reponse", data={
        "csrf_token": csrf_token(client, f"/benevoles/communiques/{communique_id}"),
        "author": "Habitat Exemple OPH", "received_on": date.today().isoformat(),
        "text": "Le bailleur précise que l'ascenseur a été réparé le 2 mars.\n\nSigné : la "
                "direction.", **values})


def test_a_reply_is_shown_under_the_communique_and_in_its_feed_entry(app, world):
    """An editor publishes a reply: the page shows it under the text with its author and
    date, the feed entry carries it and its date moves; the page tells readers how to ask."""
    client = world.clients["editor"]
    before = world.clients["anonymous"].get("/communiques/feed.atom").get_data(as_text=True)
    page = page_text(world.clients["anonymous"].get(f"/communiques/{world.communique_slug}"))
    assert "Comment demander un droit de réponse" in page
    save_settings(app)
    page = page_text(world.clients["anonymous"].get(f"/communiques/{world.communique_slug}"))
    assert "directrice de la publication, Louise Martin." in page
    assert _reply(app, client, world.communique).status_code == 302
    page = page_text(world.clients["anonymous"].get(f"/communiques/{world.communique_slug}"))
    assert "Droit de réponse\u00a0: Habitat Exemple OPH" in page
    assert "l'ascenseur a été réparé le 2 mars" in page
    feed = world.clients["anonymous"].get("/communiques/feed.atom").get_data(as_text=True)
    assert feed != before
    content = html.unescape(re.search(r"<content[^>]*>(.*?)</content>", feed, re.S)[1])
    assert "Droit de réponse\u00a0: Habitat Exemple OPH" in html.unescape(content)
    assert "réparé le 2 mars.<br>" not in content and "<p>Signé : la direction.</p>" in content
    db = connect(app.config["DATABASE"])
    assert db.execute("select action from audit_log where action = 'add_reply'").fetchone()
    db.close()


def test_a_reply_needs_its_fields_and_a_published_communique(app, world):
    """A reply without an author, or dated in the future, comes back; a draft has none."""
    client = world.clients["editor"]
    assert _reply(app, client, world.communique, author="").status_code == 400
    future = (date.today() + timedelta(days=2)).isoformat()
    assert _reply(app, client, world.communique, received_on=future).status_code == 400
    draft, _slug = publish_communique(app, title="Autre")
    db = connect(app.config["DATABASE"])
    db.execute("update communiques set status = 'draft' where id = ?", [draft])
    db.conn.commit()
    db.close()
    response = _reply(app, client, draft)
    assert response.status_code == 302 and "droit-de-reponse" not in response.location


def test_health_is_kept_only_with_explicit_consent(app, client):
    """A report that mentions a child's asthma comes back with a box that asks for explicit
    consent, naming the data and saying how to withdraw it; ticked, it is kept flagged."""
    building = _building(app)
    text = "Moisissures dans la chambre, mon fils est asthmatique depuis l'hiver dernier."
    response = _send_report(client, building, text)
    page = page_text(response)
    assert response.status_code == 400
    assert "Je consens expressément" in page and "ce que mon texte dit de\u00a0: santé" in page
    assert "art. 9, paragraphe 2, a" in page and "effacer mes données" in page
    assert _send_report(client, building, text, keep_as_written="y").status_code == 303
    db = connect(app.config["DATABASE"])
    assert db.execute("select description_flags from grievances").fetchone()[0] == "health"
    db.close()


def test_allegations_of_offences_cannot_be_kept(app, client):
    """An allegation of an offence about a neighbour is refused even with the box ticked,
    and the page says why (art. 10) and offers no box to keep it."""
    building = _building(app)
    text = "Le voisin du 3e vend de la drogue dans le hall tous les soirs."
    response = _send_report(client, building, text, keep_as_written="y")
    page = page_text(response)
    assert response.status_code == 400
    assert "art. 10" in page and "ne peut donc pas être gardé tel quel" in page
    assert 'name="keep_as_written"' not in response.get_data(as_text=True)
    db = connect(app.config["DATABASE"])
    assert db.execute("select count(*) from grievances").fetchone()[0] == 0
    db.close()


def test_the_report_form_says_who_reads_and_for_how_long(client, app):
    """/signaler tells, before sending: the building's volunteers (neighbours) read it, how
    long it is kept (from the inventory), and links the register."""
    _building(app)
    page = page_text(client.get("/signaler"))
    assert "c'est-à-dire des voisins" in page
    assert "6\u00a0mois après sa clôture" in page and "au bout de 3\u00a0mois" in page
    assert 'href="/donnees"' in client.get("/signaler").get_data(as_text=True)


def test_the_editor_shows_what_a_communique_may_say(world):
    """Beside the editor: facts not imputations, never name staff, date the facts, keep the
    evidence, art. 29 and the three-month prescription of art. 65."""
    page = page_text(world.clients["editor"].get("/benevoles/communiques/nouveau"))
    for expected in ("Ce qu'un communiqué peut dire", "Ne nommez jamais un membre du personnel",
                     "Datez les faits", "Gardez les preuves", "art. 29", "art. 65"):
        assert expected in page, expected


def _building(app) -> int:
    return add_building(app, "Bâtiment C")


def _send_report(client, building_id, description, **extra):
    """Send /signaler with this text; the response, not followed."""
    return client.post("/signaler", data={
        "csrf_token": csrf_token(client, "/signaler"), "building": building_id,
        "category": "damp", "description": description, **extra})


def test_an_offence_of_the_landlord_may_be_kept_in_a_case_never_one_of_a_person(app, world):
    """A case's timeline may record the landlord's conviction once the volunteer confirms it
    is an organisation's (art. 10 protects people); a note on a report naming a neighbour's
    arrest is refused even with the box ticked."""
    admin = world.clients["admin"]
    case_url = f"/benevoles/dossiers/{world.case_id}"
    step = {"csrf_token": csrf_token(admin, case_url), "event-happened_on": "2026-11-02",
            "event-kind": "outcome",
            "event-note": "Le bailleur a été condamné par le tribunal pour logement indécent."}
    unticked = admin.post(f"{case_url}/etapes", data=step)
    assert unticked.status_code == 400
    assert "jamais d'une personne" in page_text(unticked)
    assert admin.post(f"{case_url}/etapes", data={
        **step, "event-keep_as_written": "y"}).status_code == 302
    note_url = f"/benevoles/signalements/{world.grievance['id']}"
    refused = admin.post(f"{note_url}/notes", data={
        "csrf_token": csrf_token(admin, note_url),
        "note-text": "Le voisin a été arrêté par la police.", "note-keep_as_written": "y"})
    assert refused.status_code == 400 and "art. 10" in page_text(refused)
