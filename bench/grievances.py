"""Benchmarks of grievances at scale, as ratios measured in the same run:

1. a building's public page, a volunteer's filtered list and their search, on a database of
   1,000,000 reports over 500 buildings (``BENCH_GRIEVANCES``), against the same pages on a
   database of 1,000, served in-process and measured in alternation (target: within 1.5×,
   the search within 3×); the descriptions are as varied as tenants' (``realistic_texts``);
2. the daily retention purge on both: an ordinary day (one day of closed reports past their
   6 months), and on the large one the retention job catching up six months without a purge
   (about 100,000 reports past their time), a week per transaction: its longest transaction
   is what a writer may wait for;
3. sending a report without photos (the real form: token, screen, key, insert, index)
   against a hello-world POST of the same app, both through gunicorn and wrk, paired
   (target: at least 1/3).

The large database is generated in bulk (one transaction, its indexes, triggers and
full-text index dropped first and built after), in well under a minute.
"""
import itertools
import os
import random
import re
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, datetime, timedelta, timezone
from http.cookiejar import CookieJar
from pathlib import Path

from common import (HELLO, SMOKE, WRITERS_TARGET, Figure, Target, paired, prepare_instance,
                    print_table, served, wrk)

LARGE = int(os.environ.get("BENCH_GRIEVANCES", "1000000"))
SMALL = 1000
BUILDINGS = 500
CATEGORIES = ("repairs", "damp", "heating", "lifts", "pests", "cleanliness", "noise", "charges")
STATUSES = ("new", "checked", "sent", "resolved", "closed")
# Descriptions as varied as tenants' (``realistic_texts``): everyday French by frequency (the
# common words of the password list, drawn from film subtitles), a few words of the report's
# subject, lengths from a line to a page.
VOCABULARY_SIZE = 4000
TEXTS = 512 if SMOKE else 65536  # distinct descriptions, each in ~15 of a million reports
SUBJECTS = {
    "repairs": "fuite évier robinet plombier joint chasse eau plafond infiltration dégât "
               "réparation serrure volet fenêtre",
    "damp": "humidité moisissures plafond murs salle bain condensation tâches noires odeur "
            "ventilation vmc fuite",
    "heating": "chauffage radiateur froid eau chaude chaudière panne degrés hiver coupure",
    "lifts": "ascenseur panne bloqué étage escalier courses poussette technicien",
    "pests": "cafards punaises souris rats cave poubelles désinsectisation traitement",
    "cleanliness": "hall escalier poubelles sale ménage local encombrants odeur tags",
    "noise": "bruit nuit voisin musique travaux cris porte claque",
    "charges": "charges facture régularisation provision eau chauffage montant décompte "
               "gardien",
}
START = datetime(2024, 1, 1, tzinfo=timezone.utc)  # a report a minute from then on
# The first day a purge finds closed reports past their 6 months (one day of them), and a
# day after months without a purge.
ORDINARY_DAY = date(2024, 7, 4)
CATCH_UP_DAY = date(2025, 1, 2)
PAGES = (("building's public page", None, "/batiments/1"),
         ("volunteer's filtered list", "volunteer", "/benevoles/signalements/?building=1"
                                                    "&category=damp"),
         ("volunteer's search", "volunteer", "/benevoles/signalements/?q=fuite+plafond"))
WHY = {"building's public page": "it counts the building's open reports on each request "
                                 f"({LARGE // BUILDINGS:,} reports a building, against "
                                 f"{SMALL // BUILDINGS})",
       "volunteer's search": "the last word typed is a prefix: FTS5 merges the lists of every "
                             "word it begins (\"plafond*\": a tenth of the reports) before "
                             "intersecting them with the building's",
       "volunteer's filtered list": "the list reads its page of the building's reports of "
                                    "the category through an index, and counts them"}


def vocabulary() -> list[str]:
    """The ``VOCABULARY_SIZE`` most frequent French words of ``french_words.txt`` (its common
    words follow the passwords, most frequent first)."""
    from association.passwords import WORDS_FILE

    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    start = lines.index("est")
    words = [w for w in lines[start:] if w.isalpha() and w.islower() and len(w) > 1]
    return words[:VOCABULARY_SIZE]


def realistic_texts() -> list[str]:
    """``TEXTS`` descriptions: Zipf-distributed everyday words (the rank-th word at 1/rank),
    one word in six from the report's subject, 8 to 300 words (median about 35)."""
    rng = random.Random(7)
    words = vocabulary()
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    subjects = [text.split() for text in SUBJECTS.values()]
    texts = []
    for _ in range(TEXTS):
        length = min(300, max(8, round(rng.lognormvariate(3.55, 0.7))))
        subject = rng.choice(subjects)
        drawn = rng.choices(words, cum_weights=weights, k=length)
        for index in range(0, length, 6):
            drawn[index] = rng.choice(subject)
        texts.append(" ".join(drawn))
    return texts


def make_instance(path: Path, reports: int):
    """An instance with 500 buildings and ``reports`` reports (two in five resolved or closed
    a day after being made), built in bulk; return the app."""
    from association import create_app
    from association.db import connect, migrate

    # The search is measured hundreds of times by one volunteer: past their limits, but
    # still counted and logged as any search is.
    app = create_app({"INSTANCE_PATH": str(path), "ARGON2": {"time_cost": 1,
                                                            "memory_cost": 64,
                                                            "parallelism": 1},
                      "DESK_SEARCHES_PER_QUARTER_HOUR": 10**9, "DESK_SEARCHES_PER_DAY": 10**9})
    db = connect(app.config["DATABASE"])
    migrate(db, app)
    db.table("buildings").insert_all({"name": f"Bâtiment {n}"} for n in range(BUILDINGS))
    texts = realistic_texts()
    start = START.timestamp()

    def rows():
        """The reports' values, made from their number (the same on every run)."""
        for n in range(reports):
            at = datetime.fromtimestamp(start + n * 60, timezone.utc)
            status = STATUSES[n * 7 % 5]
            closed = at + timedelta(days=1) if status in ("resolved", "closed") else None
            yield (f"R-{n:08d}", n * 7919 % BUILDINGS + 1, CATEGORIES[n * 31 % 8],
                   texts[n * 2654435761 % TEXTS], status, at.isoformat(timespec="seconds"),
                   at.isoformat(timespec="seconds"),
                   closed and closed.isoformat(timespec="seconds"))

    # Indexes, triggers (the full-text index's) are built once after the rows, not per row.
    built_after = db.execute("select type, name, sql from sqlite_master where tbl_name = "
                             "'grievances' and type in ('index', 'trigger') and sql is not "
                             "null").fetchall()
    with db.atomic():
        for kind, name, _ in built_after:
            db.execute(f"drop {kind} [{name}]")
        db.conn.executemany(
            "insert into grievances (reference, building_id, category, description, status, "
            "created_at, updated_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows())
        for _, _, sql in built_after:
            db.execute(sql)
        db.execute("insert into grievances_fts (grievances_fts) values ('rebuild')")
    db.execute("analyze")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return app


def signed_in_volunteer(app):
    """A test client signed in as a volunteer of building 1, the way people sign in: invited
    (the volunteers' face), the invitation accepted on its page, then the sign-in form."""
    import pyotp

    from association.db import connect
    from association.volunteers import create_account

    clock = [datetime.now(timezone.utc)]
    app.config["CLOCK"] = lambda: clock[0]
    db = connect(app.config["DATABASE"])
    with app.test_request_context():
        _, token = create_account(db, "bench", "volunteer", [1])
    db.close()
    password = "quatre chats bleus dansent sous la pluie"
    client = app.test_client()
    page = client.get(f"/benevoles/invitation/{token}").get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)[1].replace(" ", "")
    client.post(f"/benevoles/invitation/{token}", data={
        "csrf_token": _csrf(page), "password": password, "confirm": password,
        "code": pyotp.TOTP(secret).at(clock[0])})
    clock[0] += timedelta(seconds=60)
    client = app.test_client()
    page = client.get("/benevoles/connexion").get_data(as_text=True)
    signed_in = client.post("/benevoles/connexion", data={
        "csrf_token": _csrf(page), "login": "bench", "password": password,
        "code": pyotp.TOTP(secret).at(clock[0])})
    assert signed_in.status_code == 302, signed_in.status_code
    return client


def _csrf(page: str) -> str:
    """The CSRF token of the form on a page."""
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]


def ms_per_get(client, url: str, budget: float = 0.25) -> float:
    """Mean milliseconds of GETs of ``url`` repeated for about ``budget`` seconds (3 at
    least)."""
    count, started = 0, time.perf_counter()
    while count < 3 or time.perf_counter() - started < budget:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        count += 1
    return (time.perf_counter() - started) / count * 1000


def purge_seconds(app, day: date) -> tuple[float, int]:
    """Seconds the retention purge takes on ``day``, and the reports it deleted."""
    from association import retention
    from association.db import connect

    db = connect(app.config["DATABASE"])
    with app.app_context():
        started = time.perf_counter()
        outcome = retention.purge(db, day)
        elapsed = time.perf_counter() - started
    db.close()
    return elapsed, outcome["purged"].get("grievances", 0)


def catch_up_seconds(app, last: date, day: date) -> tuple[float, float, int, int]:
    """The retention job run on ``day`` when it last succeeded on ``last``: its longest
    transaction (one week's purge) and its whole time in seconds, the weeks and the reports
    it deleted. Each ``retention.purge`` call the job makes is timed."""
    from association import jobs, retention
    from association.db import connect

    steps, purge = [], retention.purge

    def timed(db, today):
        started = time.perf_counter()
        try:
            return purge(db, today)
        finally:
            steps.append(time.perf_counter() - started)

    db = connect(app.config["DATABASE"])
    db.execute("insert into job_runs (job, period, status, attempts, started_at) "
               "values ('retention', ?, 'done', 1, ?)", [last.isoformat(), last.isoformat()])
    db.conn.commit()
    retention.purge = timed
    try:
        with app.app_context():
            started = time.perf_counter()
            outcome = jobs.retention_purge(db, day)
            whole = time.perf_counter() - started
    finally:
        retention.purge = purge
        db.close()
    return max(steps), whole, len(steps), outcome["purged"].get("grievances", 0)


def at_scale() -> list[Figure]:
    """The three pages and the purge on a small and a large database."""
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        large = make_instance(Path(tmp) / "large", LARGE)
        built = time.perf_counter() - started
        small = make_instance(Path(tmp) / "small", SMALL)
        clients = {app: {None: app.test_client(), "volunteer": signed_in_volunteer(app)}
                   for app in (small, large)}
        figures.append(Figure(f"generating {LARGE:,} reports", built, unit="s",
                              note="bulk insert in one transaction, indexes and full-text "
                                   "index built after",
                              how="wall time of `make_instance`"))
        for name, who, url in PAGES:
            for app in (small, large):  # warm up: caches, the query planner, the OS
                ms_per_get(clients[app][who], url, 0.1)
            result = paired(lambda: ms_per_get(clients[small][who], url),
                            lambda: ms_per_get(clients[large][who], url))
            target = (Target("≤", 3, source="issue #20") if name == "volunteer's search"
                      else Target("≤", 1.5, source="grievances benchmark"))
            figures.append(Figure(
                f"{name} at {LARGE:,} reports vs {SMALL:,}", result.this_run, result.baseline,
                "ms", target, ratio=result.ratio,
                note=result.spread, gap=WHY.get(name, ""),
                how="the app's test client in one process, the two databases measured in "
                    "alternation; mean time of a GET over a quarter of a second, median of "
                    "the pairs", baseline_name=f"the same page with {SMALL:,} reports"))
        (few, few_rows), (many, many_rows) = (purge_seconds(app, ORDINARY_DAY)
                                              for app in (small, large))
        figures.append(Figure(
            f"daily purge, an ordinary day, at {LARGE:,} reports", many, few, "s",
            WRITERS_TARGET,
            note=f"{many_rows:,} reports past their 6 months (baseline: {few_rows:,} of "
                 f"{SMALL:,})",
            how="`retention.purge` on the first day closed reports are past their 6 months; "
                "baseline: the same day on the small database"))
        longest, whole, weeks, deleted = catch_up_seconds(large, ORDINARY_DAY, CATCH_UP_DAY)
        figures.append(Figure(
            f"purge catching up months, at {LARGE:,} reports: its longest transaction",
            longest, few, "s", WRITERS_TARGET,
            note=f"{deleted:,} reports deleted in {weeks} weekly transactions, {whole:.1f} s "
                 "in all",
            gap="a week of purge holds the write lock longer than writers wait",
            how="the retention job 6 months after its last run (the ordinary day) on the "
                "large database: it catches up a week per transaction; the longest one. "
                "Baseline: the ordinary day on the small one"))
    return figures


def posting() -> Figure:
    """A report's POST against the hello-world POST, through gunicorn, paired."""
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        # Behind a proxy that reports each tenant's address, under the usual limit of reports
        # per address: many tenants at once, not one address sending thousands (whose own
        # throttling rows would make each report count more of them).
        with served(instance, BEHIND_PROXY="1") as base:
            jar = CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            page = opener.open(base + "/membre/").read().decode()
            csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
            opener.open(base + "/membre/nouvelle-cle",
                        urllib.parse.urlencode({"csrf_token": csrf}).encode()).read()
            cookie = {"Cookie": "; ".join(f"{c.name}={c.value}" for c in jar)}
            body = urllib.parse.urlencode({
                "csrf_token": csrf, "building": "1", "category": "damp", "since": "2026-01",
                "description": "Fuite d'eau sous l'évier de la cuisine depuis lundi, le "
                               "plombier du bailleur n'est pas venu."})
            for url in (base + HELLO, base + "/signaler"):
                wrk(url, 1, cookie, post=body, many_addresses=True)
            result = paired(
                lambda: wrk(base + HELLO, headers=cookie, post=body, many_addresses=True),
                lambda: wrk(base + "/signaler", headers=cookie, post=body, many_addresses=True))
    return Figure("report POST `/signaler`, no photo, vs hello-world POST", result.this_run,
                  result.baseline, "req/s", Target("≥", 0.33, source="grievances benchmark"),
                  ratio=result.ratio, note=result.spread,
                  how="gunicorn with 2 workers behind a proxy, `wrk -t2 -c10` POSTing the real "
                      "form (token, key cookie, screened text) to the demo instance, each "
                      "request from another address, paired with a POST of the same body to "
                      "`/_bench/hello`",
                  baseline_name="POST `/_bench/hello`")


def figures() -> list[Figure]:
    """Pages and purge at scale, then the report's POST."""
    return at_scale() + [posting()]


if __name__ == "__main__":
    print_table(figures())
    sys.exit(0)
