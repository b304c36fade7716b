"""gunicorn settings for ``make run``: start the embedded scheduler in each worker.

Only the worker holding the lock in ``instance/`` actually runs it (see ``scheduler.py``).
No access log: it would record visitors' addresses.
"""
from association import scheduler

accesslog = None


def post_worker_init(worker):
    """Called by gunicorn in each worker once the app is loaded."""
    scheduler.start_embedded(worker.wsgi)
