"""The erasure journal: what members erased, kept outside the database so that restoring a
backup made before cannot bring it back.

Each line holds a moment, what was done (``erased``, ``contact_removed``) and a keyed hash of
the member's key hash — nothing that identifies anyone without the instance's keys, nothing
that can be reversed. After a restore (``records.erase_again``), every member whose key
matches an ``erased`` line is erased again, and an address removed after it was given is
removed again. Lines go after
60 days, well after the last backup made before them has been rotated away (35 days).
"""
import os
from datetime import date, timedelta
from pathlib import Path

from flask import current_app

from .. import clock
from ..crypto import keyed_hash

KEPT = timedelta(days=60)
KINDS = ("erased", "contact_removed")


def _path() -> Path:
    return Path(current_app.instance_path) / "erasure_journal"


def subject(key_hash: str) -> str:
    """How a member appears in the journal: a keyed hash of their key's hash."""
    return keyed_hash("erasure-journal", key_hash)


def record(kind: str, key_hash: str) -> None:
    """Append one line (mode 0600), flushed to disk before the erasure is confirmed."""
    if kind not in KINDS:
        raise ValueError(kind)
    line = f"{clock.stamp()} {kind} {subject(key_hash)}\n"
    descriptor = os.open(_path(), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def entries() -> list[tuple[str, str, str]]:
    """The journal's lines as (moment, kind, subject)."""
    try:
        lines = _path().read_text().splitlines()
    except FileNotFoundError:
        return []
    return [tuple(line.split(" ", 2)) for line in lines if line.count(" ") == 2]


def prune(db, today: date) -> dict:
    """Job: forget the lines older than 60 days (their backups are gone)."""
    cutoff = clock.stamp(clock.now() - KEPT)
    kept = [entry for entry in entries() if entry[0] >= cutoff]
    dropped = len(entries()) - len(kept)
    if dropped:
        partial = _path().with_name("erasure_journal.part")
        partial.write_text("".join(" ".join(entry) + "\n" for entry in kept))
        os.chmod(partial, 0o600)
        os.replace(partial, _path())
    return {"dropped": dropped}
