"""Reports as tenants make them: a grievance with its photos, its reference, "me too", and
what the member sees of their own reports."""
import secrets
from datetime import timedelta
from pathlib import Path

from flask import current_app

from ..privacy import Flags
from .. import clock, images
from ..db import first_row
from . import categories, pending

PHOTO_FOLDER = "grievance_photos"
_REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A short reference to quote (``R-7KQ2-9XWM``): random, so it tells nothing of how many
    reports there are."""
    chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"R-{chars[:4]}-{chars[4:]}"


def photo_folder() -> Path:
    """Where photos are kept: ``instance/grievance_photos`` (0700, files 0600)."""
    return Path(current_app.instance_path) / PHOTO_FOLDER


def store_photos(photos: list) -> list[tuple]:
    """Write cleaned photos to disk, before their rows and outside any transaction (each file
    is synced: the write lock is not held meanwhile); (name, photo) pairs for ``report``. A
    transaction that then fails leaves only files that no row names: the purge sweeps them
    away, or ``discard_photos`` at once."""
    return [(images.save(photo_folder(), photo), photo) for photo in photos]


def discard_photos(stored: list[tuple]) -> None:
    """Delete photos stored for a report that was not recorded."""
    for name, _photo in stored:
        images.safe_path(photo_folder(), name).unlink(missing_ok=True)


def new_form_token() -> str:
    """A report form's one-time token: random, carried by the form, kept with the report."""
    return secrets.token_urlsafe(16)


def made_with(db, token: str | None) -> dict | None:
    """The report already made with this form's one-time token, or None."""
    if not token:
        return None
    return first_row(db, "select id, reference, member_id from grievances "
                         "where form_token = ?", [token])


def report(db, member_id: int | None, building_id: int, category: str, description: str,
           flags: list[str], since: str | None, photos: list, kept: list = (),
           form_token: str | None = None) -> dict:
    """Record a grievance and its photos (as ``store_photos`` stored them, after those
    ``kept`` across a refused send: see ``pending``); return its id and reference. A form
    whose one-time token already made a report records nothing: that report is returned,
    with ``again`` set."""
    now = clock.stamp()
    reference = new_reference()
    with db.atomic():
        earlier = made_with(db, form_token)
        if earlier is not None:
            return {**earlier, "again": True}
        grievance_id = db.execute(
            "insert into grievances (reference, member_id, building_id, category, "
            "description, description_flags, since, status, created_at, updated_at, "
            "form_token) values (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?)",
            [reference, member_id, building_id, category, description,
             Flags(flags).format(), since or None, now, now, form_token or None]).lastrowid
        photos = pending.adopt(db, list(kept), photo_folder()) + list(photos)
        db.conn.executemany(
            "insert into grievance_photos (grievance_id, member_id, file_name, width, "
            "height, created_at) values (?, ?, ?, ?, ?, ?)",
            [(grievance_id, member_id, name, photo.width, photo.height, now)
             for name, photo in photos])
    return {"id": grievance_id, "reference": reference}


# How long the thanks page shows the reference of the report just made.
REFERENCE_SHOWN_FOR = timedelta(minutes=30)


def just_made(db, member_id: int) -> str | None:
    """The reference of the member's latest report if made in the last
    ``REFERENCE_SHOWN_FOR`` (the thanks page shows it), else None. Read back from the row,
    not carried in the session: recording a report then writes nothing but the report."""
    found = db.execute(
        "select reference from grievances where member_id = ? and created_at >= ? "
        "order by id desc limit 1",
        [member_id, clock.stamp(clock.now() - REFERENCE_SHOWN_FOR)]).fetchone()
    return found[0] if found else None


def by_reference(db, reference: str) -> dict | None:
    """The grievance with this reference (any case, with or without its dashes), or None."""
    cleaned = "".join(ch for ch in (reference or "").upper() if ch.isalnum())
    if len(cleaned) == 9 and cleaned.startswith("R"):
        cleaned = cleaned[1:]
    if len(cleaned) != 8:
        return None
    return first_row(db, "select * from grievances where reference = ?",
                     [f"R-{cleaned[:4]}-{cleaned[4:]}"])


def support(db, member_id: int, building_id: int, category: str) -> bool:
    """Add the member's household to a problem of their building ("me too"), once; return
    whether it was new."""
    if category not in categories.CATEGORIES:
        raise ValueError(category)
    inserted = db.execute(
        "insert or ignore into grievance_supports (member_id, building_id, category, "
        "created_at) values (?, ?, ?, ?)", [member_id, building_id, category, clock.stamp()])
    return inserted.rowcount == 1


def joined_here(db, member_id: int, building_id: int) -> dict:
    """The problems of a building the member's household joined ("me too"): kind -> the
    support's id."""
    return {row["category"]: row["id"] for row in db.query(
        "select id, category from grievance_supports where member_id = ? and building_id = ?",
        [member_id, building_id])}


def withdraw_support(db, member_id: int, support_id: int) -> None:
    """Take one's household off a problem."""
    db.execute("delete from grievance_supports where id = ? and member_id = ?",
               [support_id, member_id])


def of_member(db, member_id: int) -> list[dict]:
    """The member's reports, newest first, with their building, notes and photos, and the
    dates of the collective case each joined (the letter sent, its answer due and given)."""
    rows = list(db.query(
        "select g.*, b.name as building_name, c.sent_on as case_sent_on, "
        "c.response_due as case_due, (select min(e.happened_on) from case_events e "
        "where e.case_id = c.id and e.kind = 'reply') as case_answered_on "
        "from grievances g join buildings b on b.id = g.building_id "
        "left join cases c on c.id = g.case_id where g.member_id = ? "
        "order by g.created_at desc, g.id desc", [member_id]))
    for row in rows:
        row["notes"] = list(db.query(
            "select volunteer_login, created_at, text, text_flags from grievance_notes "
            "where grievance_id = ? order by created_at, id", [row["id"]]))
        row["photos"] = [p["id"] for p in db.query(
            "select id from grievance_photos where grievance_id = ? order by id", [row["id"]])]
    return rows


def supports_of(db, member_id: int) -> list[dict]:
    """The problems the member's household joined ("me too")."""
    return list(db.query(
        "select s.id, s.category, s.created_at, b.name as building_name from "
        "grievance_supports s join buildings b on b.id = s.building_id "
        "where s.member_id = ? order by s.created_at desc", [member_id]))


def member_photo(db, member_id: int, photo_id: int) -> dict | None:
    """A photo of one of the member's own reports, or None."""
    return first_row(db, "select * from grievance_photos where id = ? and member_id = ?",
                     [photo_id, member_id])


def open_count(db, member_id: int) -> int:
    """How many of the member's reports are still open."""
    return db.execute(
        f"select count(*) from grievances where member_id = ? and status in "
        f"({','.join('?' * len(categories.OPEN))})", [member_id, *categories.OPEN]).fetchone()[0]


def open_report(db, member_id: int, grievance_id: int) -> dict | None:
    """One of the member's own reports, while it is open (photos may still be added)."""
    return first_row(
        db, f"select * from grievances where id = ? and member_id = ? and status in "
            f"({','.join('?' * len(categories.OPEN))})",  # nosec B608
        [grievance_id, member_id, *categories.OPEN])


def add_photo(db, member_id: int, grievance_id: int, photo, most: int) -> bool:
    """Add a cleaned photo to one of the member's reports, unless it already holds ``most``;
    return whether it was added (the file goes when it was not)."""
    [(name, _photo)] = store_photos([photo])
    with db.atomic():
        held = db.table("grievance_photos").count_where("grievance_id = ?", [grievance_id])
        if held < most:
            db.execute(
                "insert into grievance_photos (grievance_id, member_id, file_name, width, "
                "height, created_at) values (?, ?, ?, ?, ?, ?)",
                [grievance_id, member_id, name, photo.width, photo.height, clock.stamp()])
    if held >= most:
        discard_photos([(name, photo)])
    return held < most
