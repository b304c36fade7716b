"""In a real browser: an admin invites a volunteer, who enrols on one phone and is signed in,
sees only their building, and is signed out as soon as the admin disables the account after
its "are you sure?" page. Secrets shown once survive a switch of language."""
import re

import pytest

from conftest import STRONG_PASSWORD, axe_violations

pytestmark = pytest.mark.browser


def sign_in(page, live_url, helper, login, password, secret):
    """Fill the sign-in form as a person would."""
    page.goto(live_url + "/benevoles/connexion?lang=fr")
    page.get_by_label("Identifiant").fill(login)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_label("Code à usage unique").fill(helper.code(secret))
    page.get_by_role("button", name="Se connecter").click()


def test_invite_enrol_scope_and_disable(browser, live_url, live_admin):
    """The whole life of a volunteer account, clicked through in Chromium."""
    helper, admin = live_admin
    admin_page = browser.new_context().new_page()
    sign_in(admin_page, live_url, helper, admin.login, admin.password, admin.secret)
    assert admin_page.locator("h1").inner_text() == "Espace bénévoles"
    assert axe_violations(admin_page) == []

    admin_page.get_by_role("link", name="Comptes").click()
    admin_page.get_by_role("link", name="Inviter un bénévole").click()
    assert axe_violations(admin_page) == []
    admin_page.get_by_label("Identifiant (un pseudonyme convient)").fill("vol-browser")
    admin_page.get_by_label("Rôle").select_option("volunteer")
    admin_page.get_by_label("Bâtiment A — Les Tilleuls").check()
    admin_page.get_by_role("button", name="Créer et obtenir le lien d'invitation").click()
    link = admin_page.locator(".link-box code").inner_text()
    assert re.fullmatch(r"https?://\S+/benevoles/invitation/[\w-]+", link)
    assert admin_page.locator("svg.qr").count() == 1
    admin_page.get_by_role("link", name="English").click()  # the link survives the switch
    assert admin_page.locator(".link-box code").inner_text() == link
    admin_page.get_by_role("link", name="Français").click()
    link_page = admin_page.url
    admin_page.get_by_role("button", name="Il a été remis").click()
    admin_page.goto(link_page)  # Back, or a reload: the link is gone
    assert link not in admin_page.content()
    assert "n'est plus affiché" in admin_page.locator("main").inner_text()

    volunteer_page = browser.new_context().new_page()
    volunteer_page.goto(link + "?lang=fr")
    assert axe_violations(volunteer_page) == []
    assert volunteer_page.get_by_role("link", name="Ouvrir dans mon application "
                                                    "d'authentification").get_attribute(
        "href").startswith("otpauth://totp/")
    secret = volunteer_page.locator("code.secret").inner_text().replace(" ", "")
    volunteer_page.get_by_label("Choisissez un mot de passe").fill(STRONG_PASSWORD)
    volunteer_page.get_by_label("Le même mot de passe, une seconde fois").fill(STRONG_PASSWORD)
    volunteer_page.get_by_label("Code affiché par l'application").fill(helper.code(secret))
    volunteer_page.get_by_role("button", name="Activer mon compte").click()
    codes = volunteer_page.locator("ol.codes li").all_inner_texts()
    assert len(codes) == 10
    volunteer_page.get_by_role("link", name="English").click()  # nor do the codes
    assert volunteer_page.locator("ol.codes li").all_inner_texts() == codes
    volunteer_page.get_by_role("button", name="I have kept them: continue").click()
    volunteer_page.goto(live_url + "/benevoles/?lang=fr")  # signed in by the activation

    buildings = volunteer_page.locator("section", has_text="Vos bâtiments")
    assert buildings.get_by_role("link").all_inner_texts() == ["Bâtiment A — Les Tilleuls"]
    buildings.get_by_role("link").click()
    assert volunteer_page.locator("h1").inner_text() == "Bâtiment A — Les Tilleuls"
    other = volunteer_page.goto(live_url + "/benevoles/batiments/2")
    assert other.status == 404
    volunteer_page.goto(live_url + "/benevoles/")

    admin_page.goto(live_url + "/benevoles/admin/comptes")
    admin_page.get_by_role("link", name="vol-browser").click()
    admin_page.get_by_role("link", name="Désactiver le compte…").click()
    assert "1 session ouverte prend fin maintenant" in admin_page.locator("main").inner_text()
    assert axe_violations(admin_page) == []
    admin_page.get_by_role("button", name="Désactiver le compte").click()
    assert "Compte désactivé" in admin_page.locator(".flashes").inner_text()

    volunteer_page.reload()
    assert "/benevoles/connexion" in volunteer_page.url
    assert volunteer_page.locator("h1").inner_text() == "Connexion des bénévoles"


def test_sign_in_page_is_accessible_in_both_languages(watched_page, live_url):
    """The sign-in page, with an error shown, has no serious axe violation, FR and EN."""
    page = watched_page
    for lang, button in (("fr", "Se connecter"), ("en", "Sign in")):
        page.goto(f"{live_url}/benevoles/connexion?lang={lang}")
        assert axe_violations(page) == []
        page.locator("#login").fill("nobody")
        page.locator("#password").fill("wrong password")
        page.locator("#code").fill("123456")
        page.get_by_role("button", name=button).click()
        assert page.get_by_role("alert").count() >= 1
        assert axe_violations(page) == []
    assert page.outside_requests == []


def test_a_new_authenticator_survives_a_language_switch(browser, live_url, live_admin):
    """The page with a new second-factor secret switches language without losing it; the
    recovery codes that follow do too."""
    helper, admin = live_admin
    page = browser.new_context().new_page()
    sign_in(page, live_url, helper, admin.login, admin.password, admin.secret)
    page.goto(live_url + "/benevoles/compte?lang=fr")
    section = page.locator("form", has=page.get_by_role("button", name="Installer une "
                                                                     "nouvelle application"))
    section.get_by_label("Mot de passe actuel").fill(admin.password)
    section.get_by_label("Code à usage unique").fill(helper.code(admin.secret))
    section.get_by_role("button").click()
    secret = page.locator("code.secret").inner_text()
    page.get_by_role("link", name="English").click()
    assert page.locator("code.secret").inner_text() == secret
    page.get_by_label("Code shown by the new app").fill(helper.code(secret.replace(" ", "")))
    page.get_by_role("button", name="Confirm the new app").click()
    codes = page.locator("ol.codes li").all_inner_texts()
    page.get_by_role("link", name="Français").click()
    assert page.locator("ol.codes li").all_inner_texts() == codes
    page.get_by_role("button", name="Je les ai notés : continuer").click()
    admin.secret = secret.replace(" ", "")
