"""Communiqués in a real browser (Chromium): editor A drafts with a live preview and submits,
editor B approves, the page is public; a scheduled communiqué appears once the job runs on a
later day; its correction shows in the page and in the feed. And the XSS corpus, through the
renderer and through published pages, runs no script."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from association.communiques import workflow
from association.db import connect
from association.markup import render_markdown
from conftest import axe_violations, editor_rows
from test_browser_volunteers import sign_in
from test_markup import xss_payloads

pytestmark = pytest.mark.browser


def editor_page(browser, live_url, helper, login):
    """A new browser context where an editor account, made for the test, is signed in."""
    account = helper.create(login, "editor")
    page = browser.new_context().new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    sign_in(page, live_url, helper, account.login, account.password, account.secret)
    return page


def write_and_submit(page, live_url, title, body):
    """Write a draft through the form (checking the live preview), then submit it; return
    the communiqué's page address in the editors' area."""
    page.goto(live_url + "/benevoles/communiques/nouveau?lang=fr")
    page.get_by_label("Titre").fill(title)
    page.get_by_label("Texte, en Markdown").fill(body)
    page.locator("#live-preview p").first.wait_for()  # the script's preview, as typed
    assert axe_violations(page) == []
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    assert "Brouillon enregistré" in page.locator(".flashes").inner_text()
    detail = page.url
    page.get_by_role("button", name="Soumettre à l'approbation").click()
    assert "En attente d'approbation" in page.locator(".state").inner_text()
    return detail


def test_write_approve_schedule_and_correct(browser, live_app, live_url, live_admin):
    """The acceptance path, clicked through by two editors and read by an anonymous reader."""
    helper = live_admin[0]
    alice = editor_page(browser, live_url, helper, "redac-alice")
    bruno = editor_page(browser, live_url, helper, "redac-bruno")
    reader = browser.new_context().new_page()

    detail = write_and_submit(alice, live_url, "Charges : nous demandons le détail",
                              "Nous demandons le **détail** des charges de l'année.")
    assert "ne peut pas l'approuver" in alice.locator(".next-steps").inner_text()
    bruno.goto(detail)
    assert axe_violations(bruno) == []
    bruno.get_by_role("button", name="Approuver", exact=True).click()
    assert "Le communiqué est publié." in bruno.locator(".flashes").inner_text()
    public = bruno.get_by_role("link", name="/communiques/").get_attribute("href")
    reader.goto(live_url + public)
    assert reader.locator("h1").inner_text() == "Charges\u202f: nous demandons le détail"
    assert "détail des charges" in reader.locator(".communique-text").inner_text()
    assert axe_violations(reader) == []

    scheduled = write_and_submit(alice, live_url, "Réunion publique du mois prochain",
                                 "Rendez-vous au local, le *premier* samedi.")
    bruno.goto(scheduled)
    tomorrow = (datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=1)).date()
    bruno.get_by_label("À une date et une heure").first.check()
    bruno.get_by_label("Date (si plus tard)").first.fill(tomorrow.isoformat())
    bruno.get_by_label("Heure (si plus tard)").first.fill("10:00")
    bruno.get_by_role("button", name="Approuver", exact=True).click()
    assert "il sera publié le" in bruno.locator(".flashes").inner_text()
    address = bruno.locator(".state code.url").inner_text()
    assert reader.goto(address).status == 404
    db = connect(live_app.config["DATABASE"])
    with live_app.app_context():
        assert workflow.publish_due(db, tomorrow + timedelta(days=1))["published"] >= 1
    db.close()
    assert reader.goto(address).status == 200
    assert "premier" in reader.locator(".communique-text").inner_text()

    alice.goto(scheduled)
    alice.get_by_role("link", name="Le rectifier").click()
    alice.get_by_label("Texte, en Markdown").fill("Rendez-vous au local, le *deuxième* samedi.")
    alice.get_by_label("Ce qui a été rectifié").fill(
        "La date était fausse : c'est le deuxième samedi.")
    alice.get_by_role("button", name="Proposer le rectificatif").click()
    bruno.goto(scheduled)
    assert "premier" in bruno.locator(".diff del").inner_text()
    assert axe_violations(bruno) == []
    bruno.get_by_role("button", name="Approuver et publier le rectificatif").click()
    reader.reload()  # the browser kept the page (max-age): reloading revalidates its ETag
    text = reader.locator(".communique-text").inner_text()
    assert "deuxième" in text and "premier" not in text
    assert "Rectificatif du" in reader.locator(".correction").inner_text()
    feed = reader.request.get(live_url + "/communiques/feed.atom").text()
    assert "deuxième" in feed and "Rectificatif du" in feed
    assert alice.console_errors == [] and bruno.console_errors == []


def watch(page):
    """Collect every dialog (alert, confirm, prompt) and script error the page raises."""
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    return page


def poke(page):
    """Hover, focus and click whatever the rendering left, the way a reader might."""
    page.evaluate("""() => {
        for (const el of document.querySelectorAll('body *')) {
            el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            if (el.focus) { el.focus(); }
        }
        for (const a of document.querySelectorAll('a[href]')) {
            a.addEventListener('click', e => {
                if (!a.href.startsWith('javascript:')) { e.preventDefault(); }
            });
            a.click();
        }
    }""")


def test_xss_corpus_through_the_renderer_runs_nothing(watched_page):
    """Each payload, rendered and set as a page's content (no CSP there to help), raises no
    dialog and no script error, even when hovered and clicked."""
    page = watch(watched_page)
    page.goto("about:blank")
    for payload in xss_payloads():
        for lang in ("fr", "en"):
            page.set_content(f"<!doctype html><html><body>{render_markdown(payload, lang)}"
                             "</body></html>")
            poke(page)
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.errors == []
    assert page.outside_requests == []


def test_xss_corpus_through_published_pages_runs_nothing(watched_page, live_app, live_url):
    """Each payload published as a communiqué (title and text) and read on its public page
    raises no dialog, no script error and no request elsewhere."""
    writer, approver = editor_rows(live_app)
    db = connect(live_app.config["DATABASE"])
    slugs = []
    with live_app.app_context():
        for number, payload in enumerate(xss_payloads()):
            communique_id = workflow.create(db, writer, "fr", {
                "title": f"XSS {number} {payload[:60]}", "body": payload,
                "cosignatories": payload[:100]}, {})
            workflow.submit(db, communique_id, writer)
            workflow.approve(db, communique_id, approver)
            slugs.append(db.execute("select slug from communiques where id = ?",
                                    [communique_id]).fetchone()[0])
    db.close()
    page = watch(watched_page)
    for slug in slugs:
        assert page.goto(f"{live_url}/communiques/{slug}").status == 200
        poke(page)
    page.goto(f"{live_url}/communiques/")
    poke(page)
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.errors == []
    assert page.outside_requests == []
