"""In a real browser on a phone (360×740): a volunteer enters a statement of charges, sees the
verdicts, produces the dispute letter and its PDF, publishes the check; a reader computes
their share in the page and on the server; the surface they typed is nowhere in the database
file or its write-ahead log."""
import pytest

from association.db import connect
from conftest import axe_violations, database_bytes

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def main_text(page) -> str:
    """The page's main text, no-break spaces read as spaces."""
    return page.locator("main").inner_text().replace("\u00a0", " ").replace("\u202f", " ")


def sideways(page) -> int:
    """How far the page scrolls sideways (0: it fits the phone)."""
    return page.evaluate("document.documentElement.scrollWidth - "
                         "document.documentElement.clientWidth")


def test_a_statement_checked_disputed_published_and_a_readers_share(browser, live_app,
                                                                    live_url, live_admin):
    """The whole path, clicked through in Chromium at 360×740, with axe on each page."""
    helper, _admin = live_admin
    db = connect(live_app.config["DATABASE"])
    building = db.execute("select id from buildings where is_demo = 1 and id not in (select "
                          "building_id from charge_statements) order by id").fetchone()[0]
    db.close()
    account = helper.create(f"charges-phone-{building}", "volunteer", [building])
    problems = []

    volunteer = browser.new_context(viewport=PHONE).new_page()
    volunteer.goto(live_url + "/benevoles/connexion?lang=fr")
    volunteer.locator("#login").fill(account.login)
    volunteer.locator("#password").fill(account.password)
    volunteer.locator("#code").fill(helper.code(account.secret))
    volunteer.locator("#login").press("Enter")
    volunteer.goto(live_url + "/benevoles/charges/?lang=fr")
    volunteer.get_by_role("link", name="Saisir un décompte").click()
    volunteer.locator("#building").select_option(str(building))
    volunteer.locator("#year").fill("2025")
    volunteer.locator("#sender").fill("Habitat Exemple, service des charges")
    volunteer.locator("#received_on").fill("2026-06-01")
    volunteer.locator("#total_units").fill("2 000")
    volunteer.get_by_role("button", name="Enregistrer le décompte").click()
    assert "Décompte enregistré" in main_text(volunteer)
    for label, nature, amount, percent in (
            ("Garantie totale de la chaufferie (P3)", "heating_p3", "5 000", None),
            ("Salaire du gardien", "caretaker_both", "20 000,00", "100"),
            ("Combustible gaz (P1)", "heating_fuel", "30 000", None)):
        volunteer.locator("#line-label").fill(label)
        volunteer.locator("#line-nature").select_option(nature)
        volunteer.locator("#line-amount").fill(amount)
        if percent:
            volunteer.locator("#line-charged_percent").fill(percent)
        volunteer.get_by_role("button", name="Ajouter la ligne").click()
        assert "Ligne ajoutée." in main_text(volunteer)
    text = main_text(volunteer)
    assert volunteer.locator(".verdict-not_recoverable").count() == 1
    assert volunteer.locator(".verdict-partly").count() == 1
    assert volunteer.locator(".verdict-recoverable").count() == 1
    assert "10 000,00 € — 5,00 € par m²" in text
    assert sideways(volunteer) == 0
    problems += [f"statement: {v}" for v in axe_violations(volunteer)]

    volunteer.get_by_role("button", name="Contestation des lignes relevées").click()
    letter = volunteer.locator("article.letter").inner_text().replace("\u202f", " ").replace(
        "\u00a0", " ")
    assert "Objet : Contestation des charges 2025" in letter
    assert "Montant contesté : 5 000,00 €" in letter
    assert "Au total, nous contestons 10 000,00 € pour l'immeuble, soit 5,00 € par m²" in letter
    problems += [f"letter: {v}" for v in axe_violations(volunteer)]
    with volunteer.expect_download() as download:
        volunteer.get_by_role("link", name="Télécharger le PDF").click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    volunteer.get_by_role("link", name="Retour au décompte").click()
    assert "le dossier de l'immeuble sur les charges" in main_text(volunteer)
    volunteer.get_by_role("button", name="Publier la vérification").click()
    assert "La vérification est publique." in main_text(volunteer)

    reader = browser.new_context(viewport=PHONE).new_page()
    reader.goto(live_url + "/charges/?lang=fr")
    reader.get_by_role("link", name="Charges 2025 — Résidence du Canal").click()
    assert reader.locator(".verdict-not_recoverable").count() == 1
    assert sideways(reader) == 0
    problems += [f"public page: {v}" for v in axe_violations(reader)]
    units = reader.get_by_label("Surface de votre logement (m²) ou tantièmes")
    units.fill("61,4")
    # In the page, as they type: 61.4 of 2,000 m² is 3.07 % of 55,000, 25,000 and 10,000 €.
    result = reader.locator("[data-share-result]")
    assert "1 688,50 €" in result.inner_text().replace("\u202f", " ").replace("\u00a0", " ")
    reader.get_by_role("button", name="Calculer ma part").click()
    text = main_text(reader)
    assert ("Ces charges coûtent 1 688,50 € à votre logement ; les lignes contestées, "
            "767,50 €, et vous pourriez réclamer au moins 307,00 €.") in text
    problems += [f"share: {v}" for v in axe_violations(reader)]
    assert problems == [], "\n".join(problems)

    raw = database_bytes(live_app)
    assert b"61,4" not in raw and b"61.4" not in raw
