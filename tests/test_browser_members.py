"""In a real browser: a member makes a key, switches language and reloads without losing it,
comes back with it typed loosely or through the card's QR link, gives an address, exports,
and erases everything after the "are you sure?" page."""
import json
import re

import pytest

pytestmark = pytest.mark.browser


def test_member_key_life(browser, live_url):
    """Make a key, keep it through a language switch and a reload, close the space, reopen it
    with the key in lower case, then erase after the confirmation page."""
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_role("button", name="Me créer une clé personnelle").click()
    key = page.locator(".member-key code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", key)
    assert page.locator("svg.qr").count() == 1

    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == "Your personal key"
    assert page.locator(".member-key code").inner_text() == key
    page.reload()
    assert page.locator(".member-key code").inner_text() == key
    page.get_by_role("link", name="Français").click()
    page.get_by_role("button", name="Je l'ai gardée : ouvrir mon espace").click()
    assert page.locator("h1").inner_text() == "Mon espace"
    page.go_back()
    assert page.locator("h1").inner_text() == "Cette clé n'est plus affichée"
    assert key not in page.content()

    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_role("button", name="Fermer mon espace sur ce navigateur").click()
    page.get_by_label("Votre clé personnelle").fill(key.lower().replace("-", " "))
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
    assert "Votre adresse e-mail est supprimée" in page.locator("main").inner_text()
    page.get_by_role("link", name="Annuler : ne rien changer").click()
    assert page.locator("h1").inner_text() == "Mon espace"
    page.get_by_role("link", name="Effacer mes données").click()
    page.get_by_role("button", name="Tout effacer maintenant").click()
    assert page.locator("h1").inner_text() == "Données effacées"

    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_label("Votre clé personnelle").fill(key)
    page.get_by_role("button", name="Ouvrir mon espace").click()
    assert "Aucune clé ne correspond" in page.locator("main").inner_text()


def test_the_key_cards_code_opens_the_space(browser, live_url):
    """The card's QR code holds the site's address with the key in the fragment: opening it
    fills the key (JavaScript), and the key never reaches the server in an address."""
    context = browser.new_context()
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_role("button", name="Me créer une clé personnelle").click()
    key = page.locator(".member-key code").inner_text()
    page.get_by_role("button", name="Je l'ai gardée : ouvrir mon espace").click()
    page.get_by_role("button", name="Fermer mon espace sur ce navigateur").click()
    page.goto(f"{live_url}/membre/#cle={key}")
    assert page.get_by_label("Votre clé personnelle").input_value() == key
    assert "#cle=" not in page.url
    page.get_by_role("button", name="Ouvrir mon espace").click()
    assert page.locator("h1").inner_text() == "Mon espace"
    assert not [url for url in asked if key in url or key.replace("-", "") in url]


def test_a_volunteer_scans_the_confirmation_code(browser, live_url, live_admin):
    """The member's confirmation code, scanned, opens the volunteer's page with the code in
    the fragment: JavaScript fills the field and drops it from the address, the volunteer
    presses the button, and the member's space says the key is confirmed. The code never
    travels in an address."""
    from test_browser_volunteers import sign_in

    helper, admin = live_admin
    member = browser.new_context().new_page()
    member.goto(live_url + "/membre/?lang=fr")
    member.get_by_role("button", name="Me créer une clé personnelle").click()
    member.get_by_role("button", name="Je l'ai gardée : ouvrir mon espace").click()
    member.get_by_role("link", name="Confirmer ma clé", exact=True).click()
    member.get_by_role("button", name="Afficher un code de confirmation").click()
    code = member.locator(".member-key code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", code) and member.locator("svg.qr").count()
    volunteer = browser.new_context().new_page()
    asked = []
    volunteer.on("request", lambda request: asked.append(request.url))
    sign_in(volunteer, live_url, helper, admin.login, admin.password, admin.secret)
    volunteer.goto(f"{live_url}/benevoles/cles/confirmer#code={code}")
    assert volunteer.get_by_label("Code montré par le membre").input_value() == code
    assert "#code=" not in volunteer.url
    volunteer.get_by_role("button", name="Confirmer la clé de ce membre").click()
    assert "La clé du membre est confirmée." in volunteer.locator("main").inner_text()
    assert not [url for url in asked if code in url or code.replace("-", "") in url]
    member.reload()
    assert "Votre clé a été confirmée le" in member.locator("main").inner_text()
