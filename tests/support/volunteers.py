"""Volunteers in tests: accounts made through the invitation path, as people make them, and
signed in through the form; the ``volunteers`` and ``live_admin`` fixtures."""
import itertools
import re
from dataclasses import dataclass

import pytest

from association.db import connect

from .core import Clock, csrf_token

STRONG_PASSWORD = "quatre chats bleus dansent sous la pluie"


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


@dataclass(frozen=True)
class Reader:
    """A volunteer as the audit log sees one (an id and a login), for direct calls."""

    id: int
    login: str
