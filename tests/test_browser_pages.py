"""Every page a person can open, checked in Chromium: no serious or critical axe violation,
no console error, nothing loaded from another host, no sideways scroll at 320 px."""
import pytest

from conftest import axe_violations

pytestmark = pytest.mark.browser

PUBLIC = ["/", "/donnees", "/transparence", "/benevoles/connexion", "/membre/"]
VOLUNTEER_AREA = ["/benevoles/", "/benevoles/compte", "/benevoles/batiments/1",
                  "/benevoles/admin/comptes", "/benevoles/admin/comptes/nouveau",
                  "/benevoles/admin/comptes/1", "/benevoles/admin/batiments",
                  "/benevoles/admin/batiments/1", "/benevoles/admin/batiments/nouveau",
                  "/benevoles/admin/bailleurs", "/benevoles/admin/bailleurs/1",
                  "/benevoles/admin/bailleurs/nouveau", "/benevoles/admin/association",
                  "/benevoles/admin/journal"]
MEMBER_SPACE = ["/membre/", "/membre/export", "/membre/effacer"]


def check(page, url, lang):
    """Open ``url`` in ``lang`` and return the problems found."""
    page.console_errors.clear()
    response = page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
    problems = [] if response.status == 200 else [f"{url}: status {response.status}"]
    problems += [f"{url} [{lang}] axe: {v}" for v in axe_violations(page)]
    problems += [f"{url} [{lang}] console: {e}" for e in page.console_errors]
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"{url} [{lang}] scrolls sideways by {overflow}px at 320px")
    return problems


def test_every_page_in_both_languages(watched_page, live_url, live_admin):
    """Public pages, the volunteer area as an admin, and the member space, FR and EN."""
    page = watched_page
    page.set_viewport_size({"width": 320, "height": 800})
    problems = []
    for path in PUBLIC:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)

    helper, account = live_admin
    page.goto(live_url + "/benevoles/connexion?lang=fr")
    page.locator("#login").fill(account.login)
    page.locator("#password").fill(account.password)
    page.locator("#code").fill(helper.code(account.secret))
    page.locator("#login").press("Enter")
    for path in VOLUNTEER_AREA:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)

    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_role("button", name="Me créer une clé d'adhérent").click()
    problems += [f"key page axe: {v}" for v in axe_violations(page)]
    for path in MEMBER_SPACE:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)
    assert problems == [], "\n".join(problems)
    assert page.outside_requests == []
