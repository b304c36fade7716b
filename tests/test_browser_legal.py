"""The site's legal side in a real browser (Chromium, issue 22): the legal notice reached from
the footer, a tenant giving explicit consent by ticking the box that names their health data,
an allegation of an offence refused, and an editor publishing a right of reply that readers
then see under the communiqué; axe finds nothing serious on these pages."""
from datetime import date

import pytest

from association.db import connect
from conftest import axe_violations
from test_browser_communiques import editor_page

pytestmark = pytest.mark.browser


def test_the_footer_leads_to_the_legal_notice(watched_page, live_url):
    """From the home page's footer to /mentions-legales, in both languages, accessible."""
    page = watched_page
    page.goto(live_url + "/?lang=fr")
    page.locator("footer").get_by_role("link", name="Mentions légales").click()
    assert page.url.startswith(live_url + "/mentions-legales")
    assert "Camille Exemple, présidente" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.goto(live_url + "/mentions-legales?lang=en")
    assert page.get_by_role("heading", name="Cookies").is_visible()
    assert axe_violations(page) == []
    assert page.console_errors == [] and page.outside_requests == []


def test_a_tenant_consents_to_keep_a_health_mention_and_cannot_keep_an_offence(
        watched_page, live_url):
    """The report comes back with a consent box naming the health data; ticked, it is sent.
    An allegation of dealing is refused, with no box to keep it."""
    page = watched_page
    page.goto(live_url + "/signaler?lang=fr")
    assert "c'est-à-dire des voisins" in page.locator(".collection-notice").inner_text()
    page.get_by_label("Bâtiment").select_option(index=1)
    page.get_by_label("De quoi s'agit-il").select_option("damp")
    page.get_by_label("Décrivez le problème").fill(
        "Moisissures dans la chambre, mon fils est asthmatique depuis l'hiver dernier.")
    page.get_by_role("button", name="Envoyer mon signalement").click()
    consent = page.get_by_label("Je consens expressément", exact=False)
    assert "santé" in page.locator(".screen-warning label").inner_text()
    assert axe_violations(page) == []
    consent.check()
    page.get_by_role("button", name="Envoyer mon signalement").click()
    assert "/signaler/merci" in page.url

    page.goto(live_url + "/signaler?lang=fr")
    page.get_by_label("Bâtiment").select_option(index=1)
    page.get_by_label("De quoi s'agit-il").select_option("noise")
    page.get_by_label("Décrivez le problème").fill(
        "Le voisin du 3e vend de la drogue dans le hall tous les soirs.")
    page.get_by_role("button", name="Envoyer mon signalement").click()
    assert "art. 10" in page.locator(".error-summary").inner_text()
    assert page.locator(".screen-warning input[type=checkbox]").count() == 0
    assert axe_violations(page) == []


def test_an_editor_publishes_a_reply_that_readers_see(browser, live_app, live_url, live_admin):
    """An editor opens the right-of-reply form from the communiqué, publishes a reply; the
    public page shows it under the text."""
    db = connect(live_app.config["DATABASE"])
    communique_id, slug = db.execute("select id, slug from communiques where status = "
                                      "'published' order by id").fetchone()
    db.close()
    editor = editor_page(browser, live_url, live_admin[0], "redac-reponse")
    editor.goto(f"{live_url}/benevoles/communiques/{communique_id}?lang=fr")
    editor.get_by_role("link", name="Publier une réponse demandée (droit de réponse)").click()
    assert axe_violations(editor) == []
    editor.get_by_label("Qui répond").fill("Habitat Exemple OPH")
    editor.get_by_label("Demande reçue le").fill(date.today().isoformat())
    editor.get_by_label("La réponse, telle que reçue").fill(
        "Le bailleur précise que les travaux commenceront en janvier.")
    editor.get_by_role("button", name="Publier la réponse").click()
    assert "La réponse est publiée" in editor.locator(".flashes").inner_text()
    reader = browser.new_context().new_page()
    reader.goto(f"{live_url}/communiques/{slug}?lang=fr")
    reply = reader.locator(".reply")
    assert "Habitat Exemple OPH" in reply.inner_text()
    assert "les travaux commenceront en janvier" in reply.inner_text()
    assert axe_violations(reader) == []
