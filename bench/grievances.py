"""Benchmarks of grievances at scale, as ratios measured in the same run:

1. a building's public page and a volunteer's filtered list, on a database of 1,000,000
   reports over 500 buildings, against the same pages on a database of 1,000 (target: within
   1.5×), served in-process (the query is what scales; the rest is the same work);
2. sending a report without photos (the real form: token, screen, key, insert, index) against
   a hello-world POST of the same app, both through gunicorn and wrk (target: at least 1/3).

Run with ``make bench`` (``BENCH_GRIEVANCES=100000`` for a smaller run).
"""
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LARGE = int(os.environ.get("BENCH_GRIEVANCES", "1000000"))
SMALL = 1000
BUILDINGS = 500
DURATION = os.environ.get("BENCH_DURATION", "5s")
CATEGORIES = ("repairs", "damp", "heating", "lifts", "pests", "cleanliness", "noise", "charges")
WORDS = ("fuite", "humidité", "moisissures", "ascenseur", "panne", "chauffage", "radiateur",
         "cafards", "escalier", "porte", "hall", "bruit", "charges", "facture", "plafond")


def make_instance(path: Path, reports: int):
    """An instance with 500 buildings and ``reports`` reports, and a volunteer's password."""
    from association import create_app
    from association.db import connect, migrate

    app = create_app({"INSTANCE_PATH": str(path), "ARGON2": {"time_cost": 1,
                                                            "memory_cost": 64,
                                                            "parallelism": 1}})
    db = connect(app.config["DATABASE"])
    migrate(db, app)
    db.table("buildings").insert_all({"name": f"Bâtiment {n}"} for n in range(BUILDINGS))
    rng = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    statuses = ("new", "checked", "sent", "resolved", "closed")

    def rows():
        for n in range(reports):
            at = (start + timedelta(minutes=n)).isoformat(timespec="seconds")
            yield (f"R-{n:08d}", rng.randint(1, BUILDINGS), rng.choice(CATEGORIES),
                   " ".join(rng.choice(WORDS) for _ in range(12)), rng.choice(statuses),
                   at, at)

    db.conn.executemany(
        "insert into grievances (reference, building_id, category, description, status, "
        "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)", rows())
    db.conn.commit()
    db.execute("analyze")
    db.close()
    return app


def signed_in_volunteer(app):
    """A test client signed in as a volunteer of building 1, the way people sign in."""
    import pyotp

    from association.crypto import decrypt
    from association.db import connect
    from association.volunteers import accounts

    clock = [datetime.now(timezone.utc)]
    app.config["CLOCK"] = lambda: clock[0]
    db = connect(app.config["DATABASE"])
    with app.test_request_context():
        _, token = accounts.create(db, "bench", "volunteer", [1])
        invitation = accounts.open_invitation(db, token)
        secret = accounts.enrolment_secret(db, invitation)
        accounts.accept_invitation(db, token, "quatre chats bleus dansent sous la pluie",
                                   pyotp.TOTP(secret).at(clock[0]))
        stored = decrypt(db.table("volunteers").get(1)["totp_secret"])
    db.close()
    clock[0] += timedelta(seconds=60)
    client = app.test_client()
    page = client.get("/benevoles/connexion").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    client.post("/benevoles/connexion", data={
        "csrf_token": csrf, "login": "bench", "code": pyotp.TOTP(stored).at(clock[0]),
        "password": "quatre chats bleus dansent sous la pluie"})
    return client


def per_request(client, url: str, repeat: int = 60) -> float:
    """Median time of a GET of ``url`` in milliseconds (after a warm-up)."""
    for _ in range(5):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url).close()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def scale() -> list[tuple]:
    """The two pages on a small and a large database."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (SMALL, LARGE):
            started = time.perf_counter()
            app = make_instance(Path(tmp) / f"i{size}", size)
            built = time.perf_counter() - started
            anonymous, volunteer = app.test_client(), signed_in_volunteer(app)
            results[size] = (
                per_request(anonymous, "/batiments/1"),
                per_request(volunteer, "/benevoles/signalements/?building=1&category=damp"),
                per_request(volunteer, "/benevoles/signalements/?q=fuite+plafond"),
                built)
    rows = []
    for index, name in enumerate(("building's public page", "volunteer's filtered list",
                                  "volunteer's search")):
        small, large = results[SMALL][index], results[LARGE][index]
        rows.append((name, f"{small:.2f} ms", f"{large:.2f} ms", large / small, "≤ 1.5"))
    print(f"(database of {LARGE:,} reports built in {results[LARGE][3]:.0f} s)")
    return rows


def post_rate(url: str, body: str, cookie: str) -> float:
    """Requests per second of POSTs of ``body`` to ``url`` with wrk."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.method = "POST"\nwrk.body = {body!r}\n'
                     f'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
                     f'wrk.headers["Cookie"] = {cookie!r}\n')
    try:
        out = subprocess.run(["wrk", "-t2", "-c10", f"-d{DURATION}", "-s", script.name, url],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    if "Non-2xx or 3xx responses" in out:
        raise RuntimeError(out)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])


def posting() -> tuple:
    """A report's POST against the hello-world POST, through gunicorn."""
    from bench.run import free_port, prepare_instance

    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        port = free_port()
        env = {**os.environ, "AMICALE_INSTANCE_PATH": str(instance),
               "AMICALE_BENCH_ROUTES": "1", "AMICALE_SCHEDULER": "off",
               "AMICALE_REPORTS_PER_ADDRESS": "100000000"}
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "app:app"],
            cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/_bench/hello", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            jar = CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            page = opener.open(base + "/membre/").read().decode()
            csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
            opener.open(base + "/membre/nouvelle-cle",
                        urllib.parse.urlencode({"csrf_token": csrf}).encode()).read()
            cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
            body = urllib.parse.urlencode({
                "csrf_token": csrf, "building": "1", "category": "damp", "since": "2026-01",
                "description": "Fuite d'eau sous l'évier de la cuisine depuis lundi, le "
                               "plombier du bailleur n'est pas venu."})
            hello = post_rate(base + "/_bench/hello", body, cookie)
            grievance = post_rate(base + "/signaler", body, cookie)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    return ("report POST, no photo (req/s)", f"{hello:.0f}", f"{grievance:.0f}",
            grievance / hello, "≥ 0.33")


def main() -> int:
    """Print the table: figure, baseline, this run, ratio, target."""
    if not shutil.which("wrk"):
        print("wrk is missing: run `make bench`, which installs it", file=sys.stderr)
        return 1
    rows = scale() + [posting()]
    print(f"{'figure':<32}{'baseline':>14}{'this run':>14}{'ratio':>8}  target")
    for name, baseline, measured, ratio, target in rows:
        print(f"{name:<32}{baseline:>14}{measured:>14}{ratio:>8.2f}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
