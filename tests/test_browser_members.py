"""In a real browser: a member makes a key, comes back with it typed loosely, gives an
address, exports, and erases everything."""
import json
import re

import pytest

pytestmark = pytest.mark.browser


def test_member_key_life(browser, live_url):
    """Make a key, close the space, reopen it with the key in lower case, then erase."""
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_role("button", name="Me créer une clé d'adhérent").click()
    key = page.locator(".member-key code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", key)
    assert page.locator("svg.qr").count() == 1
    page.get_by_role("link", name="Je l'ai gardée : ouvrir mon espace").click()
    page.get_by_role("button", name="Fermer mon espace sur ce navigateur").click()

    page.get_by_label("Votre clé d'adhérent").fill(key.lower().replace("-", " "))
    page.get_by_role("button", name="Ouvrir mon espace").click()
    assert page.locator("h1").inner_text() == "Mon espace"

    page.get_by_label("Adresse e-mail pour les rappels").fill("moi@example.org")
    page.get_by_role("button", name="Enregistrer l'adresse").click()
    assert "Cochez la case" in page.locator("main").inner_text()
    page.get_by_label("Adresse e-mail pour les rappels").fill("moi@example.org")
    page.get_by_label(re.compile("J'accepte de recevoir les rappels")).check()
    page.get_by_role("button", name="Enregistrer l'adresse").click()
    assert "moi@example.org" in page.locator("main").inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Tout, en fichier JSON").click()
    with open(download.value.path()) as handle:
        exported = json.load(handle)
    assert exported["tables"]["members"][0]["contact_email"] == "moi@example.org"

    page.get_by_role("link", name="Effacer mes données").click()
    page.get_by_role("button", name="Tout effacer").click()
    assert "rien n'a été supprimé" in page.locator("main").inner_text()
    page.get_by_label(re.compile("J'ai compris")).check()
    page.get_by_role("button", name="Tout effacer").click()
    assert page.locator("h1").inner_text() == "Données effacées"

    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_label("Votre clé d'adhérent").fill(key)
    page.get_by_role("button", name="Ouvrir mon espace").click()
    assert "Aucun adhérent n'a cette clé" in page.locator("main").inner_text()
