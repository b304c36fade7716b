"""gunicorn settings (``make run`` and production): import the app once in the master and fork
the workers from it, start the embedded scheduler in each worker, and keep visitors'
addresses and the addresses they asked for out of the logs.

``preload_app``: the master imports the app (and compiles the screen's lexicon) before it
forks, so the workers share those pages instead of each holding its own copy; ``gc.freeze``
just before each fork keeps the collector from writing into the shared objects (which would
copy their pages into every worker). Nothing the workers must not share exists before the
fork: ``create_app`` opens no database connection (``db`` opens one per thread, at its first
query), the scheduler and its lock are taken in a worker after it starts, and ``random``
reseeds itself in each child. A code change is then taken by restarting the master, not by a
HUP alone.

Only the worker holding the lock in ``instance/`` actually runs the scheduler (see
``scheduler.py``). No access log: it would record visitors' addresses. gunicorn's error log
names the request line of a failed or malformed request, which can hold an invitation token
or a record's id, and the client's address: ``PrivateLogger`` leaves both out.
"""
import gc

from gunicorn import glogging

from association import scheduler, screen

accesslog = None
# No control socket (gunicorn 25+ opens one at ~/.gunicorn/gunicorn.ctl, shared by every
# instance of the same user: a second instance, or a test server, would take it over).
# Amicale is managed by its process manager, not at run time through a socket.
control_socket_disable = True
preload_app = True


class PrivateLogger(glogging.Logger):
    """gunicorn's logger, minus the request line and the client's address."""

    WITHHELD = {
        "Error handling request": "Error handling request (request line not logged)",
        "Invalid request from": "Invalid request (request line and address not logged)",
    }

    def _private(self, msg):
        text = str(msg)
        for start, replacement in self.WITHHELD.items():
            if text.startswith(start):
                return replacement, True
        return msg, False

    def exception(self, msg, *args, **kwargs):
        """Log an error with its traceback, without the request line."""
        msg, withheld = self._private(msg)
        super().exception(msg, *(() if withheld else args), **kwargs)

    def warning(self, msg, *args, **kwargs):
        """Log a warning, without the request line or the address of a malformed request."""
        msg, withheld = self._private(msg)
        super().warning(msg, *(() if withheld else args), **kwargs)

    def error(self, msg, *args, **kwargs):
        """Log an error, without the request line."""
        msg, withheld = self._private(msg)
        super().error(msg, *(() if withheld else args), **kwargs)


logger_class = PrivateLogger


def when_ready(server):
    """In the master, once the app is loaded and before any worker is forked: compile the
    screen's lexicon here, once for all the workers."""
    screen.compile_lexicon()


def pre_fork(server, worker):
    """In the master, before each fork: move every object made so far out of the collector's
    reach, so that no collection in a worker dirties (and copies) the shared pages."""
    gc.freeze()


def post_worker_init(worker):
    """Called by gunicorn in each worker once the app is loaded."""
    scheduler.start_embedded(worker.wsgi)


def worker_exit(server, worker):
    """Called by gunicorn in a worker that is exiting: stop its scheduler cleanly."""
    scheduler.stop_embedded(worker.wsgi)
