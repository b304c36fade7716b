"""Every page a person can open, checked in Chromium: no serious or critical axe violation,
no console error, nothing loaded from another host, no sideways scroll at 320 px."""
from secrets import token_hex

import pytest

from association.db import connect
from conftest import axe_violations
from routes import html_pages

pytestmark = pytest.mark.browser

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


def live_ids(live_app, helper) -> dict:
    """Real values for the route arguments on the live app (its demo content)."""
    db = connect(live_app.config["DATABASE"])
    building = db.execute("select min(id) from buildings").fetchone()[0]
    landlord = db.execute("select min(id) from landlords").fetchone()[0]
    communique, slug = db.execute("select id, slug from communiques where status = 'published' "
                                  "order by id").fetchone()
    db.close()
    target, token = helper.invite(f"sweep-target-{token_hex(3)}", "volunteer", [building])
    return {"filename": "style.css", "token": token, "volunteer_id": target,
            "landlord_id": landlord, "building_id": building, "communique_id": communique,
            "slug": slug, "number": 1}


def test_every_page_in_both_languages(watched_page, live_app, live_url, live_admin):
    """Every page of the access table as the role that opens it (public pages anonymously,
    then the volunteer area as an admin, then the member space with a new key), FR and EN."""
    page = watched_page
    page.set_viewport_size({"width": 320, "height": 800})
    helper, account = live_admin
    pages = html_pages(live_app, live_ids(live_app, helper))
    problems = []
    for path in [url for who, url in pages if who == "anonymous"]:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)

    page.goto(live_url + "/benevoles/connexion?lang=fr")
    page.locator("#login").fill(account.login)
    page.locator("#password").fill(account.password)
    page.locator("#code").fill(helper.code(account.secret))
    page.locator("#login").press("Enter")
    for path in [url for who, url in pages if who == "admin"]:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)

    page.goto(live_url + "/membre/?lang=fr")
    page.get_by_role("button", name="Me créer une clé personnelle").click()
    problems += [f"key page axe: {v}" for v in axe_violations(page)]
    for path in [url for who, url in pages if who == "member"]:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)
    assert problems == [], "\n".join(problems)
    assert page.outside_requests == []
