"""A crash or a kill never corrupts the database, and never leaves half a change."""
import signal
import subprocess
import sys
import time

import pytest

from association.db import connect
from servers import ROOT

pytestmark = pytest.mark.slow

WRITER = """
import sys
from association.db import connect
db = connect(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    with db.atomic():
        # One change in two statements: a landlord and its building, always together.
        landlord = db.table("landlords").insert({"name": f"L{n}"}).last_pk
        db.table("buildings").insert({"name": f"B{n}", "landlord_id": landlord})
"""


def test_killed_writer_leaves_a_whole_database(app):
    """SIGKILL in the middle of writing: integrity holds and no change is half there."""
    path = app.config["DATABASE"]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, path], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    db = connect(path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    landlords = db.table("landlords").count
    assert landlords > 10
    assert db.table("buildings").count == landlords
    orphans = db.execute("select count(*) from landlords where id not in "
                         "(select landlord_id from buildings)").fetchone()[0]
    assert orphans == 0
    db.close()
