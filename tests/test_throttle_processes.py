"""Throttling holds across worker processes: gunicorn with three workers."""
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import Clock, Volunteers, make_app
from servers import gunicorn, stop

pytestmark = pytest.mark.slow


def attempt(base, login, password, code="123456") -> int:
    """One sign-in through a fresh browser session; return the status code."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/benevoles/connexion").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    data = urllib.parse.urlencode({"csrf_token": token, "login": login, "password": password,
                                   "code": code}).encode()
    try:
        return opener.open(base + "/benevoles/connexion", data=data).status
    except urllib.error.HTTPError as error:
        return error.code


def test_sixth_failed_login_gets_429_with_three_workers(tmp_path):
    """Failures counted by different workers add up: the sixth attempt is refused."""
    instance = tmp_path / "instance"
    app = make_app(instance)
    app.config["CLOCK"] = Clock()
    account = Volunteers(app).create("rita")
    server, base = gunicorn(instance, workers=3)
    try:
        statuses = [attempt(base, account.login, "wrong password here") for _ in range(5)]
        sixth = attempt(base, account.login, account.password)
    finally:
        stop(server)
    assert statuses == [400] * 5
    assert sixth == 429
