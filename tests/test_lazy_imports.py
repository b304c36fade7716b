"""What the app loads before its first request: gunicorn's master imports it once and forks its
workers (``preload_app``), so it must load little, and nothing a worker must not share.

Each check runs in a fresh interpreter, as the master does; the libraries below are loaded by
the request that needs them (bench/memory.py measures what that saves)."""
import json
import subprocess
import sys

from servers import ROOT

# Loaded only by the request that needs them: password strength, holidays, PDFs and fonts,
# photos, the Atom feed, calendar files, QR codes, the scheduler; the screen's lexicon is
# compiled at the first text screened (or by gunicorn's master before it forks).
HEAVY = ("zxcvbn", "holidays", "fpdf", "fontTools", "uharfbuzz", "PIL", "lxml", "feedgen",
         "icalendar", "segno", "apscheduler")

LOADED = """
import json, os, sys, threading
from app import app
{then}
files = []
for fd in os.listdir("/proc/self/fd"):
    try:
        files.append(os.readlink(f"/proc/self/fd/{{fd}}"))
    except OSError:
        pass
print(json.dumps({{"modules": sorted(sys.modules), "files": files,
                  "threads": threading.active_count(),
                  "lexicon": sys.modules["association.screen"]._build.cache_info().currsize}}))
"""


def loaded(tmp_path, then: str = "") -> dict:
    """What a fresh interpreter holds after ``from app import app`` and ``then``."""
    out = subprocess.run([sys.executable, "-c", LOADED.format(then=then)], cwd=ROOT,
                         capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "AMICALE_INSTANCE_PATH": str(tmp_path)})
    return json.loads(out.stdout)


def heavy_in(modules: list[str]) -> list[str]:
    """The heavy libraries (or their submodules) among ``modules``."""
    return [name for name in modules if name.split(".")[0] in HEAVY]


def test_the_app_loads_no_heavy_library_and_no_lexicon(tmp_path):
    found = loaded(tmp_path)
    assert heavy_in(found["modules"]) == []
    assert found["lexicon"] == 0


def test_the_app_opens_no_database_and_starts_no_thread_before_the_fork(tmp_path):
    found = loaded(tmp_path)
    assert not [path for path in found["files"] if "amicale.db" in path]
    assert found["threads"] == 1


def test_a_deadline_loads_no_other_country_s_holidays(tmp_path):
    found = loaded(tmp_path, "from datetime import date\nfrom association import deadlines\n"
                             "deadlines.due_date(date(2026, 4, 6))")
    assert not [name for name in found["modules"] if name.split(".")[0] == "holidays"]


def test_each_library_comes_with_the_work_that_needs_it(tmp_path):
    found = loaded(tmp_path, "from association import passwords, qr, screen\n"
                             "passwords.weakness('quatre chats bleus dansent')\n"
                             "qr.svg('https://example.org/')\n"
                             "screen.find_sensitive('il boit')")
    assert {"zxcvbn", "segno"} <= {name.split(".")[0] for name in found["modules"]}
    assert found["lexicon"] == 1
    assert not {"fpdf", "PIL", "icalendar", "feedgen"} & {n.split(".")[0] for n in found["modules"]}
