"""The scheduler in real processes: gunicorn with three workers, and run-scheduler."""
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from association.db import connect
from conftest import make_app
from servers import ROOT, environment, gunicorn, stop, wait_until

pytestmark = pytest.mark.slow


def test_embedded_scheduler_runs_once_per_period_with_three_workers(tmp_path):
    """Three gunicorn workers, one-second periods: each period's job runs exactly once."""
    instance = tmp_path / "instance"
    app = make_app(instance)
    server, _ = gunicorn(instance, workers=3, AMICALE_SCHEDULER="embedded")
    try:
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
        # It says so as soon as it has started (a loaded machine may take seconds), then waits.
        readable, _, _ = select.select([second.stdout], [], [], 30)
        second_out = second.stdout.readline() if readable else ""
        assert second.poll() is None
    finally:
        first_log = stop(first)
        if second:
            second.send_signal(signal.SIGTERM)
            second.communicate(timeout=15)
    db.close()
    assert "job=housekeeping" in first_log
    assert "another scheduler holds the lock" in second_out


def test_another_worker_takes_over_when_the_scheduler_worker_dies(tmp_path):
    """Kill the worker that runs the embedded scheduler: another one takes over, and each
    period still runs once."""
    instance = tmp_path / "instance"
    app = make_app(instance)
    log_path = tmp_path / "gunicorn.log"
    started = re.compile(r"embedded scheduler started in process (\d+)")
    server, _ = gunicorn(instance, workers=2, log_path=log_path,
                         AMICALE_SCHEDULER="embedded", AMICALE_SCHEDULER_LOCK_RETRY_SECONDS="1")
    db = connect(app.config["DATABASE"])
    try:
        assert wait_until(lambda: started.search(log_path.read_text()))
        holder = int(started.search(log_path.read_text())[1])
        os.kill(holder, signal.SIGKILL)
        killed_at = time.time()
        assert wait_until(lambda: len(started.findall(log_path.read_text())) == 2)
        successor = int(started.findall(log_path.read_text())[1])
        time.sleep(2.5)
    finally:
        stop(server)
    log = log_path.read_text()
    later = [row for row in db.table("job_runs").rows
             if row["started_at"] > time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(killed_at))]
    runs = Counter((row["job"], row["period"]) for row in db.table("job_runs").rows)
    db.close()
    assert successor != holder
    assert later, "no job ran after the takeover"
    ran = Counter(re.findall(r"job=(\S+) period=(\S+) status=done", log))
    assert all(count == 1 for count in ran.values()), ran
    assert all(count == 1 for count in runs.values())
