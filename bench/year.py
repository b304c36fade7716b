"""The database after a simulated year (issue #14, item 7): how big it grows, and how many job
runs it keeps.

A fresh instance with the demo content is the baseline. Then 120,000 members follow a joint
access request (``BENCH_TRACKERS``), their letters sent on the first day, and a year is played
day by day (``BENCH_YEAR_DAYS``, 365) on a simulated clock: every declared job runs for each of
its periods through ``jobs.run_once``, as the scheduler would have it (the daily ones once a
day, at 3 a.m.; mail every 5 minutes, 105,120 runs), the housekeeping pruning the repeated
jobs' runs, the retention purge deleting what is past its time; and every day some churn
through the app's own functions: new members and their reports, volunteers' notes and reads
(the audit log), "me too", reports resolved a month later, a public action a week with
answers. The backup job's runs are recorded, but it copies nothing: its copies live outside
the database, and 365 of them would take minutes. No mail server is configured, so the mail
job finds its messages waiting, as on a fresh install.

The size is the database file's after a checkpoint (what the disk holds: pages freed by the
purges stay in the file, zeroed by ``secure_delete``), and after ``VACUUM``.
"""
import logging
import os
import random
import sqlite3
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from common import Figure, prepare_instance, print_table

TRACKERS = int(os.environ.get("BENCH_TRACKERS", "120000"))
DAYS = int(os.environ.get("BENCH_YEAR_DAYS", "365"))
REPORTS_A_DAY = 10
TEXTS = ("Fuite d'eau sous l'évier de la cuisine depuis lundi.",
         "L'ascenseur du bâtiment est en panne depuis trois jours.",
         "Moisissures au plafond de la salle de bains malgré l'aération.",
         "Le chauffage ne marche plus dans les chambres.",
         "Des cafards dans le local poubelles et dans la cage d'escalier.",
         "La porte du hall ne ferme plus, la serrure est cassée.")
CATEGORIES = ("repairs", "lifts", "damp", "heating", "pests", "repairs")
HOW = ("a fresh instance with the demo content, then 120,000 trackers and a year played on a "
       "simulated clock: every declared job for each of its periods (mail every 5 minutes), "
       "with churn through the app's functions; file size after a checkpoint")


def sizes(path: str) -> tuple[int, int]:
    """The database file's bytes after a checkpoint, and after VACUUM (into a copy)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpointed = os.path.getsize(path)
    copy = path + ".vacuumed"
    db.execute("VACUUM INTO ?", [copy])
    db.close()
    vacuumed = os.path.getsize(copy)
    os.unlink(copy)
    return checkpointed, vacuumed


class Year:
    """A year of jobs and churn on one instance, on a simulated clock."""

    def __init__(self, app, db, first_day: date):
        from association import jobs

        self.app, self.db, self.first_day = app, db, first_day
        self.tz = ZoneInfo(app.config["TIMEZONE"])
        self.moment = datetime.combine(first_day, datetime.min.time(), self.tz)
        app.config["CLOCK"] = lambda: self.moment
        stub = jobs.Job("backup", lambda db, today: {"skipped": "bench"}, "no copy")
        every = [stub if job.id == "backup" else job for job in jobs.all_jobs(app)]
        self.daily = [job for job in every if job.every is None]
        self.repeated = [job for job in every if job.every is not None]
        self.runs = 0
        self.rng = random.Random(14)
        self.reports: list[tuple[date, dict]] = []
        self.actions: list[int] = []

    def at(self, day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
        """Move the clock to that local time of ``day``; return it."""
        self.moment = datetime.combine(day, datetime.min.time(), self.tz) \
            + timedelta(hours=hour, minutes=minute, seconds=second)
        return self.moment

    def run(self, job, day: date, period: str) -> None:
        """One run of ``job`` for ``period``, claimed as the scheduler claims it."""
        from association import jobs

        jobs.run_once(self.db, job, period, day, self.moment)
        self.runs += 1

    def play(self, days: int) -> None:
        """Play ``days`` days: the daily jobs at 3 a.m., the churn at 10, the repeated jobs
        all day long."""
        from association import jobs

        tz_name = self.app.config["TIMEZONE"]
        volunteer = self.volunteer()
        with self.app.app_context():
            for number in range(days):
                day = self.first_day + timedelta(days=number)
                self.at(day, 3)
                for job in self.daily:
                    self.run(job, day, jobs.period_of(self.moment, None, tz_name))
                self.at(day, 10)
                self.churn(day, volunteer)
                for job in self.repeated:
                    for second in range(0, 86400, job.every):
                        self.at(day, 0, second=second)
                        self.run(job, day, jobs.period_of(self.moment, job.every, tz_name))

    def volunteer(self):
        """A volunteer of every building, who writes notes and reads reports."""
        from association.volunteers import create_account

        buildings = [row[0] for row in self.db.execute("select id from buildings")]
        with self.app.test_request_context():
            volunteer_id, _ = create_account(self.db, "bench-benevole", "volunteer", buildings)
        return type("Reader", (), {"id": volunteer_id, "login": "bench-benevole"})()

    def churn(self, day: date, volunteer) -> None:
        """A day of the association's life, through the app's functions."""
        from association import audit
        from association.actions import AnswerRefused, answer, create_action
        from association.grievances import add_note, change_status, get_report, report, support
        from association.members import create as create_member

        buildings = [row[0] for row in self.db.execute("select id from buildings")]
        for _ in range(REPORTS_A_DAY):
            member_id, _ = create_member(self.db)
            kind = self.rng.randrange(len(TEXTS))
            made = report(self.db, member_id, self.rng.choice(buildings), CATEGORIES[kind],
                          TEXTS[kind], [], None, [])
            self.reports.append((day, made))
            if self.rng.random() < 0.3:
                support(self.db, member_id, self.rng.choice(buildings),
                        self.rng.choice(CATEGORIES))
        for made_on, made in list(self.reports):
            age = (day - made_on).days
            grievance = get_report(self.db, made["id"])
            if grievance is None:  # purged
                self.reports.remove((made_on, made))
            elif age == 2:
                change_status(self.db, grievance, "checked")
                audit.record(self.db, volunteer, "read", "grievance", made["id"],
                             grievance["member_id"])
                add_note(self.db, grievance, volunteer, "Nous avons écrit au bailleur et vous "
                         "tiendrons au courant.", [])
            elif age == 30:
                change_status(self.db, grievance, "resolved")
        if day.weekday() == 0:
            self.actions.append(create_action(self.db, {
                "kind": "public_meeting", "title": f"Réunion du {day.isoformat()}",
                "place": "Salle polyvalente", "description": "Ordre du jour : les charges.",
                "visibility": "public", "starts_at": self.at(day + timedelta(days=10), 18),
                "ends_at": self.at(day + timedelta(days=10), 20)}))
            self.at(day, 10)
        for action_id in self.actions[-2:]:
            for _ in range(3):
                try:
                    answer(self.db, action_id)
                except AnswerRefused:  # it has started
                    break


def figures() -> list[Figure]:
    """Sizes of a fresh demo instance and of the same after a simulated year."""
    from association import create_app
    from association.db import connect
    from requests import populate

    logging.getLogger("amicale.jobs").setLevel(logging.WARNING)  # 105,000 runs, one line each
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        app = create_app({"INSTANCE_PATH": str(instance)})
        path = app.config["DATABASE"]
        fresh, fresh_vacuumed = sizes(path)
        db = connect(path)
        first_day = date.today()
        started = time.perf_counter()
        populate(app, db, TRACKERS, first_day, "bench-year")
        year = Year(app, db, first_day)
        year.play(DAYS)
        elapsed = time.perf_counter() - started
        kept = db.execute("select count(*) from job_runs").fetchone()[0]
        counts = {table: db.execute(f"select count(*) from [{table}]").fetchone()[0]
                  for table in ("members", "trackers", "grievances", "outbox", "audit_log",
                                "action_rsvps")}
        db.close()
        after, after_vacuumed = sizes(path)
    mb = 1_000_000
    return [
        Figure(f"database after a simulated year ({DAYS} days, {TRACKERS:,} trackers)",
               after / mb, fresh / mb, "MB",
               note=f"{fresh / mb:.2f} MB fresh; rows then: "
                    + ", ".join(f"{table} {n:,}" for table, n in counts.items())
                    + f"; played in {elapsed:.0f} s", how=HOW,
               baseline_name="a fresh instance with the demo content"),
        Figure("the same after VACUUM", after_vacuumed / mb, fresh_vacuumed / mb, "MB",
               note="what the purges freed, given back", how=HOW + ", then `VACUUM INTO` a copy",
               baseline_name="a fresh instance, vacuumed"),
        Figure("job runs kept after the year", kept, year.runs, "rows",
               note=f"{year.runs:,} runs made; the housekeeping keeps a repeated job's "
                    "successful runs 2 days",
               how="`select count(*) from job_runs` after the year; baseline: the runs made",
               baseline_name="the runs made during the year"),
    ]


if __name__ == "__main__":
    print_table(figures())
