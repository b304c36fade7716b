"""The APScheduler scheduler built from ``jobs.JOBS``.

Production runs ``flask --app app run-scheduler`` as its own process. ``make run`` embeds it
in the web server instead: every gunicorn worker tries a file lock in ``instance/`` and only
its holder runs the scheduler; if that worker dies the lock is freed and another takes over.
Either way the claim table makes each ``(job, period)`` run once. APScheduler is imported
by the process that runs the scheduler, after gunicorn forked it, not with the app.
"""
import fcntl
import logging
import os
import threading
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import with_appcontext

from . import jobs
from .db import connect

log = logging.getLogger("amicale.scheduler")


def run_due(app, job: jobs.Job) -> str | None:
    """Run ``job`` for the current period unless another process already has."""
    now = datetime.now(timezone.utc)
    tz = app.config["TIMEZONE"]
    period = jobs.period_of(now, app.config["JOB_PERIOD_SECONDS"] or job.every, tz)
    today = now.astimezone(ZoneInfo(tz)).date()
    db = connect(app.config["DATABASE"])
    try:
        with app.app_context():  # jobs may need the config, the keys and the translations
            return jobs.run_once(db, job, period, today, now)
    finally:
        db.close()


def check_seconds(app, job: jobs.Job) -> float:
    """How often a job checks whether its period is due."""
    period = app.config["JOB_PERIOD_SECONDS"] or job.every
    if period:
        return max(period / 5, 0.2)
    return app.config["JOB_CHECK_SECONDS"]


def build(app, scheduler_class=None):
    """A scheduler with every declared job, checked now and then every few minutes (in a
    background thread unless ``scheduler_class`` says otherwise)."""
    if scheduler_class is None:
        from apscheduler.schedulers.background import BackgroundScheduler as scheduler_class
    scheduler = scheduler_class(timezone=app.config["TIMEZONE"])
    for job in jobs.all_jobs(app):
        scheduler.add_job(
            run_due, "interval", seconds=check_seconds(app, job), args=[app, job], id=job.id,
            next_run_time=datetime.now(timezone.utc), max_instances=1, coalesce=True,
        )
    return scheduler


def try_lock(app, blocking: bool = False):
    """Take the scheduler's file lock; return the open lock file, or None if it is held."""
    path = os.path.join(app.instance_path, "scheduler.lock")
    os.makedirs(app.instance_path, exist_ok=True)
    handle = open(path, "a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        handle.close()
        return None
    return handle


def start_embedded(app) -> threading.Thread | None:
    """In a web worker: start the scheduler here once this process holds the lock."""
    if app.config["SCHEDULER"] != "embedded":
        return None

    def wait_for_lock():
        """Wait for the lock, then run the scheduler in this process."""
        while (lock := try_lock(app)) is None:
            threading.Event().wait(app.config["SCHEDULER_LOCK_RETRY_SECONDS"])
        app.extensions["amicale_scheduler_lock"] = lock
        scheduler = app.extensions["amicale_scheduler"] = build(app)
        scheduler.start()
        log.info("embedded scheduler started in process %s", os.getpid())

    thread = threading.Thread(target=wait_for_lock, name="amicale-scheduler", daemon=True)
    thread.start()
    return thread


def stop_embedded(app) -> None:
    """In a web worker that is exiting: stop its scheduler (the jobs running finish first)
    and let go of the lock, so that another worker takes over at once."""
    scheduler = app.extensions.pop("amicale_scheduler", None)
    if scheduler is not None and scheduler.running:
        scheduler.shutdown(wait=True)
    lock = app.extensions.pop("amicale_scheduler_lock", None)
    if lock is not None:
        lock.close()


@click.command("run-scheduler")
@with_appcontext
def run_scheduler_command():
    """Run the scheduler in this process (production: beside gunicorn, not inside it)."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    app = current_app._get_current_object()
    lock = try_lock(app)
    if lock is None:
        click.echo("another scheduler holds the lock; waiting to take over")
        lock = try_lock(app, blocking=True)
    click.echo(f"scheduler running {len(jobs.all_jobs(app))} job(s); stop with Ctrl-C")
    try:
        build(app, BlockingScheduler).start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        lock.close()


def init_app(app) -> None:
    """Register the ``run-scheduler`` command."""
    app.cli.add_command(run_scheduler_command)
