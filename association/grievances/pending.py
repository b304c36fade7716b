"""Photos kept while a report is sent back (the screen's findings, a wrong key, a field to
fix): the tenant should not have to choose them again, nor lose them silently.

They wait under ``instance/pending_photos`` with a row of their own (a random id), for a day
at most (the purge takes rows and files). The form carries their ids in a hidden field signed
for this browser alone (its CSRF secret is part of the signature), so that nobody else can
claim them; once the report is recorded they become its photos, in its transaction.
"""
import os
import secrets
from collections import namedtuple
from datetime import timedelta
from pathlib import Path

from flask import current_app, session
from itsdangerous import BadSignature, URLSafeTimedSerializer

from .. import clock, images
from ..crypto import keyed_hash

FOLDER = "pending_photos"
KEPT_FOR = timedelta(days=1)  # the signature's age limit; the purge says "1 day after"
Size = namedtuple("Size", "width height")


def folder() -> Path:
    """Where photos wait: ``instance/pending_photos`` (0700, files 0600)."""
    return Path(current_app.instance_path) / FOLDER


def _serializer() -> URLSafeTimedSerializer:
    # The browser's CSRF secret (kept in its session cookie) salts the signature: a field
    # copied into another browser does not verify there.
    browser = keyed_hash("pending-photos", session.get("csrf_token") or "")
    return URLSafeTimedSerializer(current_app.secret_key, salt=f"pending-photos:{browser}")


def sign(ids: list[str]) -> str:
    """The hidden field's value for these pending photos ("" when there are none)."""
    return _serializer().dumps(ids) if ids else ""


def _ids(signed: str | None) -> list[str]:
    """The ids a signed field holds, or none when it is absent, forged, from another browser
    or older than ``KEPT_FOR``."""
    if not signed:
        return []
    try:
        ids = _serializer().loads(signed, max_age=int(KEPT_FOR.total_seconds()))
    except BadSignature:
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def keep(db, photos: list) -> list[dict]:
    """Keep cleaned photos for the round trip; return their rows. Files are written (and
    synced) before their rows, outside any transaction, as for a report's photos."""
    now = clock.stamp()
    kept = [{"id": secrets.token_urlsafe(16), "file_name": images.save(folder(), photo),
             "width": photo.width, "height": photo.height, "created_at": now}
            for photo in photos]
    with db.atomic():
        db.conn.executemany(
            "insert into pending_photos (id, file_name, width, height, created_at) "
            "values (:id, :file_name, :width, :height, :created_at)", kept)
    return kept


def claim(db, signed: str | None, dropped=()) -> list[dict]:
    """The pending photos a form carries (those still kept, in order), after deleting the
    ones the tenant asked to remove (``dropped``: their ids)."""
    ids = _ids(signed)
    for id_ in set(ids) & set(dropped):
        remove(db, id_)
    if not ids:
        return []
    places = ",".join("?" * len(ids))
    rows = {row["id"]: row for row in db.query(
        f"select * from pending_photos where id in ({places})", ids)}  # nosec B608
    return [rows[i] for i in dict.fromkeys(ids) if i in rows]


def remove(db, pending_id: str) -> None:
    """Forget one pending photo, row and file."""
    row = db.execute("select file_name from pending_photos where id = ?",
                     [pending_id]).fetchone()
    if row is None:
        return
    db.execute("delete from pending_photos where id = ?", [pending_id])
    images.safe_path(folder(), row[0]).unlink(missing_ok=True)


def adopt(db, kept: list[dict], target: Path) -> list[tuple]:
    """Move pending photos into ``target`` and delete their rows; (name, size) pairs for the
    report's rows. Called inside the report's transaction: if it rolls back, the moved files
    are named by no row and the purge sweeps them."""
    moved = []
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    for row in kept:
        name = images.random_name("jpg")
        os.replace(images.safe_path(folder(), row["file_name"]), images.safe_path(target, name))
        db.execute("delete from pending_photos where id = ?", [row["id"]])
        moved.append((name, Size(row["width"], row["height"])))
    return moved
