"""What needs attention on the dashboard: each capability's notices, and jobs that failed."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from .. import clock, jobs
from ..capability import installed


def notices(db, volunteer) -> list:
    """Short notices for the volunteer's dashboard, in their language (empty when all is well).

    Capabilities say what needs attention in their own part (``Lends.notices``);
    administrators also learn about scheduled jobs that failed this week."""
    found = []
    for capability in installed():
        if capability.lends.notices:
            found += capability.lends.notices(db, volunteer) or []
    if volunteer.is_admin:
        failed = jobs.failed_since(db, clock.now() - timedelta(days=7))
        if failed:
            found.append(_l("Scheduled jobs failed this week: %(jobs)s. See the server log.",
                            jobs=", ".join(failed)))
    return found

