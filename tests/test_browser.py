"""In a real browser: the public pages in both languages, accessible and self-contained."""
import pytest

from conftest import axe_violations

pytestmark = pytest.mark.browser

PAGES = [("/", "fr"), ("/?lang=en", "en"), ("/donnees?lang=fr", "fr"),
         ("/donnees?lang=en", "en"), ("/page-inexistante?lang=fr", "fr")]


@pytest.mark.parametrize(("path", "lang"), PAGES)
def test_public_page_is_clean_and_accessible(watched_page, live_url, path, lang):
    """No console error, nothing loaded from elsewhere, no serious axe violation."""
    page = watched_page
    page.goto(live_url + path)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1
    assert page.locator("main#main").count() == 1
    assert page.console_errors == [] or path.startswith("/page-inexistante")
    assert page.outside_requests == []
    assert axe_violations(page) == []


def test_language_choice_is_remembered(watched_page, live_url):
    """Choosing English by the header link keeps English on the next page."""
    page = watched_page
    page.goto(live_url + "/?lang=fr")
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Our data register").first.click()
    assert page.locator("h1").inner_text() == "Data register"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Français").click()
    assert page.locator("h1").inner_text() == "Registre des données"


def test_skip_link_and_keyboard(watched_page, live_url):
    """The first Tab reaches the skip link, which moves focus to the main content."""
    page = watched_page
    page.goto(live_url + "/?lang=fr")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_narrow_phone_screen_has_no_sideways_scroll(watched_page, live_url):
    """At 320 px wide the pages fit without horizontal scrolling."""
    page = watched_page
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/", "/donnees"):
        page.goto(live_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
