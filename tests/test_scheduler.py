"""The scheduler in real processes: gunicorn with three workers, and run-scheduler."""
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from association.db import connect
from conftest import TEST_SECRET, make_app

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


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
    return err


def test_embedded_scheduler_runs_once_per_period_with_three_workers(tmp_path):
    """Three gunicorn workers, one-second periods: each period's job runs exactly once."""
    instance = tmp_path / "instance"
    app = make_app(instance)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:association.gunicorn_conf",
         "--workers", "3", "--bind", f"127.0.0.1:{port}", "app:app"],
        cwd=ROOT, env=environment(instance, AMICALE_SCHEDULER="embedded"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert wait_until(lambda: responds(f"http://127.0.0.1:{port}/"))
        db = connect(app.config["DATABASE"])
        assert wait_until(lambda: db.table("job_runs").count >= 4)
        time.sleep(1.5)
    finally:
        log = stop(server)
    runs = [(row["job"], row["period"]) for row in db.table("job_runs").rows]
    db.close()
    ran = Counter(re.findall(r"job=(\S+) period=(\S+) status=done", log))
    assert len(ran) >= 4, log
    assert all(count == 1 for count in ran.values()), ran
    assert set(ran) <= set(runs)
    assert log.count("embedded scheduler started") == 1, log


def test_run_scheduler_command_runs_jobs_and_waits_for_the_lock(tmp_path):
    """run-scheduler runs the jobs; a second one waits for the lock instead of doubling."""
    instance = tmp_path / "instance"
    app = make_app(instance)
    command = [sys.executable, "-m", "flask", "--app", "app", "run-scheduler"]
    first = subprocess.Popen(command, cwd=ROOT, env=environment(instance),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = None
    try:
        db = connect(app.config["DATABASE"])
        assert wait_until(lambda: db.table("job_runs").count >= 2)
        second = subprocess.Popen(command, cwd=ROOT, env=environment(instance),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        assert second.poll() is None
    finally:
        first_log = stop(first)
        second_out = ""
        if second:
            second.send_signal(signal.SIGTERM)
            second_out = second.communicate(timeout=15)[0]
    db.close()
    assert "job=housekeeping" in first_log
    assert "another scheduler holds the lock" in second_out
