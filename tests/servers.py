"""Helpers for tests that start real server processes (gunicorn, flask commands)."""
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import TEST_SECRET

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(instance, **extra):
    """The environment of a server process on this instance, with one-second job periods."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMICALE_")}
    env.update(AMICALE_INSTANCE_PATH=str(instance), AMICALE_SECRET_KEY=TEST_SECRET,
               AMICALE_JOB_PERIOD_SECONDS="1", **extra)
    return env


def wait_until(condition, timeout=20.0):
    """Poll ``condition`` until it is true or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def responds(url) -> bool:
    """Whether ``url`` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process) -> str:
    """Stop a server process politely and return what it wrote on standard error."""
    process.send_signal(signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err or ""


def gunicorn(instance, workers=3, log_path=None, args=(), **env):
    """Start gunicorn on a free port for this instance, with these extra command-line
    ``args``; return (process, base URL).

    Its log goes to ``log_path`` when given (readable while it runs), else to a pipe that
    ``stop`` returns."""
    port = free_port()
    log = open(log_path, "w") if log_path else subprocess.PIPE
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:association.gunicorn_conf",
         "--workers", str(workers), "--bind", f"127.0.0.1:{port}", *args, "app:app"],
        cwd=ROOT, env=environment(instance, **env),
        stdout=subprocess.PIPE, stderr=log, text=True,
    )
    if log_path:
        log.close()
    base = f"http://127.0.0.1:{port}"
    if not wait_until(lambda: responds(base + "/")):
        stop(process)
        raise RuntimeError("gunicorn did not start")
    return process, base


class Browser:
    """A browser on a site served on loopback: it keeps its cookies between requests."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method, path, form=None) -> tuple[int, dict, bytes]:
        """One request with this browser's cookies (``form``: fields to POST); (status,
        headers, body)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def token(self, path: str) -> str:
        """The CSRF token of the form on this page."""
        page = self.request("GET", path)[2].decode()
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
