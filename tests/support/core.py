"""The core's test helpers: an app on a fresh instance, a clock moved by hand, the pages'
forms and text, the rows every capability stands on (buildings, landlords)."""
import html
import re
from datetime import datetime, timedelta, timezone

from association import create_app
from association.db import connect, migrate

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"
# argon2id made cheap for the suite (the production parameters cost ~50 ms a hash), as
# Django's tests do with their password hasher: same algorithm, other parameters.
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 64, "parallelism": 1}


def make_app(instance_path, **config):
    """An app on a fresh instance folder with the schema applied."""
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(instance_path),
                      "SECRET_KEY": TEST_SECRET, "SCHEDULER": "off", "ARGON2": CHEAP_ARGON2,
                      **config})
    db = connect(app.config["DATABASE"])
    migrate(db, app)
    db.close()
    return app


class Clock:
    """A clock the test moves by hand (sessions, throttling, one-time codes)."""

    def __init__(self, start: datetime | None = None):
        self.moment = start or datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta) -> None:
        """Move the clock forward."""
        self.moment += timedelta(**delta)


def csrf_token(client, url: str) -> str:
    """The CSRF token of the form on the page at ``url`` (or where it redirects to)."""
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, f"no form on {url}"
    return match[1]


def page_text(response) -> str:
    """A response's page as text, HTML entities decoded."""
    return html.unescape(response.get_data(as_text=True))


def database_bytes(app) -> bytes:
    """The database file and its write-ahead log, as bytes (to look for what must be gone)."""
    raw = b""
    for suffix in ("", "-wal"):
        try:
            with open(app.config["DATABASE"] + suffix, "rb") as handle:
                raw += handle.read()
        except FileNotFoundError:
            pass
    return raw


def add_building(app, name, landlord=None):
    """A building row; return its id."""
    db = connect(app.config["DATABASE"])
    building_id = db.table("buildings").insert({"name": name}).last_pk
    db.close()
    return building_id


def add_landlord(app, name="Bailleur") -> int:
    """A landlord row; return its id."""
    db = connect(app.config["DATABASE"])
    landlord_id = db.table("landlords").insert({"name": name}).last_pk
    db.close()
    return landlord_id
