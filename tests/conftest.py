"""Fixtures: a real app on a temporary instance, its client and CLI runner, and a real browser."""
import html
import itertools
import os
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from werkzeug.serving import make_server

from association import create_app
from association.db import connect, migrate

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"
# argon2id made cheap for the suite (the production parameters cost ~50 ms a hash), as
# Django's tests do with their password hasher: same algorithm, other parameters.
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 64, "parallelism": 1}

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


# --- volunteers ------------------------------------------------------------------------

STRONG_PASSWORD = "quatre chats bleus dansent sous la pluie"


def csrf_token(client, url: str) -> str:
    """The CSRF token of the form on the page at ``url`` (or where it redirects to)."""
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, f"no form on {url}"
    return match[1]


@dataclass
class Account:
    """A volunteer account made through the invitation path, with what it needs to sign in."""

    id: int
    login: str
    password: str
    secret: str


class Volunteers:
    """Makes volunteer accounts the way people do (invitation, enrolment) and signs them in."""

    def __init__(self, app):
        self.app = app
        self.clock = app.config["CLOCK"]

    def invite(self, login, role="volunteer", buildings=()):
        """Create an account and return (id, invitation token)."""
        from association.volunteers import accounts

        db = connect(self.app.config["DATABASE"])
        with self.app.app_context():
            result = accounts.create(db, login, role, list(buildings))
        db.close()
        return result

    def code(self, secret: str) -> str:
        """The authenticator app's code, half a minute later (each code is accepted once)."""
        import pyotp

        self.clock.advance(seconds=30)
        return pyotp.TOTP(secret).at(self.clock())

    def enrol(self, client, token, password=STRONG_PASSWORD):
        """Open the invitation, read the key shown, choose the password, confirm a code."""
        url = f"/benevoles/invitation/{token}"
        page = client.get(url).get_data(as_text=True)
        secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)[1].replace(" ", "")
        token_value = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
        response = client.post(url, data={"csrf_token": token_value, "password": password,
                                          "confirm": password, "code": self.code(secret)},
                               follow_redirects=True)
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        return secret, response

    def create(self, login, role="volunteer", buildings=(), password=STRONG_PASSWORD):
        """An active account, ready to sign in."""
        volunteer_id, token = self.invite(login, role, buildings)
        secret, _ = self.enrol(self.app.test_client(), token, password)
        return Account(volunteer_id, login, password, secret)

    def login(self, client, account, password=None, code=None):
        """Sign in through the login form; return the response."""
        token = csrf_token(client, "/benevoles/connexion")
        return client.post("/benevoles/connexion", data={
            "csrf_token": token, "login": account.login,
            "password": password or account.password,
            "code": code or self.code(account.secret)})


@pytest.fixture
def volunteers(app):
    """The helper that makes and signs in volunteer accounts."""
    return Volunteers(app)


def add_building(app, name, landlord=None):
    """A building row; return its id."""
    db = connect(app.config["DATABASE"])
    building_id = db.table("buildings").insert({"name": name}).last_pk
    db.close()
    return building_id


_admins = itertools.count(1)


@pytest.fixture
def live_admin(live_app):
    """An administrator of the live (browser) app, which runs on a controlled clock meanwhile;
    yields the Volunteers helper and the account."""
    live_app.config["CLOCK"] = Clock()
    helper = Volunteers(live_app)
    account = helper.create(f"live-admin-{next(_admins)}", "admin")
    yield helper, account
    live_app.config.pop("CLOCK")


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


# --- factories -----------------------------------------------------------------------------

KEY_PATTERN = re.compile(r"\b([0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4})\b")


def page_text(response) -> str:
    """A response's page as text, HTML entities decoded."""
    return html.unescape(response.get_data(as_text=True))


def new_member(client) -> str:
    """Make a member key through the member space; return it (the client is signed in)."""
    response = client.post("/membre/nouvelle-cle",
                           data={"csrf_token": csrf_token(client, "/membre/")},
                           follow_redirects=True)
    assert response.status_code == 200, response.status_code
    return KEY_PATTERN.search(page_text(response))[1]


@dataclass(frozen=True)
class Reader:
    """A volunteer as the audit log sees one (an id and a login), for direct calls."""

    id: int
    login: str


def confirm_key(app, member, login: str = "accueil") -> int:
    """Confirm a member's key as a volunteer does in person (``keys.confirm``, the step the
    confirmation code leads to; issue 19: only confirmed keys move published figures and open
    members-only actions). ``member``: the key as shown, or the member's id. The volunteer
    ``login`` is made the first time. Return the member's id."""
    from association.members import keys
    from association.volunteers import accounts

    db = connect(app.config["DATABASE"])
    with app.app_context():
        member_id = keys.find(db, member)["id"] if isinstance(member, str) else member
        found = db.execute("select id from volunteers where login = ?", [login]).fetchone()
        volunteer_id = found[0] if found else accounts.create(db, login, "volunteer", [])[0]
        assert keys.confirm(db, member_id, {"id": volunteer_id, "login": login})
    db.close()
    return member_id


def confirmed_member(app) -> int:
    """A new member whose key a volunteer confirmed; return its id (for direct calls)."""
    from association.members import keys

    db = connect(app.config["DATABASE"])
    member_id, _key = keys.create(db)
    db.close()
    confirm_key(app, member_id)
    return member_id


def add_landlord(app, name="Bailleur") -> int:
    """A landlord row; return its id."""
    db = connect(app.config["DATABASE"])
    landlord_id = db.table("landlords").insert({"name": name}).last_pk
    db.close()
    return landlord_id


def add_campaign(app, slug="bailleur-2026", **values) -> int:
    """An open access request campaign; return its id."""
    from association.requests import campaigns

    db = connect(app.config["DATABASE"])
    with app.app_context():
        campaign_id = campaigns.save(db, {
            "slug": slug, "title": f"Campagne {slug}", "controller_name": "Habitat Test",
            "controller_address": "1 rue du Test\n75013 Paris",
            "dpo_email": "dpo@bailleur.example", "opens_on": "2026-01-01", **values})
    db.close()
    return campaign_id


def follow_campaign(client, slug, sent_on=None, channel="post", confirmed=False) -> int:
    """Follow a campaign as this client's member (a key is made if need be); return the
    tracker's id. ``confirmed``: a volunteer then confirms the member's key, so that the
    tracker counts in the results."""
    data = {"csrf_token": csrf_token(client, f"/demandes/{slug}")}
    if sent_on:
        data.update({"track-sent_on": sent_on, "track-channel": channel})
    response = client.post(f"/demandes/{slug}/suivre", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[-3000:]
    page = client.get(f"/demandes/{slug}").get_data(as_text=True)
    tracker_id = int(re.search(r'/demandes/suivi/(\d+)', page)[1])
    if confirmed:
        db = connect(client.application.config["DATABASE"])
        member_id = db.execute("select member_id from trackers where id = ?",
                               [tracker_id]).fetchone()[0]
        db.close()
        confirm_key(client.application, member_id)
    return tracker_id


@dataclass
class World:
    """Two buildings, a landlord, one signed-in client per role and an invited volunteer:
    what the access table and the page sweeps visit the site with."""

    clients: dict
    building_a: int
    building_b: int
    landlord: int
    target: int
    token: str
    grievance: dict
    case_id: int
    campaign: dict
    action: int = 0
    task: int = 0
    rsvp_token: str = ""
    communique: int = 0
    communique_slug: str = ""
    charges: dict | None = None

    @property
    def ids(self) -> dict:
        """Real values for the route arguments."""
        return {"filename": "style.css", "token": self.token, "volunteer_id": self.target,
                "landlord_id": self.landlord, "building_id": self.building_a,
                "grievance_id": self.grievance["id"], "photo_id": self.grievance["photo_id"],
                "support_id": self.grievance["support_id"], "case_id": self.case_id,
                **self.campaign,
                "action_id": self.action, "task_id": self.task, "rsvp_token": self.rsvp_token,
                "communique_id": self.communique, "number": 1, **(self.charges or {}),
                "by_prefix": {"/communiques/": {"slug": self.communique_slug}}}


def make_world(app, helper) -> World:
    """Build the world on ``app`` with the volunteers helper."""
    building_a = add_building(app, "Bâtiment A")
    building_b = add_building(app, "Bâtiment B")
    landlord = add_landlord(app)
    clients = {"anonymous": app.test_client(), "member": app.test_client()}
    new_member(clients["member"])
    for role, buildings in (("admin", []), ("editor", []), ("volunteer", [building_a])):
        account = helper.create(f"{role}-test", role, buildings)
        client = app.test_client()
        assert helper.login(client, account).status_code == 302
        clients[role] = client
    target, token = helper.invite("target", "volunteer", [building_b])
    grievance = report(clients["member"], building_a, photos=[jpeg_bytes()])
    clients["member"].post(f"/batiments/{building_a}/moi-aussi", data={
        "csrf_token": csrf_token(clients["member"], "/membre/"), "category": "lifts"})
    db = connect(app.config["DATABASE"])
    grievance["photo_id"] = db.execute("select id from grievance_photos where grievance_id = ?",
                                       [grievance["id"]]).fetchone()[0]
    grievance["support_id"] = db.execute("select max(id) from grievance_supports").fetchone()[0]
    with app.app_context():
        from association.grievances import cases

        case_id = cases.open_case(db, building_a, "damp", "Humidité", None, [],
                                  [grievance["id"]], Reader(1, "admin-test"))
    db.close()
    slug = "bailleur-2026"
    campaign_id = add_campaign(app, slug)
    tracker_id = follow_campaign(clients["member"], slug, sent_on="2026-01-05")
    action, task, rsvp_token = add_action(app)
    communique, communique_slug = publish_communique(app)
    return World(clients, building_a, building_b, landlord, target, token, grievance, case_id,
                 {"slug": slug, "campaign_id": campaign_id, "tracker_id": tracker_id},
                 action, task, rsvp_token, communique, communique_slug,
                 add_charges(app, building_a))


def add_charges(app, building_id, year=2025, published=True) -> dict:
    """A statement of charges of the building with one line (published unless told): the
    route arguments of its pages."""
    from association.charges import demo as charges_demo
    from association.charges import statements

    db = connect(app.config["DATABASE"])
    with app.app_context():
        statement_id = statements.create(db, {
            "building_id": building_id, "year": year, "sender": "Bailleur",
            "received_on": f"{year + 1}-06-01", "distribution_key": "surface",
            "total_units": 1000, "social_housing": 1}, None)
        statements.add_lines(db, statement_id, charges_demo.rows(charges_demo.HEATING_YEAR),
                             None)
        if published:
            statements.set_published(db, statement_id, True, Reader(1, "admin-test"))
    line_id = db.execute("select min(id) from charge_lines where statement_id = ?",
                         [statement_id]).fetchone()[0]
    db.close()
    return {"statement_id": statement_id, "line_id": line_id, "year": year,
            "kind": "contestation"}


def jpeg_bytes(size=(64, 48), **exif) -> bytes:
    """A small JPEG made here, optionally with EXIF tags (to show they are removed)."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, (120, 160, 200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.get("exif", Image.Exif()))
    return buffer.getvalue()


def report(client, building_id, category="damp", description="Fuite d'eau sous l'évier "
           "depuis lundi", photos=(), confirmed=False, **extra) -> dict:
    """A report sent through /signaler by this browser; the grievance row. ``confirmed``: a
    volunteer then confirms the member's key, so that the report counts publicly."""
    import io

    data = {"csrf_token": csrf_token(client, "/signaler"), "building": building_id,
            "category": category, "description": description, **extra}
    data["photos"] = [(io.BytesIO(photo), f"photo{i}.jpg") for i, photo in enumerate(photos)]
    response = client.post("/signaler", data=data, content_type="multipart/form-data")
    assert response.status_code == 303, page_text(response)[-3000:]
    page = page_text(client.get("/signaler/merci"))
    reference = re.search(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", page)[0]
    db = connect(client.application.config["DATABASE"])
    row = db.execute("select id, member_id, building_id from grievances where reference = ?",
                     [reference]).fetchone()
    db.close()
    if confirmed:
        confirm_key(client.application, row[1])
    return {"id": row[0], "member_id": row[1], "building_id": row[2], "reference": reference}


def add_action(app, days=10, **fields):
    """A public action in ``days`` days with its checklist and, when it is still to come,
    one answer "I'll come"; return (action id, its first task's id, the answer's token)."""
    from association.actions import agenda, rsvps

    start = app.config["CLOCK"]() + timedelta(days=days)
    values = {"kind": "general_assembly", "title": "Assemblée générale", "place": "Salle A",
              "visibility": "public", "starts_at": start,
              "ends_at": start + timedelta(hours=2), **fields}
    db = connect(app.config["DATABASE"])
    with app.app_context():
        action = agenda.create(db, values)
        token = rsvps.answer(db, action) if days > 0 else None
    task = db.execute("select min(id) from action_tasks where action_id = ?", [action]).fetchone()[0]
    db.close()
    return action, task, token


@dataclass(frozen=True)
class Writer:
    """An editor as the communiqués' workflow sees one (id, login, role), for direct calls."""

    id: int | None
    login: str
    role: str = "editor"


_writers = itertools.count(1)


def editor_rows(app) -> tuple["Writer", "Writer"]:
    """Two editor accounts (invited, never signed in): a writer and an approver."""
    from association.volunteers import accounts

    db = connect(app.config["DATABASE"])
    made = []
    with app.app_context():
        for role in ("writer", "approver"):
            login = f"{role}-{next(_writers)}"
            made.append(Writer(accounts.create(db, login, "editor", [])[0], login))
    db.close()
    return made[0], made[1]


def publish_communique(app, title="Loyers : notre réponse", body="Le texte du **communiqué**.",
                       lang="fr", cosignatories="", original_id=None) -> tuple[int, str]:
    """A communiqué written by one editor and approved by another; return (id, slug)."""
    from association.communiques import workflow

    writer, approver = editor_rows(app)
    db = connect(app.config["DATABASE"])
    with app.app_context():
        communique_id = workflow.create(db, writer, lang, {
            "title": title, "body": body, "cosignatories": cosignatories}, {}, original_id)
        workflow.submit(db, communique_id, writer)
        workflow.approve(db, communique_id, approver)
        slug = db.execute("select slug from communiques where id = ?",
                          [communique_id]).fetchone()[0]
    db.close()
    return communique_id, slug


@pytest.fixture
def world(app, volunteers) -> World:
    """The world of the access table, on the test's app."""
    return make_world(app, volunteers)
