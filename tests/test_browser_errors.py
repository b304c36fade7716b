"""A refused form shows why at once on a phone (issue 21): on every page of the access table,
a form sent back with errors puts its summary first in <main>, focused, within the first
screen of 360×740, and the page's title begins with "Erreur"."""
import pytest

from test_browser_pages import open_as
from routes import html_pages

pytestmark = pytest.mark.browser

# A form worth refusing: one a person fills in (a button alone is an action, not a form).
FILL_IN = "input[type=text], input[type=email], input[type=password], input[type=date], " \
          "input[type=time], input[type=datetime-local], input[type=number], input:not([type]), " \
          "textarea, select"
EMPTY_EVERY_FIELD = """form => {
  for (const field of form.querySelectorAll("input, textarea, select")) {
    if (["hidden", "submit", "button", "radio", "file"].includes(field.type)) continue;
    if (field.type === "checkbox") field.checked = false;
    else if (field.tagName === "SELECT") field.selectedIndex = field.multiple ? -1 : 0;
    else field.value = "";
  }
  form.requestSubmit();
}"""


def refused_forms_on(page, url: str) -> tuple[int, list[str]]:
    """Send each form of the page at ``url`` emptied, one at a time; how many were refused,
    and the problems seen on the answers that refused them."""
    problems, refused = [], 0
    page.goto(url)
    count = page.locator("main form[method=post]").count()
    for index in range(count):
        if index:
            page.goto(url)
        form = page.locator("main form[method=post]").nth(index)
        if form.locator(FILL_IN).count() == 0:
            continue
        with page.expect_navigation() as sent:
            form.evaluate(EMPTY_EVERY_FIELD)
        response = sent.value
        if response is None or response.status not in (400, 422):
            continue
        refused += 1
        where = f"{url} form {index + 1} ({response.status})"
        if not page.title().startswith("Erreur\u00a0: "):
            problems.append(f"{where}: title {page.title()!r}")
        summary = page.locator("main > .error-summary").first
        if summary.count() == 0:
            problems.append(f"{where}: no error summary first in <main>")
            continue
        if not summary.evaluate("node => node === document.activeElement"):
            problems.append(f"{where}: the error summary is not focused")
        box = summary.bounding_box()
        if box is None or box["y"] < 0 or box["y"] + 40 > 740:
            problems.append(f"{where}: the error summary is off the first screen ({box})")
    return refused, problems


@pytest.mark.parametrize("who", ["anonymous", "admin", "member"])
def test_a_refused_form_shows_its_errors_first_on_a_phone(watched_page, live_app, live_url,
                                                           live_admin, who):
    """Every form of every page, sent empty by the role that opens the page, in French at
    360×740: each refusal shows its summary first, focused, in view, "Erreur" in the title."""
    page = watched_page
    page.set_viewport_size({"width": 360, "height": 740})
    ids = open_as(page, who, live_app, live_url, live_admin)
    problems, refused = [], 0
    for path in [url for role, url in html_pages(live_app, ids) if role == who]:
        url = live_url + path + ("&" if "?" in path else "?") + "lang=fr"
        count, found = refused_forms_on(page, url)
        refused += count
        problems += found
    assert refused >= 3, refused  # refusals were seen and checked
    assert problems == [], "\n".join(problems)
    # (the browser notes each refusal's 400 in its console: that is the point here)
    assert [e for e in page.console_errors if "status of 4" not in e] == []
    assert page.outside_requests == []
