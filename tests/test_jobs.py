"""Scheduled jobs: exactly-once claims, retries of failed runs, the housekeeping job."""
import threading
from datetime import date, datetime, timezone

from association import jobs
from association.db import connect
from association.scheduler import run_due

NOW = datetime(2026, 11, 28, 22, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 28)


def counting_job(calls, fail=False):
    """A job that records each execution (and fails if asked)."""
    def run(db, today):
        calls.append(today)
        if fail:
            raise RuntimeError("boom")
        return {"count": len(calls)}
    return jobs.Job("counting", run, "test job")


def test_a_period_runs_once(db):
    """Claiming the same (job, period) twice runs the job once."""
    calls = []
    job = counting_job(calls)
    assert jobs.run_once(db, job, "2026-11-28", TODAY, NOW) == "done"
    assert jobs.run_once(db, job, "2026-11-28", TODAY, NOW) is None
    assert jobs.run_once(db, job, "2026-11-29", TODAY, NOW) == "done"
    assert len(calls) == 2
    run = db.table("job_runs").get(("counting", "2026-11-28"))
    assert run["status"] == "done" and run["outcome"] == '{"count": 1}'


def test_concurrent_claims_run_once(app):
    """Eight connections racing for one period: exactly one runs the job."""
    calls = []
    job = counting_job(calls)
    barrier = threading.Barrier(8)
    results = []

    def contend():
        db = connect(app.config["DATABASE"])
        barrier.wait()
        results.append(jobs.run_once(db, job, "2026-11-28", TODAY, NOW))
        db.close()

    threads = [threading.Thread(target=contend) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert results.count("done") == 1 and results.count(None) == 7


def test_failed_run_is_retried_then_given_up(db, caplog):
    """A failing job is recorded as failed, retried, and given up after three attempts."""
    calls = []
    job = counting_job(calls, fail=True)
    for _ in range(5):
        jobs.run_once(db, job, "2026-11-28", TODAY, NOW)
    assert len(calls) == jobs.MAX_ATTEMPTS
    run = db.table("job_runs").get(("counting", "2026-11-28"))
    assert run["status"] == "failed" and run["attempts"] == jobs.MAX_ATTEMPTS
    assert run["outcome"] == '{"error": "RuntimeError"}'


def test_period_is_the_local_day():
    """The daily period is the date in Paris, not in UTC."""
    late = datetime(2026, 11, 28, 23, 30, tzinfo=timezone.utc)  # 00:30 in Paris
    assert jobs.period_of(late, None, "Europe/Paris") == "2026-11-29"
    assert jobs.period_of(NOW, None, "Europe/Paris") == "2026-11-28"


def test_short_test_periods():
    """With a period in seconds, instants in the same slot share a period."""
    start = datetime(2026, 1, 1, 0, 0, 10, tzinfo=timezone.utc)
    assert jobs.period_of(start, 5, "UTC") == "2026-01-01T00:00:10Z"
    assert jobs.period_of(start.replace(second=14), 5, "UTC") == "2026-01-01T00:00:10Z"
    assert jobs.period_of(start.replace(second=15), 5, "UTC") == "2026-01-01T00:00:15Z"


def test_housekeeping_checkpoints_the_wal(db, app):
    """Housekeeping folds the WAL back: the -wal file is empty afterwards."""
    import os

    db.table("buildings").insert({"name": "Bâtiment test"})
    with app.app_context():
        outcome = jobs.housekeeping(db, TODAY)
    assert outcome["busy"] == 0
    assert os.path.getsize(app.config["DATABASE"] + "-wal") == 0


def test_run_due_runs_every_declared_job_once_a_day(app, db):
    """run_due, as the scheduler calls it, records each job for today's period once."""
    for job in jobs.JOBS:
        assert run_due(app, job) == "done"
        assert run_due(app, job) is None
    assert db.table("job_runs").count == len(jobs.JOBS)


def test_job_ids_are_unique():
    """Job ids are stable keys: no two jobs share one."""
    ids = [job.id for job in jobs.JOBS]
    assert len(ids) == len(set(ids))


def test_retention_purge_deletes_what_is_past_its_rule(ctx, app, db):
    """With a fixed today, audit entries over 365 days old go; younger ones stay."""
    rows = [{"at": "2025-11-20T10:00:00+00:00", "action": "read", "object_type": "old-entry"},
            {"at": "2025-12-10T10:00:00+00:00", "action": "read", "object_type": "young-entry"}]
    db.table("audit_log").insert_all(rows)
    db.table("throttle_events").insert({"scope": "login-account", "subject_hash": "x" * 64,
                                        "at": "2026-11-26T10:00:00+00:00"})
    outcome = jobs.retention_purge(db, date(2026, 11, 28))
    assert outcome == {"purged": {"audit_log": 1, "throttle_events": 1}, "cleared": {}}
    assert [r["object_type"] for r in db.table("audit_log").rows] == ["young-entry"]
    with open(app.config["DATABASE"], "rb") as handle:
        assert b"old-entry" not in handle.read()


def test_every_table_rule_names_a_real_column(ctx):
    """Each row retention rule counts from a column of its own table."""
    from association import inventory

    for table, rule in inventory.row_retention_rules():
        assert rule.column in inventory.declared()[table], table


def test_a_run_left_running_by_a_dead_process_is_taken_again(db):
    """A claim whose process died (still "running" an hour later) can be claimed again;
    a fresh "running" claim cannot."""
    from datetime import timedelta

    calls = []
    job = counting_job(calls)
    db.table("job_runs").insert({"job": "counting", "period": "2026-11-28", "status": "running",
                                 "attempts": 1, "started_at": jobs._stamp(NOW)})
    assert jobs.run_once(db, job, "2026-11-28", TODAY, NOW + timedelta(minutes=30)) is None
    assert jobs.run_once(db, job, "2026-11-28", TODAY, NOW + timedelta(hours=2)) == "done"
    assert len(calls) == 1


def test_a_year_of_mail_runs_is_pruned_to_what_a_volunteer_needs(app, db, clock):
    """A year of the mail job every 5 minutes (105,120 runs, one in a thousand failed): the
    housekeeping keeps every failure, the last two days of successes and the latest success,
    and the table ends up some 600 rows long instead of 105,000."""
    from datetime import timedelta

    clock.moment = NOW
    start = NOW - timedelta(days=365)
    rows = []
    for slot in range(365 * 288):
        moment = start + timedelta(minutes=5 * slot)
        stamp = moment.isoformat(timespec="seconds")
        rows.append(("mail", moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "failed" if slot % 1000 == 999 else "done", stamp, stamp))
    with db.conn:
        db.conn.executemany("insert into job_runs (job, period, status, attempts, started_at, "
                            "finished_at, outcome) values (?, ?, ?, 1, ?, ?, '{}')", rows)
    db.execute("insert into job_runs (job, period, status, attempts, started_at) values "
               "('retention', '2026-01-01', 'done', 1, ?)",
               [(NOW - timedelta(days=300)).isoformat(timespec="seconds")])
    assert db.table("job_runs").count == 105_121
    with app.app_context():
        outcome = jobs.housekeeping(db, TODAY)
    failed = sum(1 for row in rows if row[2] == "failed")
    kept_done = db.execute("select count(*) from job_runs where job = 'mail' and status = 'done'"
                           ).fetchone()[0]
    assert db.execute("select count(*) from job_runs where status = 'failed'").fetchone()[0] \
        == failed == 105
    # Two days of successes (576 slots, the failures among them excepted) at most.
    assert 570 <= kept_done <= 2 * 288
    assert outcome["runs_pruned"] == 105_120 - failed - kept_done
    latest = db.execute("select max(started_at) from job_runs where job = 'mail' and "
                        "status = 'done'").fetchone()[0]
    assert latest == rows[-1][3]
    # Daily jobs are not pruned: their runs feed the transparency report.
    assert db.execute("select count(*) from job_runs where job = 'retention'").fetchone()[0] == 1
    assert jobs.failed_since(db, NOW - timedelta(days=400)) == ["mail"]


def test_the_latest_success_of_a_repeated_job_is_kept_however_old(db):
    """A mail job that has not succeeded for a week still shows when it last did."""
    from datetime import timedelta

    old = (NOW - timedelta(days=7)).isoformat(timespec="seconds")
    db.execute("insert into job_runs (job, period, status, attempts, started_at) "
               "values ('mail', 'a', 'done', 1, ?)", [old])
    db.execute("insert into job_runs (job, period, status, attempts, started_at) "
               "values ('mail', 'b', 'failed', 3, ?)", [NOW.isoformat(timespec="seconds")])
    assert jobs.prune_runs(db, NOW, ["mail"]) == 0
    assert db.table("job_runs").count == 2


def test_catch_up_days_go_a_week_at_a_time():
    """A daily job that ran lately runs for today alone; after weeks without it, for each
    week since, then today; after years, for the last two years' weeks only."""
    from datetime import timedelta

    today = date(2026, 11, 29)
    assert jobs.catch_up_days(None, today) == [today]
    assert jobs.catch_up_days(today - timedelta(days=1), today) == [today]
    assert jobs.catch_up_days(today - timedelta(days=7), today) == [today]
    assert jobs.catch_up_days(date(2026, 10, 30), today) == [
        date(2026, 11, 6), date(2026, 11, 13), date(2026, 11, 20), date(2026, 11, 27), today]
    far = jobs.catch_up_days(date(2010, 1, 1), today)
    assert len(far) == jobs.CATCH_UP_MOST + 1 and far[-1] == today
    assert far[0] == today - jobs.CATCH_UP_STEP * jobs.CATCH_UP_MOST


def test_the_purge_catches_up_months_week_by_week(app, db):
    """After 60 weeks without a purge, the job purges week by week and ends where one purge
    would: every report past its retention gone, the open one kept, the counts added up."""
    from datetime import timedelta

    from conftest import add_building, report

    building = add_building(app, "Bâtiment A")
    client = app.test_client()
    closed = [report(client, building, description=f"Fuite numéro {n} dans la cave")["id"]
              for n in range(3)]
    report(client, building, description="Ascenseur en panne au troisième")
    today = date(2026, 11, 29)
    for grievance, days in zip(closed, (200, 300, 400)):
        db.execute("update grievances set status = 'closed', closed_at = ? where id = ?",
                   [(today - timedelta(days=days)).isoformat() + "T12:00:00+00:00", grievance])
    db.execute("insert into job_runs (job, period, status, attempts, started_at) "
               "values ('retention', ?, 'done', 1, ?)",
               [(today - timedelta(weeks=60)).isoformat(), "2025-10-01T03:00:00+00:00"])
    db.conn.commit()
    with app.app_context():
        outcome = jobs.retention_purge(db, today)
    assert outcome["purged"]["grievances"] == 3
    assert db.execute("select count(*) from grievances").fetchone()[0] == 1
