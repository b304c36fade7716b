"""In a real browser: the agenda, an answer "I'll come" whose cancel link survives a reload,
opened on a second device, then the cancellation; volunteers create an action and take a
task. No serious or critical axe violation on the way, nothing loaded from elsewhere."""
import re

import pytest

from conftest import axe_violations

pytestmark = pytest.mark.browser


def _axe(page, where: str) -> list[str]:
    return [f"{where}: {v}" for v in axe_violations(page)]


def test_agenda_answer_and_cancellation(watched_page, live_url, browser):
    """From the agenda to an action, "I'll come" for two, the link shown once (kept through
    a reload), the answer opened on a second device, then "I won't come after all"."""
    page, problems = watched_page, []
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_url + "/actions/?lang=fr")
    problems += _axe(page, "agenda")
    assert page.locator("h1").inner_text() == "Agenda"
    page.get_by_role("link", name=re.compile("Réunion publique : nos charges")).click()
    problems += _axe(page, "action")
    expected = page.locator(".facts").inner_text()
    page.get_by_role("link", name="Je viens").click()
    problems += _axe(page, "answer form")
    page.get_by_label("Combien serez-vous ?").select_option("2")
    page.get_by_role("button", name="Je viens").click()

    link = page.locator(".shown-once code").inner_text()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/actions/\d+/reponse/[\w-]+", link)
    problems += _axe(page, "answer recorded")
    page.reload()
    assert page.locator(".shown-once code").inner_text() == link
    assert "Vous avez dit que vous viendriez (2 personnes)." in page.locator("main").inner_text()
    page.get_by_role("button", name="J'ai gardé le lien").click()
    assert page.locator(".shown-once").count() == 0
    # An answer without a confirmed key moves no published figure (issue 19).
    assert page.locator(".facts").inner_text() == expected

    phone = browser.new_context().new_page()
    phone.goto(link)
    assert "Ce navigateur garde maintenant votre réponse." in phone.locator("main").inner_text()
    phone.close()

    page.get_by_role("button", name="Finalement, je ne viens pas").click()
    main = page.locator("main").inner_text()
    assert "Votre réponse est annulée." in main
    assert page.get_by_role("link", name="Je viens").count() == 1
    assert page.locator(".facts").inner_text() == expected
    problems += _axe(page, "answer cancelled")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert problems == [], "\n".join(problems)
    assert page.console_errors == [] and page.outside_requests == []


def test_a_volunteer_creates_an_action_and_takes_a_task(watched_page, live_url, live_admin):
    """Signed in, a volunteer fills the form (a refused date first), then takes a task of the
    new action's checklist and ticks it off."""
    page, problems = watched_page, []
    helper, account = live_admin
    page.goto(live_url + "/benevoles/connexion?lang=fr")
    page.locator("#login").fill(account.login)
    page.locator("#password").fill(account.password)
    page.locator("#code").fill(helper.code(account.secret))
    page.locator("#login").press("Enter")
    page.goto(live_url + "/benevoles/actions/nouvelle?lang=fr")
    page.get_by_label("Type d'action").select_option("delegation")
    page.get_by_label("Titre").fill("Délégation au siège du bailleur")
    page.get_by_label("Date", exact=True).fill("2020-05-04")
    page.get_by_label("Heure de début").fill("09:30")
    page.get_by_label("Heure de fin").fill("11:00")
    page.get_by_role("button", name="Enregistrer l'action").click()
    assert "Ce début est déjà passé" in page.locator("main").inner_text()
    problems += _axe(page, "refused form")
    page.get_by_label("Date", exact=True).fill("2099-05-04")
    page.get_by_role("button", name="Enregistrer l'action").click()
    assert page.locator("h1").inner_text() == "Délégation au siège du bailleur"
    problems += _axe(page, "overview")
    page.get_by_role("button", name=re.compile("Je la prends.*rendez-vous", re.S)).first.click()
    assert f"prise par {account.login}" in page.locator("#taches").inner_text()
    page.get_by_role("button", name=re.compile("La cocher.*rendez-vous", re.S)).first.click()
    assert "Tâche cochée." in page.locator("main").inner_text()
    assert problems == [], "\n".join(problems)
    # The refused form is a 400 page on purpose; Chromium logs that status, nothing else.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
    assert page.outside_requests == []
