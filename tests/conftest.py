"""Fixtures: a real app on a temporary instance, its client and CLI runner, and a real browser.

Each capability's factories and fixtures are beside it in ``tests/support/`` (volunteers,
members, grievances, requests, actions, communiqués, the world of the access table); the
helpers tests import from here are handed on below."""
import os
import threading

import pytest
from werkzeug.serving import make_server

pytest.register_assert_rewrite("support")

from association.db import connect  # noqa: E402
# The helpers tests import from here, from the modules that hold them.
from support.actions import add_action  # noqa: E402,F401
from support.communiques import Writer, editor_rows, publish_communique  # noqa: E402,F401
from support.core import (CHEAP_ARGON2, TEST_SECRET, Clock, add_building,  # noqa: E402,F401
                          add_landlord, csrf_token, database_bytes, make_app, page_text)
from support.grievances import jpeg_bytes, report  # noqa: E402,F401
from support.members import (KEY_PATTERN, confirm_key, confirmed_member,  # noqa: E402,F401
                             new_member)
from support.requests import add_campaign, follow_campaign  # noqa: E402,F401
from support.volunteers import STRONG_PASSWORD, Account, Reader, Volunteers  # noqa: E402,F401
from support.world import World, make_world  # noqa: E402,F401

# The modules of tests/support/ that hold fixtures: ``volunteers``, ``live_admin``, ``world``.
pytest_plugins = ["support.volunteers", "support.world"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(autouse=True, scope="session")
def _no_outside_configuration():
    """Tests never read the developer's own AMICALE_* settings."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("AMICALE_")}
    for key in saved:
        del os.environ[key]
    yield
    os.environ.update(saved)


@pytest.fixture
def app(tmp_path):
    """A fresh application with an empty, migrated database and a controlled clock."""
    app = make_app(tmp_path / "instance")
    app.config["CLOCK"] = Clock()
    return app


@pytest.fixture
def ctx(app):
    """The app's context, for tests that call the app's functions directly (the inventory,
    jobs, keys): the installed capabilities, the config and the keys are found through it."""
    with app.app_context():
        yield app


@pytest.fixture
def clock(app):
    """The app's controlled clock."""
    return app.config["CLOCK"]


@pytest.fixture
def client(app):
    """A test client talking HTTP to the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()


@pytest.fixture
def db_of():
    """Open connections to any app's database, closed after the test."""
    opened = []

    def open_for(some_app):
        opened.append(connect(some_app.config["DATABASE"]))
        return opened[-1]

    yield open_for
    for database in opened:
        database.close()


@pytest.fixture
def db(app):
    """A connection to the app's database file."""
    database = connect(app.config["DATABASE"])
    yield database
    database.close()


# --- browser ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, never reaching the internet."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True,
            "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """One app with demo content, served for the browser tests."""
    from association import demo

    app = make_app(tmp_path_factory.mktemp("live") / "instance")
    db = connect(app.config["DATABASE"])
    with app.app_context():
        demo.load(db)
    db.close()
    return app


@pytest.fixture(scope="session")
def live_url(live_app):
    """The address of a real HTTP server running the live app in a thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    live_app.config["BASE_URL"] = url  # the public address, as AMICALE_BASE_URL would say
    yield url
    server.shutdown()


@pytest.fixture
def watched_page(page, live_url):
    """A page that records console errors and refuses any request leaving 127.0.0.1."""
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))

    def guard(route):
        url = route.request.url
        if url.startswith(live_url) or url.startswith("data:"):
            route.continue_()
        else:
            page.outside_requests.append(url)
            route.abort()

    page.route("**/*", guard)
    return page


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's serious and critical violations on the page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
        if v["impact"] in impacts
    ]
