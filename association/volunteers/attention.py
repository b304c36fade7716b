"""What needs an administrator's attention: the mail queue and scheduled jobs that failed."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from .. import clock


def for_admin(db, smtp_configured: bool) -> list:
    """Short notices for the dashboard, in the reader's language (empty when all is well)."""
    notices = []
    waiting = db.table("outbox").count_where("sent_at is null")
    if waiting and not smtp_configured:
        notices.append(_l("%(n)s message(s) to members are waiting: no mail server is "
                          "configured (AMICALE_SMTP_URL).", n=waiting))
    failing = db.table("outbox").count_where("sent_at is null and attempts > 0")
    if failing and smtp_configured:
        notices.append(_l("%(n)s message(s) to members could not be sent yet; they will be "
                          "tried again.", n=failing))
    week_ago = clock.stamp(clock.now() - timedelta(days=7))
    failed_jobs = [row["job"] for row in db.query(
        "select job from job_runs where status = 'failed' and started_at >= ? "
        "group by job order by job", [week_ago])]
    if failed_jobs:
        notices.append(_l("Scheduled jobs failed this week: %(jobs)s. See the server log.",
                          jobs=", ".join(failed_jobs)))
    return notices
