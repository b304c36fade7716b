"""On a phone, in Chromium at 360 px: every tap target of the volunteers' and members' pages
is at least 44 px high, the volunteer area's menu is folded in a <details> that opens without
JavaScript, and the data register has a table of contents with its technical tables folded."""
import pytest

from routes import html_pages
from test_browser_pages import follow, live_ids

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
MINIMUM = 44

# Every a, button, input, select, summary and label shown on the page (details opened, so
# that what they fold is measured too) that is less than ``minimum`` px high. A link inside
# a sentence is left out, as WCAG 2.5.8 does ("the target is in a sentence"): it is an inline
# box among words (at least three outside any link or button, in the same block), whose
# height is the line's; every link that stands alone is laid out tall by style.css.
MEASURE = """(minimum) => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const interactive = "a, button, input, select, summary, label, textarea";
  function block(el) {
    let up = el.parentElement;
    while (up && getComputedStyle(up).display.startsWith("inline")) up = up.parentElement;
    return up;
  }
  function inSentence(el) {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    const copy = block(el).cloneNode(true);
    copy.querySelectorAll(interactive).forEach((x) => x.remove());
    return (copy.textContent.match(/\\p{L}{2,}/gu) || []).length >= 3;
  }
  const small = [];
  for (const el of document.querySelectorAll(interactive)) {
    if (el.type === "hidden") continue;
    const box = el.getBoundingClientRect();
    const shown = box.width > 0 && box.height > 0 && box.right > 0
      && getComputedStyle(el).visibility !== "hidden";
    if (!shown || box.height >= minimum || inSentence(el)) continue;
    const name = (el.innerText || el.value || el.name || el.id || "").trim().slice(0, 40);
    small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.height)}px`);
  }
  return small;
}"""


def small_targets(page, url: str) -> list[str]:
    """The targets under 44 px on the page at ``url`` (opened if given), as readable lines."""
    if url:
        response = page.goto(url)
        assert response.status == 200, f"{url}: {response.status}"
    return [f"{page.url}: {found}" for found in page.evaluate(MEASURE, MINIMUM)]


def sign_in(page, live_url, helper, account):
    """The sign-in form, filled as a person would."""
    page.goto(live_url + "/benevoles/connexion?lang=fr")
    page.locator("#login").fill(account.login)
    page.locator("#password").fill(account.password)
    page.locator("#code").fill(helper.code(account.secret))
    with page.expect_navigation():
        page.locator("#login").press("Enter")


def test_tap_targets_at_360px(browser, live_app, live_url, live_admin):
    """Every page of the access table (public pages anonymously, the volunteer area as an
    admin, the member space with a new key), in French and English, and the states a person
    meets on the way (a refused sign-in, a new key, a refused form): nothing under 44 px."""
    helper, account = live_admin
    ids = live_ids(live_app, helper)
    pages = html_pages(live_app, ids)
    problems = []

    anonymous = browser.new_context(viewport=PHONE).new_page()
    for path in [url for who, url in pages if who == "anonymous"]:
        for lang in ("fr", "en"):
            problems += small_targets(anonymous, f"{live_url}{path}?lang={lang}")
    anonymous.goto(live_url + "/benevoles/connexion?lang=fr")
    with anonymous.expect_navigation():  # refused: the error summary and its links
        anonymous.locator("#login").press("Enter")
    problems += small_targets(anonymous, None)

    admin = browser.new_context(viewport=PHONE).new_page()
    sign_in(admin, live_url, helper, account)
    for path in [url for who, url in pages if who == "admin"]:
        for lang in ("fr", "en"):
            problems += small_targets(admin, f"{live_url}{path}?lang={lang}")
    admin.goto(live_url + "/benevoles/admin/batiments/nouveau?lang=fr")
    with admin.expect_navigation():  # refused: no name
        admin.get_by_role("button", name="Enregistrer").click()
    problems += small_targets(admin, None)

    member = browser.new_context(viewport=PHONE).new_page()
    member.goto(live_url + "/membre/?lang=fr")
    with member.expect_navigation():
        member.get_by_role("button", name="Me créer une clé personnelle").click()
    problems += small_targets(member, None)  # the key page
    pages = html_pages(live_app, {**ids, "tracker_id": follow(member, live_url, ids["slug"])})
    for path in [url for who, url in pages if who == "member"]:
        for lang in ("fr", "en"):
            problems += small_targets(member, f"{live_url}{path}?lang={lang}")
    member.goto(live_url + "/membre/?lang=fr")
    member.locator("#contact-email").fill("quelquun@example.org")
    with member.expect_navigation():  # refused: no consent
        member.get_by_role("button", name="Enregistrer l'adresse").click()
    problems += small_targets(member, None)
    assert problems == [], "\n".join(problems)


def test_volunteer_menu_folds_on_a_phone_without_javascript(browser, live_url, live_admin):
    """At 360 px the volunteer area's menu is a closed <details> that opens with a tap, with
    JavaScript off; at 1280 px its links show at once."""
    helper, account = live_admin
    phone = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    sign_in(phone, live_url, helper, account)
    menu = phone.locator(".area-nav")
    accounts_link = menu.get_by_role("link", name="Comptes")
    assert menu.locator("summary").is_visible() and not accounts_link.is_visible()
    menu.locator("summary").click()
    assert accounts_link.is_visible()
    accounts_link.click()
    assert phone.locator("h1").inner_text() == "Comptes"

    wide = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    sign_in(wide, live_url, helper, account)
    assert not wide.locator(".area-nav summary").is_visible()
    assert wide.locator(".area-nav").get_by_role("link", name="Comptes").is_visible()


def test_register_has_contents_and_folds_its_technical_tables(page, live_url):
    """/donnees opens with a table of contents whose links lead to its headings; the technical
    tables are folded under their own heading, and a link to one of them unfolds it."""
    page.set_viewport_size(PHONE)
    page.goto(live_url + "/donnees?lang=fr")
    contents = page.locator("nav.toc a")
    assert contents.count() >= 5
    for href in contents.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert page.locator(href).count() == 1, href
    assert not page.locator("#t-job_runs").is_visible()
    assert page.locator("#t-members").is_visible()
    page.locator("#technical-title + p + details > summary").click()
    assert page.locator("#t-job_runs").is_visible()
    page.goto(live_url + "/donnees?lang=fr#t-_sqlite_migrations")
    assert page.locator("#t-_sqlite_migrations").is_visible()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_transparency_months_are_whole_on_a_phone(page, live_url, lang):
    """The month names of the transparency report ("novembre 2026") never break across lines
    at 360 px, and its table's title is a whole heading, not a caption cut with the table
    that scrolls sideways."""
    page.set_viewport_size(PHONE)
    page.goto(live_url + f"/transparence?lang={lang}")
    months = page.locator("tbody th").evaluate_all(
        "cells => cells.map(c => { const r = document.createRange(); r.selectNodeContents(c); "
        "return [c.innerText, new Set([...r.getClientRects()].map(b => b.top)).size]; })")
    assert len(months) == 12
    for text, lines in months:
        assert " " in text.replace("\u00a0", " ") and lines == 1, text
    title = page.locator("#months-title")
    assert title.is_visible() and title.evaluate(
        "h => h.getBoundingClientRect().right <= document.documentElement.clientWidth")
    assert page.locator("caption").count() == 0
