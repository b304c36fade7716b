"""Every page a person can open, checked in Chromium: no serious or critical axe violation,
no console error, nothing loaded from another host, no sideways scroll at 320 px."""
from datetime import datetime, timezone
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
    grievance = db.execute("select min(id) from grievances where building_id = ?",
                           [building]).fetchone()[0]
    case = db.execute("select min(id) from cases where building_id = ?",
                      [building]).fetchone()[0]
    campaign = db.execute("select id, slug from campaigns order by id").fetchone()
    communique, communique_slug = db.execute(
        "select id, slug from communiques where status = 'published' order by id").fetchone()
    statement, year = db.execute("select id, year from charge_statements where building_id = ? "
                                 "and published_at is not null order by year desc",
                                 [building]).fetchone()
    line = db.execute("select min(id) from charge_lines where statement_id = ?",
                      [statement]).fetchone()[0]
    outage = db.execute("select min(id) from charge_outages where building_id = ?",
                        [building]).fetchone()[0]
    db.close()
    target, token = helper.invite(f"sweep-target-{token_hex(3)}", "volunteer", [building])
    action, task, rsvp_token = _live_action(live_app)
    return {"filename": "style.css", "token": token, "volunteer_id": target,
            "landlord_id": landlord, "building_id": building, "grievance_id": grievance,
            "case_id": case, "campaign_id": campaign[0], "slug": campaign[1], "tracker_id": 0,
            "action_id": action, "task_id": task, "rsvp_token": rsvp_token,
            "communique_id": communique, "number": 1, "statement_id": statement,
            "line_id": line, "outage_id": outage, "year": year, "kind": "contestation",
            "by_prefix": {"/communiques/": {"slug": communique_slug}}}


def follow(page, live_url, slug) -> int:
    """The member of this browser follows the demo campaign; their tracker's id (its pages
    are theirs to open)."""
    page.goto(f"{live_url}/demandes/{slug}?lang=fr")
    page.get_by_label("Envoyée le (facultatif : vous pourrez le dire plus tard)").fill(
        "2026-01-05")
    page.get_by_label("Comment (facultatif)").select_option("post")
    page.get_by_role("button", name="Suivre ma demande").click()
    return int(page.url.rsplit("/", 1)[1].split("?")[0])


def _live_action(live_app) -> tuple[int, int, str]:
    """A coming public demo action, its first task, and a new answer's token."""
    from association.actions import rsvps

    db = connect(live_app.config["DATABASE"])
    action = db.execute("select id from actions where visibility = 'public' and "
                        "place_reveal_hours is null and starts_at > ? order by starts_at "
                        "limit 1", [datetime.now(timezone.utc).isoformat()]).fetchone()[0]
    task = db.execute("select min(id) from action_tasks where action_id = ?",
                      [action]).fetchone()[0]
    with live_app.app_context():
        token = rsvps.answer(db, action)
    db.close()
    return action, task, token


def open_as(page, who: str, live_app, live_url, live_admin, on_key_page=None) -> dict:
    """Make this browser ``who`` ("anonymous", "admin" signed in, or "member" with a new key
    following the demo campaign); return the route arguments of the live app for them."""
    helper, account = live_admin
    ids = live_ids(live_app, helper)
    if who == "admin":
        page.goto(live_url + "/benevoles/connexion?lang=fr")
        page.locator("#login").fill(account.login)
        page.locator("#password").fill(account.password)
        page.locator("#code").fill(helper.code(account.secret))
        page.locator("#login").press("Enter")
    elif who == "member":
        page.goto(live_url + "/membre/?lang=fr")
        page.get_by_role("button", name="Me créer une clé personnelle").click()
        if on_key_page:
            on_key_page()
        ids = {**ids, "tracker_id": follow(page, live_url, ids["slug"])}
    return ids


@pytest.mark.parametrize("who", ["anonymous", "admin", "member"])
def test_every_page_in_both_languages(watched_page, live_app, live_url, live_admin, who):
    """Every page of the access table as the role that opens it (public pages anonymously,
    the volunteer area as an admin, the member space with a new key), FR and EN. One test
    per role, so that a parallel run shares them out."""
    page = watched_page
    page.set_viewport_size({"width": 320, "height": 800})
    problems = []
    ids = open_as(page, who, live_app, live_url, live_admin,
                  on_key_page=lambda: problems.extend(
                      f"key page axe: {v}" for v in axe_violations(page)))
    paths = [url for role, url in html_pages(live_app, ids) if role == who]
    assert paths
    for path in paths:
        for lang in ("fr", "en"):
            problems += check(page, live_url + path, lang)
    assert problems == [], "\n".join(problems)
    assert page.outside_requests == []
