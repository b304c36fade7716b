"""In a real browser: a member prepares the letter, says it was sent, and follows it while
the days pass (the sweep run with a later ``today``): the reminder, the follow-up letter and
the complaint pack appear, and the public results move with them."""
import json
import urllib.request
from datetime import timedelta

import pytest

from association.db import connect
from association.requests import sweep
from association.requests.demo import DEMO_SLUG
from conftest import axe_violations

pytestmark = pytest.mark.browser


def stats(live_url) -> dict:
    """The campaign's public results, as any other site would read them."""
    with urllib.request.urlopen(f"{live_url}/demandes/{DEMO_SLUG}/stats.json") as response:
        return json.load(response)


def main_text(page) -> str:
    """The page's main text, no-break spaces read as spaces."""
    return page.locator("main").inner_text().replace("\u00a0", " ").replace("\u202f", " ")


def run_sweep(live_app, days_later: int) -> None:
    """The daily job, run as the scheduler would, some days from now."""
    from association.clock import today

    db = connect(live_app.config["DATABASE"])
    with live_app.app_context():
        sweep.run(db, today() + timedelta(days=days_later))
    db.close()


def test_letter_tracker_reminder_follow_up_and_complaint(watched_page, live_app, live_url):
    """The whole path of one tenant, checked with axe on each new page."""
    page = watched_page
    problems = []
    page.goto(f"{live_url}/demandes/{DEMO_SLUG}?lang=fr")
    assert "Rien de ce que vous tapez ici n’est enregistré." in main_text(page)
    page.get_by_label("Vos nom et prénom").fill("Ysolde Brancourt")
    page.get_by_label("Votre adresse postale").fill("9 rue des Tilleuls\n75020 Paris")
    page.get_by_label("Votre numéro de locataire, tel qu’il figure sur votre avis d’échéance "
                      "(facultatif)").fill("REF-77")
    page.get_by_role("button", name="Préparer ma lettre").click()
    letter = page.locator("article.letter").inner_text()
    assert "Ysolde Brancourt" in letter and "REF-77" in letter
    assert "N° de locataire (figurant sur l’avis d’échéance)" in letter.replace("\u00a0", " ")
    assert "Habitat Exemple OPH" in letter
    assert page.locator("a[href^='mailto:dpo@bailleur-demo.example.org']").count() == 1
    problems += axe_violations(page)

    before = stats(live_url)
    page.get_by_label("Envoyée le (facultatif : vous pourrez le dire plus tard)").fill(
        page.evaluate("new Date().toISOString().slice(0, 10)"))
    page.get_by_label("Comment (facultatif)").select_option("email")
    page.get_by_role("button", name="Suivre ma demande").click()
    assert page.locator("h1").inner_text() == "Votre clé personnelle"
    page.get_by_role("button", name="Je l'ai gardée : ouvrir mon espace").click()
    space = main_text(page)
    assert "Mes demandes d’accès" in space and "en attente de réponse" in space
    assert "Ysolde" not in page.content()
    # A tracker of a key no volunteer confirmed moves no published figure (issue 19).
    assert stats(live_url)["sent"] == before["sent"]

    run_sweep(live_app, 40)
    page.reload()
    space = main_text(page)
    assert "Rappel : l’échéance est passée" in space
    page.get_by_role("link", name="Préparer la lettre de relance").first.click()
    problems += axe_violations(page)
    page.get_by_label("Vos nom et prénom").fill("Ysolde Brancourt")
    page.get_by_label("Votre adresse postale").fill("9 rue des Tilleuls\n75020 Paris")
    page.get_by_role("button", name="Préparer ma lettre de relance").click()
    follow_up = page.locator("article.letter").inner_text().replace("\u00a0", " ")
    assert "Objet : relance de ma demande d’accès" in follow_up
    assert "article 12, paragraphe 3" in follow_up and "Ysolde Brancourt" in follow_up
    problems += axe_violations(page)
    overdue = stats(live_url)

    run_sweep(live_app, 60)
    page.goto(f"{live_url}/membre/?lang=fr")
    assert "La plainte à la CNIL est prête" in main_text(page)
    assert "Une relance est recommandée, pas obligatoire." in main_text(page)
    page.get_by_role("link", name="Ouvrir le dossier de plainte").first.click()
    complaint = main_text(page)
    assert "Je n’ai reçu aucune réponse à ce jour." in complaint
    assert "3 place de Fontenoy" in complaint and "preuve de l’envoi" in complaint
    problems += axe_violations(page)

    after = stats(live_url)
    # The demo's tenants whose follow-up's fifteen days still run are overdue, not yet
    # ready to complain (review B1); forty days on, every late request is.
    assert before["states"]["overdue"] >= 3 and overdue["timeliness"]["never"] >= 3
    assert overdue["states"]["overdue"] == 0
    assert after["states"]["complaint_ready"] > (before["states"]["complaint_ready"] or 0)
    assert after["states"]["overdue"] == 0 and after["states"]["awaiting"] == 0
    public = page.goto(f"{live_url}/demandes/{DEMO_SLUG}?lang=fr")
    assert public.status == 200
    row = page.locator("tr", has_text="plainte prête").inner_text()
    assert str(after["states"]["complaint_ready"]) in row
    assert problems == [], "\n".join(problems)
    assert page.console_errors == [] and page.outside_requests == []
