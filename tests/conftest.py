"""Fixtures: a real app on a temporary instance, its client and CLI runner, and a real browser."""
import os
import threading

import pytest
from werkzeug.serving import make_server

from association import create_app
from association.db import connect, migrate

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"

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


def make_app(instance_path, **config):
    """An app on a fresh instance folder with the schema applied."""
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(instance_path),
                      "SECRET_KEY": TEST_SECRET, "SCHEDULER": "off", **config})
    db = connect(app.config["DATABASE"])
    migrate(db)
    db.close()
    return app


@pytest.fixture
def app(tmp_path):
    """A fresh application with an empty, migrated database."""
    return make_app(tmp_path / "instance")


@pytest.fixture
def client(app):
    """A test client talking HTTP to the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()


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
    demo.load(db)
    db.close()
    return app


@pytest.fixture(scope="session")
def live_url(live_app):
    """The address of a real HTTP server running the live app in a thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
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
