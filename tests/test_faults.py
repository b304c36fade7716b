"""Faults: the server killed with SIGKILL in the middle of writes, workers and the scheduler
writing at once, a database that refuses writes. The database stays whole, nothing that was
acknowledged is lost, nobody gets a 5xx or "database is locked".

``make test`` runs a short version; ``make stress`` (``AMICALE_STRESS=1``) the long one: 20
kills, 60 seconds of concurrent writes.
"""
import http.client
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid

import pytest

from association.db import connect
from conftest import add_building, csrf_token, make_app, page_text
from servers import ROOT, Browser, environment, free_port, responds, wait_until

pytestmark = pytest.mark.slow
STRESS = os.environ.get("AMICALE_STRESS") == "1"
KILLS = 20 if STRESS else 2
LOAD_SECONDS = 60 if STRESS else 6


class Tenant(Browser):
    """A browser on the served site: its own session, its key, the report form's token."""

    def __init__(self, port: int):
        super().__init__(port)
        self.csrf = self.token("/membre/")
        self.request("POST", "/membre/nouvelle-cle", {"csrf_token": self.csrf})

    def report(self, building: int, text: str) -> int:
        """Send a report; its status (303 when it was recorded)."""
        return self.request("POST", "/signaler", {
            "csrf_token": self.csrf, "building": building, "category": "repairs",
            "description": text})[0]


def start(instance, workers=2, log=subprocess.PIPE, **env):
    """gunicorn with the embedded scheduler, in its own process group (to kill it whole)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:association.gunicorn_conf",
         "--workers", str(workers), "--threads", "4", "--bind", f"127.0.0.1:{port}", "app:app"],
        cwd=ROOT, env=environment(instance, AMICALE_SCHEDULER="embedded",
                                  AMICALE_REPORTS_PER_ADDRESS="100000000", **env),
        stdout=subprocess.DEVNULL, stderr=log, text=True, start_new_session=True)
    assert wait_until(lambda: responds(f"http://127.0.0.1:{port}/")), "gunicorn did not start"
    return process, port


def writers(port, building, seconds, count=4):
    """Threads sending reports for ``seconds``; returns (acknowledged texts, other statuses)."""
    acknowledged, others, stop_at = [], [], time.monotonic() + seconds

    def write():
        try:
            tenant = Tenant(port)
        except (OSError, http.client.HTTPException):
            return
        while time.monotonic() < stop_at:
            text = f"Fuite numéro {uuid.uuid4().hex} sous l'évier"
            try:
                status = tenant.report(building, text)
            except (OSError, http.client.HTTPException):
                return  # the server is gone (a reply cut short was never acknowledged)
            (acknowledged if status == 303 else others).append(text if status == 303
                                                                else status)

    threads = [threading.Thread(target=write) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads, acknowledged, others


def test_sigkill_during_writes_loses_nothing_acknowledged(tmp_path):
    """The server (master, workers, scheduler) killed with SIGKILL while writing, again and
    again: the file passes integrity_check and every acknowledged report is there."""
    instance = tmp_path / "instance"
    building = add_building(make_app(instance), "Bâtiment A")
    every = []
    for _ in range(KILLS):
        process, port = start(instance, log=subprocess.DEVNULL)
        threads, acknowledged, others = writers(port, building, seconds=30)
        time.sleep(random.uniform(0.8, 1.6))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for thread in threads:
            thread.join(timeout=40)
        every += acknowledged
        assert [status for status in others if status >= 500] == []
        db = connect(str(instance / "amicale.db"))
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in db.execute("select description from grievances")}
        db.close()
        assert set(every) <= stored
    assert len(every) > KILLS  # writes really happened between the kills
    print(f"\nfaults: {KILLS} SIGKILLs during writes, integrity_check ok after each, "
          f"{len(every)} acknowledged reports, all present")


def test_workers_and_scheduler_write_at_once_without_error(tmp_path):
    """Three workers and the scheduler (every job each second: purge, checkpoint, backup,
    mail) under concurrent reports: no 5xx, no "database is locked" anywhere."""
    instance = tmp_path / "instance"
    building = add_building(make_app(instance), "Bâtiment A")
    process, port = start(instance, workers=3)
    try:
        threads, acknowledged, others = writers(port, building, seconds=LOAD_SECONDS, count=6)
        for thread in threads:
            thread.join(timeout=LOAD_SECONDS + 60)
    finally:
        process.send_signal(signal.SIGTERM)
        _, log = process.communicate(timeout=30)
    assert others == [] and len(acknowledged) > 10
    where = max(log.find("locked"), log.find("Traceback"))
    assert "locked" not in log and "Traceback" not in log, log[max(0, where - 3000):where + 3000]
    db = connect(str(instance / "amicale.db"))
    assert db.table("grievances").count == len(acknowledged)
    runs = db.execute("select count(*) from job_runs where status = 'done'").fetchone()[0]
    assert runs > 0
    db.close()
    print(f"\nfaults: 3 workers and the scheduler for {LOAD_SECONDS} s: {len(acknowledged)} "
          f"reports acknowledged and stored, {runs} job runs, no 5xx, no 'locked' in the log")


@pytest.mark.parametrize("setting", [{"READ_ONLY": True}, {"DATABASE_MAX_PAGES": 1}])
def test_a_database_that_refuses_writes_gets_a_clear_page(tmp_path, setting):
    """Read-only (maintenance) or full: pages are still read, a report gets a 503 page that
    says nothing was saved, and nothing is."""
    instance = tmp_path / "instance"
    ready = make_app(instance)
    building = add_building(ready, "Bâtiment A")
    db = connect(ready.config["DATABASE"])
    db.execute("VACUUM")  # no free page left inside the file
    size = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    if "DATABASE_MAX_PAGES" in setting:
        setting = {"DATABASE_MAX_PAGES": size}  # full: not one more page
    app = make_app(instance, **setting)
    client = app.test_client()
    assert client.get("/").status_code == 200
    assert client.get(f"/batiments/{building}").status_code == 200
    response = client.post("/signaler", data={
        "csrf_token": csrf_token(client, "/signaler"), "building": building,
        # Over a page of 4 KB: a full database has no room for it.
        "category": "repairs", "description": "Entrée dégradée, fenêtre brisée. " * 120})
    assert response.status_code == 503 and "Retry-After" in response.headers
    assert "rien de ce que vous avez envoyé" in page_text(response).lower()
    db = connect(app.config["DATABASE"])
    assert db.table("grievances").count == 0 and db.table("members").count == 0
    db.close()
