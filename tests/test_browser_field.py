"""In Chromium, what a tenant clicks (issue 21): switching language keeps a half-filled form,
and "Copy" buttons hand over a key, the text staying selectable without JavaScript."""
import pytest

from association.db import connect
from association.requests.demo import DEMO_SLUG

pytestmark = pytest.mark.browser


def _building(live_app) -> int:
    db = connect(live_app.config["DATABASE"])
    try:
        return db.execute("select min(id) from buildings where is_demo = 1").fetchone()[0]
    finally:
        db.close()


def test_switching_language_keeps_a_half_filled_report(browser, live_app, live_url):
    """A tenant who starts in French and switches to English finds what they typed and
    chose; a key typed in its field is not carried over."""
    page = browser.new_context().new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_url}/signaler?lang=fr&batiment={_building(live_app)}")
    page.get_by_label("De quoi s'agit-il").select_option("damp")
    page.get_by_label("Décrivez le problème").fill("Moisissures noires derrière l'armoire")
    page.locator("#key").fill("ABCD-EFGH")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en**")
    assert page.get_by_label("What it is about").input_value() == "damp"
    assert page.get_by_label("Describe the problem").input_value() == \
        "Moisissures noires derrière l'armoire"
    assert page.locator("#key").input_value() == ""
    page.reload()  # read once: a reload shows the form as the server sends it
    assert page.get_by_label("Describe the problem").input_value() == ""


def test_the_new_key_is_copied_with_a_button(browser, live_app, live_url):
    """The thanks page's "Copy the key" puts the key on the clipboard; without JavaScript
    there is no button and the key is there to select."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{live_url}/signaler?lang=en&batiment={_building(live_app)}")
    page.get_by_label("What it is about").select_option("damp")
    page.get_by_label("Describe the problem").fill("Black mould behind the wardrobe")
    page.get_by_role("button", name="Send my report").click()
    key = page.locator(".member-key code").inner_text().strip()
    page.get_by_role("button", name="Copy the key").click()
    page.get_by_role("button", name="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == key
    context.close()

    plain = browser.new_context(java_script_enabled=False).new_page()
    plain.goto(f"{live_url}/signaler?lang=en&batiment={_building(live_app)}")
    plain.get_by_label("What it is about").select_option("damp")
    plain.get_by_label("Describe the problem").fill("Black mould behind the wardrobe")
    plain.get_by_role("button", name="Send my report").click()
    assert plain.locator(".member-key code").inner_text().strip()
    assert plain.get_by_role("button", name="Copy the key").count() == 0


def test_a_danger_button_is_outlined_and_set_apart(watched_page, live_app, live_url, live_admin):
    """On an action's page, "Cancel the action…" is outlined in red, not a second main
    button, and stands well apart from "Change the action" (issue 21)."""
    from test_browser_pages import open_as

    page = watched_page
    ids = open_as(page, "admin", live_app, live_url, live_admin)
    page.goto(f"{live_url}/benevoles/actions/{ids['action_id']}?lang=en")
    main = page.get_by_role("link", name="Change the action").bounding_box()
    danger_link = page.get_by_role("link", name="Cancel the action…")
    danger = danger_link.bounding_box()
    look = danger_link.evaluate("e => [getComputedStyle(e).backgroundColor, "
                                "getComputedStyle(e).color, getComputedStyle(e).borderTopColor]")
    assert look == ["rgb(255, 255, 255)", "rgb(164, 22, 26)", "rgb(164, 22, 26)"]
    assert danger["y"] > main["y"] + main["height"] or \
        danger["x"] - (main["x"] + main["width"]) >= 24


@pytest.mark.parametrize("path", ["/transparence", "/donnees", f"/demandes/{DEMO_SLUG}"])
def test_tables_do_not_scroll_sideways_on_a_phone(browser, live_url, path):
    """At 360 px, a table of three columns or more is stacked, one block per row, each cell
    with its column's name: nothing scrolls sideways (issue 21)."""
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(f"{live_url}{path}?lang=fr")
    widths = page.evaluate("""() => Array.from(document.querySelectorAll("table"))
        .filter(t => t.querySelectorAll("thead th").length >= 3)
        .map(t => [(t.closest(".scroll") || t.parentElement).scrollWidth,
                   (t.closest(".scroll") || t.parentElement).clientWidth])""")
    assert widths, "no table of three columns here"
    assert all(scrolled <= shown + 1 for scrolled, shown in widths), widths
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
